import Foundation
import VietText

/// Shows that work is under way: nothing for the first 200 ms (a quick answer
/// should not flicker), then a turning spinner, or a bar when the share done is known.
public enum Activity {
    /// How long work runs before it is shown.
    public static let delay: TimeInterval = 0.2
    /// How often the spinner turns, and so how often a screen showing it is redrawn.
    public static let frameInterval: TimeInterval = 0.1
    private static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The spinner's glyph after `elapsed` seconds of work; nil under `delay`.
    public static func spinner(elapsed: TimeInterval) -> String? {
        guard elapsed >= delay else { return nil }
        let step = Int((elapsed - delay) / frameInterval + 1e-9)
        return String(frames[step % frames.count])
    }

    /// A bar `width` columns wide, `fraction` (0…1) of it full, with the
    /// percentage after it: `███████░░░░░ 58%`.
    public static func progressBar(fraction: Double, width: Int) -> String {
        let share = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let percent = "\(Int((share * 100).rounded(.down)))%"
        let cells = max(0, width - 5)
        let full = Int((share * Double(cells)).rounded(.down))
        let bar = String(repeating: "█", count: full) + String(repeating: "░", count: cells - full)
        return DisplayWidth.truncate(bar + " " + String(repeating: " ", count: 4 - percent.count) + percent, to: max(0, width))
    }
}

/// Short notices that go away by themselves ("Đã lưu", "3 bài mới"), stacked
/// in the bottom-right corner above the status bar, newest lowest.
public struct Toasts: Sendable {
    public enum Kind: Sendable, Equatable {
        case info, success, warning
    }

    public struct Toast: Sendable, Equatable {
        public var text: String
        public var kind: Kind
        public var expires: Date
    }

    public private(set) var shown: [Toast] = []
    /// At most this many are shown; a newer one pushes the oldest out.
    public var limit = 3
    public static let defaultDuration: TimeInterval = 4

    public init() {}

    /// Shows `text` until `duration` seconds after `now`. The same text posted
    /// again replaces the earlier one instead of stacking.
    public mutating func post(_ text: String, kind: Kind = .info, now: Date, duration: TimeInterval = Toasts.defaultDuration) {
        shown.removeAll { $0.text == text }
        shown.append(Toast(text: text, kind: kind, expires: now.addingTimeInterval(duration)))
        if shown.count > limit { shown.removeFirst(shown.count - limit) }
    }

    /// Drops what has expired by `now`; true when something went.
    @discardableResult
    public mutating func expire(now: Date) -> Bool {
        let before = shown.count
        shown.removeAll { $0.expires <= now }
        return shown.count != before
    }

    public mutating func dismissAll() { shown = [] }

    /// When the next one expires, for the event loop's timer.
    public var nextExpiry: Date? { shown.map(\.expires).min() }

    /// The newest text, or nil.
    public var latest: String? { shown.last?.text }

    /// Draws the toasts right-aligned, the newest on `aboveRow - 1`.
    public func render(into frame: inout Frame, aboveRow: Int, theme: Theme) {
        var row = aboveRow - 1
        let room = max(0, frame.width - 4)
        for toast in shown.reversed() where row >= 0 {
            let mark: String
            switch toast.kind {
            case .info: mark = "•"
            case .success: mark = "✓"
            case .warning: mark = "!"
            }
            let text = " " + mark + " " + DisplayWidth.truncate(toast.text, to: max(0, room - 4)) + " "
            let width = DisplayWidth.of(text)
            let style = toast.kind == .warning ? theme.statusError : theme.dialogBorder
            frame.put(text, row: row, col: max(0, frame.width - width - 1), style: style)
            row -= 1
        }
    }
}

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
