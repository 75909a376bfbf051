import CurlHTTP
import Foundation
import NewsroomKit

/// The typed client of bientap-portal's admin API (`/api/v1`), the libcurl `PortalAPI`.
/// Every call blocks the calling thread: the app runs them on a background queue. One
/// client has one transport, so its calls go one at a time: the desk keeps a client for
/// reads and another for writes (`PortalLanes`), so a save never waits behind a list read.
public final class AdminClient: Sendable {
    public let baseURL: String
    private let token: String
    private let transport: CurlTransport
    private let decoder = WireFormat.decoder()
    /// Pages the portal tagged (list pages carry an ETag), by URL: asked again with
    /// `If-None-Match`, a 304 answers from here, so a poll that finds nothing new moves
    /// a few header bytes instead of the page.
    private let validators = ValidatorCache()

    /// How many GETs the portal answered 304 Not Modified (for tests and the curious).
    public var notModifiedCount: Int { validators.hits }

    /// `baseURL` such as `http://127.0.0.1:8080`; a trailing slash is ignored.
    public init(baseURL: String, token: String, transport: CurlTransport = CurlTransport()) throws {
        var base = baseURL.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else {
            throw PortalError.invalidPortalURL(baseURL)
        }
        self.baseURL = base
        self.token = token
        self.transport = transport
    }

    /// `GET /healthz`.
    public func health() throws -> Health {
        try get(APIPath.health, authenticated: false)
    }

    /// `GET /api/v1/me`: who the token belongs to.
    public func me() throws -> Me {
        try get(APIPath.me)
    }

    /// `GET /api/v1/sites`.
    public func sites() throws -> [Site] {
        try get(APIPath.sites)
    }

    /// One page of submissions, newest first.
    public func submissions(statuses: [SubmissionStatus] = [], site: String? = nil, publishedFrom: Date? = nil,
                            cursor: String? = nil, limit: Int = 50) throws -> Page<SubmissionSummary> {
        var query: [(String, String)] = []
        if !statuses.isEmpty { query.append(("status", statuses.map(\.rawValue).joined(separator: ","))) }
        if let site { query.append(("site", site)) }
        if let publishedFrom { query.append(("published_from", publishedFrom.formatted(.iso8601))) }
        if let cursor { query.append(("cursor", cursor)) }
        query.append(("limit", String(limit)))
        return try get(APIPath.submissions, query: query)
    }

    /// `GET /api/v1/submissions/{id}`.
    public func submission(id: Int64) throws -> Submission {
        try get(APIPath.submission(id))
    }

    /// `PUT /api/v1/submissions/{id}`: saves `edit` as a new revision, made
    /// from revision `base`. Throws `.staleRevision` with the text now there
    /// when someone saved since.
    public func save(id: Int64, edit: SubmissionEdit, base: Int) throws -> Submission {
        let body = try WireFormat.encoder().encode(edit)
        return try request("PUT", APIPath.submission(id), headers: [("If-Match", RevisionTag.make(base)), ("Content-Type", "application/json")],
                           body: body)
    }

    /// `POST /api/v1/submissions/{id}/transitions`: a decision taken on revision
    /// `base`. `idempotencyKey` (one per decision, kept across retries) makes a
    /// retry after a timeout return the first answer instead of acting twice.
    public func transition(id: Int64, _ request: TransitionRequest, base: Int, idempotencyKey: String) throws -> Submission {
        let body = try WireFormat.encoder().encode(request)
        return try self.request("POST", APIPath.transitions(id),
                                headers: [("If-Match", RevisionTag.make(base)), ("Idempotency-Key", idempotencyKey),
                                          ("Content-Type", "application/json")], body: body)
    }

    /// `POST /api/v1/submissions/{id}/lease`: takes or renews the edit lease;
    /// throws `.leaseHeld` when someone else is editing.
    public func acquireLease(id: Int64) throws -> Lease {
        try request("POST", APIPath.lease(id))
    }

    /// `DELETE /api/v1/submissions/{id}/lease`: gives the edit lease back.
    public func releaseLease(id: Int64) throws {
        let _: Empty = try request("DELETE", APIPath.lease(id))
    }

    /// `POST /api/v1/sign-out`: the portal revokes this client's token.
    public func signOut() throws {
        let _: Empty = try request("POST", APIPath.signOut)
    }

    /// A body-less answer (204).
    private struct Empty: Decodable {}

    /// `GET /api/v1/submissions/{id}/events`: the history, oldest first.
    public func events(of id: Int64) throws -> [AuditEvent] {
        try get(APIPath.events(id))
    }

    /// `GET /api/v1/submissions/{id}/revisions`, oldest first.
    public func revisions(of id: Int64) throws -> [RevisionInfo] {
        try get(APIPath.revisions(id))
    }

    /// `GET /api/v1/submissions/{id}/revisions/{number}`.
    public func revision(_ number: Int, of id: Int64) throws -> Revision {
        try get(APIPath.revision(number, of: id))
    }

    /// `GET /api/v1/submissions/{id}/diff`: revision `from` against `to` (default:
    /// the original against the current one), word by word.
    public func diff(of id: Int64, from: Int? = nil, to: Int? = nil) throws -> RevisionDiff {
        var query: [(String, String)] = []
        if let from { query.append(("from", String(from))) }
        if let to { query.append(("to", String(to))) }
        return try get(APIPath.diff(id), query: query)
    }

