import Foundation

/// JSON conventions of the admin API: snake_case keys, RFC 3339 UTC dates.
public enum WireFormat {
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        d.dateDecodingStrategy = .iso8601
        return d
    }
}

/// Paths of the admin API, shared by server routes and client.
public enum APIPath {
    public static let health = "/healthz"
    public static let ready = "/readyz"
    public static let me = "/api/v1/me"
    public static let signIn = "/api/v1/sign-in"
    public static let signOut = "/api/v1/sign-out"
    public static let sites = "/api/v1/sites"
    public static let submissions = "/api/v1/submissions"
    public static func submission(_ id: Int64) -> String { "\(submissions)/\(id)" }
    public static func revisions(_ id: Int64) -> String { "\(submissions)/\(id)/revisions" }
    public static func transitions(_ id: Int64) -> String { "\(submissions)/\(id)/transitions" }
    public static func events(_ id: Int64) -> String { "\(submissions)/\(id)/events" }
    public static func lease(_ id: Int64) -> String { "\(submissions)/\(id)/lease" }
    public static func revision(_ number: Int, of id: Int64) -> String { "\(submissions)/\(id)/revisions/\(number)" }
}
