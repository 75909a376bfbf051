import Foundation
import NewsroomKit
import SQLKit
import VietText

/// Users, their grants and their tokens.
extension Store {
    public struct UserExists: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "a user named '\(name)' already exists" }
    }

    public struct UnknownSite: Error, CustomStringConvertible {
        public var code: String
        public var known: [String]
        public var description: String { "unknown site '\(code)'; known: \(known.joined(separator: ", "))" }
    }

    /// Creates a user with `grants` and returns a fresh API token for them.
    public func addUser(name: String, displayName: String, grants: [Grant], tokenLifetime: TimeInterval = Store.apiTokenLifetime,
                        now: Date = Date()) async throws -> String {
        let name = Normalization.nfc(name)
        try await checkSites(grants)
        return try await transaction {
            if try await sql.raw("SELECT id FROM users WHERE name = \(bind: name)").first() != nil {
                throw UserExists(name: name)
            }
            let row = try await sql.raw("""
                INSERT INTO users (name, display_name, created_at)
                VALUES (\(bind: name), \(bind: Normalization.nfc(displayName)), \(bind: Store.millis(now))) RETURNING id
                """).first()
            let id = try row!.decode(column: "id", as: Int64.self)
            for grant in grants {
                try await sql.raw("INSERT INTO grants (user_id, role, site_code) VALUES (\(bind: id), \(bind: grant.role.rawValue), \(bind: grant.site))").run()
            }
            return try await issueToken(userID: id, label: "api", expires: now.addingTimeInterval(tokenLifetime), now: now)
        }
    }

    /// The user a token belongs to; nil for unknown, expired or revoked tokens.
    public func principal(forToken token: String, now: Date = Date()) async throws -> Principal? {
        guard let row = try await sql.raw("""
            SELECT u.id, u.name, u.display_name FROM tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: AccessToken.hash(token)) AND t.revoked_at IS NULL
            AND (t.expires_at IS NULL OR t.expires_at > \(bind: Store.millis(now)))
            """).first() else { return nil }
        let id = try row.decode(column: "id", as: Int64.self)
        return Principal(userID: id, name: try row.decode(column: "name", as: String.self),
                         displayName: try row.decode(column: "display_name", as: String.self), grants: try await grants(userID: id))
    }
}
