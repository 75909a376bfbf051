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
import XCTest

/// Stands in for a social network's far end (not for our code): answers each send with the
/// next outcome it was given, `posted` when it has none left, and counts what it posted.
final class ScriptedNetwork: SocialConnector, @unchecked Sendable {
    let channel: SocialChannel
    private let lock = NSLock()
    private var script: [SendOutcome]
    private(set) var sent: [Int64] = []

    init(_ channel: SocialChannel, script: [SendOutcome] = []) {
        self.channel = channel
        self.script = script
    }

    func send(_ post: OutgoingPost) async -> SendOutcome {
        lock.withLock {
            sent.append(post.id)
            return script.isEmpty ? .posted(remoteID: "remote-\(post.id)", link: "https://social.test/\(post.id)") : script.removeFirst()
        }
    }

    func engagement(remoteID: String) async throws -> Engagement? { Engagement(views: 10, reactions: 2, shares: 1) }

    var sends: [Int64] { lock.withLock { sent } }
}

/// A clock the test moves by hand.
final class HandClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

class SocialOutboxTests: PortalTestCase {
    func dispatcher(_ store: Store, _ networks: [any SocialConnector], clock: HandClock, worker: String = "test-1",
                    random: @escaping @Sendable () -> Double = { 0.5 }) -> SocialDispatcher {
        var settings = SocialDispatcher.Settings()
        settings.baseDelay = 10
        settings.maxDelay = 100
        settings.maxAttempts = 4
        settings.lease = 60
        var logger = Logger(label: "test.dispatcher")
        logger.logLevel = .critical
        return SocialDispatcher(store: store, connectors: networks, worker: worker, publicBase: PublicAddress("https://portal.test/"), settings: settings,
                                logger: logger, now: { clock.now }, random: random)
    }

    // MARK: The outbox

    func testAnApprovalQueuesOnePostPerChannelInItsOwnTransaction() async throws {
        try await withSeededStore { store in
            let item = try await itemInReview(store)
            // A decision that fails after queueing leaves no post behind, and the item as it was.
            struct Interrupted: Error {}
            do {
                try await store.transaction {
                    _ = try await approve(store, item, channels: ["zalo", "facebook"])
                    try await equal(try await posts(store, of: item.id).count, 2, "queued inside the decision")
                    throw Interrupted()
                }
                XCTFail("the transaction went through")
            } catch is Interrupted {}
            let emptyAfterRollback = try await posts(store, of: item.id)
            XCTAssertEqual(emptyAfterRollback, [])
            let stillInReview = try await store.submission(id: item.id, scope: .everything)
            XCTAssertEqual(stillInReview?.summary.status, .inReview)

            guard case .done = try await approve(store, item, channels: ["zalo", "facebook"], message: "Cafe\u{0301} sáng nay.") else {
                return XCTFail("not approved")
            }
            let queued = try await posts(store, of: item.id)
            XCTAssertEqual(queued.map(\.channel), ["facebook", "zalo"])
            XCTAssertEqual(Set(queued.map(\.status)), [.queued])
            XCTAssertEqual(queued.map(\.dueAt), [nil, nil], "not due before the item is published")
            XCTAssertEqual(queued[0].message, "Café sáng nay.", "stored NFC")
            XCTAssertEqual(queued[0].message.unicodeScalars.count, 14)
        }
    }

    func testPostsFallDueAtPublicationPlusTheChannelsDelay() async throws {
        try await withSeededStore { store in
            let item = try await itemInReview(store)
            _ = try await store.setSocialChannel(.facebook, SocialChannelUpdate(baseUrl: "http://127.0.0.1:9", accountId: "page",
                                                                                 accessToken: "EAAB-secret-token-1234", delaySeconds: 600), by: "admin")
            _ = try await approve(store, item, channels: ["zalo", "facebook"])
            let at = Date(timeIntervalSince1970: 1_800_000_000)
            try await publish(store, item.id, at: at)
            let due = try await posts(store, of: item.id).map(\.dueAt)
            XCTAssertEqual(due, [at.addingTimeInterval(600), at])
        }
    }

