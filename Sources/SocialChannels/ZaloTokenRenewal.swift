import CurlHTTP
import Foundation

/// Renews a Zalo OA access token with its refresh token, which Zalo honours once (a reused
/// one answers -14020). Renewal therefore happens only inside `CredentialVault.renew`,
/// which excludes every other renewal and stores the new pair before anyone uses it.
struct ZaloTokenRenewal: Sendable {
    let vault: any CredentialVault
    let http: SocialHTTP
    /// A token this close to its expiry is renewed before use.
    let margin: Duration
    let now: @Sendable () -> Date

    func isExpiring(_ credentials: ChannelCredentials) -> Bool {
        guard let expiry = credentials.accessTokenExpiresAt else { return false }
        return expiry.timeIntervalSince(now()) <= Double(margin.components.seconds)
    }

    func isExpired(_ credentials: ChannelCredentials) -> Bool {
        guard let expiry = credentials.accessTokenExpiresAt else { return false }
        return expiry <= now()
    }

    /// Credentials whose access token is not `stale`: another process's renewal if one
    /// happened meanwhile, else a new pair from Zalo.
    func renew(replacing stale: String) async -> Result<ChannelCredentials, SendStop> {
        do {
            let renewed = try await vault.renew(.zalo) { stored in
                if stored.accessToken != stale, !isExpiring(stored) { return stored }
                return try await refresh(stored)
            }
            return .success(renewed)
        } catch let stop as SendStop {
            return .failure(stop)
        } catch {
            return .failure(SendStop(.transient(SendFailure(kind: .other, detail: UntrustedText.line("renewing the token: \(error)")),
                                                retryAfter: nil)))
        }
    }

    /// `POST {oauth}/v4/oa/access_token`, form-encoded, the app's secret in `secret_key`.
    private func refresh(_ stored: ChannelCredentials) async throws -> ChannelCredentials {
        guard let refreshToken = stored.refreshToken, !refreshToken.isEmpty,
              let appID = stored.appID, let secret = stored.appSecret else {
            throw SendStop(.permanent(SendFailure(kind: .expiredToken, detail: "no refresh token, app id or secret stored")))
        }
        let base = FormEncoding.trimmed(stored.authBaseURL ?? stored.baseURL)
        let request = HTTPRequest(
            method: "POST", url: base + "/v4/oa/access_token",
            headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded"), (name: "secret_key", value: secret)],
            body: FormEncoding.body([("refresh_token", refreshToken), ("app_id", appID), ("grant_type", "refresh_token")]),
            atMostOnce: true)
        let response: HTTPResponse
        switch await http.perform(request) {
        case .success(let answer):
            response = answer
        case .failure(let error):
            // Nothing was posted, so the post may be sent again; should Zalo have used up the
            // refresh token meanwhile, the next attempt learns it (-14020) and stops.
            let failure = SendFailure(kind: error.requestSent ? .connectionDropped : .unreachable,
                                      detail: UntrustedText.line("renewing the token: \(error.message)"))
            throw SendStop(.transient(failure, retryAfter: nil))
        }
        let body = UntrustedJSON.object(response.body)
        if let access = body?["access_token"] as? String, !access.isEmpty,
           let refresh = body?["refresh_token"] as? String, !refresh.isEmpty {
            var renewed = stored
            renewed.accessToken = access
            renewed.refreshToken = refresh
            // Zalo sends expires_in as a string of seconds (25 hours); an odd value is kept within reason.
            let seconds = min(max(UntrustedJSON.int(body?["expires_in"]) ?? 90_000, 60), 30 * 86_400)
            renewed.accessTokenExpiresAt = now().addingTimeInterval(TimeInterval(seconds))
            return renewed
        }
        let code = UntrustedJSON.int(body?["error"])
        let words = ["error_name", "error_reason", "error_description", "message"]
            .compactMap { body?[$0] as? String }.filter { !$0.isEmpty }.joined(separator: ": ")
        let said = [code.map { "error \($0)" }, words.isEmpty ? "HTTP \(response.status)" : words].compactMap { $0 }
        let detail = UntrustedText.line("renewing the token: " + said.joined(separator: ": "))
        if code == nil, response.status == 429 || (500..<600).contains(response.status) {
            throw SendStop(.transient(SendFailure(kind: response.status == 429 ? .rateLimited : .serverError, detail: detail),
                                      retryAfter: RateLimitHeaders.wait(in: response.headers, now: now())))
        }
        throw SendStop(.permanent(SendFailure(kind: .expiredToken, code: code, detail: detail)))
    }
}
