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

    private static func id(_ context: PortalContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw APIFailure(.badRequest, detail: "id") }
        return id
    }

    static func add(to group: RouterGroup<PortalContext>, store: Store) {
        group.get("submissions") { request, context in
            let principal = context.principal!
            let parameters = request.uri.queryParameters
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
            var cursor: ListCursor?
            if let text = parameters["cursor"] {
                guard let value = ListCursor(encoded: String(text)) else { throw APIFailure(.invalidCursor) }
                cursor = value
            }
            let site = parameters["site"].map(String.init)
            if let site, !principal.maySee(site: site) { throw APIFailure(.forbidden, detail: site) }
            let page = try await store.submissions(.init(statuses: statuses, site: site, visibleSites: principal.visibleSites,
                                                         after: cursor, limit: limit))
            return try JSONResponse.make(page)
        }

        group.get("submissions/:id") { request, context in
            guard let submission = try await store.submission(id: try id(context), visibleSites: context.principal!.visibleSites) else {
                throw APIFailure(.notFound)
            }
            var headers = HTTPFields()
            headers[.eTag] = RevisionTag.make(submission.summary.revision)
            return try JSONResponse.make(submission, headers: headers)
        }

        // Save: a new revision, made from the one If-Match names; 412 with the
        // current text when someone saved since, so that nothing is lost.
        group.put("submissions/:id") { request, context in
            let principal = context.principal!
            let id = try id(context)
            try await requireRoles(editors, principal, id: id, store: store)
            let expected = try revisionMatched(request)
            let edit = try await decodeEdit(request)
            switch try await store.save(id: id, expected: expected, edit: edit, author: principal.name, visibleSites: principal.visibleSites) {
            case .notFound:
                throw APIFailure(.notFound)
            case .stale(let current):
                return try stale(current)
            case .saved(let saved):
                return try answer(saved)
            }
        }

        // A workflow decision: checked against the status and the roles, recorded as an
        // audit event, and taken once however often a retry sends it with its Idempotency-Key.
        group.post("submissions/:id/transitions") { request, context in
            let principal = context.principal!
            let id = try id(context)
            let transition = try await RequestBody.decode(TransitionRequest.self, request)
            let action = transition.action
            let access = try await requireRoles(action.roles, principal, id: id, store: store)
            // Contributors act only on their own items.
            if !principal.has(action.roles.subtracting([.contributor]), on: access.site) {
                guard access.contributorUser == principal.userID else { throw APIFailure(.forbidden, detail: access.site) }
            }
            try validate(transition)
            let expected = try revisionMatched(request)
            var idempotency: Store.IdempotencyKey?
            if let key = request.headers[idempotencyKey] {
                guard !key.isEmpty, key.count <= 200 else { throw APIFailure(.invalidField, detail: "Idempotency-Key") }
                let asked = try WireFormat.encoder().encode(transition) + Data("|\(id)|\(expected)".utf8)
                let hash = SHA256.hash(data: asked).map { String(format: "%02x", $0) }.joined()
                idempotency = Store.IdempotencyKey(userID: principal.userID, key: key, requestHash: hash)
            }
            switch try await store.transition(id: id, expected: expected, request: transition, actor: principal.name,
                                              visibleSites: principal.visibleSites, idempotency: idempotency,
                                              answer: { try WireFormat.encoder().encode($0) }) {
            case .done(let submission):
                return try answer(submission)
            case .replay(let status, let body):
                var headers = HTTPFields()
                headers[.contentType] = "application/json; charset=utf-8"
                headers[Self.idempotentReplay] = "true"
                return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
            case .keyReused:
                throw APIFailure(.idempotencyKeyReused)
            case .illegal(let status):
                throw APIFailure(.illegalTransition, detail: "\(action.rawValue): \(status.rawValue)")
            case .stale(let current):
                return try stale(current)
            case .notFound:
                throw APIFailure(.notFound)
            }
        }

        // The edit lease: take or renew (POST), give back (DELETE); 409 with the
        // holder when someone else is editing.
        group.post("submissions/:id/lease") { request, context in
            let principal = context.principal!
            let id = try id(context)
            try await requireRoles(editors, principal, id: id, store: store)
            return try leaseAnswer(try await store.acquireLease(id: id, user: principal.name, displayName: principal.displayName,
                                                               visibleSites: principal.visibleSites))
        }

        group.delete("submissions/:id/lease") { request, context in
            let principal = context.principal!
            let id = try id(context)
            try await requireRoles(editors, principal, id: id, store: store)
            return try leaseAnswer(try await store.releaseLease(id: id, user: principal.name, visibleSites: principal.visibleSites))
        }

        group.get("submissions/:id/publication") { request, context in
            guard let publication = try await store.publication(of: try id(context), visibleSites: context.principal!.visibleSites) else {
                throw APIFailure(.notFound)
            }
            return try JSONResponse.make(publication)
        }

        group.get("submissions/:id/events") { request, context in
            guard let events = try await store.events(of: try id(context), visibleSites: context.principal!.visibleSites) else {
                throw APIFailure(.notFound)
            }
            return try JSONResponse.make(events)
        }

        group.get("submissions/:id/revisions") { request, context in
            guard let list = try await store.revisions(of: try id(context), visibleSites: context.principal!.visibleSites) else {
                throw APIFailure(.notFound)
            }
            return try JSONResponse.make(list)
        }

        group.get("submissions/:id/revisions/:number") { request, context in
            guard let number = context.parameters.get("number", as: Int.self) else { throw APIFailure(.badRequest, detail: "number") }
            guard let revision = try await store.revision(number, of: try id(context), visibleSites: context.principal!.visibleSites) else {
                throw APIFailure(.notFound)
            }
            return try JSONResponse.make(revision)
        }
    }

    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// Marks an answer repeated for a retry.
    static let idempotentReplay = HTTPField.Name("Idempotent-Replayed")!
    static let socialChannels: Set<String> = ["zalo", "facebook"]

    /// 404 unless the submission is visible, 403 unless the user has one of `roles` on its site.
    @discardableResult
    private static func requireRoles(_ roles: Set<Role>, _ principal: Principal, id: Int64, store: Store) async throws
        -> (site: String, contributorUser: Int64?) {
        guard let access = try await store.access(of: id, visibleSites: principal.visibleSites) else { throw APIFailure(.notFound) }
        guard principal.has(roles, on: access.site) else { throw APIFailure(.forbidden, detail: access.site) }
        return access
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

    private static func answer(_ submission: Submission) throws -> Response {
        var headers = HTTPFields()
        headers[.eTag] = RevisionTag.make(submission.summary.revision)
        return try JSONResponse.make(submission, headers: headers)
    }

    private static func stale(_ current: Submission) throws -> Response {
        var headers = HTTPFields()
        headers[.eTag] = RevisionTag.make(current.summary.revision)
        return try JSONResponse.make(StaleRevisionBody(current: current), status: .preconditionFailed, headers: headers)
    }

    /// What each action needs: a note to return, a reason to reject, a future time to
    /// schedule, a grading to approve (genre and a positive coefficient or amount), known channels.
    private static func validate(_ t: TransitionRequest, now: Date = Date()) throws {
        if t.action.needsNote && t.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw APIFailure(.invalidField, detail: "note")
        }
        if t.note.count > SubmissionEdit.sapoLimit { throw APIFailure(.invalidField, detail: "note") }
        if t.action == .schedule {
            guard let at = t.publishAt, at > now else { throw APIFailure(.invalidField, detail: "publish_at") }
        }
        if t.action == .approve {
            guard let g = t.grading, !g.genre.trimmingCharacters(in: .whitespaces).isEmpty,
                  (g.coefficient.map { $0 > 0 && $0.isFinite } ?? false) || (g.amount.map { $0 > 0 } ?? false) else {
                throw APIFailure(.invalidField, detail: "grading")
            }
        }
        if let unknown = t.channels.first(where: { !socialChannels.contains($0) }) {
            throw APIFailure(.invalidField, detail: "channels: \(unknown)")
        }
    }

    /// The body of a save: a title, fields within their limits.
    private static func decodeEdit(_ request: Request) async throws -> SubmissionEdit {
        let edit = try await RequestBody.decode(SubmissionEdit.self, request)
        if edit.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw APIFailure(.invalidField, detail: "title") }
        for (name, text, limit) in [("title", edit.title, SubmissionEdit.titleLimit), ("sapo", edit.sapo, SubmissionEdit.sapoLimit),
                                    ("body", edit.body, SubmissionEdit.bodyLimit)] where text.count > limit {
            throw APIFailure(.invalidField, detail: "\(name) > \(limit)")
        }
        return edit
    }
}
