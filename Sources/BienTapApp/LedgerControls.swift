import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// Why a payment list could not be saved.
public enum ExportFailure: Error, Sendable {
    case portal(PortalError)
    case cannotSave(path: String, reason: String)
}

/// The accountant's screens in the desk: opening them, the month and site pickers, the
/// statement, closing, paying and exporting, the activity report's year, and their keys,
/// clicks, questions and answers.
extension AppState {
    // MARK: - Opening

    var ledgerOnTop: RoyaltyScreen? {
        get { if case .royalties(let screen)? = overlays.last { return screen } else { return nil } }
        set { if let newValue, ledgerOnTop != nil { overlays[overlays.count - 1] = .royalties(newValue) } }
    }

    var activityOnTop: ActivityScreen? {
        get { if case .activity(let screen)? = overlays.last { return screen } else { return nil } }
        set { if let newValue, activityOnTop != nil { overlays[overlays.count - 1] = .activity(newValue) } }
    }

    /// Where the royalty screen is among the overlays.
    var ledgerIndex: Int? { overlays.lastIndex { if case .royalties = $0 { return true } else { return false } } }
    var activityIndex: Int? { overlays.lastIndex { if case .activity = $0 { return true } else { return false } } }

    /// Whether leaving the screen on top leaves bientap: the queue, or the royalties an accountant landed on.
    var backQuits: Bool {
        if overlays.isEmpty { return true }
        if overlays.count == 1, ledgerOnTop?.isHome == true, ledgerOnTop?.statement == nil { return true }
        return false
    }

    /// Data rows of the table on the royalty screen.
    var ledgerTableRows: Int { RoyaltyScreen.tableRows(bodyHeight: bodyRows) }

    /// Opens the royalty screen on last month of the first site the user keeps the ledger of;
    /// someone known to hold no such role is told so instead.
    mutating func openRoyalties(home: Bool = false) -> [Effect] {
        if let me, !me.keepsLedger() {
            notify(Strings.ledgerRoleRequired(language), kind: .warning)
            return []
        }
        if let index = ledgerIndex {
            // Already open below: back to it.
            let screen = overlays.remove(at: index)
            overlays.append(screen)
            return []
        }
        let screen = RoyaltyScreen(month: RoyaltyScreen.defaultMonth(now: now), isHome: home)
        overlays.append(.royalties(screen))
        loadStarted = now
        return [.loadLedgerMonth(site: nil, month: screen.month)]
    }

    mutating func openActivity() -> [Effect] {
        if let index = activityIndex {
            let screen = overlays.remove(at: index)
            overlays.append(screen)
            return []
        }
        // Last year: the report offices send at the start of a year.
        let year = Int(VietnamDay(containing: now).text.prefix(4)).map { $0 - 1 } ?? 2025
        overlays.append(.activity(ActivityScreen(year: year)))
        loadStarted = now
        return [.loadActivity(year: year)]
    }

    /// Who the user is: an accountant who neither edits nor publishes lands on the royalties.
    mutating func landOnLedger(_ me: Me) -> [Effect] {
        self.me = me
        guard me.isAccountantOnly, overlays.isEmpty, dialog == nil else { return [] }
        return openRoyalties(home: true)
    }

    // MARK: - Actions

