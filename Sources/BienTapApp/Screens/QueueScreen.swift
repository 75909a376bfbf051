import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// What the filter form narrows a queue to; every criterion left at its
/// default lets every row through.
struct QueueCriteria: Equatable {
    var site: String?
    var category: NewsroomKit.Category?
    /// Part of the contributor's name or pen name, diacritics and case aside.
    var contributor = ""
    var receivedFrom: Date?
    var receivedTo: Date?
    var markedOnly = false

    var isEmpty: Bool { self == QueueCriteria() }

    func admits(_ item: SubmissionSummary, marked: Bool) -> Bool {
        if let site, item.site.name != site { return false }
        if let category, item.category != category { return false }
        if !contributor.isEmpty,
           !Diacritics.searchKey(item.contributor.fullName + " " + (item.contributor.penName ?? "")).contains(Diacritics.searchKey(contributor)) {
            return false
        }
        if let receivedFrom, item.receivedAt < receivedFrom { return false }
        if let receivedTo, item.receivedAt > receivedTo { return false }
        if markedOnly && !marked { return false }
        return true
    }
}

/// A queue of submissions in some statuses: a table of them.
struct QueueScreen {
    var items: [SubmissionSummary] = []
    var table = TableState()
    var isLoading = false
    var hasLoaded = false
    private(set) var criteria = QueueCriteria()
    /// A queue with the column of who is editing each item.
    static var showingLeases: QueueScreen {
        var screen = QueueScreen()
        screen.showsLease = true
        return screen
    }

    /// A queue of what went out: when each item was published in place of when it was
    /// received, sorted by it, latest first (the table's own sort: s changes it as anywhere).
    static var showingPublication: QueueScreen {
        var screen = QueueScreen()
        screen.showsPublication = true
        screen.table.sort(by: 0, ascending: false, rows: screen.rows, visibleRows: 1)
        return screen
    }

    /// Whether the table says who is editing each item (the in-review tab does).
    var showsLease = false
    /// Whether the first column is the publication time (the published tab's).
    var showsPublication = false
    /// The user's login, and the word for their own leases ("tôi").
    var me: (login: String, word: String)?
    /// The words of the category column.
    var language = UILanguage.vi

    mutating func setCriteria(_ criteria: QueueCriteria, visibleRows: Int) {
        self.criteria = criteria
        table.reload(rows, keeping: table.selectedSourceRow, marks: table.marked, visibleRows: visibleRows)
    }

    /// Replaces the rows, keeping sort, filter, marks and the cursor on the
    /// same submission when it is still there.
    mutating func replaceItems(_ newItems: [SubmissionSummary], visibleRows: Int) {
        let selectedID = selected?.id
        let markedIDs = Set(table.marked.compactMap { items.indices.contains($0) ? items[$0].id : nil })
        items = newItems
        let keep = selectedID.flatMap { id in newItems.firstIndex { $0.id == id } }
        let marks = Set(newItems.indices.filter { markedIDs.contains(newItems[$0].id) })
        table.reload(rows(marked: marks), keeping: keep, marks: marks, visibleRows: visibleRows)
        isLoading = false
        hasLoaded = true
    }

    var selected: SubmissionSummary? {
        table.selectedSourceRow.flatMap { items.indices.contains($0) ? items[$0] : nil }
    }

    /// The text the rows are filtered by, as typed.
    private(set) var filterText = ""

    mutating func setFilter(_ text: String, visibleRows: Int) {
        filterText = text
        table.setFilter(text, rows: rows, visibleRows: visibleRows)
    }

    /// The rows as the table sorts, filters and searches them.
    var rows: TableRows { rows(marked: table.marked) }

    /// The rows with `marked` as the marks the "marked only" criterion reads.
    func rows(marked: Set<Int>) -> TableRows {
        let items = self.items
        let criteria = self.criteria
        let me = self.me, language = self.language, published = self.showsPublication
        return TableRows(count: items.count, columnCount: showsLease ? 8 : 7,
                         text: { Self.cell(items[$0], column: $1, me: me, language: language, published: published) },
                         sortKey: { row, column in
            switch column {
            case 0: return .number(Self.firstTime(items[row], published).timeIntervalSince1970)
            case 5: return .number(Double(items[row].words))
            case 6: return .number(Double(items[row].spellFindings ?? -1))
            default: return .text(Self.cell(items[row], column: column, me: me, language: language, published: published))
            }
        }, include: criteria.isEmpty ? nil : { criteria.admits(items[$0], marked: marked.contains($0)) })
    }

    /// The count of spelling findings, or a dash for an item the portal does not check
    /// (another language than Vietnamese).
    static func findingsCell(_ item: SubmissionSummary) -> String {
        item.spellFindings.map(String.init) ?? "–"
    }

    /// The first column's moment: received, or published.
    private static func firstTime(_ item: SubmissionSummary, _ published: Bool) -> Date {
        published ? item.publishedAt ?? item.receivedAt : item.receivedAt
    }

    static func cell(_ item: SubmissionSummary, column: Int, me: (login: String, word: String)? = nil, language: UILanguage = .vi,
                     published: Bool = false) -> String {
        switch column {
        case 0: return DateText.short(firstTime(item, published))
        case 1: return item.site.name
        case 2: return item.contributor.byline
        case 3: return Strings.category(item.category)(language)
        case 4: return item.title
        case 5: return String(item.words)
        case 6: return findingsCell(item)
        default:
            // Who is editing it: "me", or the other editor's name.
            guard let lease = item.lease else { return "" }
            return lease.holder == me?.login ? me?.word ?? lease.holderName : lease.holderName
        }
    }

    func columns(_ language: UILanguage) -> [TableColumn] {
        var columns = [
            TableColumn(title: (showsPublication ? Strings.columnPublished : Strings.columnReceived)(language), width: .fixed(11)),
            TableColumn(title: Strings.columnSite(language), width: .flex(min: 10, weight: 2)),
            TableColumn(title: Strings.columnContributor(language), width: .flex(min: 10, weight: 2)),
            TableColumn(title: Strings.fieldCategory(language), width: .fixed(12)),
            TableColumn(title: Strings.columnTitle(language), width: .flex(min: 20, weight: 7)),
            TableColumn(title: Strings.columnWords(language), width: .fixed(6), alignRight: true),
            TableColumn(title: Strings.columnSpelling(language), width: .fixed(6), alignRight: true),
        ]
        if showsLease { columns.append(TableColumn(title: Strings.columnLease(language), width: .flex(min: 8, weight: 2))) }
        return columns
    }

    func render(into frame: inout Frame, in rect: Rect, theme: Theme, language: UILanguage, cursorStyle: TableCursorStyle,
                emptyText: String) {
        let columns = self.columns(language)
        let me = self.me, published = showsPublication
        TableView.render(columns: columns, state: table, cell: { Self.cell(items[$0], column: $1, me: me, language: language, published: published) },
                         into: &frame, in: rect,
                         theme: theme, cursorStyle: cursorStyle)
        if hasLoaded && table.rowCount == 0 && rect.height > 2 {
            frame.put(items.isEmpty ? emptyText : Strings.noMatch(language), row: rect.row + 2, col: rect.col + 2, style: theme.dim)
        }
    }
}
