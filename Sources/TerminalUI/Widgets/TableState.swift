import VietText

/// What sorting by a column compares for one row.
public enum TableSortKey: Sendable, Comparable {
    case number(Double)
    /// Compared in Vietnamese alphabetical order (`Collation`).
    case text(String)
}

/// A table's rows as sorting, filtering and searching need them: how many,
/// each cell's text, what a column sorts by (its text unless said otherwise),
/// and which rows a filter of the caller's own (a form's criteria) lets through.
public struct TableRows {
    public let count: Int
    public let text: (_ row: Int, _ column: Int) -> String
    public let sortKey: (_ row: Int, _ column: Int) -> TableSortKey
    public let columnCount: Int
    /// Nil shows every row the text filter lets through.
    public let include: ((_ row: Int) -> Bool)?

    public init(count: Int, columnCount: Int, text: @escaping (Int, Int) -> String,
                sortKey: ((Int, Int) -> TableSortKey)? = nil, include: ((Int) -> Bool)? = nil) {
        self.count = count
        self.columnCount = columnCount
        self.text = text
        self.sortKey = sortKey ?? { .text(text($0, $1)) }
        self.include = include
    }
}

/// Cursor, scroll position, sort order, filter and marks of a table. Rows
/// are numbered two ways: a *source* row is the caller's index, a *position*
/// is where the row shows after the filter and the sort.
public struct TableState: Sendable {
    /// Rows shown (those the filter lets through).
    public private(set) var rowCount: Int
    /// Source rows behind each position; nil while neither sort nor filter applies.
    private var order: [Int]?
    /// Position of the selected row.
    public var cursor: Int = 0
    /// Position of the first visible row.
    public var top: Int = 0
    /// Column sorted by and direction; nil keeps the source order.
    public private(set) var sort: (column: Int, ascending: Bool)?
    /// Text every shown row contains, diacritics and case aside.
    public private(set) var filter: String = ""
    /// Source rows the user marked for an action on several at once.
    public private(set) var marked: Set<Int> = []
    /// Lower-cased, diacritic-free text of each source row, built at the first search or filter.
    private var searchKeys: [String]?

    public init(rowCount: Int = 0) {
        self.rowCount = max(0, rowCount)
    }

    /// The source row shown at `position`.
    public func sourceRow(at position: Int) -> Int { order?[position] ?? position }

    /// The source row under the cursor.
    public var selectedSourceRow: Int? { rowCount > 0 ? sourceRow(at: cursor) : nil }

    // MARK: - Moving

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

    /// Moves the cursor as `move` says.
    public mutating func apply(_ move: Move, visibleRows: Int) {
        switch move {
        case .down: moveCursor(by: 1, visibleRows: visibleRows)
        case .up: moveCursor(by: -1, visibleRows: visibleRows)
        case .pageDown: pageDown(visibleRows: visibleRows)
        case .pageUp: pageUp(visibleRows: visibleRows)
        case .first: moveToFirst()
        case .last: moveToLast(visibleRows: visibleRows)
        }
    }

    /// Puts the cursor on `source` when that row is shown; false when it is not.
    @discardableResult
    public mutating func select(sourceRow source: Int, visibleRows: Int) -> Bool {
        guard let position = order.map({ $0.firstIndex(of: source) }) ?? (source < rowCount ? source : nil) else { return false }
        cursor = position
        keepCursorVisible(visibleRows: visibleRows)
        return true
    }

    /// Scrolls so the cursor shows, and never leaves blank rows below the last
    /// row while earlier rows are hidden (after a resize, for example).
    public mutating func keepCursorVisible(visibleRows: Int) {
        let page = max(1, visibleRows)
        cursor = min(max(0, cursor), max(0, rowCount - 1))
        if cursor < top { top = cursor }
        if cursor >= top + page { top = cursor - page + 1 }
        top = max(0, min(top, rowCount - page))
    }

    // MARK: - Rows, sort and filter

    /// Adopts new rows, applying the sort and filter in force and keeping the
    /// cursor on `keeping` (a source row) when it is still shown. Marks are
    /// replaced by `marks`, as source numbers change with the rows.
    public mutating func reload(_ rows: TableRows, keeping: Int?, marks: Set<Int> = [], visibleRows: Int) {
        searchKeys = nil
        marked = marks.filter { $0 < rows.count }
        arrange(rows, keeping: keeping, visibleRows: visibleRows)
    }

    /// Sorts by `column`; nil goes back to the source order.
    public mutating func sort(by column: Int?, ascending: Bool = true, rows: TableRows, visibleRows: Int) {
        let keep = selectedSourceRow
        sort = column.map { ($0, ascending) }
        arrange(rows, keeping: keep, visibleRows: visibleRows)
    }

