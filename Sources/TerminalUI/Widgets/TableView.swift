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

/// A table with a header row; only the visible rows are asked for, so a
/// table of a hundred thousand rows draws as fast as one of ten.
public enum TableView {
    /// Columns are separated by one space.
    public static let separator = 1

    /// Column widths that, with separators, fill exactly `total` columns.
    public static func layout(_ columns: [TableColumn], total: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        var widths = columns.map { column -> Int in
            if case .fixed(let w) = column.width { return w }
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

    /// Draws the header and the visible rows of `state` into `rect`;
    /// `cell(row, column)` gives a cell's text.
    public static func render(columns: [TableColumn], state: TableState, cell: (Int, Int) -> String,
                              into frame: inout Frame, in rect: Rect, theme: Theme) {
        guard rect.height > 0, rect.width > 0 else { return }
        let widths = layout(columns, total: rect.width)
        frame.fill(rect, style: theme.normal)
        drawRow(columns.map(\.title), columns: columns, widths: widths, row: rect.row, rect: rect, style: theme.header, into: &frame)
        let visible = rect.height - 1
        guard visible > 0, state.rowCount > 0 else { return }
        for offset in 0..<visible {
            let index = state.top + offset
            guard index < state.rowCount else { break }
            let texts = columns.indices.map { cell(index, $0) }
            let style = index == state.cursor ? theme.selected : theme.normal
            drawRow(texts, columns: columns, widths: widths, row: rect.row + 1 + offset, rect: rect, style: style, into: &frame)
        }
    }

    private static func drawRow(_ texts: [String], columns: [TableColumn], widths: [Int], row: Int, rect: Rect,
                                style: Style, into frame: inout Frame) {
        var line = ""
        for (i, text) in texts.enumerated() {
            if i > 0 { line += String(repeating: " ", count: separator) }
            line += DisplayWidth.fit(flatten(text), to: widths[i], alignRight: columns[i].alignRight)
        }
        frame.put(DisplayWidth.fit(line, to: rect.width), row: row, col: rect.col, style: style, maxWidth: rect.width)
    }

    /// Newlines and tabs in a cell would break the grid; they become spaces.
    private static func flatten(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r\n" || $0 == "\r" }) else { return text }
        return String(text.map { ($0 == "\n" || $0 == "\t" || $0 == "\r\n" || $0 == "\r") ? " " : $0 })
    }
}
