import CurlHTTP
import Foundation

/// Zalo's answer body `{"error": N, "message": "…", "data": {…}}`: only `error` 0 is a
/// success, whatever the HTTP status says.
struct ZaloAnswer {
    /// Zalo's expired or invalid access token.
    static let expiredToken = -216
    /// The feature is not in the OA's service package.
    static let notInPackage = -224
    /// Answers that only ask to wait: -32, requests beyond the app's rate limit; -211, the
    /// OA's quota for the API is used up for now ("out of quota").
    static let rateLimitCodes: Set<Int> = [-32, -211]
    /// -201 a parameter is invalid, -210 a parameter is beyond its limit: the post itself is refused.
    static let invalidPostCodes: Set<Int> = [-201, -210]

    var error: Int
    var message: String
    var data: [String: Any]?

    /// Nil when the body has no integer `error` (not one of Zalo's answers).
    init?(_ response: HTTPResponse) {
        guard let body = UntrustedJSON.object(response.body), let error = UntrustedJSON.int(body["error"]) else { return nil }
        self.error = error
        self.message = UntrustedText.line(body["message"] as? String ?? "")
        self.data = body["data"] as? [String: Any]
    }

    /// How a non-zero `error` ends a send (other than -216, which the connector renews on).
    func outcome(_ response: HTTPResponse, now: Date) -> SendOutcome {
        let failure = { (kind: SendFailure.Kind) in SendFailure(kind: kind, code: error, detail: message) }
        switch error {
        case let code where Self.rateLimitCodes.contains(code):
            return .transient(failure(.rateLimited), retryAfter: RateLimitHeaders.wait(in: response.headers, now: now))
        case Self.expiredToken:
            return .permanent(failure(.expiredToken))
        case Self.notInPackage:
            return .permanent(failure(.permission))
        case let code where Self.invalidPostCodes.contains(code):
            return .permanent(failure(.invalidPost))
        default:
            if response.status == 429 || (500..<600).contains(response.status) {
                return .transient(failure(response.status == 429 ? .rateLimited : .serverError),
                                  retryAfter: RateLimitHeaders.wait(in: response.headers, now: now))
            }
            // Other codes stop with Zalo's own words: sending the same request again would
            // only meet the same refusal.
            return .permanent(failure(.other))
        }
    }
}
