/// A colour by its number in the terminal's palette: 0–7 the ANSI colours,
/// 8–15 their bright forms, 16–255 xterm's colour cube and greys; or the
/// terminal's own foreground or background.
public struct Color: Sendable, Hashable {
    /// -1 for the terminal's own colour.
    public var index: Int { Int(number) }
    private let number: Int16

    public init(index: Int) {
        number = Int16(min(255, max(-1, index)))
    }

    public static let terminal = Color(index: -1)
    public static let black = Color(index: 0)
    public static let red = Color(index: 1)
    public static let green = Color(index: 2)
    public static let yellow = Color(index: 3)
    public static let blue = Color(index: 4)
    public static let magenta = Color(index: 5)
    public static let cyan = Color(index: 6)
    public static let white = Color(index: 7)

    /// The bright form of one of the eight ANSI colours.
    public var bright: Color { (0...7).contains(index) ? Color(index: index + 8) : self }

    /// A colour of xterm's 6×6×6 cube, each component 0–5.
    public static func cube(_ r: Int, _ g: Int, _ b: Int) -> Color {
        Color(index: 16 + 36 * min(5, max(0, r)) + 6 * min(5, max(0, g)) + min(5, max(0, b)))
    }

    /// One of xterm's 24 greys, 0 (darkest) to 23.
    public static func gray(_ level: Int) -> Color { Color(index: 232 + min(23, max(0, level))) }

    /// The nearest colour a terminal showing `count` colours (8, 16, 256) has.
    public func reduced(to count: Int) -> Color {
        guard index >= 0, index >= count else { return self }
        if index < 16 { return Color(index: index - 8) }
        let rgb = Self.rgb(index)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<min(16, count) {
            let c = Self.rgb(candidate)
            let d = (c.0 - rgb.0) * (c.0 - rgb.0) + (c.1 - rgb.1) * (c.1 - rgb.1) + (c.2 - rgb.2) * (c.2 - rgb.2)
            if d < bestDistance { (best, bestDistance) = (candidate, d) }
        }
        return Color(index: best)
    }

    /// xterm's default palette.
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        let ansi: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
                                       (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
                                       (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        if index < 16 { return ansi[index] }
        if index >= 232 { let v = 8 + 10 * (index - 232); return (v, v, v) }
        let n = index - 16
        let level = { (c: Int) in c == 0 ? 0 : 55 + 40 * c }
        return (level(n / 36), level(n / 6 % 6), level(n % 6))
    }
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
