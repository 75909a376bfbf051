import Foundation

/// Where a portal keeps its data, as given to `--db`.
public enum DatabaseLocation: Sendable, Hashable {
    case sqlite(path: String)
    /// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…]`, as libpq reads it.
    case postgres(url: String)

    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Parses `sqlite:PATH` and `postgres://…` (or `postgresql://…`).
    public init(_ text: String) throws {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw Invalid(description: "sqlite: needs a file path, e.g. sqlite:/var/lib/bientap/portal.sqlite") }
            self = .sqlite(path: (path as NSString).expandingTildeInPath)
            return
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let url = URL(string: text), url.host != nil, url.user != nil else {
                throw Invalid(description: "'\(text)': a PostgreSQL URL names a user and a host: postgres://USER@HOST:PORT/DATABASE")
            }
            self = .postgres(url: text)
            return
        }
        throw Invalid(description: "unknown database '\(text)'; use sqlite:PATH or postgres://USER@HOST:PORT/DATABASE")
    }

    /// `sqlite:$XDG_DATA_HOME/bientap/portal.sqlite` (or under ~/.local/share).
    public static func defaultLocation(environment: [String: String]) -> String {
        if let configured = environment["BIENTAP_DB"], !configured.isEmpty { return configured }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return "sqlite:" + base + "/bientap/portal.sqlite"
    }
}
