import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// Work the app asks the outside world to do; results come back as `AppMessage`s.
public enum Effect: Equatable, Sendable {
    /// Loads the submissions of one queue tab, which are in `statuses`.
    /// A tab's items: those in `statuses`, and only those published since Vietnam's midnight when `publishedToday`.
    case loadQueue(tab: Int, statuses: [SubmissionStatus], publishedToday: Bool = false)
    case loadSubmission(Int64)
    /// The contributor's original against the text now.
    /// Two revisions of an item word by word; nil: the contributor's original against now.
    case loadDifferences(Int64, ClosedRange<Int>?)
    /// Take the edit lease of an item, claim it when it is waiting, and load it.
    case openForEditing(Int64)
    /// The royalty table an approval on `site` is graded by, for item `id`.
    /// What an approval form needs: the site's active rate table and the item as it is now.
    case prepareApproval(id: Int64, site: String)
    /// A workflow decision on item `id`, with the step a person takes first (claiming a
    /// waiting item, unscheduling a scheduled one) and one Idempotency-Key through retries.
    case decide(id: Int64, TransitionRequest)
    case addNote(id: Int64, NoteRequest)
    /// The sites, and the items approved or scheduled, for the duty view.
    case loadDuty
    case save(id: Int64, edit: SubmissionEdit, base: Int)
    case renewLease(Int64)
    case releaseLease(Int64)
    /// Lend the terminal to `$VISUAL` on this text (run on the UI thread).
    case editExternally(String)
    /// Check the spelling of item `id`'s text as it was at change `changes`.
    case checkSpelling(id: Int64, text: String, changes: Int)
    /// Check the article the reader shows (`ReaderScreen.spellingText`); answer with `readerSpellChecked`.
    case checkReaderSpelling(id: Int64, text: String)
    case addToDictionary(String)
    /// Keep an editor's unsaved words in the journal (on the disk lane, in order).
    case keepJournal(Journal.Entry)
    /// The journal's entry of `key` goes: its words are saved, or thrown away.
    case dropJournal(key: String)
    /// A site's month of royalties (the first site the user keeps the ledger of when nil, with the sites).
    case loadLedgerMonth(site: String?, month: String)
    case loadRoyaltyStatement(site: String, month: String, contributor: Int64, paidOn: String?)
    case loadRoyaltyBudget(site: String, year: Int)
    case closeRoyaltyMonth(site: String, month: String)
    case recordRoyaltyPayment(site: String, month: String, reference: String)
    /// The payment list saved as a file in `folder`, under the portal's name for it.
    case exportPaymentList(site: String, month: String, paidOn: String?, format: SpreadsheetFormat, folder: String)
    case loadActivity(year: Int)
    /// The social queue: every post of the sites the user is on the board of.
    case loadSocialPosts
    /// A person's act on a social post (retry, cancel, resolve, edit its text).
    case actOnSocialPost(id: Int64, DeskCommands.SocialAct)
    case suspend
    case repaint
    case quit
}

/// Results of effects, delivered to the UI thread.
public enum AppMessage: Sendable {
    case queueLoaded(tab: Int, Result<[SubmissionSummary], PortalError>)
    case submissionLoaded(Int64, Result<Submission, PortalError>)
    case differencesLoaded(Int64, Result<RevisionDiff, PortalError>)
    case openedForEditing(Int64, Result<EditingStart, PortalError>)
    case saved(Int64, Result<Submission, PortalError>)
    case leaseRenewed(Int64, Result<Lease, PortalError>)
    case editedExternally(Result<String, ExternalEditor.Failure>)
    /// A journal entry could not be written.
    case journalFailed(Journal.Entry, reason: FileFailure)
    case spellChecked(Int64, changes: Int, [Finding])
    /// The findings in the reader's article, as it was when `text` was checked.
    case readerSpellChecked(Int64, text: String, [Finding])
    case approvalPrepared(id: Int64, Result<ApprovalBasis, PortalError>)
    case decided(Int64, WorkflowAction, Result<Submission, PortalError>)
    /// An item's decisions, revisions and notes, for the reader (sent after `submissionLoaded`).
    case historyLoaded(Int64, Result<ReaderHistory, PortalError>)
    case noteAdded(Int64, Result<Note, PortalError>)
    case dutyLoaded(Result<DutyData, PortalError>)
    /// Who the user is (read once at the start, in the background).
    case meLoaded(Me)
    /// A word went to the user's dictionary (`path`), or could not (`error`).
    case wordAdded(String, path: String, error: FileFailure?)
    /// The month of royalties asked for with `site` (nil: the first the user keeps).
    case ledgerMonthLoaded(site: String?, month: String, Result<LedgerMonth, PortalError>)
    case royaltyStatementLoaded(contributor: Int64, Result<RoyaltyStatement, PortalError>)
    /// A site's budget for a year; nil when it could not be read.
    case royaltyBudgetLoaded(site: String, year: Int, RoyaltyBudget?)
    /// A month closed (`paying` false) or its payment recorded.
    case ledgerActed(paying: Bool, Result<DeskCommands.LedgerOutcome, LedgerFailure>)
    case paymentListExported(Result<SavedExport, ExportFailure>)
    case activityLoaded(year: Int, Result<ActivityReport, PortalError>)
    case socialPostsLoaded(Result<[SocialPost], PortalError>)
    case socialPostActed(id: Int64, Result<SocialActOutcome, PortalError>)
}