    func testZalosLimitsAreCheckedWhenQueuedAndRefuseTheDecision() async throws {
        try await withSeededStore { store in
            let noCover = try await itemInReview(store, cover: false)
            do {
                _ = try await approve(store, noCover, channels: ["facebook", "zalo"])
                XCTFail("queued a Zalo post without a cover")
            } catch let refused as Store.SocialPostRefused {
                XCTAssertEqual(refused.channel, "zalo")
                XCTAssertEqual(refused.problems, ["cover: a cover image is required"])
            }
            let nothing = try await posts(store, of: noCover.id)
            XCTAssertEqual(nothing, [], "neither channel queued")
            let unchanged = try await store.submission(id: noCover.id, scope: .everything)
            XCTAssertEqual(unchanged?.summary.status, .inReview)
            // Facebook alone has no such limits.
            guard case .done = try await approve(store, noCover, channels: ["facebook"]) else { return XCTFail("not approved") }

            let long = try await itemInReview(store, title: String(repeating: "Tiêu đề dài ", count: 14))
            do {
                _ = try await approve(store, long, channels: ["zalo"], message: String(repeating: "ư", count: 301))
                XCTFail("queued a Zalo post over its limits")
            } catch let refused as Store.SocialPostRefused {
                XCTAssertEqual(refused.problems, ["title: 168 characters, at most 150", "description: 301 characters, at most 300"])
            }
        }
    }

    func testTheAPISaysWhyZaloRefusesAPost() async throws {
        try await withPortal { store, client in
            let editor = try await store.addUser(name: "bt-zalo", displayName: "BT", grants: [Grant(role: .editor, site: nil)])
            let item = try await itemInReview(store, cover: false)
            let answer = try await send(client, .post, "/api/v1/submissions/\(item.id)/transitions", token: editor,
                                        headers: [.ifMatch: RevisionTag.make(item.summary.revision)],
                                        body: json(TransitionRequest(action: .approve, grading: Grading(genre: "tin", coefficient: 2),
                                                                     channels: ["zalo"])))
            XCTAssertEqual(answer.status, .badRequest)
            XCTAssertEqual(errorCode(answer.body), "social_post_refused")
            let body = try WireFormat.decoder().decode(APIErrorBody.self, from: answer.body)
            XCTAssertTrue(body.error.message.contains("ảnh bìa"), body.error.message)
            XCTAssertTrue(body.error.message.contains("zalo: cover"), body.error.message)
        }
    }

