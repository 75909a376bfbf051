import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NewsroomKit
@testable import PortalServer
import PublicWeb
import SocialChannels
import SQLKit
import Testing

/// Stands in for a social network's far end (not for our code): answers a post's first send
/// with the outcome given for it, else each send with the next outcome given, `posted` when it
/// has none left, and counts what it posted. A round sends its posts side by side, so outcomes
/// meant for particular posts are given by post.
final class ScriptedNetwork: SocialConnector, @unchecked Sendable {
    let channel: SocialChannel
    // `lock` guards `script`, `answers` and `sent`.
    private let lock = NSLock()
    private var script: [SendOutcome]
    private var answers: [Int64: SendOutcome]
    private var sent: [Int64] = []

    init(_ channel: SocialChannel, script: [SendOutcome] = [], answers: [Int64: SendOutcome] = [:]) {
        self.channel = channel
        self.script = script
        self.answers = answers
    }

    func send(_ post: OutgoingPost) async -> SendOutcome {
        lock.withLock {
            sent.append(post.id)
            if let answer = answers.removeValue(forKey: post.id) { return answer }
            return script.isEmpty ? .posted(remoteID: "remote-\(post.id)", link: "https://social.test/\(post.id)") : script.removeFirst()
        }
    }

    func engagement(remoteID: String) async throws -> Engagement? { Engagement(views: 10, reactions: 2, shares: 1) }

    var sends: [Int64] { lock.withLock { sent } }
}

@Suite(.serialized)
struct SocialOutboxTests: PortalTesting {
    /// A clock for the store (and so its dispatcher) half an hour back, on the whole second.
    func halfAnHourAgo() -> ManualClock { ManualClock(ManualClock().now().addingTimeInterval(-1800)) }

    func dispatcher(_ store: Store, _ networks: [any SocialConnector], worker: String = "test-1",
                    random: @escaping @Sendable () -> Double = { 0.5 }) -> SocialDispatcher {
        var settings = SocialDispatcher.Settings()
        settings.baseDelay = 10
        settings.maxDelay = 100
        settings.maxAttempts = 4
        settings.lease = 60
        var logger = Logger(label: "test.dispatcher")
        logger.logLevel = .critical
        return SocialDispatcher(store: store, connectors: networks, worker: worker, publicBase: PublicAddress("https://portal.test/"), settings: settings,
                                logger: logger, random: random)
    }

    // MARK: The outbox