/// An item opened for editing: as it is now, the lease held on it, and the words an
/// earlier session left unsaved (`Journal.leftover`).
public struct EditingStart: Sendable {
    public var submission: Submission
    public var lease: Lease
    public var leftover: Journal.Entry?

    public init(submission: Submission, lease: Lease, leftover: Journal.Entry? = nil) {
        self.submission = submission
        self.lease = lease
        self.leftover = leftover
    }
}

/// What a desk dialog's choice does.
enum DeskAnswer: Hashable, Sendable {
    /// Later, stay, keep, cancel: nothing.
    case dismiss
    /// Open the words an earlier session left unsaved.
    case openLeftovers
    case quit
    case publish(id: Int64)
    case closeMonth(site: String, month: String)
    case export(site: String, month: String, paidOn: String?, SpreadsheetFormat)
    case cancelPost(id: Int64)
    /// The uncertain post is on the page: ask for its link.
    case resolvePosted(id: Int64)
    case resendPost(id: Int64)
}

/// The fields of the desk's forms.
enum FormKey: Hashable, Sendable {
    /// The filter form.
    case site, category, contributor, receivedFrom, receivedTo, markedOnly
    /// A decision: an approval's grading, co-authors' shares, photos and social posts;
    /// a note; a time to publish at.
    case genre, grade, share(contributor: Int64), photo(number: Int), zalo, facebook, message, note, when, otherTime
    /// A note shared with the contributor.
    case shared
    /// The two revisions compared.
    case olderRevision, newerRevision
}

/// The whole state of the newsroom UI, changed only by `handle` and drawn by `render`.
public struct AppState {
    public let language: UILanguage
    public let portal: String
    let keymap: DeskKeymap
    let theme: Theme
    let cursorStyle: TableCursorStyle
    var width: Int
    var height: Int
    /// The time now, set by whoever runs the app before each event (tests set it by hand).
    public var now = Date()

    /// The queue with its tabs, under every other screen.
    var queueDesk: QueueDesk
    /// The queue of the selected tab.
    var queue: QueueScreen {
        get { queueDesk.queue }
        set { queueDesk.queue = newValue }
    }
    var overlays: [Overlay] = []
    var matcher = KeySequenceMatcher()
    /// An error, kept in the status bar until the next successful load.
    var statusError: String?
    /// The last load error in full (message, what to do, technical detail), shown
    /// in the body when there is nothing else to show there.
    var errorText: String?
    /// Notices that go away by themselves.
    var toasts = Toasts()
    /// When the load now under way began, for the spinner.
    var loadStarted: Date?

