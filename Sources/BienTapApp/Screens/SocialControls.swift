import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// The social queue as a desk screen: opening it, its filters, the acts on a post (retry,
/// cancel after asking, resolve an uncertain one with the choice made explicit, edit the text
/// before it goes), its clicks, questions and answers, and the portal's answers.
extension SocialScreen: DeskScreen {
    var overlay: Overlay { .social(self) }
    var keyContext: String { AppActions.social }
    func heading(_ desk: DeskContext) -> String { Strings.socialTitle(desk.language) }
    func isBusy(_ desk: DeskContext) -> Bool? { isLoading || !acting.isEmpty }

    /// The counts give way to the hints (those needing a person come first, and stay).
    func statusText(_ desk: DeskContext, room: Int) -> String? {
        DisplayWidth.truncate(countsText(desk.language), to: max(min(desk.width - 2, 24), room))
    }

    func render(into frame: inout Frame, in body: Rect, desk: DeskContext) -> String {
        let state = desk.keyNames(for: .nextState).first ?? "Tab"
        let channel = desk.keyNames(for: .nextChannel).first ?? "c"
        let resolve = desk.keyNames(for: .resolvePost).first ?? "V"
        render(into: &frame, in: body, theme: desk.theme, language: desk.language, cursorStyle: desk.cursorStyle,
               filterKeys: Strings.socialFilterKeys(status: state, channel: channel)(desk.language), resolveKey: resolve)
        return desk.position(table.cursor, of: table.rowCount)
    }

    // MARK: - Opening

    /// A new social queue; someone known to be on no site's board is told so instead.
    static func start(in desk: inout DeskContext) -> (SocialScreen, [Effect])? {
        if let me = desk.me, !me.grants.contains(where: { [.editor, .publisher, .admin].contains($0.role) }) {
            desk.notify(Strings.socialRoleRequired(desk.language), kind: .warning)
            return nil
        }
        desk.loading()
        return (SocialScreen(), [.loadSocialPosts])
    }

    /// Back from below: read again (the dispatcher moves posts meanwhile).
    mutating func reopened(in desk: inout DeskContext) -> [Effect] { reload(in: &desk) }

    private mutating func reload(in desk: inout DeskContext) -> [Effect] {
        isLoading = true
        desk.loading()
        return [.loadSocialPosts]
    }

    /// Read again by itself as the queue is (`refresh` in the configuration): the dispatcher
    /// moves its posts while a person looks.
    mutating func tick(in desk: inout DeskContext) -> [Effect] {
        guard let interval = desk.refreshInterval, !isLoading, acting.isEmpty,
              let loadedAt, desk.now.timeIntervalSince(loadedAt) >= interval else { return [] }
        isLoading = true
        return [.loadSocialPosts]
    }

    // MARK: - Actions

    /// Data rows of the table.
    private static func tableRows(_ desk: DeskContext) -> Int { tableRows(bodyHeight: desk.bodyRows) }

    mutating func perform(_ action: DeskAction, in desk: inout DeskContext) -> [Effect]? {
        if let move = action.move {
            table.apply(move, visibleRows: Self.tableRows(desk))
            return []
        }
        switch action {
        case .refresh:
            return reload(in: &desk)
        case .nextState, .previousState:
            status = Self.step(status, in: SocialPostStatus.allCases, forward: action == .nextState)
            refilter(visibleRows: Self.tableRows(desk))
        case .nextChannel:
            channel = Self.step(channel, in: channels, forward: true)
            refilter(visibleRows: Self.tableRows(desk))
        case .open:
            guard let post = selected else { return [] }
            return desk.read(post.submissionId, title: TerminalSafeText.line(post.title))
        case .retryPost, .cancelPost, .resolvePost, .editPostText:
            guard let post = selected else { return [] }
            return startAct(action, on: post, in: &desk)
        case .back, .quit, .help, .redraw, .suspend, .palette, .socialQueue, .royalties, .activityReport:
            return nil
        default:
            // The queue's own commands (search, sort, decisions) mean nothing here.
            break
        }
        return []
    }

