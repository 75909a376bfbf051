import VietText

/// A stretch of a line drawn in its own style: a search match, a spelling
/// finding, a word a diff added. Offsets count graphemes of the line's text.
public struct TextSpan: Sendable, Hashable {
    public var range: Range<Int>
    public var style: Style

    public init(_ range: Range<Int>, style: Style) {
        self.range = range
        self.style = style
    }
}

/// A line of text in one style, with spans in others.
public struct StyledLine: Sendable, Hashable {
    public var text: String
    public var style: Style
    /// Drawn over `style`; a later span wins where two overlap.
    public var spans: [TextSpan]
    /// For a wrapped line: which line it was cut from, and the grapheme offset where it starts.
    public var source = 0
    public var offset = 0

    public init(_ text: String, style: Style = .normal, spans: [TextSpan] = []) {
        self.text = text
        self.style = style
        self.spans = spans
    }
}

/// Where a search matched: a line and a range of its graphemes.
public struct PagerMatch: Sendable, Hashable {
    public var line: Int
    public var range: Range<Int>

    public init(line: Int, range: Range<Int>) {
        self.line = line
        self.range = range
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

    /// Scrolls as `move` says: a line, a page less a line of context, or to either end.
    public mutating func apply(_ move: Move, lineCount: Int, visibleRows: Int) {
        let page = max(1, visibleRows - 1)
        switch move {
        case .down: scroll(by: 1, lineCount: lineCount, visibleRows: visibleRows)
        case .up: scroll(by: -1, lineCount: lineCount, visibleRows: visibleRows)
        case .pageDown: scroll(by: page, lineCount: lineCount, visibleRows: visibleRows)
        case .pageUp: scroll(by: -page, lineCount: lineCount, visibleRows: visibleRows)
        case .first: scroll(by: -top, lineCount: lineCount, visibleRows: visibleRows)
        case .last: scroll(by: lineCount, lineCount: lineCount, visibleRows: visibleRows)
        }
    }

    /// Scrolls so `line` shows, near the top as `less` puts a match, unless it already shows.
    public mutating func reveal(line: Int, lineCount: Int, visibleRows: Int) {
        guard line < top || line >= top + max(1, visibleRows) else { return }
        scroll(by: line - top - min(2, visibleRows / 4), lineCount: lineCount, visibleRows: visibleRows)
    }
}

/// Read-only text, wrapped to the width and scrolled by a `PagerState`.
public enum PagerView {
    /// Wraps every line to `width` columns by display width, after a space
    /// when it can, keeping its style and cutting its spans to the pieces.
    /// Newlines inside a line's text start new lines.
    public static func wrap(_ lines: [StyledLine], width: Int) -> [StyledLine] {
        let width = max(1, width)
        var out: [StyledLine] = []
        out.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            let chars = Array(line.text)
            func emit(_ from: Int, _ end: Int) {
                // Spaces where a line breaks are not drawn (offsets still count them).
                var to = end
                while to > from && chars[to - 1] == " " { to -= 1 }
                var piece = StyledLine(String(chars[from..<to]), style: line.style)
                piece.source = index
                piece.offset = from
                for span in line.spans where span.range.lowerBound < to && span.range.upperBound > from {
                    piece.spans.append(TextSpan((max(from, span.range.lowerBound) - from)..<(min(to, span.range.upperBound) - from),
                                                style: span.style))
                }
                out.append(piece)
            }
            var start = 0
            var x = 0
            var lastBreak = -1
            var i = 0
            while i <= chars.count {
                if i == chars.count || chars[i] == "\n" || chars[i] == "\r\n" {
                    emit(start, i)
                    start = i + 1
                    x = 0
                    lastBreak = -1
                    i += 1
                    continue
                }
                let w = DisplayWidth.of(chars[i])
                // A space may hang past the edge: the break comes after it.
                if x + w > width && i > start && chars[i] != " " {
                    let cut = lastBreak > start ? lastBreak : i
                    emit(start, cut)
                    start = cut
                    x = 0
                    for j in start..<i { x += DisplayWidth.of(chars[j]) }
                    lastBreak = -1
                    continue
                }
                x += w
                if chars[i] == " " { lastBreak = i + 1 }
                i += 1
            }
        }
        return out
    }

