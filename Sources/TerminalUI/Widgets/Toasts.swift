import Foundation
import VietText

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

    /// When the next one expires, for the event loop's timer.
    public var nextExpiry: Date? { shown.map(\.expires).min() }

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
