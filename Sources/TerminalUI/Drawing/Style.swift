/// One of the eight ANSI colours, or the terminal's own.
public enum Color: Int, Sendable, Hashable, CaseIterable {
    case terminal = -1
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. Backends without colour keep the attributes and show
/// a coloured background as reverse video, so highlighted bars stay visible.
public struct Style: Sendable, Hashable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(fg: Color = .terminal, bg: Color = .terminal, bold: Bool = false, underline: Bool = false,
                reverse: Bool = false, dim: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// The terminal's default look.
    public static let normal = Style()
}
