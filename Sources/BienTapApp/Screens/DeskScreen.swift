import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// What is on top of the queue: each case holds one screen, and `screen` is the one switch
/// that turns any of them into the `DeskScreen` the desk talks to (as TCA's `Scope`: a case
/// path into the app's state, and `DeskScreen.overlay` back out).
enum Overlay {
    case reader(ReaderScreen)
    case help(HelpScreen)
    /// Editing a submission: the editor takes the whole screen and every key.
    case editor(EditorState)
    /// The duty view (Trực).
    case duty(DutyScreen)
    /// The accountant's screen (nhuận bút).
    case royalties(RoyaltyScreen)
    /// The yearly activity report.
    case activity(ActivityScreen)
    /// The social queue (Zalo OA, Facebook Page).
    case social(SocialScreen)

    var screen: any DeskScreen {
        switch self {
        case .reader(let screen): screen
        case .help(let screen): screen
        case .editor(let screen): screen
        case .duty(let screen): screen
        case .royalties(let screen): screen
        case .activity(let screen): screen
        case .social(let screen): screen
        }
    }

    /// Lends the screen to `change` and keeps what it became.
    mutating func update<Result>(_ change: (inout any DeskScreen) -> Result) -> Result {
        var screen = self.screen
        // A placeholder meanwhile, so the screen's arrays are not shared and change in place.
        self = .help(HelpScreen())
        let result = change(&screen)
        self = screen.overlay
        return result
    }
}

/// The desk's modal stack: dialogs, forms, prompts and the palette.
typealias DeskModals = ModalStack<DeskAnswer, FormKey, DeskAction, AppState.Asking>

/// The item a decision is about.
typealias DecisionTarget = (id: Int64, title: String, site: String?)

/// A screen of the desk over the queue. It owns its state and changes it only in `perform`
/// (a key's action), `receive` (an effect's result) and the few answers below; it draws
/// itself in `render`. What belongs to the app (notices, the modal stack, the status line,
/// who the user is, the decisions under way) it gets in a `DeskContext`, never from the
/// app itself. Every requirement but the first four has a default: "not mine", nothing.
protocol DeskScreen {
    /// This screen in its case of `Overlay`.
    var overlay: Overlay { get }
    /// The keymap context its keys are looked up in (and the palette and help list).
    var keyContext: String { get }
    /// Its name in the title bar.
    func heading(_ desk: DeskContext) -> String
    /// Draws it in `body`; returns where the cursor is ("3/12"), for the status bar, or "".
    func render(into frame: inout Frame, in body: Rect, desk: DeskContext) -> String

    /// Whether it has content of its own to show (else the last error fills the body).
    var hasLoaded: Bool { get }
    /// Whether the spinner turns; nil: it has no work of its own, the queue's counts.
    func isBusy(_ desk: DeskContext) -> Bool?
    /// The words at the left of the status bar when nothing more pressing is said there,
    /// in at most `room` columns (or a little more: counts give way to the hints).
    func statusText(_ desk: DeskContext, room: Int) -> String?
    /// Whether leaving it leaves bientap (the royalties an accountant landed on).
    var backQuits: Bool { get }

    /// Performs a key's action; nil: not its own, the desk does it (back, help, quit, search,
    /// the decisions on `decisionTarget`).
    mutating func perform(_ action: DeskAction, in desk: inout DeskContext) -> [Effect]?
    /// The result of an effect; nil: not its own.
    mutating func receive(_ message: AppMessage, in desk: inout DeskContext) -> [Effect]?
    /// A click or the wheel; nil: not its own.
    mutating func mouse(_ mouse: MouseEvent, in desk: inout DeskContext) -> [Effect]?
    /// The terminal changed size (`desk` has the new one).
    mutating func resized(_ desk: DeskContext)
    /// Time passed.
    mutating func tick(in desk: inout DeskContext) -> [Effect]
    /// Opened again from below: brought to the top.
    mutating func reopened(in desk: inout DeskContext) -> [Effect]

