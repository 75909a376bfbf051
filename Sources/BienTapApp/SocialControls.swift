import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// The social queue screen in the desk: opening it, its filters, the acts on a post (retry,
/// cancel after asking, resolve an uncertain one with the choice made explicit, edit the text
/// before it goes), its clicks, questions and answers.
extension AppState {
    // MARK: - Opening

    var socialOnTop: SocialScreen? {
        get { if case .social(let screen)? = overlays.last { return screen } else { return nil } }
        set { if let newValue, socialOnTop != nil { overlays[overlays.count - 1] = .social(newValue) } }
    }

    var socialIndex: Int? { overlays.lastIndex { if case .social = $0 { return true } else { return false } } }

    /// Data rows of the table on the social screen.
    var socialTableRows: Int { SocialScreen.tableRows(bodyHeight: bodyRows) }

    /// Opens the social queue; someone known to be on no site's board is told so instead.
    mutating func openSocial() -> [Effect] {
        if let me, !me.grants.contains(where: { [.editor, .publisher, .admin].contains($0.role) }) {
            notify(Strings.socialRoleRequired(language), kind: .warning)
            return []
        }
        if let index = socialIndex {
            // Already open below: back to it, read again (the dispatcher moves posts meanwhile).
            let screen = overlays.remove(at: index)
            overlays.append(screen)
            return reloadSocial()
        }
        overlays.append(.social(SocialScreen()))
        loadStarted = now
        return [.loadSocialPosts]
    }

    private mutating func reloadSocial() -> [Effect] {
        guard var screen = socialOnTop else { return [] }
        screen.isLoading = true
        socialOnTop = screen
        loadStarted = now
        return [.loadSocialPosts]
    }

    /// The social queue on screen is read again by itself as the queue is (`refresh` in the
    /// configuration): the dispatcher moves its posts while a person looks.
    mutating func tickSocial() -> [Effect] {
        guard let interval = refreshInterval, let screen = socialOnTop, !screen.isLoading, screen.acting.isEmpty,
              let loaded = screen.loadedAt, now.timeIntervalSince(loaded) >= interval else { return [] }
        socialOnTop?.isLoading = true
        return [.loadSocialPosts]
    }

    // MARK: - Actions

    /// Performs `action` when the social screen is on top, or the action opens it; nil leaves
    /// it to the other screens' handling.
    mutating func performSocial(_ action: DeskAction) -> [Effect]? {
        if action == .socialQueue { return openSocial() }
        guard var screen = socialOnTop else { return nil }
        if let move = action.move {
            screen.table.apply(move, visibleRows: socialTableRows)
            socialOnTop = screen
            return []
        }
        switch action {
        case .refresh:
            return reloadSocial()
        case .nextState, .previousState:
            screen.status = SocialScreen.step(screen.status, in: SocialPostStatus.allCases, forward: action == .nextState)
            screen.refilter(visibleRows: socialTableRows)
        case .nextChannel:
            screen.channel = SocialScreen.step(screen.channel, in: screen.channels, forward: true)
            screen.refilter(visibleRows: socialTableRows)
        case .open:
            guard let post = screen.selected else { return [] }
            overlays.append(.reader(ReaderScreen(id: post.submissionId, title: TerminalSafeText.line(post.title))))
            loadStarted = now
            return [.loadSubmission(post.submissionId)]
        case .retryPost, .cancelPost, .resolvePost, .editPostText:
            guard let post = screen.selected else { return [] }
            return startSocialAct(action, on: post, acting: screen.acting)
        case .back, .quit, .help, .redraw, .suspend, .palette:
            return nil
        default:
            // The queue's own commands (search, sort, decisions) mean nothing here.
            return []
        }
        socialOnTop = screen
        return []
    }