    /// A question on the bottom line: a search or a filter, applied as it is typed.
    enum Ask: Equatable {
        case search, filter, month, year, reference
        /// The link of uncertain post `id`, found on the page.
        case link(id: Int64)
    }
    struct Asking: PromptQuestion {
        var ask: Ask
        var prompt: Prompt
        /// What Escape puts back: the queue's cursor or the pager's top line, the filter, the pager's search.
        var positionBefore: Int
        var filterBefore: String
        var searchBefore: PagerSearch
    }
    /// What is open over the screen and takes the keys first: a dialog, a form, a prompt, the palette.
    var modals = ModalStack<DeskAnswer, FormKey, DeskAction, Asking>()
    var prompt: Asking? {
        get { modals.prompt }
        set { modals.prompt = newValue }
    }
    var palette: DeskPalette? {
        get { modals.palette }
        set { modals.palette = newValue }
    }
    var form: Form<FormKey>? {
        get { modals.form }
        set { modals.form = newValue }
    }
    var lastSearch = ""

    /// How often the queue on screen is read again by itself; nil: only when asked.
    let refreshInterval: TimeInterval?

    /// Where the editor keeps unsaved words; nil keeps none (tests that do not need it).
    let journal: Journal?
    /// How the editor types at first.
    let inputMethod: InputMethod?
    /// Run by `bientap demo`: its sample portal and data go when the app ends.
    let isDemo: Bool
    /// Items being opened for editing.
    var opening: Set<Int64> = []
    /// Items opened from the reader's F8: the finding whose fixes the editor offers.
    var fixOnOpening: [Int64: EditorState.FindingToFix] = [:]
    /// A question in a box; each of its choices says what it does.
    var dialog: Dialog<DeskAnswer>? {
        get { modals.dialog }
        set { modals.dialog = newValue }
    }
    /// What the form on screen is for.
    enum FormPurpose { case filter, decision(DecisionDraft), note(id: Int64), compare(id: Int64, revisions: [Int]), postText(id: Int64) }
    var formPurpose = FormPurpose.filter
    /// Decisions sent and not yet answered, by item.
    var deciding: [Int64: TransitionRequest] = [:]
    /// Who the user is, once read.
    var me: Me?

    public init(language: UILanguage, portal: String, keymap: DeskKeymap, theme: Theme = .default,
                cursorStyle: TableCursorStyle = .arrow, width: Int, height: Int, startupNotice: String? = nil,
                refreshInterval: TimeInterval? = nil, journal: Journal? = nil, inputMethod: InputMethod? = .telex,
                isDemo: Bool = false) {
        self.isDemo = isDemo
        self.refreshInterval = refreshInterval.flatMap { $0 > 0 ? $0 : nil }
        self.journal = journal
        self.inputMethod = inputMethod
        self.language = language
        queueDesk = QueueDesk(language: language)
        self.portal = portal
        self.keymap = keymap
        self.theme = theme
        self.cursorStyle = cursorStyle
        self.width = width
        self.height = height
        if let startupNotice {
            statusError = startupNotice
        }
    }

    /// Effects to run when the app starts: the first tab's queue. Edits an earlier session
    /// left unsaved (a dropped connection, a kill), the journal's `entries`, are offered back first.
    public mutating func start(leftovers entries: [Journal.Entry] = []) -> [Effect] {
        leftoverEdits = entries.filter { Journal.submission(of: $0.key, portal: portal) != nil }.sorted { $0.savedAt < $1.savedAt }
        let leftovers = leftoverEdits
        if let last = leftovers.last {
            dialog = Dialog(title: Strings.leftoverTitle(language),
                            message: Strings.leftoverMessage(leftovers.map(\.label), at: DateText.full(last.savedAt))(language),
                            choices: [.init(key: Strings.openKey(language), label: Strings.openChoice(language), answer: .openLeftovers),
                                      .init(key: Strings.laterKey(language), label: Strings.laterChoice(language), answer: .dismiss)],
                            cancel: .dismiss)
        }
        return [withQueue { $0.load(tab: 0, in: &$1) }]
    }

    /// The journal's entries for items of this portal, oldest first: those an earlier
    /// session left (read by whoever starts the app, given to `start`), as this session's
    /// editors keep and drop them.
    var leftoverEdits: [Journal.Entry] = []

