import Foundation
import Hummingbird
import NewsroomKit

/// `GET /api/v1/submissions` and `GET /api/v1/submissions/{id}`.
enum SubmissionRoutes {
    static let defaultLimit = 50
    static let maxLimit = 200

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
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw APIFailure(.badRequest, detail: "id")
            }
            guard let submission = try await store.submission(id: id, visibleSites: context.principal!.visibleSites) else {
                throw APIFailure(.notFound)
            }
            var headers = HTTPFields()
            headers[.eTag] = "\"r\(submission.summary.revision)\""
            return try JSONResponse.make(submission, headers: headers)
        }
    }
}
