import CurlHTTP
import Foundation
import NewsroomKit

/// Publishes an article on a Zalo Official Account: `article/create` answers a token, then
/// `article/verify` with that token yields the article's id once Zalo has processed it.
public struct ZaloOAConnector: SocialConnector {
    public static let defaultBaseURL = "https://openapi.zalo.me"
    public static let defaultAuthBaseURL = "https://oauth.zaloapp.com"

    public let channel: SocialChannel = .zalo
    private let vault: any CredentialVault
    private let http: SocialHTTP
    private let renewal: ZaloTokenRenewal
    private let verifyAttempts: Int
    private let verifyDelay: Duration
    private let clock: any WallClock

    /// `verifyAttempts` verifications, each after `verifyDelay` (waited on `clock`, which tests
    /// move); the access token is renewed when it expires within `renewBefore` by `clock`.
    public init(vault: any CredentialVault, timeouts: ConnectorTimeouts = ConnectorTimeouts(),
                verifyAttempts: Int = 6, verifyDelay: Duration = .seconds(5), renewBefore: Duration = .seconds(300),
                clock: any WallClock = SystemClock()) {
        self.vault = vault
        self.http = SocialHTTP(timeouts: timeouts)
        self.renewal = ZaloTokenRenewal(vault: vault, http: http, margin: renewBefore, now: { clock.now() })
        self.verifyAttempts = max(1, verifyAttempts)
        self.verifyDelay = verifyDelay
        self.clock = clock
    }

    public func send(_ post: OutgoingPost) async -> SendOutcome {
        var credentials: ChannelCredentials
        switch await StoredCredentials.read(.zalo, from: vault) {
        case .success(let stored): credentials = stored
        case .failure(let stop): return stop.outcome
        }
        let problems = ZaloLimits.problems(title: post.title, description: post.message, coverURL: post.coverURL)
        guard problems.isEmpty else {
            return .permanent(SendFailure(kind: .invalidPost, detail: problems.map { "\($0)" }.joined(separator: ", ")))
        }
        if renewal.isExpiring(credentials) {
            switch await renewal.renew(replacing: credentials.accessToken) {
            case .success(let renewed):
                credentials = renewed
            case .failure(let stop):
                // A token about to expire still works; one that has expired cannot be tried.
                if renewal.isExpired(credentials) { return stop.outcome }
            }
        }
        switch await create(post, credentials) {
        case .created(let token):
            return await verify(token, credentials)
        case .finished(let outcome):
            return outcome
        case .tokenExpired(let expired):
            // Zalo refused the token before creating anything: renew once and send once more.
            let renewed: ChannelCredentials
            switch await renewal.renew(replacing: credentials.accessToken) {
            case .success(let fresh):
                renewed = fresh
            case .failure(let stop):
                if case .transient = stop.outcome { return stop.outcome }
                var failure = expired
                if case .permanent(let why) = stop.outcome { failure.detail = UntrustedText.line("\(expired.detail); \(why.detail)") }
                return .permanent(failure)
            }
            switch await create(post, renewed) {
            case .created(let token): return await verify(token, renewed)
            case .finished(let outcome): return outcome
            case .tokenExpired(let again): return .permanent(again)
            }
        }
    }

    /// Zalo reports no engagement for OA articles through the API bientap uses.
    public func engagement(remoteID: String) async throws -> Engagement? {
        nil
    }

    private enum Creation {
        case created(token: String)
        case tokenExpired(SendFailure)
        case finished(SendOutcome)
    }

    /// `POST /v3.0/oa/article/create`.
    private func create(_ post: OutgoingPost, _ credentials: ChannelCredentials) async -> Creation {
        var body: [[String: String]] = [["type": "text", "content": post.message]]
        if !post.link.isEmpty { body.append(["type": "text", "content": post.link]) }
        let article: [String: Any] = [
            "type": "normal",
            "title": post.title,
            "description": post.message,
            "cover": ["cover_type": "photo", "photo_url": post.coverURL ?? "", "status": "show"],
            "body": body,
            "status": "show",
            "comment": "show",
        ]
        guard let json = try? JSONSerialization.data(withJSONObject: article, options: [.withoutEscapingSlashes]) else {
            return .finished(.permanent(SendFailure(kind: .invalidPost, detail: "the article cannot be written as JSON")))
        }
        let response: HTTPResponse
        switch await http.perform(request("article/create", json: json, credentials, atMostOnce: true)) {
        case .success(let answer): response = answer
        case .failure(let error): return .finished(TransportFailures.outcome(error))
        }
        guard let answer = ZaloAnswer(response) else {
            return .finished(HTTPStatusFailures.outcome(status: response.status, code: nil, subcode: nil,
                                                        detail: "HTTP \(response.status) without Zalo's answer",
                                                        response: response, now: clock.now()))
        }
        switch answer.error {
        case 0:
            guard let token = UntrustedJSON.identifier(answer.data?["token"]), !token.isEmpty else {
                return .finished(.uncertain(SendFailure(kind: .unreadableAnswer, code: 0, detail: "created without a token")))
            }
            return .created(token: token)
        case ZaloAnswer.expiredToken:
            return .tokenExpired(SendFailure(kind: .expiredToken, code: answer.error, detail: answer.message))
        default:
            return .finished(answer.outcome(response, now: clock.now()))
        }
    }

    /// `POST /v3.0/oa/article/verify` until it yields the article's id. The article exists
    /// by now, so whatever happens here, it is never created again.
    private func verify(_ token: String, _ credentials: ChannelCredentials) async -> SendOutcome {
        var credentials = credentials
        var renewed = false
        var last = "no answer"
        let json = (try? JSONSerialization.data(withJSONObject: ["token": token])) ?? Data()
        for _ in 0..<verifyAttempts {
            do {
                try await clock.sleep(for: verifyDelay)
            } catch {
                last = "stopped waiting"
                break
            }
            switch await http.perform(request("article/verify", json: json, credentials, atMostOnce: false)) {
            case .failure(let error):
                last = error.message
            case .success(let response):
                guard let answer = ZaloAnswer(response) else {
                    last = "HTTP \(response.status)"
                    continue
                }
                if answer.error == 0, let id = UntrustedJSON.identifier(answer.data?["id"]), !id.isEmpty, id.count <= 100 {
                    let link = (answer.data?["url"] as? String).flatMap { ZaloLimits.isWebAddress($0) ? $0 : nil }
                    return .posted(remoteID: UntrustedText.line(id), link: link)
                }
                last = "\(answer.error) \(answer.message)"
                if answer.error == ZaloAnswer.expiredToken, !renewed {
                    // The token expired while Zalo processed the article: renewing creates nothing.
                    renewed = true
                    if case .success(let fresh) = await renewal.renew(replacing: credentials.accessToken) { credentials = fresh }
                }
            }
        }
        return .uncertain(SendFailure(kind: .timedOut, detail: UntrustedText.line(
            "created (token \(token)) but verification gave no id: \(last)")))
    }

    private func request(_ path: String, json: Data, _ credentials: ChannelCredentials, atMostOnce: Bool) -> HTTPRequest {
        HTTPRequest(method: "POST", url: FormEncoding.trimmed(credentials.baseURL) + "/v3.0/oa/" + path,
                    headers: [(name: "Content-Type", value: "application/json"), (name: "access_token", value: credentials.accessToken)],
                    body: json, atMostOnce: atMostOnce)
    }
}
