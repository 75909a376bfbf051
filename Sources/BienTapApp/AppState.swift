import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// Work the app asks the outside world to do; results come back as `AppMessage`s.
public enum Effect: Equatable, Sendable {
    case loadQueue
    case loadSubmission(Int64)
    case suspend
    case repaint
    case quit
}

/// Results of effects, delivered to the UI thread.
public enum AppMessage: Sendable {
    case queueLoaded(Result<[SubmissionSummary], PortalError>)
    case submissionLoaded(Int64, Result<Submission, PortalError>)
}

/// What is on top of the queue.
enum Overlay {
    case reader(ReaderScreen)
    case help(PagerState)
}

/// The whole state of the newsroom UI, changed only by `handle` and drawn by `render`.
public struct AppState {
    public let language: UILanguage
    public let portal: String
    let keymap: Keymap
    let theme: Theme
    var width: Int
    var height: Int

    var queue = QueueScreen()
    var overlays: [Overlay] = []
    var matcher = KeySequenceMatcher()
    var statusMessage: String?
    var statusIsError = false
    /// The last load error in full (message, what to do, technical detail), shown
    /// in the body when there is nothing else to show there.
    var errorText: String?

    /// A question on the bottom line of the queue: a search or a filter, applied as it is typed.
    enum Ask { case search, filter }
    var prompt: (ask: Ask, prompt: Prompt, cursorBefore: Int, filterBefore: String)?
    var palette: CommandPalette?
    var lastSearch = ""

    public init(language: UILanguage, portal: String, keymap: Keymap, theme: Theme = .default,
                width: Int, height: Int, startupNotice: String? = nil) {
        self.language = language
        self.portal = portal
        self.keymap = keymap
        self.theme = theme
        self.width = width
        self.height = height
        if let startupNotice {
            statusMessage = startupNotice
            statusIsError = true
        }
    }

    /// Effects to run when the app starts.
    public static let startEffects: [Effect] = [.loadQueue]

    /// The context key bindings are looked up in.
    var context: String {
        switch overlays.last {
        case .reader?: return AppActions.reader
        case .help?: return AppActions.help
        case nil: return AppActions.queue
        }
    }

    /// Rows available to the body between the title bar and the status bar.
    var bodyRows: Int { max(0, height - 2) }
    /// Data rows of the queue table (its header takes one).
    var tableRows: Int { max(1, bodyRows - 1) }

    // MARK: - Update

    /// Applies an input event or a result; returns the effects to run.
    public mutating func handle(input: InputEvent) -> [Effect] {
        switch input {
        case .key(let key):
            if palette != nil { return KeyBindings.route(key, to: &palette, keymap: keymap).map { perform($0) } ?? [] }
            if prompt != nil {
                handlePrompt(key)
                return []
            }
            switch matcher.feed(key, context: context, keymap: keymap) {
            case .action(let id):
                if statusMessage != nil && !statusIsError { statusMessage = nil }
                return perform(id)
            case .pending:
                return []
            case .unbound:
                statusMessage = Strings.unboundKey(key.name, help: keyNames(for: "help").first ?? "?")(language)
                statusIsError = false
                return []
            }
        case .resize(let w, let h):
            width = w
            height = h
            queue.table.keepCursorVisible(visibleRows: tableRows)
            return []
        case .paste(let text):
            if var p = prompt {
                p.prompt.field.insert(text.replacingOccurrences(of: "\n", with: " "))
                prompt = p
                applyPrompt()
            }
            return []
        case .terminate:
            return [.quit]
        }
    }

    public mutating func handle(message: AppMessage) -> [Effect] {
        switch message {
        case .queueLoaded(.success(let items)):
            queue.replaceItems(items, visibleRows: tableRows)
            if statusIsError { statusMessage = nil; statusIsError = false; errorText = nil }
        case .queueLoaded(.failure(let error)):
            queue.isLoading = false
            showError(error)
        case .submissionLoaded(let id, let result):
            guard let index = overlays.lastIndex(where: { if case .reader(let r) = $0 { return r.id == id }; return false }),
                  case .reader(var reader) = overlays[index] else { return [] }
            reader.isLoading = false
            switch result {
            case .success(let submission): reader.submission = submission
            case .failure(let error): showError(error)
            }
            overlays[index] = .reader(reader)
        }
        return []
    }