    /// Performs `action` when the screen on top is the royalties or the activity report, or
    /// the action opens one; nil leaves it to the queue's handling.
    mutating func performLedger(_ action: DeskAction) -> [Effect]? {
        switch action {
        case .royalties: return openRoyalties()
        case .activityReport: return openActivity()
        default: break
        }
        if var screen = activityOnTop {
            var effects: [Effect] = []
            switch action {
            case .previousYear, .nextYear:
                let year = screen.year + (action == .nextYear ? 1 : -1)
                guard VietnamDay.years.contains(year), year > VietnamDay.years.lowerBound else { return [] }
                effects = loadActivity(&screen, year: year)
            case .goToYear:
                ask(.year, label: Strings.askYear(language), text: String(screen.year))
            case .refresh:
                effects = loadActivity(&screen, year: screen.year)
            case .back, .quit, .help, .redraw, .suspend, .palette:
                return nil
            default:
                if let move = action.move { screen.scroll(move, visibleRows: ActivityScreen.siteRows(bodyHeight: bodyRows)) }
            }
            activityOnTop = screen
            return effects
        }
        guard var screen = ledgerOnTop else { return nil }
        if let move = action.move {
            if screen.statement != nil {
                screen.statementTable.apply(move, visibleRows: ledgerTableRows)
            } else {
                screen.table.apply(move, visibleRows: ledgerTableRows)
            }
            ledgerOnTop = screen
            return []
        }
        var effects: [Effect] = []
        switch action {
        case .back:
            if screen.statement != nil {
                screen.statement = nil
            } else if backQuits {
                return quit()
            } else {
                return nil
            }
        case .open:
            guard screen.statement == nil, let line = screen.selected, let site = screen.site else { return [] }
            screen.loadingStatement = true
            loadStarted = now
            effects = [.loadRoyaltyStatement(site: site, month: screen.month, contributor: line.payee.contributorId, paidOn: screen.paidOn)]
        case .previousMonth, .nextMonth:
            guard let month = RoyaltyScreen.shift(screen.month, by: action == .nextMonth ? 1 : -1) else { return [] }
            effects = loadMonth(&screen, site: screen.site, month: month)
        case .goToMonth:
            ask(.month, label: Strings.askMonth(language), text: Strings.monthText(screen.month))
        case .nextSite, .previousSite:
            guard screen.sites.count > 1 else { return [] }
            let index = screen.sites.firstIndex { $0.code == screen.site } ?? 0
            let next = (index + (action == .nextSite ? 1 : screen.sites.count - 1)) % screen.sites.count
            effects = loadMonth(&screen, site: screen.sites[next].code, month: screen.month)
        case .refresh:
            effects = loadMonth(&screen, site: screen.site, month: screen.month)
        case .closeMonth:
            askToClose(screen)
        case .recordPayment:
            askForReference(screen)
        case .exportPaymentList:
            askExportFormat(screen)
        case .quit, .help, .redraw, .suspend, .palette:
            return nil
        default:
            // The queue's own commands (search, filter, sort, decisions) mean nothing here.
            return []
        }
        ledgerOnTop = screen
        return effects
    }

    private mutating func loadMonth(_ screen: inout RoyaltyScreen, site: String?, month: String) -> [Effect] {
        // What is asked for is what the answers are matched with (and where a next Tab starts from).
        if let site { screen.site = site }
        screen.month = month
        screen.statement = nil
        screen.isLoading = true
        loadStarted = now
        return [.loadLedgerMonth(site: site, month: month)]
    }

    private mutating func loadActivity(_ screen: inout ActivityScreen, year: Int) -> [Effect] {
        screen.year = year
        screen.isLoading = true
        loadStarted = now
        return [.loadActivity(year: year)]
    }

    private mutating func ask(_ ask: Ask, label: String, text: String) {
        withDesk { $0.ask(ask, label: label, text: text) }
    }

    private mutating func askToClose(_ screen: RoyaltyScreen) {
        guard let site = screen.site, let data = screen.data, !screen.isLoading else { return }
        guard data.batch == nil else { return notify(Strings.closedAlreadyHere(month: screen.month)(language)) }
        dialog = Dialog(title: Strings.closeTitle(language),
                        message: Strings.closeMessage(month: screen.month, site: screen.siteName, people: data.list.lines.count,
                                                      gross: DeskCommands.amount(data.list.gross))(language),
                        choices: [.init(key: Strings.yesKey(language), label: Strings.closeChoice(language),
                                        answer: .closeMonth(site: site, month: screen.month)),
                                  .init(key: Strings.cancelKey(language), label: Strings.cancel(language), answer: .dismiss)],
                        cancel: .dismiss)
    }

