/// A key press, as keymaps name it.
public enum Key: Sendable, Hashable {
    case char(Character)
    /// Control plus a letter, stored lower-case: `<C-f>`.
    case ctrl(Character)
    /// Alt (Meta) plus a character: `<M-x>`.
    case alt(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    private static let named: [(String, Key)] = [
        ("Enter", .enter), ("Esc", .escape), ("Tab", .tab), ("S-Tab", .backTab), ("BS", .backspace),
        ("Del", .delete), ("Ins", .insert), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("Home", .home), ("End", .end), ("PgUp", .pageUp), ("PgDn", .pageDown),
        ("Space", .char(" ")), ("lt", .char("<")),
    ]

    /// Parses a key as written in a keymap: `j`, `?`, `<PgDn>`, `<C-f>`, `<M-x>`, `<F5>`.
    public init?(name: String) {
        if name.count == 1, let c = name.first, c != " " {
            self = .char(c)
            return
        }
        guard name.hasPrefix("<"), name.hasSuffix(">"), name.count > 2 else { return nil }
        let inner = String(name.dropFirst().dropLast())
        if let key = Self.named.first(where: { $0.0.lowercased() == inner.lowercased() })?.1 {
            self = key
            return
        }
        if inner.lowercased() == "c-space" {
            self = .ctrl(" ")
            return
        }
        if inner.count == 3, inner.hasPrefix("C-") || inner.hasPrefix("c-"), let c = inner.last,
           (c.isLetter && c.isASCII) || "\\]^_".contains(c) {
            self = .ctrl(Character(c.lowercased()))
            return
        }
        if inner.lowercased() == "m-bs" {
            self = .alt("\u{7F}")
            return
        }
        if inner.count == 3, inner.hasPrefix("M-") || inner.hasPrefix("m-") || inner.hasPrefix("A-"), let c = inner.last {
            self = .alt(c)
            return
        }
        if inner.first == "F" || inner.first == "f", let n = Int(inner.dropFirst()), (1...24).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }

    /// The name a keymap and the help screen use for this key.
    public var name: String {
        switch self {
        case .char(" "): return "<Space>"
        case .char("<"): return "<lt>"
        case .char(let c): return String(c)
        case .ctrl(" "): return "<C-Space>"
        case .alt("\u{7F}"): return "<M-BS>"
        case .ctrl(let c): return "<C-\(c)>"
        case .alt(let c): return "<M-\(c)>"
        case .function(let n): return "<F\(n)>"
        default:
            return "<" + (Self.named.first(where: { $0.1 == self })?.0 ?? "?") + ">"
        }
    }
}

/// Something the terminal reports.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    /// The terminal is now `width` × `height` cells.
    case resize(width: Int, height: Int)
    /// Text pasted as a whole (bracketed paste), never interpreted as keys.
    case paste(String)
    /// A mouse button or the wheel.
    case mouse(MouseEvent)
    /// The terminal went away or the process was asked to stop (SIGTERM, SIGHUP).
    case terminate
}

/// A mouse press or wheel turn at a cell (rows and columns from 0).
public struct MouseEvent: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// The left button went down; `clickCount` is 2 for the second press
        /// of a double click, at the same cell.
        case press(clickCount: Int)
        case rightPress
        case middlePress
        case release
        case wheelUp
        case wheelDown
    }

    public var action: Action
    public var row: Int
    public var col: Int

    public init(_ action: Action, row: Int, col: Int) {
        self.action = action
        self.row = row
        self.col = col
    }

    /// Rows the wheel scrolls at a time, as most terminal programs do.
    public static let wheelRows = 3

    /// Rows to scroll for a wheel turn (negative: up); nil for a button.
    public var wheelDelta: Int? {
        switch action {
        case .wheelUp: return -Self.wheelRows
        case .wheelDown: return Self.wheelRows
        default: return nil
        }
    }
}