    /// The item the decisions (approve, schedule, publish…) are about; nil: none here.
    var decisionTarget: DecisionTarget? { get }
    /// A decision on `item` was taken: what shows it is read again.
    mutating func decided(_ item: Submission, in desk: inout DeskContext) -> [Effect]

    /// Its own dialog's answer, prompt's text or form's values; nil: not its own.
    mutating func answer(_ answer: DeskAnswer, in desk: inout DeskContext) -> [Effect]?
    mutating func promptSubmitted(_ question: AppState.Asking, _ text: String, in desk: inout DeskContext) -> [Effect]?
    mutating func formSubmitted(_ values: [FormKey: FormValue], form: Form<FormKey>, in desk: inout DeskContext) -> [Effect]?
    /// The form or prompt it opened is being typed in.
    mutating func modalEdited(in desk: inout DeskContext)

    /// A pager's scroll position and search (the reader, the help); nil for other screens.
    var pagerPosition: (pager: PagerState, search: PagerSearch)? { get set }
    /// A pager's text before wrapping and highlighting.
    func pagerSource(_ desk: DeskContext) -> [StyledLine]
}

extension DeskScreen {
    var hasLoaded: Bool { true }
    func isBusy(_ desk: DeskContext) -> Bool? { nil }
    func statusText(_ desk: DeskContext, room: Int) -> String? { nil }
    var backQuits: Bool { false }
    mutating func perform(_ action: DeskAction, in desk: inout DeskContext) -> [Effect]? { nil }
    mutating func receive(_ message: AppMessage, in desk: inout DeskContext) -> [Effect]? { nil }
    mutating func mouse(_ mouse: MouseEvent, in desk: inout DeskContext) -> [Effect]? { nil }
    mutating func resized(_ desk: DeskContext) {}
    mutating func tick(in desk: inout DeskContext) -> [Effect] { [] }
    mutating func reopened(in desk: inout DeskContext) -> [Effect] { [] }
    var decisionTarget: DecisionTarget? { nil }
    mutating func decided(_ item: Submission, in desk: inout DeskContext) -> [Effect] { [] }
    mutating func answer(_ answer: DeskAnswer, in desk: inout DeskContext) -> [Effect]? { nil }
    mutating func promptSubmitted(_ question: AppState.Asking, _ text: String, in desk: inout DeskContext) -> [Effect]? { nil }
    mutating func formSubmitted(_ values: [FormKey: FormValue], form: Form<FormKey>, in desk: inout DeskContext) -> [Effect]? { nil }
    mutating func modalEdited(in desk: inout DeskContext) {}
    var pagerPosition: (pager: PagerState, search: PagerSearch)? {
        get { nil }
        set {}
    }
    func pagerSource(_ desk: DeskContext) -> [StyledLine] { [] }
}

extension TableState {
    /// Selects the row a click is on, in a table drawn in `rect` with `columns`; false when
    /// the click was on no row.
    mutating func select(at mouse: MouseEvent, columns: [TableColumn], in rect: Rect, cursorStyle: TableCursorStyle,
                         visibleRows: Int) -> Bool {
        guard case .row(let position)? = TableView.hit(row: mouse.row, col: mouse.col, columns: columns, state: self, in: rect,
                                                       cursorStyle: cursorStyle) else { return false }
        cursor = position
        keepCursorVisible(visibleRows: visibleRows)
        return true
    }
}

