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

    var selected: SubmissionSummary? {
        items.indices.contains(table.cursor) ? items[table.cursor] : nil
    }

    /// Replaces the rows, keeping the cursor on the same submission when it is still there.
    mutating func replaceItems(_ newItems: [SubmissionSummary], visibleRows: Int) {
        let selectedID = selected?.id
        items = newItems
        table.setRowCount(newItems.count, visibleRows: visibleRows)
        if let selectedID, let index = newItems.firstIndex(where: { $0.id == selectedID }) {
            table.cursor = index
            table.keepCursorVisible(visibleRows: visibleRows)
        }
        isLoading = false
        hasLoaded = true
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
        TableView.render(columns: columns, state: table, cell: { row, column in
            let item = items[row]
            switch column {
            case 0: return DateText.short(item.receivedAt)
            case 1: return item.site.name
            case 2: return item.contributor.byline
            case 3: return item.title
            default: return String(item.words)
            }
        }, into: &frame, in: rect, theme: theme)
        if hasLoaded && items.isEmpty && rect.height > 2 {
            frame.put(Strings.emptyQueue(language), row: rect.row + 2, col: rect.col + 2, style: theme.dim)
        }
    }
}
