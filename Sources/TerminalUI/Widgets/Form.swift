import Foundation
import VietText

/// One answer of a form.
public enum FormValue: Sendable, Equatable {
    case text(String)
    /// A moment, or nil when an optional date was left empty.
    case date(Date?)
    /// Index of the chosen option.
    case choice(Int)
    case checkbox(Bool)
}

/// A labelled field of a form, known by a value of the application's `Field` type.
public struct FormField<Field: Hashable & Sendable>: Sendable {
    public enum Kind: Sendable {
        /// One line of text, typed as in the editor (Telex, VNI).
        case text(TextEditor)
        /// A date and time in Vietnam's time, typed (`07:00 24/11/2026`, `24/11`,
        /// `07:00`…) or stepped with `+`/`-` (a day) and PgUp/PgDn (an hour).
        case dateTime(TextEditor, optional: Bool)
        case choice([String], selected: Int)
        case checkbox(Bool)
    }

    public var id: Field
    public var label: String
    public var kind: Kind
    /// A field for a long text (a message): the form takes the screen's width for it.
    public var wide = false

    public static func text(_ id: Field, _ label: String, value: String = "", inputMethod: InputMethod? = nil,
                            wide: Bool = false) -> FormField {
        var editor = TextEditor(text: value)
        editor.inputMethod = inputMethod
        editor.perform(.lineEnd)
        return FormField(id: id, label: label, kind: .text(editor), wide: wide)
    }

    public static func dateTime(_ id: Field, _ label: String, value: Date?, optional: Bool = false) -> FormField {
        var editor = TextEditor(text: value.map(DateText.full) ?? "")
        editor.perform(.lineEnd)
        return FormField(id: id, label: label, kind: .dateTime(editor, optional: optional))
    }

    public static func choice(_ id: Field, _ label: String, options: [String], selected: Int = 0) -> FormField {
        FormField(id: id, label: label, kind: .choice(options, selected: min(max(0, selected), max(0, options.count - 1))))
    }

    public static func checkbox(_ id: Field, _ label: String, checked: Bool = false) -> FormField {
        FormField(id: id, label: label, kind: .checkbox(checked))
    }
}

/// Words the form shows, from the application's string catalogue.
public struct FormLabels: Sendable {
    public var invalidDate: String
    public var hint: String

    /// `invalidDate` names the field's label in place of `%@`.
    public init(invalidDate: String, hint: String) {
        self.invalidDate = invalidDate
        self.hint = hint
    }
}

/// Fields in a box over the screen: Tab and the arrows move between them,
/// Enter answers (when every date reads as one), Escape gives up.
public struct Form<Field: Hashable & Sendable>: Sendable {
    public typealias Labels = FormLabels

    public var title: String
    public var fields: [FormField<Field>]
    public private(set) var focus = 0
    public var labels: Labels
    /// What dates without a year or a day are read against.
    public var now: Date
    /// Why the last Enter was refused.
    public private(set) var problem: String?

    public init(title: String, fields: [FormField<Field>], labels: Labels, now: Date) {
        self.title = title
        self.fields = fields
        self.labels = labels
        self.now = now
    }

    public enum Outcome: Equatable {
        case editing
        case submitted([Field: FormValue])
        case cancelled
    }

    public var values: [Field: FormValue] {
        var result: [Field: FormValue] = [:]
        for field in fields {
            switch field.kind {
            case .text(let editor): result[field.id] = .text(Normalization.nfc(editor.text))
            case .dateTime(let editor, _): result[field.id] = .date(DateText.parse(editor.text, now: now))
            case .choice(_, let selected): result[field.id] = .choice(selected)
            case .checkbox(let checked): result[field.id] = .checkbox(checked)
            }
        }
        return result
    }

