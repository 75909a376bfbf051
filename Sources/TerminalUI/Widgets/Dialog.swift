import VietText

/// A question in a box over the screen, answered by one key per choice.
public struct Dialog: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        public var key: Character
        public var label: String
        public var id: String

        public init(key: Character, label: String, id: String) {
            self.key = key
            self.label = label
            self.id = id
        }
    }

    public var title: String
    public var message: String
    public var choices: [Choice]
    /// What Escape answers.
    public var cancelID: String

    public init(title: String, message: String, choices: [Choice], cancelID: String) {
        self.title = title
        self.message = message
        self.choices = choices
        self.cancelID = cancelID
    }

    /// The choice a key picks: its letter in either case, Escape for cancel; nil for other keys.
    public func answer(_ key: Key) -> String? {
        switch key {
        case .escape: return cancelID
        case .char(let c): return choices.first { $0.key.lowercased() == c.lowercased() }?.id
        default: return nil
        }
    }

    /// Draws the box in the middle of the frame.
    public func render(into frame: inout Frame, theme: Theme) {
        let line = choices.map { "[\($0.key)] \($0.label)" }.joined(separator: "   ")
        let width = min(frame.width - 2, max(DisplayWidth.of(title) + 6, DisplayWidth.of(line) + 4, 44))
        guard width >= 8 else { return }
        let body = DisplayWidth.wrap(message, to: width - 4)
        let height = min(frame.height, body.count + 5)
        let box = Rect(row: max(0, (frame.height - height) / 2), col: max(0, (frame.width - width) / 2), width: width, height: height)
        frame.fill(box, style: theme.dialog)
        Border.draw(box, title: title, into: &frame, style: theme.dialogBorder)
        for (i, text) in body.prefix(max(0, height - 4)).enumerated() {
            frame.put(text, row: box.row + 1 + i, col: box.col + 2, style: theme.dialog, maxWidth: width - 4)
        }
        frame.put(line, row: box.bottom - 2, col: box.col + 2, style: theme.dialogBorder, maxWidth: width - 4)
    }
}
