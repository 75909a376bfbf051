import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// The accountant's commands for scripts: a month's payment list and one person's
/// statement as tables or JSON lines, closing a month, recording its payment, and the
/// files to save. Closing and paying are safe to repeat: the portal refuses a second close
/// or payment (409), and a repeat that finds its own work done says so and succeeds.
extension DeskCommands {
    /// How a close or a payment ended: done now, or found done already (a retry, a rerun).
    public enum LedgerOutcome: Sendable, Hashable {
        case done(RoyaltyBatch)
        case doneAlready(RoyaltyBatch)
    }

    /// Why the portal refused a close or a payment (its 409), found out by asking for the batches.
    public enum LedgerRefusal: Error, Sendable, Hashable {
        /// Closing a month that has not ended.
        case monthNotOver(site: String, month: String)
        /// Paying a month that is not closed.
        case notClosed(site: String, month: String)
        /// Paying a month recorded paid with another reference.
        case paidWithAnotherReference(RoyaltyBatch)
    }

    /// No site named, and the user keeps the ledger of none.
    public struct NoLedgerSite: Error, Sendable, Hashable {}

    // MARK: - Reading

    /// The sites whose ledger the user keeps (an accountant's or admin's role there, or
    /// everywhere), in the portal's order: what a command without `--site` works on.
    public func ledgerSites() throws -> [String] {
        let grants = try retrying { try client.me() }.grants.filter { $0.role == .accountant || $0.role == .admin }
        let sites = try retrying { try client.sites() }.map(\.code)
        if grants.contains(where: { $0.site == nil }) { return sites }
        let kept = Set(grants.compactMap(\.site))
        return sites.filter(kept.contains)
    }

    /// `site`, or every site whose ledger the user keeps when it is nil (none: refused).
    public func sites(_ site: String?) throws -> [String] {
        if let site { return [site] }
        let sites = try ledgerSites()
        guard !sites.isEmpty else { throw NoLedgerSite() }
        return sites
    }

    /// The month's payment list of `site`, or of every site whose ledger the user keeps: a
    /// table with totals, the net in words and the 45/60-day flags, or JSON lines (one line a
    /// person and site, with `site` and `lateness`; the totals are the sum of the lines). Each
    /// site pays its own batch, so a person paid by two sites has a line on each, taxed apart,
    /// and the sites' totals add up to what is paid.
    public func paymentList(site: String?, month: String, paidOn: String?, format: Format, now: Date = Date()) throws -> String {
        let lists = try sites(site).map { code in try retrying { try client.paymentList(site: code, month: month, paidOn: paidOn) } }
        if format == .jsonl || format == .json {
            let encoder = WireFormat.encoder()
            return try lists.flatMap { list in
                try list.lines.map { line in
                    let listed = ListedPaymentLine(line: line, site: list.site ?? "", lateness: line.lateness(at: now))
                    return TerminalSafeText.json(String(decoding: try encoder.encode(listed), as: UTF8.self)) + "\n"
                }
            }.joined()
        }
        var text = lists.map { Self.paymentListTable($0, site: $0.site ?? "", language: language, now: now) }.joined(separator: "\n")
        if lists.count > 1 {
            let (gross, tax, net) = (lists.reduce(0) { $0 + $1.gross }, lists.reduce(0) { $0 + $1.tax }, lists.reduce(0) { $0 + $1.net })
            text += "\n" + TerminalSafeText.line(Strings.sitesTotals(sites: lists.count, gross: Self.amount(gross), tax: Self.amount(tax),
                                                                   net: Self.amount(net))(language)) + "\n"
            text += TerminalSafeText.line(Strings.inWords(VietNumber.amountInWords(Int(clamping: net)))(language)) + "\n"
        }
        return text
    }

    /// A payment list's line as a script reads it: the line's own fields, its site and how
    /// late it is (`due`, `overdue` or null).
    struct ListedPaymentLine: Encodable {
        var line: PaymentList.Line
        var site: String
        var lateness: RoyaltyEntitlement.Lateness?

        private enum Keys: String, CodingKey { case site, lateness }

        func encode(to encoder: Encoder) throws {
            try line.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(site, forKey: .site)
            try container.encode(lateness, forKey: .lateness)
        }
    }

