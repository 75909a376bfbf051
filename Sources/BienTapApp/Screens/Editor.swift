import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// What the editor works on.
public enum EditorDocument: Equatable, Sendable {
    /// A file of one's own (`bientap edit`): a draft written offline, a note. Saved at once.
    case file(path: String)
    /// A submission on the desk, saved to the portal as a new revision.
    case submission(SubmissionDocument)
}

/// A submission being edited: which one, the revision the editing started from, and
/// the edit lease held on it.
public struct SubmissionDocument: Equatable, Sendable {
    public let portal: String
    public let id: Int64
    public var title: String
    /// The revision the editor's base text is; a save names it in `If-Match`.
    public var revision: Int
    public var lease: Lease?
    /// The item is published: a save corrects its public page, and asks for the note the page shows.
    public var published: Bool

    public init(portal: String, id: Int64, title: String, revision: Int, lease: Lease?, published: Bool = false) {
        self.portal = portal
        self.id = id
        self.title = title
        self.revision = revision
        self.lease = lease
        self.published = published
    }
}

/// The built-in editor, with Telex and VNI typing for a server that has no input
/// method: on a file (`bientap edit FILE`) or, on the desk, on a submission (its title,
/// sapo and body as one `SubmissionText`). Its update functions do no I/O: saving a
/// submission is an effect answered by `saved(_:)`, writing a file one answered by
/// `fileWritten`, and the journal is kept and dropped by effects (a failure answered by
/// `journalFailed`), so neither the network nor the disk blocks typing.
public struct EditorState {
    public let language: UILanguage
    public internal(set) var document: EditorDocument
    let keymap: DeskKeymap
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
        /// Why a published item is corrected, asked on saving it.
        case correctionNote
    }
    /// A line typed at the bottom, and what it is for.
    struct Question: PromptQuestion {
        var ask: Ask
        var prompt: Prompt
    }
    /// What is open over the text and takes the keys first: a dialog, a prompt, the palette.
    var modals = ModalStack<Answer, Never, DeskAction, Question>()
    var prompt: (ask: Ask, prompt: Prompt)? {
        get { modals.prompt.map { ($0.ask, $0.prompt) } }
        set { modals.prompt = newValue.map { Question(ask: $0.ask, prompt: $0.prompt) } }
    }
    var dialog: Dialog<Answer>? {
        get { modals.dialog }
        set { modals.dialog = newValue }
    }
    /// What a choice of the editor's dialogs does.
    enum Answer: Hashable, Sendable {
        /// Unsaved changes: save, then leave; leave without them; stay.
        case saveAndClose, discard, cancel
        /// Words an earlier session left: take them back, see them against the text, forget them.
        case restore, showDifferences, forget
        /// A spelling finding: replace it by a suggestion, add the word to the dictionary, ignore it.
        case suggestion(String), addWord, ignoreWord
    }
    var palette: DeskPalette? {
        get { modals.palette }
        set { modals.palette = newValue }
    }
    var help: PagerState?

    /// Whether unsaved words are kept in the journal while typing (`keepJournal` effects).
    let journals: Bool
    var journalKey: String {
        switch document {
        case .file(let path): return Journal.key(file: path)
        case .submission(let s): return Journal.key(portal: s.portal, submission: s.id)
        }
    }
    /// The submission edited, when it is one.
    public var submissionID: Int64? {
        if case .submission(let s) = document { return s.id }
        return nil
    }

    /// What the document is called on screen and in the journal.
    var label: String {
        switch document {
        case .file(let path): return path
        case .submission(let s): return "#\(s.id) " + s.title
        }
    }
    /// The document's text when editing began, or at the last save.
    var base: String
    /// When the words next go to the journal.
    var journalPace = JournalPace()
    /// Words an earlier session left unsaved, while the user decides what to do with them.
    var offered: Journal.Entry?
    /// The offered words against the file, in the pager.
    var differences: (lines: [StyledLine], pager: PagerState)?

    /// Someone saved the submission first: the merge of their text and mine, on screen.
    var merge: MergeScreen?
    /// The save under way: the editor's change count and the text sent.
    var saving: (changes: Int, text: String)?
    /// Writes of the file under way (`bientap edit`).
    var writingFile = 0
    /// The note of the correction being saved (a published item's), until the portal takes it.
    var correctionNote: String?
    /// Save again when the save under way is answered (the user saved meanwhile).
    var saveAgain = false
    /// Leave once the save under way has gone through.
    var quitAfterSave = false
    /// When a save the portal could not take is tried again, and the lease renewed.
    var saveSchedule = SaveSchedule()

    /// The spell check: when it is due, its findings, the words let pass.
    var spelling: EditorSpelling

    /// A finding named from outside the editor (the reader), whose lines are not the
    /// editor's: by its word, and which of the findings of that word it is.
    struct FindingToFix: Equatable {
        /// Nil: the first finding.
        var word: String?
        var occurrence = 0
    }

    /// What the runner must do after an event.
    public enum Effect: Equatable {
        case suspend
        case repaint
        case quit
        /// Save the submission as a new revision made from revision `base`.
        case save(id: Int64, edit: SubmissionEdit, base: Int)
        case renewLease(Int64)
        /// Hand the text to `$VISUAL`/`$EDITOR`; answer with `editedExternally`.
        case editExternally(String)
        /// Check the spelling of the text at change `changes`; answer with `spellChecked`.
        case checkSpelling(String, changes: Int)
        /// Add a word to the user's dictionary.
        case addToDictionary(String)
        /// Keep the unsaved words in the journal; a failure is answered with `journalFailed`.
        case keepJournal(Journal.Entry)
        /// The journal's entry goes: its words are saved, or thrown away.
        case dropJournal(key: String)
        /// Write the text to the file (`bientap edit`); answer with `fileWritten(changes:error:)`.
        case writeFile(path: String, text: String, changes: Int)
        /// The session ends without the user: the text goes to `path` (FILE.save) with the
        /// permissions of `original`, never over the file itself.
        case writeRescueCopy(path: String, original: String, text: String)
    }

    public init(language: UILanguage, document: EditorDocument, text: String?, keymap: DeskKeymap, theme: Theme,
                inputMethod: InputMethod?, width: Int, height: Int, notice: String? = nil, journals: Bool = false,
                leftover: Journal.Entry? = nil, now: Date = Date(), checksSpelling: Bool = false) {
        self.language = language
        spelling = EditorSpelling(enabled: checksSpelling)
        self.document = document
        self.now = now
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
        self.journals = journals
        base = text ?? ""
        editor.setView(width: width, height: bodyRows)
        if case .submission(let s) = document, let lease = s.lease { saveSchedule.held(lease, now: now) }
        // What an earlier session left is read by whoever opens the editor (`Journal.leftover`).
        if let kept = leftover, kept.key == journalKey, kept.text != base {
            journalPace.holds = true
            offered = kept
            dialog = restoreDialog(kept)
        }
    }

    var bodyRows: Int { max(1, height - 2) }

    private func restoreDialog(_ kept: Journal.Entry) -> Dialog<Answer> {
        let diff = WordDiff(from: base, to: kept.text)
        return Dialog(title: Strings.restoreTitle(language),
                      message: Strings.restoreMessage(label, at: DateText.full(kept.savedAt), added: diff.insertedWords, removed: diff.deletedWords)(language),
                      choices: [.init(key: Strings.restoreKey(language), label: Strings.restoreChoice(language), answer: .restore),
                                .init(key: Strings.differencesKey(language), label: Strings.differencesChoice(language), answer: .showDifferences),
                                .init(key: Strings.discardKey(language), label: Strings.discardChoice(language), answer: .forget)],
                      cancel: .restore)
    }

    // MARK: - Update

    public mutating func handle(_ input: InputEvent) -> [Effect] {
        var effects = route(input)
        // Leaving has settled the journal already.
        if !effects.contains(.quit) { effects += keepJournal() }
        spelling.saw(changes: editor.changes, now: now)
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
            if let outcome = modals.paste(text) { return receive(outcome) }
            editor.insert(text)
            return []
        case .terminate:
            return saveForLater() + [.quit]
        case .key(let key):
            return handle(key: key)
        case .mouse(let mouse):
            return handle(mouse: mouse)
        }
    }

    /// A press puts the cursor where it points; the wheel scrolls.
    private mutating func handle(mouse: MouseEvent) -> [Effect] {
        if let outcome = modals.handle(mouse: mouse, screenWidth: width, screenHeight: height) { return receive(outcome) }
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

    private mutating func answerDialog(_ answer: Answer) -> [Effect] {
        dialog = nil
        switch answer {
        case .saveAndClose:
            quitAfterSave = true
            return save()
        case .discard:
            return dropJournal() + [.quit]
        case .cancel:
            break
        case .restore:
            if let offered {
                editor.restore(offered.text)
                // The words were written over the text of the journal's revision: saved from
                // there, so that a newer revision on the portal is merged, not overwritten.
                if case .submission(var s) = document, let revision = offered.revision, revision != s.revision {
                    s.revision = revision
                    document = .submission(s)
                    base = offered.base
                }
            }
            offered = nil
            notify(Strings.restored(language))
        case .showDifferences:
            if let offered {
                differences = (DiffLines.lines(from: base, to: offered.text, theme: theme), PagerState())
                dialog = restoreDialog(offered)
            }
        case .forget:
            offered = nil
            return dropJournal()
        case .ignoreWord:
            if let fixing = spelling.fixing { spelling.pass(fixing.word) }
            spelling.fixing = nil
        case .addWord:
            guard let fixing = spelling.fixing else { return [] }
            spelling.fixing = nil
            spelling.pass(fixing.word)
            return [.addToDictionary(fixing.word)]
        case .suggestion(let word):
            guard let fixing = spelling.fixing else { return [] }
            spelling.fixing = nil
            editor.select(from: TextPosition(line: fixing.line - 1, column: fixing.column - 1), length: fixing.length)
            editor.insert(word)
        }
        return []
    }

    /// Time passed: notices expire, unsaved words due for the journal go there, a save
    /// waiting for the portal is tried again, the lease is renewed.
    public mutating func tick() -> [Effect] {
        toasts.expire(now: now)
        var effects = keepJournal()
        spelling.saw(changes: editor.changes, now: now)
        if spelling.start(changes: editor.changes, now: now) {
            effects.append(.checkSpelling(editor.text, changes: editor.changes))
        }
        if saving == nil, saveSchedule.retryDue(now: now) {
            effects += save()
        }
        if case .submission(let s) = document, saveSchedule.renewalDue(now: now) {
            effects.append(.renewLease(s.id))
        }
        return effects
    }

    /// How long the loop may wait for input before a notice expires, the journal is due,
    /// a save is retried or the lease renewed; nil when none of them is coming.
    public var wakeMilliseconds: Int? {
        let toast = Activity.wakeMilliseconds(spinning: saving != nil, toasts: toasts, now: now)
        let dates = [journalPace.due, saveSchedule.retryAt, saveSchedule.leaseRenewal, spelling.wake].compactMap { $0 }
        guard let first = dates.min() else { return toast }
        let due = max(1, Int((first.timeIntervalSince(now) * 1000).rounded(.up)))
        return min(due, toast ?? due)
    }

    /// Asks for the text to go to the journal when it has changed since the last entry, at
    /// most once a second (the first change after a pause at once).
    mutating func keepJournal() -> [Effect] {
        guard journals, offered == nil else {
            journalPace.wait()
            return []
        }
        guard journalPace.write(changes: editor.changes, now: now) else { return [] }
        return [.keepJournal(Journal.Entry(key: journalKey, label: label, base: base, revision: revision, text: editor.text, savedAt: now))]
    }

    /// The journal's entry goes (its words saved or thrown away); what is typed next starts a new one.
    private mutating func dropJournal() -> [Effect] {
        journalPace.drop(changes: editor.changes) ? [.dropJournal(key: journalKey)] : []
    }

    /// An entry could not be written: said in the status bar, and tried again in 5 s. An
    /// entry something newer has replaced (or a save dropped) is left alone.
    public mutating func journalFailed(_ entry: Journal.Entry, reason: FileFailure) {
        guard entry.key == journalKey, journalPace.failed(savedAt: entry.savedAt, now: now) else { return }
        statusError = Strings.journalFailed(Strings.fileReason(reason)(language))(language)
    }

    /// The portal's revision the base text is, for a submission.
    private var revision: Int? {
        if case .submission(let s) = document { return s.revision }
        return nil
    }

    private mutating func notify(_ text: String) {
        toasts.post(text, now: now)
    }

    private mutating func handle(key: Key) -> [Effect] {
        if merge != nil { return handleMerge(key) }
        if var shown = differences {
            switch matcher.feed(key, context: AppActions.help, keymap: keymap) {
            case .action(.back), .action(.quit), .action(.help):
                differences = nil
            case .action(let action):
                if let move = action.move { shown.pager.apply(move, lineCount: shown.lines.count, visibleRows: bodyRows) }
                differences = shown
            case .pending, .unbound:
                if case .char = key { differences = nil }
            }
            return []
        }
        let keymap = self.keymap
        if let outcome = modals.handle(key, now: now, command: { KeyBindings.editorCommand(for: $0, keymap: keymap) }) {
            return receive(outcome)
        }
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
                notify(Strings.unboundKey(key.name, help: self.key(forAction: .help))(language))
            }
            return []
        }
    }

    mutating func perform(_ id: DeskAction) -> [Effect] {
        if help != nil {
            switch id {
            case .back, .help: help = nil
            case .quit: return close()
            default:
                guard var pager = help, let move = id.move else { return [] }
                pager.apply(move, lineCount: helpLines().count, visibleRows: bodyRows)
                help = pager
            }
            return []
        }
        if let command = id.editorCommand {
            editor.perform(command)
            if command == .cycleInputMethod { notify(Strings.inputMethodNow(editor.inputMethod)(language)) }
            return []
        }
        switch id {
        case .save:
            return save()
        case .externalEditor:
            return [.editExternally(editor.text)]
        case .nextFinding, .previousFinding:
            stepFinding(forward: id == .nextFinding)
        case .fixFinding:
            fixFinding()
        case .back, .quit:
            return close()
        case .help:
            help = PagerState()
        case .palette:
            palette = KeyBindings.palette(context: AppActions.editor, keymap: keymap, language: language, inputMethod: editor.inputMethod)
        case .suspend:
            return [.suspend]
        case .redraw:
            return [.repaint]
        case .search:
            prompt = (.search, Prompt(label: Strings.askSearch(language), text: editor.searchQuery, inputMethod: editor.inputMethod))
        case .searchNext, .searchPrevious:
            if editor.searchQuery.isEmpty {
                prompt = (.search, Prompt(label: Strings.askSearch(language), inputMethod: editor.inputMethod))
            } else if !editor.find(editor.searchQuery, forward: id == .searchNext) {
                notify(Strings.notFound(editor.searchQuery)(language))
            }
        case .replace:
            prompt = (.replace, Prompt(label: Strings.askReplace(language), text: editor.selectedText ?? editor.searchQuery,
                                       inputMethod: editor.inputMethod))
        case .goToLine:
            prompt = (.goToLine, Prompt(label: Strings.askLine(lines: editor.lines.count)(language)))
        default:
            break
        }
        return []
    }

    /// Leaves, asking first when there are unsaved changes.
    private mutating func close() -> [Effect] {
        guard editor.isModified else {
            // Typed and undone: what the journal kept meanwhile is not worth offering back.
            if offered == nil, editor.changes > 0 { return dropJournal() + [.quit] }
            return [.quit]
        }
        dialog = Dialog(title: Strings.unsavedTitle(language), message: Strings.unsavedMessage(label)(language),
                        choices: [.init(key: Strings.yesKey(language), label: Strings.saveAndQuit(language), answer: .saveAndClose),
                                  .init(key: Strings.noKey(language), label: Strings.quitWithoutSaving(language), answer: .discard),
                                  .init(key: Strings.cancelKey(language), label: Strings.cancel(language), answer: .cancel)],
                        cancel: .cancel)
        return []
    }

    /// What came of an event the modal on top took.
    private mutating func receive(_ outcome: ModalStack<Answer, Never, DeskAction, Question>.Outcome) -> [Effect] {
        switch outcome {
        case .editing, .promptEdited, .paletteClosed, .formCancelled, .submitted:
            return []
        case .answered(let answer):
            return answerDialog(answer)
        case .chosen(let action):
            return perform(action)
        case .promptCancelled(let question):
            if case .correctionNote = question.ask { quitAfterSave = false }
            return []
        case .promptSubmitted(let question, let answer):
            return submit(question.ask, answer)
        }
    }

    private mutating func submit(_ ask: Ask, _ answer: String) -> [Effect] {
        switch ask {
        case .search:
            guard !answer.isEmpty else { return [] }
            if !editor.find(answer) {
                notify(Strings.notFound(answer)(language))
            }
        case .replace:
            guard !answer.isEmpty else { return [] }
            prompt = (.replaceWith(answer), Prompt(label: Strings.askReplaceWith(answer)(language), inputMethod: editor.inputMethod))
        case .replaceWith(let query):
            let count = editor.replaceAll(query, with: answer)
            notify(count == 0 ? Strings.notFound(query)(language) : Strings.replaced(count)(language))
        case .goToLine:
            guard let n = Int(answer.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                toasts.post(Strings.notALineNumber(answer)(language), kind: .warning, now: now)
                return []
            }
            editor.goToLine(n)
        case .correctionNote:
            return correct(because: answer)
        }
        return []
    }

    private func key(forAction id: DeskAction) -> String {
        KeyBindings.keyName(for: id, in: AppActions.editor, keymap: keymap) ?? ""
    }

    func helpLines() -> [StyledLine] {
        HelpView.lines(catalogue: AppActions.catalogue, keymap: keymap,
                       contexts: submissionID == nil ? [AppActions.editor, "global"] : [AppActions.editor, AppActions.merge, "global"],
                       contextTitles: AppActions.contextTitles, language: language)
    }

    // MARK: - Spelling

    /// The checker's answer for the text at change `changes`.
    public mutating func spellChecked(_ found: [Finding], changes: Int) {
        spelling.answered(found, changes: changes, current: editor.changes, now: now)
        if let forward = spelling.stepWhenChecked {
            spelling.stepWhenChecked = nil
            stepFinding(forward: forward)
        }
        if let target = spelling.fixWhenChecked {
            spelling.fixWhenChecked = nil
            fix(target)
        }
    }

    /// Puts the cursor on a finding named from the reader and offers its fixes; the first
    /// finding when that one is not found here. Waits for the first check.
    mutating func fix(_ target: FindingToFix) {
        guard spelling.hasAnswered else {
            spelling.fixWhenChecked = target
            return
        }
        // Another question (words kept from a lost session) comes first.
        guard dialog == nil, prompt == nil, merge == nil else { return }
        let shown = visibleFindings
        let same = shown.filter { $0.word == target.word }
        let finding: Finding? = same.indices.contains(target.occurrence) ? same[target.occurrence] : same.first ?? shown.first
        if let finding {
            editor.select(from: TextPosition(line: finding.line - 1, column: finding.column - 1), length: finding.length)
        }
        fixFinding()
    }

    /// Findings to show: not ignored, and still on the words they were found on.
    var visibleFindings: [Finding] { spelling.visible(in: editor.lines) }

    /// The finding the cursor is on (or just after).
    private var findingAtCursor: Finding? {
        let cursor = editor.cursor
        return visibleFindings.first { $0.line - 1 == cursor.line && cursor.column >= $0.column - 1 && cursor.column <= $0.column - 1 + $0.length }
    }

    private mutating func stepFinding(forward: Bool) {
        let shown = visibleFindings
        let cursor = editor.cursor
        func position(_ f: Finding) -> TextPosition { TextPosition(line: f.line - 1, column: f.column - 1) }
        let next = forward
            ? shown.first { position($0) > cursor } ?? shown.first
            : shown.last { TextPosition(line: $0.line - 1, column: $0.column - 1 + $0.length) < cursor && position($0) < cursor } ?? shown.last
        guard let next else {
            // The text has not been checked yet: the step waits for the checker.
            if !spelling.hasAnswered && spelling.enabled {
                spelling.stepWhenChecked = forward
                notify(Strings.spellCheckRunning(language))
            } else {
                notify(Strings.noFindings(language))
            }
            return
        }
        editor.select(from: position(next), length: next.length)
    }

    /// The choices for the finding at the cursor (or the next one): its suggestions, add the
    /// word to the dictionary, ignore it.
    private mutating func fixFinding() {
        if findingAtCursor == nil { stepFinding(forward: true) }
        guard let finding = findingAtCursor else { return }
        spelling.fixing = finding
        var choices: [Dialog<Answer>.Choice] = finding.suggestions.prefix(9).enumerated().map { i, word in
            .init(key: Character(String(i + 1)), label: word, answer: .suggestion(word))
        }
        choices.append(.init(key: Strings.addWordKey(language), label: Strings.addWordChoice(language), answer: .addWord))
        choices.append(.init(key: Strings.ignoreKey(language), label: Strings.ignoreChoice(language), answer: .ignoreWord))
        dialog = Dialog(title: Strings.findingTitle(finding.word)(language),
                        message: SpellReport.message(finding)(language), choices: choices, cancel: .cancel)
    }

    // MARK: - Saving

    /// Saves: a file by writing it (the answer comes to `fileWritten`), a submission by
    /// asking the portal (the answer comes to `saved`).
    mutating func save() -> [Effect] {
        guard case .submission(let s) = document else { return saveFile() }
        guard saving == nil else {
            saveAgain = true
            return []
        }
        let fields: (title: String, sapo: String, body: String)
        do {
            fields = try SubmissionText.parse(editor.text)
        } catch let invalid as SubmissionText.Invalid {
            statusError = Strings.notSaved(invalid.message(language))(language)
            quitAfterSave = false
            return []
        } catch {
            return []
        }
        if let saved = try? SubmissionText.parse(base), saved == fields {
            // The portal has these very words (typed and undone, or spaces only): a new
            // revision would record nothing.
            saveSchedule.cancelRetry()
            statusError = nil
            editor.markSaved()
            notify(Strings.nothingToSave(language))
            return dropJournal() + (quitAfterSave ? [.quit] : [])
        }
        if s.published && correctionNote == nil {
            // What went out changes in the open only: the page shows why, so the portal asks, and so do we.
            prompt = (.correctionNote, Prompt(label: Strings.askCorrectionNote(language), inputMethod: editor.inputMethod))
            return []
        }
        saveSchedule.cancelRetry()
        saving = (editor.changes, editor.text)
        return [.save(id: s.id, edit: SubmissionEdit(title: fields.title, sapo: fields.sapo, body: fields.body, note: correctionNote ?? ""),
                      base: s.revision)]
    }

    /// The correction note answered: the save goes with it; without one nothing is saved.
    private mutating func correct(because note: String) -> [Effect] {
        guard !note.trimmingCharacters(in: .whitespaces).isEmpty else {
            quitAfterSave = false
            toasts.post(Strings.correctionNeedsNote(language), kind: .warning, now: now)
            return []
        }
        correctionNote = note
        return save()
    }

    /// The portal's answer to a save.
    public mutating func saved(_ result: Result<Submission, PortalError>) -> [Effect] {
        guard let sent = saving, case .submission(let s) = document else { return [] }
        saving = nil
        switch result {
        case .success(let submission):
            return accept(submission, sent: sent)
        case .failure(.staleRevision(let current)):
            let theirs = SubmissionText.compose(current, language: language)
            // A retry of a save that had gone through: the portal has these very words.
            if let a = try? SubmissionText.parse(theirs), let b = try? SubmissionText.parse(sent.text), a == b {
                return accept(current, sent: sent)
            }
            quitAfterSave = false
            saveAgain = false
            merge = MergeScreen(base: base, mine: editor.text, theirs: theirs, theirRevision: current.summary.revision)
            statusError = nil
            return []
        case .failure(let error):
            saveAgain = false
            if error.isTransient {
                // The words stay here and in the journal; the save is tried again by itself.
                let seconds = saveSchedule.retryLater(now: now)
                statusError = Strings.saveWaiting(Strings.portalError(error, portal: s.portal)(language), seconds: seconds)(language)
            } else {
                quitAfterSave = false
                statusError = Strings.notSaved(Strings.portalError(error, portal: s.portal)(language))(language)
            }
            return []
        }
    }

    /// A save went through: the text sent is the new base; the journal entry goes when
    /// nothing was typed since.
    private mutating func accept(_ submission: Submission, sent: (changes: Int, text: String)) -> [Effect] {
        guard case .submission(var s) = document else { return [] }
        s.revision = submission.summary.revision
        s.title = submission.summary.title
        document = .submission(s)
        // The next correction says why of its own.
        correctionNote = nil
        base = SubmissionText.compose(submission, language: language)
        saveSchedule.saved()
        statusError = nil
        let journaling = settleJournal(savedAt: sent.changes)
        notify(Strings.savedRevision(submission.summary.revision)(language))
        if saveAgain {
            saveAgain = false
            // Only what was typed since the save went: nothing else is left to send.
            if editor.changes != sent.changes { return journaling + save() }
        }
        if quitAfterSave && !editor.isModified { return journaling + [.quit] }
        quitAfterSave = false
        return journaling
    }

    /// The portal's answer to renewing the lease.
    public mutating func leaseRenewed(_ result: Result<Lease, PortalError>) {
        guard case .submission(var s) = document else { return }
        switch result {
        case .success(let lease):
            s.lease = lease
            document = .submission(s)
            saveSchedule.held(lease, now: now)
        case .failure(.leaseHeld(let other)):
            // Someone took over; saves still cannot overwrite their words (If-Match).
            s.lease = nil
            document = .submission(s)
            statusError = Strings.leaseTaken(other.holderName)(language)
        case .failure:
            saveSchedule.renewalFailed(now: now)
        }
    }

    /// The text as `$VISUAL` left it, or why it could not run.
    public mutating func editedExternally(_ result: Result<String, ExternalEditor.Failure>) {
        switch result {
        case .success(let text):
            let text = Normalization.nfc(text.hasSuffix("\n") && !editor.text.hasSuffix("\n") ? String(text.dropLast()) : text)
            guard text != editor.text else {
                notify(Strings.externalUnchanged(language))
                return
            }
            editor.replaceAll(with: text)
            notify(Strings.externalEdited(undo: key(forAction: .undo))(language))
        case .failure(let failure):
            statusError = Strings.externalFailed(failure.message(language))(language)
        }
    }

    // MARK: - The merge view

    private mutating func handleMerge(_ pressed: Key) -> [Effect] {
        guard var shown = merge else { return [] }
        switch matcher.feed(pressed, context: AppActions.merge, keymap: keymap) {
        case .action(let id):
            switch shown.perform(id, width: width, visibleRows: bodyRows, theme: theme, language: language) {
            case .stay(let notice):
                merge = shown
                if let notice { notify(notice) }
            case .apply:
                merge = nil
                return applyMerge(shown)
            case .leave:
                merge = nil
                statusError = Strings.mergeLeft(shown.theirRevision, save: key(forAction: .save))(language)
            case .help:
                merge = nil
                help = PagerState()
            }
        case .pending:
            break
        case .unbound:
            notify(Strings.unboundKey(pressed.name, help: key(forAction: .help))(language))
        }
        return []
    }

    /// The merged text replaces mine (one step to undo), over their revision, and is saved.
    private mutating func applyMerge(_ shown: MergeScreen) -> [Effect] {
        guard case .submission(var s) = document else { return [] }
        editor.replaceAll(with: shown.merge.text)
        s.revision = shown.theirRevision
        document = .submission(s)
        base = shown.theirs
        let journaling = rejournal()
        notify(Strings.merged(language))
        return journaling + save()
    }

    // MARK: - Files

    /// A save went through at change `changes`: the journal's entry goes when nothing was
    /// typed since; else it keeps those words, over the new base.
    private mutating func settleJournal(savedAt changes: Int) -> [Effect] {
        guard editor.changes == changes else { return rejournal() }
        editor.markSaved()
        return dropJournal()
    }

    /// The journal's entry written again now, whatever it had (the base under it changed).
    private mutating func rejournal() -> [Effect] {
        journalPace.rewrite()
        return keepJournal()
    }

    /// Asks for the text to be written to the file (a new file beside it, synced, then
    /// renamed over it: the old text survives a crash half-way).
    mutating func saveFile() -> [Effect] {
        guard case .file(let path) = document else { return [] }
        writingFile += 1
        return [.writeFile(path: path, text: editor.text + (editor.text.hasSuffix("\n") || editor.text.isEmpty ? "" : "\n"),
                           changes: editor.changes)]
    }

    /// The file was written as it was at change `changes`, or could not be (`error`, shown).
    public mutating func fileWritten(changes: Int, error: FileFailure?) -> [Effect] {
        guard case .file(let path) = document else { return [] }
        writingFile = max(0, writingFile - 1)
        if let error {
            quitAfterSave = false
            statusError = Strings.saveFailed(path, Strings.fileReason(error)(language))(language)
            return []
        }
        isNewFile = false
        statusError = nil
        notify(Strings.saved(path)(language))
        let journaling = settleJournal(savedAt: changes)
        if quitAfterSave && writingFile == 0 {
            quitAfterSave = false
            if !editor.isModified { return journaling + [.quit] }
        }
        return journaling
    }

    /// The session is ending without the user (the terminal closed, SIGTERM): unsaved
    /// text goes to the journal and, for a file, to FILE.save, as nano does, never over
    /// the file itself.
    mutating func saveForLater() -> [Effect] {
        guard editor.isModified else { return [] }
        journalPace.hurry()
        var effects = keepJournal()
        if case .file(let path) = document { effects.append(.writeRescueCopy(path: path + ".save", original: path, text: editor.text)) }
        return effects
    }

    // MARK: - View

    public func render() -> Frame {
        var frame = Frame(width: width, height: height)
        guard width > 0, height > 1 else { return frame }
        let body = Rect(row: 1, col: 0, width: width, height: bodyRows)
        var title = " " + Strings.appName(language) + " — " + Strings.editTitle(language) + ": " + label
        if isNewFile { title += " " + Strings.newFileMark(language) }
        if editor.isModified { title += " [+]" }
        if merge != nil { title = " " + Strings.appName(language) + " — " + Strings.mergeTitle(language) + ": " + label }
        frame.fill(Rect(row: 0, col: 0, width: width, height: 1), style: theme.title)
        frame.put(title, row: 0, col: 0, style: theme.title, ellipsis: true)
        if let merge {
            PagerView.render(lines: merge.layout(width: width, theme: theme, language: language).lines, state: merge.pager,
                             into: &frame, in: body, theme: theme)
        } else if let differences {
            PagerView.render(lines: differences.lines, state: differences.pager, into: &frame, in: body, theme: theme)
        } else if let help {
            PagerView.render(lines: helpLines(), state: help, into: &frame, in: body, theme: theme)
        } else {
            let spelling = visibleFindings.map {
                TextHighlight(line: $0.line - 1, columns: ($0.column - 1)..<($0.column - 1 + $0.length), style: theme.finding)
            }
            editor.render(into: &frame, in: body, theme: theme, highlights: spelling + editor.searchHighlights(style: theme.match))
        }
        let (line, column) = editor.cursorLabel
        let mode = Strings.inputMethodName(editor.inputMethod)(language)
        var position = Strings.lineColumn(line, column, of: editor.lines.count)(language) + " · " + mode
        var hint = Strings.editorHint(save: key(forAction: .save), close: key(forAction: .back), help: self.key(forAction: .help))(language)
        var left = statusError ?? ""
        if left.isEmpty, saving != nil { left = Strings.saving(language) }
        if left.isEmpty, dialog == nil, let finding = findingAtCursor {
            left = Strings.findingHint(finding.word, SpellReport.message(finding)(language), suggestions: finding.suggestions,
                                       fix: key(forAction: .fixFinding))(language)
        }
        let findingCount = visibleFindings.count
        if findingCount > 0 { position += " · " + Strings.findingCount(findingCount)(language) }
        if left.isEmpty, !matcher.pending.isEmpty { left = Strings.pendingKeys(matcher.pending.map(\.name).joined(separator: " "))(language) }
        if let merge {
            let keys = { (id: DeskAction) in KeyBindings.keyName(for: id, in: AppActions.merge, keymap: keymap) ?? "" }
            position = Strings.hunkPosition(merge.current + 1, of: merge.hunkCount)(language)
            hint = Strings.mergeHint(theirs: keys(.takeTheirs), mine: keys(.takeMine), both: keys(.takeBoth),
                                     next: keys(.nextHunk), apply: keys(.applyMerge), back: keys(.back))(language)
        }
        // Where the cursor is and how keys type matter more than the key hints.
        let full = position + " · " + hint
        let room = width - (left.isEmpty ? 0 : DisplayWidth.of(left) + 2) - 2
        toasts.render(into: &frame, aboveRow: height - 1, theme: theme)
        StatusBar.render(left: left, right: DisplayWidth.of(full) <= room ? full : position, isError: statusError != nil,
                         into: &frame, row: height - 1, theme: theme)
        // The words an earlier session left, shown against the text, hide their question.
        if differences == nil { modals.render(into: &frame, promptRow: height - 1, theme: theme) }
        if help != nil || differences != nil || merge != nil { frame.cursor = nil }
        return frame
    }
}
