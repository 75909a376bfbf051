import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// Why a payment list could not be saved.
public enum ExportFailure: Error, Sendable {
    case portal(PortalError)
    case cannotSave(path: String, reason: FileFailure)
}

/// The accountant's screen as a desk screen: opening it, the month and site pickers, the
/// statement, closing, paying and exporting, and its keys, clicks, questions and answers.
extension RoyaltyScreen: DeskScreen {
    var overlay: Overlay { .royalties(self) }
    var keyContext: String { AppActions.royalties }
    func heading(_ desk: DeskContext) -> String { Strings.royaltiesTitle(desk.language) }
    func isBusy(_ desk: DeskContext) -> Bool? { isLoading || loadingStatement }
    /// An accountant who landed here leaves bientap from the month's list.
    var backQuits: Bool { isHome && statement == nil }

    func render(into frame: inout Frame, in body: Rect, desk: DeskContext) -> String {
        render(into: &frame, in: body, now: desk.now, theme: desk.theme, language: desk.language, cursorStyle: desk.cursorStyle)
        let table = statement == nil ? table : statementTable
        return desk.position(table.cursor, of: table.rowCount)
    }

    /// The day tax is reckoned by: the payment's, once the month is paid; else the portal's today.
    var paidOn: String? { data?.batch?.paidAt.map { VietnamDay(containing: $0).text } }

    /// The folder exports are saved in: where bientap was started, as `bientap royalties export` does.
    static var exportFolder: String { FileManager.default.currentDirectoryPath }

    /// Data rows of the table.
    private static func tableRows(_ desk: DeskContext) -> Int { tableRows(bodyHeight: desk.bodyRows) }

    // MARK: - Opening

    /// Last month of the first site the user keeps the ledger of (`home`: the screen an
    /// accountant lands on); someone known to hold no such role is told so instead.
    static func start(home: Bool, in desk: inout DeskContext) -> (RoyaltyScreen, [Effect])? {
        if let me = desk.me, !me.keepsLedger() {
            desk.notify(Strings.ledgerRoleRequired(desk.language), kind: .warning)
            return nil
        }
        let screen = RoyaltyScreen(month: defaultMonth(now: desk.now), isHome: home)
        desk.loading()
        return (screen, [.loadLedgerMonth(site: nil, month: screen.month)])
    }

    // MARK: - Actions

    mutating func perform(_ action: DeskAction, in desk: inout DeskContext) -> [Effect]? {
        if let move = action.move {
            if statement != nil {
                statementTable.apply(move, visibleRows: Self.tableRows(desk))
            } else {
                table.apply(move, visibleRows: Self.tableRows(desk))
            }
            return []
        }
        switch action {
        case .back:
            // The statement is a view of the month's: back is the list.
            guard statement != nil else { return nil }
            statement = nil
            return []
        case .open:
            guard statement == nil, let line = selected, let site else { return [] }
            loadingStatement = true
            desk.loading()
            return [.loadRoyaltyStatement(site: site, month: month, contributor: line.payee.contributorId, paidOn: paidOn)]
        case .previousMonth, .nextMonth:
            guard let month = Self.shift(month, by: action == .nextMonth ? 1 : -1) else { return [] }
            return load(site: site, month: month, in: &desk)
        case .goToMonth:
            desk.ask(.month, label: Strings.askMonth(desk.language), text: Strings.monthText(month))
        case .nextSite, .previousSite:
            guard sites.count > 1 else { return [] }
            let index = sites.firstIndex { $0.code == site } ?? 0
            let next = (index + (action == .nextSite ? 1 : sites.count - 1)) % sites.count
            return load(site: sites[next].code, month: month, in: &desk)
        case .refresh:
            return load(site: site, month: month, in: &desk)
        case .closeMonth:
            askToClose(in: &desk)
        case .recordPayment:
            askForReference(in: &desk)
        case .exportPaymentList:
            askExportFormat(in: &desk)
        case .quit, .help, .redraw, .suspend, .palette, .royalties, .activityReport:
            return nil
        default:
            // The queue's own commands (search, filter, sort, decisions) mean nothing here.
            break
        }
        return []
    }

    private mutating func load(site: String?, month: String, in desk: inout DeskContext) -> [Effect] {
        // What is asked for is what the answers are matched with (and where a next Tab starts from).
        if let site { self.site = site }
        self.month = month
        statement = nil
        isLoading = true
        desk.loading()
        return [.loadLedgerMonth(site: site, month: month)]
    }

