/// Which API the desk speaks to its portal: bientap-portal's own, or a WordPress site's
/// REST API; `auto` asks the site (`/wp-json/`) when the credentials could be WordPress'.
public enum PortalBackend: String, Sendable, CaseIterable {
    case auto
    case bientap
    case wordpress

    /// How often the queue on screen reads itself again when `refresh` is not set: a
    /// WordPress site pays its start-up on every request, so it is asked less often.
    public var defaultRefreshSeconds: Double {
        self == .wordpress ? 60 : 15
    }

    /// A WordPress token is the user's login and an Application Password, `login:password`.
    public static func wordPressCredentials(_ token: String) -> (user: String, password: String)? {
        guard let colon = token.firstIndex(of: ":") else { return nil }
        let user = String(token[..<colon]), password = String(token[token.index(after: colon)...])
        return user.isEmpty || password.isEmpty ? nil : (user, password)
    }
}