    private mutating func answerDialog(_ answer: DeskAnswer) -> [Effect] {
        dialog = nil
        switch answer {
        case .dismiss:
            return []
        case .quit:
            // Quitting with words not saved to the portal keeps them for the next start,
            // up to the last key, as a lost terminal does.
            return keepEveryEditorsWords() + [.quit]
        case .publish(let id):
            return send(TransitionRequest(action: .publish), on: id)
        case .openLeftovers:
            guard let first = leftoverEdits.first, let id = Journal.submission(of: first.key, portal: portal) else { return [] }
            return startEditing(id)
        case .closeMonth, .export, .cancelPost, .resolvePosted, .resendPost:
            // A screen's own question.
            return topTakes { $0.answer(answer, in: &$1) } ?? []
        }
    }

    /// Every open editor's unsaved words to the journal now (files also to their `.save` copy).
    private mutating func keepEveryEditorsWords() -> [Effect] {
        var effects: [Effect] = []
        for index in overlays.indices {
            guard case .editor(var editor) = overlays[index] else { continue }
            let later = editor.saveForLater()
            overlays[index] = .editor(editor)
            effects += fromEditor(later, at: index)
        }
        return effects
    }

    private mutating func startEditing(_ id: Int64) -> [Effect] {
        guard !opening.contains(id) else { return [] }
        if let index = overlays.firstIndex(where: { if case .editor(let e) = $0, e.submissionID == id { return true } else { return false } }) {
            // Already being edited here: back to it.
            let editor = overlays.remove(at: index)
            overlays.append(editor)
            return []
        }
        opening.insert(id)
        loadStarted = now
        notify(Strings.opening(language))
        return [.openForEditing(id)]
    }

    /// How long the loop may wait for input before the screen changes by itself
    /// (a spinner turns, a toast expires); nil: only input changes it.
    public var wakeMilliseconds: Int? {
        var activity = Activity.wakeMilliseconds(spinning: isLoading, toasts: toasts, now: now)
        for case .editor(var editor) in overlays {
            editor.now = now
            if let wake = editor.wakeMilliseconds { activity = min(wake, activity ?? wake) }
        }
        guard let nextRefresh = queueDesk.nextRefresh else { return activity }
        let due = max(1, Int((nextRefresh.timeIntervalSince(now) * 1000).rounded(.up)))
        return min(due, activity ?? due)
    }

    private var isLoading: Bool {
        overlays.last?.screen.isBusy(desk) ?? (queue.isLoading || !opening.isEmpty || !deciding.isEmpty)
    }

    /// The editor on top, when it is.
    private var topEditor: EditorState? {
        get { if case .editor(let e)? = overlays.last { return e } else { return nil } }
        set { if let newValue, topEditor != nil { overlays[overlays.count - 1] = .editor(newValue) } }
    }

    /// Time passed: toasts expire; the queue on screen is read again when it is due; open
    /// editors keep their journal, retry their saves and renew their leases.
    public mutating func tick() -> [Effect] {
        var effects: [Effect] = []
        for index in overlays.indices {
            guard case .editor(var editor) = overlays[index] else { continue }
            editor.now = now
            let done = editor.tick()
            overlays[index] = .editor(editor)
            effects += fromEditor(done, at: index)
        }
        toasts.expire(now: now)
        return effects + withQueue { $0.tick(in: &$1) } + (onTop { $0.tick(in: &$1) } ?? [])
    }

    mutating func notify(_ text: String, kind: Toasts.Kind = .info) {
        withDesk { $0.notify(text, kind: kind) }
    }

    /// The context key bindings are looked up in.
    var context: String { overlays.last?.screen.keyContext ?? AppActions.queue }

    /// Rows available to the body between the title bar and the status bar.
    var bodyRows: Int { max(0, height - 2) }
    /// Data rows of the queue table.
    var tableRows: Int { QueueDesk.tableRows(width: width, height: height) }

    // MARK: - Update

