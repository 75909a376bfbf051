import VietText

/// A one-line question at the bottom of the screen — search, filter, go to
/// line — answered in a text field that types Vietnamese like the editor.
public struct Prompt: Sendable {
    public var label: String
    public var field: TextEditor

    public init(label: String, text: String = "", inputMethod: InputMethod? = nil) {
        self.label = label
        field = TextEditor(text: text)
        field.inputMethod = inputMethod
        field.perform(.lineEnd)
    }

    public var text: String { field.text }

    public enum Outcome: Equatable {
        case editing
        case submitted(String)
        case cancelled
    }

    /// Applies a key: Enter answers, Escape gives up, a printable key is
    /// typed, and `command(key)` names the editing command of any other key
    /// (the editor's bindings), of which those that stay on one line apply.
    public mutating func handle(_ key: Key, command: (Key) -> EditorCommand?) -> Outcome {
        switch key {
        case .enter: return .submitted(field.text)
        case .escape: return .cancelled
        case .char(let c): field.type(c)
        default:
            if let command = command(key), ![.newline, .up, .down, .pageUp, .pageDown].contains(command) {
                field.perform(command)
            }
        }
        return .editing
    }

    /// Draws the label and the field on `row`, with the terminal cursor in the field.
    public func render(into frame: inout Frame, row: Int, theme: Theme) {
        frame.fill(Rect(row: row, col: 0, width: frame.width, height: 1), style: theme.normal)
        let labelWidth = frame.put(label, row: row, col: 0, style: theme.accent, maxWidth: max(0, frame.width / 2))
        var field = self.field
        let width = max(1, frame.width - labelWidth - 1)
        field.setView(width: width, height: 1)
        field.render(into: &frame, in: Rect(row: row, col: labelWidth + 1, width: width, height: 1), theme: theme)
    }
}

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

/// A line-drawing frame around a rectangle, with a title in its top edge.
public enum Border {
    public static func draw(_ box: Rect, title: String, into frame: inout Frame, style: Style) {
        guard box.width >= 2, box.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: box.width - 2)
        frame.put("┌" + horizontal + "┐", row: box.row, col: box.col, style: style)
        frame.put("└" + horizontal + "┘", row: box.bottom - 1, col: box.col, style: style)
        for row in (box.row + 1)..<(box.bottom - 1) {
            frame.put("│", row: row, col: box.col, style: style)
            frame.put("│", row: row, col: box.right - 1, style: style)
        }
        if !title.isEmpty {
            frame.put(" " + title + " ", row: box.row, col: box.col + 2, style: style, maxWidth: box.width - 4, ellipsis: true)
        }
    }
}
