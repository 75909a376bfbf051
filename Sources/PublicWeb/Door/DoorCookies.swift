/// The door's cookies: read from a `Cookie` header, written as `Set-Cookie` values.
///
/// Every cookie is `HttpOnly` (no script reads it; the door has none anyway), `SameSite=Lax`
/// (another site's form posts without it) and scoped to the door's path. It is `Secure`
/// unless the browser reached the portal on a loopback address (localhost, 127.0.0.0/8,
/// [::1]) — plain HTTP on the same machine, as in the demo and the tests, where a `Secure`
/// cookie would not come back. Behind a reverse proxy the browser names the public host,
/// so the cookie is `Secure` there.
public enum DoorCookies {
    /// The value of cookie `name` in a `Cookie` header, if any.
    public static func value(_ name: String, in header: String?) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name else { continue }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// A `Set-Cookie` value; `maxAge` 0 removes the cookie, nil keeps it for the browser's session.
    public static func setCookie(_ name: String, _ value: String, path: String, secure: Bool, maxAge: Int? = nil) -> String {
        var text = "\(name)=\(value); Path=\(path); HttpOnly; SameSite=Lax"
        if secure { text += "; Secure" }
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        return text
    }

    /// Whether the `Host` the browser used is a loopback address, where cookies go without `Secure`.
    public static func isLoopback(host: String?) -> Bool {
        guard var host = host?.lowercased() else { return false }
        if host.hasPrefix("[") {
            // [::1]:8080
            guard let close = host.firstIndex(of: "]") else { return false }
            return host[host.index(after: host.startIndex)..<close] == "::1"
        }
        if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
