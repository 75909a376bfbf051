import Foundation

/// A request a fake read off its socket.
public struct FakeRequest: Sendable {
    public var method: String
    /// The path without the query.
    public var path: String
    /// The query's fields, percent-decoded.
    public var query: [String: String]
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data

    /// The body's fields when it is `application/x-www-form-urlencoded`.
    public var form: [String: String] {
        FormFields.decode(String(decoding: body, as: UTF8.self))
    }

    /// The body as a JSON object, when it is one.
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }
}

/// What a fake does with a request.
public enum FakeReaction: Sendable {
    case respond(FakeResponse)
    /// Closes the connection abruptly (a reset), without answering.
    case drop
    /// Never answers; the connection is reset when the fake is told to release it or stops.
    case hang
}

/// An answer from a fake.
public struct FakeResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer; values are what JSONSerialization takes.
    public static func json(_ status: Int, _ object: Any, headers: [String: String] = [:]) -> FakeResponse {
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        var headers = headers
        headers["Content-Type"] = "application/json; charset=UTF-8"
        return FakeResponse(status: status, headers: headers, body: body)
    }
}

/// `application/x-www-form-urlencoded` and query strings, read.
enum FormFields {
    static func decode(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = unescape(parts[0])
            fields[name] = parts.count > 1 ? unescape(parts[1]) : ""
        }
        return fields
    }

    private static func unescape(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }
}
