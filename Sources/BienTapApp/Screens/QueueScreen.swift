import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// The pending queue: a table of submissions waiting for an editor.
struct QueueScreen {
    var items: [SubmissionSummary] = []
    var table = TableState()
    var isLoading = true
    var hasLoaded = false

    /// Replaces the rows, keeping sort, filter, marks and the cursor on the
    /// same submission when it is still there.
    mutating func replaceItems(_ newItems: [SubmissionSummary], visibleRows: Int) {
        let selectedID = selected?.id
        let markedIDs = Set(table.marked.compactMap { items.indices.contains($0) ? items[$0].id : nil })
        items = newItems
        let keep = selectedID.flatMap { id in newItems.firstIndex { $0.id == id } }
        let marks = Set(newItems.indices.filter { markedIDs.contains(newItems[$0].id) })
        table.reload(rows, keeping: keep, marks: marks, visibleRows: visibleRows)
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
    var rows: TableRows {
        let items = self.items
        return TableRows(count: items.count, columnCount: 5, text: { Self.cell(items[$0], column: $1) }, sortKey: { row, column in
            switch column {
            case 0: return .number(items[row].receivedAt.timeIntervalSince1970)
            case 4: return .number(Double(items[row].words))
            default: return .text(Self.cell(items[row], column: column))
            }
        })
    }

    static func cell(_ item: SubmissionSummary, column: Int) -> String {
        switch column {
        case 0: return DateText.short(item.receivedAt)
        case 1: return item.site.name
        case 2: return item.contributor.byline
        case 3: return item.title
        default: return String(item.words)
        }
    }

    /// Applies a navigation action; returns false when the action is not a movement.
    mutating func move(_ action: String, visibleRows: Int) -> Bool {
        switch action {
        case "move-down": table.moveCursor(by: 1, visibleRows: visibleRows)
        case "move-up": table.moveCursor(by: -1, visibleRows: visibleRows)
        case "page-down": table.pageDown(visibleRows: visibleRows)
        case "page-up": table.pageUp(visibleRows: visibleRows)
        case "first": table.moveToFirst()
        case "last": table.moveToLast(visibleRows: visibleRows)
        default: return false
        }
        return true
    }

    static func columns(_ language: UILanguage) -> [TableColumn] {
        [
            TableColumn(title: Strings.columnReceived(language), width: .fixed(11)),
            TableColumn(title: Strings.columnSite(language), width: .flex(min: 10, weight: 2)),
            TableColumn(title: Strings.columnContributor(language), width: .flex(min: 10, weight: 2)),
            TableColumn(title: Strings.columnTitle(language), width: .flex(min: 20, weight: 7)),
            TableColumn(title: Strings.columnWords(language), width: .fixed(6), alignRight: true),
        ]
    }

    func render(into frame: inout Frame, in rect: Rect, theme: Theme, language: UILanguage) {
        let columns = Self.columns(language)
        TableView.render(columns: columns, state: table, cell: { Self.cell(items[$0], column: $1) }, into: &frame, in: rect, theme: theme)
        if hasLoaded && items.isEmpty && rect.height > 2 {
            frame.put(Strings.emptyQueue(language), row: rect.row + 2, col: rect.col + 2, style: theme.dim)
        }
    }
}