    /// A flag for a payee whose oldest unpaid line is 45 or 60 days old at `now`; empty otherwise.
    static func latenessText(_ lateness: RoyaltyEntitlement.Lateness?, language: UILanguage) -> String {
        switch lateness {
        case .due?: return Strings.latenessDue(language)
        case .overdue?: return Strings.latenessOverdue(language)
        case nil: return ""
        }
    }

    /// The payment list as a table: STT, name, pen name, items, coefficients, gross, tax,
    /// net, how late the oldest unpaid line is, then the totals row and the net in words.
    /// Amounts are grouped as Vietnamese write them (1.234.567).
    static func paymentListTable(_ list: PaymentList, site: String, language: UILanguage, now: Date = Date()) -> String {
        let heading = TerminalSafeText.line(Strings.paymentListHeading(month: list.month, site: list.site ?? site, paidOn: list.paidOn)(language))
        guard !list.lines.isEmpty else {
            return heading + "\n" + TerminalSafeText.line(Strings.noRoyalties(month: list.month, site: list.site ?? site)(language)) + "\n"
        }
        let header = [Strings.columnNumber, Strings.columnFullName, Strings.columnPenName, Strings.columnItems, Strings.columnCoefficients,
                      Strings.columnGross, Strings.columnTax, Strings.columnNet, Strings.columnLateness].map { $0(language) }
        var rows = [header]
        for (index, line) in list.lines.enumerated() {
            rows.append([String(index + 1), line.payee.fullName, line.payee.penName ?? "", String(line.items),
                         VietNumber.grouped(line.coefficientTotal, fractionDigits: 2), amount(line.gross), amount(line.tax), amount(line.net),
                         latenessText(line.lateness(at: now), language: language)])
        }
        rows.append(["", Strings.totalLabel(language), "", String(list.lines.reduce(0) { $0 + $1.items }),
                     VietNumber.grouped(list.lines.reduce(0) { $0 + $1.coefficientTotal }, fractionDigits: 2),
                     amount(list.gross), amount(list.tax), amount(list.net), ""])
        // A row without a flag ends at its net, not in the flag column's spaces.
        let table = aligned(rows, numeric: [true, false, false, true, true, true, true, true, false], width: nil)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
            .joined(separator: "\n")
        return heading + "\n\n" + table + "\n" + TerminalSafeText.line(Strings.inWords(list.netInWords)(language)) + "\n"
    }

    /// One person's month on `site`, or on each site whose ledger the user keeps that owes
    /// them something (the first site's empty statement when none does): each item with its
    /// amount and its 45/60-day flag, then gross, tax and net; or each statement as a JSON line.
    public func statement(site: String?, month: String, contributor: Int64, paidOn: String?, format: Format, now: Date = Date()) throws -> String {
        var statements = try sites(site).map { code in
            try retrying { try client.royaltyStatement(site: code, month: month, contributor: contributor, paidOn: paidOn) }
        }
        if site == nil {
            let owing = statements.filter { !$0.entitlements.isEmpty }
            statements = owing.isEmpty ? Array(statements.prefix(1)) : owing
        }
        if format == .jsonl || format == .json {
            let encoder = WireFormat.encoder()
            return try statements.map { TerminalSafeText.json(String(decoding: try encoder.encode($0), as: UTF8.self)) + "\n" }.joined()
        }
        return statements.map { Self.statementTable($0, language: language, now: now) }.joined(separator: "\n")
    }

    static func statementTable(_ statement: RoyaltyStatement, language: UILanguage, now: Date = Date()) -> String {
        let line = statement.line
        let name = line.payee.penName.map { "\(line.payee.fullName) (\($0))" } ?? line.payee.fullName
        var out = TerminalSafeText.line(Strings.statementHeading(name: name, month: statement.month, site: statement.site)(language)) + "\n\n"
        if !statement.entitlements.isEmpty {
            var rows = [[Strings.columnPublishedOn, Strings.columnGenre, Strings.columnCoefficient, Strings.columnShare, Strings.columnGross,
                         Strings.columnLateness, Strings.columnTitle].map { $0(language) }]
            for item in statement.entitlements {
                let title = item.adjusts == nil ? item.itemTitle : item.itemTitle + " " + Strings.adjustmentMark(language)
                rows.append([VietnamDay(containing: item.publishedAt).text, item.genreName,
                             item.coefficient.map { VietNumber.grouped($0, fractionDigits: 2) } ?? "", "\(item.sharePercent)%",
                             amount(item.amount), latenessText(item.lateness(at: now), language: language), title])
            }
            out += aligned(rows, numeric: [false, false, true, true, true, false, false], width: nil) + "\n"
        }
        out += Strings.statementTotals(gross: amount(line.gross), tax: amount(line.tax), net: amount(line.net))(language) + "\n"
        return out
    }