    /// `POST /api/v1/submissions`: files a draft; `idempotencyKey` (kept across
    /// retries) makes a retry after a timeout return the first answer.
    public func create(_ draft: SubmissionDraft, idempotencyKey: String) throws -> Submission {
        try request("POST", APIPath.submissions, headers: [("Idempotency-Key", idempotencyKey), ("Content-Type", "application/json")],
                    body: try WireFormat.encoder().encode(draft))
    }

    /// `GET /api/v1/submissions/{id}/notes`, oldest first.
    public func notes(of id: Int64) throws -> [Note] {
        try get(APIPath.notes(id))
    }

    /// `POST /api/v1/submissions/{id}/notes`.
    public func addNote(to id: Int64, _ note: NoteRequest, idempotencyKey: String) throws -> Note {
        try request("POST", APIPath.notes(id), headers: [("Idempotency-Key", idempotencyKey), ("Content-Type", "application/json")],
                    body: try WireFormat.encoder().encode(note))
    }

    /// `GET /api/v1/rate-tables/active`: the royalty table an approval on `site` is graded by.
    public func activeRateTable(site: String) throws -> RateTable {
        try get(APIPath.activeRateTable, query: [("site", site)])
    }

    /// `POST /api/v1/sign-in` on `baseURL`: a token for `name`, with the authenticator
    /// `code` when the account has a second factor.
    public static func signIn(baseURL: String, name: String, password: String, code: String? = nil,
                              transport: CurlTransport = CurlTransport()) throws -> SignInAnswer {
        let client = try AdminClient(baseURL: baseURL, token: "", transport: transport)
        return try client.request("POST", APIPath.signIn, headers: [("Content-Type", "application/json")],
                                  body: try WireFormat.encoder().encode(SignInRequest(name: name, password: password, code: code)),
                                  authenticated: false)
    }

    // MARK: - Plumbing

    func get<T: Decodable>(_ path: String, query: [(String, String)] = [], authenticated: Bool = true) throws -> T {
        try request("GET", path + QueryString.make(query), authenticated: authenticated)
    }

    func request<T: Decodable>(_ method: String, _ path: String, headers extra: [(name: String, value: String)] = [],
                               body: Data? = nil, authenticated: Bool = true) throws -> T {
        let url = baseURL + path
        let response = try send(method, path, headers: extra, body: body, authenticated: authenticated)
        if response.status == 204, let empty = Empty() as? T { return empty }
        do {
            return try decoder.decode(T.self, from: response.body)
        } catch {
            throw PortalError.malformedResponse(url: url, detail: String(describing: error))
        }
    }

    /// The portal's 2xx answer to `method path`, as it came; its refusals as `PortalError`.
    func send(_ method: String, _ path: String, headers extra: [(name: String, value: String)] = [],
              body: Data? = nil, authenticated: Bool = true, accept: String = "application/json") throws -> HTTPResponse {
        let url = baseURL + path
        var headers: [(name: String, value: String)] = [("Accept", accept)] + extra
        if authenticated { headers.append(("Authorization", "Bearer \(token)")) }
        let cached = method == "GET" ? validators.entry(for: url) : nil
        if let cached { headers.append(("If-None-Match", cached.tag)) }
        var response: HTTPResponse
        do {
            response = try transport.perform(HTTPRequest(method: method, url: url, headers: headers, body: body))
        } catch let error as TransportError {
            throw PortalError.transport(error)
        }
        if method == "GET" {
            if response.status == 304, let cached {
                validators.hit()
                response = HTTPResponse(status: 200, headers: response.headers, body: cached.body)
            } else if response.status == 200, let tag = response.headers["etag"] {
                validators.store(url, tag: tag, body: response.body)
            }
        }
        if response.status == 412, let stale = try? decoder.decode(StaleRevisionBody.self, from: response.body) {
            throw PortalError.staleRevision(current: stale.current)
        }
        if response.status == 409, let held = try? decoder.decode(LeaseHeldBody.self, from: response.body) {
            throw PortalError.leaseHeld(held.lease)
        }
        guard (200..<300).contains(response.status) else {
            if let body = try? decoder.decode(APIErrorBody.self, from: response.body) {
                throw PortalError.api(status: response.status, body: body)
            }
            throw PortalError.http(status: response.status, url: url)
        }
        return response
    }
}

/// Query strings as the desk writes them to any portal (ours, WordPress): ASCII letters,
/// digits and `-._~,` as they are, everything else percent-encoded.
public enum QueryString {
    // ASCII only: CharacterSet.alphanumerics would let Vietnamese letters through unencoded.
    private static let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~,")

    /// `?a=1&b=x` ("" for no items).
    public static func make(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }
}

/// The last tagged body of each URL, bounded: the TUI polls a handful of list pages.
/// `@unchecked Sendable`: `lock` guards `entries`, `order` and `hitCount`; `capacity` is a `let`.
final class ValidatorCache: @unchecked Sendable {
    struct Entry {
        var tag: String
        var body: Data
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var hitCount = 0
    private let capacity = 64

    var hits: Int { lock.withLock { hitCount } }

    func hit() { lock.withLock { hitCount += 1 } }

    func entry(for url: String) -> Entry? { lock.withLock { entries[url] } }

    func store(_ url: String, tag: String, body: Data) {
        lock.withLock {
            if entries.updateValue(Entry(tag: tag, body: body), forKey: url) == nil { order.append(url) }
            while order.count > capacity { entries[order.removeFirst()] = nil }
        }
    }
}
