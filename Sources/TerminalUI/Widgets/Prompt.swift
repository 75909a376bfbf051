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