    private mutating func askForReference(_ screen: RoyaltyScreen) {
        guard screen.site != nil, let data = screen.data, !screen.isLoading else { return }
        guard let batch = data.batch else {
            let key = keymap.keys(for: .closeMonth, in: AppActions.royalties).first.map { $0.map(\.name).joined(separator: " ") } ?? "C"
            return notify(Strings.payNeedsClose(month: screen.month, key: key)(language), kind: .warning)
        }
        if let reference = batch.paymentReference { return notify(Strings.paidAlreadyHere(month: screen.month, reference: reference)(language)) }
        ask(.reference, label: Strings.askReference(language), text: "")
    }

    private mutating func askExportFormat(_ screen: RoyaltyScreen) {
        guard let site = screen.site, screen.data != nil else { return }
        let month = screen.month, paidOn = screen.paidOn
        dialog = Dialog(title: Strings.exportTitle(language),
                        message: Strings.exportMessage(month: screen.month, site: screen.siteName, folder: exportFolder)(language),
                        choices: [.init(key: "c", label: Strings.csvChoice(language), answer: .export(site: site, month: month, paidOn: paidOn, .csv)),
                                  .init(key: "x", label: Strings.xlsxChoice(language), answer: .export(site: site, month: month, paidOn: paidOn, .xlsx)),
                                  .init(key: Strings.cancelKey(language), label: Strings.cancel(language), answer: .dismiss)],
                        cancel: .dismiss)
    }

    /// A yes to the close question, or the format the payment list is exported in.
    mutating func answerLedgerDialog(_ answer: DeskAnswer) -> [Effect] {
        switch answer {
        case .closeMonth(let site, let month):
            loadStarted = now
            ledgerOnTop?.isLoading = true
            return [.closeRoyaltyMonth(site: site, month: month)]
        case .export(let site, let month, let paidOn, let format):
            loadStarted = now
            return [.exportPaymentList(site: site, month: month, paidOn: paidOn, format: format, folder: exportFolder)]
        default:
            return []
        }
    }

