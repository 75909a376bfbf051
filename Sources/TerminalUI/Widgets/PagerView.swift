import VietText

/// A line of text in one style.
public struct StyledLine: Sendable, Hashable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .normal) {
        self.text = text
        self.style = style
    }
}

/// Scroll position of a pager.
public struct PagerState: Sendable, Hashable {
    /// Index of the first visible line.
    public var top: Int = 0

    public init() {}

    /// Scrolls by `delta` lines, never past the first line nor so far that the
    /// last screenful is not full.
    public mutating func scroll(by delta: Int, lineCount: Int, visibleRows: Int) {
        let maxTop = max(0, lineCount - max(1, visibleRows))
        top = min(max(0, top + delta), maxTop)
    }
}

/// Read-only text, wrapped to the width and scrolled by a `PagerState`.
public enum PagerView {
    /// Wraps every line to `width` columns at spaces, keeping its style.
    public static func wrap(_ lines: [StyledLine], width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            for piece in DisplayWidth.wrap(line.text, to: max(1, width)) {
                out.append(StyledLine(piece, style: line.style))
            }
        }
        return out
    }

    public static func render(lines: [StyledLine], state: PagerState, into frame: inout Frame, in rect: Rect, theme: Theme) {
        frame.fill(rect, style: theme.normal)
        guard rect.height > 0 else { return }
        for offset in 0..<rect.height {
            let index = state.top + offset
            guard index < lines.count else { break }
            frame.put(lines[index].text, row: rect.row + offset, col: rect.col, style: lines[index].style, maxWidth: rect.width)
        }
    }
}
