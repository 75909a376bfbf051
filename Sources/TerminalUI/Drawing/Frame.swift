import VietText

/// One terminal cell: a grapheme and its style. A double-width grapheme
/// occupies its cell and the next, which holds a continuation (no text).
///
/// A cell is plain data — a 200×60 frame is drawn on every key press, and a
/// `String` per cell made that cost milliseconds: the grapheme is its first
/// scalar plus, rarely, further scalars (combining marks, emoji sequences)
/// kept by the frame and numbered from 1.
public struct Cell: Sendable {
    /// The grapheme's first scalar; U+0000 in a continuation cell.
    public var scalar: Unicode.Scalar
    /// Which of the frame's `tails` follows the scalar; 0 for none.
    var tail: Int32
    /// Columns the grapheme takes: 1 or 2, and 0 for a continuation.
    public var width: UInt8
    public var style: Style

    init(scalar: Unicode.Scalar, tail: Int32 = 0, width: UInt8 = 1, style: Style = .normal) {
        self.scalar = scalar
        self.tail = tail
        self.width = width
        self.style = style
    }

    public var isContinuation: Bool { width == 0 }

    public static let blank = Cell(scalar: " ")
}

/// What the screen should show: a grid of cells, drawn by a pure `render`
/// and painted by a `Screen` backend.
public struct Frame: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Scalars that follow a cell's first one, for the few graphemes that have them.
    private var tails: [String] = [""]
    /// Where the terminal cursor should be shown; nil hides it.
    public var cursor: (row: Int, col: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Frame, b: Frame) -> Bool {
        guard a.width == b.width, a.height == b.height, a.cursor?.row == b.cursor?.row,
              a.cursor?.col == b.cursor?.col else { return false }
        for i in a.cells.indices where !a.sameCell(i, as: b) { return false }
        return true
    }

    /// Whether cell `i` shows the same here as in `other`.
    @inline(__always)
    public func sameCell(_ i: Int, as other: Frame) -> Bool {
        let x = cells[i], y = other.cells[i]
        return x.scalar == y.scalar && x.width == y.width && x.style == y.style
            && (x.tail == 0 && y.tail == 0 || tails[Int(x.tail)] == other.tails[Int(y.tail)])
    }

    public subscript(row: Int, col: Int) -> Cell {
        cells[row * width + col]
    }

    /// The grapheme a cell shows; empty in a continuation cell.
    public func grapheme(row: Int, col: Int) -> String {
        let cell = cells[row * width + col]
        if cell.width == 0 { return "" }
        var s = String(Character(cell.scalar))
        if cell.tail != 0 { s += tails[Int(cell.tail)] }
        return s
    }

    /// The scalars of a cell's grapheme after the first.
    public func tail(of cell: Cell) -> String { tails[Int(cell.tail)] }

    /// Writes `text` from (row, col) in `style`, never past `maxWidth` columns
    /// nor the right edge; returns the columns written. A wide grapheme that
    /// would straddle the limit is replaced by a space; control characters
    /// (zero columns) are dropped so widths stay what `DisplayWidth` says.
    /// With an `ellipsis`, text that does not fit ends with it in the last column.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, style: Style = .normal,
                                                maxWidth: Int? = nil, ellipsis: Bool = false) -> Int {
        guard row >= 0, row < height, col < width else { return 0 }
        let limit = min(width, col + (maxWidth ?? width))
        guard limit > col else { return 0 }
        if ellipsis && DisplayWidth.of(text) > limit - col {
            let written = put(text, row: row, col: col, style: style, maxWidth: limit - col - 1)
            if col + written >= 0 { set(row, col + written, Cell(scalar: "…", style: style)) }
            return written + 1
        }
        var x = col
        var cut = false
        Graphemes.forEach(in: text) { first, tail, w in
            if w == 0 { return true }
            if x + w > limit {
                cut = true
                return false
            }
            if x >= 0 {
                var number: Int32 = 0
                if !tail.isEmpty {
                    tails.append(tail)
                    number = Int32(tails.count - 1)
                }
                set(row, x, Cell(scalar: first, tail: number, width: UInt8(w), style: style))
                if w == 2 { set(row, x + 1, Cell(scalar: "\0", width: 0, style: style)) }
            }
            x += w
            return true
        }
        if cut, x < limit, x >= 0 {
            set(row, x, Cell(scalar: " ", style: style))
            x += 1
        }
        return max(0, x - max(col, 0))
    }

    /// Blanks `rect` in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let rows = max(0, rect.row)..<min(height, rect.bottom)
        let cols = max(0, rect.col)..<min(width, rect.right)
        guard !rows.isEmpty, !cols.isEmpty else { return }
        let blank = Cell(scalar: " ", style: style)
        for r in rows {
            repairLeft(r, cols.lowerBound)
            repairRight(r, cols.upperBound - 1)
            let base = r * width
            for c in cols { cells[base + c] = blank }
        }
    }

    /// The text of one row, trailing blanks removed.
    public func rowText(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var line = ""
        for c in 0..<width {
            let cell = cells[row * width + c]
            if cell.width == 0 { continue }
            line.unicodeScalars.append(cell.scalar)
            if cell.tail != 0 { line += tails[Int(cell.tail)] }
        }
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
    private mutating func set(_ row: Int, _ col: Int, _ cell: Cell) {
        if cell.width != 0 { repairLeft(row, col) }
        repairRight(row, col)
        cells[row * width + col] = cell
    }

    /// Writing over the right half of a wide grapheme blanks its left half.
    @inline(__always)
    private mutating func repairLeft(_ row: Int, _ col: Int) {
        let i = row * width + col
        if cells[i].width == 0, col > 0, cells[i - 1].width == 2 {
            cells[i - 1] = Cell(scalar: " ", style: cells[i - 1].style)
        }
    }

    /// Writing over the left half of a wide grapheme blanks its right half.
    @inline(__always)
    private mutating func repairRight(_ row: Int, _ col: Int) {
        let i = row * width + col
        if cells[i].width == 2, col + 1 < width, cells[i + 1].width == 0 {
            cells[i + 1] = Cell(scalar: " ", style: cells[i + 1].style)
        }
    }
}
