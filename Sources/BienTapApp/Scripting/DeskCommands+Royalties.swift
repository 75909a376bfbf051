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

    // MARK: - Reading

    /// The month's payment list: a table with totals and the net in words, or JSON lines
    /// (one line a person; the totals are the sum of the lines).
    public func paymentList(site: String, month: String, paidOn: String?, format: Format, width: Int? = nil) throws -> String {
        let list = try retrying { try client.paymentList(site: site, month: month, paidOn: paidOn) }
        if format == .jsonl || format == .json {
            let encoder = WireFormat.encoder()
            return try list.lines.map { TerminalSafeText.json(String(decoding: try encoder.encode($0), as: UTF8.self)) + "\n" }.joined()
        }
        return Self.paymentListTable(list, site: site, language: language)
    }

    /// The payment list as a table: STT, name, pen name, items, coefficients, gross, tax,
    /// net, then the totals row and the net in words. Amounts are grouped as Vietnamese
    /// write them (1.234.567).
    static func paymentListTable(_ list: PaymentList, site: String, language: UILanguage) -> String {
        let heading = TerminalSafeText.line(Strings.paymentListHeading(month: list.month, site: list.site ?? site, paidOn: list.paidOn)(language))
        guard !list.lines.isEmpty else {
            return heading + "\n" + TerminalSafeText.line(Strings.noRoyalties(month: list.month, site: list.site ?? site)(language)) + "\n"
        }
        let header = [Strings.columnNumber, Strings.columnFullName, Strings.columnPenName, Strings.columnItems, Strings.columnCoefficients,
                      Strings.columnGross, Strings.columnTax, Strings.columnNet].map { $0(language) }
        var rows = [header]
        for (index, line) in list.lines.enumerated() {
            rows.append([String(index + 1), line.payee.fullName, line.payee.penName ?? "", String(line.items),
                         VietNumber.grouped(line.coefficientTotal, fractionDigits: 2), amount(line.gross), amount(line.tax), amount(line.net)])
        }
        rows.append(["", Strings.totalLabel(language), "", String(list.lines.reduce(0) { $0 + $1.items }),
                     VietNumber.grouped(list.lines.reduce(0) { $0 + $1.coefficientTotal }, fractionDigits: 2),
                     amount(list.gross), amount(list.tax), amount(list.net)])
        let table = aligned(rows, numeric: [true, false, false, true, true, true, true, true], width: nil)
        return heading + "\n\n" + table + "\n" + TerminalSafeText.line(Strings.inWords(list.netInWords)(language)) + "\n"
    }

    /// One person's month: each item with its amount, then gross, tax and net; or the
    /// statement as one JSON line.
    public func statement(site: String, month: String, contributor: Int64, paidOn: String?, format: Format) throws -> String {
        let statement = try retrying { try client.royaltyStatement(site: site, month: month, contributor: contributor, paidOn: paidOn) }
        if format == .jsonl || format == .json {
            return TerminalSafeText.json(String(decoding: try WireFormat.encoder().encode(statement), as: UTF8.self)) + "\n"
        }
        return Self.statementTable(statement, language: language)
    }

    static func statementTable(_ statement: RoyaltyStatement, language: UILanguage) -> String {
        let line = statement.line
        let name = line.payee.penName.map { "\(line.payee.fullName) (\($0))" } ?? line.payee.fullName
        var out = TerminalSafeText.line(Strings.statementHeading(name: name, month: statement.month, site: statement.site)(language)) + "\n\n"
        if !statement.entitlements.isEmpty {
            var rows = [[Strings.columnPublishedOn, Strings.columnGenre, Strings.columnCoefficient, Strings.columnShare, Strings.columnGross,
                         Strings.columnTitle].map { $0(language) }]
            for item in statement.entitlements {
                let title = item.adjusts == nil ? item.title : item.title + " " + Strings.adjustmentMark(language)
                rows.append([VietnamDay(containing: item.publishedAt).text, item.genreName,
                             item.coefficient.map { VietNumber.grouped($0, fractionDigits: 2) } ?? "", "\(item.sharePercent)%",
                             amount(item.amount), title])
            }
            out += aligned(rows, numeric: [false, false, true, true, true, false], width: nil) + "\n"
        }
        out += Strings.statementTotals(gross: amount(line.gross), tax: amount(line.tax), net: amount(line.net))(language) + "\n"
        return out
    }

    static func amount(_ value: Int64) -> String {
        VietNumber.grouped(Int(clamping: value))
    }

    // MARK: - Closing and paying

    /// Closes the month. A 409 because the month is closed already (this command run twice,
    /// or a retry whose first answer was lost) is success: the batch there is returned.
    public func closeMonth(site: String, month: String) throws -> LedgerOutcome {
        do {
            return .done(try retrying { try client.closeRoyaltyMonth(site: site, month: month) })
        } catch let error as PortalError where error.apiCode == .illegalTransition {
            // The same 409 says "not ended yet": only a batch for the month tells the two apart.
            guard let batch = try retrying({ try client.royaltyBatches(site: site) }).first(where: { $0.month == month }) else {
                throw LedgerRefusal.monthNotOver(site: site, month: month)
            }
            return .doneAlready(batch)
        }
    }

    /// Records the month's payment with `reference`. A 409 from a month recorded paid with
    /// this very reference (a rerun, a retry) is success; paid with another one is refused
    /// as `LedgerRefusal.paidWithAnotherReference`; a month not closed, as `.notClosed`.
    public func recordPayment(site: String, month: String, reference: String) throws -> LedgerOutcome {
        do {
            return .done(try retrying { try client.recordRoyaltyPayment(site: site, month: month, reference: reference) })
        } catch let error as PortalError where error.apiCode == .illegalTransition {
            guard let batch = try retrying({ try client.royaltyBatches(site: site) }).first(where: { $0.month == month }) else {
                throw LedgerRefusal.notClosed(site: site, month: month)
            }
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

    /// Why a close or a payment was refused, in one line.
    public func explain(_ refusal: LedgerRefusal) -> String {
        switch refusal {
        case .monthNotOver(let site, let month):
            return TerminalSafeText.line(Strings.monthNotOver(month: month, site: site)(language))
        case .notClosed(let site, let month):
            return TerminalSafeText.line(Strings.monthNotClosed(month: month, site: site)(language))
        case .paidWithAnotherReference(let batch):
            return TerminalSafeText.line(Strings.paidAlreadyOtherReference(month: batch.month, site: batch.site, reference: batch.paymentReference ?? "",
                                                                           by: batch.paidBy ?? "", at: batch.paidAt.map(DateText.full) ?? "")(language))
        }
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
