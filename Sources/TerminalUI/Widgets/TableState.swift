/// Cursor and scroll position of a table; the table itself is drawn from it.
public struct TableState: Sendable, Hashable {
    public private(set) var rowCount: Int
    /// Index of the selected row.
    public var cursor: Int = 0
    /// Index of the first visible row.
    public var top: Int = 0

    public init(rowCount: Int = 0) {
        self.rowCount = max(0, rowCount)
    }

    public mutating func moveCursor(by delta: Int, visibleRows: Int) {
        guard rowCount > 0 else { return }
        cursor = min(max(0, cursor + delta), rowCount - 1)
        keepCursorVisible(visibleRows: visibleRows)
    }

    /// Moves cursor and view down one screenful, like a pager.
    public mutating func pageDown(visibleRows: Int) {
        guard rowCount > 0 else { return }
        let page = max(1, visibleRows)
        top = min(top + page, max(0, rowCount - page))
        cursor = min(cursor + page, rowCount - 1)
        keepCursorVisible(visibleRows: visibleRows)
    }

    public mutating func pageUp(visibleRows: Int) {
        guard rowCount > 0 else { return }
        let page = max(1, visibleRows)
        top = max(0, top - page)
        cursor = max(0, cursor - page)
        keepCursorVisible(visibleRows: visibleRows)
    }

    public mutating func moveToFirst() {
        cursor = 0
        top = 0
    }

    public mutating func moveToLast(visibleRows: Int) {
        guard rowCount > 0 else { return }
        cursor = rowCount - 1
        keepCursorVisible(visibleRows: visibleRows)
    }

    /// Adopts a new row count, keeping cursor and view inside it.
    public mutating func setRowCount(_ count: Int, visibleRows: Int) {
        rowCount = max(0, count)
        cursor = min(cursor, max(0, rowCount - 1))
        keepCursorVisible(visibleRows: visibleRows)
    }

    /// Scrolls so the cursor shows, and never leaves blank rows below the last
    /// row while earlier rows are hidden (after a resize, for example).
    public mutating func keepCursorVisible(visibleRows: Int) {
        let page = max(1, visibleRows)
        if cursor < top { top = cursor }
        if cursor >= top + page { top = cursor - page + 1 }
        top = max(0, min(top, rowCount - page))
    }
}