    /// Applies an input event or a result; returns the effects to run.
    public mutating func handle(input: InputEvent) -> [Effect] {
        if case .terminate = input {
            // The terminal is gone: every editor's unsaved words go to the journal.
            return keepEveryEditorsWords() + [.quit]
        }
        if var editor = topEditor {
            editor.now = now
            let effects = editor.handle(input)
            topEditor = editor
            return fromEditor(effects, at: overlays.count - 1)
        }
        switch input {
        case .key(let key):
            // As mutt's quit=ask-yes: the quitting key again confirms (q q), Escape stays.
            if case .dialog(let question)? = modals.open.last, question.choices.contains(where: { $0.answer == .quit }),
               key != .escape, quitKeys.contains([key]) {
                return answerDialog(.quit)
            }
            let keymap = self.keymap
            if let outcome = modals.handle(key, now: now, command: { KeyBindings.editorCommand(for: $0, keymap: keymap) }) {
                return receive(outcome)
            }
            switch matcher.feed(key, context: context, keymap: keymap) {
            case .action(let id):
                return perform(id)
            case .pending:
                return []
            case .unbound:
                notify(Strings.unboundKey(key.name, help: keyNames(for: .help).first ?? "?")(language))
                return []
            }
        case .mouse(let mouse):
            if let outcome = modals.handle(mouse: mouse, screenWidth: width, screenHeight: height) { return receive(outcome) }
            if let effects = topTakes({ $0.mouse(mouse, in: &$1) }) { return effects }
            return handleMouse(mouse)
        case .resize(let w, let h):
            width = w
            height = h
            queue.table.keepCursorVisible(visibleRows: tableRows)
            _ = onTop { $0.resized($1) }
            for index in overlays.indices {
                guard case .editor(var editor) = overlays[index] else { continue }
                _ = editor.handle(.resize(width: w, height: h))
                overlays[index] = .editor(editor)
            }
            return []
        case .paste(let text):
            return modals.paste(text).map { receive($0) } ?? []
        case .terminate:
            return [.quit]
        }
    }

    /// What an editor asked for, as the app's effects; leaving it gives its lease back
    /// and reads again what it changed.
    private mutating func fromEditor(_ effects: [EditorState.Effect], at index: Int) -> [Effect] {
        var out: [Effect] = []
        for effect in effects {
            switch effect {
            case .quit:
                guard case .editor(let editor) = overlays[index] else { continue }
                overlays.remove(at: index)
                guard let id = editor.submissionID else { continue }
                out.append(.releaseLease(id))
                if case .reader(var reader)? = overlays.last, reader.id == id {
                    reader.isLoading = true
                    reader.differences = nil
                    overlays[overlays.count - 1] = .reader(reader)
                    out.append(reader.showsDifferences ? .loadDifferences(id, reader.compared) : .loadSubmission(id))
                }
                out += queueDesk.reloadQuietly()
            case .suspend: out.append(.suspend)
            case .repaint: out.append(.repaint)
            case .save(let id, let edit, let base): out.append(.save(id: id, edit: edit, base: base))
            case .renewLease(let id): out.append(.renewLease(id))
            case .editExternally(let text): out.append(.editExternally(text))
            case .checkSpelling(let text, let changes):
                guard case .editor(let editor) = overlays[index], let id = editor.submissionID else { continue }
                out.append(.checkSpelling(id: id, text: text, changes: changes))
            case .addToDictionary(let word): out.append(.addToDictionary(word))
            case .keepJournal(let entry):
                leftoverEdits.removeAll { $0.key == entry.key }
                leftoverEdits.append(entry)
                out.append(.keepJournal(entry))
            case .dropJournal(let key):
                leftoverEdits.removeAll { $0.key == key }
                out.append(.dropJournal(key: key))
            case .writeFile, .writeRescueCopy: break   // the desk edits submissions, never files
            }
        }
        return out
    }

    /// The editor of item `id`, and where it is among the overlays.
    private func openEditor(_ id: Int64) -> (Int, EditorState)? {
        for (index, overlay) in overlays.enumerated().reversed() {
            if case .editor(let editor) = overlay, editor.submissionID == id { return (index, editor) }
        }
        return nil
    }