    /// The act a key asks for on `post`, when its state allows it: at once (a retry), or after
    /// a question (cancel, resolve), a link (posted) or a form (the text).
    private mutating func startSocialAct(_ action: DeskAction, on post: SocialPost, acting: Set<Int64>) -> [Effect] {
        guard !acting.contains(post.id) else {
            notify(Strings.socialBusy(language))
            return []
        }
        let status = Strings.socialStatus(post.status)(language)
        switch action {
        case .retryPost:
            // Sending an uncertain post again may post it twice: the person says what they saw first.
            if post.status == .uncertain { return askToResolve(post) }
            guard post.status == .failed else { return refuse(Strings.socialCannotRetry(status)) }
            return act(.retry, on: post.id)
        case .cancelPost:
            guard post.status.isUnsent else { return refuse(Strings.socialCannotCancel(status)) }
            let channel = Strings.channelName(post.channel)(language)
            dialog = Dialog(title: Strings.cancelPostTitle(language),
                            message: Strings.cancelPostMessage(channel: channel, title: TerminalSafeText.line(post.title))(language),
                            choices: [.init(key: Strings.yesKey(language), label: Strings.cancelPostChoice(language), answer: .cancelPost(id: post.id)),
                                      .init(key: Strings.noKey(language), label: Strings.keepPostChoice(language), answer: .dismiss)],
                            cancel: .dismiss)
            return []
        case .resolvePost:
            guard post.status == .uncertain else { return refuse(Strings.socialCannotResolve(status)) }
            return askToResolve(post)
        default:
            guard post.status.isUnsent else { return refuse(Strings.socialCannotEdit(status)) }
            form = postTextForm(post, text: post.message)
            formPurpose = .postText(id: post.id)
            return []
        }
    }

    private mutating func refuse(_ why: Localized) -> [Effect] {
        notify(why(language), kind: .warning)
        return []
    }

    private mutating func askToResolve(_ post: SocialPost) -> [Effect] {
        let channel = Strings.channelName(post.channel)(language)
        dialog = Dialog(title: Strings.resolveTitle(language),
                        message: Strings.resolveMessage(channel: channel, title: TerminalSafeText.line(post.title),
                                                        reason: Strings.socialFailure(post.errorKind)(language))(language),
                        choices: [.init(key: Strings.resolvePostedKey(language), label: Strings.resolvePostedChoice(language),
                                        answer: .resolvePosted(id: post.id)),
                                  .init(key: Strings.resolveResendKey(language), label: Strings.resolveResendChoice(language),
                                        answer: .resendPost(id: post.id)),
                                  .init(key: Strings.cancelKey(language), label: Strings.cancel(language), answer: .dismiss)],
                        cancel: .dismiss)
        return []
    }

    /// The text of a post in a form; Zalo's limit in its title, counted as the portal counts.
    private func postTextForm(_ post: SocialPost, text: String) -> Form<FormKey> {
        Form(title: postTextTitle(post, text: text),
             fields: [.text(.message, Strings.editPostField(language), value: text, inputMethod: inputMethod, wide: true)],
             labels: formLabels(), now: now)
    }

    /// The count in Zalo's label follows the typing (and pasting).
    mutating func recountPostText() {
        guard case .postText(let id) = formPurpose, var f = form, case .text(let editor)? = f.fields.first?.kind,
              let post = socialOnTop?.posts.first(where: { $0.id == id }) else { return }
        f.title = postTextTitle(post, text: editor.text)
        form = f
    }

    private func postTextTitle(_ post: SocialPost, text: String) -> String {
        guard post.channel == "zalo" else { return Strings.editPostTitle(post.id, channel: Strings.channelName(post.channel)(language))(language) }
        return Strings.editZaloPostTitle(post.id, count: SocialScreen.characters(text), limit: SocialScreen.zaloTextLimit)(language)
    }

    private mutating func act(_ act: DeskCommands.SocialAct, on id: Int64) -> [Effect] {
        guard var screen = socialOnTop else { return [] }
        screen.acting.insert(id)
        socialOnTop = screen
        loadStarted = now
        return [.actOnSocialPost(id: id, act)]
    }

    /// A yes to the cancel question, or what the person saw of an uncertain post.
    mutating func answerSocialDialog(_ answer: DeskAnswer) -> [Effect] {
        switch answer {
        case .cancelPost(let id):
            return act(.cancel, on: id)
        case .resolvePosted(let id):
            prompt = Asking(ask: .link(id: id), prompt: Prompt(label: Strings.askPostLink(language), text: "https://"),
                            positionBefore: 0, filterBefore: "", searchBefore: PagerSearch())
            return []
        case .resendPost(let id):
            return act(.sendAgain, on: id)
        default:
            return []
        }
    }

    /// The post's link typed on the bottom line. A link that is no web address keeps the
    /// question open, with the words of why.
    mutating func linkSubmitted(_ question: Asking, id: Int64, _ text: String) -> [Effect] {
        let link = Normalization.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard Self.isWebAddress(link) else {
            prompt = question
            notify(Strings.badPostLink(TerminalSafeText.line(link))(language), kind: .warning)
            return []
        }
        return act(.resolvePosted(link: link), on: id)
    }