    static func amount(_ value: Int64) -> String {
        VietNumber.grouped(Int(clamping: value))
    }

    // MARK: - Closing and paying

    /// The batch a 409 `illegal_transition` carries (the month closed, or paid, already); nil
    /// when the 409 is about a month with none (not ended, not closed). Other errors go on.
    private static func batchInConflict(_ error: Error) throws -> RoyaltyBatch? {
        guard case .api(_, let body)? = error as? PortalError, APIErrorCode(rawValue: body.error.code) == .illegalTransition else { throw error }
        return body.batch
    }

    /// Closes the month. A 409 because the month is closed already (this command run twice,
    /// or a retry whose first answer was lost) is success: the batch the answer carries is returned.
    public func closeMonth(site: String, month: String) throws -> LedgerOutcome {
        do {
            return .done(try retrying { try client.closeRoyaltyMonth(site: site, month: month) })
        } catch {
            // The same 409 says "not ended yet", without a batch.
            guard let batch = try Self.batchInConflict(error) else { throw LedgerRefusal.monthNotOver(site: site, month: month) }
            return .doneAlready(batch)
        }
    }

    /// Records the month's payment with `reference`. A 409 from a month recorded paid with
    /// this very reference (a rerun, a retry) is success; paid with another one is refused
    /// as `LedgerRefusal.paidWithAnotherReference`; a month not closed, as `.notClosed`.
    public func recordPayment(site: String, month: String, reference: String) throws -> LedgerOutcome {
        do {
            return .done(try retrying { try client.recordRoyaltyPayment(site: site, month: month, reference: reference) })
        } catch {
            guard let batch = try Self.batchInConflict(error) else { throw LedgerRefusal.notClosed(site: site, month: month) }
            guard let recorded = batch.paymentReference else { throw error }
            // The portal keeps the reference trimmed and in NFC.
            let asked = Normalization.nfc(reference.trimmingCharacters(in: .whitespacesAndNewlines))
            guard recorded == asked else { throw LedgerRefusal.paidWithAnotherReference(batch) }
            return .doneAlready(batch)
        }
    }

    /// What a close or a payment did, in one line.
    public func report(_ outcome: LedgerOutcome, paying: Bool) -> String {
        let line: String
        switch outcome {
        case .done(let batch) where paying:
            line = Strings.paymentRecorded(month: batch.month, site: batch.site, reference: batch.paymentReference ?? "")(language)
        case .doneAlready(let batch) where paying:
            line = Strings.paymentRecordedAlready(month: batch.month, site: batch.site, reference: batch.paymentReference ?? "",
                                                  by: batch.paidBy ?? "", at: batch.paidAt.map(DateText.full) ?? "")(language)
        case .done(let batch):
            line = Strings.monthClosed(month: batch.month, site: batch.site, lines: batch.lines, gross: Self.amount(batch.gross))(language)
        case .doneAlready(let batch):
            line = Strings.monthClosedAlready(month: batch.month, site: batch.site, by: batch.closedBy, at: DateText.full(batch.closedAt))(language)
        }
        return TerminalSafeText.line(line)
    }

    /// Why a close or a payment was refused, in one line, as the portal's words left it: it
    /// quotes a reference someone typed, so whoever shows it passes it through `TerminalSafeText`
    /// (the command line does so for every failure, once).
    public func explain(_ refusal: LedgerRefusal) -> String {
        switch refusal {
        case .monthNotOver(let site, let month):
            return Strings.monthNotOver(month: month, site: site)(language)
        case .notClosed(let site, let month):
            return Strings.monthNotClosed(month: month, site: site)(language)
        case .paidWithAnotherReference(let batch):
            return Strings.paidAlreadyOtherReference(month: batch.month, site: batch.site, reference: batch.paymentReference ?? "",
                                                     by: batch.paidBy ?? "", at: batch.paidAt.map(DateText.full) ?? "")(language)

        }
    }

    // MARK: - Correcting a grading

