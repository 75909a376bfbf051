import VietText

/// A question in a box over the screen, answered by one key per choice; each choice
/// is a value of the application's `Answer` type, so what it means travels with it.
public struct Dialog<Answer: Hashable & Sendable>: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        public var key: Character
        public var label: String
        public var answer: Answer

        public init(key: Character, label: String, answer: Answer) {
            self.key = key
            self.label = label
            self.answer = answer
        }
    }

    public var title: String
    public var message: String
    public var choices: [Choice]
    /// What Escape answers.
    public var cancel: Answer

    public init(title: String, message: String, choices: [Choice], cancel: Answer) {
        self.title = title
        self.message = message
        self.choices = choices
        self.cancel = cancel
    }

    /// The choice a key picks: its letter in either case, Escape for cancel; nil for other keys.
    public func answer(_ key: Key) -> Answer? {
        switch key {
        case .escape: return cancel
        case .char(let c): return choices.first { $0.key.lowercased() == c.lowercased() }?.answer
        default: return nil
        }
    }

    private static var gap: String { "   " }
    private var choiceLine: String { choices.map { "[\($0.key)] \($0.label)" }.joined(separator: Self.gap) }

    /// The box in the middle of a `width` × `height` screen, and the message wrapped in it; nil when it does not fit.
    private func layout(width screenWidth: Int, height screenHeight: Int) -> (box: Rect, body: [String])? {
        let width = min(screenWidth - 2, max(DisplayWidth.of(title) + 6, DisplayWidth.of(choiceLine) + 4, 44))
        guard width >= 8 else { return nil }
        let body = DisplayWidth.wrap(message, to: width - 4)
        let height = min(screenHeight, body.count + 5)
        return (Rect(row: max(0, (screenHeight - height) / 2), col: max(0, (screenWidth - width) / 2), width: width, height: height), body)
    }

    /// The choice a click at (`row`, `col`) lands on, on the line of choices.
    public func answer(clickAt row: Int, col: Int, screenWidth: Int, screenHeight: Int) -> Answer? {
        guard let box = layout(width: screenWidth, height: screenHeight)?.box, row == box.bottom - 2 else { return nil }
        var x = box.col + 2
        for choice in choices {
            let width = DisplayWidth.of("[\(choice.key)] \(choice.label)")
            if col >= x && col < x + width { return choice.answer }
            x += width + DisplayWidth.of(Self.gap)
        }
        return nil
    }

    /// Draws the box in the middle of the frame.
    public func render(into frame: inout Frame, theme: Theme) {
        guard let (box, body) = layout(width: frame.width, height: frame.height) else { return }
        let width = box.width, height = box.height, line = choiceLine
        frame.fill(box, style: theme.dialog)
        Border.draw(box, title: title, into: &frame, style: theme.dialogBorder)
        for (i, text) in body.prefix(max(0, height - 4)).enumerated() {
            frame.put(text, row: box.row + 1 + i, col: box.col + 2, style: theme.dialog, maxWidth: width - 4)
        }
        frame.put(line, row: box.bottom - 2, col: box.col + 2, style: theme.dialogBorder, maxWidth: width - 4)
    }
}