    /// The act a key asks for on `post`, when its state allows it: at once (a retry), or after
    /// a question (cancel, resolve), a link (posted) or a form (the text).
    private mutating func startAct(_ action: DeskAction, on post: SocialPost, in desk: inout DeskContext) -> [Effect] {
        let language = desk.language
        guard !acting.contains(post.id) else {
            desk.notify(Strings.socialBusy(language))
            return []
        }
        func refuse(_ why: Localized) -> [Effect] {
            desk.notify(why(language), kind: .warning)
            return []
        }
        let status = Strings.socialStatus(post.status)(language)
        switch action {
        case .retryPost:
            // Sending an uncertain post again may post it twice: the person says what they saw first.
            if post.status == .uncertain { return askToResolve(post, in: &desk) }
            guard post.status == .failed else { return refuse(Strings.socialCannotRetry(status)) }
            return act(.retry, on: post.id, in: &desk)
        case .cancelPost:
            guard post.status.isUnsent else { return refuse(Strings.socialCannotCancel(status)) }
            let channel = Strings.channelName(post.channel)(language)
            desk.modals.dialog = Dialog(title: Strings.cancelPostTitle(language),
                                        message: Strings.cancelPostMessage(channel: channel, title: TerminalSafeText.line(post.title))(language),
                                        choices: [.init(key: Strings.yesKey(language), label: Strings.cancelPostChoice(language),
                                                        answer: .cancelPost(id: post.id)),
                                                  .init(key: Strings.noKey(language), label: Strings.keepPostChoice(language), answer: .dismiss)],
                                        cancel: .dismiss)
            return []
        case .resolvePost:
            guard post.status == .uncertain else { return refuse(Strings.socialCannotResolve(status)) }
            return askToResolve(post, in: &desk)
        default:
            guard post.status.isUnsent else { return refuse(Strings.socialCannotEdit(status)) }
            desk.modals.form = postTextForm(post, text: post.message, desk: desk)
            desk.formPurpose = .postText(id: post.id)
            return []
        }
    }