    @Test(arguments: Database.both)
    func anApprovalQueuesOnePostPerChannelInItsOwnTransaction(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            let item = try await itemInReview(store)
            // A decision that fails after queueing leaves no post behind, and the item as it was.
            struct Interrupted: Error {}
            do {
                try await store.transaction {
                    _ = try await approve(store, item, channels: ["zalo", "facebook"])
                    try await equal(try await posts(store, of: item.id).count, 2, "queued inside the decision")
                    throw Interrupted()
                }
                Issue.record("the transaction went through")
            } catch is Interrupted {}
            let emptyAfterRollback = try await posts(store, of: item.id)
            #expect(emptyAfterRollback == [])
            let stillInReview = try await store.submission(id: item.id, scope: .everything)
            #expect(stillInReview?.summary.status == .inReview)

            guard case .done = try await approve(store, item, channels: ["zalo", "facebook"], message: "Cafe\u{0301} sáng nay.") else {
                Issue.record("not approved"); return
            }
            let queued = try await posts(store, of: item.id)
            #expect(queued.map(\.channel) == ["facebook", "zalo"])
            #expect(Set(queued.map(\.status)) == [.queued])
            #expect(queued.map(\.dueAt) == [nil, nil], "not due before the item is published")
            #expect(queued[0].message == "Café sáng nay.", "stored NFC")
            #expect(queued[0].message.unicodeScalars.count == 14)
        }
    }

    @Test(arguments: Database.both)
    func postsFallDueAtPublicationPlusTheChannelsDelay(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            let item = try await itemInReview(store)
            _ = try await store.setSocialChannel(.facebook, SocialChannelUpdate(baseUrl: "http://127.0.0.1:9", accountId: "page",
                                                                                 accessToken: "EAAB-secret-token-1234", delaySeconds: 600), by: "admin")
            _ = try await approve(store, item, channels: ["zalo", "facebook"])
            let at = Date(timeIntervalSince1970: 1_800_000_000)
            try await publish(store, item.id, at: at)
            let due = try await posts(store, of: item.id).map(\.dueAt)
            #expect(due == [at.addingTimeInterval(600), at])
        }
    }

    @Test(arguments: Database.both)
    func zalosLimitsAreCheckedWhenQueuedAndRefuseTheDecision(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            let noCover = try await itemInReview(store, cover: false)
            do {
                _ = try await approve(store, noCover, channels: ["facebook", "zalo"])
                Issue.record("queued a Zalo post without a cover")
            } catch let refused as Store.SocialPostRefused {
                #expect(refused.channel == "zalo")
                #expect(refused.problems == ["cover: a cover image is required"])
            }
            let nothing = try await posts(store, of: noCover.id)
            #expect(nothing == [], "neither channel queued")
            let unchanged = try await store.submission(id: noCover.id, scope: .everything)
            #expect(unchanged?.summary.status == .inReview)
            // Facebook alone has no such limits.
            guard case .done = try await approve(store, noCover, channels: ["facebook"]) else { Issue.record("not approved"); return }

            let long = try await itemInReview(store, title: String(repeating: "Tiêu đề dài ", count: 14))
            do {
                _ = try await approve(store, long, channels: ["zalo"], message: String(repeating: "ư", count: 301))
                Issue.record("queued a Zalo post over its limits")
            } catch let refused as Store.SocialPostRefused {
                #expect(refused.problems == ["title: 168 characters, at most 150", "description: 301 characters, at most 300"])
            }
        }
    }

    @Test(arguments: Database.both)
    func theAPISaysWhyZaloRefusesAPost(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let editor = try await store.addUser(name: "bt-zalo", displayName: "BT", grants: [Grant(role: .editor, site: nil)])
            let item = try await itemInReview(store, cover: false)
            let answer = try await send(client, .post, "/api/v1/submissions/\(item.id)/transitions", token: editor,
                                        headers: [.ifMatch: RevisionTag.make(item.summary.revision)],
                                        body: json(TransitionRequest(action: .approve, grading: Grading(genre: "tin", coefficient: 2),
                                                                     channels: ["zalo"])))
            #expect(answer.status == .badRequest)
            #expect(errorCode(answer.body) == "social_post_refused")
            let body = try WireFormat.decoder().decode(APIErrorBody.self, from: answer.body)
            #expect(body.error.message.contains("ảnh bìa"), "\(body.error.message)")
            #expect(body.error.message.contains("zalo: cover"), "\(body.error.message)")
        }
    }

    @Test(arguments: Database.both)
    func aLaterChoiceUpdatesUnsentPostsAndRejectionCancelsThem(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            let item = try await itemInReview(store)
            _ = try await approve(store, item, channels: ["zalo", "facebook"])
            _ = try await store.setSocialChoice(of: item.id, channels: ["facebook"], message: "Lời mới", scope: .everything)
            var now = try await posts(store, of: item.id)
            #expect(now.map(\.status) == [.queued, .cancelled])
            #expect(now[0].message == "Lời mới")
            // Chosen again: queued again.
            _ = try await store.setSocialChoice(of: item.id, channels: ["facebook", "zalo"], message: "Lời ba", scope: .everything)
            now = try await posts(store, of: item.id)
            #expect(now.map(\.status) == [.queued, .queued])
            #expect(now.map(\.message) == ["Lời ba", "Lời ba"])

            // Rejected or withdrawn: whatever was queued goes.
            let other = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            _ = try await store.setSocialChoice(of: other.id, channels: ["facebook"], message: "Sắp đăng", scope: .everything)
            let current = try await unwrapped(try await store.submission(id: other.id, scope: .everything))
            _ = try await store.transition(id: other.id, expected: current.summary.revision, request: TransitionRequest(action: .reject, note: "Trùng"),
                                           actor: "bt-editor", scope: .everything, idempotency: nil, answer: { _ in Data() })
            try await equal(try await posts(store, of: other.id).map(\.status), [.cancelled])
        }
    }

    // MARK: The dispatcher's states

    @Test(arguments: Database.both)
    func eachOutcomeMovesAPostToItsState(_ database: Database) async throws {
        let clock = halfAnHourAgo()
        try await withSeededStore(on: database, clock: clock) { store in
            var ids: [Int64] = []
            for _ in 0..<4 { ids.append(try await publishedPost(store, at: clock.now())) }
            let network = ScriptedNetwork(.facebook, answers: [
                ids[0]: .posted(remoteID: "page_1", link: "https://fb.test/1"),
                ids[1]: .transient(SendFailure(kind: .rateLimited, code: 4, detail: "limit"), retryAfter: .seconds(40)),
                ids[2]: .permanent(SendFailure(kind: .expiredToken, code: 190, subcode: 463, detail: "Error validating access token")),
                ids[3]: .uncertain(SendFailure(kind: .connectionDropped, detail: "")),
            ])
            let dispatcher = dispatcher(store, [network])
            let claimed = try await dispatcher.dispatchOnce()
            #expect(claimed >= 4)
            let after = try await ids.asyncMap { try await unwrapped(try await store.socialPost(id: $0)) }
            #expect(after.map(\.status) == [.posted, .retryWait, .failed, .uncertain])
            #expect(after[0].remoteId == "page_1")
            #expect(after[0].remoteLink == "https://fb.test/1")
            #expect(after[0].claimedBy == "test-1")
            // Backoff: attempt 1 → step 10 s, half of it with this jitter (5 s); the network asked for 40.
            #expect(after[1].dueAt.map { Int($0.timeIntervalSince(clock.now()).rounded()) } == 40)
            #expect(after[1].errorKind == "rate_limited")
            #expect(after[2].errorKind == "expired_token")
            #expect(after[2].lastError == "the access token expired or was revoked: an admin must set a new one (code 190/463): Error validating access token")
            #expect(after[3].lastError?.contains("check the page") ?? false)
            #expect(after.allSatisfy { $0.attempts == 1 })

            // Nothing is due until the wait is over; the uncertain and failed ones never again by themselves.
            let sentBefore = network.sends.count
            clock.advance(by: 39)
            _ = try await dispatcher.dispatchOnce()
            #expect(network.sends.count == sentBefore)
            clock.advance(by: 2)
            _ = try await dispatcher.dispatchOnce()
            #expect(network.sends.count == sentBefore + 1)
            #expect(network.sends.filter { $0 == ids[1] }.count == 2)
            #expect(network.sends.filter { $0 == ids[3] }.count == 1, "an uncertain post is never resent by itself")
            let retried = try await store.socialPost(id: ids[1])
            #expect(retried?.status == .posted)
            #expect(retried?.attempts == 2)

            // Engagement where the channel reports it.
            try await dispatcher.fetchEngagement()
            let engaged = try await store.socialPost(id: ids[0])
            #expect(engaged?.engagement?.views == 10)
            #expect(engaged?.engagement?.shares == 1)
        }
    }

    @Test(arguments: Database.both)
    func transientFailuresBackOffExponentiallyWithinTheCapAndThenFail(_ database: Database) async throws {
        let clock = halfAnHourAgo()
        try await withSeededStore(on: database, clock: clock) { store in
            let id = try await publishedPost(store, at: clock.now())
            let failing = SendOutcome.transient(SendFailure(kind: .serverError, code: 2, detail: "Service temporarily unavailable"), retryAfter: nil)
            let network = ScriptedNetwork(.facebook, script: Array(repeating: failing, count: 4))
            // The highest jitter: each wait is the whole step, 10, 20, 40 s, then the post fails (at most 4 attempts).
            let dispatcher = dispatcher(store, [network], random: { 1 })
            var waits: [Int] = []
            for _ in 0..<3 {
                _ = try await dispatcher.dispatchOnce()
                let post = try await unwrapped(try await store.socialPost(id: id))
                #expect(post.status == .retryWait)
                let wait = try #require(post.dueAt).timeIntervalSince(clock.now())
                waits.append(Int(wait.rounded()))
                clock.advance(by: wait)
            }
            #expect(waits == [10, 20, 40])
            _ = try await dispatcher.dispatchOnce()
            let failed = try await store.socialPost(id: id)
            #expect(failed?.status == .failed)
            #expect(failed?.lastError?.hasPrefix("gave up after 4 attempts") ?? false, "\(failed?.lastError ?? "")")
            // Full jitter: anything from nothing to the capped step.
            #expect(self.dispatcher(store, [], random: { 0 }).backoff(attempts: 3) == 0)
            #expect(self.dispatcher(store, [], random: { 1 }).backoff(attempts: 30) == 100, "capped")
        }
    }

    @Test(arguments: Database.both)
    func aClaimWhoseLeaseRanOutBecomesUncertainAndIsNotResent(_ database: Database) async throws {
        let clock = halfAnHourAgo()
        try await withSeededStore(on: database, clock: clock) { store in
            let id = try await publishedPost(store, at: clock.now())
            // A process claims it and dies mid-send (it never records an outcome).
            let claimed = try await store.claimDueSocialPosts(now: clock.now(), worker: "dead-process", leaseUntil: clock.now().addingTimeInterval(60), limit: 100)
            #expect(claimed.contains { $0.id == id })
            let network = ScriptedNetwork(.facebook)
            let survivor = dispatcher(store, [network], worker: "survivor")
            _ = try await survivor.dispatchOnce()
            try await equal(try await store.socialPost(id: id)?.status, .sending, "the lease still holds")
            clock.advance(by: 61)
            _ = try await survivor.dispatchOnce()
            let post = try await unwrapped(try await store.socialPost(id: id))
            #expect(post.status == .uncertain)
            #expect(post.errorKind == "lease_expired")
            #expect(post.lastError?.contains("dead-process") ?? false)
            #expect(!network.sends.contains(id), "never resent by itself")
            // A late answer from the claimant that it did post is still the truth.
            try await isTrue(try await store.recordSocialAttempt(id, worker: "dead-process", .posted(remoteID: "late", link: nil), now: clock.now()))
            try await equal(try await store.socialPost(id: id)?.status, .posted)
        }
    }

    // MARK: The API

    @Test(arguments: Database.both)
    func theBoardActsOnPostsAndContributorsDoNot(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let publisher = try await store.addUser(name: "bt-pub", displayName: "Trực", grants: [Grant(role: .publisher, site: nil)])
            let contributor = try await store.addUser(name: "ctv-x", displayName: "CTV", grants: [Grant(role: .contributor, site: nil)])
            let all = try await get(client, "/api/v1/social/posts", token: publisher, as: [SocialPost].self).0
            #expect(Set(all.map(\.status)) == Set(SocialPostStatus.allCases), "the sample holds every state")
            let failed = try #require(all.first { $0.status == .failed })
            let uncertain = try #require(all.first { $0.status == .uncertain })
            let queued = try #require(all.first { $0.status == .queued })
            let posted = try #require(all.first { $0.status == .posted && $0.channel == "facebook" })
            #expect(posted.engagement?.views == 1840)

            let onlyFailed = try await get(client, "/api/v1/social/posts?status=failed,uncertain&channel=zalo", token: publisher, as: [SocialPost].self).0
            #expect(onlyFailed.map(\.id) == [uncertain.id])
            try await equal(try await send(client, .get, "/api/v1/social/posts?status=lost", token: publisher).status, .badRequest)
            try await equal(try await send(client, .get, "/api/v1/social/posts", token: contributor).status, .forbidden)
            try await equal(try await send(client, .post, "/api/v1/social/posts/\(failed.id)/retry", token: contributor).status, .forbidden)

            let edited = try await send(client, .patch, "/api/v1/social/posts/\(queued.id)", token: publisher, body: json(SocialPostEdit(message: " Lời mới ")))
            #expect(edited.status == .ok)
            #expect(try WireFormat.decoder().decode(SocialPost.self, from: edited.body).message == "Lời mới")
            let sentAlready = try await send(client, .patch, "/api/v1/social/posts/\(posted.id)", token: publisher, body: json(SocialPostEdit(message: "x")))
            #expect(sentAlready.status == .conflict)
            #expect(errorCode(sentAlready.body) == "social_post_state")

            let retried = try await send(client, .post, "/api/v1/social/posts/\(failed.id)/retry", token: publisher)
            #expect(try WireFormat.decoder().decode(SocialPost.self, from: retried.body).status == .queued)
            try await equal(try await send(client, .post, "/api/v1/social/posts/\(failed.id)/retry", token: publisher).status, .conflict, "queued already")

            let noLink = try await send(client, .post, "/api/v1/social/posts/\(uncertain.id)/resolve", token: publisher,
                                        body: json(SocialPostResolution(action: .posted)))
            #expect(noLink.status == .badRequest)
            let resolved = try await send(client, .post, "/api/v1/social/posts/\(uncertain.id)/resolve", token: publisher,
                                          body: json(SocialPostResolution(action: .posted, link: "https://oa.zalo.me/article/9")))
            let resolvedPost = try WireFormat.decoder().decode(SocialPost.self, from: resolved.body)
            #expect(resolvedPost.status == .posted)
            #expect(resolvedPost.remoteLink == "https://oa.zalo.me/article/9")

            let cancelled = try await send(client, .post, "/api/v1/social/posts/\(queued.id)/cancel", token: publisher)
            #expect(try WireFormat.decoder().decode(SocialPost.self, from: cancelled.body).status == .cancelled)
            try await equal(try await send(client, .post, "/api/v1/social/posts/\(posted.id)/cancel", token: publisher).status, .conflict)
        }
    }

    @Test(arguments: Database.both)
    func channelCredentialsAreSetByAdminsAndNeverAnsweredWhole(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let admin = try await store.addUser(name: "bt-admin", displayName: "QT", grants: [Grant(role: .admin, site: nil)])
            let publisher = try await store.addUser(name: "bt-pub", displayName: "Trực", grants: [Grant(role: .publisher, site: nil)])
            let secret = "EAAB-very-secret-page-token-WXYZ"
            let update = SocialChannelUpdate(baseUrl: "https://graph.facebook.com", accountId: "1234567890", accessToken: secret, delaySeconds: 300)
            try await equal(try await send(client, .put, "/api/v1/social/channels/facebook", token: publisher, body: json(update)).status, .forbidden)
            try await equal(try await send(client, .put, "/api/v1/social/channels/myspace", token: admin, body: json(update)).status, .notFound)
            let set = try await send(client, .put, "/api/v1/social/channels/facebook", token: admin, body: json(update))
            #expect(set.status == .ok)
            #expect(!String(decoding: set.body, as: UTF8.self).contains("very-secret"))
            let listed = try await send(client, .get, "/api/v1/social/channels", token: publisher)
            #expect(!String(decoding: listed.body, as: UTF8.self).contains("very-secret"))
            let settings = try WireFormat.decoder().decode([SocialChannelSettings].self, from: listed.body)
            #expect(settings.map(\.channel) == ["zalo", "facebook"])
            #expect(settings[1].accessToken == "…WXYZ")
            #expect(settings[1].delaySeconds == 300)
            #expect(!(settings[0].configured))
            // The connectors read them whole, from the store; a new base URL keeps the token.
            let vault = StoreCredentialVault(store: store)
            try await equal(try await vault.credentials(for: .facebook)?.accessToken, secret)
            _ = try await send(client, .put, "/api/v1/social/channels/facebook", token: admin,
                               body: json(SocialChannelUpdate(baseUrl: "http://127.0.0.1:8099", accountId: "1234567890")))
            try await equal(try await vault.credentials(for: .facebook)?.accessToken, secret)
            try await equal(try await vault.credentials(for: .facebook)?.baseURL, "http://127.0.0.1:8099")
            let bad = try await send(client, .put, "/api/v1/social/channels/zalo", token: admin,
                                     body: json(SocialChannelUpdate(baseUrl: "http://127.0.0.1:8099", accountId: "oa")))
            #expect(errorCode(bad.body) == "invalid_field", "no token stored nor given")
        }
    }

    @Test(arguments: Database.both)
    func renewalsOfOneChannelTakeTurnsAndAreStoredBeforeUse(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { db in
            try await db.withSeededStore { store in
                _ = try await store.setSocialChannel(.zalo, SocialChannelUpdate(baseUrl: "http://127.0.0.1:9", accountId: "oa", accessToken: "access-0",
                                                                                 refreshToken: "refresh-0", appId: "app", appSecret: "secret-secret"), by: "admin")
                // Two stores on one database, as two server processes.
                let other = try await Store.open(db.location, readers: 1)
                let used = UsedTokens()
                do {
                    try await renewTogether(store, other, used)
                } catch {
                    try? await other.close()
                    throw error
                }
                try await other.close()
                let count = await used.count
                #expect(count == 10)
                let last = try await StoreCredentialVault(store: store).credentials(for: .zalo)
                #expect(last?.refreshToken != "refresh-0")
                #expect(last?.appSecret == "secret-secret")
            }
        }
    }

    /// Ten renewals at once, five through each store.
    private func renewTogether(_ store: Store, _ other: Store, _ used: UsedTokens) async throws {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<10 {
                    let vault = StoreCredentialVault(store: index < 5 ? store : other)
                    group.addTask {
                        _ = try await vault.renew(.zalo) { old in
                            // A refresh token works once: one used twice would be the bug.
                            try await used.use(old.refreshToken ?? "")
                            var new = old
                            new.accessToken = "access-\(index)"
                            new.refreshToken = "refresh-\(index + 1)"
                            return new
                        }
                    }
                }
                try await group.waitForAll()
            }
    }
}

/// Refresh tokens handed in, each once.
actor UsedTokens {
    struct Reused: Error {}
    private var seen: Set<String> = []
    var count: Int { seen.count }
    func use(_ token: String) throws {
        guard seen.insert(token).inserted else { throw Reused() }
    }
}

/// Checks whose value is awaited first (for the helpers of SocialTestSupport and the
/// social suites; `#expect` takes an `await` too).
func equal<T: Equatable>(_ value: @autoclosure () async throws -> T, _ expected: T, _ message: String = "",
                         sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let actual = try await value()
    #expect(actual == expected, "\(message)", sourceLocation: sourceLocation)
}

func isTrue(_ value: @autoclosure () async throws -> Bool, _ message: String = "", sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let actual = try await value()
    #expect(actual, "\(message)", sourceLocation: sourceLocation)
}

struct Missing: Error, CustomStringConvertible {
    var description: String { "expected a value, found nil" }
}

func unwrapped<T>(_ value: @autoclosure () async throws -> T?, sourceLocation: SourceLocation = #_sourceLocation) async throws -> T {
    guard let actual = try await value() else {
        Issue.record("expected a value, found nil", sourceLocation: sourceLocation)
        throw Missing()
    }
    return actual
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
