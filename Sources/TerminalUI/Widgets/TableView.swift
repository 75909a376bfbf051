import VietText

/// How wide a column is.
public enum ColumnWidth: Sendable, Hashable {
    case fixed(Int)
    /// Shares the space left by fixed columns in proportion to `weight`,
    /// never below `min` while there is room for every minimum.
    case flex(min: Int, weight: Int)
}

public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: ColumnWidth
    public var alignRight: Bool

    public init(title: String, width: ColumnWidth, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// How a table shows the row under the cursor.
public enum TableCursorStyle: String, Sendable, CaseIterable {
    /// A marker in a two-column gutter, like mutt's `arrow_cursor`: moving
    /// the cursor rewrites two cells of the screen, not two whole rows,
    /// which is what a slow SSH link notices.
    case arrow
    /// The whole row in reverse video.
    case row
}

/// A table with a header row; only the visible rows are asked for, so a
/// table of a hundred thousand rows draws as fast as one of ten.
public enum TableView {
    /// Columns are separated by one space.
    public static let separator = 1

    /// Column widths that, with separators, fill exactly `total` columns.
    /// A fixed column is never narrower than its title with a sort arrow, so
    /// sorting by it neither cuts the title nor moves the columns.
    public static func layout(_ columns: [TableColumn], total: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        var widths = columns.map { column -> Int in
            if case .fixed(let w) = column.width { return max(w, DisplayWidth.of(column.title + sortMark(ascending: true))) }
            return 0
        }
        let flexIndices = columns.indices.filter { if case .flex = columns[$0].width { return true }; return false }
        let fixedTotal = widths.reduce(0, +) + separator * (columns.count - 1)
        var room = max(0, total - fixedTotal)
        if flexIndices.isEmpty {
            // Fixed columns only: the last absorbs the difference.
            widths[widths.count - 1] = max(0, widths[widths.count - 1] + total - fixedTotal)
            return widths
        }
        let mins = flexIndices.map { i -> Int in if case .flex(let m, _) = columns[i].width { return m }; return 0 }
        let weights = flexIndices.map { i -> Int in if case .flex(_, let w) = columns[i].width { return max(1, w) }; return 1 }
        let minTotal = mins.reduce(0, +)
        if room >= minTotal {
            let extra = room - minTotal
            let weightTotal = weights.reduce(0, +)
            for (k, i) in flexIndices.enumerated() { widths[i] = mins[k] + extra * weights[k] / weightTotal }
        } else {
            for (k, i) in flexIndices.enumerated() { widths[i] = minTotal == 0 ? 0 : room * mins[k] / minTotal }
        }
        // Rounding leftovers go to the heaviest flexible column.
        room -= flexIndices.map { widths[$0] }.reduce(0, +)
        if let heaviest = flexIndices.indices.max(by: { weights[$0] < weights[$1] }) {
            widths[flexIndices[heaviest]] += room
        }
        return widths
    }

    /// What the sorted column's title gains: a space and an arrow.
    static func sortMark(ascending: Bool) -> String { ascending ? " ▲" : " ▼" }

    /// Width of the cursor gutter of the arrow style.
    public static let gutter = 2
    public static let arrow = "▶"

    /// Draws the header and the visible rows of `state` into `rect`;
    /// `cell(sourceRow, column)` gives a cell's text. The sorted column's
    /// title carries an arrow; marked rows are drawn in the theme's marked style.
    public static func render(columns: [TableColumn], state: TableState, cell: (Int, Int) -> String,
                              into frame: inout Frame, in rect: Rect, theme: Theme, cursorStyle: TableCursorStyle = .row) {
        guard rect.height > 0, rect.width > 0 else { return }
        let gutter = cursorStyle == .arrow ? min(gutter, rect.width) : 0
        let left = rect.col + gutter
        let widths = layout(columns, total: rect.width - gutter)
        frame.fill(Rect(row: rect.row, col: rect.col, width: rect.width, height: 1), style: theme.header)
        var x = left
        for (i, column) in columns.enumerated() {
            var title = column.title
            if let sort = state.sort, sort.column == i { title += sortMark(ascending: sort.ascending) }
            drawCell(title, width: widths[i], alignRight: column.alignRight, row: rect.row, col: x, style: theme.header, into: &frame)
            x += widths[i] + separator
        }
        let visible = rect.height - 1
        guard visible > 0 else { return }
        for offset in 0..<visible {
            let position = state.top + offset
            let row = rect.row + 1 + offset
            guard position < state.rowCount else {
                frame.fill(Rect(row: row, col: rect.col, width: rect.width, height: rect.bottom - row), style: theme.normal)
                break
            }
            let source = state.sourceRow(at: position)
            let isMarked = state.marked.contains(source)
            var style = isMarked ? theme.marked : theme.normal
            if position == state.cursor && cursorStyle == .row { style = isMarked ? theme.selectedMarked : theme.selected }
            frame.fill(Rect(row: row, col: rect.col, width: rect.width, height: 1), style: style)
            if gutter > 0 && position == state.cursor {
                frame.put(arrow, row: row, col: rect.col, style: isMarked ? theme.selectedMarked : theme.selected, maxWidth: gutter)
            }
            var x = left
            for i in columns.indices {
                drawCell(cell(source, i), width: widths[i], alignRight: columns[i].alignRight, row: row, col: x, style: style, into: &frame)
                x += widths[i] + separator
            }
        }
    }

    /// What a mouse click at (`row`, `col`) lands on in a table drawn by `render` in `rect`.
    public enum Hit: Equatable, Sendable {
        /// A column's title: a click sorts by it.
        case header(column: Int)
        /// A row, by position.
        case row(Int)
    }

    public static func hit(row: Int, col: Int, columns: [TableColumn], state: TableState, in rect: Rect,
                           cursorStyle: TableCursorStyle = .row) -> Hit? {
        guard rect.contains(row: row, col: col) else { return nil }
        if row == rect.row {
            let gutter = cursorStyle == .arrow ? min(gutter, rect.width) : 0
            var x = rect.col + gutter
            for (i, width) in layout(columns, total: rect.width - gutter).enumerated() {
                if col >= x && col < x + width + separator { return .header(column: i) }
                x += width + separator
            }
            return nil
        }
        let position = state.top + row - rect.row - 1
        return position < state.rowCount ? .row(position) : nil
    }

    /// One cell's text, cut with an ellipsis when too long; on one line.
    private static func drawCell(_ text: String, width: Int, alignRight: Bool, row: Int, col: Int, style: Style,
                                 into frame: inout Frame) {
        guard width > 0 else { return }
        let line = flatten(text)
        var x = col
        if alignRight {
            let w = DisplayWidth.of(line)
            if w < width { x += width - w }
        }
        frame.put(line, row: row, col: x, style: style, maxWidth: width - (x - col), ellipsis: true)
    }

    /// Newlines and tabs in a cell would break the grid; they become spaces.
    private static func flatten(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else { return text }
        return String(text.map { ($0 == "\n" || $0 == "\t" || $0 == "\r\n" || $0 == "\r") ? " " : $0 })
    }
}