    func testALaterChoiceUpdatesUnsentPostsAndRejectionCancelsThem() async throws {
        try await withSeededStore { store in
            let item = try await itemInReview(store)
            _ = try await approve(store, item, channels: ["zalo", "facebook"])
            _ = try await store.setSocialChoice(of: item.id, channels: ["facebook"], message: "Lời mới", scope: .everything)
            var now = try await posts(store, of: item.id)
            XCTAssertEqual(now.map(\.status), [.queued, .cancelled])
            XCTAssertEqual(now[0].message, "Lời mới")
            // Chosen again: queued again.
            _ = try await store.setSocialChoice(of: item.id, channels: ["facebook", "zalo"], message: "Lời ba", scope: .everything)
            now = try await posts(store, of: item.id)
            XCTAssertEqual(now.map(\.status), [.queued, .queued])
            XCTAssertEqual(now.map(\.message), ["Lời ba", "Lời ba"])

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

    func testEachOutcomeMovesAPostToItsState() async throws {
        try await withSeededStore { store in
            let clock = HandClock(Date().addingTimeInterval(-1800))
            var ids: [Int64] = []
            for _ in 0..<4 { ids.append(try await publishedPost(store, at: clock.now)) }
            let network = ScriptedNetwork(.facebook, script: [
                .posted(remoteID: "page_1", link: "https://fb.test/1"),
                .transient(SendFailure(kind: .rateLimited, code: 4, detail: "limit"), retryAfter: .seconds(40)),
                .permanent(SendFailure(kind: .expiredToken, code: 190, subcode: 463, detail: "Error validating access token")),
                .uncertain(SendFailure(kind: .connectionDropped, detail: "")),
            ])
            let dispatcher = dispatcher(store, [network], clock: clock)
            // Ordered by due time, then id: the posts meet the script in order.
            let claimed = try await dispatcher.dispatchOnce()
            XCTAssertGreaterThanOrEqual(claimed, 4)
            let after = try await ids.asyncMap { try await unwrapped(try await store.socialPost(id: $0)) }
            XCTAssertEqual(after.map(\.status), [.posted, .retryWait, .failed, .uncertain])
            XCTAssertEqual(after[0].remoteId, "page_1")
            XCTAssertEqual(after[0].remoteLink, "https://fb.test/1")
            XCTAssertEqual(after[0].claimedBy, "test-1")
            // Backoff: attempt 1 → step 10 s, half of it with this jitter (5 s); the network asked for 40.
            XCTAssertEqual(after[1].dueAt.map { Int($0.timeIntervalSince(clock.now).rounded()) }, 40)
            XCTAssertEqual(after[1].errorKind, "rate_limited")
            XCTAssertEqual(after[2].errorKind, "expired_token")
            XCTAssertEqual(after[2].lastError, "the access token expired or was revoked: an admin must set a new one (code 190/463): Error validating access token")
            XCTAssertTrue(after[3].lastError?.contains("check the page") ?? false)
            XCTAssertTrue(after.allSatisfy { $0.attempts == 1 })

            // Nothing is due until the wait is over; the uncertain and failed ones never again by themselves.
            let sentBefore = network.sends.count
            clock.advance(39)
            _ = try await dispatcher.dispatchOnce()
            XCTAssertEqual(network.sends.count, sentBefore)
            clock.advance(2)
            _ = try await dispatcher.dispatchOnce()
            XCTAssertEqual(network.sends.count, sentBefore + 1)
            XCTAssertEqual(network.sends.filter { $0 == ids[1] }.count, 2)
            XCTAssertEqual(network.sends.filter { $0 == ids[3] }.count, 1, "an uncertain post is never resent by itself")
            let retried = try await store.socialPost(id: ids[1])
            XCTAssertEqual(retried?.status, .posted)
            XCTAssertEqual(retried?.attempts, 2)

            // Engagement where the channel reports it.
            try await dispatcher.fetchEngagement()
            let engaged = try await store.socialPost(id: ids[0])
            XCTAssertEqual(engaged?.engagement?.views, 10)
            XCTAssertEqual(engaged?.engagement?.shares, 1)
        }
    }

    func testTransientFailuresBackOffExponentiallyWithinTheCapAndThenFail() async throws {
        try await withSeededStore { store in
            let clock = HandClock(Date().addingTimeInterval(-1800))
            let id = try await publishedPost(store, at: clock.now)
            let failing = SendOutcome.transient(SendFailure(kind: .serverError, code: 2, detail: "Service temporarily unavailable"), retryAfter: nil)
            let network = ScriptedNetwork(.facebook, script: Array(repeating: failing, count: 4))
            // The highest jitter: each wait is the whole step, 10, 20, 40 s, then the post fails (at most 4 attempts).
            let dispatcher = dispatcher(store, [network], clock: clock, random: { 1 })
            var waits: [Int] = []
            for _ in 0..<3 {
                _ = try await dispatcher.dispatchOnce()
                let post = try await unwrapped(try await store.socialPost(id: id))
                XCTAssertEqual(post.status, .retryWait)
                let wait = try XCTUnwrap(post.dueAt).timeIntervalSince(clock.now)
                waits.append(Int(wait.rounded()))
                clock.advance(wait)
            }
            XCTAssertEqual(waits, [10, 20, 40])
            _ = try await dispatcher.dispatchOnce()
            let failed = try await store.socialPost(id: id)
            XCTAssertEqual(failed?.status, .failed)
            XCTAssertTrue(failed?.lastError?.hasPrefix("gave up after 4 attempts") ?? false, failed?.lastError ?? "")
            // Full jitter: anything from nothing to the capped step.
            XCTAssertEqual(self.dispatcher(store, [], clock: clock, random: { 0 }).backoff(attempts: 3), 0)
            XCTAssertEqual(self.dispatcher(store, [], clock: clock, random: { 1 }).backoff(attempts: 30), 100, "capped")
        }
    }

    func testAClaimWhoseLeaseRanOutBecomesUncertainAndIsNotResent() async throws {
        try await withSeededStore { store in
            let clock = HandClock(Date().addingTimeInterval(-1800))
            let id = try await publishedPost(store, at: clock.now)
            // A process claims it and dies mid-send (it never records an outcome).
            let claimed = try await store.claimDueSocialPosts(now: clock.now, worker: "dead-process", leaseUntil: clock.now.addingTimeInterval(60), limit: 100)
            XCTAssertTrue(claimed.contains { $0.id == id })
            let network = ScriptedNetwork(.facebook)
            let survivor = dispatcher(store, [network], clock: clock, worker: "survivor")
            _ = try await survivor.dispatchOnce()
            try await equal(try await store.socialPost(id: id)?.status, .sending, "the lease still holds")
            clock.advance(61)
            _ = try await survivor.dispatchOnce()
            let post = try await unwrapped(try await store.socialPost(id: id))
            XCTAssertEqual(post.status, .uncertain)
            XCTAssertEqual(post.errorKind, "lease_expired")
            XCTAssertTrue(post.lastError?.contains("dead-process") ?? false)
            XCTAssertFalse(network.sends.contains(id), "never resent by itself")
            // A late answer from the claimant that it did post is still the truth.
            try await isTrue(try await store.recordSocialAttempt(id, worker: "dead-process", .posted(remoteID: "late", link: nil), now: clock.now))
            try await equal(try await store.socialPost(id: id)?.status, .posted)
        }
    }

    // MARK: The API

    func testTheBoardActsOnPostsAndContributorsDoNot() async throws {
        try await withPortal { store, client in
            let publisher = try await store.addUser(name: "bt-pub", displayName: "Trực", grants: [Grant(role: .publisher, site: nil)])
            let contributor = try await store.addUser(name: "ctv-x", displayName: "CTV", grants: [Grant(role: .contributor, site: nil)])
            let all = try await get(client, "/api/v1/social/posts", token: publisher, as: [SocialPost].self).0
            XCTAssertEqual(Set(all.map(\.status)), Set(SocialPostStatus.allCases), "the sample holds every state")
            let failed = try XCTUnwrap(all.first { $0.status == .failed })
            let uncertain = try XCTUnwrap(all.first { $0.status == .uncertain })
            let queued = try XCTUnwrap(all.first { $0.status == .queued })
            let posted = try XCTUnwrap(all.first { $0.status == .posted && $0.channel == "facebook" })
            XCTAssertEqual(posted.engagement?.views, 1840)

            let onlyFailed = try await get(client, "/api/v1/social/posts?status=failed,uncertain&channel=zalo", token: publisher, as: [SocialPost].self).0
            XCTAssertEqual(onlyFailed.map(\.id), [uncertain.id])
            try await equal(try await send(client, .get, "/api/v1/social/posts?status=lost", token: publisher).status, .badRequest)
            try await equal(try await send(client, .get, "/api/v1/social/posts", token: contributor).status, .forbidden)
            try await equal(try await send(client, .post, "/api/v1/social/posts/\(failed.id)/retry", token: contributor).status, .forbidden)

            let edited = try await send(client, .patch, "/api/v1/social/posts/\(queued.id)", token: publisher, body: json(SocialPostEdit(message: " Lời mới ")))
            XCTAssertEqual(edited.status, .ok)
            XCTAssertEqual(try WireFormat.decoder().decode(SocialPost.self, from: edited.body).message, "Lời mới")
            let sentAlready = try await send(client, .patch, "/api/v1/social/posts/\(posted.id)", token: publisher, body: json(SocialPostEdit(message: "x")))
            XCTAssertEqual(sentAlready.status, .conflict)
            XCTAssertEqual(errorCode(sentAlready.body), "social_post_state")

            let retried = try await send(client, .post, "/api/v1/social/posts/\(failed.id)/retry", token: publisher)
            XCTAssertEqual(try WireFormat.decoder().decode(SocialPost.self, from: retried.body).status, .queued)
            try await equal(try await send(client, .post, "/api/v1/social/posts/\(failed.id)/retry", token: publisher).status, .conflict, "queued already")

            let noLink = try await send(client, .post, "/api/v1/social/posts/\(uncertain.id)/resolve", token: publisher,
                                        body: json(SocialPostResolution(action: .posted)))
            XCTAssertEqual(noLink.status, .badRequest)
            let resolved = try await send(client, .post, "/api/v1/social/posts/\(uncertain.id)/resolve", token: publisher,
                                          body: json(SocialPostResolution(action: .posted, link: "https://oa.zalo.me/article/9")))
            let resolvedPost = try WireFormat.decoder().decode(SocialPost.self, from: resolved.body)
            XCTAssertEqual(resolvedPost.status, .posted)
            XCTAssertEqual(resolvedPost.remoteLink, "https://oa.zalo.me/article/9")

            let cancelled = try await send(client, .post, "/api/v1/social/posts/\(queued.id)/cancel", token: publisher)
            XCTAssertEqual(try WireFormat.decoder().decode(SocialPost.self, from: cancelled.body).status, .cancelled)
            try await equal(try await send(client, .post, "/api/v1/social/posts/\(posted.id)/cancel", token: publisher).status, .conflict)
        }
    }

    func testChannelCredentialsAreSetByAdminsAndNeverAnsweredWhole() async throws {
        try await withPortal { store, client in
            let admin = try await store.addUser(name: "bt-admin", displayName: "QT", grants: [Grant(role: .admin, site: nil)])
            let publisher = try await store.addUser(name: "bt-pub", displayName: "Trực", grants: [Grant(role: .publisher, site: nil)])
            let secret = "EAAB-very-secret-page-token-WXYZ"
            let update = SocialChannelUpdate(baseUrl: "https://graph.facebook.com", accountId: "1234567890", accessToken: secret, delaySeconds: 300)
            try await equal(try await send(client, .put, "/api/v1/social/channels/facebook", token: publisher, body: json(update)).status, .forbidden)
            try await equal(try await send(client, .put, "/api/v1/social/channels/myspace", token: admin, body: json(update)).status, .notFound)
            let set = try await send(client, .put, "/api/v1/social/channels/facebook", token: admin, body: json(update))
            XCTAssertEqual(set.status, .ok)
            XCTAssertFalse(String(decoding: set.body, as: UTF8.self).contains("very-secret"))
            let listed = try await send(client, .get, "/api/v1/social/channels", token: publisher)
            XCTAssertFalse(String(decoding: listed.body, as: UTF8.self).contains("very-secret"))
            let settings = try WireFormat.decoder().decode([SocialChannelSettings].self, from: listed.body)
            XCTAssertEqual(settings.map(\.channel), ["zalo", "facebook"])
            XCTAssertEqual(settings[1].accessToken, "…WXYZ")
            XCTAssertEqual(settings[1].delaySeconds, 300)
            XCTAssertFalse(settings[0].configured)
            // The connectors read them whole, from the store; a new base URL keeps the token.
            let vault = StoreCredentialVault(store: store)
            try await equal(try await vault.credentials(for: .facebook)?.accessToken, secret)
            _ = try await send(client, .put, "/api/v1/social/channels/facebook", token: admin,
                               body: json(SocialChannelUpdate(baseUrl: "http://127.0.0.1:8099", accountId: "1234567890")))
            try await equal(try await vault.credentials(for: .facebook)?.accessToken, secret)
            try await equal(try await vault.credentials(for: .facebook)?.baseURL, "http://127.0.0.1:8099")
            let bad = try await send(client, .put, "/api/v1/social/channels/zalo", token: admin,
                                     body: json(SocialChannelUpdate(baseUrl: "http://127.0.0.1:8099", accountId: "oa")))
            XCTAssertEqual(errorCode(bad.body), "invalid_field", "no token stored nor given")
        }
    }

    func testRenewalsOfOneChannelTakeTurnsAndAreStoredBeforeUse() async throws {
        try await withSeededStore { store in
            _ = try await store.setSocialChannel(.zalo, SocialChannelUpdate(baseUrl: "http://127.0.0.1:9", accountId: "oa", accessToken: "access-0",
                                                                             refreshToken: "refresh-0", appId: "app", appSecret: "secret-secret"), by: "admin")
            // Two stores on one database, as two server processes.
            let other = try await Store.open(location, readers: 1)
            let used = UsedTokens()
            do {
                try await renewTogether(store, other, used)
            } catch {
                try? await other.close()
                throw error
            }
            try await other.close()
            let count = await used.count
            XCTAssertEqual(count, 10)
            let last = try await StoreCredentialVault(store: store).credentials(for: .zalo)
            XCTAssertNotEqual(last?.refreshToken, "refresh-0")
            XCTAssertEqual(last?.appSecret, "secret-secret")
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

/// XCTest's assertions take no `await`: these take it first.
func equal<T: Equatable>(_ value: @autoclosure () async throws -> T, _ expected: T, _ message: String = "",
                         file: StaticString = #filePath, line: UInt = #line) async throws {
    let actual = try await value()
    XCTAssertEqual(actual, expected, message, file: file, line: line)
}

func isTrue(_ value: @autoclosure () async throws -> Bool, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) async throws {
    let actual = try await value()
    XCTAssertTrue(actual, message, file: file, line: line)
}

func unwrapped<T>(_ value: @autoclosure () async throws -> T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    let actual = try await value()
    return try XCTUnwrap(actual, file: file, line: line)
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}

final class SocialOutboxTestsOnPostgres: SocialOutboxTests {
    override class var onPostgres: Bool { true }
    override func testAnApprovalQueuesOnePostPerChannelInItsOwnTransaction() async throws { try await super.testAnApprovalQueuesOnePostPerChannelInItsOwnTransaction() }
    override func testPostsFallDueAtPublicationPlusTheChannelsDelay() async throws { try await super.testPostsFallDueAtPublicationPlusTheChannelsDelay() }
    override func testZalosLimitsAreCheckedWhenQueuedAndRefuseTheDecision() async throws { try await super.testZalosLimitsAreCheckedWhenQueuedAndRefuseTheDecision() }
    override func testTheAPISaysWhyZaloRefusesAPost() async throws { try await super.testTheAPISaysWhyZaloRefusesAPost() }
    override func testALaterChoiceUpdatesUnsentPostsAndRejectionCancelsThem() async throws {
        try await super.testALaterChoiceUpdatesUnsentPostsAndRejectionCancelsThem()
    }
    override func testEachOutcomeMovesAPostToItsState() async throws { try await super.testEachOutcomeMovesAPostToItsState() }
    override func testTransientFailuresBackOffExponentiallyWithinTheCapAndThenFail() async throws {
        try await super.testTransientFailuresBackOffExponentiallyWithinTheCapAndThenFail()
    }
    override func testAClaimWhoseLeaseRanOutBecomesUncertainAndIsNotResent() async throws {
        try await super.testAClaimWhoseLeaseRanOutBecomesUncertainAndIsNotResent()
    }
    override func testTheBoardActsOnPostsAndContributorsDoNot() async throws { try await super.testTheBoardActsOnPostsAndContributorsDoNot() }
    override func testChannelCredentialsAreSetByAdminsAndNeverAnsweredWhole() async throws {
        try await super.testChannelCredentialsAreSetByAdminsAndNeverAnsweredWhole()
    }
    override func testRenewalsOfOneChannelTakeTurnsAndAreStoredBeforeUse() async throws {
        try await super.testRenewalsOfOneChannelTakeTurnsAndAreStoredBeforeUse()
    }
}
