import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// One month of a site's royalty ledger as the accountant's screen reads it: the payment
/// list (tax by the payment day when the month is paid, else today), the month's batch when
/// it is closed, and the year's budget.
public struct LedgerMonth: Sendable {
    /// The sites the user keeps the ledger of (read once, when the screen opens).
    public var sites: [SiteRef]?
    public var site: String
    public var month: String
    public var list: PaymentList
    public var batch: RoyaltyBatch?
    public var budget: RoyaltyBudget?

    public init(sites: [SiteRef]?, site: String, month: String, list: PaymentList, batch: RoyaltyBatch?, budget: RoyaltyBudget?) {
        self.sites = sites
        self.site = site
        self.month = month
        self.list = list
        self.batch = batch
        self.budget = budget
    }
}

/// Why closing a month or recording its payment did not happen.
public enum LedgerFailure: Error, Sendable {
    case portal(PortalError)
    case refused(DeskCommands.LedgerRefusal)
}

/// A payment list saved on this machine.
public struct SavedExport: Sendable, Equatable {
    public var path: String
    public var bytes: Int

    public init(path: String, bytes: Int) {
        self.path = path
        self.bytes = bytes
    }
}

extension Me {
    /// Whether the user keeps the royalty ledger (accountant or admin) of `site`, or of any site when nil.
    func keepsLedger(of site: String? = nil) -> Bool {
        grants.contains { [.accountant, .admin].contains($0.role) && (site == nil || $0.site == nil || $0.site == site) }
    }

    /// An accountant who neither edits nor publishes: the desk opens on the royalties for them.
    var isAccountantOnly: Bool {
        grants.contains { $0.role == .accountant } && !grants.contains { [.editor, .publisher, .admin].contains($0.role) }
    }
}

/// The accountant's screen (nhuận bút): a site's month as its payment list, a person a row
/// (items, coefficients, gross, tax, net, how late the oldest unpaid line is), the month's
/// totals, its batch (open, closed, paid) and the year's budget; Enter opens the selected
/// person's statement, item by item.
struct RoyaltyScreen {
    var sites: [SiteRef] = []
    var site: String?
    var month: String
    var data: LedgerMonth?
    var table = TableState()
    var isLoading = true
    var hasLoaded = false
    /// Opened by the desk itself for an accountant: leaving it leaves bientap.
    var isHome = false
    /// The selected person's statement, drawn instead of the list while open.
    var statement: RoyaltyStatement?
    var statementTable = TableState()
    var loadingStatement = false

    init(month: String, isHome: Bool = false) {
        self.month = month
        self.isHome = isHome
    }

    var lines: [PaymentList.Line] { data?.list.lines ?? [] }
    var selected: PaymentList.Line? { table.selectedSourceRow.flatMap { lines.indices.contains($0) ? lines[$0] : nil } }
    var siteName: String { sites.first { $0.code == site }?.name ?? site ?? "" }

    /// The month before the one `now` is in: the one an accountant closes next.
    static func defaultMonth(now: Date) -> String {
        shift(String(VietnamDay(containing: now).text.prefix(7)), by: -1) ?? String(VietnamDay(containing: now).text.prefix(7))
    }

    /// `month` (`YYYY-MM`) moved by `delta` months; nil outside the years the portal knows.
    static func shift(_ month: String, by delta: Int) -> String? {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        let index = parts[0] * 12 + parts[1] - 1 + delta
        let year = index / 12, number = index % 12 + 1
        guard VietnamDay.years.contains(year), index >= 0 else { return nil }
        return String(format: "%04d-%02d", year, number)
    }

