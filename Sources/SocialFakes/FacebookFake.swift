import Foundation

/// A Graph API stand-in on loopback for one Facebook Page: `POST /{version}/{page-id}/feed`
/// with `message`, `link` and the page access token (form field, query or Bearer header),
/// answering `{"id": "PAGEID_POSTID"}` or Facebook's error envelope; `GET /{version}/{post-id}`
/// gives shares, reactions and impressions. It counts what it accepted, so a test can tell a
/// post went out exactly once.
public final class FacebookFake: @unchecked Sendable {
    /// A post the fake accepted.
    public struct Post: Sendable, Hashable {
        public var id: String
        public var message: String
        public var link: String

        public init(id: String, message: String, link: String) {
            self.id = id
            self.message = message
            self.link = link
        }
    }

    public let pageID: String
    public let faults = FakeFaults()

    // `lock` guards every stored property below it.
    private let lock = NSLock()
    private var token: String
    private var tokenExpired = false
    private var accepted: [Post] = []
    private var engagement: [String: (views: Int, reactions: Int, shares: Int)] = [:]
    private var feedRequests = 0
    private var duplicatesRefused = false
    /// Set once, at the end of `init` (its handler needs the fake made first).
    private var server: LoopbackHTTPServer?
    private var listening: LoopbackHTTPServer? { lock.withLock { server } }

    /// Listens on 127.0.0.1:`port` (0 picks a free port).
    public init(port: Int = 0, pageID: String = "104900000000001", pageToken: String = "fake-facebook-page-token") throws {
        self.pageID = pageID
        self.token = pageToken
        let made = try LoopbackHTTPServer(port: port) { [weak self] request in
            self?.route(request) ?? .drop
        }
        lock.withLock { server = made }
    }

    deinit {
        listening?.stop()
    }

    public var port: Int { listening?.port ?? 0 }
    /// What to configure as the channel's base URL.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The page access token it accepts.
    public var pageToken: String { lock.withLock { token } }
    /// Every post accepted, in order.
    public var posts: [Post] { lock.withLock { accepted } }
    /// Requests to the feed, whatever became of them.
    public var feedRequestCount: Int { lock.withLock { feedRequests } }

    /// How many times a post with this message was accepted.
    public func acceptedCount(message: String) -> Int {
        lock.withLock { accepted.filter { $0.message == message }.count }
    }

    /// The page token answers 190 (subcode 463, expired) from now on, until `setPageToken`.
    public func expireToken() {
        lock.withLock { tokenExpired = true }
    }

    public func setPageToken(_ newToken: String) {
        lock.withLock {
            token = newToken
            tokenExpired = false
        }
    }

    /// Whether a message already posted is refused with 506, as Facebook does.
    public func refuseDuplicates(_ refuse: Bool) {
        lock.withLock { duplicatesRefused = refuse }
    }

    public func setEngagement(postID: String, views: Int, reactions: Int, shares: Int) {
        lock.withLock { engagement[postID] = (views, reactions, shares) }
    }

    /// Resets every connection whose request hangs.
    public func releaseHanging() {
        listening?.releaseHanging()
    }

    public func stop() {
        listening?.stop()
    }

    private func route(_ request: FakeRequest) -> FakeReaction {
        if request.path == FakeControlCommand.path {
            return .respond(FakeControlCommand.answer(
                request, faults: faults, server: { listening }, expireToken: expireToken,
                summary: { ["accepted": posts.count, "feedRequests": feedRequestCount, "pageID": pageID, "lastLink": posts.last?.link ?? ""] }))
        }
        let segments = request.path.split(separator: "/").map(String.init)
        guard segments.count >= 2, segments[0].hasPrefix("v"), Double(segments[0].dropFirst()) != nil else {
            return .respond(Self.error(400, code: 2500, message: "Unknown path components: \(request.path)"))
        }
        switch (request.method, segments.count) {
        case ("POST", 3) where segments[2] == "feed":
            return postToFeed(page: segments[1], request)
        case ("GET", 2):
            return .respond(readPost(segments[1], request))
        default:
            return .respond(Self.error(400, code: 2500, message: "Unknown path components: \(request.path)"))
        }
    }

