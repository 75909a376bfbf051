import Foundation
import HummingbirdBcrypt
import NewsroomKit
import NIOPosix
import SQLKit
import VietText

/// Users: creating them, passwords, sign-in with its limits and second factor,
/// tokens and their lives, grants.
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
                        now: Date? = nil) async throws -> String {
        let now = now ?? clock.now()
        let name = Normalization.nfc(name)
        try await checkSites(grants)
        return try await transaction {
            if try await sql.raw("SELECT id FROM users WHERE name = \(bind: name)").first() != nil {
                throw UserExists(name: name)
            }
            let id = try await returning("""
                INSERT INTO users (name, display_name, created_at)
                VALUES (\(bind: name), \(bind: Normalization.nfc(displayName)), \(bind: Store.millis(now))) RETURNING id
                """).decode(column: "id", as: Int64.self)
            for grant in grants {
                try await sql.raw("INSERT INTO grants (user_id, role, site_code) VALUES (\(bind: id), \(bind: grant.role.rawValue), \(bind: grant.site))").run()
            }
            return try await issueToken(userID: id, label: "api", expires: now.addingTimeInterval(tokenLifetime), now: now)
        }
    }

    /// The user a token belongs to; nil for unknown, expired or revoked tokens.
    public func principal(forToken token: String, now: Date? = nil) async throws -> Principal? {
        let now = now ?? clock.now()
        return try await principal(forTokenHash: AccessToken.hash(token), now: now)
    }

    /// The same by the token's hash, as `AccessToken.hash` makes it.
    public func principal(forTokenHash hash: String, now: Date? = nil) async throws -> Principal? {
        let now = now ?? clock.now()
        guard let row = try await sql.raw("""
            SELECT u.id, u.name, u.display_name FROM tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL
            AND (t.expires_at IS NULL OR t.expires_at > \(bind: Store.millis(now)))
            """).first() else { return nil }
        let id = try row.decode(column: "id", as: Int64.self)
        return Principal(userID: id, name: try row.decode(column: "name", as: String.self),
                         displayName: try row.decode(column: "display_name", as: String.self), grants: try await grants(userID: id))
    }

    public struct UnknownUser: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "no user named '\(name)'" }
    }

    /// How sign-in is limited: failures counted over `window`; past a number of them, each
    /// next try waits twice as long as the one before, up to a cap, instead of a hard lock
    /// that would let anyone who knows a name lock its owner out.
    public struct SignInLimits: Sendable {
        public var window: TimeInterval = 15 * 60
        /// Failures of one name from one address before its tries wait, up to `pairCap`.
        public var perPair = 5
        public var pairCap: TimeInterval = 15 * 60
        /// Failures of one name from any address (a spread-out guesser) before tries from
        /// addresses its owner has not signed in from lately wait, up to `sharedCap`.
        public var perName = 10
        /// Failures from one address, any name (an office behind one NAT shares it), before its tries wait.
        public var perPeer = 30
        public var sharedCap: TimeInterval = 60
        /// How long a successful sign-in makes its address known for the name.
        public var knownPeerLifetime: TimeInterval = 30 * 86_400
        public init() {}

        /// Seconds until the next try, after `count` failures (the latest at `latest`), `free` of them allowed.
        static func wait(count: Int, latest: Int64?, free: Int, cap: TimeInterval, now: Date) -> TimeInterval {
            guard count >= free, let latest else { return 0 }
            let delay = min(cap, pow(2, Double(min(count - free, 30))))
            return Store.date(latest).addingTimeInterval(delay).timeIntervalSince(now)
        }
    }

    /// How long tokens live.
    public static let signInTokenLifetime: TimeInterval = 12 * 3600
    public static let apiTokenLifetime: TimeInterval = 90 * 86400

    public enum SignInOutcome: Sendable {
        case signedIn(token: String, expiresAt: Date, principal: Principal)
        /// Wrong name or password, or a wrong or reused second-factor code.
        case invalid
        /// Password right; the account needs its authenticator code too.
        case secondFactorRequired
        /// Too many failures lately; try again after this many seconds.
        case throttled(retryAfter: Int)
    }

    /// bcrypt's work factor for new password hashes (each step doubles the time).
    public static let passwordCost: UInt8 = 12
    public static let minimumPasswordLength = 10

    /// bcrypt is slow on purpose: run it on NIO's thread pool, off the event loops.
    static func bcrypt<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive { work() }
    }

    /// A hash verified against when the name is unknown, so both cases take as long.
    private static let decoyHash = Bcrypt.hash("decoy password for unknown names", cost: passwordCost)

    /// Sets a user's password and signs out every session they have.
    public func setPassword(name: String, password: String, cost: UInt8 = Store.passwordCost, now: Date? = nil) async throws {
        let now = now ?? clock.now()
        // Typed on another keyboard, the same Vietnamese password may arrive decomposed.
        let password = Normalization.nfc(password)
        let hash = try await Self.bcrypt { Bcrypt.hash(password, cost: cost) }
        try await transaction {
            let id = try await userID(named: name)
            try await sql.raw("UPDATE users SET password_hash = \(bind: hash) WHERE id = \(bind: id)").run()
            try await sql.raw("UPDATE tokens SET revoked_at = \(bind: Store.millis(now)) WHERE user_id = \(bind: id) AND revoked_at IS NULL").run()
        }
    }

    /// Checks a sign-in and, when it holds, issues a token living `lifetime`. The attempt is
    /// counted as a failure before the password is checked, in one step with reading the
    /// count, so parallel guesses cannot all slip in before the first is recorded; a right
    /// password takes it back.
    public func signIn(name: String, password: String, code: String?, peer: String, limits: SignInLimits = SignInLimits(),
                       lifetime: TimeInterval = Store.signInTokenLifetime, now: Date? = nil) async throws -> SignInOutcome {
        let now = now ?? clock.now()
        let name = Normalization.nfc(name)
        let attempt: Int64
        switch try await countAttempt(name: name, peer: peer, limits: limits, now: now) {
        case .throttled(let seconds): return .throttled(retryAfter: seconds)
        case .counted(let id): attempt = id
        }
        let row = try await sql.raw("""
            SELECT id, display_name, password_hash, totp_secret, totp_last_counter FROM users WHERE name = \(bind: name)
            """).first()
        let stored = try row?.decode(column: "password_hash", as: String?.self)
        let hash = stored ?? Self.decoyHash
        let password = Normalization.nfc(password)
        let matches = try await Self.bcrypt { Bcrypt.verify(password, hash: hash) }
        guard let row, stored != nil, matches else { return .invalid }
        let id = try row.decode(column: "id", as: Int64.self)
        if let secret = try row.decode(column: "totp_secret", as: String?.self).flatMap(Base32.decode) {
            guard let code, !code.isEmpty else {
                try await forgetAttempt(attempt)
                return .secondFactorRequired
            }
            let used = try row.decode(column: "totp_last_counter", as: Int64?.self)
            guard let counter = TOTP(secret: secret).matchingCounter(code, at: now, usedAfter: used) else { return .invalid }
            // Only one sign-in per code: a guard against a code read over a shoulder.
            let claimed = try await transaction { try await sql.raw("""
                UPDATE users SET totp_last_counter = \(bind: counter)
                WHERE id = \(bind: id) AND (totp_last_counter IS NULL OR totp_last_counter < \(bind: counter)) RETURNING id
                """).first() }
            guard claimed != nil else { return .invalid }
        }
        try await transaction {
            // A success clears this address's failures under the name and makes the address known.
            try await sql.raw("DELETE FROM sign_in_failures WHERE name = \(bind: name) AND peer = \(bind: peer)").run()
            try await sql.raw("""
                INSERT INTO sign_in_peers (name, peer, at) VALUES (\(bind: name), \(bind: peer), \(bind: Store.millis(now)))
                ON CONFLICT (name, peer) DO UPDATE SET at = excluded.at
                """).run()
        }
        let expires = now.addingTimeInterval(lifetime)
        let token = try await issueToken(userID: id, label: "sign-in from \(peer)", expires: expires, now: now)
        let principal = Principal(userID: id, name: name, displayName: try row.decode(column: "display_name", as: String.self),
                                  grants: try await grants(userID: id))
        return .signedIn(token: token, expiresAt: expires, principal: principal)
    }

    private enum Attempt {
        case counted(Int64)
        case throttled(Int)
    }

    /// Reads the failures that limit `name` from `peer` and, unless they say wait, records
    /// this attempt as one more: one transaction, serialised on the name and the address.
    private func countAttempt(name: String, peer: String, limits: SignInLimits, now: Date) async throws -> Attempt {
        try await transaction {
            try await serialize(on: "sign-in-name:" + name)
            try await serialize(on: "sign-in-peer:" + peer)
            let since = Store.millis(now.addingTimeInterval(-limits.window))
            func failures(_ condition: SQLQueryString) async throws -> (count: Int, latest: Int64?) {
                let row = try await returning(SQLQueryString("SELECT COUNT(*) AS n, MAX(at) AS latest FROM sign_in_failures WHERE ")
                                              + condition + " AND at > \(bind: since)")
                return (try row.decode(column: "n", as: Int.self), try row.decode(column: "latest", as: Int64?.self))
            }
            let pair = try await failures("name = \(bind: name) AND peer = \(bind: peer)")
            let byName = try await failures("name = \(bind: name)")
            let byPeer = try await failures("peer = \(bind: peer)")
            let known = try await sql.raw("""
                SELECT at FROM sign_in_peers WHERE name = \(bind: name) AND peer = \(bind: peer)
                AND at > \(bind: Store.millis(now.addingTimeInterval(-limits.knownPeerLifetime)))
                """).first() != nil
            let wait = max(SignInLimits.wait(count: pair.count, latest: pair.latest, free: limits.perPair, cap: limits.pairCap, now: now),
                           known ? 0 : SignInLimits.wait(count: byName.count, latest: byName.latest, free: limits.perName,
                                                         cap: limits.sharedCap, now: now),
                           SignInLimits.wait(count: byPeer.count, latest: byPeer.latest, free: limits.perPeer, cap: limits.sharedCap, now: now))
            // Whole seconds for Retry-After; the stored times are milliseconds, so a hair over counts as none.
            if wait > 0 { return .throttled(max(1, Int((wait - 0.01).rounded(.up)))) }
            let id = try await returning("""
                INSERT INTO sign_in_failures (name, peer, at) VALUES (\(bind: name), \(bind: peer), \(bind: Store.millis(now))) RETURNING id
                """).decode(column: "id", as: Int64.self)
            return .counted(id)
        }
    }

    /// An attempt that turned out no failure (the password was right) is taken back.
    private func forgetAttempt(_ id: Int64) async throws {
        try await transaction { try await sql.raw("DELETE FROM sign_in_failures WHERE id = \(bind: id)").run() }
    }

    /// Forgets the failed sign-ins of a name (`bientap-portal user unlock`), from every address
    /// or from one; answers how many.
    @discardableResult
    public func clearSignInFailures(name: String, peer: String? = nil) async throws -> Int {
        let name = Normalization.nfc(name)
        let peerCondition: SQLQueryString = peer.map { " AND peer = \(bind: $0)" } ?? ""
        return try await transaction {
            try await sql.raw(SQLQueryString("DELETE FROM sign_in_failures WHERE name = \(bind: name)") + peerCondition + " RETURNING id").all().count
        }
    }

    /// How long the first answer to an Idempotency-Key is kept for its retries.
    public static let idempotencyRetention: TimeInterval = 24 * 3600

    /// Removes what has served its time: answers to Idempotency-Keys older than a day and
    /// failed sign-ins older than a day (the limits look back 15 minutes).
    public func tidy(now: Date? = nil) async throws {
        let now = now ?? clock.now()
        let before = Store.millis(now.addingTimeInterval(-Store.idempotencyRetention))
        try await transaction {
            try await sql.raw("DELETE FROM idempotency_keys WHERE created_at < \(bind: before)").run()
            try await sql.raw("DELETE FROM sign_in_failures WHERE at < \(bind: before)").run()
            try await sql.raw("DELETE FROM sign_in_peers WHERE at < \(bind: Store.millis(now.addingTimeInterval(-SignInLimits().knownPeerLifetime)))").run()
        }
    }

    /// A new token for `userID`; only its hash is kept.
    func issueToken(userID: Int64, label: String, expires: Date?, now: Date) async throws -> String {
        let token = AccessToken.generate()
        try await transaction { try await sql.raw("""
            INSERT INTO tokens (user_id, token_hash, created_at, expires_at, label)
            VALUES (\(bind: userID), \(bind: AccessToken.hash(token)), \(bind: Store.millis(now)), \(bind: expires.map(Store.millis)), \(bind: label))
            """).run() }
        return token
    }

    /// A new API token for scripts (`bientap-portal user token`).
    public func issueToken(name: String, lifetime: TimeInterval = Store.apiTokenLifetime, now: Date? = nil) async throws -> (token: String, expiresAt: Date) {
        let now = now ?? clock.now()
        let id = try await userID(named: name)
        let expires = now.addingTimeInterval(lifetime)
        return (try await issueToken(userID: id, label: "api", expires: expires, now: now), expires)
    }

    /// Revokes the token with this hash (sign-out).
    public func revokeToken(hash: String, now: Date? = nil) async throws {
        let now = now ?? clock.now()
        return try await transaction {
            try await sql.raw("UPDATE tokens SET revoked_at = \(bind: Store.millis(now)) WHERE token_hash = \(bind: hash) AND revoked_at IS NULL").run()
        }
    }

    /// Revokes every live token of a user; answers how many.
    @discardableResult
    public func revokeTokens(name: String, now: Date? = nil) async throws -> Int {
        let now = now ?? clock.now()
        let id = try await userID(named: name)
        let rows = try await transaction { try await sql.raw("""
            UPDATE tokens SET revoked_at = \(bind: Store.millis(now)) WHERE user_id = \(bind: id) AND revoked_at IS NULL RETURNING id
            """).all() }
        return rows.count
    }

    /// Turns the second factor on (a new secret, returned for the authenticator app) or off (nil).
    public func setSecondFactor(name: String, enabled: Bool) async throws -> [UInt8]? {
        let id = try await userID(named: name)
        let secret = enabled ? TOTP.generateSecret() : nil
        try await transaction { try await sql.raw("""
            UPDATE users SET totp_secret = \(bind: secret.map(Base32.encode)), totp_last_counter = NULL WHERE id = \(bind: id)
            """).run() }
        return secret
    }

    /// Adds grants a user does not have yet; answers those added.
    @discardableResult
    public func grant(name: String, _ grants: [Grant]) async throws -> [Grant] {
        try await checkSites(grants)
        return try await transaction {
            let id = try await userID(named: name)
            let held = try await self.grants(userID: id)
            var added: [Grant] = []
            for grant in grants where !held.contains(grant) && !added.contains(grant) {
                try await sql.raw("INSERT INTO grants (user_id, role, site_code) VALUES (\(bind: id), \(bind: grant.role.rawValue), \(bind: grant.site))").run()
                added.append(grant)
            }
            return added
        }
    }

    /// Removes grants; answers how many there were.
    @discardableResult
    public func revoke(name: String, _ grants: [Grant]) async throws -> Int {
        try await transaction {
            let id = try await userID(named: name)
            var removed = 0
            for grant in grants {
                let site: SQLQueryString = grant.site.map { "site_code = \(bind: $0)" } ?? "site_code IS NULL"
                let statement = SQLQueryString("DELETE FROM grants WHERE user_id = \(bind: id) AND role = \(bind: grant.role.rawValue) AND ")
                    + site + " RETURNING user_id"
                removed += try await sql.raw(statement).all().count
            }
            return removed
        }
    }

    /// One line of `user list`.
    public struct Account: Sendable, Hashable {
        public var name: String
        public var displayName: String
        public var grants: [Grant]
        public var hasPassword: Bool
        public var hasSecondFactor: Bool
        public var liveTokens: Int
    }

    public func accounts(now: Date? = nil) async throws -> [Account] {
        let now = now ?? clock.now()
        let rows = try await sql.raw("""
            SELECT u.id, u.name, u.display_name, u.password_hash IS NOT NULL AS has_password, u.totp_secret IS NOT NULL AS has_totp,
                   (SELECT COUNT(*) FROM tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL
                    AND (t.expires_at IS NULL OR t.expires_at > \(bind: Store.millis(now)))) AS live
            FROM users u ORDER BY u.name
            """).all()
        var accounts: [Account] = []
        for row in rows {
            accounts.append(Account(name: try row.decode(column: "name", as: String.self),
                                    displayName: try row.decode(column: "display_name", as: String.self),
                                    grants: try await grants(userID: try row.decode(column: "id", as: Int64.self)),
                                    hasPassword: try row.decode(column: "has_password", as: Bool.self),
                                    hasSecondFactor: try row.decode(column: "has_totp", as: Bool.self),
                                    liveTokens: try row.decode(column: "live", as: Int.self)))
        }
        return accounts
    }

    func userID(named name: String) async throws -> Int64 {
        let name = Normalization.nfc(name)
        guard let row = try await sql.raw("SELECT id FROM users WHERE name = \(bind: name)").first() else { throw UnknownUser(name: name) }
        return try row.decode(column: "id", as: Int64.self)
    }

    func grants(userID id: Int64) async throws -> [Grant] {
        try await sql.raw("SELECT role, site_code FROM grants WHERE user_id = \(bind: id) ORDER BY site_code, role").all().compactMap { row -> Grant? in
            guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { return nil }
            return Grant(role: role, site: try row.decode(column: "site_code", as: String?.self))
        }
    }

    func checkSites(_ grants: [Grant]) async throws {
        let known = try await sites().map(\.code)
        for grant in grants {
            if let code = grant.site, !known.contains(code) { throw UnknownSite(code: code, known: known) }
        }
    }
}