    /// The next sort, as a header click or a key cycles it: each column
    /// ascending, then descending, then the source order again.
    public mutating func cycleSort(rows: TableRows, visibleRows: Int) {
        switch sort {
        case nil: sort(by: 0, rows: rows, visibleRows: visibleRows)
        case let (column, true)?: sort(by: column, ascending: false, rows: rows, visibleRows: visibleRows)
        case let (column, false)?:
            sort(by: column + 1 < rows.columnCount ? column + 1 : nil, rows: rows, visibleRows: visibleRows)
        }
    }

    /// A click on `column`'s title, as in a spreadsheet: ascending, then
    /// descending, then the source order again; another column starts ascending.
    public mutating func cycleSort(column: Int, rows: TableRows, visibleRows: Int) {
        if let sort, sort.column == column {
            self.sort(by: sort.ascending ? column : nil, ascending: false, rows: rows, visibleRows: visibleRows)
        } else {
            self.sort(by: column, rows: rows, visibleRows: visibleRows)
        }
    }

    /// Shows only the rows whose text contains `text`, ignoring diacritics and
    /// case (and that `rows.include` lets through).
    public mutating func setFilter(_ text: String, rows: TableRows, visibleRows: Int) {
        let keep = selectedSourceRow
        filter = Diacritics.searchKey(text)
        arrange(rows, keeping: keep, visibleRows: visibleRows)
    }

    private mutating func arrange(_ rows: TableRows, keeping: Int?, visibleRows: Int) {
        if sort == nil && filter.isEmpty && rows.include == nil {
            order = nil
            rowCount = rows.count
        } else {
            var positions = Array(0..<rows.count)
            if let include = rows.include { positions = positions.filter(include) }
            if !filter.isEmpty {
                let keys = ensureSearchKeys(rows)
                positions = positions.filter { keys[$0].contains(filter) }
            }
            if let (column, ascending) = sort {
                // Keys computed once a row; ties keep the source order.
                let keys = positions.map { (Self.comparable(rows.sortKey($0, column)), $0) }
                positions = keys.sorted { a, b in
                    if a.0 != b.0 { return ascending ? a.0 < b.0 : b.0 < a.0 }
                    return a.1 < b.1
                }.map(\.1)
            }
            order = positions
            rowCount = positions.count
        }
        if let keeping, select(sourceRow: keeping, visibleRows: visibleRows) { return }
        keepCursorVisible(visibleRows: visibleRows)
    }

    /// A sort key with text replaced by its collation key, compared element by element.
    private enum ComparableKey: Comparable {
        case number(Double)
        case text([UInt32])

        static func < (a: Self, b: Self) -> Bool {
            switch (a, b) {
            case let (.number(x), .number(y)): return x < y
            case let (.text(x), .text(y)): return x.lexicographicallyPrecedes(y)
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
    }

    private static func comparable(_ key: TableSortKey) -> ComparableKey {
        switch key {
        case .number(let n): return .number(n)
        case .text(let t): return .text(Collation.key(t))
        }
    }

    private mutating func ensureSearchKeys(_ rows: TableRows) -> [String] {
        if let searchKeys, searchKeys.count == rows.count { return searchKeys }
        let keys = (0..<rows.count).map { row in
            Diacritics.searchKey((0..<rows.columnCount).map { rows.text(row, $0) }.joined(separator: "\u{1F}"))
        }
        searchKeys = keys
        return keys
    }

    // MARK: - Search

    /// Moves the cursor to the next shown row (after `from`, or before it when
    /// not `forward`, wrapping around) whose text contains `query`, ignoring
    /// diacritics and case; false, cursor unmoved, when no row does.
    @discardableResult
    public mutating func search(_ query: String, from: Int? = nil, forward: Bool = true, includingStart: Bool = false,
                                rows: TableRows, visibleRows: Int) -> Bool {
        let needle = Diacritics.searchKey(query)
        guard !needle.isEmpty, rowCount > 0 else { return false }
        let keys = ensureSearchKeys(rows)
        let start = from ?? cursor
        for step in (includingStart ? 0 : 1)...rowCount {
            let offset = forward ? step : -step
            let position = ((start + offset) % rowCount + rowCount) % rowCount
            if keys[sourceRow(at: position)].contains(needle) {
                cursor = position
                keepCursorVisible(visibleRows: visibleRows)
                return true
            }
        }
        return false
    }

    // MARK: - Marks

    /// Marks or unmarks the row under the cursor.
    public mutating func toggleMark() {
        guard let row = selectedSourceRow else { return }
        if marked.remove(row) == nil { marked.insert(row) }
    }

    /// Marks every shown row, or unmarks them all when they all are.
    public mutating func toggleMarkAll() {
        let shown = (0..<rowCount).map(sourceRow(at:))
        if shown.allSatisfy(marked.contains) {
            marked.subtract(shown)
        } else {
            marked.formUnion(shown)
        }
    }

    public mutating func clearMarks() { marked = [] }
}
