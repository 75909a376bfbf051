import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// `bientap edit FILE`: the built-in editor on a file of one's own — a draft
/// written offline, a note — with Telex and VNI typing for a server that has
/// no input method. The same editor the desk uses for submissions.
public struct FileEditorState {
    public let language: UILanguage
    public let path: String
    let keymap: Keymap
    let theme: Theme
    var width: Int
    var height: Int

    public internal(set) var editor: TextEditor
    var matcher = KeySequenceMatcher()
    /// An error (a failed save, a copy left by a lost session), kept until a save succeeds.
    var statusError: String?
    /// Notices that go away by themselves ("Đã lưu…").
    var toasts = Toasts()
    /// The time now, set by the runner before each event.
    public var now = Date()
    var isNewFile: Bool

    enum Ask {
        case search, replace, replaceWith(String), goToLine
    }
    var prompt: (ask: Ask, prompt: Prompt)?
    var dialog: Dialog?
    var palette: CommandPalette?
    var help: PagerState?

    /// Where unsaved words are kept while typing, and what it has of them.
    let journal: Journal?
    var journalKey: String { Journal.key(file: path) }
    /// The file's text when editing began.
    let base: String
    var journaledChanges = 0
    var lastJournalWrite = Date.distantPast
    var journalDue: Date?
    /// Words an earlier session left unsaved, while the user decides what to do with them.
    var offered: Journal.Entry?
    /// The offered words against the file, in the pager.
    var differences: (lines: [StyledLine], pager: PagerState)?

    /// What the runner must do after an event.
    public enum Effect: Equatable {
        case suspend
        case repaint
        case quit
    }

    public init(language: UILanguage, path: String, text: String?, keymap: Keymap, theme: Theme,
                inputMethod: InputMethod?, width: Int, height: Int, notice: String? = nil, journal: Journal? = nil) {
        self.language = language
        self.path = path
        self.keymap = keymap
        self.theme = theme
        self.width = width
        self.height = height
        editor = TextEditor(text: text ?? "")
        editor.inputMethod = inputMethod
        isNewFile = text == nil
        if let notice {
            statusError = notice
        }
        self.journal = journal
        base = text ?? ""
        editor.setView(width: width, height: bodyRows)
        if let journal, let kept = journal.entry(for: Journal.key(file: path)) {
            if kept.text == base {
                journal.remove(key: kept.key)   // saved after all, by another way
            } else {
                offered = kept
                dialog = restoreDialog(kept)
            }
        }
    }

    var bodyRows: Int { max(1, height - 2) }

    private func restoreDialog(_ kept: Journal.Entry) -> Dialog {
        let diff = WordDiff(from: base, to: kept.text)
        return Dialog(title: Strings.restoreTitle(language),
                      message: Strings.restoreMessage(path, at: DateText.full(kept.savedAt), added: diff.insertedWords, removed: diff.deletedWords)(language),
                      choices: [Dialog.Choice(key: Strings.restoreKey(language), label: Strings.restoreChoice(language), id: "restore"),
                                Dialog.Choice(key: Strings.differencesKey(language), label: Strings.differencesChoice(language), id: "differences"),
                                Dialog.Choice(key: Strings.discardKey(language), label: Strings.discardChoice(language), id: "forget")],
                      cancelID: "restore")
    }

    // MARK: - Update

    public mutating func handle(_ input: InputEvent) -> [Effect] {
        let effects = route(input)
        keepJournal()
        return effects
    }

    private mutating func route(_ input: InputEvent) -> [Effect] {
        switch input {
        case .resize(let w, let h):
            width = w
            height = h
            editor.setView(width: width, height: bodyRows)
            return []
        case .paste(let text):
            if prompt != nil {
                prompt!.prompt.field.insert(text.replacingOccurrences(of: "\n", with: " "))
            } else if palette != nil {
                for c in text where c != "\n" { palette!.type(c) }
            } else {
                editor.insert(text)
            }
            return []
        case .terminate:
            saveForLater()
            return [.quit]
        case .key(let key):
            return handle(key: key)
        case .mouse(let mouse):
            return handle(mouse: mouse)
        }
    }

