import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NewsroomKit

/// A browser as the door sees one, over the test client: it keeps the cookies the portal
/// sets, reads the CSRF token and form key off the last page, and sends forms as browsers
/// do (URL-encoded, or multipart with files). Headers other than cookies are the test's.
final class DoorBrowser {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    /// The last page's HTML.
    private(set) var page = ""
    var language: String?

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    struct Answer {
        var status: HTTPResponse.Status
        var html: String
        var headers: HTTPFields
        var location: String? { headers[.location] }
        var setCookies: [String] { headers[values: .setCookie] }
    }

    /// The value of hidden field `name` on the last page.
    func hidden(_ name: String) -> String {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return "" }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    func setCookie(_ name: String, _ value: String) {
        cookies[name] = value
    }

    func forget(_ name: String) {
        cookies[name] = nil
    }

    @discardableResult
    func get(_ path: String, headers extra: [HTTPField.Name: String] = [:]) async throws -> Answer {
        try await send(.get, path, body: nil, contentType: nil, headers: extra)
    }

    /// A URL-encoded form; `csrf` is the last page's unless given.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: String? = nil, headers extra: [HTTPField.Name: String] = [:]) async throws -> Answer {
        let all = [("csrf", csrf ?? hidden("csrf"))] + fields
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return try await send(.post, path, body: Data(body.utf8), contentType: "application/x-www-form-urlencoded", headers: extra)
    }

    /// A multipart form with `files` (field, filename, bytes); `csrf` is the last page's unless given.
    @discardableResult
    func postMultipart(_ path: String, _ fields: [(String, String)], files: [(String, String, Data)] = [], csrf: String? = nil,
                       headers extra: [HTTPField.Name: String] = [:]) async throws -> Answer {
        let boundary = "----door-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in [("csrf", csrf ?? hidden("csrf"))] + fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for (name, filename, data) in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await send(.post, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)", headers: extra)
    }

    private func send(_ method: HTTPRequest.Method, _ path: String, body: Data?, contentType: String?,
                      headers extra: [HTTPField.Name: String]) async throws -> Answer {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let contentType { headers[.contentType] = contentType }
        if let language { headers[.acceptLanguage] = language }
        for (name, value) in extra { headers[name] = value }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
        for cookie in response.headers[values: .setCookie] {
            let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            if cookie.contains("Max-Age=0") { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
        }
        let answer = Answer(status: response.status, html: String(buffer: response.body), headers: response.headers)
        if !answer.html.isEmpty { page = answer.html }
        return answer
    }
}
