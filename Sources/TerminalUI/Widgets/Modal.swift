import Foundation

/// A line typed at the bottom of the screen, with what the application asks it for
/// (a search, a month, a link…) and whatever it keeps to put back on Escape.
public protocol PromptQuestion: Sendable {
    var prompt: Prompt { get set }
}

/// What can be open over a screen and take the keys before it: a question in a box,
/// a form, a line typed at the bottom, the command palette. Each answers in the
/// application's own types: a dialog's `Answer`, a form's `Field` keys, a palette's
/// `Command`, a prompt's `Question`.
public enum Modal<Answer: Hashable & Sendable, Field: Hashable & Sendable, Command: ActionID, Question: PromptQuestion>: Sendable {
    case dialog(Dialog<Answer>)
    case form(Form<Field>)
    case prompt(Question)
    case palette(CommandPalette<Command>)
}

/// The modals open over a screen, the last opened on top: the top one takes every key,
/// click and paste, and says what came of it as one typed `Outcome`. One of each kind
/// at most; opening one of a kind that is open replaces it.
public struct ModalStack<Answer: Hashable & Sendable, Field: Hashable & Sendable, Command: ActionID, Question: PromptQuestion>: Sendable {
    public typealias Item = Modal<Answer, Field, Command, Question>
    public private(set) var open: [Item] = []

    public init() {}

    public var isEmpty: Bool { open.isEmpty }

    /// What came of an event handed to the top modal.
    public enum Outcome {
        /// The modal took the event and stays open (typing, moving, a key it does not use).
        case editing
        /// A dialog's choice; the dialog is closed.
        case answered(Answer)
        /// A form's values, and the form as it was, to put back when they are refused; closed.
        case submitted([Field: FormValue], form: Form<Field>)
        /// The form was given up (Escape); closed.
        case formCancelled
        /// The prompt's text changed; still open.
        case promptEdited(Question)
        /// The prompt was answered with the text; closed.
        case promptSubmitted(Question, String)
        /// The prompt was given up; closed.
        case promptCancelled(Question)
        /// A command chosen in the palette; closed.
        case chosen(Command)
        /// The palette was dismissed; closed.
        case paletteClosed
    }

    // MARK: - Each kind

    public var dialog: Dialog<Answer>? {
        get { open.lazy.compactMap { if case .dialog(let d) = $0 { d } else { nil } }.last }
        set { replace(where: { if case .dialog = $0 { true } else { false } }, with: newValue.map(Item.dialog)) }
    }

    public var form: Form<Field>? {
        get { open.lazy.compactMap { if case .form(let f) = $0 { f } else { nil } }.last }
        set { replace(where: { if case .form = $0 { true } else { false } }, with: newValue.map(Item.form)) }
    }

    public var prompt: Question? {
        get { open.lazy.compactMap { if case .prompt(let q) = $0 { q } else { nil } }.last }
        set { replace(where: { if case .prompt = $0 { true } else { false } }, with: newValue.map(Item.prompt)) }
    }

    public var palette: CommandPalette<Command>? {
        get { open.lazy.compactMap { if case .palette(let p) = $0 { p } else { nil } }.last }
        set { replace(where: { if case .palette = $0 { true } else { false } }, with: newValue.map(Item.palette)) }
    }

    /// Puts `item` in the place of the open one of its kind, or on top; nil closes that one.
    private mutating func replace(where isKind: (Item) -> Bool, with item: Item?) {
        if let index = open.lastIndex(where: isKind) {
            if let item { open[index] = item } else { open.remove(at: index) }
        } else if let item {
            open.append(item)
        }
    }

    // MARK: - Events

    /// Hands a key to the top modal; nil when none is open. `command(key)` names the editing
    /// command of keys that are not text (the application's bindings); `now` is what a
    /// form's dates are read against.
    public mutating func handle(_ key: Key, now: Date, command: (Key) -> EditorCommand?) -> Outcome? {
        guard let top = open.popLast() else { return nil }
        switch top {
        case .dialog(let dialog):
            guard let answer = dialog.answer(key) else {
                open.append(top)
                return .editing
            }
            return .answered(answer)
        case .form(var form):
            form.now = now
            let before = form
            switch form.handle(key, command: command) {
            case .editing:
                open.append(.form(form))
                return .editing
            case .cancelled:
                return .formCancelled
            case .submitted(let values):
                return .submitted(values, form: before)
            }
        case .prompt(var question):
            switch question.prompt.handle(key, command: command) {
            case .editing:
                open.append(.prompt(question))
                return .promptEdited(question)
            case .cancelled:
                return .promptCancelled(question)
            case .submitted(let text):
                return .promptSubmitted(question, text)
            }
        case .palette(var palette):
            return settle(palette.handle(key, command: command), palette)
        }
    }

    /// Hands a click or a wheel turn to the top modal; nil when none is open. A prompt
    /// takes none; a form's field is focused by a press; a dialog answers a press on a choice.
    public mutating func handle(mouse: MouseEvent, screenWidth: Int, screenHeight: Int) -> Outcome? {
        guard let top = open.last else { return nil }
        switch top {
        case .dialog(let dialog):
            guard case .press = mouse.action,
                  let answer = dialog.answer(clickAt: mouse.row, col: mouse.col, screenWidth: screenWidth, screenHeight: screenHeight)
            else { return .editing }
            open.removeLast()
            return .answered(answer)
        case .form(var form):
            if case .press = mouse.action {
                form.click(row: mouse.row, col: mouse.col, screenWidth: screenWidth, screenHeight: screenHeight)
                open[open.count - 1] = .form(form)
            }
            return .editing
        case .prompt:
            return .editing
        case .palette(var palette):
            open.removeLast()
            return settle(palette.handle(mouse: mouse, screenWidth: screenWidth, screenHeight: screenHeight), palette)
        }
    }

    /// Pastes text into the top modal's field (on one line, but in a form's); nil when none is open.
    public mutating func paste(_ text: String) -> Outcome? {
        guard let top = open.last else { return nil }
        switch top {
        case .dialog:
            return .editing
        case .form(var form):
            form.paste(text)
            open[open.count - 1] = .form(form)
            return .editing
        case .prompt(var question):
            question.prompt.field.insert(text.replacingOccurrences(of: "\n", with: " "))
            open[open.count - 1] = .prompt(question)
            return .promptEdited(question)
        case .palette(var palette):
            for c in text where c != "\n" { palette.type(c) }
            open[open.count - 1] = .palette(palette)
            return .editing
        }
    }

    /// The palette after an event: open again, dismissed, or closed by a choice.
    private mutating func settle(_ outcome: CommandPalette<Command>.Outcome, _ palette: CommandPalette<Command>) -> Outcome {
        switch outcome {
        case .browsing:
            open.append(.palette(palette))
            return .editing
        case .cancelled:
            return .paletteClosed
        case .chosen(let command):
            return .chosen(command)
        }
    }

    // MARK: - Drawing

    /// Draws the open modals over the frame, the top one last; a prompt on `promptRow`.
    /// A dialog hides the terminal cursor.
    public func render(into frame: inout Frame, promptRow: Int, theme: Theme) {
        for item in open {
            switch item {
            case .dialog(let dialog):
                dialog.render(into: &frame, theme: theme)
                frame.cursor = nil
            case .form(let form):
                form.render(into: &frame, theme: theme)
            case .prompt(let question):
                question.prompt.render(into: &frame, row: promptRow, theme: theme)
            case .palette(let palette):
                palette.render(into: &frame, theme: theme)
            }
        }
    }
}
