import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NewsroomKit
import PublicWeb
import VietText

/// One request to the contributors' door: its language, its cookies, who is signed in,
/// and the CSRF token its forms carry.
///
/// The session is a sign-in token of the portal's own (the `tokens` table, as the API's
/// sign-in issues): its cookie holds the token, the database only its hash, so signing out
/// or `user revoke --all` ends it, and every sign-in starts a new one (no fixation). The
/// CSRF token is a digest of two cookies no other site can read or set for this path —
/// the form cookie, a random value given on the first page, and the session — so a form is
/// good for its session only; a session that runs out leaves the form cookie, which lets
/// a form typed meanwhile come back with its text and a sign-in box.
struct DoorVisit: Sendable {
    static let sessionCookie = "bientap_door"
    static let formCookie = "bientap_door_form"
    /// How long the browser keeps the cookies: longer than a session lives, so a session that
    /// ran out is told apart from a form from elsewhere.
    static let cookieLifetime = 30 * 86_400

    let language: UILanguage
    let words: DoorWords
    /// Whether cookies carry `Secure` (see `DoorCookies`).
    let secure: Bool
    var sessionToken: String?
    let formSecret: String
    /// A new form cookie to set: the browser had none.
    let newFormSecret: Bool
    /// The signed-in user, when the session is alive.
    var principal: Principal?

    init(_ request: Request, store: Store) async throws {
        language = BrowserLanguage.of(acceptLanguage: request.headers[.acceptLanguage])
        words = DoorWords.of(language)
        secure = !DoorCookies.isLoopback(host: request.head.authority)
        let cookies = request.headers[values: .cookie].joined(separator: "; ")
        let session = DoorCookies.value(Self.sessionCookie, in: cookies).flatMap(Self.plausible)
        sessionToken = session
        if let secret = DoorCookies.value(Self.formCookie, in: cookies).flatMap(Self.plausible) {
            formSecret = secret
            newFormSecret = false
        } else {
            formSecret = AccessToken.generate()
            newFormSecret = true
        }
        principal = try await session.asyncFlatMap { try await store.principal(forToken: $0) }
    }

    /// A cookie value that could be one of ours: the token alphabet, a sane length.
    private static func plausible(_ value: String) -> String? {
        guard (20...100).contains(value.utf8.count),
              value.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) })
        else { return nil }
        return value
    }

    /// The token the forms of this page carry.
    var csrf: String { Self.csrf(formSecret: formSecret, session: sessionToken) }

    static func csrf(formSecret: String, session: String?) -> String {
        Hex.string(SHA256.hash(data: Data("bientap door form|\(formSecret)|\(session ?? "")".utf8)))
    }

    /// Whether a posted form is one of this door's pages, in this browser: its token matches
    /// the cookies (compared in constant time), and the browser does not say it came from
    /// another site.
    func admits(_ form: DoorForm, _ request: Request) -> Bool {
        guard !newFormSecret, Self.sameOrigin(request) else { return false }
        let sent = Array((form["csrf"] ?? "").utf8), expected = Array(csrf.utf8)
        guard sent.count == expected.count else { return false }
        return zip(sent, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// `Sec-Fetch-Site` and `Origin`, when the browser sends them, name this portal.
    static func sameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[secFetchSite], !["same-origin", "none"].contains(site.lowercased()) { return false }
        if let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            guard let parsed = URL(string: origin), let originHost = parsed.host else { return false }
            let originAuthority = parsed.port.map { "\(originHost):\($0)" } ?? originHost
            return originAuthority.lowercased() == host.lowercased()
        }
        return true
    }

    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!

    /// `Set-Cookie` values: the session's (nil: end it) and, when the browser had none, the form cookie.
    func cookies(session: String??) -> [String] {
        var values: [String] = []
        if newFormSecret {
            values.append(DoorCookies.setCookie(Self.formCookie, formSecret, path: DoorAddress.cookiePath, secure: secure, maxAge: Self.cookieLifetime))
        }
        switch session {
        case .some(.some(let token)):
            values.append(DoorCookies.setCookie(Self.sessionCookie, token, path: DoorAddress.cookiePath, secure: secure, maxAge: Self.cookieLifetime))
        case .some(.none):
            values.append(DoorCookies.setCookie(Self.sessionCookie, "", path: DoorAddress.cookiePath, secure: secure, maxAge: 0))
        case .none:
            break
        }
        return values
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
