import Foundation
import Hummingbird
import Logging
import NewsroomKit
@testable import PortalServer
import PublicWeb
import SocialChannels
import SocialFakes
import SQLKit
import Testing

/// The social outbox's fixtures: items approved and published with channels, posts made due
/// in bulk, and a dispatcher over the real connectors pointed at the loopback fakes.
extension PortalTesting {
    /// An item in review, with a photo (a cover) when `cover`, and a title of `title`.
    func itemInReview(_ store: Store, cover: Bool = true, title: String? = nil) async throws -> Submission {
        let item = try await store.submissions(.init(statuses: [.inReview], limit: 1)).items[0]
        try await store.transaction {
            if let title { try await store.sql.raw("UPDATE submissions SET title = \(bind: title) WHERE id = \(bind: item.id)").run() }
            if cover {
                try await store.sql.raw("""
                    INSERT INTO attachments (submission_id, number, filename, content_type, size, sha256, caption, credit, data)
                    VALUES (\(bind: item.id), 1, 'a.png', 'image/png', 1, '', '', '', \(bind: ByteBuffer(bytes: [0x89])))
                    """).run()
            }
        }
        return try await unwrapped(try await store.submission(id: item.id, scope: .everything))
    }

    func approve(_ store: Store, _ item: Submission, channels: [String], message: String? = "Tin mới trên cổng.") async throws -> Store.TransitionOutcome {
        try await store.transition(id: item.id, expected: item.summary.revision,
                                   request: TransitionRequest(action: .approve, grading: Grading(genre: "tin", coefficient: 2), channels: channels,
                                                              socialMessage: message),
                                   actor: "bt-editor", scope: .everything, idempotency: nil, answer: { _ in Data() })
    }

    func publish(_ store: Store, _ id: Int64, at date: Date) async throws {
        let item = try await unwrapped(try await store.submission(id: id, scope: .everything))
        _ = try await store.transition(id: id, expected: item.summary.revision, request: TransitionRequest(action: .publish),
                                       actor: "bt-publisher", scope: .everything, idempotency: nil, now: date, answer: { _ in Data() })
    }

    /// The Facebook post of an item approved and published at `date`.
    func publishedPost(_ store: Store, at date: Date) async throws -> Int64 {
        let item = try await itemInReview(store)
        _ = try await approve(store, item, channels: ["facebook"])
        try await publish(store, item.id, at: date)
        return try await posts(store, of: item.id)[0].id
    }

    func posts(_ store: Store, of id: Int64) async throws -> [SocialPost] {
        try await store.socialPosts(.init(submission: id)).sorted { $0.channel < $1.channel }
    }

    /// A seeded store whose channels point at two fresh fakes, and its clock, which the test moves.
    func withFakes(on database: Database, _ body: (Store, FacebookFake, ZaloFake, ManualClock) async throws -> Void) async throws {
        let facebook = try FacebookFake()
        let zalo = try ZaloFake()
        defer {
            facebook.stop()
            zalo.stop()
        }
        let clock = ManualClock()
        try await withSeededStore(on: database, clock: clock) { store in
            try await useFakes(store, facebook: facebook, zalo: zalo)
            try await body(store, facebook, zalo, clock)
        }
    }

    /// The fakes' addresses and credentials stored as the channels', as an admin sets them.
    func useFakes(_ store: Store, facebook: FacebookFake, zalo: ZaloFake) async throws {
        _ = try await store.setSocialChannel(.facebook, SocialChannelUpdate(baseUrl: facebook.baseURL, accountId: facebook.pageID,
                                                                             accessToken: facebook.pageToken), by: "admin")
        _ = try await store.setSocialChannel(.zalo, SocialChannelUpdate(baseUrl: zalo.baseURL, accountId: zalo.oaID, accessToken: zalo.accessToken,
                                                                         refreshToken: zalo.refreshToken, appId: zalo.appID,
                                                                         appSecret: zalo.secretKey), by: "admin")
    }

    /// `count` posts due at `dueAt`, taking `channels` in turn (the sample's removed): post id → its message.
    @discardableResult
    func duePosts(_ store: Store, count: Int, channels: [SocialChannel] = [.facebook, .zalo], dueAt: Date) async throws -> [Int64: String] {
        try await store.queueSocialPostsInBulk(count: count, channels: channels, dueAt: dueAt)
    }

    /// The dispatcher a server runs, on the test's clock: Facebook's and Zalo's real connectors
    /// over the store's vault, short waits (Zalo's verification, backoff) so a test need not sleep.
    func fakeNetworkDispatcher(_ store: Store, worker: String = "test-1", batch: Int = 16, interval: Duration = .seconds(1),
                               timeouts: ConnectorTimeouts = ConnectorTimeouts(connectSeconds: 2, totalSeconds: 10)) -> SocialDispatcher {
        let vault = StoreCredentialVault(store: store)
        var settings = SocialDispatcher.Settings()
        settings.baseDelay = 1
        settings.maxDelay = 10
        settings.maxAttempts = 8
        settings.lease = 60
        settings.batch = batch
        settings.interval = interval
        var logger = Logger(label: "test.dispatcher")
        logger.logLevel = .critical
        let connectors: [any SocialConnector] = [
            FacebookPageConnector(vault: vault, timeouts: timeouts),
            ZaloOAConnector(vault: vault, timeouts: timeouts, verifyDelay: .milliseconds(1)),
        ]
        return SocialDispatcher(store: store, connectors: connectors, worker: worker, publicBase: PublicAddress("https://portal.test"), settings: settings,
                                logger: logger)
    }
}