    /// A press puts the cursor where it points; the wheel scrolls.
    private mutating func handle(mouse: MouseEvent) -> [Effect] {
        if let dialog {
            guard case .press = mouse.action,
                  let answer = dialog.answer(clickAt: mouse.row, col: mouse.col, screenWidth: width, screenHeight: height) else { return [] }
            return answerDialog(answer)
        }
        if palette != nil {
            return KeyBindings.route(mouse, to: &palette, screenWidth: width, screenHeight: height).map { perform($0) } ?? []
        }
        guard prompt == nil else { return [] }
        if let delta = mouse.wheelDelta {
            if var pager = help {
                pager.scroll(by: delta, lineCount: helpLines().count, visibleRows: bodyRows)
                help = pager
            } else {
                editor.scroll(by: delta)
            }
        } else if case .press = mouse.action, help == nil, mouse.row >= 1, mouse.row <= bodyRows {
            editor.place(viewRow: mouse.row - 1, x: mouse.col)
        }
        return []
    }

    private mutating func answerDialog(_ answer: String) -> [Effect] {
        let shown = dialog
        dialog = nil
        switch answer {
        case "save": return save() ? [.quit] : []
        case "discard":
            journal?.remove(key: journalKey)
            return [.quit]
        case "restore":
            if let offered { editor.restore(offered.text) }
            offered = nil
            notify(Strings.restored(language))
        case "differences":
            if let offered {
                differences = (DiffLines.lines(from: base, to: offered.text, theme: theme), PagerState())
                dialog = shown
            }
        case "forget":
            journal?.remove(key: journalKey)
            offered = nil
        default: break
        }
        return []
    }

    /// Time passed: notices expire, unsaved words due for the journal go there.
    public mutating func tick() {
        toasts.expire(now: now)
        keepJournal()
    }

    /// How long the loop may wait for input before a notice expires or the journal is
    /// due; nil when neither is.
    public var wakeMilliseconds: Int? {
        let toast = Activity.wakeMilliseconds(spinning: false, toasts: toasts, now: now)
        guard let journalDue else { return toast }
        let due = max(1, Int((journalDue.timeIntervalSince(now) * 1000).rounded(.up)))
        return min(due, toast ?? due)
    }

    /// Writes the text to the journal when it has changed since the last write, at most
    /// once a second (the first change after a pause at once).
    mutating func keepJournal() {
        guard let journal, offered == nil, editor.changes != journaledChanges else {
            journalDue = nil
            return
        }
        let due = lastJournalWrite.addingTimeInterval(1)
        guard now >= due else {
            journalDue = due
            return
        }
        do {
            try journal.write(Journal.Entry(key: journalKey, label: path, base: base, text: editor.text, savedAt: now))
            journaledChanges = editor.changes
            lastJournalWrite = now
            journalDue = nil
        } catch {
            statusError = Strings.journalFailed("\(error)")(language)
            journalDue = now.addingTimeInterval(5)
            lastJournalWrite = now.addingTimeInterval(4)
        }
    }

    private mutating func notify(_ text: String) {
        toasts.post(text, now: now)
    }

    private mutating func handle(key: Key) -> [Effect] {
        if var shown = differences {
            switch matcher.feed(key, context: AppActions.help, keymap: keymap) {
            case .action(let id) where id == "back" || id == "quit" || id == "help":
                differences = nil
            case .action(let id):
                _ = shown.pager.apply(id, lineCount: shown.lines.count, visibleRows: bodyRows)
                differences = shown
            case .pending, .unbound:
                if case .char = key { differences = nil }
            }
            return []
        }
        if let dialog {
            return dialog.answer(key).map { answerDialog($0) } ?? []
        }
        if palette != nil { return KeyBindings.route(key, to: &palette, keymap: keymap).map { perform($0) } ?? [] }
        if prompt != nil { return handlePrompt(key) }
        let context = help != nil ? AppActions.help : AppActions.editor
        // In the text, a printable key is text, whatever global bindings say.
        if help == nil, case .char(let c) = key, matcher.pending.isEmpty {
            editor.type(c)
            return []
        }
        switch matcher.feed(key, context: context, keymap: keymap) {
        case .action(let id):
            return perform(id)
        case .pending:
            return []
        case .unbound:
            if help == nil, case .char(let c) = key {
                editor.type(c)
            } else {
                notify(Strings.unboundKey(key.name, help: self.key(forAction: "help"))(language))
            }
            return []
        }
    }