    /// Corrects published item `id`'s grading (an editor's or admin's act): its ledger lines as
    /// they now are, as a table (month, payee, share, amount, the batch's state; an adjustment
    /// marked) under a line saying what was done, or JSON lines. Repeating it changes nothing more.
    public func regrade(id: Int64, grading: Grading, format: Format) throws -> String {
        let lines = try retrying { try client.regrade(id: id, grading: grading) }
        if format == .jsonl || format == .json {
            let encoder = WireFormat.encoder()
            return try lines.map { TerminalSafeText.json(String(decoding: try encoder.encode($0), as: UTF8.self)) + "\n" }.joined()
        }
        return Self.regradeTable(id: id, lines, language: language)
    }

    static func regradeTable(id: Int64, _ lines: [RoyaltyEntitlement], language: UILanguage) -> String {
        let total = lines.reduce(Int64(0)) { $0 + $1.amount }
        var rows = [[Strings.columnMonth, Strings.columnContributorId, Strings.columnGenre, Strings.columnCoefficient, Strings.columnShare,
                     Strings.columnGross, Strings.columnBatch].map { $0(language) }]
        for line in lines {
            let state = line.paidAt != nil ? Strings.lineInPaidBatch : line.batchId != nil ? Strings.lineInClosedBatch : Strings.lineInOpenMonth
            rows.append([line.month, "#\(line.contributorId)", line.genreName, line.coefficient.map { VietNumber.grouped($0, fractionDigits: 2) } ?? "",
                         "\(line.sharePercent)%", amount(line.amount),
                         state(language) + (line.adjusts == nil ? "" : " " + Strings.adjustmentMark(language))])
        }
        return TerminalSafeText.line(Strings.regraded(id: id, lines: lines.count, total: amount(total))(language)) + "\n\n"
            + aligned(rows, numeric: [false, false, false, true, true, true, false], width: nil)
    }

    // MARK: - Files

    /// The payment list, or one person's statement when `contributor` is given, as a file.
    public func royaltyFile(site: String, month: String, contributor: Int64?, paidOn: String?, format: SpreadsheetFormat) throws -> DownloadedFile {
        try retrying {
            if let contributor {
                return try client.royaltyStatementFile(site: site, month: month, contributor: contributor, paidOn: paidOn, format: format)
            }
            return try client.paymentListFile(site: site, month: month, paidOn: paidOn, format: format)
        }
    }

    /// The files of `site`, or of every site whose ledger the user keeps that has something to
    /// pay in the month (to `contributor`, when given): one file a site, each that site's own
    /// list or statement, since each site pays its own batch. With their sites.
    public func royaltyFiles(site: String?, month: String, contributor: Int64?, paidOn: String?,
                             format: SpreadsheetFormat) throws -> [(site: String, file: DownloadedFile)] {
        guard site == nil else { return try sites(site).map { ($0, try royaltyFile(site: $0, month: month, contributor: contributor, paidOn: paidOn, format: format)) } }
        let owing = try sites(nil).filter { code in
            if let contributor {
                return try !retrying { try client.royaltyStatement(site: code, month: month, contributor: contributor, paidOn: paidOn) }.entitlements.isEmpty
            }
            return try !retrying { try client.paymentList(site: code, month: month, paidOn: paidOn) }.lines.isEmpty
        }
        return try owing.map { ($0, try royaltyFile(site: $0, month: month, contributor: contributor, paidOn: paidOn, format: format)) }
    }

    /// Saves `file` at `path`, or under the name the portal gave it in `directory`: whole or
    /// not at all, and never over an existing file unless `force`. The path written. Readable
    /// by its owner alone: a payment list holds CCCD numbers and bank accounts, and an SSH
    /// host is shared.
    public static func save(_ file: DownloadedFile, to path: String?, in directory: String, fallbackName: String, force: Bool) throws -> String {
        let target = path ?? (directory + "/" + (file.suggestedName ?? fallbackName))
        try SafeFile.write(file.data, to: target, replacing: force, mode: 0o600)
        return target
    }

    // MARK: - Reading what people type

    /// `YYYY-MM` for a month that exists (1970-01 to 2199-12), else nil.
    public static func month(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count == 7, let day = VietnamDay(trimmed + "-01"), day.text.hasPrefix(trimmed) else { return nil }
        return trimmed
    }

    /// `YYYY-MM-DD` for a day that exists, else nil.
    public static func day(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let day = VietnamDay(trimmed), day.text == trimmed else { return nil }
        return trimmed
    }
}
