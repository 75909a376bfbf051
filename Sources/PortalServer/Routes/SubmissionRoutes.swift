import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NewsroomKit

/// Submissions: list, read, save (a new revision, with `If-Match`), revisions.
enum SubmissionRoutes {
    static let defaultLimit = 50
    static let maxLimit = 200
    /// Roles that may edit a submission's text, and so hold its edit lease.
    static let editors: Set<Role> = [.editor, .admin]
    /// The editorial board: who reads every note.
    static let board: Set<Role> = [.editor, .publisher, .admin]
    /// Roles that may file a new submission on a site.
    static let authors: Set<Role> = [.contributor, .editor, .admin]

    private static func id(_ context: AuthenticatedContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw APIFailure(.badRequest, detail: "id") }
        return id
    }

    /// The `{number}` of a revision or attachment path.
    private static func number(_ context: AuthenticatedContext) throws -> Int {
        guard let number = context.parameters.get("number", as: Int.self) else { throw APIFailure(.badRequest, detail: "number") }
        return number
    }

    static func add(to group: RouterGroup<AuthenticatedContext>, store: Store, lists: ListCache, uploads: UploadGate) {
        group.get("submissions") { request, context in
            let principal = context.principal
            let parameters = QueryParameters(request)
            var statuses: [SubmissionStatus] = []
            for value in parameters[values: "status"] {
                guard let parsed = SubmissionStatus.parseList(String(value)) else {
                    throw APIFailure(.invalidStatus, detail: String(value))
                }
                statuses += parsed.filter { !statuses.contains($0) }
            }
            var limit = defaultLimit
            if let text = parameters["limit"] {
                guard let value = Int(text), (1...maxLimit).contains(value) else { throw APIFailure(.invalidLimit, detail: String(text)) }
                limit = value
            }
            var query = Store.SubmissionQuery(statuses: statuses, scope: principal.scope, limit: limit)
            if let text = parameters["sort"] {
                guard let sort = ListSort(String(text)) else { throw APIFailure(.invalidField, detail: "sort: \(text)") }
                query.sort = sort
            }
            if let text = parameters["cursor"] {
                guard let value = ListCursor(encoded: String(text)), value.sort == query.sort else { throw APIFailure(.invalidCursor) }
                query.after = value
            }
            query.site = parameters["site"]
            if let site = query.site, !principal.maySee(site: site) { throw APIFailure(.forbidden, detail: site) }
            for value in parameters[values: "category"] {
                for name in value.split(separator: ",") {
                    guard let category = Category(rawValue: String(name)) else { throw APIFailure(.invalidField, detail: "category: \(name)") }
                    query.categories.append(category)
                }
            }
            if let text = parameters["contributor"] {
                guard let id = Int64(text) else { throw APIFailure(.invalidField, detail: "contributor: \(text)") }
                query.contributor = id
            }
            for (name, keyPath) in [("received_from", \Store.SubmissionQuery.receivedFrom), ("received_before", \.receivedBefore),
                                    ("published_from", \.publishedFrom)] {
                guard let text = parameters[name] else { continue }
                guard let date = WireFormat.date(String(text)) else { throw APIFailure(.invalidField, detail: "\(name): \(text)") }
                query[keyPath: keyPath] = date
            }
            if let text = parameters["q"], !text.isEmpty {
                guard text.count <= 200 else { throw APIFailure(.invalidField, detail: "q > 200") }
                if let control = PlainText.firstForbidden(in: String(text)) { throw APIFailure(.invalidText, detail: "q: \(PlainText.name(control.value))") }
                query.text = String(text)
            }
            // Read the count first: a commit during the query leaves the page stale, never wrong.
            let commits = store.commitCount
            let page = try await lists.answer(query, from: store, commits: commits)
            var headers = HTTPFields()
            headers[.eTag] = page.etag
            if ListCache.matches(request.headers[.ifNoneMatch], page.etag) {
                return Response(status: .notModified, headers: headers)
            }
            return JSONResponse.make(bytes: page.body, headers: headers)
        }

        // A new submission from a contributor (or an editor writing one), photos included;
        // once per Idempotency-Key, so a retry after a timeout never files it twice.
        group.post("submissions") { request, context in
            let principal = context.principal
            return try await uploads.admit(request, user: principal.userID, limit: SubmissionDraft.bodySizeLimit) {
                let draft = try await RequestBody.decode(SubmissionDraft.self, request, limit: SubmissionDraft.bodySizeLimit)
                guard principal.has(authors, on: draft.site) else { throw APIFailure(.forbidden, detail: draft.site) }
                try validate(draft)
                let idempotency = try Idempotency.key(request, principal, asking: try WireFormat.encoder().encode(draft))
                switch try await store.create(draft, by: principal, idempotency: idempotency, answer: { try WireFormat.encoder().encode($0) }) {
                case .created(let submission):
                    return try answer(submission, status: .created, headers: created(submission.id))
                case .replay(let status, let body):
                    return Idempotency.replay(status, body, headers: replayedCreation(status, body))
                case .keyReused:
                    throw APIFailure(.idempotencyKeyReused)
                case .invalid(let field):
                    throw APIFailure(.invalidField, detail: field)
                case .throttled(let seconds):
                    throw APIFailure(.tooManyRequests, detail: "≤ \(SubmissionDraft.creationsPerHour) an hour", retryAfter: seconds)
                }
            }
        }

        group.get("submissions/:id/attachments/:number") { request, context in
            guard let photo = try await store.attachment(try number(context), of: try id(context), scope: context.principal.scope) else {
                throw APIFailure(.notFound)
            }
            var headers = HTTPFields()
            headers[.contentType] = photo.contentType
            headers[.cacheControl] = "private, max-age=86400, immutable"
            headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: photo.data))
        }

        group.get("submissions/:id") { request, context in
            guard let submission = try await store.storedSubmission(id: try id(context), scope: context.principal.scope) else {
                throw APIFailure(.notFound)
            }
            return try answer(submission)
        }

        // Save: a new revision, made from the one If-Match names; 412 with the
        // current text when someone saved since, so that nothing is lost. The board saves any
        // item (a published one as a correction, with its note); a contributor their own
        // returned one, as the contributors' door lets them (`Store.save` holds the rule).
        group.put("submissions/:id") { request, context in
            let principal = context.principal
            let id = try id(context)
            let access = try await requireRoles(editors.union([.contributor]), principal, id: id, store: store)
            let expected = try revisionMatched(request)
            let edit = try await decodeEdit(request)
            switch try await store.save(id: id, expected: expected, edit: edit, author: principal.name, scope: principal.scope,
                                        as: saver(principal, on: access.site)) {
            case .notFound:
                throw APIFailure(.notFound)
            case .stale(let current):
                return try stale(current)
            case .saved(let saved):
                return try answer(saved)
            case .refused(let status):
                throw APIFailure(.forbidden, detail: "save: \(status.rawValue)")
            case .correctionNeedsNote:
                throw APIFailure(.invalidField, detail: "note: a published item's correction says why")
            }
        }

        // A workflow decision: checked against the status and the roles, recorded as an
        // audit event, and taken once however often a retry sends it with its Idempotency-Key.
        group.post("submissions/:id/transitions") { request, context in
            let principal = context.principal
            let id = try id(context)
            let transition = try await RequestBody.decode(TransitionRequest.self, request)
            let action = transition.action
            let access = try await requireRoles(action.roles, principal, id: id, store: store)
            try validate(transition, now: store.clock.now())
            if action == .approve, let grading = transition.grading {
                try await check(grading, site: access.site, at: store.clock.now(), store: store)
                for (index, photo) in (transition.photos ?? []).enumerated() {
                    try await check(photo.grading, site: access.site, at: store.clock.now(), store: store, field: "photos[\(index)].grading")
                }
            }
            let expected = try revisionMatched(request)
            let idempotency = try Idempotency.key(request, principal,
                                                 asking: try WireFormat.encoder().encode(transition) + Data("|\(id)|\(expected)".utf8))
            switch try await store.transition(id: id, expected: expected, request: transition, actor: principal.name,
                                              scope: principal.scope, idempotency: idempotency,
                                              answer: { try WireFormat.encoder().encode($0) }) {
            case .done(let submission):
                return try answer(submission)
            case .replay(let status, let body):
                return Idempotency.replay(status, body)
            case .keyReused:
                throw APIFailure(.idempotencyKeyReused)
            case .illegal(let status):
                throw APIFailure(.illegalTransition, detail: "\(action.rawValue): \(status.rawValue)")
            case .stale(let current):
                return try stale(current)
            case .invalid(let field):
                throw APIFailure(.invalidField, detail: field)
            case .notFound:
                throw APIFailure(.notFound)
            }
        }

        // The edit lease: take or renew (POST), give back (DELETE); 409 with the
        // holder when someone else is editing.
        group.post("submissions/:id/lease") { request, context in
            let principal = context.principal
            let id = try id(context)
            try await requireRoles(editors, principal, id: id, store: store)
            return try leaseAnswer(try await store.acquireLease(id: id, user: principal.name, displayName: principal.displayName,
                                                               scope: principal.scope))
        }

        group.delete("submissions/:id/lease") { request, context in
            let principal = context.principal
            let id = try id(context)
            try await requireRoles(editors, principal, id: id, store: store)
            return try leaseAnswer(try await store.releaseLease(id: id, user: principal.name, scope: principal.scope))
        }

        // Editorial notes: the board reads and writes all of them; the item's own
        // contributor reads the shared ones and answers them.
        group.get("submissions/:id/notes") { request, context in
            let id = try id(context)
            let board = try await noteReader(context.principal, id: id, store: store)
            // A contributor reads the board by display name, never by login name.
            let notes = try await store.notes(of: id, includeEditors: board).map { note in
                var note = note
                if !board { note.author = note.authorName }
                return note
            }
            return try JSONResponse.make(notes)
        }

        group.post("submissions/:id/notes") { request, context in
            let principal = context.principal
            let id = try id(context)
            let board = try await noteReader(principal, id: id, store: store)
            let note = try await RequestBody.decode(NoteRequest.self, request, limit: 256 << 10)
            guard !note.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, note.body.count <= Note.bodyLimit else {
                throw APIFailure(.invalidField, detail: "body")
            }
            guard board || note.visibility == .shared else { throw APIFailure(.forbidden, detail: "visibility: editors") }
            let idempotency = try Idempotency.key(request, principal, asking: try WireFormat.encoder().encode(note) + Data("|\(id)".utf8))
            switch try await store.addNote(to: id, note, by: principal, idempotency: idempotency, answer: { try WireFormat.encoder().encode($0) }) {
            case .added(let added): return try JSONResponse.make(added, status: .created)
            case .replay(let status, let body): return Idempotency.replay(status, body)
            case .keyReused: throw APIFailure(.idempotencyKeyReused)
            case .invalidParent: throw APIFailure(.invalidField, detail: "parent_id")
            }
        }

        // A published item's grading corrected: its royalty lines in open months are written
        // anew, paid ones taken back by adjustment lines in the next open month.
        group.put("submissions/:id/grading") { request, context in
            let principal = context.principal
            let id = try id(context)
            let access = try await requireRoles(editors, principal, id: id, store: store)
            let regrade = try await RequestBody.decode(Regrade.self, request, limit: 4096)
            guard let published = try await store.submission(id: id, scope: principal.scope)?.summary.publishedAt else {
                throw APIFailure(.illegalTransition, detail: "grading: not published")
            }
            // Graded against the table that priced the publication.
            try await check(regrade.grading, site: access.site, at: published, store: store)
            if let photo = regrade.photo, photo < 1 { throw APIFailure(.invalidField, detail: "photo: \(photo)") }
            switch try await store.regrade(submission: id, grading: regrade.grading, photo: regrade.photo) {
            case .done(let lines): return try JSONResponse.make(lines)
            case .notFound: throw APIFailure(.notFound)
            case .notPublished: throw APIFailure(.illegalTransition, detail: "grading: not published")
            case .noSuchPhoto: throw APIFailure(.invalidField, detail: "photo: no photo \(regrade.photo ?? 0)")
            }
        }

        group.get("submissions/:id/publication") { request, context in
            guard let publication = try await store.publication(of: try id(context), scope: context.principal.scope) else {
                throw APIFailure(.notFound)
            }
            return try JSONResponse.make(publication)
        }

        group.get("submissions/:id/events") { request, context in
            guard let events = try await store.events(of: try id(context), scope: context.principal.scope) else {
                throw APIFailure(.notFound)
            }
            return try JSONResponse.make(events)
        }

        group.get("submissions/:id/revisions") { request, context in
            guard let list = try await store.revisions(of: try id(context), scope: context.principal.scope) else {
                throw APIFailure(.notFound)
            }
            return try JSONResponse.make(list)
        }

        // Two revisions word by word: the contributor's original against now by default;
        // `format=plain` answers git's word-diff text ([-gone-]{+new+}) for a terminal.
        group.get("submissions/:id/diff") { request, context in
            let parameters = QueryParameters(request)
            func number(_ name: String) throws -> Int? {
                guard let text = parameters[name] else { return nil }
                guard let value = Int(text), value >= 1 else { throw APIFailure(.invalidField, detail: "\(name): \(text)") }
                return value
            }
            let plain = try parameters.format(among: "json", "plain") == "plain"
            guard let diff = try await store.diff(of: try id(context), from: try number("from") ?? 1, to: try number("to"),
                                                  scope: context.principal.scope) else {
                throw APIFailure(.notFound)
            }
            guard plain else { return try JSONResponse.make(diff) }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: diff.plain)))
        }

        group.get("submissions/:id/revisions/:number") { request, context in
            guard let revision = try await store.revision(try number(context), of: try id(context), scope: context.principal.scope) else {
                throw APIFailure(.notFound)
            }
            return try JSONResponse.make(revision)
        }
    }

    static let socialChannels: Set<String> = ["zalo", "facebook"]

    /// 400 unless `grading` fits the rate table in force for `site` at `date`.
    private static func check(_ grading: Grading, site: String, at date: Date, store: Store, field: String = "grading") async throws {
        guard let table = try await store.activeRateTable(site: site, at: date) else {
            throw APIFailure(.invalidField, detail: "\(field): no rate table for \(site)")
        }
        if let problem = table.problem(with: grading) { throw APIFailure(.invalidField, detail: "\(field): \(problem)") }
    }

    /// Who `principal` saves an item of `site` as: the board when they edit there, else its contributor.
    static func saver(_ principal: Principal, on site: String) -> Store.Saver {
        principal.has(editors, on: site) ? .board : .contributor
    }

    /// 404 unless the submission is visible, 403 unless one of `roles` lets the user act
    /// on it (a contributor only on their own).
    @discardableResult
    private static func requireRoles(_ roles: Set<Role>, _ principal: Principal, id: Int64, store: Store) async throws
        -> (site: String, contributorUser: Int64?) {
        guard let access = try await store.access(of: id, scope: principal.scope) else { throw APIFailure(.notFound) }
        guard principal.may(roles, on: access.site, filedBy: access.contributorUser) else { throw APIFailure(.forbidden, detail: access.site) }
        return access
    }

    /// Whether `principal` reads the board's notes on submission `id` (true) or only
    /// the shared ones, as its contributor (false); 403 for anyone else.
    private static func noteReader(_ principal: Principal, id: Int64, store: Store) async throws -> Bool {
        let access = try await requireRoles(board.union([.contributor]), principal, id: id, store: store)
        return principal.has(board, on: access.site)
    }

    private static func leaseAnswer(_ outcome: Store.LeaseOutcome) throws -> Response {
        switch outcome {
        case .mine(let lease?): return try JSONResponse.make(lease)
        case .mine(nil): return Response(status: .noContent)
        case .heldByOther(let lease): return try JSONResponse.make(LeaseHeldBody(lease: lease), status: .conflict)
        case .notFound: throw APIFailure(.notFound)
        }
    }

    /// The revision `If-Match` names; a mutation without one is refused (428).
    private static func revisionMatched(_ request: Request) throws -> Int {
        guard let ifMatch = request.headers[.ifMatch] else { throw APIFailure(.ifMatchRequired) }
        guard let expected = RevisionTag.parse(ifMatch) else { throw APIFailure(.ifMatchRequired, detail: ifMatch) }
        return expected
    }

    /// `Location` of a new submission.
    private static func created(_ id: Int64) -> HTTPFields {
        var headers = HTTPFields()
        headers[.location] = APIPath.submission(id)
        return headers
    }

    /// The headers of a creation's first answer, given again with its replay: `Location` and
    /// the `ETag` of the revision it created (read from the kept body).
    private static func replayedCreation(_ status: Int, _ body: Data) -> HTTPFields {
        guard status == 201, let submission = try? WireFormat.decoder().decode(Submission.self, from: body) else { return HTTPFields() }
        var headers = created(submission.id)
        headers[.eTag] = RevisionTag.make(submission.summary.revision)
        return headers
    }

    /// A submission with the ETag naming its revision.
    private static func answer(_ submission: Submission, status: HTTPResponse.Status = .ok, headers: HTTPFields = HTTPFields()) throws -> Response {
        try answer(StoredSubmission(submission), status: status, headers: headers)
    }

    private static func answer(_ submission: StoredSubmission, status: HTTPResponse.Status = .ok, headers: HTTPFields = HTTPFields()) throws -> Response {
        var headers = headers
        headers[.eTag] = RevisionTag.make(submission.rest.summary.revision)
        return JSONResponse.make(bytes: try SubmissionJSON.write(submission), status: status, headers: headers)
    }

    /// 412 with the submission as it now is, so that the stale writer loses nothing.
    private static func stale(_ current: Submission) throws -> Response {
        try tagged(StaleRevisionBody(current: current), revision: current.summary.revision, status: .preconditionFailed)
    }

    private static func tagged<T: Encodable>(_ body: T, revision: Int, status: HTTPResponse.Status, headers: HTTPFields = HTTPFields()) throws -> Response {
        var headers = headers
        headers[.eTag] = RevisionTag.make(revision)
        return try JSONResponse.make(body, status: status, headers: headers)
    }

    /// A draft's fields within their limits; shares that leave the contributor some;
    /// photos that are images of a sane size.
    static func validate(_ draft: SubmissionDraft) throws {
        try checkText(title: draft.title, sapo: draft.sapo, body: draft.body)
        if let language = draft.language, !["vi", "en"].contains(language) { throw APIFailure(.invalidField, detail: "language") }
        guard CoAuthorShare.areValid(draft.coAuthors ?? []) else { throw APIFailure(.invalidField, detail: "co_authors") }
        let photos = draft.attachments ?? []
        guard photos.count <= SubmissionDraft.attachmentLimit else { throw APIFailure(.invalidField, detail: "attachments > \(SubmissionDraft.attachmentLimit)") }
        guard photos.reduce(0, { $0 + $1.data.count }) <= SubmissionDraft.attachmentsTotalLimit else {
            throw APIFailure(.payloadTooLarge, detail: "attachments > \(SubmissionDraft.attachmentsTotalLimit) bytes")
        }
        for (index, photo) in photos.enumerated() {
            let name = "attachments[\(index)]"
            guard !photo.data.isEmpty, photo.data.count <= SubmissionDraft.attachmentSizeLimit else {
                throw APIFailure(.invalidField, detail: "\(name).data: 1 to \(SubmissionDraft.attachmentSizeLimit) bytes")
            }
            guard Attachment.imageType(of: photo.data) != nil else { throw APIFailure(.invalidField, detail: "\(name).data: not a JPEG, PNG, WebP or GIF image") }
            guard !photo.filename.trimmingCharacters(in: .whitespaces).isEmpty, photo.filename.count <= 200, !photo.filename.contains("/") else {
                throw APIFailure(.invalidField, detail: "\(name).filename")
            }
            guard photo.caption.count <= 1000, photo.credit.count <= 200 else { throw APIFailure(.invalidField, detail: "\(name).caption") }
        }
    }

    /// Title, sapo and body as every write takes them: a title, each within its limit.
    static func checkText(title: String, sapo: String, body: String) throws {
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw APIFailure(.invalidField, detail: "title") }
        for (name, text, limit) in [("title", title, SubmissionEdit.titleLimit), ("sapo", sapo, SubmissionEdit.sapoLimit),
                                    ("body", body, SubmissionEdit.bodyLimit)] where text.count > limit {
            throw APIFailure(.invalidField, detail: "\(name) > \(limit)")
        }
    }

    /// What each action needs: a note to return, a reason to reject, a future time to
    /// schedule, a grading to approve (checked against the rate table by the route), known channels,
    /// sane shares and a social message that fits.
    private static func validate(_ t: TransitionRequest, now: Date) throws {
        if t.action.needsNote && t.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw APIFailure(.invalidField, detail: "note")
        }
        if t.note.count > SubmissionEdit.sapoLimit { throw APIFailure(.invalidField, detail: "note") }
        if t.action == .schedule {
            guard let at = t.publishAt, at > now else { throw APIFailure(.invalidField, detail: "publish_at") }
        }
        if t.action == .approve && t.grading == nil { throw APIFailure(.invalidField, detail: "grading") }
        if let unknown = t.channels.first(where: { !socialChannels.contains($0) }) {
            throw APIFailure(.invalidField, detail: "channels: \(unknown)")
        }
        // Shares and the social message are settled by an approval, and a message needs a channel.
        if let shares = t.coAuthors {
            guard t.action == .approve else { throw APIFailure(.invalidField, detail: "co_authors: only when approving") }
            guard CoAuthorShare.areValid(shares) else { throw APIFailure(.invalidField, detail: "co_authors") }
        }
        if let photos = t.photos {
            guard t.action == .approve else { throw APIFailure(.invalidField, detail: "photos: only when approving") }
            guard PhotoGrading.areValid(photos) else { throw APIFailure(.invalidField, detail: "photos: one grading a photo, numbers 1 to \(SubmissionDraft.attachmentLimit)") }
        }
        if let message = t.socialMessage {
            guard t.action == .approve, !t.channels.isEmpty else { throw APIFailure(.invalidField, detail: "social_message: only with channels") }
            guard TransitionRequest.socialMessage(message) != nil else {
                throw APIFailure(.invalidField, detail: "social_message: 1 to \(TransitionRequest.socialMessageLimit) characters")
            }
        }
    }

    /// The body of a save: a title, fields within their limits.
    private static func decodeEdit(_ request: Request) async throws -> SubmissionEdit {
        let edit = try await RequestBody.decode(SubmissionEdit.self, request)
        try checkText(title: edit.title, sapo: edit.sapo, body: edit.body)
        return edit
    }
}
