import Foundation
import HTTPTypes
import Hummingbird
import NewsroomKit
import PublicWeb
import VietText

/// The contributors' door: plain web forms over the API's accounts, limits and workflow.
/// Sign-in is the API's (`Store.signIn`: the same password check, second factor and
/// backoff); a new item goes through `SubmissionRoutes.validate` and `Store.create`, a
/// decision through `Store.transition`, an answer through `Store.addNote`, as the API's do.
/// Every POST must carry the page's CSRF token (`DoorVisit`) and is answered with a
/// redirect (so the back button never sends it again) or the form again, as typed, with
/// what is wrong.
enum DoorRoutes {
    static let pages: DoorPages? = try? DoorPages()
    /// Largest sign-in, answer, withdrawal or resubmission body (text only).
    static let textFormLimit = 1 << 20

    static func add(to router: Router<PortalContext>, store: Store, limits: Store.SignInLimits, clients: ClientAddress,
                    uploads: UploadGate, tokens: TokenCache) {
        router.get(RouterPath(DoorStylesheet.path)) { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: DoorStylesheet.text)))
        }

        router.get(RouterPath(DoorAddress.cookiePath)) { request, _ in
            let visit = try await DoorVisit(request, store: store)
            guard let principal = visit.principal else { return redirect(DoorAddress.signIn, visit) }
            var view = try await view(visit, store: store)
            view.notice = notice(request, visit.words)
            let mine = try await ownItems(principal, store: store)
            view.items = mine.map { DoorView.ItemRow($0, words: visit.words) }
            view.hasItems = !mine.isEmpty
            return page("doorItems", view, visit)
        }

        router.get(RouterPath(DoorAddress.signIn)) { request, _ in
            let visit = try await DoorVisit(request, store: store)
            if visit.principal != nil { return redirect(DoorAddress.root, visit) }
            return page("doorSignIn", try await view(visit, store: store), visit)
        }

        router.post(RouterPath(DoorAddress.signIn)) { request, context in
            var visit = try await DoorVisit(request, store: store)
            let form: DoorForm
            switch try await checkedForm(request, visit, store: store, limit: textFormLimit) {
            case .form(let read): form = read
            case .refused(let answer): return answer
            }
            let peer = clients.of(request, peer: context.peer)
            let outcome = try await signIn(form, peer: peer, visit: &visit, store: store, limits: limits, tokens: tokens)
            if case .signedIn = outcome { return redirect(DoorAddress.root, visit, session: visit.sessionToken) }
            var view = try await view(visit, store: store)
            view.signInName = form["name"] ?? ""
            view.problems = [outcome.problem(visit.words) ?? visit.words.invalidCredentials]
            return page("doorSignIn", view, visit, status: outcome.status)
        }

        router.post(RouterPath(DoorAddress.signOut)) { request, _ in
            let visit = try await DoorVisit(request, store: store)
            // Signing out asks only that the form be this session's own (its CSRF token).
            if case .refused(let answer) = try await checkedForm(request, visit, store: store, limit: textFormLimit) { return answer }
            if let token = visit.sessionToken {
                let hash = AccessToken.hash(token)
                try await store.revokeToken(hash: hash)
                tokens.forget(hash: hash)
            }
            return redirect(DoorAddress.signIn, visit, session: .some(nil))
        }

        router.get(RouterPath(DoorAddress.compose)) { request, _ in
            let visit = try await DoorVisit(request, store: store)
            guard let principal = visit.principal else { return redirect(DoorAddress.signIn, visit) }
            var view = try await view(visit, store: store)
            view.compose = try await composeForm(typed: nil, principal: principal, visit: visit, store: store)
            if view.compose?.sites.isEmpty ?? true { view.problems = [visit.words.noSites] }
            return page("doorCompose", view, visit)
        }

        router.post(RouterPath(DoorAddress.compose)) { request, context in
            var visit = try await DoorVisit(request, store: store)
            // The body is held under the API's upload limits: the same size, one at a time per
            // user, and a cap on what all uploads hold at once (a session that ran out counts as one user).
            let form: DoorForm
            switch try await checkedForm(request, visit, store: store, limit: SubmissionDraft.bodySizeLimit, uploads: uploads,
                                         user: visit.principal?.userID ?? 0) {
            case .form(let read): form = read
            case .refused(let answer): return answer
            }
            var problems: [String] = []
            if visit.principal == nil {
                let outcome = try await reauthenticate(form, request: request, context: context, visit: &visit, store: store,
                                                       limits: limits, clients: clients, tokens: tokens)
                if visit.principal == nil {
                    return try await composeAgain(form, visit: visit, store: store, problems: outcome, reauth: true, photosLost: !form.files.isEmpty)
                }
            }
            guard let principal = visit.principal else { return redirect(DoorAddress.signIn, visit) }
            let allowed = try await store.sites().filter { principal.has(SubmissionRoutes.authors, on: $0.code) }
            let built = DoorSubmission.draft(from: form, sites: Set(allowed.map(\.code)), words: visit.words)
            problems += built.problems
            if let draft = built.draft, problems.isEmpty {
                do {
                    try SubmissionRoutes.validate(draft)
                } catch let failure as APIFailure {
                    problems.append(DoorSubmission.problem(failure, words: visit.words))
                }
            }
            guard problems.isEmpty, let draft = built.draft, form["do"] == "submit" else {
                return try await composeAgain(form, visit: visit, store: store, problems: problems, reauth: false,
                                              photosLost: !form.files.isEmpty, count: true)
            }
            let asked = try WireFormat.encoder().encode(draft)
            let key = DoorSubmission.idempotencyKey(form["form_key"], principal: principal, asking: asked)
            switch try await store.create(draft, by: principal, idempotency: key, answer: { try WireFormat.encoder().encode($0) }) {
            case .created(let submission):
                return redirect(DoorAddress.item(submission.id) + "?ok=submitted", visit, session: visit.sessionToken)
            case .replay(_, let body):
                // The same form sent twice (a double click, a retry): the item the first one filed.
                guard let first = try? WireFormat.decoder().decode(Submission.self, from: body) else {
                    return redirect(DoorAddress.root, visit, session: visit.sessionToken)
                }
                return redirect(DoorAddress.item(first.id) + "?ok=submitted", visit, session: visit.sessionToken)
            case .keyReused:
                return try await composeAgain(form, visit: visit, store: store, problems: [visit.words.alreadySent], reauth: false,
                                              photosLost: !form.files.isEmpty, freshKey: true)
            case .invalid(let field):
                let problem = field == "site" ? visit.words.badSite
                    : field.hasPrefix("co_authors") ? visit.words.badCoAuthor : visit.words.invalid(field: field, detail: field)
                return try await composeAgain(form, visit: visit, store: store, problems: [problem], reauth: false, photosLost: !form.files.isEmpty)
            case .throttled(let seconds):
                return try await composeAgain(form, visit: visit, store: store,
                                              problems: [visit.words.creationsPerHour(SubmissionDraft.creationsPerHour, wait: seconds)],
                                              reauth: false, photosLost: !form.files.isEmpty, status: .tooManyRequests)
            }
        }

        router.get(RouterPath(DoorAddress.cookiePath + "/bai/:id")) { request, context in
            let visit = try await DoorVisit(request, store: store)
            // No item has an id that is not one: 404 before anything else.
            guard let id = context.parameters.get("id", as: Int64.self), id > 0 else { return try await notFound(visit, store: store) }
            guard let principal = visit.principal else { return redirect(DoorAddress.signIn, visit) }
            guard let shown = try await itemView(id, principal: principal, visit: visit, store: store) else {
                return try await notFound(visit, store: store)
            }
            var view = shown
            view.notice = notice(request, visit.words)
            return page("doorItem", view, visit)
        }

        router.post(RouterPath(DoorAddress.cookiePath + "/bai/:id/tra-loi")) { request, context in
            try await itemAction(request, context, store: store, limits: limits, clients: clients, tokens: tokens) { id, form, principal, visit in
                let text = (form["answer"] ?? "")
                if let problem = DoorSubmission.textProblem(["answer": text], words: visit.words) { return .again([problem]) }
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .again([visit.words.emptyNote]) }
                guard text.count <= Note.bodyLimit else { return .again([visit.words.tooLong(field: "answer", limit: Note.bodyLimit)]) }
                // An answer to the board's latest shared note, shared as the API lets a contributor write.
                let parent = try await store.notes(of: id, includeEditors: false).last { $0.author != principal.name }?.id
                let request = NoteRequest(body: text, visibility: .shared, parentId: parent)
                let key = DoorSubmission.idempotencyKey(form["form_key"], principal: principal,
                                                        asking: try WireFormat.encoder().encode(request) + Data("|\(id)".utf8))
                switch try await store.addNote(to: id, request, by: principal, idempotency: key, answer: { try WireFormat.encoder().encode($0) }) {
                case .added, .replay: return .done("answered")
                case .keyReused: return .again([visit.words.alreadySent])
                case .invalidParent: return .again([visit.words.changedMeanwhile])
                }
            }
        }

        router.post(RouterPath(DoorAddress.cookiePath + "/bai/:id/gui-lai")) { request, context in
            try await itemAction(request, context, store: store, limits: limits, clients: clients, tokens: tokens) { id, form, principal, visit in
                guard let item = try await store.submission(id: id, scope: principal.scope), item.summary.status == .returned,
                      principal.may(WorkflowAction.resubmit.roles, on: item.summary.site.code, filedBy: principal.userID) else {
                    return .again([visit.words.notPossibleNow])
                }
                let title = form["title"] ?? "", sapo = form["sapo"] ?? "", body = form["body"] ?? "", note = form["note"] ?? ""
                if let problem = DoorSubmission.textProblem(["title": title, "sapo": sapo, "body": body, "note": note], words: visit.words) {
                    return .again([problem])
                }
                do {
                    try SubmissionRoutes.checkText(title: title, sapo: sapo, body: body)
                } catch let failure as APIFailure {
                    return .again([DoorSubmission.problem(failure, words: visit.words)])
                }
                guard note.count <= SubmissionEdit.sapoLimit else { return .again([visit.words.tooLong(field: "note", limit: SubmissionEdit.sapoLimit)]) }
                var revision = Int(form["revision"] ?? "") ?? 0
                let edited = Normalization.nfc(title) != item.summary.title || Normalization.nfc(sapo) != item.sapo || Normalization.nfc(body) != item.body
                if edited {
                    switch try await store.save(id: id, expected: revision, edit: SubmissionEdit(title: title, sapo: sapo, body: body, note: note),
                                                author: principal.name, scope: principal.scope,
                                                as: SubmissionRoutes.saver(principal, on: item.summary.site.code)) {
                    case .saved(let saved): revision = saved.summary.revision
                    case .stale(let current): return .stale(current.summary.revision)
                    case .notFound, .refused, .correctionNeedsNote: return .again([visit.words.notPossibleNow])
                    }
                }
                return try await decide(.resubmit, note: note, id: id, revision: revision, principal: principal, store: store, done: "resubmitted")
            }
        }

        router.post(RouterPath(DoorAddress.cookiePath + "/bai/:id/rut")) { request, context in
            try await itemAction(request, context, store: store, limits: limits, clients: clients, tokens: tokens) { id, form, principal, visit in
                guard let item = try await store.submission(id: id, scope: principal.scope),
                      principal.may(WorkflowAction.withdraw.roles, on: item.summary.site.code, filedBy: principal.userID) else {
                    return .again([visit.words.notPossibleNow])
                }
                return try await decide(.withdraw, note: "", id: id, revision: Int(form["revision"] ?? "") ?? 0, principal: principal,
                                        store: store, done: "withdrawn")
            }
        }
    }

    // MARK: - Item actions

    /// What an action on one's item came to.
    enum ActionOutcome {
        /// Done: back to the item with this notice.
        case done(String)
        /// Not done: the item again, with the form as typed and these problems.
        case again([String])
        /// The item changed since the page was opened: the item again, at this revision.
        case stale(Int)
    }

    /// An action on one's own item: the form read and checked, the session (or the sign-in
    /// typed into a form whose session ran out) made sure of, the item one's own; then `act`.
    private static func itemAction(_ request: Request, _ context: PortalContext, store: Store, limits: Store.SignInLimits,
                                   clients: ClientAddress, tokens: TokenCache,
                                   act: (Int64, DoorForm, Principal, DoorVisit) async throws -> ActionOutcome) async throws -> Response {
        var visit = try await DoorVisit(request, store: store)
        let form: DoorForm
        switch try await checkedForm(request, visit, store: store, limit: textFormLimit) {
        case .form(let read): form = read
        case .refused(let answer): return answer
        }
        guard let id = context.parameters.get("id", as: Int64.self) else { return try await notFound(visit, store: store) }
        var problems: [String] = []
        if visit.principal == nil {
            problems = try await reauthenticate(form, request: request, context: context, visit: &visit, store: store,
                                                limits: limits, clients: clients, tokens: tokens)
        }
        guard let principal = visit.principal else {
            // No one to show the item to: the form as typed, with a sign-in box.
            var view = try await view(visit, store: store)
            view.problems = problems
            view.notice = problems.isEmpty ? visit.words.sessionExpired : nil
            view.item = typedOnly(form, id: id, visit: visit, request: request)
            return page("doorItem", view, visit, status: .unauthorized)
        }
        guard var view = try await itemView(id, principal: principal, visit: visit, store: store) else {
            return try await notFound(visit, store: store)
        }
        let outcome = try await act(id, form, principal, visit)
        switch outcome {
        case .done(let notice):
            return redirect(DoorAddress.item(id) + "?ok=" + notice, visit, session: visit.sessionToken)
        case .again(let found):
            view.problems = problems + found
        case .stale(let revision):
            view.problems = [visit.words.changedMeanwhile]
            view.item?.resubmit?.revision = revision
            view.item?.withdraw?.revision = revision
        }
        keepTyped(form, in: &view, request: request)
        return page("doorItem", view, visit, status: .badRequest, session: visit.sessionToken)
    }

    /// A workflow decision on one's item, as the API's transition takes it.
    private static func decide(_ action: WorkflowAction, note: String, id: Int64, revision: Int, principal: Principal, store: Store,
                               done: String) async throws -> ActionOutcome {
        switch try await store.transition(id: id, expected: revision, request: TransitionRequest(action: action, note: note),
                                          actor: principal.name, scope: principal.scope, idempotency: nil,
                                          answer: { try WireFormat.encoder().encode($0) }) {
        case .done, .replay: return .done(done)
        case .stale(let current): return .stale(current.summary.revision)
        case .illegal, .invalid, .notFound, .keyReused: return .again([])
        }
    }

    /// The typed text of an item's form put back in its place on the page.
    private static func keepTyped(_ form: DoorForm, in view: inout DoorView, request: Request) {
        if request.uri.path.hasSuffix("/tra-loi") {
            view.item?.answer?.text = form["answer"] ?? ""
        } else if request.uri.path.hasSuffix("/gui-lai") {
            view.item?.resubmit?.title = form["title"] ?? ""
            view.item?.resubmit?.sapo = form["sapo"] ?? ""
            view.item?.resubmit?.body = form["body"] ?? ""
            view.item?.resubmit?.note = form["note"] ?? ""
        }
    }

    /// When the session ran out: only the form that was sent, as typed, with a sign-in box.
    private static func typedOnly(_ form: DoorForm, id: Int64, visit: DoorVisit, request: Request) -> DoorView.Item {
        var item = DoorView.Item.blank(id: id, words: visit.words)
        if request.uri.path.hasSuffix("/tra-loi") {
            item.answer = DoorView.Answer(action: DoorAddress.answer(id), formKey: form["form_key"] ?? "", text: form["answer"] ?? "", reauth: true)
        } else if request.uri.path.hasSuffix("/gui-lai") {
            let revision = Int(form["revision"] ?? "") ?? 0
            let title = form["title"] ?? "", sapo = form["sapo"] ?? "", body = form["body"] ?? "", note = form["note"] ?? ""
            item.resubmit = DoorView.Resubmit(action: DoorAddress.resubmit(id), revision: revision, title: title, sapo: sapo, body: body,
                                              note: note, reauth: true)
        }
        return item
    }

    // MARK: - Signing in

    enum SignInResult {
        case signedIn
        case refused(Store.SignInOutcome)

        func problem(_ words: DoorWords) -> String? {
            guard case .refused(let outcome) = self else { return nil }
            switch outcome {
            case .signedIn, .invalid: return words.invalidCredentials
            case .secondFactorRequired: return words.secondFactorRequired
            case .throttled(let seconds): return words.retryAfter(seconds)
            }
        }

        var status: HTTPResponse.Status {
            if case .refused(.throttled) = self { return .tooManyRequests }
            return .unauthorized
        }
    }

    /// The API's sign-in with the form's name, password and code; on success a new session
    /// (the old one, if any, ended): a session id never outlives a sign-in.
    private static func signIn(_ form: DoorForm, peer: String, visit: inout DoorVisit, store: Store, limits: Store.SignInLimits,
                               tokens: TokenCache) async throws -> SignInResult {
        let name = form["name"] ?? "", password = form["password"] ?? ""
        guard !name.isEmpty, !password.isEmpty, name.count <= 200, password.count <= 1000 else { return .refused(.invalid) }
        let code = form["code"].flatMap { $0.isEmpty ? nil : String($0.prefix(10)) }
        let outcome = try await store.signIn(name: name, password: password, code: code, peer: peer, limits: limits)
        guard case .signedIn(let token, _, let principal) = outcome else { return .refused(outcome) }
        if let old = visit.sessionToken {
            let hash = AccessToken.hash(old)
            try await store.revokeToken(hash: hash)
            tokens.forget(hash: hash)
        }
        visit.signedIn(token: token, principal: principal)
        return .signedIn
    }

    /// A form sent after its session ran out: signs in with the name and password typed into
    /// it, if any; the problems to show when that did not sign anyone in.
    private static func reauthenticate(_ form: DoorForm, request: Request, context: PortalContext, visit: inout DoorVisit, store: Store,
                                       limits: Store.SignInLimits, clients: ClientAddress, tokens: TokenCache) async throws -> [String] {
        guard !(form["name"] ?? "").isEmpty else { return [] }
        let result = try await signIn(form, peer: clients.of(request, peer: context.peer), visit: &visit, store: store, limits: limits, tokens: tokens)
        return result.problem(visit.words).map { [$0] } ?? []
    }

    // MARK: - Pages

    /// The page's frame: the portal's name, the token, who is signed in.
    private static func view(_ visit: DoorVisit, store: Store) async throws -> DoorView {
        let portal = try await store.sites().first { $0.kind == .portal }?.name ?? "bientap"
        return DoorView(language: visit.language, portalName: portal, csrf: visit.csrf, user: visit.principal?.displayName)
    }

    private static func notice(_ request: Request, _ words: DoorWords) -> String? {
        switch request.uri.queryParameters.get("ok") {
        case "submitted": return words.submitted
        case "answered": return words.answered
        case "withdrawn": return words.withdrawn
        case "resubmitted": return words.resubmitted
        default: return nil
        }
    }

    /// One's own items, newest first (as many as a page shows).
    private static func ownItems(_ principal: Principal, store: Store) async throws -> [SubmissionSummary] {
        guard let contributor = try await store.contributorID(ofUser: principal.userID) else { return [] }
        var query = Store.SubmissionQuery(scope: principal.scope, limit: SubmissionRoutes.maxLimit)
        query.contributor = contributor
        return try await store.submissions(query).items
    }

    /// One's own item as its page shows it; nil when it is not one's own (or does not exist: the same answer).
    private static func itemView(_ id: Int64, principal: Principal, visit: DoorVisit, store: Store) async throws -> DoorView? {
        guard let access = try await store.access(of: id, scope: principal.scope), access.contributorUser == principal.userID,
              let submission = try await store.submission(id: id, scope: principal.scope) else { return nil }
        let notes = try await store.notes(of: id, includeEditors: false)
        let address = submission.summary.status == .published ? try await store.publication(of: id, scope: principal.scope)?.path : nil
        var view = try await view(visit, store: store)
        view.item = DoorView.Item(submission, notes: notes, userName: principal.name, publicAddress: address, words: visit.words,
                                  formKey: AccessToken.generate())
        return view
    }

    /// The new-item form: empty, or as `typed`.
    private static func composeForm(typed: DoorForm?, principal: Principal?, visit: DoorVisit, store: Store,
                                    freshKey: Bool = false) async throws -> DoorView.Compose {
        let sites = try await store.sites().filter { site in
            principal.map { $0.has(SubmissionRoutes.authors, on: site.code) } ?? (site.code == typed?["site"])
        }
        let site = typed?["site"] ?? sites.first?.code
        var people: [(id: Int64, name: String)] = []
        if let principal, let site {
            let me = try await store.contributorID(ofUser: principal.userID)
            people = try await store.namableContributors(on: site, except: me).map { ($0.id, $0.fullName) }
        }
        let key = freshKey ? AccessToken.generate() : typed?["form_key"].flatMap { $0.isEmpty ? nil : $0 } ?? AccessToken.generate()
        return DoorView.Compose(formKey: key, typed: typed, sites: sites.map { ($0.code, $0.name) }, people: people, words: visit.words)
    }

    /// The new-item form again, as typed: with its problems, or (with `count`) its word count as the desk counts.
    private static func composeAgain(_ form: DoorForm, visit: DoorVisit, store: Store, problems: [String], reauth: Bool, photosLost: Bool,
                                     count: Bool = false, freshKey: Bool = false, status: HTTPResponse.Status? = nil) async throws -> Response {
        var view = try await view(visit, store: store)
        var compose = try await composeForm(typed: form, principal: visit.principal, visit: visit, store: store, freshKey: freshKey)
        compose.reauth = reauth
        compose.photosLost = photosLost
        if count { compose.wordCount = WordCount.of(compose.sapo + "\n" + compose.body) }
        view.compose = compose
        view.problems = problems
        if reauth && problems.isEmpty { view.notice = visit.words.sessionExpired }
        view.signInName = form["name"] ?? ""
        let answer = status ?? (reauth ? .unauthorized : problems.isEmpty ? .ok : .badRequest)
        return page("doorCompose", view, visit, status: answer, session: visit.sessionToken)
    }

    private static func notFound(_ visit: DoorVisit, store: Store) async throws -> Response {
        var view = try await view(visit, store: store)
        view.heading = visit.words.notFound
        view.text = visit.words.notFoundText
        return page("doorMessage", view, visit, status: .notFound)
    }

    /// A form that is not this door's, or not from this browser's session: nothing is done, nothing echoed.
    private static func formRefused(_ visit: DoorVisit, store: Store) async throws -> Response {
        var view = try await view(visit, store: store)
        view.heading = visit.words.formExpired
        view.text = visit.words.formExpiredText
        return page("doorMessage", view, visit, status: .forbidden)
    }

    private static func refusal(_ problem: FormProblem, _ visit: DoorVisit, store: Store) async throws -> Response {
        var view = try await view(visit, store: store)
        view.heading = visit.words.formExpired
        switch problem {
        case .tooLarge: view.text = visit.words.tooLarge
        case .busy: view.text = visit.words.busy
        case .malformed: view.text = visit.words.malformed
        }
        return page("doorMessage", view, visit, status: problem.status)
    }

    /// An HTML answer that no cache keeps, no frame shows and no script runs in.
    private static func page(_ template: String, _ view: DoorView, _ visit: DoorVisit, status: HTTPResponse.Status = .ok,
                             session: String?? = nil) -> Response {
        var headers = securityHeaders(visit, session: session)
        headers[.contentType] = "text/html; charset=utf-8"
        let html = pages?.render(template, view) ?? ""
        return Response(status: html.isEmpty ? .internalServerError : status, headers: headers,
                         body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303 to `location` (a GET), with the cookies the visit sets.
    private static func redirect(_ location: String, _ visit: DoorVisit, session: String?? = nil) -> Response {
        var headers = securityHeaders(visit, session: session)
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// No script, no frame, no other site's form target, no sniffing, no address leaked onwards.
    static let protections: [(HTTPField.Name, String)] = [
        (HTTPField.Name("Content-Security-Policy")!,
         "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "same-origin"),
    ]

    private static func securityHeaders(_ visit: DoorVisit, session: String??) -> HTTPFields {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        for (name, value) in protections { headers[name] = value }
        for cookie in visit.cookies(session: session) { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return headers
    }

    // MARK: - Bodies

    enum FormProblem: Error {
        case tooLarge, busy, malformed

        var status: HTTPResponse.Status {
            switch self {
            case .tooLarge: return .contentTooLarge
            case .busy: return .serviceUnavailable
            case .malformed: return .badRequest
            }
        }
    }

    /// A POST's form, or the page refusing it: too big, unreadable, or not from this door's page in this browser.
    enum CheckedForm {
        case form(DoorForm)
        case refused(Response)
    }

    private static func checkedForm(_ request: Request, _ visit: DoorVisit, store: Store, limit: Int, uploads: UploadGate? = nil,
                                    user: Int64 = 0) async throws -> CheckedForm {
        switch try await readForm(request, limit: limit, uploads: uploads, user: user) {
        case .success(let form):
            return visit.admits(form, request) ? .form(form) : .refused(try await formRefused(visit, store: store))
        case .failure(let problem):
            return .refused(try await refusal(problem, visit, store: store))
        }
    }

    /// The body read within `limit` (and, for uploads, through the API's upload gate) and parsed as a form.
    private static func readForm(_ request: Request, limit: Int, uploads: UploadGate? = nil, user: Int64 = 0) async throws
        -> Result<DoorForm, FormProblem> {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { return .failure(.tooLarge) }
        let read: () async throws -> Result<DoorForm, FormProblem> = {
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: limit)
            } catch {
                return .failure(.tooLarge)
            }
            do {
                return .success(try DoorForm.parse(Data(buffer: buffer), contentType: request.headers[.contentType]))
            } catch {
                return .failure(.malformed)
            }
        }
        guard let uploads else { return try await read() }
        do {
            return try await uploads.admit(request, user: user, limit: limit, read)
        } catch is APIFailure {
            return .failure(.busy)
        }
    }
}

extension DoorVisit {
    /// After a sign-in: the new session, and the forms' token that goes with it.
    mutating func signedIn(token: String, principal: Principal) {
        sessionToken = token
        self.principal = principal
    }
}
