import Foundation
import NewsroomKit
@testable import PortalServer
import SocialChannels
import SocialFakes
import XCTest

/// Issue 22's failure modes through the portal: the outbox, the dispatcher, the real
/// connectors over libcurl and the store's vault, against the loopback fakes of Facebook and
/// Zalo (which count what they accepted). Time moves on the test's clock, never by sleeping.
class SocialDispatchTests: PortalTestCase {
    /// The one post of each channel, due now: (Facebook's, Zalo's).
    func onePostEach(_ store: Store, clock: HandClock) async throws -> (facebook: SocialPost, zalo: SocialPost) {
        let ids = Array(try await duePosts(store, count: 2, dueAt: clock.now).keys)
        let posts = try await ids.asyncMap { try await unwrapped(try await store.socialPost(id: $0)) }
        return (try XCTUnwrap(posts.first { $0.channel == "facebook" }), try XCTUnwrap(posts.first { $0.channel == "zalo" }))
    }

    func testATransientFailureWaitsWhatTheNetworkAskedThenPostsOnce() async throws {
        try await withFakes { store, facebook, zalo, clock in
            let (fb, za) = try await onePostEach(store, clock: clock)
            facebook.faults.failNext(1, with: .facebookTooManyRequests(retryAfterSeconds: 120))
            zalo.faults.failNext(1, with: .zaloRateLimit(retryAfterSeconds: 120))
            let dispatcher = fakeNetworkDispatcher(store, clock: clock)
            try await equal(try await dispatcher.dispatchOnce(), 2)
            for id in [fb.id, za.id] {
                let post = try await unwrapped(try await store.socialPost(id: id))
                XCTAssertEqual(post.status, .retryWait, post.channel)
                XCTAssertEqual(post.errorKind, "rate_limited", post.channel)
                // The backoff alone would be at most 10 s: Retry-After's 120 s wins.
                XCTAssertGreaterThanOrEqual(try XCTUnwrap(post.dueAt).timeIntervalSince(clock.now), 119, post.channel)
            }
            clock.advance(60)
            try await equal(try await dispatcher.dispatchOnce(), 0, "not before the network said")
            clock.advance(61)
            try await equal(try await dispatcher.dispatchOnce(), 2)
            let posted = try await [fb.id, za.id].asyncMap { try await unwrapped(try await store.socialPost(id: $0)) }
            XCTAssertEqual(posted.map(\.status), [.posted, .posted])
            XCTAssertEqual(posted.map(\.attempts), [2, 2])
            XCTAssertEqual(facebook.acceptedCount(message: fb.message), 1)
            XCTAssertEqual(posted[0].remoteId, facebook.posts.first?.id)
            XCTAssertEqual(zalo.articles.filter { $0.description == za.message }.count, 1)
            XCTAssertEqual(posted[1].remoteId, zalo.articles.first?.id)
            XCTAssertEqual(facebook.feedRequestCount, 2)
            XCTAssertEqual(zalo.createRequestCount, 2)
        }
    }

    func testAPermanentRefusalFailsAtOnceWithItsReasonAndIsNotRetried() async throws {
        try await withFakes { store, facebook, zalo, clock in
            let (fb, za) = try await onePostEach(store, clock: clock)
            facebook.faults.failNext(1, with: .facebook(code: 368))
            zalo.faults.failNext(1, with: .zalo(code: -224))
            let dispatcher = fakeNetworkDispatcher(store, clock: clock)
            _ = try await dispatcher.dispatchOnce()
            let failedFacebook = try await unwrapped(try await store.socialPost(id: fb.id))
            XCTAssertEqual(failedFacebook.status, .failed)
            XCTAssertEqual(failedFacebook.errorKind, "blocked")
            XCTAssertTrue(failedFacebook.lastError?.contains("the network blocked the post (code 368)") ?? false, failedFacebook.lastError ?? "")
            let failedZalo = try await unwrapped(try await store.socialPost(id: za.id))
            XCTAssertEqual(failedZalo.status, .failed)
            XCTAssertTrue(failedZalo.lastError?.contains("-224") ?? false, failedZalo.lastError ?? "")
            clock.advance(3600)
            try await equal(try await dispatcher.dispatchOnce(), 0, "a permanent refusal is not tried again")
            XCTAssertEqual(facebook.feedRequestCount, 1)
            XCTAssertEqual(zalo.createRequestCount, 1)
            XCTAssertEqual(facebook.posts.count + zalo.articles.count, 0)
        }
    }

    func testAConnectionDroppedAfterTheNetworkAcceptedIsUncertainAndNeverResent() async throws {
        try await withFakes { store, facebook, zalo, clock in
            let (fb, za) = try await onePostEach(store, clock: clock)
            facebook.faults.failNext(1, with: .dropAfterAccepting)
            zalo.faults.failNext(1, with: .dropAfterAccepting)
            let dispatcher = fakeNetworkDispatcher(store, clock: clock)
            _ = try await dispatcher.dispatchOnce()
            for id in [fb.id, za.id] {
                let post = try await unwrapped(try await store.socialPost(id: id))
                XCTAssertEqual(post.status, .uncertain, post.channel)
                XCTAssertEqual(post.errorKind, "connection_dropped", post.channel)
                XCTAssertTrue(post.lastError?.contains("check the page before sending again") ?? false, post.lastError ?? "")
            }
            for _ in 0..<3 {
                clock.advance(3600)
                try await equal(try await dispatcher.dispatchOnce(), 0)
            }
            XCTAssertEqual(facebook.feedRequestCount, 1, "never resent by itself")
            XCTAssertEqual(zalo.createRequestCount, 1, "never resent by itself")
            // It did go out: the fakes hold it once; a person who finds it marks it posted.
            XCTAssertEqual(facebook.acceptedCount(message: fb.message), 1)
            XCTAssertEqual(zalo.articles.count, 1)
            guard case .done(let resolved) = try await store.resolveSocialPost(fb.id, SocialPostResolution(action: .posted, link: "https://fb.test/1"),
                                                                               by: "bt-pub") else { return XCTFail("not resolved") }
            XCTAssertEqual(resolved.status, .posted)
        }
    }