    /// Where `query` occurs in `lines`, ignoring diacritics and case (a match
    /// does not cross lines).
    public static func matches(of query: String, in lines: [StyledLine]) -> [PagerMatch] {
        let needle = query.map { Diacritics.searchKey(String($0)) }
        guard !needle.isEmpty else { return [] }
        var result: [PagerMatch] = []
        for (index, line) in lines.enumerated() {
            let keys = line.text.map { Diacritics.searchKey(String($0)) }
            guard keys.count >= needle.count else { continue }
            var i = 0
            while i + needle.count <= keys.count {
                if keys[i] == needle[0], Array(keys[i..<(i + needle.count)]) == needle {
                    result.append(PagerMatch(line: index, range: i..<(i + needle.count)))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return result
    }

    /// `lines` with each match as a span in `style`, and `current` in `currentStyle`.
    public static func highlighting(_ matches: [PagerMatch], in lines: [StyledLine], style: Style,
                                    current: Int? = nil, currentStyle: Style? = nil) -> [StyledLine] {
        var lines = lines
        for (i, match) in matches.enumerated() where lines.indices.contains(match.line) {
            lines[match.line].spans.append(TextSpan(match.range, style: i == current ? (currentStyle ?? style) : style))
        }
        return lines
    }

    /// The wrapped line a match of the unwrapped `source` line starts on.
    public static func wrappedLine(of match: PagerMatch, in wrapped: [StyledLine]) -> Int? {
        wrapped.lastIndex { $0.source == match.line && $0.offset <= match.range.lowerBound }
    }

    public static func render(lines: [StyledLine], state: PagerState, into frame: inout Frame, in rect: Rect, theme: Theme) {
        frame.fill(rect, style: theme.normal)
        guard rect.height > 0 else { return }
        for offset in 0..<rect.height {
            let index = state.top + offset
            guard index < lines.count else { break }
            draw(lines[index], row: rect.row + offset, col: rect.col, width: rect.width, into: &frame)
        }
    }

    /// One line: runs of graphemes that share a style, each put at once.
    static func draw(_ line: StyledLine, row: Int, col: Int, width: Int, into frame: inout Frame) {
        guard !line.spans.isEmpty else {
            frame.put(line.text, row: row, col: col, style: line.style, maxWidth: width)
            return
        }
        let chars = Array(line.text)
        var styles = [Style](repeating: line.style, count: chars.count)
        for span in line.spans {
            for i in span.range where i >= 0 && i < chars.count { styles[i] = span.style }
        }
        var x = col
        var start = 0
        while start < chars.count, x < col + width {
            var end = start + 1
            while end < chars.count, styles[end] == styles[start] { end += 1 }
            x += frame.put(String(chars[start..<end]), row: row, col: x, style: styles[start], maxWidth: col + width - x)
            start = end
        }
    }
}

/// A search in a pager: the query, which match is current, and the moves
/// from match to match (`n`/`N`), each revealed on screen.
public struct PagerSearch: Sendable, Hashable {
    public var query = ""
    /// Index of the current match among all matches, once one was reached.
    public private(set) var current: Int?

    public init(query: String = "") {
        self.query = query
    }

    /// `source` with every match highlighted, the current one in the selection style.
    public func highlight(_ source: [StyledLine], theme: Theme) -> [StyledLine] {
        guard !query.isEmpty else { return source }
        return PagerView.highlighting(PagerView.matches(of: query, in: source), in: source, style: theme.match,
                                      current: current, currentStyle: theme.selected)
    }

    /// Moves to the next match (or the previous one), wrapping around; the
    /// first move goes to the first match from the top of the view on (or the
    /// last before it). With `stay`, the current match is kept when there is
    /// one (the query was only extended). Scrolls it into view; false when
    /// nothing matches.
    @discardableResult
    public mutating func step(forward: Bool, stay: Bool = false, source: [StyledLine], width: Int,
                              pager: inout PagerState, visibleRows: Int) -> Bool {
        let matches = PagerView.matches(of: query, in: source)
        guard !matches.isEmpty else {
            current = nil
            return false
        }
        let wrapped = PagerView.wrap(source, width: width)
        let lineOf = matches.map { PagerView.wrappedLine(of: $0, in: wrapped) ?? 0 }
        let next: Int
        if let current, current < matches.count {
            next = stay ? current : forward ? (current + 1) % matches.count : (current + matches.count - 1) % matches.count
        } else if forward {
            next = lineOf.firstIndex { $0 >= pager.top } ?? 0
        } else {
            next = lineOf.lastIndex { $0 <= pager.top } ?? matches.count - 1
        }
        current = next
        pager.reveal(line: lineOf[next], lineCount: wrapped.count, visibleRows: visibleRows)
        return true
    }
}