    /// An absolute http(s) address with a host, as the portal takes for a post's link.
    static func isWebAddress(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace }), let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else { return false }
        return true
    }

    /// The text form answered. A text Zalo would refuse, an empty one or one too long puts
    /// the form back as it was, and says why.
    mutating func postTextSubmitted(_ id: Int64, _ values: [FormKey: FormValue], form before: Form<FormKey>) -> [Effect] {
        guard case .text(let raw)? = values[.message] else { return [] }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let channel = socialOnTop?.posts.first { $0.id == id }?.channel
        let count = SocialScreen.characters(text)
        let problem: String?
        if text.isEmpty {
            problem = Strings.postTextEmpty(language)
        } else if channel == "zalo", count > SocialScreen.zaloTextLimit {
            problem = Strings.zaloTextTooLong(count, limit: SocialScreen.zaloTextLimit)(language)
        } else if count > TransitionRequest.socialMessageLimit {
            problem = Strings.postTextTooLong(count, limit: TransitionRequest.socialMessageLimit)(language)
        } else {
            problem = nil
        }
        if let problem {
            form = before
            notify(problem, kind: .warning)
            return []
        }
        formPurpose = .filter
        return act(.edit(text: text), on: id)
    }

    // MARK: - The mouse

    /// A click selects a post (two open its item); the wheel moves. Nil when the social screen is not on top.
    mutating func handleSocialMouse(_ mouse: MouseEvent) -> [Effect]? {
        guard var screen = socialOnTop else { return nil }
        let rows = socialTableRows
        if let delta = mouse.wheelDelta {
            screen.table.moveCursor(by: delta, visibleRows: rows)
            socialOnTop = screen
            return []
        }
        guard case .press(let clicks) = mouse.action else { return [] }
        let rect = SocialScreen.tableRect(in: Rect(row: 1, col: 0, width: width, height: bodyRows))
        let columns = SocialScreen.columns(width: width).map { SocialScreen.title($0, width: width, language) }
        guard case .row(let position)? = TableView.hit(row: mouse.row, col: mouse.col, columns: columns, state: screen.table, in: rect,
                                                       cursorStyle: cursorStyle) else { return [] }
        screen.table.cursor = position
        screen.table.keepCursorVisible(visibleRows: rows)
        socialOnTop = screen
        return clicks >= 2 ? perform(.open) : []
    }

    mutating func keepSocialVisible() {
        guard var screen = socialOnTop else { return }
        screen.table.keepCursorVisible(visibleRows: socialTableRows)
        socialOnTop = screen
    }

    // MARK: - Answers

    mutating func handleSocial(_ message: AppMessage) -> [Effect] {
        switch message {
        case .socialPostsLoaded(let result):
            guard let index = socialIndex, case .social(var screen) = overlays[index] else { return [] }
            switch result {
            case .success(let posts):
                screen.replace(posts, at: now, visibleRows: socialTableRows)
                statusError = nil
                errorText = nil
            case .failure(let error):
                screen.isLoading = false
                showSocialError(error)
            }
            overlays[index] = .social(screen)
        case .socialPostActed(let id, let result):
            guard let index = socialIndex, case .social(var screen) = overlays[index] else { return [] }
            screen.acting.remove(id)
            var effects: [Effect] = []
            switch result {
            case .success(let outcome):
                screen.update(outcome.post, visibleRows: socialTableRows)
                notify(outcome.words, kind: outcome.refused ? .warning : .info)
                if !outcome.refused {
                    // The dispatcher may have moved other posts meanwhile.
                    screen.isLoading = true
                    loadStarted = now
                    effects = [.loadSocialPosts]
                }
            case .failure(let error):
                showSocialError(error)
            }
            overlays[index] = .social(screen)
            return effects
        default:
            break
        }
        return []
    }

    /// A portal error on the social queue: a 403 says who the queue is for, a refused text why
    /// (Zalo's limits); others as everywhere.
    private mutating func showSocialError(_ error: PortalError) {
        switch error.apiCode {
        case .forbidden?:
            statusError = Strings.socialRoleRequired(language)
            errorText = statusError
        case .socialPostRefused?, .invalidField?:
            notify(Strings.portalError(error, portal: portal)(language), kind: .warning)
        default:
            showError(error)
        }
    }
}
