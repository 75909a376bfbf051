import VietText

/// One terminal cell: a grapheme and its style. A double-width grapheme
/// occupies its cell and the next, which holds an empty continuation.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .normal)
    static let continuation = Cell(text: "", style: .normal)
}

/// What the screen should show: a grid of cells, drawn by a pure `render`
/// and painted by a `Screen` backend.
public struct Frame: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown; nil hides it.
    public var cursor: (row: Int, col: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Frame, b: Frame) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursor?.row == b.cursor?.row && a.cursor?.col == b.cursor?.col
    }

    public subscript(row: Int, col: Int) -> Cell {
        cells[row * width + col]
    }

    /// Writes `text` from (row, col) in `style`, never past `maxWidth` columns
    /// nor the right edge; returns the columns written. A wide grapheme that
    /// would straddle the limit is replaced by a space; control characters
    /// (zero columns) are dropped so widths stay what `DisplayWidth` says.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, col < width else { return 0 }
        let limit = min(width, col + (maxWidth ?? width))
        var x = col
        for grapheme in text {
            let w = DisplayWidth.of(grapheme)
            if w == 0 { continue }
            if x + w > limit {
                if x < limit { set(row, x, Cell(text: " ", style: style)) ; x += 1 }
                break
            }
            if x >= 0 {
                set(row, x, Cell(text: String(grapheme), style: style))
                if w == 2 { set(row, x + 1, Cell(text: "", style: style), continuing: true) }
            }
            x += w
        }
        return max(0, x - max(col, 0))
    }

    /// Blanks `rect` in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let rows = max(0, rect.row)..<min(height, rect.bottom)
        let cols = max(0, rect.col)..<min(width, rect.right)
        guard !rows.isEmpty, !cols.isEmpty else { return }
        for r in rows {
            for c in cols { set(r, c, Cell(text: " ", style: style)) }
        }
    }

    /// The text of one row, trailing blanks removed.
    public func rowText(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var line = ""
        for c in 0..<width { line += cells[row * width + c].text }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Every row's text, one per line.
    public var text: String {
        (0..<height).map(rowText).joined(separator: "\n")
    }

    public func style(atRow row: Int, col: Int) -> Style {
        cells[row * width + col].style
    }

    /// Sets a cell, repairing any double-width grapheme it cuts in half.
    private mutating func set(_ row: Int, _ col: Int, _ cell: Cell, continuing: Bool = false) {
        let i = row * width + col
        if !continuing, cells[i].text.isEmpty, col > 0, DisplayWidth.of(cells[i - 1].text) == 2 {
            cells[i - 1] = Cell(text: " ", style: cells[i - 1].style)
        }
        if col + 1 < width, DisplayWidth.of(cells[i].text) == 2, cells[i + 1].text.isEmpty {
            cells[i + 1] = Cell(text: " ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }
}
