import Foundation
import HTTPTypes
import HummingbirdTesting
import NewsroomKit
@testable import PortalServer
import Testing

/// Sign-in, its limits and second factor, tokens' lives, grants.
@Suite(.serialized)
struct AuthTests: PortalTesting {
    /// bcrypt's smallest work factor: the tests check behaviour, not strength.
    private let cheap: UInt8 = 4

    private func signIn(_ client: any TestClientProtocol, _ name: String, _ password: String, code: String? = nil) async throws
        -> (status: HTTPResponse.Status, body: Data, headers: HTTPFields) {
        try await send(client, .post, APIPath.signIn, token: nil, body: json(SignInRequest(name: name, password: password, code: code)))
    }

    @Test(arguments: Database.both)
    func passwordSignInIssuesAnExpiringTokenThatSignOutRevokes(_ database: Database) async throws {
        // Without the token cache: revocations elsewhere (a new password) count at once.
        try await withPortal(on: database, tokenCacheSeconds: 0) { store, client in
            _ = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: "so-y-te")])
            try await store.setPassword(name: "an", password: "mật khẩu dài", cost: cheap)

            for (name, password) in [("an", "sai mật khẩu"), ("khong-co", "mật khẩu dài"), ("an", "")] {
                let refused = try await signIn(client, name, password)
                #expect(refused.status == .unauthorized)
                #expect(errorCode(refused.body) == "invalid_credentials", "\(name) / \(password)")
            }
            // The password is compared as NFC, whatever form it was typed in.
            let answer = try await signIn(client, "an", "mật khẩu dài".decomposedStringWithCanonicalMapping)
            #expect(answer.status == .ok, "\(String(decoding: answer.body, as: UTF8.self))")
            #expect(answer.headers[.cacheControl] == "no-store")
            let signedIn = try WireFormat.decoder().decode(SignInAnswer.self, from: answer.body)
            #expect(signedIn.token.hasPrefix(AccessToken.prefix))
            #expect(signedIn.me.grants == [Grant(role: .editor, site: "so-y-te")])
            #expect(abs(signedIn.expiresAt.timeIntervalSinceNow - Store.signInTokenLifetime) <= 60)

            let (me, _) = try await get(client, APIPath.me, token: signedIn.token, as: Me.self)
            #expect(me.name == "an")
            let out = try await send(client, .post, APIPath.signOut, token: signedIn.token)
            #expect(out.status == .noContent)
            let (gone, _) = try await get(client, APIPath.me, token: signedIn.token, as: APIErrorBody.self, status: .unauthorized)
            #expect(gone.error.code == "unauthorized")

            // A token past its time stops working.
            let old = try await store.issueToken(name: "an", lifetime: 86400, now: Date().addingTimeInterval(-2 * 86400))
            _ = try await get(client, APIPath.me, token: old.token, as: APIErrorBody.self, status: .unauthorized)
            let fresh = try await store.issueToken(name: "an")
            _ = try await get(client, APIPath.me, token: fresh.token, as: Me.self)

            // A new password signs out every session.
            try await store.setPassword(name: "an", password: "một mật khẩu khác", cost: cheap)
            _ = try await get(client, APIPath.me, token: fresh.token, as: APIErrorBody.self, status: .unauthorized)
            let bad = try await send(client, .post, APIPath.signIn, token: nil, body: Data("{\"name\": 1}".utf8))
            #expect(errorCode(bad.body) == "invalid_json")
            let invalidUTF8 = try await send(client, .post, APIPath.signIn, token: nil, body: Data([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))
            #expect(invalidUTF8.status == .badRequest)
            #expect(errorCode(invalidUTF8.body) == "invalid_json")
        }
    }

    @Test(arguments: Database.both)
    func signInIsLimitedPerNameAndPerAddress(_ database: Database) async throws {
        var limits = Store.SignInLimits()
        limits.perPair = 3
        limits.perPeer = 5
        limits.window = 600
        try await withPortal(on: database, signInLimits: limits) { store, client in
            for name in ["an", "binh"] {
                _ = try await store.addUser(name: name, displayName: name, grants: [Grant(role: .editor, site: nil)])
                try await store.setPassword(name: name, password: "đúng mật khẩu", cost: cheap)
            }
            for _ in 0..<3 {
                let wrong = try await signIn(client, "an", "sai")
                #expect(errorCode(wrong.body) == "invalid_credentials")
            }
            // This name from this address waits, even with the right password: a second
            // now, twice as long after each further failure, never a quarter-hour lock.
            let slowed = try await signIn(client, "an", "đúng mật khẩu")
            #expect(slowed.status == .tooManyRequests)
            #expect(errorCode(slowed.body) == "too_many_attempts")
            let wait = try #require(slowed.headers[.retryAfter].flatMap(Int.init))
            #expect(wait == 1)
            // Another name from the same address still signs in…
            let other = try await signIn(client, "binh", "đúng mật khẩu")
            #expect(other.status == .ok)
            // …until the address has failed too often, whatever the name.
            for _ in 0..<2 { _ = try await signIn(client, "binh", "sai") }
            let peerSlowed = try await signIn(client, "binh", "đúng mật khẩu")
            #expect(errorCode(peerSlowed.body) == "too_many_attempts")

            // The window passes: the store lets the name in again.
            let later = Date().addingTimeInterval(601)
            guard case .signedIn = try await store.signIn(name: "an", password: "đúng mật khẩu", code: nil, peer: "elsewhere",
                                                          limits: limits, now: later) else { Issue.record("still limited after the window"); return }
        }
    }

    @Test(arguments: Database.both)
    func aSlowedSignInWaitsLongerAfterEachFailureAndGoesThroughOnceTheWaitHasPassed(_ database: Database) async throws {
        var limits = Store.SignInLimits()
        limits.perPair = 2
        let clock = ManualClock()
        try await withPortal(on: database, signInLimits: limits, clock: clock) { store, client in
            _ = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            try await store.setPassword(name: "an", password: "đúng mật khẩu", cost: cheap)
            for _ in 0..<2 { _ = try await signIn(client, "an", "sai") }
            /// The Retry-After of a sign-in with the right password; nil when it goes through.
            func retryAfter() async throws -> Int? {
                let answer = try await signIn(client, "an", "đúng mật khẩu")
                return answer.status == .tooManyRequests ? answer.headers[.retryAfter].flatMap(Int.init) : nil
            }
            let first = try await retryAfter()
            #expect(first == 1)
            // The second passes on the portal's clock: one more try, wrong again, and the next waits twice as long.
            clock.advance(by: 1)
            let wrong = try await signIn(client, "an", "sai")
            #expect(errorCode(wrong.body) == "invalid_credentials")
            let second = try await retryAfter()
            #expect(second == 2)
            clock.advance(by: 1)
            let stillWaiting = try await retryAfter()
            #expect(stillWaiting == 1)
            clock.advance(by: 1)
            let right = try await signIn(client, "an", "đúng mật khẩu")
            #expect(right.status == .ok)
        }
    }

    @Test(arguments: Database.both)
    func theTokenCacheForgetsASignedOutTokenAtOnceAndOthersWithinItsLifetime(_ database: Database) async throws {
        let clock = ManualClock()
        try await withPortal(on: database, tokenCacheSeconds: 0.5, clock: clock) { store, client in
            let first = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let second = try await store.issueToken(name: "an").token
            for token in [first, second] { _ = try await get(client, APIPath.me, token: token, as: Me.self) }
            let out = try await send(client, .post, APIPath.signOut, token: first)
            #expect(out.status == .noContent)
            _ = try await get(client, APIPath.me, token: first, as: APIErrorBody.self, status: .unauthorized)
            // Revoked behind the server's back: remembered for at most the cache's lifetime.
            try await store.revokeTokens(name: "an")
            clock.advance(by: 0.4)
            _ = try await get(client, APIPath.me, token: second, as: Me.self)
            clock.advance(by: 0.2)
            _ = try await get(client, APIPath.me, token: second, as: APIErrorBody.self, status: .unauthorized)
        }
    }

    /// `Authorization` as HTTP has it: the scheme in any case, spaces and tabs around the token.
    /// Another scheme, no token, or anything else around it (a non-breaking space) is refused.
    @Test
    func theBearerSchemeIsReadInAnyCaseWithTheSpacesHTTPAllows() async throws {
        try await withPortal(on: .sqlite, tokenCacheSeconds: 0) { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            for header in ["Bearer \(token)", "bearer \(token)", "BEARER \(token)", "BeArEr   \(token)", "Bearer \t\(token) \t "] {
                let answer = try await send(client, .get, APIPath.me, token: nil, headers: [.authorization: header])
                #expect(answer.status == .ok, "\(header)")
            }
            for header in ["Basic \(token)", "Bearer\(token)", "Bearer", "Bearer ", "Bearer \t ", "Bearer \u{A0}\(token)", "Bearer \(token)x",
                           "Bearer \(token) \(token)", "Beare \(token)", "Bearer\u{A0}\(token)", "Bearér \(token)", "Bearer \(token.uppercased())"] {
                let answer = try await send(client, .get, APIPath.me, token: nil, headers: [.authorization: header])
                #expect(answer.status == .unauthorized, "\(header)")
                #expect(errorCode(answer.body) == "unauthorized", "\(header)")
            }
            #expect(BearerAuthentication.token(inAuthorization: "bearer \t x y \t") == "x y")
            #expect(BearerAuthentication.token(inAuthorization: "Bearer \u{301}x") == "\u{301}x")
            #expect(BearerAuthentication.token(inAuthorization: "Bearer  ") == nil)
        }
    }

    @Test(arguments: Database.both)
    func aSecondFactorCodeIsNeededAndWorksOnce(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            _ = try await store.addUser(name: "truc", displayName: "Trực", grants: [Grant(role: .publisher, site: nil)])
            try await store.setPassword(name: "truc", password: "mật khẩu trực ban", cost: cheap)
            let enabled = try await store.setSecondFactor(name: "truc", enabled: true)
            let secret = try #require(enabled)
            #expect(secret.count == 20)

            let missing = try await signIn(client, "truc", "mật khẩu trực ban")
            #expect(missing.status == .unauthorized)
            #expect(errorCode(missing.body) == "second_factor_required")
            let missingAndWrong = try await signIn(client, "truc", "sai")
            #expect(errorCode(missingAndWrong.body) == "invalid_credentials", "no hint that the password was right")

            let totp = TOTP(secret: secret)
            let now = TOTP.counter(at: Date())
            let wrong = try await signIn(client, "truc", "mật khẩu trực ban", code: totp.code(counter: now + 5))
            #expect(errorCode(wrong.body) == "invalid_credentials")
            let code = totp.code(counter: now)
            let right = try await signIn(client, "truc", "mật khẩu trực ban", code: code)
            #expect(right.status == .ok, "\(String(decoding: right.body, as: UTF8.self))")
            let replay = try await signIn(client, "truc", "mật khẩu trực ban", code: code)
            #expect(errorCode(replay.body) == "invalid_credentials", "a code works once")
            let previous = try await signIn(client, "truc", "mật khẩu trực ban", code: totp.code(counter: now - 1))
            #expect(errorCode(previous.body) == "invalid_credentials", "nor does an older one after it")

            let disabled = try await store.setSecondFactor(name: "truc", enabled: false)
            #expect(disabled == nil)
            let plain = try await signIn(client, "truc", "mật khẩu trực ban")
            #expect(plain.status == .ok)
        }
    }

    @Test(arguments: Database.both)
    func tidyingForgetsDayOldIdempotencyAnswersAndFailedSignIns(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { db in
            let store = try await db.seededStore()
            do {
                _ = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
                let id = try await store.userID(named: "an")
                let now = Date()
                for (key, age) in [("old", 25.0 * 3600), ("new", 3600.0)] {
                    try await store.transaction { try await store.sql.raw("""
                        INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status, response, created_at)
                        VALUES (\(bind: id), \(bind: key), 'h', 200, '{}', \(bind: Store.millis(now.addingTimeInterval(-age))))
                        """).run() }
                    try await store.transaction { try await store.sql.raw("""
                        INSERT INTO sign_in_failures (name, peer, at) VALUES (\(bind: key), 'p', \(bind: Store.millis(now.addingTimeInterval(-age))))
                        """).run() }
                }
                try await store.tidy(now: now)
                let keys = try await store.sql.raw("SELECT idem_key FROM idempotency_keys ORDER BY idem_key").all().map { try $0.decode(column: "idem_key", as: String.self) }
                #expect(keys == ["new"])
                let failures = try await store.sql.raw("SELECT name FROM sign_in_failures").all().map { try $0.decode(column: "name", as: String.self) }
                #expect(failures == ["new"])
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
        }
    }

    @Test(arguments: Database.both)
    func grantsRevocationsAndTheAccountList(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { db in
            let store = try await db.seededStore()
            do {
                let token = try await store.addUser(name: "hoa", displayName: "Hòa", grants: [Grant(role: .contributor, site: "so-y-te")])
                let added = try await store.grant(name: "hoa", [Grant(role: .editor, site: "so-y-te"), Grant(role: .contributor, site: "so-y-te")])
                #expect(added == [Grant(role: .editor, site: "so-y-te")], "only what was missing")
                do {
                    try await store.grant(name: "hoa", [Grant(role: .editor, site: "khong-co")])
                    Issue.record("unknown site granted")
                } catch is Store.UnknownSite {}
                do {
                    try await store.grant(name: "ai-do", [Grant(role: .editor, site: nil)])
                    Issue.record("unknown user granted")
                } catch is Store.UnknownUser {}
                var principal = try await store.principal(forToken: token)
                #expect(principal?.has([.editor], on: "so-y-te") ?? false)
                let removed = try await store.revoke(name: "hoa", [Grant(role: .editor, site: "so-y-te"), Grant(role: .admin, site: nil)])
                #expect(removed == 1)
                principal = try await store.principal(forToken: token)
                #expect(!(principal?.has([.editor], on: "so-y-te") ?? true))

                try await store.setPassword(name: "hoa", password: "mật khẩu mười", cost: cheap)
                _ = try await store.issueToken(name: "hoa")
                _ = try await store.setSecondFactor(name: "hoa", enabled: true)
                var accounts = try await store.accounts()
                var hoa = try #require(accounts.first { $0.name == "hoa" })
                #expect(hoa.grants == [Grant(role: .contributor, site: "so-y-te")])
                #expect(hoa.hasPassword)
                #expect(hoa.hasSecondFactor)
                #expect(hoa.liveTokens == 1, "the password change revoked the first token")
                let revoked = try await store.revokeTokens(name: "hoa")
                #expect(revoked == 1)
                accounts = try await store.accounts()
                hoa = try #require(accounts.first { $0.name == "hoa" })
                #expect(hoa.liveTokens == 0)
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
        }
    }
}
