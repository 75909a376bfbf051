import CurlHTTP
import Foundation
import NewsroomKit

/// Posts to a Facebook Page through the Graph API: `POST /{version}/{page-id}/feed` with the
/// message and the link, as the page (its page access token).
public struct FacebookPageConnector: SocialConnector {
    public static let defaultBaseURL = "https://graph.facebook.com"
    public static let defaultAPIVersion = "v21.0"

    public let channel: SocialChannel = .facebook
    private let vault: any CredentialVault
    private let apiVersion: String
    private let http: SocialHTTP
    private let clock: any WallClock

    public init(vault: any CredentialVault, apiVersion: String = defaultAPIVersion,
                timeouts: ConnectorTimeouts = ConnectorTimeouts(), clock: any WallClock = SystemClock()) {
        self.vault = vault
        self.apiVersion = apiVersion
        self.http = SocialHTTP(timeouts: timeouts)
        self.clock = clock
    }

    public func send(_ post: OutgoingPost) async -> SendOutcome {
        let credentials: ChannelCredentials
        switch await StoredCredentials.read(.facebook, from: vault) {
        case .success(let stored): credentials = stored
        case .failure(let stop): return stop.outcome
        }
        guard !post.message.isEmpty || !post.link.isEmpty else {
            return .permanent(SendFailure(kind: .invalidPost, detail: "neither a message nor a link"))
        }
        var fields = [("message", post.message)]
        if !post.link.isEmpty { fields.append(("link", post.link)) }
        fields.append(("access_token", credentials.accessToken))
        let request = HTTPRequest(
            method: "POST", url: url(credentials, FormEncoding.escape(credentials.accountID), "feed"),
            headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded")],
            body: FormEncoding.body(fields), atMostOnce: true)
        switch await http.perform(request) {
        case .success(let response): return FacebookAnswer.outcome(of: response, now: clock.now())
        case .failure(let error): return TransportFailures.outcome(error)
        }
    }

    /// Views (impressions), reactions and shares of a post, in one request.
    public func engagement(remoteID: String) async throws -> Engagement? {
        guard FacebookAnswer.isPostID(remoteID) else {
            throw SendFailure(kind: .invalidPost, detail: "not a post id")
        }
        guard case .success(let credentials) = await StoredCredentials.read(.facebook, from: vault) else {
            throw SendFailure(kind: .notConfigured)
        }
        let fields = "shares,reactions.summary(total_count).limit(0),insights.metric(post_impressions)"
        let request = HTTPRequest(
            method: "GET", url: url(credentials, remoteID) + "?fields=" + FormEncoding.escape(fields),
            headers: [(name: "Authorization", value: "Bearer \(credentials.accessToken)")])
        let response: HTTPResponse
        switch await http.perform(request) {
        case .success(let answer): response = answer
        case .failure(let error): throw SendFailure(kind: .unreachable, detail: UntrustedText.line(error.message))
        }
        guard let body = UntrustedJSON.object(response.body), (200..<300).contains(response.status),
              body["error"] == nil else {
            let envelope = UntrustedJSON.object(response.body)?["error"] as? [String: Any] ?? [:]
            switch FacebookAnswer.failure(envelope, response: response, now: clock.now()) {
            case .transient(let failure, _), .permanent(let failure), .uncertain(let failure): throw failure
            case .posted: throw SendFailure(kind: .unreadableAnswer)
            }
        }
        let shares = UntrustedJSON.int((body["shares"] as? [String: Any])?["count"])
        let reactions = UntrustedJSON.int(((body["reactions"] as? [String: Any])?["summary"] as? [String: Any])?["total_count"])
        let metrics = (body["insights"] as? [String: Any])?["data"] as? [Any] ?? []
        let impressions = metrics.lazy.compactMap { $0 as? [String: Any] }
            .first { $0["name"] as? String == "post_impressions" }
            .flatMap { ($0["values"] as? [Any])?.first as? [String: Any] }
            .flatMap { UntrustedJSON.int($0["value"]) }
        return Engagement(views: impressions, reactions: reactions, shares: shares)
    }

    private func url(_ credentials: ChannelCredentials, _ path: String...) -> String {
        ([FormEncoding.trimmed(credentials.baseURL), apiVersion] + path).joined(separator: "/")
    }
}