    private func askToClose(in desk: inout DeskContext) {
        let language = desk.language
        guard let site, let data, !isLoading else { return }
        guard data.batch == nil else { return desk.notify(Strings.closedAlreadyHere(month: month)(language)) }
        desk.modals.dialog = Dialog(title: Strings.closeTitle(language),
                                    message: Strings.closeMessage(month: month, site: siteName, people: data.list.lines.count,
                                                                  gross: DeskCommands.amount(data.list.gross))(language),
                                    choices: [.init(key: Strings.yesKey(language), label: Strings.closeChoice(language),
                                                    answer: .closeMonth(site: site, month: month)),
                                              .init(key: Strings.cancelKey(language), label: Strings.cancel(language), answer: .dismiss)],
                                    cancel: .dismiss)
    }

    private func askForReference(in desk: inout DeskContext) {
        guard site != nil, let data, !isLoading else { return }
        guard let batch = data.batch else {
            let key = desk.keymap.keys(for: .closeMonth, in: AppActions.royalties).first.map { $0.map(\.name).joined(separator: " ") } ?? "C"
            return desk.notify(Strings.payNeedsClose(month: month, key: key)(desk.language), kind: .warning)
        }
        if let reference = batch.paymentReference {
            return desk.notify(Strings.paidAlreadyHere(month: month, reference: reference)(desk.language))
        }
        desk.ask(.reference, label: Strings.askReference(desk.language), text: "")
    }

    private func askExportFormat(in desk: inout DeskContext) {
        let language = desk.language
        guard let site, data != nil else { return }
        desk.modals.dialog = Dialog(title: Strings.exportTitle(language),
                                    message: Strings.exportMessage(month: month, site: siteName, folder: Self.exportFolder)(language),
                                    choices: [.init(key: "c", label: Strings.csvChoice(language), answer: .export(site: site, month: month, paidOn: paidOn, .csv)),
                                              .init(key: "x", label: Strings.xlsxChoice(language), answer: .export(site: site, month: month, paidOn: paidOn, .xlsx)),
                                              .init(key: Strings.cancelKey(language), label: Strings.cancel(language), answer: .dismiss)],
                                    cancel: .dismiss)
    }

    /// A yes to the close question, or the format the payment list is exported in.
    mutating func answer(_ answer: DeskAnswer, in desk: inout DeskContext) -> [Effect]? {
        switch answer {
        case .closeMonth(let site, let month):
            desk.loading()
            isLoading = true
            return [.closeRoyaltyMonth(site: site, month: month)]
        case .export(let site, let month, let paidOn, let format):
            desk.loading()
            return [.exportPaymentList(site: site, month: month, paidOn: paidOn, format: format, folder: Self.exportFolder)]
        default:
            return nil
        }
    }