    private func postToFeed(page: String, _ request: FakeRequest) -> FakeReaction {
        lock.withLock { feedRequests += 1 }
        let fault = faults.next()
        switch fault?.kind {
        case .error?:
            if let fault { return .respond(Self.error(fault)) }
        case .hang?:
            return .hang
        case .dropBeforeAccepting?:
            return .drop
        case .dropAfterAccepting?, nil:
            break
        }
        var fields = request.query
        fields.merge(request.form) { _, body in body }
        if let refusal = tokenRefusal(fields["access_token"] ?? Self.bearer(request)) { return .respond(refusal) }
        guard page == pageID else {
            return .respond(Self.error(400, code: 100, subcode: 33,
                                       message: "Unsupported post request. Object with ID '\(page)' does not exist"))
        }
        let message = fields["message"] ?? ""
        let link = fields["link"] ?? ""
        guard !message.isEmpty || !link.isEmpty else {
            return .respond(Self.error(400, code: 100, message: "(#100) Missing message or attachment"))
        }
        let id: String? = lock.withLock {
            if duplicatesRefused, accepted.contains(where: { $0.message == message }) { return nil }
            let id = "\(pageID)_\(1_000_000_000 + accepted.count + 1)"
            accepted.append(Post(id: id, message: message, link: link))
            return id
        }
        guard let id else {
            return .respond(Self.error(400, code: 506, message: "Duplicate status message"))
        }
        return fault?.kind == .dropAfterAccepting ? .drop : .respond(.json(200, ["id": id]))
    }

    private func readPost(_ postID: String, _ request: FakeRequest) -> FakeResponse {
        if let refusal = tokenRefusal(request.query["access_token"] ?? Self.bearer(request)) { return refusal }
        let found: (Post, (views: Int, reactions: Int, shares: Int))? = lock.withLock {
            guard let post = accepted.first(where: { $0.id == postID }) else { return nil }
            return (post, engagement[postID] ?? (0, 0, 0))
        }
        guard let (post, counts) = found else {
            return Self.error(400, code: 100, subcode: 33, message: "Unsupported get request. Object with ID '\(postID)' does not exist")
        }
        return .json(200, [
            "id": post.id,
            "shares": ["count": counts.shares],
            "reactions": ["data": [Any](), "summary": ["total_count": counts.reactions]],
            "insights": ["data": [["name": "post_impressions", "period": "lifetime", "values": [["value": counts.views]]]]],
        ])
    }

    private func tokenRefusal(_ presented: String?) -> FakeResponse? {
        guard let presented, !presented.isEmpty else {
            return Self.error(400, code: 2500, message: "An active access token must be used to query information about the current user.")
        }
        let (valid, expired) = lock.withLock { (token, tokenExpired) }
        guard presented == valid else {
            return Self.error(400, code: 190, message: "Invalid OAuth access token - Cannot parse access token")
        }
        guard !expired else {
            return Self.error(400, code: 190, subcode: 463, message: "Error validating access token: Session has expired.")
        }
        return nil
    }

    private static func bearer(_ request: FakeRequest) -> String? {
        guard let value = request.headers["authorization"], value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    private static func error(_ fault: FakeFault) -> FakeResponse {
        error(fault.status, code: fault.code, subcode: fault.subcode, message: fault.message ?? "An injected failure", headers: fault.headers)
    }

    /// Facebook's error envelope.
    static func error(_ status: Int, code: Int, subcode: Int? = nil, message: String, headers: [String: String] = [:]) -> FakeResponse {
        var envelope: [String: Any] = [
            "message": message, "type": code == 190 || code == 2500 ? "OAuthException" : "FacebookApiException",
            "code": code, "fbtrace_id": "AfakeTrace\(code)",
        ]
        if let subcode { envelope["error_subcode"] = subcode }
        if code == 1 || code == 2 { envelope["is_transient"] = true }
        return .json(status, ["error": envelope], headers: headers)
    }
}

extension FakeFault {
    /// Facebook's error envelope with `code` (HTTP 400 unless told otherwise).
    public static func facebook(code: Int, subcode: Int? = nil, status: Int = 400, headers: [String: String] = [:]) -> FakeFault {
        .error(status: status, code: code, subcode: subcode, message: "(#\(code)) injected by the fake", headers: headers)
    }

    /// HTTP 429 with `Retry-After`, the envelope saying code 4 (the application's request limit).
    public static func facebookTooManyRequests(retryAfterSeconds: Int) -> FakeFault {
        facebook(code: 4, status: 429, headers: ["Retry-After": String(retryAfterSeconds)])
    }

    /// A rate limit (Pages: 80001; apps: 4) with `X-Business-Use-Case-Usage` saying when access comes back.
    public static func facebookBusinessUseCaseLimit(pageID: String, regainAccessMinutes: Int, code: Int = 80001) -> FakeFault {
        let usage = "{\"\(pageID)\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":25,\"total_time\":25,\"estimated_time_to_regain_access\":\(regainAccessMinutes)}]}"
        return facebook(code: code, headers: ["X-Business-Use-Case-Usage": usage])
    }
}