    /// The first date field whose text reads as no date (an optional one may be empty).
    private var invalidField: Int? {
        fields.indices.first { i in
            guard case .dateTime(let editor, let optional) = fields[i].kind else { return false }
            let text = editor.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return !optional }
            return DateText.parse(text, now: now) == nil
        }
    }

    /// Applies a key; `command(key)` names the editing command of keys other
    /// than printable ones in text fields (the editor's bindings).
    public mutating func handle(_ key: Key, command: (Key) -> EditorCommand?) -> Outcome {
        guard !fields.isEmpty else { return key == .escape ? .cancelled : .editing }
        switch key {
        case .escape: return .cancelled
        case .enter:
            if let bad = invalidField {
                focus = bad
                problem = labels.invalidDate.replacingOccurrences(of: "%@", with: fields[bad].label)
                return .editing
            }
            return .submitted(values)
        case .tab, .down:
            focus = (focus + 1) % fields.count
            return .editing
        case .backTab, .up:
            focus = (focus + fields.count - 1) % fields.count
            return .editing
        default:
            break
        }
        problem = nil
        switch fields[focus].kind {
        case .text(var editor):
            edit(&editor, key: key, command: command)
            fields[focus].kind = .text(editor)
        case .dateTime(var editor, let optional):
            switch key {
            case .char("+"): step(&editor, by: 86_400)
            case .char("-"): step(&editor, by: -86_400)
            case .pageUp: step(&editor, by: 3600)
            case .pageDown: step(&editor, by: -3600)
            default: edit(&editor, key: key, command: command)
            }
            fields[focus].kind = .dateTime(editor, optional: optional)
        case .choice(let options, var selected):
            switch key {
            case .right, .char(" "): selected = (selected + 1) % max(1, options.count)
            case .left: selected = (selected + max(1, options.count) - 1) % max(1, options.count)
            case .home: selected = 0
            case .end: selected = max(0, options.count - 1)
            case .char(let c):
                // The next option starting with the letter typed, diacritics aside.
                let letter = Diacritics.searchKey(String(c))
                if let next = (1...max(1, options.count)).lazy.map({ (selected + $0) % options.count })
                    .first(where: { Diacritics.searchKey(options[$0]).hasPrefix(letter) }) {
                    selected = next
                }
            default: break
            }
            fields[focus].kind = .choice(options, selected: selected)
        case .checkbox(let checked):
            if key == .char(" ") || key == .char("x") { fields[focus].kind = .checkbox(!checked) }
        }
        return .editing
    }

    /// Pasted text goes into the focused text or date field, on one line.
    public mutating func paste(_ text: String) {
        guard fields.indices.contains(focus) else { return }
        let line = text.replacingOccurrences(of: "\n", with: " ")
        switch fields[focus].kind {
        case .text(var editor):
            editor.insert(line)
            fields[focus].kind = .text(editor)
        case .dateTime(var editor, let optional):
            editor.insert(line)
            fields[focus].kind = .dateTime(editor, optional: optional)
        default: break
        }
    }

    private func edit(_ editor: inout TextEditor, key: Key, command: (Key) -> EditorCommand?) {
        if case .char(let c) = key {
            editor.type(c)
        } else if let command = command(key), ![.newline, .up, .down, .pageUp, .pageDown].contains(command) {
            editor.perform(command)
        }
    }

    /// Moves the date by `seconds`; an empty or unreadable one starts from the next whole hour.
    private func step(_ editor: inout TextEditor, by seconds: TimeInterval) {
        let base = DateText.parse(editor.text, now: now)
            ?? Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 3600).rounded(.down) * 3600 + 3600)
        editor.load(DateText.full(base.addingTimeInterval(seconds)))
        editor.perform(.lineEnd)
    }

    // MARK: - Layout and drawing

    /// The box the form is drawn in, centred in a `width` × `height` screen.
    public func box(width: Int, height: Int) -> Rect {
        let labelWidth = fields.map { DisplayWidth.of($0.label) }.max() ?? 0
        var wanted = max(DisplayWidth.of(title) + 6, labelWidth + 34, DisplayWidth.of(labels.hint) + 4, 48)
        if fields.contains(where: \.wide) { wanted = max(wanted, width - 6) }
        let w = min(max(0, width - 2), wanted)
        let h = min(height, fields.count + 4)
        return Rect(row: max(0, (height - h) / 2), col: max(0, (width - w) / 2), width: w, height: h)
    }

    private var labelColumns: Int { (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2 }

    /// A click at (`row`, `col`) of the screen: focuses the field there; on a
    /// choice it moves to the next option, on a checkbox it toggles.
    public mutating func click(row: Int, col: Int, screenWidth: Int, screenHeight: Int) {
        let box = self.box(width: screenWidth, height: screenHeight)
        let index = row - box.row - 1
        guard fields.indices.contains(index), col > box.col, col < box.right - 1 else { return }
        let wasFocused = focus == index
        focus = index
        problem = nil
        let valueCol = box.col + 2 + labelColumns
        switch fields[index].kind {
        case .choice(let options, let selected) where col >= valueCol:
            fields[index].kind = .choice(options, selected: (selected + 1) % max(1, options.count))
        case .checkbox(let checked) where col >= valueCol || wasFocused:
            fields[index].kind = .checkbox(!checked)
        case .text(var editor) where col >= valueCol:
            editor.place(viewRow: 0, x: col - valueCol)
            fields[index].kind = .text(editor)
        case .dateTime(var editor, let optional) where col >= valueCol:
            editor.place(viewRow: 0, x: col - valueCol)
            fields[index].kind = .dateTime(editor, optional: optional)
        default: break
        }
    }

    public func render(into frame: inout Frame, theme: Theme) {
        let box = self.box(width: frame.width, height: frame.height)
        guard box.width >= 12, box.height >= 3 else { return }
        frame.fill(box, style: theme.dialog)
        Border.draw(box, title: title, into: &frame, style: theme.dialogBorder)
        let labelColumns = self.labelColumns
        let valueCol = box.col + 2 + labelColumns
        let valueWidth = max(1, box.right - 2 - valueCol)
        for (i, field) in fields.enumerated() {
            let row = box.row + 1 + i
            guard row < box.bottom - 1 else { break }
            let focused = i == focus
            frame.put(field.label, row: row, col: box.col + 2, style: focused ? theme.accent : theme.dialog, maxWidth: labelColumns)
            switch field.kind {
            case .text(var editor):
                drawEditor(&editor, focused: focused, row: row, col: valueCol, width: valueWidth, theme: theme, into: &frame)
            case .dateTime(var editor, _):
                // The field, then how the typed text reads (or a mark that it reads as no date).
                let text = editor.text.trimmingCharacters(in: .whitespaces)
                let parsed = DateText.parse(text, now: now)
                var note = ""
                if !text.isEmpty {
                    if let parsed { note = DateText.full(parsed) == text ? "" : "= " + DateText.full(parsed) } else { note = "?" }
                }
                let noteWidth = note.isEmpty ? 0 : DisplayWidth.of(note) + 1
                let fieldWidth = max(1, min(valueWidth - noteWidth, 20))
                drawEditor(&editor, focused: focused, row: row, col: valueCol, width: fieldWidth, theme: theme, into: &frame)
                if !note.isEmpty {
                    frame.put(note, row: row, col: valueCol + fieldWidth + 1, style: parsed == nil ? theme.statusError : theme.dim,
                              maxWidth: max(0, box.right - 2 - valueCol - fieldWidth - 1))
                }
            case .choice(let options, let selected):
                let option = options.indices.contains(selected) ? options[selected] : ""
                frame.put("◀ " + option + " ▶", row: row, col: valueCol, style: focused ? theme.selected : theme.dialog,
                          maxWidth: valueWidth, ellipsis: true)
            case .checkbox(let checked):
                frame.put(checked ? "[x]" : "[ ]", row: row, col: valueCol, style: focused ? theme.selected : theme.dialog)
            }
        }
        let footer = problem ?? labels.hint
        frame.put(footer, row: box.bottom - 2, col: box.col + 2, style: problem == nil ? theme.dim : theme.statusError,
                  maxWidth: box.width - 4, ellipsis: true)
    }

    private func drawEditor(_ editor: inout TextEditor, focused: Bool, row: Int, col: Int, width: Int, theme: Theme,
                            into frame: inout Frame) {
        editor.setView(width: width, height: 1)
        var fieldTheme = theme
        fieldTheme.normal = focused ? theme.normal : theme.dialog
        fieldTheme.normal.underline = true
        editor.render(into: &frame, in: Rect(row: row, col: col, width: width, height: 1), theme: fieldTheme, showCursor: focused)
    }
}
