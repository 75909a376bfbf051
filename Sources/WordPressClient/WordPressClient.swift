import CurlHTTP
import Foundation
import NewsroomKit
import PortalClient
import VietText

/// The desk's `PortalAPI` over a WordPress site's REST API (`/wp-json/wp/v2`), signed in
/// with an Application Password (HTTP Basic). Posts are the submissions: pending is
/// waiting, draft returned, future scheduled, publish published, trash rejected
/// (`WordPressStatus`). A post's revision, for the desk, is its `modified_gmt` in seconds
/// since 1970: a save compares it with the post's before writing, so an edit made
/// meanwhile opens the merge instead of being overwritten. What WordPress has no notion
/// of (royalties, the social queue, the activity report) throws `WordPressUnavailable`.
///
/// Every call blocks the calling thread; one client has one transport, so the desk keeps
/// two (`PortalLanes`). Plain HTTP is accepted only to this machine (loopback), where
/// WordPress itself allows Application Passwords only with `WP_ENVIRONMENT_TYPE` local.
public final class WordPressClient: Sendable {
    public let baseURL: String
    let user: String
    private let authorization: String
    let transport: CurlTransport
    let siteInfo = SiteInfoCache()
    let lists = ListCache.shared
    let opened = OpenedTexts()

    /// `baseURL` is the site's address (`https://so-xd.example.gov.vn`); `user` and
    /// `applicationPassword` an Application Password of that user.
    public init(baseURL: String, user: String, applicationPassword: String, transport: CurlTransport = CurlTransport()) throws {
        var base = baseURL.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        guard Self.isAcceptable(base) else { throw PortalError.invalidPortalURL(baseURL) }
        self.baseURL = base
        self.user = user
        authorization = "Basic " + Data("\(user):\(applicationPassword)".utf8).base64EncodedString()
        self.transport = transport
    }

    /// HTTPS anywhere; plain HTTP only to a loopback address, where nothing crosses a network.
    public static func isAcceptable(_ url: String) -> Bool {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), let host = parsed.host?.lowercased() else {
            return false
        }
        if scheme == "https" { return true }
        return scheme == "http" && (host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127."))
    }

    /// Whether `baseURL` answers as a WordPress REST API (`/wp-json/` names `wp/v2`);
    /// no credentials are sent.
    public static func detect(baseURL: String, transport: CurlTransport = CurlTransport(connectTimeoutSeconds: 5, totalTimeoutSeconds: 10)) -> Bool {
        var base = baseURL.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        guard let response = try? transport.perform(HTTPRequest(url: base + "/wp-json/", headers: [("Accept", "application/json")],
                                                                maximumResponseBytes: 4 << 20)),
              response.status == 200,
              let index = try? JSONDecoder().decode(WPIndex.self, from: response.body) else { return false }
        return index.namespaces?.contains("wp/v2") == true
    }

    // MARK: - Plumbing

    /// `GET` of `path` under `/wp-json/`, decoded; the answer's headers beside it.
    func get<T: Decodable>(_ path: String, query: [(String, String)] = []) throws -> (T, [String: String]) {
        let response = try send("GET", path, query: query)
        return (try decode(T.self, response, path: path), response.headers)
    }

    /// A write to `path` with a JSON body, decoded.
    func write<T: Decodable>(_ method: String, _ path: String, query: [(String, String)] = [], json: [String: Any]) throws -> T {
        let body = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        let response = try send(method, path, query: query, body: body)
        return try decode(T.self, response, path: path)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResponse, path: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw PortalError.malformedResponse(url: baseURL + "/wp-json/" + path, detail: String(describing: error))
        }
    }

    /// The site's 2xx answer; its refusals as `PortalError` (WordPress' `{code, message}`
    /// carried in the API's error shape, so the desk says them as it says ours).
    /// `passing`: refusals answered as they came instead of thrown (a lock someone holds).
    func send(_ method: String, _ path: String, query: [(String, String)] = [], body: Data? = nil,
              passing: Set<Int> = []) throws -> HTTPResponse {
        let url = baseURL + "/wp-json/" + path + QueryString.make(query)
        var headers: [(name: String, value: String)] = [("Accept", "application/json"), ("Authorization", authorization)]
        if body != nil { headers.append(("Content-Type", "application/json; charset=utf-8")) }
        let response: HTTPResponse
        do {
            response = try transport.perform(HTTPRequest(method: method, url: url, headers: headers, body: body,
                                                         atMostOnce: method != "GET", maximumResponseBytes: 64 << 20))
        } catch let error as TransportError {
            throw PortalError.transport(error)
        }
        if method != "GET", (200..<300).contains(response.status) { lists.forget(baseURL + "/") }
        guard (200..<300).contains(response.status) || passing.contains(response.status) else {
            if let refusal = try? JSONDecoder().decode(WPError.self, from: response.body) {
                throw PortalError.api(status: response.status, body: refusal.apiError(status: response.status))
            }
            throw PortalError.http(status: response.status, url: url)
        }
        return response
    }
}