    public mutating func handle(message: AppMessage) -> [Effect] {
        if let effects = deliver(message) { return effects }
        switch message {
        case .openedForEditing(let id, .success(let start)):
            opening.remove(id)
            let summary = start.submission.summary
            let document = SubmissionDocument(portal: portal, id: id, title: summary.title, revision: summary.revision, lease: start.lease,
                                              published: summary.status == .published)
            // An article in another language (the portal's English pages) is not held to Vietnamese
            // spelling, and typing starts without Telex or VNI (Ctrl-T turns it on).
            let vietnamese = summary.language.lowercased().hasPrefix("vi")
            var editor = EditorState(language: language, document: .submission(document),
                                     text: SubmissionText.compose(start.submission, language: language), keymap: keymap,
                                     theme: theme, inputMethod: vietnamese ? inputMethod : nil, width: width, height: height,
                                     journals: journal != nil, leftover: start.leftover, now: now, checksSpelling: vietnamese)
            if let target = fixOnOpening.removeValue(forKey: id), vietnamese { editor.fix(target) }
            overlays.append(.editor(editor))
        case .openedForEditing(let id, .failure(let error)):
            opening.remove(id)
            fixOnOpening[id] = nil
            showError(error)
        case .saved(let id, let result):
            guard case (let index, var editor)? = openEditor(id) else { return [] }
            editor.now = now
            let effects = editor.saved(result)
            overlays[index] = .editor(editor)
            return fromEditor(effects, at: index)
        case .leaseRenewed(let id, let result):
            guard case (let index, var editor)? = openEditor(id) else { return [] }
            editor.now = now
            editor.leaseRenewed(result)
            overlays[index] = .editor(editor)
        case .meLoaded(let me):
            queueDesk.know(me, language: language)
            self.me = me
            // An accountant who neither edits nor publishes lands on the royalties.
            guard me.isAccountantOnly, overlays.isEmpty, dialog == nil else { return [] }
            return present { RoyaltyScreen.start(home: true, in: &$0) }
        case .paymentListExported(let result):
            // Saved after the royalties were left: said all the same.
            withDesk { RoyaltyScreen.exported(result, by: nil, in: &$0) }
        case .ledgerMonthLoaded, .royaltyStatementLoaded, .royaltyBudgetLoaded, .ledgerActed, .activityLoaded,
             .socialPostsLoaded, .socialPostActed, .dutyLoaded, .submissionLoaded, .historyLoaded, .differencesLoaded,
             .readerSpellChecked:
            // For a screen no longer open.
            return []
        case .noteAdded(_, let result):
            // The reader of the item, when open, took it (and read the item again).
            switch result {
            case .success: notify(Strings.noteAdded(language))
            case .failure(let error): showError(error)
            }
        case .approvalPrepared(let id, let result):
            return approvalPrepared(id: id, result)
        case .decided(let id, let action, let result):
            return decided(id, action, result)
        case .spellChecked(let id, let changes, let findings):
            guard case (let index, var editor)? = openEditor(id) else { return [] }
            editor.now = now
            editor.spellChecked(findings, changes: changes)
            overlays[index] = .editor(editor)
        case .wordAdded(let word, let path, let error):
            if let error {
                notify(Strings.wordNotAdded(word, Strings.fileReason(error)(language))(language), kind: .warning)
            } else {
                notify(Strings.wordAdded(word, to: path)(language))
            }
        case .journalFailed(let entry, let reason):
            guard let id = Journal.submission(of: entry.key, portal: portal), case (let index, var editor)? = openEditor(id) else { return [] }
            editor.now = now
            editor.journalFailed(entry, reason: reason)
            overlays[index] = .editor(editor)
        case .editedExternally(let result):
            guard var editor = topEditor else { return [] }
            editor.now = now
            editor.editedExternally(result)
            topEditor = editor
        case .queueLoaded:
            return withQueue { $0.receive(message, in: &$1) } ?? []
        }
        return []
    }

    mutating func showError(_ error: PortalError) {
        withDesk { $0.showError(error) }
    }