/// What the desk lends the screen that acts: the facts it reads (the user, the time, the
/// terminal, the keys, the decisions under way) and the app's parts it uses (notices, the
/// modal stack, the status line, the spinner's start). Screens it opens over itself go in
/// `opened`; the app puts them on top.
struct DeskContext {
    let language: UILanguage
    let portal: String
    let keymap: DeskKeymap
    let theme: Theme
    let cursorStyle: TableCursorStyle
    /// How text fields type at first.
    let inputMethod: InputMethod?
    let now: Date
    let width: Int
    let height: Int
    /// The keymap context of the screen on top, for the keys named in hints.
    let keyContext: String
    /// Who the user is, once read.
    let me: Me?
    /// Items with a decision sent and not yet answered, and items being opened for editing.
    let deciding: Set<Int64>
    let opening: Set<Int64>
    /// How often lists on screen are read again by themselves; nil: only when asked.
    let refreshInterval: TimeInterval?

    var toasts: Toasts
    var modals: DeskModals
    /// What the form on screen is for.
    var formPurpose: AppState.FormPurpose
    /// An error kept in the status bar, and in full for the body when there is nothing else.
    var statusError: String?
    var errorText: String?
    /// When the load now under way began, for the spinner.
    var loadStarted: Date?
    /// Screens to put on top, in order.
    var opened: [Overlay] = []
    /// Whether the screen lent this context is the one on top.
    var isOnTop = true

    /// Rows between the title bar and the status bar.
    var bodyRows: Int { max(0, height - 2) }

    mutating func notify(_ text: String, kind: Toasts.Kind = .info) {
        toasts.post(text, kind: kind, now: now)
    }

    /// A load begins: the spinner counts from now.
    mutating func loading() {
        loadStarted = now
    }

    /// A successful read: the error kept in the status bar goes.
    mutating func clearError() {
        statusError = nil
        errorText = nil
    }

    mutating func showError(_ error: PortalError) {
        let retry = keyNames(for: .refresh).first ?? "r"
        let message = Strings.portalError(error, portal: portal)(language)
        let hint = Strings.retryHint(retry)(language)
        statusError = message + " " + hint
        errorText = [message, Strings.errorDetail(error, language: language), hint].compactMap { $0 }.joined(separator: "\n\n")
    }

    /// The keys bound to `action` where the user is, as they are written.
    func keyNames(for action: DeskAction) -> [String] {
        keymap.keys(for: action, in: keyContext).map { $0.map(\.name).joined(separator: " ") }
    }

    /// "3/12": where the cursor is, for the status bar.
    func position(_ index: Int, of count: Int) -> String {
        count > 0 ? Strings.position(index + 1, of: count)(language) : ""
    }

    /// The lines of a pager as drawn: search matches highlighted, wrapped to the width.
    func pagerLines(of screen: any DeskScreen) -> [StyledLine] {
        PagerView.wrap(screen.pagerPosition?.search.highlight(screen.pagerSource(self), theme: theme) ?? [], width: width)
    }

    /// A form's labels; the hint names the date keys only where there are dates.
    func formLabels(dates: Bool = false) -> FormLabels {
        FormLabels(invalidDate: Strings.invalidDate(language), hint: (dates ? Strings.formHint : Strings.formHintPlain)(language))
    }

    /// A question on the bottom line, starting from `text`.
    mutating func ask(_ ask: AppState.Ask, label: String, text: String) {
        modals.prompt = AppState.Asking(ask: ask, prompt: Prompt(label: label, text: text), positionBefore: 0, filterBefore: "",
                                        searchBefore: PagerSearch())
    }

    /// Item `id` in the reader, over the screen that asks.
    mutating func read(_ id: Int64, title: String) -> [Effect] {
        opened.append(.reader(ReaderScreen(id: id, title: title)))
        loading()
        return [.loadSubmission(id)]
    }
}

/// The editor draws itself and takes every key before the desk sees it (`AppState.handle`):
/// as a desk screen it only names its context.
extension EditorState: DeskScreen {
    var overlay: Overlay { .editor(self) }
    var keyContext: String { AppActions.editor }
    func heading(_ desk: DeskContext) -> String { "" }
    func render(into frame: inout Frame, in body: Rect, desk: DeskContext) -> String { "" }
}
