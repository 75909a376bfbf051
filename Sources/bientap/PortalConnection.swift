import BienTapApp
import Foundation
import PortalClient
import WordPressClient

/// The client of the portal a command works with: bientap-portal's `AdminClient`, or the
/// `WordPressClient` of a WordPress site — named by `--backend`, BIENTAP_BACKEND, config.toml
/// or `bientap login`, or found by asking the site (`/wp-json/`) when the token has the
/// shape of WordPress' credentials (`login:application-password`).
enum PortalConnection {
    /// The backend in force for `portal` and `token`: `auto` settled.
    static func backend(_ configured: PortalBackend, portal: String, token: String) -> PortalBackend {
        guard configured == .auto else { return configured }
        guard PortalBackend.wordPressCredentials(token) != nil else { return .bientap }
        return WordPressClient.detect(baseURL: portal) ? .wordpress : .bientap
    }

    /// One client (one connection).
    static func client(portal: String, token: String, backend: PortalBackend) throws -> any PortalAPI {
        switch backend {
        case .wordpress:
            guard let (user, password) = PortalBackend.wordPressCredentials(token) else { throw WordPressTokenShape() }
            return try WordPressClient(baseURL: portal, user: user, applicationPassword: password)
        case .auto, .bientap:
            return try AdminClient(baseURL: portal, token: token)
        }
    }

    /// The desk's two lanes, each with a client of its own.
    static func lanes(portal: String, token: String, backend: PortalBackend) throws -> PortalLanes {
        PortalLanes(reads: try client(portal: portal, token: token, backend: backend),
                    writes: try client(portal: portal, token: token, backend: backend))
    }

    /// A WordPress token that is not `login:application-password`.
    struct WordPressTokenShape: Error {}
}