    mutating func perform(_ action: DeskAction) -> [Effect] {
        if let effects = topTakes({ $0.perform(action, in: &$1) }) { return effects }
        if overlays.isEmpty, let effects = withQueue({ $0.perform(action, in: &$1) }) { return effects }
        switch action {
        case .quit:
            return quit()
        case .back:
            if overlays.isEmpty { return clearNarrowing() ? [] : quit() }
            if backQuits { return quit() }
            overlays.removeLast()
            return []
        case .help:
            return present { _ in (HelpScreen(), []) }
        case .redraw:
            return [.repaint]
        case .suspend:
            return [.suspend]
        case .palette:
            palette = KeyBindings.palette(context: context, keymap: keymap, language: language)
            return []
        case .search, .filter:
            guard action == .search || overlays.isEmpty else { return [] }
            let ask: Ask = action == .search ? .search : .filter
            let label = ask == .search ? Strings.askSearch(language) : Strings.askFilter(language)
            let position = pager?.top ?? queue.table.cursor
            prompt = Asking(ask: ask, prompt: Prompt(label: label, text: ask == .filter ? queue.filterText : ""),
                            positionBefore: position, filterBefore: queue.filterText, searchBefore: pagerSearch ?? PagerSearch())
            return []
        case .searchNext, .searchPrevious:
            let forward = action == .searchNext
            if var search = pagerSearch {
                if search.query.isEmpty { return perform(.search) }
                if !stepPagerSearch(&search, forward: forward) { notify(Strings.notFound(search.query)(language)) }
                pagerSearch = search
                return []
            }
            if lastSearch.isEmpty { return perform(.search) }
            if !queue.table.search(lastSearch, forward: forward, rows: queue.rows, visibleRows: tableRows) {
                notify(Strings.notFound(lastSearch)(language))
            }
            return []
        case .approve, .return, .reject, .schedule, .publish:
            guard let decision = action.decision else { return [] }
            return startDecision(decision)
        case .duty:
            return present { DutyScreen.start(in: &$0) }
        case .socialQueue:
            return present { SocialScreen.start(in: &$0) }
        case .royalties:
            return present { RoyaltyScreen.start(home: false, in: &$0) }
        case .activityReport:
            return present { ActivityScreen.start(in: &$0) }
        case .refresh:
            // Over a screen without its own (the help): the queue's tab.
            return withQueue { $0.perform(action, in: &$1) } ?? []
        case .fixFinding:
            // Fixing is editing: the item opens in the editor on the finding, its fixes offered.
            guard case .reader(let reader)? = overlays.last else { return [] }
            var target = EditorState.FindingToFix()
            // The finding stepped to, or the first; a stale index (the findings changed) is no finding.
            if let index = Optional(reader.currentFinding ?? 0), reader.findings.indices.contains(index) {
                let word = reader.findings[index].word
                target = EditorState.FindingToFix(word: word, occurrence: reader.findings[..<index].filter { $0.word == word }.count)
            }
            if case (let at, var editor)? = openEditor(reader.id) {
                // Already being edited here: back to it, on the finding.
                overlays.remove(at: at)
                editor.fix(target)
                overlays.append(.editor(editor))
                return []
            }
            fixOnOpening[reader.id] = target
            return startEditing(reader.id)
        case .edit:
            switch overlays.last {
            case nil: return queue.selected.map { startEditing($0.id) } ?? []
            case .reader(let reader)?: return startEditing(reader.id)
            default: return []
            }
        default:
            if let move = action.move { moveInTopScreen(move) }
            return []
        }
    }

    /// What came of an event the modal on top took.
    private mutating func receive(_ outcome: ModalStack<DeskAnswer, FormKey, DeskAction, Asking>.Outcome) -> [Effect] {
        switch outcome {
        case .editing:
            onTop { $0.modalEdited(in: &$1) }
            return []
        case .answered(let answer):
            return answerDialog(answer)
        case .submitted(let values, let before):
            return formSubmitted(values, form: before)
        case .formCancelled:
            formPurpose = .filter
            return []
        case .promptEdited:
            applyPrompt()
            return []
        case .promptSubmitted(let p, let text):
            switch p.ask {
            case .month, .year, .reference, .link: return topTakes { $0.promptSubmitted(p, text, in: &$1) } ?? []
            case .search, .filter:
                promptSubmitted(p, text)
                return []
            }
        case .promptCancelled(let p):
            if p.ask == .search || p.ask == .filter { promptCancelled(p) }
            return []
        case .chosen(let action):
            return perform(action)
        case .paletteClosed:
            return []
        }
    }

    /// Search moves the cursor (or the pager) and filter narrows the rows as
    /// the user types; Escape puts back what was there before.
    private mutating func promptCancelled(_ p: Asking) {
        if var pager {
            pagerSearch = p.searchBefore
            pager.top = p.positionBefore
            self.pager = pager
            return
        }
        if p.ask == .filter { queue.setFilter(p.filterBefore, visibleRows: tableRows) }
        queue.table.cursor = min(p.positionBefore, max(0, queue.table.rowCount - 1))
        queue.table.keepCursorVisible(visibleRows: tableRows)
    }

