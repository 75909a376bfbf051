import VietText

/// A row of tab titles, the selected one highlighted: ` Chờ duyệt (12) │ Trả lại (3) `.
public struct TabBar: Sendable, Equatable {
    public var titles: [String]
    public var selected: Int

    public init(titles: [String], selected: Int = 0) {
        self.titles = titles
        self.selected = min(max(0, selected), max(0, titles.count - 1))
    }

    /// Moves to the next tab (or previous, with a negative `delta`), wrapping around.
    public mutating func move(by delta: Int) {
        guard !titles.isEmpty else { return }
        selected = ((selected + delta) % titles.count + titles.count) % titles.count
    }

    private static let separator = "│"

    /// Each tab's first column and width when drawn from `col` in `width` columns.
    /// When every title does not fit, titles are cut to an equal share; the
    /// selected one keeps its whole title as long as it fits alone.
    public func layout(width: Int) -> [(col: Int, width: Int, text: String)] {
        guard !titles.isEmpty, width > 0 else { return [] }
        let padded = titles.map { " " + $0 + " " }
        let separators = titles.count - 1
        var texts = padded
        if padded.map(DisplayWidth.of).reduce(0, +) + separators > width {
            let selectedWidth = min(DisplayWidth.of(padded[selected]), max(1, width - separators - 2 * (titles.count - 1)))
            let share = titles.count > 1 ? max(2, (width - separators - selectedWidth) / (titles.count - 1)) : width
            // Cut inside the padding, so a cut title still has a space before the separator.
            texts = titles.enumerated().map { i, title in
                " " + DisplayWidth.truncate(title, to: max(1, (i == selected ? selectedWidth : share) - 2)) + " "
            }
        }
        var result: [(Int, Int, String)] = []
        var x = 0
        for text in texts {
            let w = DisplayWidth.of(text)
            result.append((x, w, text))
            x += w + 1
        }
        return result
    }

    public func render(into frame: inout Frame, row: Int, col: Int = 0, width: Int, theme: Theme) {
        frame.fill(Rect(row: row, col: col, width: width, height: 1), style: theme.normal)
        for (i, tab) in layout(width: width).enumerated() where tab.col < width {
            frame.put(tab.text, row: row, col: col + tab.col, style: i == selected ? theme.selected : theme.dim,
                      maxWidth: width - tab.col)
            if i + 1 < titles.count, tab.col + tab.width < width {
                frame.put(Self.separator, row: row, col: col + tab.col + tab.width, style: theme.dim)
            }
        }
    }

    /// The tab drawn at column `x` (relative to where the bar starts), if any.
    public func tab(atColumn x: Int, width: Int) -> Int? {
        layout(width: width).firstIndex { x >= $0.col && x < $0.col + $0.width }
    }
}