    /// A month, a year or a payment reference typed on the bottom line.
    mutating func ledgerPromptSubmitted(_ ask: Ask, _ text: String) -> [Effect] {
        switch ask {
        case .month:
            guard var screen = ledgerOnTop else { return [] }
            guard let month = RoyaltyScreen.parseMonth(text) else {
                notify(Strings.badMonthTyped(text)(language), kind: .warning)
                return []
            }
            let effects = loadMonth(&screen, site: screen.site, month: month)
            ledgerOnTop = screen
            return effects
        case .year:
            guard var screen = activityOnTop else { return [] }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let year = Int(trimmed), VietnamDay.years.contains(year), year > VietnamDay.years.lowerBound else {
                notify(Strings.badYearTyped(text)(language), kind: .warning)
                return []
            }
            let effects = loadActivity(&screen, year: year)
            activityOnTop = screen
            return effects
        default:
            let reference = Normalization.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines))
            guard !reference.isEmpty, let screen = ledgerOnTop, let site = screen.site else { return [] }
            loadStarted = now
            ledgerOnTop?.isLoading = true
            return [.recordRoyaltyPayment(site: site, month: screen.month, reference: reference)]
        }
    }

    /// The folder exports are saved in: where bientap was started, as `bientap royalties export` does.
    var exportFolder: String { FileManager.default.currentDirectoryPath }

    // MARK: - The mouse

    /// A click selects a person (two open their statement); the wheel moves. Nil when no ledger screen is on top.
    mutating func handleLedgerMouse(_ mouse: MouseEvent) -> [Effect]? {
        if var screen = activityOnTop {
            if let delta = mouse.wheelDelta { screen.scroll(delta > 0 ? .down : .up, visibleRows: ActivityScreen.siteRows(bodyHeight: bodyRows)) }
            activityOnTop = screen
            return []
        }
        guard var screen = ledgerOnTop else { return nil }
        let rows = ledgerTableRows
        if let delta = mouse.wheelDelta {
            if screen.statement != nil { screen.statementTable.moveCursor(by: delta, visibleRows: rows) } else { screen.table.moveCursor(by: delta, visibleRows: rows) }
            ledgerOnTop = screen
            return []
        }
        guard case .press(let clicks) = mouse.action, screen.statement == nil else { return [] }
        let rect = Rect(row: 3, col: 0, width: width, height: max(1, bodyRows - 4))
        let columns = RoyaltyScreen.listColumns(width: width).map { RoyaltyScreen.title($0, language) }
        guard case .row(let position)? = TableView.hit(row: mouse.row, col: mouse.col, columns: columns, state: screen.table, in: rect,
                                                       cursorStyle: cursorStyle) else { return [] }
        screen.table.cursor = position
        screen.table.keepCursorVisible(visibleRows: rows)
        ledgerOnTop = screen
        return clicks >= 2 ? perform(.open) : []
    }

    mutating func keepLedgerVisible() {
        guard var screen = ledgerOnTop else { return }
        screen.table.keepCursorVisible(visibleRows: ledgerTableRows)
        screen.statementTable.keepCursorVisible(visibleRows: ledgerTableRows)
        ledgerOnTop = screen
    }

    // MARK: - Answers

    mutating func handleLedger(_ message: AppMessage) -> [Effect] {
        switch message {
        case .ledgerMonthLoaded(let site, let month, let result):
            guard let index = ledgerIndex, case .royalties(var screen) = overlays[index] else { return [] }
            // An answer for a month or site left meanwhile is dropped; the one asked for last follows.
            guard screen.month == month, site == nil || site == screen.site || screen.site == nil else { return [] }
            var effects: [Effect] = []
            switch result {
            case .success(var data):
                // The year's budget is read after the list is drawn; the one known for the site and year stays meanwhile.
                let year = Int(month.prefix(4)) ?? 0
                if let known = screen.data?.budget, known.site == data.site, known.year == year { data.budget = known }
                screen.replace(data, visibleRows: ledgerTableRows)
                if !data.site.isEmpty { effects = [.loadRoyaltyBudget(site: data.site, year: year)] }
                statusError = nil
                errorText = nil
            case .failure(let error):
                screen.isLoading = false
                showLedgerError(error, site: site ?? screen.site ?? "", month: month)
            }
            overlays[index] = .royalties(screen)
            return effects
        case .royaltyBudgetLoaded(let site, let year, let budget):
            guard let index = ledgerIndex, case .royalties(var screen) = overlays[index], screen.site == site,
                  Int(screen.month.prefix(4)) == year, let budget else { return [] }
            screen.data?.budget = budget
            overlays[index] = .royalties(screen)
        case .royaltyStatementLoaded(let contributor, let result):
            guard let index = ledgerIndex, case .royalties(var screen) = overlays[index], screen.loadingStatement else { return [] }
            screen.loadingStatement = false
            switch result {
            case .success(let statement) where screen.selected?.payee.contributorId == contributor:
                screen.showStatement(statement, visibleRows: ledgerTableRows)
            case .success:
                break
            case .failure(let error):
                showLedgerError(error, site: screen.site ?? "", month: screen.month)
            }
            overlays[index] = .royalties(screen)
        case .ledgerActed(let paying, let result):
            guard let index = ledgerIndex, case .royalties(var screen) = overlays[index] else { return [] }
            screen.isLoading = false
            var effects: [Effect] = []
            switch result {
            case .success(let outcome):
                notify(ledgerReport(outcome, paying: paying))
                effects = loadMonth(&screen, site: screen.site, month: screen.month)
            case .failure(.portal(let error)):
                showLedgerError(error, site: screen.site ?? "", month: screen.month)
            case .failure(.refused(let refusal)):
                statusError = ledgerRefusal(refusal)
                effects = loadMonth(&screen, site: screen.site, month: screen.month)
            }
            overlays[index] = .royalties(screen)
            return effects
        case .paymentListExported(let result):
            switch result {
            case .success(let saved):
                notify(Strings.saved(saved.path, bytes: saved.bytes)(language))
            case .failure(.portal(let error)):
                showLedgerError(error, site: ledgerOnTop?.site ?? "", month: ledgerOnTop?.month ?? "")
            case .failure(.cannotSave(let path, let reason)):
                statusError = Strings.cannotSave(path, reason)(language)
            }
        case .activityLoaded(let year, let result):
            guard let index = activityIndex, case .activity(var screen) = overlays[index], screen.year == year else { return [] }
            screen.isLoading = false
            switch result {
            case .success(let report):
                screen.report = report
                screen.hasLoaded = true
                screen.top = 0
                statusError = nil
                errorText = nil
            case .failure(let error):
                showError(error)
            }
            overlays[index] = .activity(screen)
        default:
            break
        }
        return []
    }

    /// A portal error on the ledger in the catalogue's words: a 403 says which role is missing,
    /// a 409 that a closed month does not change; others as everywhere.
    private mutating func showLedgerError(_ error: PortalError, site: String, month: String) {
        let name = ledgerOnTop?.sites.first { $0.code == site }?.name ?? site
        switch error.apiCode {
        case .forbidden?:
            statusError = Strings.ledgerForbidden(name)(language)
            errorText = statusError
        case .illegalTransition?:
            statusError = Strings.ledgerConflict(month: month, site: name)(language)
        default:
            showError(error)
        }
    }

    private func ledgerReport(_ outcome: DeskCommands.LedgerOutcome, paying: Bool) -> String {
        switch outcome {
        case .done(let batch) where paying:
            return Strings.paymentRecorded(month: batch.month, site: siteName(batch.site), reference: batch.paymentReference ?? "")(language)
        case .doneAlready(let batch) where paying:
            return Strings.paymentRecordedAlready(month: batch.month, site: siteName(batch.site), reference: batch.paymentReference ?? "",
                                                  by: batch.paidBy ?? "", at: batch.paidAt.map(DateText.full) ?? "")(language)
        case .done(let batch):
            return Strings.monthClosed(month: batch.month, site: siteName(batch.site), lines: batch.lines,
                                       gross: DeskCommands.amount(batch.gross))(language)
        case .doneAlready(let batch):
            return Strings.monthClosedAlready(month: batch.month, site: siteName(batch.site), by: batch.closedBy,
                                              at: DateText.full(batch.closedAt))(language)
        }
    }

    private func ledgerRefusal(_ refusal: DeskCommands.LedgerRefusal) -> String {
        switch refusal {
        case .monthNotOver(let site, let month):
            return Strings.monthNotOver(month: month, site: siteName(site))(language)
        case .notClosed(let site, let month):
            return Strings.payNeedsClose(month: month, key: "C")(language) + " (" + siteName(site) + ")"
        case .paidWithAnotherReference(let batch):
            return Strings.paidAlreadyOtherReference(month: batch.month, site: siteName(batch.site), reference: batch.paymentReference ?? "",
                                                     by: batch.paidBy ?? "", at: batch.paidAt.map(DateText.full) ?? "")(language)
        }
    }

    private func siteName(_ code: String) -> String {
        (ledgerIndex.flatMap { if case .royalties(let s) = overlays[$0] { return s } else { return nil } })?.sites.first { $0.code == code }?.name ?? code
    }
}

extension RoyaltyScreen {
    /// The day tax is reckoned by: the payment's, once the month is paid; else the portal's today.
    var paidOn: String? { data?.batch?.paidAt.map { VietnamDay(containing: $0).text } }
}