    /// A month as people type it: `10/2026`, `2026-10`, `10-2026`; nil otherwise.
    static func parseMonth(_ text: String) -> String? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
        let (year, month) = parts[0].count == 4 ? (a, b) : (b, a)
        return DeskCommands.month(String(format: "%04d-%02d", year, month))
    }

    /// Takes a month as read; the cursor stays on the same person when they are still listed.
    mutating func replace(_ month: LedgerMonth, visibleRows: Int) {
        let person = selected?.payee.contributorId
        if let sites = month.sites { self.sites = sites }
        site = month.site
        self.month = month.month
        data = month
        isLoading = false
        hasLoaded = true
        let keep = person.flatMap { id in month.list.lines.firstIndex { $0.payee.contributorId == id } }
        table.reload(Self.rows(count: month.list.lines.count), keeping: keep, visibleRows: visibleRows)
    }

    mutating func showStatement(_ statement: RoyaltyStatement, visibleRows: Int) {
        self.statement = statement
        loadingStatement = false
        statementTable = TableState()
        statementTable.reload(Self.rows(count: statement.entitlements.count), keeping: nil, visibleRows: visibleRows)
    }

    /// Rows the table only counts: the ledger's order is the law's (by given name), never re-sorted here.
    static func rows(count: Int) -> TableRows {
        TableRows(count: count, columnCount: 1, text: { _, _ in "" }, sortKey: { row, _ in .number(Double(row)) })
    }

    // MARK: - Drawing

    enum ListColumn: CaseIterable { case number, name, penName, items, coefficients, gross, tax, net, due }
    enum ItemColumn: CaseIterable { case published, site, genre, coefficient, share, amount, due, title }

    /// The payment list's columns that fit `width`: the names and the money always.
    static func listColumns(width: Int) -> [ListColumn] {
        if width >= 120 { return ListColumn.allCases }
        if width >= 96 { return [.name, .items, .coefficients, .gross, .tax, .net, .due] }
        return [.name, .items, .gross, .net, .due]
    }

    static func itemColumns(width: Int) -> [ItemColumn] {
        if width >= 120 { return ItemColumn.allCases }
        if width >= 96 { return [.published, .genre, .coefficient, .amount, .due, .title] }
        return [.published, .amount, .due, .title]
    }

    static func title(_ column: ListColumn, _ language: UILanguage) -> TableColumn {
        switch column {
        case .number: return TableColumn(title: Strings.columnNumber(language), width: .fixed(4), alignRight: true)
        case .name: return TableColumn(title: Strings.columnFullName(language), width: .flex(min: 12, weight: 3))
        case .penName: return TableColumn(title: Strings.columnPenName(language), width: .flex(min: 8, weight: 2))
        case .items: return TableColumn(title: Strings.columnItemsShort(language), width: .fixed(6), alignRight: true)
        case .coefficients: return TableColumn(title: Strings.columnCoefficient(language), width: .fixed(7), alignRight: true)
        case .gross: return TableColumn(title: Strings.columnGross(language), width: .fixed(12), alignRight: true)
        case .tax: return TableColumn(title: Strings.columnTax(language), width: .fixed(11), alignRight: true)
        case .net: return TableColumn(title: Strings.columnNet(language), width: .fixed(12), alignRight: true)
        case .due: return TableColumn(title: Strings.columnLateness(language), width: .fixed(8))
        }
    }

    static func title(_ column: ItemColumn, _ language: UILanguage) -> TableColumn {
        switch column {
        case .published: return TableColumn(title: Strings.columnPublishedOn(language), width: .fixed(10))
        case .site: return TableColumn(title: Strings.columnSite(language), width: .flex(min: 8, weight: 2))
        case .genre: return TableColumn(title: Strings.columnGenre(language), width: .flex(min: 8, weight: 2))
        case .coefficient: return TableColumn(title: Strings.columnCoefficient(language), width: .fixed(7), alignRight: true)
        case .share: return TableColumn(title: Strings.columnShare(language), width: .fixed(6), alignRight: true)
        case .amount: return TableColumn(title: Strings.columnGross(language), width: .fixed(12), alignRight: true)
        case .due: return TableColumn(title: Strings.columnLateness(language), width: .fixed(8))
        case .title: return TableColumn(title: Strings.columnTitle(language), width: .flex(min: 16, weight: 5))
        }
    }

    static func lateText(_ lateness: RoyaltyEntitlement.Lateness?, _ language: UILanguage) -> String {
        DeskCommands.latenessText(lateness, language: language)
    }

    static func cell(_ line: PaymentList.Line, row: Int, _ column: ListColumn, now: Date, language: UILanguage) -> String {
        switch column {
        case .number: return String(row + 1)
        case .name: return line.payee.fullName
        case .penName: return line.payee.penName ?? ""
        case .items: return String(line.items)
        case .coefficients: return VietNumber.grouped(line.coefficientTotal, fractionDigits: 2)
        case .gross: return DeskCommands.amount(line.gross)
        case .tax: return DeskCommands.amount(line.tax)
        case .net: return DeskCommands.amount(line.net)
        case .due: return lateText(line.lateness(at: now), language)
        }
    }

    static func cell(_ item: RoyaltyEntitlement, _ column: ItemColumn, now: Date, language: UILanguage) -> String {
        switch column {
        case .published: return VietnamDay(containing: item.publishedAt).text
        case .site: return item.siteName
        case .genre: return item.genreName
        case .coefficient: return item.coefficient.map { VietNumber.grouped($0, fractionDigits: 2) } ?? ""
        case .share: return "\(item.sharePercent)%"
        case .amount: return DeskCommands.amount(item.amount)
        case .due: return lateText(item.lateness(at: now), language)
        case .title: return item.adjusts == nil ? item.itemTitle : item.itemTitle + " " + Strings.adjustmentMark(language)
        }
    }

    /// The batch's state in words: open, closed (who, when), paid (who, when, the reference).
    func batchText(_ language: UILanguage) -> String {
        guard let batch = data?.batch else { return Strings.batchOpen(language) }
        if let paidAt = batch.paidAt {
            return Strings.batchPaid(by: batch.paidBy ?? "", at: DateText.full(paidAt), reference: batch.paymentReference ?? "")(language)
        }
        return Strings.batchClosed(by: batch.closedBy, at: DateText.full(batch.closedAt))(language)
    }

    func budgetText(_ language: UILanguage) -> String? {
        guard let budget = data?.budget else { return nil }
        guard let amount = budget.amount, let left = budget.left else {
            return Strings.budgetNone(year: budget.year, used: DeskCommands.amount(budget.used))(language)
        }
        return Strings.budgetSet(year: budget.year, amount: DeskCommands.amount(amount), used: DeskCommands.amount(budget.used),
                                 left: DeskCommands.amount(left))(language)
    }

    /// Rows of the table in a body of `height` rows: two lines above it, two below.
    static func tableRows(bodyHeight: Int) -> Int { max(1, bodyHeight - 5) }

    func render(into frame: inout Frame, in rect: Rect, now: Date, theme: Theme, language: UILanguage, cursorStyle: TableCursorStyle) {
        guard rect.height > 0, rect.width > 0 else { return }
        let index = (sites.firstIndex { $0.code == site } ?? 0) + 1
        let place = Strings.royaltiesWhere(site: siteName, index: index, of: sites.count, month: month)(language)
        if let statement {
            renderStatement(statement, place: place, into: &frame, in: rect, now: now, theme: theme, language: language, cursorStyle: cursorStyle)
            return
        }
        frame.put(" " + place + " · " + batchText(language), row: rect.row, col: rect.col, style: theme.accent, maxWidth: rect.width, ellipsis: true)
        let lines = self.lines
        let late = lines.map { $0.lateness(at: now) }
        let overdue = late.filter { $0 == .overdue }.count, due = late.filter { $0 == .due }.count
        var second = budgetText(language) ?? ""
        if overdue + due > 0 { second += (second.isEmpty ? "" : " · ") + Strings.lateSummary(due: due + overdue, overdue: overdue)(language) }
        frame.put(" " + second, row: rect.row + 1, col: rect.col, style: overdue > 0 ? theme.statusError : theme.dim, maxWidth: rect.width, ellipsis: true)
        guard rect.height > 3 else { return }
        let tableRect = Rect(row: rect.row + 2, col: rect.col, width: rect.width, height: max(1, rect.height - 4))
        let kinds = Self.listColumns(width: rect.width)
        let columns = kinds.map { Self.title($0, language) }
        TableView.render(columns: columns, state: table, cell: { row, column in
            Self.cell(lines[row], row: row, kinds[column], now: now, language: language)
        }, into: &frame, in: tableRect, theme: theme, cursorStyle: cursorStyle)
        Self.paintLate(kinds.firstIndex(of: .due), columns: columns, state: table, in: tableRect, cursorStyle: cursorStyle, into: &frame,
                       theme: theme) { late[$0] == .overdue ? Self.lateText(.overdue, language) : nil }
        if hasLoaded && lines.isEmpty && tableRect.height > 2 {
            frame.put(Strings.noRoyalties(month: month, site: siteName)(language), row: tableRect.row + 2, col: rect.col + 2, style: theme.dim,
                      maxWidth: rect.width - 2, ellipsis: true)
        }
        guard let list = data?.list else { return }
        let totals = Strings.ledgerTotals(people: list.lines.count, items: list.lines.reduce(0) { $0 + $1.items },
                                          gross: DeskCommands.amount(list.gross), tax: DeskCommands.amount(list.tax),
                                          net: DeskCommands.amount(list.net))(language)
        frame.put(" " + totals, row: rect.bottom - 2, col: rect.col, style: theme.header, maxWidth: rect.width, ellipsis: true)
        if !list.lines.isEmpty {
            frame.put(" " + Strings.inWords(list.netInWords)(language), row: rect.bottom - 1, col: rect.col, style: theme.dim,
                      maxWidth: rect.width, ellipsis: true)
        }
    }

    private func renderStatement(_ statement: RoyaltyStatement, place: String, into frame: inout Frame, in rect: Rect, now: Date,
                                 theme: Theme, language: UILanguage, cursorStyle: TableCursorStyle) {
        let line = statement.line
        let name = line.payee.penName.map { "\(line.payee.fullName) (\($0))" } ?? line.payee.fullName
        frame.put(" " + name + " · " + place, row: rect.row, col: rect.col, style: theme.accent, maxWidth: rect.width, ellipsis: true)
        let totals = Strings.statementTotals(gross: DeskCommands.amount(line.gross), tax: DeskCommands.amount(line.tax),
                                             net: DeskCommands.amount(line.net))(language)
        frame.put(" " + totals, row: rect.row + 1, col: rect.col, style: theme.dim, maxWidth: rect.width, ellipsis: true)
        guard rect.height > 3 else { return }
        let items = statement.entitlements
        let tableRect = Rect(row: rect.row + 2, col: rect.col, width: rect.width, height: max(1, rect.height - 4))
        let kinds = Self.itemColumns(width: rect.width)
        let columns = kinds.map { Self.title($0, language) }
        TableView.render(columns: columns, state: statementTable, cell: { row, column in
            Self.cell(items[row], kinds[column], now: now, language: language)
        }, into: &frame, in: tableRect, theme: theme, cursorStyle: cursorStyle)
        Self.paintLate(kinds.firstIndex(of: .due), columns: columns, state: statementTable, in: tableRect, cursorStyle: cursorStyle,
                       into: &frame, theme: theme) { items[$0].lateness(at: now) == .overdue ? Self.lateText(.overdue, language) : nil }
        if items.isEmpty && tableRect.height > 2 {
            frame.put(Strings.noRoyalties(month: month, site: siteName)(language), row: tableRect.row + 2, col: rect.col + 2, style: theme.dim,
                      maxWidth: rect.width - 2, ellipsis: true)
        }
    }

    /// Draws again, in the error colour, the due cell of each visible row `overdue` names text for
    /// (60 days unpaid: past what the law allows).
    private static func paintLate(_ column: Int?, columns: [TableColumn], state: TableState, in rect: Rect, cursorStyle: TableCursorStyle,
                                  into frame: inout Frame, theme: Theme, overdue: (Int) -> String?) {
        guard let column else { return }
        let gutter = cursorStyle == .arrow ? min(TableView.gutter, rect.width) : 0
        let widths = TableView.layout(columns, total: rect.width - gutter)
        let x = rect.col + gutter + widths[..<column].reduce(0, +) + TableView.separator * column
        for offset in 0..<max(0, rect.height - 1) {
            let position = state.top + offset
            guard position < state.rowCount, let text = overdue(state.sourceRow(at: position)) else { continue }
            frame.put(text, row: rect.row + 1 + offset, col: x, style: theme.statusError, maxWidth: widths[column], ellipsis: true)
        }
    }
}