    private mutating func showError(_ error: PortalError) {
        let retry = keyNames(for: "refresh").first ?? "r"
        let message = Strings.portalError(error, portal: portal)(language)
        let hint = Strings.retryHint(retry)(language)
        statusMessage = message + " " + hint
        statusIsError = true
        errorText = [message, Strings.errorDetail(error), hint].compactMap { $0 }.joined(separator: "\n\n")
    }

    private mutating func perform(_ action: String) -> [Effect] {
        switch action {
        case "quit":
            return [.quit]
        case "back":
            if overlays.isEmpty { return [.quit] }
            overlays.removeLast()
            return []
        case "help":
            if case .help? = overlays.last { return [] }
            overlays.append(.help(PagerState()))
            return []
        case "redraw":
            return [.repaint]
        case "suspend":
            return [.suspend]
        case "palette":
            palette = KeyBindings.palette(context: context, keymap: keymap, language: language)
            return []
        case "search", "filter":
            guard overlays.isEmpty else { return [] }
            let ask: Ask = action == "search" ? .search : .filter
            let label = ask == .search ? Strings.askSearch(language) : Strings.askFilter(language)
            prompt = (ask, Prompt(label: label, text: ask == .filter ? queue.filterText : ""), queue.table.cursor, queue.filterText)
            return []
        case "search-next", "search-previous":
            guard overlays.isEmpty else { return [] }
            if lastSearch.isEmpty { return perform("search") }
            if !queue.table.search(lastSearch, forward: action == "search-next", rows: queue.rows, visibleRows: tableRows) {
                statusMessage = Strings.notFound(lastSearch)(language)
                statusIsError = false
            }
            return []
        case "sort":
            guard overlays.isEmpty else { return [] }
            queue.table.cycleSort(rows: queue.rows, visibleRows: tableRows)
            let columns = QueueScreen.columns(language)
            statusMessage = queue.table.sort.map { Strings.sortedBy(columns[$0.column].title, ascending: $0.ascending)(language) }
                ?? Strings.unsorted(language)
            statusIsError = false
            return []
        case "toggle-mark", "toggle-mark-all":
            guard overlays.isEmpty else { return [] }
            if action == "toggle-mark" {
                queue.table.toggleMark()
                queue.table.moveCursor(by: 1, visibleRows: tableRows)
            } else {
                queue.table.toggleMarkAll()
            }
            statusMessage = Strings.markedCount(queue.table.marked.count)(language)
            statusIsError = false
            return []
        case "refresh":
            if case .reader(var reader)? = overlays.last {
                reader.isLoading = true
                overlays[overlays.count - 1] = .reader(reader)
                return [.loadSubmission(reader.id)]
            }
            queue.isLoading = true
            return [.loadQueue]
        case "open":
            guard overlays.isEmpty, let item = queue.selected else { return [] }
            overlays.append(.reader(ReaderScreen(id: item.id, title: item.title)))
            return [.loadSubmission(item.id)]
        default:
            moveInTopScreen(action)
            return []
        }
    }

    /// Search moves the cursor and filter narrows the rows as the user types;
    /// Escape puts back what was there before.
    private mutating func handlePrompt(_ key: Key) {
        guard var p = prompt else { return }
        let keymap = self.keymap
        switch p.prompt.handle(key, command: { KeyBindings.editorCommand(for: $0, keymap: keymap) }) {
        case .editing:
            prompt = p
            applyPrompt()
        case .cancelled:
            prompt = nil
            if p.ask == .filter { queue.setFilter(p.filterBefore, visibleRows: tableRows) }
            queue.table.cursor = min(p.cursorBefore, max(0, queue.table.rowCount - 1))
            queue.table.keepCursorVisible(visibleRows: tableRows)
        case .submitted(let text):
            prompt = nil
            if p.ask == .search, !text.isEmpty {
                lastSearch = text
                if !queue.table.search(text, from: p.cursorBefore, includingStart: true, rows: queue.rows, visibleRows: tableRows) {
                    statusMessage = Strings.notFound(text)(language)
                    statusIsError = false
                }
            }
            if p.ask == .filter {
                statusMessage = text.isEmpty ? nil : Strings.filtered(queue.table.rowCount, of: queue.items.count)(language)
            }
        }
    }

    private mutating func applyPrompt() {
        guard let p = prompt else { return }
        switch p.ask {
        case .search:
            queue.table.cursor = p.cursorBefore
            queue.table.search(p.prompt.text, from: p.cursorBefore, includingStart: true, rows: queue.rows, visibleRows: tableRows)
        case .filter:
            queue.setFilter(p.prompt.text, visibleRows: tableRows)
        }
    }