    mutating func perform(_ id: String) -> [Effect] {
        if help != nil {
            switch id {
            case "back", "help": help = nil
            case "quit": return close()
            default:
                var pager = help!
                _ = pager.apply(id, lineCount: helpLines().count, visibleRows: bodyRows)
                help = pager
            }
            return []
        }
        if let command = EditorCommand(rawValue: id) {
            editor.perform(command)
            if command == .cycleInputMethod { notify(Strings.inputMethodNow(editor.inputMethod)(language)) }
            return []
        }
        switch id {
        case "save":
            _ = save()
        case "back", "quit":
            return close()
        case "help":
            help = PagerState()
        case "palette":
            palette = KeyBindings.palette(context: AppActions.editor, keymap: keymap, language: language, inputMethod: editor.inputMethod)
        case "suspend":
            return [.suspend]
        case "redraw":
            return [.repaint]
        case "search":
            prompt = (.search, Prompt(label: Strings.askSearch(language), text: editor.searchQuery, inputMethod: editor.inputMethod))
        case "search-next", "search-previous":
            if editor.searchQuery.isEmpty {
                prompt = (.search, Prompt(label: Strings.askSearch(language), inputMethod: editor.inputMethod))
            } else if !editor.find(editor.searchQuery, forward: id == "search-next") {
                notify(Strings.notFound(editor.searchQuery)(language))
            }
        case "replace":
            prompt = (.replace, Prompt(label: Strings.askReplace(language), text: editor.selectedText ?? editor.searchQuery,
                                       inputMethod: editor.inputMethod))
        case "go-to-line":
            prompt = (.goToLine, Prompt(label: Strings.askLine(lines: editor.lines.count)(language)))
        case "page-down": editor.perform(.pageDown)
        case "page-up": editor.perform(.pageUp)
        default:
            break
        }
        return []
    }

    /// Leaves, asking first when there are unsaved changes.
    private mutating func close() -> [Effect] {
        guard editor.isModified else { return [.quit] }
        dialog = Dialog(title: Strings.unsavedTitle(language), message: Strings.unsavedMessage(path)(language),
                        choices: [Dialog.Choice(key: Strings.yesKey(language), label: Strings.saveAndQuit(language), id: "save"),
                                  Dialog.Choice(key: Strings.noKey(language), label: Strings.quitWithoutSaving(language), id: "discard"),
                                  Dialog.Choice(key: Strings.cancelKey(language), label: Strings.cancel(language), id: "cancel")],
                        cancelID: "cancel")
        return []
    }

    private mutating func handlePrompt(_ key: Key) -> [Effect] {
        guard var (ask, field) = prompt else { return [] }
        let keymap = self.keymap
        switch field.handle(key, command: { KeyBindings.editorCommand(for: $0, keymap: keymap) }) {
        case .editing: prompt = (ask, field)
        case .cancelled: prompt = nil
        case .submitted(let answer):
            prompt = nil
            submit(ask, answer)
        }
        return []
    }

    private mutating func submit(_ ask: Ask, _ answer: String) {
        switch ask {
        case .search:
            guard !answer.isEmpty else { return }
            if !editor.find(answer) {
                notify(Strings.notFound(answer)(language))
            }
        case .replace:
            guard !answer.isEmpty else { return }
            prompt = (.replaceWith(answer), Prompt(label: Strings.askReplaceWith(answer)(language), inputMethod: editor.inputMethod))
        case .replaceWith(let query):
            let count = editor.replaceAll(query, with: answer)
            notify(count == 0 ? Strings.notFound(query)(language) : Strings.replaced(count)(language))
        case .goToLine:
            guard let n = Int(answer.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                toasts.post(Strings.notALineNumber(answer)(language), kind: .warning, now: now)
                return
            }
            editor.goToLine(n)
        }
    }

    private func key(forAction id: String) -> String {
        KeyBindings.keyName(for: id, in: AppActions.editor, keymap: keymap) ?? ""
    }

    func helpLines() -> [StyledLine] {
        HelpView.lines(catalogue: AppActions.catalogue, keymap: keymap, contexts: [AppActions.editor, "global"],
                       contextTitles: AppActions.contextTitles, language: language)
    }

