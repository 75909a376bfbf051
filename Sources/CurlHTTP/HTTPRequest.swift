import Foundation

/// An HTTP request as bientap sends it (to a portal, or to a social network).
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: Data?
    /// The request must reach the server at most once. libcurl silently sends a request
    /// again on a new connection when a reused one turns out dead before any answer, which
    /// could act twice on a request the server did read; such a request gets a connection
    /// of its own, closed after it.
    public var atMostOnce: Bool
    /// Answers with a longer body fail (`TransportError`, libcurl's WRITE_ERROR) instead of
    /// filling memory; nil for no limit.
    public var maximumResponseBytes: Int?

    public init(method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: Data? = nil,
                atMostOnce: Bool = false, maximumResponseBytes: Int? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.atMostOnce = atMostOnce
        self.maximumResponseBytes = maximumResponseBytes
    }
}

/// An HTTP response: status, headers (names lower-cased) and body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
