import Foundation

/// Where a portal keeps its data, as given to `--db`.
public enum DatabaseLocation: Sendable, Hashable {
    case sqlite(path: String)

    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Parses `sqlite:PATH`; `postgres://…` is recognised but not built yet.
    public init(_ text: String) throws {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw Invalid(description: "sqlite: needs a file path, e.g. sqlite:/var/lib/bientap/portal.sqlite") }
            self = .sqlite(path: (path as NSString).expandingTildeInPath)
            return
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            throw Invalid(description: "PostgreSQL support is not built yet (issue 4); use sqlite:PATH")
        }
        throw Invalid(description: "unknown database '\(text)'; use sqlite:PATH")
    }

    /// `sqlite:$XDG_DATA_HOME/bientap/portal.sqlite` (or under ~/.local/share).
    public static func defaultLocation(environment: [String: String]) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return "sqlite:" + base + "/bientap/portal.sqlite"
    }
}