    private func askToResolve(_ post: SocialPost, in desk: inout DeskContext) -> [Effect] {
        let language = desk.language
        let channel = Strings.channelName(post.channel)(language)
        desk.modals.dialog = Dialog(title: Strings.resolveTitle(language),
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
    private func postTextForm(_ post: SocialPost, text: String, desk: DeskContext) -> Form<FormKey> {
        Form(title: Self.postTextTitle(post, text: text, desk.language),
             fields: [.text(.message, Strings.editPostField(desk.language), value: text, inputMethod: desk.inputMethod, wide: true)],
             labels: desk.formLabels(), now: desk.now)
    }

    /// The count in Zalo's label follows the typing (and pasting).
    mutating func modalEdited(in desk: inout DeskContext) {
        guard case .postText(let id) = desk.formPurpose, var form = desk.modals.form, case .text(let editor)? = form.fields.first?.kind,
              let post = posts.first(where: { $0.id == id }) else { return }
        form.title = Self.postTextTitle(post, text: editor.text, desk.language)
        desk.modals.form = form
    }

    private static func postTextTitle(_ post: SocialPost, text: String, _ language: UILanguage) -> String {
        guard post.channel == "zalo" else { return Strings.editPostTitle(post.id, channel: Strings.channelName(post.channel)(language))(language) }
        return Strings.editZaloPostTitle(post.id, count: characters(text), limit: zaloTextLimit)(language)
    }

    private mutating func act(_ act: DeskCommands.SocialAct, on id: Int64, in desk: inout DeskContext) -> [Effect] {
        acting.insert(id)
        desk.loading()
        return [.actOnSocialPost(id: id, act)]
    }

    /// A yes to the cancel question, or what the person saw of an uncertain post.
    mutating func answer(_ answer: DeskAnswer, in desk: inout DeskContext) -> [Effect]? {
        switch answer {
        case .cancelPost(let id):
            return act(.cancel, on: id, in: &desk)
        case .resolvePosted(let id):
            desk.ask(.link(id: id), label: Strings.askPostLink(desk.language), text: "https://")
            return []
        case .resendPost(let id):
            return act(.sendAgain, on: id, in: &desk)
        default:
            return nil
        }
    }

    /// The post's link typed on the bottom line. A link that is no web address keeps the
    /// question open, with the words of why.
    mutating func promptSubmitted(_ question: AppState.Asking, _ text: String, in desk: inout DeskContext) -> [Effect]? {
        guard case .link(let id) = question.ask else { return nil }
        let link = Normalization.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard Self.isWebAddress(link) else {
            desk.modals.prompt = question
            desk.notify(Strings.badPostLink(TerminalSafeText.line(link))(desk.language), kind: .warning)
            return []
        }
        return act(.resolvePosted(link: link), on: id, in: &desk)
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
    mutating func formSubmitted(_ values: [FormKey: FormValue], form before: Form<FormKey>, in desk: inout DeskContext) -> [Effect]? {
        guard case .postText(let id) = desk.formPurpose else { return nil }
        guard case .text(let raw)? = values[.message] else { return [] }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let channel = posts.first { $0.id == id }?.channel
        let count = Self.characters(text)
        let problem: String?
        if text.isEmpty {
            problem = Strings.postTextEmpty(desk.language)
        } else if channel == "zalo", count > Self.zaloTextLimit {
            problem = Strings.zaloTextTooLong(count, limit: Self.zaloTextLimit)(desk.language)
        } else if count > TransitionRequest.socialMessageLimit {
            problem = Strings.postTextTooLong(count, limit: TransitionRequest.socialMessageLimit)(desk.language)
        } else {
            problem = nil
        }
        if let problem {
            desk.modals.form = before
            desk.notify(problem, kind: .warning)
            return []
        }
        desk.formPurpose = .filter
        return act(.edit(text: text), on: id, in: &desk)
    }

    // MARK: - The mouse

    /// A click selects a post (two open its item); the wheel moves.
    mutating func mouse(_ mouse: MouseEvent, in desk: inout DeskContext) -> [Effect]? {
        let rows = Self.tableRows(desk)
        if let delta = mouse.wheelDelta {
            table.moveCursor(by: delta, visibleRows: rows)
            return []
        }
        guard case .press(let clicks) = mouse.action else { return [] }
        let rect = Self.tableRect(in: Rect(row: 1, col: 0, width: desk.width, height: desk.bodyRows))
        let columns = Self.columns(width: desk.width).map { Self.title($0, width: desk.width, desk.language) }
        guard table.select(at: mouse, columns: columns, in: rect, cursorStyle: desk.cursorStyle, visibleRows: rows) else { return [] }
        return clicks >= 2 ? perform(.open, in: &desk) : []
    }

    mutating func resized(_ desk: DeskContext) {
        table.keepCursorVisible(visibleRows: Self.tableRows(desk))
    }

    // MARK: - Answers

    mutating func receive(_ message: AppMessage, in desk: inout DeskContext) -> [Effect]? {
        switch message {
        case .socialPostsLoaded(let result):
            switch result {
            case .success(let posts):
                replace(posts, at: desk.now, visibleRows: Self.tableRows(desk))
                desk.clearError()
            case .failure(let error):
                isLoading = false
                Self.showError(error, in: &desk)
            }
            return []
        case .socialPostActed(let id, let result):
            acting.remove(id)
            switch result {
            case .success(let outcome):
                update(outcome.post, visibleRows: Self.tableRows(desk))
                desk.notify(outcome.words, kind: outcome.refused ? .warning : .info)
                guard !outcome.refused else { return [] }
                // The dispatcher may have moved other posts meanwhile.
                return reload(in: &desk)
            case .failure(let error):
                Self.showError(error, in: &desk)
                return []
            }
        default:
            return nil
        }
    }

    /// A portal error on the social queue: a 403 says who the queue is for, a refused text why
    /// (Zalo's limits); others as everywhere.
    private static func showError(_ error: PortalError, in desk: inout DeskContext) {
        switch error.apiCode {
        case .forbidden?:
            desk.statusError = Strings.socialRoleRequired(desk.language)
            desk.errorText = desk.statusError
        case .socialPostRefused?, .invalidField?:
            desk.notify(Strings.portalError(error, portal: desk.portal)(desk.language), kind: .warning)
        default:
            desk.showError(error)
        }
    }
}