    private mutating func promptSubmitted(_ p: Asking, _ text: String) {
        if pager != nil {
            if text.isEmpty { pagerSearch = p.searchBefore }
            else if pagerSearch?.current == nil { notify(Strings.notFound(text)(language)) }
            return
        }
        if p.ask == .search, !text.isEmpty {
            lastSearch = text
            if !queue.table.search(text, from: p.positionBefore, includingStart: true, rows: queue.rows, visibleRows: tableRows) {
                notify(Strings.notFound(text)(language))
            }
        }
        if p.ask == .filter, !text.isEmpty {
            notify(Strings.filtered(queue.table.rowCount, of: queue.items.count)(language))
        }
    }

    private mutating func applyPrompt() {
        guard let p = prompt else { return }
        switch p.ask {
        case .month, .year, .reference, .link:
            break
        case .search:
            if var pager {
                pager.top = p.positionBefore
                self.pager = pager
                var search = PagerSearch(query: p.prompt.text)
                if !search.query.isEmpty { stepPagerSearch(&search, forward: true) }
                pagerSearch = search
                return
            }
            queue.table.cursor = p.positionBefore
            queue.table.search(p.prompt.text, from: p.positionBefore, includingStart: true, rows: queue.rows, visibleRows: tableRows)
        case .filter:
            queue.setFilter(p.prompt.text, visibleRows: tableRows)
        }
    }

    // MARK: - View

    /// True when the screen on top has no content of its own to show.
    var showsNothing: Bool {
        overlays.last.map { !$0.screen.hasLoaded } ?? queue.items.isEmpty
    }

    func keyNames(for action: DeskAction) -> [String] {
        desk.keyNames(for: action)
    }

    /// Draws the whole screen.
    public func render() -> Frame {
        if let editor = topEditor { return editor.render() }
        var frame = Frame(width: width, height: height)
        guard width > 0, height > 0 else { return frame }
        let body = Rect(row: 1, col: 0, width: width, height: bodyRows)
        let title: String
        let position: String
        let desk = self.desk
        if let top = overlays.last?.screen {
            title = top.heading(desk)
            position = top.render(into: &frame, in: body, desk: desk)
        } else {
            title = queueDesk.heading(desk)
            position = queueDesk.render(into: &frame, desk: desk)
        }

        if let errorText, statusError != nil, showsNothing {
            let box = Rect(row: body.row + 2, col: 2, width: max(1, width - 4), height: max(0, bodyRows - 2))
            let lines = PagerView.wrap([StyledLine(errorText, style: theme.normal)], width: box.width)
            PagerView.render(lines: lines, state: PagerState(), into: &frame, in: box, theme: theme)
        }

        frame.fill(Rect(row: 0, col: 0, width: width, height: 1), style: theme.title)
        frame.put(" " + Strings.appName(language) + " — " + title, row: 0, col: 0, style: theme.title)

        let help = keyNames(for: .help).first ?? "?"
        let back = keyNames(for: .back).first ?? "q"
        let hint = backQuits ? Strings.keyHint(help: help, quit: back)(language)
            : Strings.keyHintBack(help: help, back: back)(language)
        var left = statusError ?? ""
        if left.isEmpty {
            if isLoading, let started = loadStarted, let spinner = Activity.spinner(elapsed: now.timeIntervalSince(started)) {
                left = spinner + " " + Strings.loading(language)
            } else if !matcher.pending.isEmpty {
                left = Strings.pendingKeys(matcher.pending.map(\.name).joined(separator: " "))(language)
            } else if let top = overlays.last?.screen {
                left = top.statusText(desk, room: width - DisplayWidth.of(position.isEmpty ? hint : position + " · " + hint) - 4) ?? ""
            } else {
                left = queueDesk.statusText(desk)
            }
        }
        let right = position.isEmpty ? hint : position + " · " + hint
        toasts.render(into: &frame, aboveRow: height - 1, theme: theme)
        StatusBar.render(left: left, right: right, isError: statusError != nil, into: &frame, row: height - 1, theme: theme)
        modals.render(into: &frame, promptRow: height - 1, theme: theme)
        return frame
    }
}