    /// A month or a payment reference typed on the bottom line.
    mutating func promptSubmitted(_ question: AppState.Asking, _ text: String, in desk: inout DeskContext) -> [Effect]? {
        switch question.ask {
        case .month:
            guard let month = Self.parseMonth(text) else {
                desk.notify(Strings.badMonthTyped(text)(desk.language), kind: .warning)
                return []
            }
            return load(site: site, month: month, in: &desk)
        case .reference:
            let reference = Normalization.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines))
            guard !reference.isEmpty, let site else { return [] }
            desk.loading()
            isLoading = true
            return [.recordRoyaltyPayment(site: site, month: month, reference: reference)]
        default:
            return nil
        }
    }

    // MARK: - The mouse

    /// A click selects a person (two open their statement); the wheel moves.
    mutating func mouse(_ mouse: MouseEvent, in desk: inout DeskContext) -> [Effect]? {
        let rows = Self.tableRows(desk)
        if let delta = mouse.wheelDelta {
            if statement != nil { statementTable.moveCursor(by: delta, visibleRows: rows) } else { table.moveCursor(by: delta, visibleRows: rows) }
            return []
        }
        guard case .press(let clicks) = mouse.action, statement == nil else { return [] }
        let rect = Rect(row: 3, col: 0, width: desk.width, height: max(1, desk.bodyRows - 4))
        let columns = Self.listColumns(width: desk.width).map { Self.title($0, desk.language) }
        guard table.select(at: mouse, columns: columns, in: rect, cursorStyle: desk.cursorStyle, visibleRows: rows) else { return [] }
        return clicks >= 2 ? perform(.open, in: &desk) : []
    }

    mutating func resized(_ desk: DeskContext) {
        table.keepCursorVisible(visibleRows: Self.tableRows(desk))
        statementTable.keepCursorVisible(visibleRows: Self.tableRows(desk))
    }

    // MARK: - Answers

    mutating func receive(_ message: AppMessage, in desk: inout DeskContext) -> [Effect]? {
        switch message {
        case .ledgerMonthLoaded(let site, let month, let result):
            // An answer for a month or site left meanwhile is dropped; the one asked for last follows.
            guard self.month == month, site == nil || site == self.site || self.site == nil else { return [] }
            switch result {
            case .success(var data):
                // The year's budget is read after the list is drawn; the one known for the site and year stays meanwhile.
                let year = Int(month.prefix(4)) ?? 0
                if let known = self.data?.budget, known.site == data.site, known.year == year { data.budget = known }
                replace(data, visibleRows: Self.tableRows(desk))
                desk.clearError()
                return data.site.isEmpty ? [] : [.loadRoyaltyBudget(site: data.site, year: year)]
            case .failure(let error):
                isLoading = false
                Self.showError(error, site: site ?? self.site ?? "", month: month, sites: sites, in: &desk)
                return []
            }
        case .royaltyBudgetLoaded(let site, let year, let budget):
            guard self.site == site, Int(month.prefix(4)) == year, let budget else { return [] }
            data?.budget = budget
        case .royaltyStatementLoaded(let contributor, let result):
            guard loadingStatement else { return [] }
            loadingStatement = false
            switch result {
            case .success(let statement) where selected?.payee.contributorId == contributor:
                showStatement(statement, visibleRows: Self.tableRows(desk))
            case .success:
                break
            case .failure(let error):
                Self.showError(error, site: site ?? "", month: month, sites: sites, in: &desk)
            }
        case .ledgerActed(let paying, let result):
            isLoading = false
            switch result {
            case .success(let outcome):
                desk.notify(report(outcome, paying: paying, desk.language))
                return load(site: site, month: month, in: &desk)
            case .failure(.portal(let error)):
                Self.showError(error, site: site ?? "", month: month, sites: sites, in: &desk)
            case .failure(.refused(let refusal)):
                desk.statusError = explain(refusal, desk.language)
                return load(site: site, month: month, in: &desk)
            }
        case .paymentListExported(let result):
            Self.exported(result, by: self, in: &desk)
        default:
            return nil
        }
        return []
    }

    /// A payment list saved, or why not; `screen` is the royalty screen when it is still open.
    static func exported(_ result: Result<SavedExport, ExportFailure>, by screen: RoyaltyScreen?, in desk: inout DeskContext) {
        switch result {
        case .success(let saved):
            desk.notify(Strings.saved(saved.path, bytes: saved.bytes)(desk.language))
        case .failure(.portal(let error)):
            showError(error, site: screen?.site ?? "", month: screen?.month ?? "", sites: screen?.sites ?? [], in: &desk)
        case .failure(.cannotSave(let path, let reason)):
            desk.statusError = Strings.cannotSave(path, Strings.fileReason(reason)(desk.language))(desk.language)
        }
    }

    /// A portal error on the ledger in the catalogue's words: a 403 says which role is missing,
    /// a 409 that a closed month does not change; others as everywhere.
    private static func showError(_ error: PortalError, site: String, month: String, sites: [SiteRef], in desk: inout DeskContext) {
        let name = sites.first { $0.code == site }?.name ?? site
        switch error.apiCode {
        case .forbidden?:
            desk.statusError = Strings.ledgerForbidden(name)(desk.language)
            desk.errorText = desk.statusError
        case .illegalTransition?:
            desk.statusError = Strings.ledgerConflict(month: month, site: name)(desk.language)
        default:
            desk.showError(error)
        }
    }

    private func report(_ outcome: DeskCommands.LedgerOutcome, paying: Bool, _ language: UILanguage) -> String {
        switch outcome {
        case .done(let batch) where paying:
            return Strings.paymentRecorded(month: batch.month, site: name(of: batch.site), reference: batch.paymentReference ?? "")(language)
        case .doneAlready(let batch) where paying:
            return Strings.paymentRecordedAlready(month: batch.month, site: name(of: batch.site), reference: batch.paymentReference ?? "",
                                                  by: batch.paidBy ?? "", at: batch.paidAt.map(DateText.full) ?? "")(language)
        case .done(let batch):
            return Strings.monthClosed(month: batch.month, site: name(of: batch.site), lines: batch.lines,
                                       gross: DeskCommands.amount(batch.gross))(language)
        case .doneAlready(let batch):
            return Strings.monthClosedAlready(month: batch.month, site: name(of: batch.site), by: batch.closedBy,
                                              at: DateText.full(batch.closedAt))(language)
        }
    }

    private func explain(_ refusal: DeskCommands.LedgerRefusal, _ language: UILanguage) -> String {
        switch refusal {
        case .monthNotOver(let site, let month):
            return Strings.monthNotOver(month: month, site: name(of: site))(language)
        case .notClosed(let site, let month):
            return Strings.payNeedsClose(month: month, key: "C")(language) + " (" + name(of: site) + ")"
        case .paidWithAnotherReference(let batch):
            return Strings.paidAlreadyOtherReference(month: batch.month, site: name(of: batch.site), reference: batch.paymentReference ?? "",
                                                     by: batch.paidBy ?? "", at: batch.paidAt.map(DateText.full) ?? "")(language)
        }
    }

    private func name(of code: String) -> String {
        sites.first { $0.code == code }?.name ?? code
    }
}