    private mutating func moveInTopScreen(_ action: String) {
        switch overlays.last {
        case nil:
            _ = queue.move(action, visibleRows: tableRows)
        case .reader(var reader)?:
            let count = reader.lines(width: width, theme: theme, language: language).count
            _ = reader.move(action, lineCount: count, visibleRows: bodyRows)
            overlays[overlays.count - 1] = .reader(reader)
        case .help(var pager)?:
            let count = helpLines().count
            _ = pager.apply(action, lineCount: count, visibleRows: bodyRows)
            overlays[overlays.count - 1] = .help(pager)
        }
    }

    // MARK: - View

    /// True when the screen on top has no content of its own to show.
    var showsNothing: Bool {
        switch overlays.last {
        case nil: return queue.items.isEmpty
        case .reader(let reader)?: return reader.submission == nil
        case .help?: return false
        }
    }

    func keyNames(for action: String) -> [String] {
        keymap.keys(for: action, in: context).map { $0.map(\.name).joined(separator: " ") }
    }

    func helpLines() -> [StyledLine] {
        HelpView.lines(catalogue: AppActions.catalogue, keymap: keymap,
                       contexts: ["global", AppActions.queue, AppActions.reader, AppActions.help, AppActions.editor],
                       contextTitles: AppActions.contextTitles, language: language)
    }

    /// Draws the whole screen.
    public func render() -> Frame {
        var frame = Frame(width: width, height: height)
        guard width > 0, height > 0 else { return frame }
        let body = Rect(row: 1, col: 0, width: width, height: bodyRows)
        var title = Strings.queueTitle(language)
        var position = ""
        var loading = queue.isLoading

        switch overlays.last {
        case nil:
            title += " (\(Strings.itemsCount(queue.items.count)(language)))"
            queue.render(into: &frame, in: body, theme: theme, language: language)
            if !queue.items.isEmpty {
                position = Strings.position(queue.table.cursor + 1, of: queue.items.count)(language)
            }
        case .reader(let reader)?:
            title = Strings.readerTitle(language) + ": " + reader.title
            loading = reader.isLoading
            let lines = reader.lines(width: width, theme: theme, language: language)
            PagerView.render(lines: lines, state: reader.pager, into: &frame, in: body, theme: theme)
            if !lines.isEmpty {
                position = Strings.position(min(lines.count, reader.pager.top + bodyRows), of: lines.count)(language)
            }
        case .help(let pager)?:
            title = Strings.helpTitle(language)
            PagerView.render(lines: helpLines(), state: pager, into: &frame, in: body, theme: theme)
        }

        if let errorText, statusIsError, showsNothing {
            let box = Rect(row: body.row + 2, col: 2, width: max(1, width - 4), height: max(0, bodyRows - 2))
            let lines = PagerView.wrap([StyledLine(errorText, style: theme.normal)], width: box.width)
            PagerView.render(lines: lines, state: PagerState(), into: &frame, in: box, theme: theme)
        }

        frame.fill(Rect(row: 0, col: 0, width: width, height: 1), style: theme.title)
        frame.put(" " + Strings.appName(language) + " — " + title, row: 0, col: 0, style: theme.title)

        let help = keyNames(for: "help").first ?? "?"
        let back = keyNames(for: "back").first ?? "q"
        let hint = overlays.isEmpty ? Strings.keyHint(help: help, quit: back)(language)
            : Strings.keyHintBack(help: help, back: back)(language)
        var left = statusMessage ?? ""
        if left.isEmpty {
            if loading { left = Strings.loading(language) }
            else if !matcher.pending.isEmpty { left = Strings.pendingKeys(matcher.pending.map(\.name).joined(separator: " "))(language) }
        }
        if overlays.isEmpty, !queue.filterText.isEmpty { left = left.isEmpty ? Strings.filterShown(queue.filterText)(language) : left }
        let right = position.isEmpty ? hint : position + " · " + hint
        StatusBar.render(left: left, right: right, isError: statusIsError, into: &frame, row: height - 1, theme: theme)
        if let prompt { prompt.prompt.render(into: &frame, row: height - 1, theme: theme) }
        if let palette { palette.render(into: &frame, theme: theme) }
        return frame
    }
}
