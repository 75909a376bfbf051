import Foundation

/// A Zalo OA stand-in on loopback: `POST /v3.0/oa/article/create` (header `access_token`,
/// the article as JSON, Zalo's limits checked) answers a token; `POST /v3.0/oa/article/verify`
/// turns the token into the article's id; `POST /v4/oa/access_token` renews the token pair,
/// each refresh token working once (-14020 on reuse). Answers are HTTP 200 with Zalo's
/// `{"error": N, "message": …}` body unless a fault says otherwise.
public final class ZaloFake: @unchecked Sendable {
    /// An article the fake created.
    public struct Article: Sendable, Hashable {
        public var id: String
        public var title: String
        public var description: String
        public var coverURL: String
    }

    public let oaID: String
    public let appID: String
    public let secretKey: String
    public let faults = FakeFaults()
    /// Faults for token renewals (`POST /v4/oa/access_token`), apart from those of posts.
    public let renewalFaults = FakeFaults()

    /// The code the fake answers to a verification of an article still being processed
    /// (the fake's own choice; Zalo's documents do not settle it).
    public static let processingCode = -214

    // `lock` guards every stored property below it.
    private let lock = NSLock()
    private var access: String
    private var refresh: String
    private var accessExpired = false
    private var usedRefreshTokens: Set<String> = []
    private var renewalCount = 0
    private var renewalRequests = 0
    private var created: [Article] = []
    /// Article token → (article index, verifications still to answer "processing").
    private var pending: [String: (index: Int, remaining: Int)] = [:]
    private var verifyPendingAnswers = 0
    private var createRequests = 0
    /// Set once, at the end of `init` (its handler needs the fake made first).
    private var server: LoopbackHTTPServer?
    private var listening: LoopbackHTTPServer? { lock.withLock { server } }

    public init(port: Int = 0, oaID: String = "4300000000000000001", appID: String = "2900000000000000001",
                secretKey: String = "fake-zalo-secret", accessToken: String = "fake-zalo-access-1",
                refreshToken: String = "fake-zalo-refresh-1") throws {
        self.oaID = oaID
        self.appID = appID
        self.secretKey = secretKey
        self.access = accessToken
        self.refresh = refreshToken
        let made = try LoopbackHTTPServer(port: port) { [weak self] request in
            self?.route(request) ?? .drop
        }
        lock.withLock { server = made }
    }

    deinit {
        listening?.stop()
    }

    public var port: Int { listening?.port ?? 0 }
    /// What to configure as the channel's base URL (the fake also renews tokens there).
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The access token it accepts now.
    public var accessToken: String { lock.withLock { access } }
    /// The refresh token that works now (once).
    public var refreshToken: String { lock.withLock { refresh } }
    /// Token pairs handed out by renewal.
    public var renewals: Int { lock.withLock { renewalCount } }
    /// Requests to renew, whatever became of them (one hanging counts).
    public var renewalRequestCount: Int { lock.withLock { renewalRequests } }
    /// Every article created, in order.
    public var articles: [Article] { lock.withLock { created } }
    /// Requests to create an article, whatever became of them.
    public var createRequestCount: Int { lock.withLock { createRequests } }

    /// How many articles with this title were created.
    public func acceptedCount(title: String) -> Int {
        lock.withLock { created.filter { $0.title == title }.count }
    }

    /// The access token answers -216 from now on, until renewed.
    public func expireToken() {
        lock.withLock { accessExpired = true }
    }

    /// Each article created from now on answers "processing" to its first `count` verifications.
    public func answerProcessing(_ count: Int) {
        lock.withLock { verifyPendingAnswers = max(0, count) }
    }

    /// Resets every connection whose request hangs.
    public func releaseHanging() {
        listening?.releaseHanging()
    }

    public func stop() {
        listening?.stop()
    }

    private func route(_ request: FakeRequest) -> FakeReaction {
        switch (request.method, request.path) {
        case (_, FakeControlCommand.path):
            return .respond(FakeControlCommand.answer(
                request, faults: faults, server: { listening }, expireToken: expireToken, verifyPending: answerProcessing,
                summary: { ["accepted": articles.count, "createRequests": createRequestCount, "renewals": renewals] }))
        case ("POST", "/v3.0/oa/article/create"):
            return createArticle(request)
        case ("POST", "/v3.0/oa/article/verify"):
            return .respond(verifyArticle(request))
        case ("POST", "/v4/oa/access_token"):
            lock.withLock { renewalRequests += 1 }
            switch renewalFaults.next()?.kind {
            case .hang?: return .hang
            case .dropBeforeAccepting?: return .drop
            default: return .respond(renewTokens(request))
            }
        default:
            return .respond(.json(404, ["error": -404, "message": "Unknown API \(request.method) \(request.path)"]))
        }
    }

    private func createArticle(_ request: FakeRequest) -> FakeReaction {
        lock.withLock { createRequests += 1 }
        let fault = faults.next()
        switch fault?.kind {
        case .error?:
            if let fault {
                return .respond(Self.answer(fault.code, fault.message ?? "An injected failure", status: fault.status, headers: fault.headers))
            }
        case .hang?:
            return .hang
        case .dropBeforeAccepting?:
            return .drop
        case .dropAfterAccepting?, nil:
            break
        }
        if let refusal = tokenRefusal(request) { return .respond(refusal) }
        let article: Article
        switch Self.readArticle(request.json) {
        case .failure(let problem): return .respond(Self.answer(-201, "Parameter is invalid: \(problem.reason)"))
        case .success(let read): article = read
        }
        let token: String = lock.withLock {
            var article = article
            article.id = String(format: "%032x", 0xA71C_1E00 + created.count + 1)
            created.append(article)
            let token = "fake-article-token-\(created.count)"
            pending[token] = (created.count - 1, verifyPendingAnswers)
            return token
        }
        return fault?.kind == .dropAfterAccepting ? .drop : .respond(Self.answer(0, "Success", data: ["token": token]))
    }

