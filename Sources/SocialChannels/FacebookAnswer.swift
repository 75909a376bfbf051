import CurlHTTP
import Foundation

/// What the Graph API answered to a post, read as a `SendOutcome`.
enum FacebookAnswer {
    /// Codes the Graph API documents as temporary: 1 unknown error, 2 service down,
    /// 4 application request limit, 17 user request limit, 32 page request limit,
    /// 341 application limit, 613 calls within one hour exceeded, 80001 page rate limit.
    static let transientCodes: Set<Int> = [1, 2, 4, 17, 32, 341, 613, 80001]

    static func outcome(of response: HTTPResponse, now: Date) -> SendOutcome {
        let body = UntrustedJSON.object(response.body)
        if let envelope = body?["error"] as? [String: Any] {
            return failure(envelope, response: response, now: now)
        }
        switch response.status {
        case 200..<300:
            guard let id = UntrustedJSON.identifier(body?["id"]), isPostID(id) else {
                // It answered success: the post may well be out, but bientap cannot tell which.
                return .uncertain(SendFailure(kind: .unreadableAnswer, detail: "HTTP \(response.status) without a post id"))
            }
            return .posted(remoteID: id, link: permalink(id))
        default:
            return HTTPStatusFailures.outcome(status: response.status, code: nil, subcode: nil,
                                              detail: "HTTP \(response.status)", response: response, now: now)
        }
    }

    /// The error envelope `{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}`.
    static func failure(_ envelope: [String: Any], response: HTTPResponse, now: Date) -> SendOutcome {
        let code = UntrustedJSON.int(envelope["code"])
        let subcode = UntrustedJSON.int(envelope["error_subcode"])
        var words = [envelope["message"] as? String, (envelope["type"] as? String).map { "(\($0))" }]
            .compactMap { $0 }.joined(separator: " ")
        if let trace = envelope["fbtrace_id"] as? String { words += " fbtrace_id \(trace)" }
        let detail = UntrustedText.line(words.isEmpty ? "HTTP \(response.status)" : words)
        func failure(_ kind: SendFailure.Kind) -> SendFailure {
            SendFailure(kind: kind, code: code, subcode: subcode, detail: detail)
        }
        let wait = RateLimitHeaders.wait(in: response.headers, now: now)
        switch code {
        case let code? where transientCodes.contains(code):
            return .transient(failure(code <= 2 ? .serverError : .rateLimited), retryAfter: wait)
        case 190?, 102?:
            return .permanent(failure(.expiredToken))
        case let code? where code == 10 || (200...299).contains(code):
            return .permanent(failure(.permission))
        case 368?:
            return .permanent(failure(.blocked))
        case 506?:
            return .permanent(failure(.duplicate))
        case 100?:
            return .permanent(failure(.invalidPost))
        default:
            if envelope["is_transient"] as? Bool == true, !(200..<300).contains(response.status) {
                return .transient(failure(response.status == 429 ? .rateLimited : .serverError), retryAfter: wait)
            }
            return HTTPStatusFailures.outcome(status: response.status, code: code, subcode: subcode,
                                              detail: detail, response: response, now: now)
        }
    }

    /// Graph API post ids are `PAGEID_POSTID`, digits; anything else is not trusted as one.
    static func isPostID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 100 && id.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "_") }
    }

    static func permalink(_ id: String) -> String {
        let parts = id.split(separator: "_", maxSplits: 1)
        guard parts.count == 2 else { return "https://www.facebook.com/\(id)" }
        return "https://www.facebook.com/\(parts[0])/posts/\(parts[1])"
    }
}

/// An HTTP answer no network-specific code explains, read by its status alone.
enum HTTPStatusFailures {
    static func outcome(status: Int, code: Int?, subcode: Int?, detail: String,
                        response: HTTPResponse, now: Date) -> SendOutcome {
        let wait = RateLimitHeaders.wait(in: response.headers, now: now)
        switch status {
        case 429:
            return .transient(SendFailure(kind: .rateLimited, code: code, subcode: subcode, detail: detail), retryAfter: wait)
        case 500..<600:
            return .transient(SendFailure(kind: .serverError, code: code, subcode: subcode, detail: detail), retryAfter: wait)
        case 400..<500:
            return .permanent(SendFailure(kind: code == nil ? .unreadableAnswer : .other, code: code, subcode: subcode, detail: detail))
        default:
            // A success or a redirect with an error in it, or a status that means nothing here:
            // whether it posted is unknown.
            return .uncertain(SendFailure(kind: .unreadableAnswer, code: code, subcode: subcode, detail: detail))
        }
    }
}