    // MARK: - Files

    /// Writes the text to the file (a new file beside it, synced, then renamed
    /// over it: the old text survives a crash half-way); false on failure, with the reason shown.
    mutating func save() -> Bool {
        do {
            try SafeFile.write(editor.text + (editor.text.hasSuffix("\n") || editor.text.isEmpty ? "" : "\n"), to: path)
            editor.markSaved()
            journal?.remove(key: journalKey)
            journaledChanges = editor.changes
            journalDue = nil
            isNewFile = false
            statusError = nil
            notify(Strings.saved(path)(language))
            return true
        } catch {
            statusError = Strings.saveFailed(path, "\(error)")(language)
            return false
        }
    }

    /// The session is ending without the user (the terminal closed, SIGTERM):
    /// unsaved text goes to FILE.save, as nano does, never over the file itself.
    mutating func saveForLater() {
        guard editor.isModified else { return }
        lastJournalWrite = .distantPast
        keepJournal()
        try? SafeFile.write(editor.text, to: path + ".save")
    }

    // MARK: - View

    public func render() -> Frame {
        var frame = Frame(width: width, height: height)
        guard width > 0, height > 1 else { return frame }
        let body = Rect(row: 1, col: 0, width: width, height: bodyRows)
        var title = " " + Strings.appName(language) + " — " + Strings.editTitle(language) + ": " + path
        if isNewFile { title += " " + Strings.newFileMark(language) }
        if editor.isModified { title += " [+]" }
        frame.fill(Rect(row: 0, col: 0, width: width, height: 1), style: theme.title)
        frame.put(title, row: 0, col: 0, style: theme.title, ellipsis: true)
        if let differences {
            PagerView.render(lines: differences.lines, state: differences.pager, into: &frame, in: body, theme: theme)
        } else if let help {
            PagerView.render(lines: helpLines(), state: help, into: &frame, in: body, theme: theme)
        } else {
            editor.render(into: &frame, in: body, theme: theme, highlights: editor.searchHighlights(style: theme.match))
        }
        let (line, column) = editor.cursorLabel
        let mode = Strings.inputMethodName(editor.inputMethod)(language)
        let position = Strings.lineColumn(line, column, of: editor.lines.count)(language) + " · " + mode
        let hint = Strings.editorHint(save: key(forAction: "save"), close: key(forAction: "back"), help: self.key(forAction: "help"))(language)
        var left = statusError ?? ""
        if left.isEmpty, !matcher.pending.isEmpty { left = Strings.pendingKeys(matcher.pending.map(\.name).joined(separator: " "))(language) }
        // Where the cursor is and how keys type matter more than the key hints.
        let full = position + " · " + hint
        let room = width - (left.isEmpty ? 0 : DisplayWidth.of(left) + 2) - 2
        toasts.render(into: &frame, aboveRow: height - 1, theme: theme)
        StatusBar.render(left: left, right: DisplayWidth.of(full) <= room ? full : position, isError: statusError != nil,
                         into: &frame, row: height - 1, theme: theme)
        if let prompt {
            prompt.prompt.render(into: &frame, row: height - 1, theme: theme)
        }
        if let palette { palette.render(into: &frame, theme: theme) }
        if let dialog, differences == nil {
            dialog.render(into: &frame, theme: theme)
            frame.cursor = nil
        }
        if help != nil || differences != nil { frame.cursor = nil }
        return frame
    }
}

/// Runs `bientap edit` on a screen.
public enum FileEditorApp {
    public static func run(_ state: FileEditorState, on screen: Screen) {
        var state = state
        _ = state.handle(.resize(width: screen.width, height: screen.height))
        let loop = EventLoop<Never>(screen: screen)
        loop.run(render: { state.render() }, handle: { event in
            state.now = Date()
            defer { loop.tickMilliseconds = state.wakeMilliseconds }
            guard case .input(let input) = event else {
                state.tick()
                return .proceed
            }
            for effect in state.handle(input) {
                switch effect {
                case .quit: return .quit
                case .suspend: screen.suspend()
                case .repaint: screen.repaintAll()
                }
            }
            return .proceed
        })
    }
}
