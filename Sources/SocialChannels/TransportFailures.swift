import CurlHTTP

/// What a send that got no HTTP answer means for the post.
enum TransportFailures {
    static func outcome(_ error: TransportError) -> SendOutcome {
        let detail = UntrustedText.line(error.message)
        if error.requestSent {
            // The network may have read the request and acted on it: never resent by itself.
            switch error.kind {
            case .timedOut:
                return .uncertain(SendFailure(kind: .timedOut, detail: detail))
            case .other(23):
                // WRITE_ERROR: the answer was longer than anything the network would say.
                return .uncertain(SendFailure(kind: .unreadableAnswer, detail: detail))
            default:
                return .uncertain(SendFailure(kind: .connectionDropped, detail: detail))
            }
        }
        switch error.kind {
        case .unusableURL:
            return .permanent(SendFailure(kind: .notConfigured, detail: detail))
        default:
            // Refused, unresolvable, timed out while connecting, TLS failed: nothing went out.
            return .transient(SendFailure(kind: .unreachable, detail: detail), retryAfter: nil)
        }
    }
}
