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

    /// Creates a user with `grants` and returns a fresh token for them.
    public func addUser(name: String, displayName: String, grants: [Grant], now: Date = Date()) async throws -> String {
        let name = Normalization.nfc(name)
        let known = try await sites().map(\.code)
        for grant in grants {
            if let code = grant.site, !known.contains(code) { throw UnknownSite(code: code, known: known) }
        }
        let token = AccessToken.generate()
        try await transaction {
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
            try await sql.raw("""
                INSERT INTO tokens (user_id, token_hash, created_at) VALUES (\(bind: id), \(bind: AccessToken.hash(token)), \(bind: Store.millis(now)))
                """).run()
        }
        return token
    }

    /// The user a token belongs to; nil for unknown or revoked tokens.
    public func principal(forToken token: String) async throws -> Principal? {
        guard let row = try await sql.raw("""
            SELECT u.id, u.name, u.display_name FROM tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: AccessToken.hash(token)) AND t.revoked_at IS NULL
            """).first() else { return nil }
        let id = try row.decode(column: "id", as: Int64.self)
        let grants = try await sql.raw("SELECT role, site_code FROM grants WHERE user_id = \(bind: id) ORDER BY site_code").all().compactMap { row -> Grant? in
            guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { return nil }
            return Grant(role: role, site: try row.decode(column: "site_code", as: String?.self))
        }
        return Principal(userID: id, name: try row.decode(column: "name", as: String.self),
                         displayName: try row.decode(column: "display_name", as: String.self), grants: grants)
    }
}