    func testAClaimWhoseLeaseRanOutWhileTheNetworkHungIsUncertainAndNotResent() async throws {
        try await withFakes { store, facebook, _, clock in
            let ids = try await duePosts(store, count: 1, channels: [.facebook], dueAt: clock.now)
            let id = try XCTUnwrap(ids.keys.first)
            facebook.faults.failNext(1, with: .hang)
            // A process claims it and hangs on the network; its lease runs out meanwhile.
            let stuck = fakeNetworkDispatcher(store, clock: clock, worker: "stuck-process",
                                              timeouts: ConnectorTimeouts(connectSeconds: 2, totalSeconds: 60))
            let sending = Task { try await stuck.dispatchOnce() }
            try await eventually("the post to hang on the network") { facebook.feedRequestCount == 1 }
            try await equal(try await store.socialPost(id: id)?.status, .sending)
            clock.advance(61)
            let survivor = fakeNetworkDispatcher(store, clock: clock, worker: "survivor")
            try await equal(try await survivor.dispatchOnce(), 0, "an expired claim is not sent again")
            let expired = try await unwrapped(try await store.socialPost(id: id))
            XCTAssertEqual(expired.status, .uncertain)
            XCTAssertEqual(expired.errorKind, "lease_expired")
            XCTAssertTrue(expired.lastError?.contains("stuck-process") ?? false, expired.lastError ?? "")
            // The hung connection breaks: the late outcome (unknown) does not change the reaper's word.
            facebook.releaseHanging()
            _ = try await sending.value
            try await equal(try await store.socialPost(id: id)?.errorKind, "lease_expired")
            clock.advance(3600)
            try await equal(try await survivor.dispatchOnce(), 0)
            XCTAssertEqual(facebook.feedRequestCount, 1)
            XCTAssertEqual(facebook.posts.count, 0)
        }
    }

    func testZalosExpiredTokenIsRenewedThroughTheStoresVaultOnceAndStoredBeforeUse() async throws {
        try await withFakes { store, _, zalo, clock in
            let ids = try await duePosts(store, count: 2, channels: [.zalo], dueAt: clock.now)
            let oldRefresh = zalo.refreshToken
            zalo.expireToken()
            let dispatcher = fakeNetworkDispatcher(store, clock: clock, batch: 1)
            try await equal(try await dispatcher.dispatchOnce(), 1)
            XCTAssertEqual(zalo.renewals, 1)
            let stored = try await unwrapped(try await StoreCredentialVault(store: store).credentials(for: .zalo))
            XCTAssertEqual(stored.accessToken, zalo.accessToken, "the renewed pair is in the store")
            XCTAssertEqual(stored.refreshToken, zalo.refreshToken)
            XCTAssertNotEqual(stored.refreshToken, oldRefresh)
            XCTAssertNotNil(stored.accessTokenExpiresAt)
            // The next post uses the stored token: no second renewal.
            try await equal(try await dispatcher.dispatchOnce(), 1)
            XCTAssertEqual(zalo.renewals, 1)
            let posts = try await ids.keys.sorted().asyncMap { try await unwrapped(try await store.socialPost(id: $0)) }
            XCTAssertEqual(posts.map(\.status), [.posted, .posted])
            XCTAssertEqual(zalo.articles.count, 2)
        }
    }
}

final class SocialDispatchTestsOnPostgres: SocialDispatchTests {
    override class var onPostgres: Bool { true }
    override func testATransientFailureWaitsWhatTheNetworkAskedThenPostsOnce() async throws {
        try await super.testATransientFailureWaitsWhatTheNetworkAskedThenPostsOnce()
    }
    override func testAPermanentRefusalFailsAtOnceWithItsReasonAndIsNotRetried() async throws {
        try await super.testAPermanentRefusalFailsAtOnceWithItsReasonAndIsNotRetried()
    }
    override func testAConnectionDroppedAfterTheNetworkAcceptedIsUncertainAndNeverResent() async throws {
        try await super.testAConnectionDroppedAfterTheNetworkAcceptedIsUncertainAndNeverResent()
    }
    override func testAClaimWhoseLeaseRanOutWhileTheNetworkHungIsUncertainAndNotResent() async throws {
        try await super.testAClaimWhoseLeaseRanOutWhileTheNetworkHungIsUncertainAndNotResent()
    }
    override func testZalosExpiredTokenIsRenewedThroughTheStoresVaultOnceAndStoredBeforeUse() async throws {
        try await super.testZalosExpiredTokenIsRenewedThroughTheStoresVaultOnceAndStoredBeforeUse()
    }
}
