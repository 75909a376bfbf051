import Foundation
import Hummingbird
import NewsroomKit

/// Submissions: list, read, save (a new revision, with `If-Match`), revisions.
enum SubmissionRoutes {
    static let defaultLimit = 50
    static let maxLimit = 200
    /// Largest request body a save accepts.
    static let maxBody = 1 << 20
    /// Roles that may edit a submission's text.
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
            guard let existing = try await store.submission(id: id, visibleSites: principal.visibleSites) else {
                throw APIFailure(.notFound)
            }
            guard principal.has(editors, on: existing.summary.site.code) else { throw APIFailure(.forbidden, detail: existing.summary.site.code) }
            guard let ifMatch = request.headers[.ifMatch] else { throw APIFailure(.ifMatchRequired) }
            guard let expected = RevisionTag.parse(ifMatch) else { throw APIFailure(.ifMatchRequired, detail: ifMatch) }
            let edit = try await decodeEdit(request, context: context)
            switch try await store.save(id: id, expected: expected, edit: edit, author: principal.name, visibleSites: principal.visibleSites) {
            case .notFound:
                throw APIFailure(.notFound)
            case .stale(let current):
                var headers = HTTPFields()
                headers[.eTag] = RevisionTag.make(current.summary.revision)
                return try JSONResponse.make(StaleRevisionBody(current: current), status: .preconditionFailed, headers: headers)
            case .saved(let saved):
                var headers = HTTPFields()
                headers[.eTag] = RevisionTag.make(saved.summary.revision)
                return try JSONResponse.make(saved, headers: headers)
            }
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

    /// The body of a save: JSON within the size limit, a title, fields within their limits.
    private static func decodeEdit(_ request: Request, context: PortalContext) async throws -> SubmissionEdit {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBody)
        } catch {
            throw APIFailure(.invalidField, detail: "body > \(maxBody) bytes")
        }
        let edit: SubmissionEdit
        do {
            edit = try WireFormat.decoder().decode(SubmissionEdit.self, from: Data(buffer: buffer))
        } catch {
            throw APIFailure(.invalidJSON)
        }
        if edit.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw APIFailure(.invalidField, detail: "title") }
        for (name, text, limit) in [("title", edit.title, SubmissionEdit.titleLimit), ("sapo", edit.sapo, SubmissionEdit.sapoLimit),
                                    ("body", edit.body, SubmissionEdit.bodyLimit)] where text.count > limit {
            throw APIFailure(.invalidField, detail: "\(name) > \(limit)")
        }
        return edit
    }
}