    private struct Problem: Error {
        var reason: String
    }

    /// The article as Zalo takes it: type "normal", a title of 1–150 characters, a description
    /// of at most 300, a photo cover, a body of at least one item, status show or hide.
    private static func readArticle(_ json: [String: Any]?) -> Result<Article, Problem> {
        guard let json else { return .failure(Problem(reason: "the body is not a JSON object")) }
        guard json["type"] as? String == "normal" else { return .failure(Problem(reason: "type must be normal")) }
        guard let title = json["title"] as? String, !title.isEmpty else { return .failure(Problem(reason: "title is required")) }
        guard characters(title) <= 150 else { return .failure(Problem(reason: "title is longer than 150 characters")) }
        let description = json["description"] as? String ?? ""
        guard characters(description) <= 300 else { return .failure(Problem(reason: "description is longer than 300 characters")) }
        guard let cover = json["cover"] as? [String: Any], cover["cover_type"] as? String == "photo",
              let photo = cover["photo_url"] as? String, !photo.isEmpty else {
            return .failure(Problem(reason: "cover photo_url is required"))
        }
        guard let body = json["body"] as? [Any], !body.isEmpty else { return .failure(Problem(reason: "body is required")) }
        guard ["show", "hide"].contains(json["status"] as? String ?? "") else {
            return .failure(Problem(reason: "status must be show or hide"))
        }
        return .success(Article(id: "", title: title, description: description, coverURL: photo))
    }

    private static func characters(_ text: String) -> Int {
        text.precomposedStringWithCanonicalMapping.unicodeScalars.count
    }

    private func verifyArticle(_ request: FakeRequest) -> FakeResponse {
        if let refusal = tokenRefusal(request) { return refusal }
        guard let token = request.json?["token"] as? String else { return Self.answer(-201, "Parameter is invalid: token") }
        let state: (id: String, processing: Bool)? = lock.withLock {
            guard let entry = pending[token] else { return nil }
            if entry.remaining > 0 {
                pending[token] = (entry.index, entry.remaining - 1)
                return (created[entry.index].id, true)
            }
            return (created[entry.index].id, false)
        }
        guard let state else { return Self.answer(-201, "Parameter is invalid: unknown token") }
        if state.processing { return Self.answer(Self.processingCode, "The article is being processed") }
        return Self.answer(0, "Success", data: ["id": state.id, "url": "\(baseURL)/articles/\(state.id)"])
    }

    /// Renewal: header `secret_key`, form `app_id`, `grant_type=refresh_token`, `refresh_token`.
    private func renewTokens(_ request: FakeRequest) -> FakeResponse {
        let form = request.form
        guard request.headers["secret_key"] == secretKey else {
            return Self.oauthError(-14003, "Invalid secret key")
        }
        guard form["app_id"] == appID else { return Self.oauthError(-14002, "Invalid app id") }
        guard form["grant_type"] == "refresh_token" else { return Self.oauthError(-14019, "Invalid grant type") }
        let presented = form["refresh_token"] ?? ""
        let renewed: (String, String)? = lock.withLock {
            guard presented == refresh, !usedRefreshTokens.contains(presented) else { return nil }
            usedRefreshTokens.insert(presented)
            renewalCount += 1
            access = "fake-zalo-access-\(renewalCount + 1)"
            refresh = "fake-zalo-refresh-\(renewalCount + 1)"
            accessExpired = false
            return (access, refresh)
        }
        guard let (newAccess, newRefresh) = renewed else {
            return Self.oauthError(-14020, "Invalid refresh token: it was used already or never issued")
        }
        return .json(200, ["access_token": newAccess, "refresh_token": newRefresh, "expires_in": "90000"])
    }

    private func tokenRefusal(_ request: FakeRequest) -> FakeResponse? {
        let (valid, expired) = lock.withLock { (access, accessExpired) }
        guard let presented = request.headers["access_token"], presented == valid, !expired else {
            return Self.answer(-216, "Access token is invalid")
        }
        return nil
    }

    private static func answer(_ error: Int, _ message: String, data: [String: Any]? = nil, status: Int = 200,
                               headers: [String: String] = [:]) -> FakeResponse {
        var body: [String: Any] = ["error": error, "message": message]
        if let data { body["data"] = data }
        return .json(status, body, headers: headers)
    }

    private static func oauthError(_ code: Int, _ reason: String) -> FakeResponse {
        .json(200, ["error": code, "error_name": "Invalid parameter", "error_reason": reason, "error_description": reason])
    }
}

extension FakeFault {
    /// Zalo's answer `{"error": code}` with HTTP `status` (200, as Zalo answers errors).
    public static func zalo(code: Int, status: Int = 200, message: String? = nil, headers: [String: String] = [:]) -> FakeFault {
        .error(status: status, code: code, message: message ?? "Error \(code) injected by the fake", headers: headers)
    }

    /// Zalo's rate-limit answer (-32), HTTP 200, with `Retry-After` when given.
    public static func zaloRateLimit(retryAfterSeconds: Int? = nil) -> FakeFault {
        zalo(code: -32, message: "Request exceeded the rate limit",
             headers: retryAfterSeconds.map { ["Retry-After": String($0)] } ?? [:])
    }
}
