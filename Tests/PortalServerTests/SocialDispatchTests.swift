import Foundation
import NewsroomKit
@testable import PortalServer
import SocialChannels
import SocialFakes
import Testing

/// Issue 22's failure modes through the portal: the outbox, the dispatcher, the real
/// connectors over libcurl and the store's vault, against the loopback fakes of Facebook and
/// Zalo (which count what they accepted). Time moves on the test's clock, never by sleeping.
@Suite(.serialized)
struct SocialDispatchTests: PortalTesting {
    /// The one post of each channel, due now: (Facebook's, Zalo's).
    func onePostEach(_ store: Store, clock: ManualClock) async throws -> (facebook: SocialPost, zalo: SocialPost) {
        let ids = Array(try await duePosts(store, count: 2, dueAt: clock.now()).keys)
        let posts = try await ids.asyncMap { try await unwrapped(try await store.socialPost(id: $0)) }
        return (try #require(posts.first { $0.channel == "facebook" }), try #require(posts.first { $0.channel == "zalo" }))
    }

    @Test(arguments: Database.both)
    func aTransientFailureWaitsWhatTheNetworkAskedThenPostsOnce(_ database: Database) async throws {
        try await withFakes(on: database) { store, facebook, zalo, clock in
            let (fb, za) = try await onePostEach(store, clock: clock)
            facebook.faults.failNext(1, with: .facebookTooManyRequests(retryAfterSeconds: 120))
            zalo.faults.failNext(1, with: .zaloRateLimit(retryAfterSeconds: 120))
            let dispatcher = fakeNetworkDispatcher(store)
            try await equal(try await dispatcher.dispatchOnce(), 2)
            for id in [fb.id, za.id] {
                let post = try await unwrapped(try await store.socialPost(id: id))
                #expect(post.status == .retryWait, "\(post.channel)")
                #expect(post.errorKind == "rate_limited", "\(post.channel)")
                // The backoff alone would be at most 10 s: Retry-After's 120 s wins.
                #expect(try #require(post.dueAt).timeIntervalSince(clock.now()) >= 119, "\(post.channel)")
            }
            clock.advance(by: 60)
            try await equal(try await dispatcher.dispatchOnce(), 0, "not before the network said")
            clock.advance(by: 61)
            try await equal(try await dispatcher.dispatchOnce(), 2)
            let posted = try await [fb.id, za.id].asyncMap { try await unwrapped(try await store.socialPost(id: $0)) }
            #expect(posted.map(\.status) == [.posted, .posted])
            #expect(posted.map(\.attempts) == [2, 2])
            #expect(facebook.acceptedCount(message: fb.message) == 1)
            #expect(posted[0].remoteId == facebook.posts.first?.id)
            #expect(zalo.articles.filter { $0.description == za.message }.count == 1)
            #expect(posted[1].remoteId == zalo.articles.first?.id)
            #expect(facebook.feedRequestCount == 2)
            #expect(zalo.createRequestCount == 2)
        }
    }

    @Test(arguments: Database.both)
    func aPermanentRefusalFailsAtOnceWithItsReasonAndIsNotRetried(_ database: Database) async throws {
        try await withFakes(on: database) { store, facebook, zalo, clock in
            let (fb, za) = try await onePostEach(store, clock: clock)
            facebook.faults.failNext(1, with: .facebook(code: 368))
            zalo.faults.failNext(1, with: .zalo(code: -224))
            let dispatcher = fakeNetworkDispatcher(store)
            _ = try await dispatcher.dispatchOnce()
            let failedFacebook = try await unwrapped(try await store.socialPost(id: fb.id))
            #expect(failedFacebook.status == .failed)
            #expect(failedFacebook.errorKind == "blocked")
            #expect(failedFacebook.lastError?.contains("the network blocked the post (code 368)") ?? false, "\(failedFacebook.lastError ?? "")")
            let failedZalo = try await unwrapped(try await store.socialPost(id: za.id))
            #expect(failedZalo.status == .failed)
            #expect(failedZalo.lastError?.contains("-224") ?? false, "\(failedZalo.lastError ?? "")")
            clock.advance(by: 3600)
            try await equal(try await dispatcher.dispatchOnce(), 0, "a permanent refusal is not tried again")
            #expect(facebook.feedRequestCount == 1)
            #expect(zalo.createRequestCount == 1)
            #expect(facebook.posts.count + zalo.articles.count == 0)
        }
    }

    @Test(arguments: Database.both)
    func aConnectionDroppedAfterTheNetworkAcceptedIsUncertainAndNeverResent(_ database: Database) async throws {
        try await withFakes(on: database) { store, facebook, zalo, clock in
            let (fb, za) = try await onePostEach(store, clock: clock)
            facebook.faults.failNext(1, with: .dropAfterAccepting)
            zalo.faults.failNext(1, with: .dropAfterAccepting)
            let dispatcher = fakeNetworkDispatcher(store)
            _ = try await dispatcher.dispatchOnce()
            for id in [fb.id, za.id] {
                let post = try await unwrapped(try await store.socialPost(id: id))
                #expect(post.status == .uncertain, "\(post.channel)")
                #expect(post.errorKind == "connection_dropped", "\(post.channel)")
                #expect(post.lastError?.contains("check the page before sending again") ?? false, "\(post.lastError ?? "")")
            }
            for _ in 0..<3 {
                clock.advance(by: 3600)
                try await equal(try await dispatcher.dispatchOnce(), 0)
            }
            #expect(facebook.feedRequestCount == 1, "never resent by itself")
            #expect(zalo.createRequestCount == 1, "never resent by itself")
            // It did go out: the fakes hold it once; a person who finds it marks it posted.
            #expect(facebook.acceptedCount(message: fb.message) == 1)
            #expect(zalo.articles.count == 1)
            guard case .done(let resolved) = try await store.resolveSocialPost(fb.id, SocialPostResolution(action: .posted, link: "https://fb.test/1"),
                                                                               by: "bt-pub") else { Issue.record("not resolved"); return }
            #expect(resolved.status == .posted)
        }
    }

    @Test(arguments: Database.both)
    func aClaimWhoseLeaseRanOutWhileTheNetworkHungIsUncertainAndNotResent(_ database: Database) async throws {
        try await withFakes(on: database) { store, facebook, _, clock in
            let ids = try await duePosts(store, count: 1, channels: [.facebook], dueAt: clock.now())
            let id = try #require(ids.keys.first)
            facebook.faults.failNext(1, with: .hang)
            // A process claims it and hangs on the network; its lease runs out meanwhile.
            let stuck = fakeNetworkDispatcher(store, worker: "stuck-process",
                                              timeouts: ConnectorTimeouts(connectSeconds: 2, totalSeconds: 60))
            let sending = Task { try await stuck.dispatchOnce() }
            try await eventually("the post to hang on the network") { facebook.feedRequestCount == 1 }
            try await equal(try await store.socialPost(id: id)?.status, .sending)
            clock.advance(by: 61)
            let survivor = fakeNetworkDispatcher(store, worker: "survivor")
            try await equal(try await survivor.dispatchOnce(), 0, "an expired claim is not sent again")
            let expired = try await unwrapped(try await store.socialPost(id: id))
            #expect(expired.status == .uncertain)
            #expect(expired.errorKind == "lease_expired")
            #expect(expired.lastError?.contains("stuck-process") ?? false, "\(expired.lastError ?? "")")
            // The hung connection breaks: the late outcome (unknown) does not change the reaper's word.
            facebook.releaseHanging()
            _ = try await sending.value
            try await equal(try await store.socialPost(id: id)?.errorKind, "lease_expired")
            clock.advance(by: 3600)
            try await equal(try await survivor.dispatchOnce(), 0)
            #expect(facebook.feedRequestCount == 1)
            #expect(facebook.posts.count == 0)
        }
    }

    @Test(arguments: Database.both)
    func zalosExpiredTokenIsRenewedThroughTheStoresVaultOnceAndStoredBeforeUse(_ database: Database) async throws {
        try await withFakes(on: database) { store, _, zalo, clock in
            let ids = try await duePosts(store, count: 2, channels: [.zalo], dueAt: clock.now())
            let oldRefresh = zalo.refreshToken
            zalo.expireToken()
            let dispatcher = fakeNetworkDispatcher(store, batch: 1)
            try await equal(try await dispatcher.dispatchOnce(), 1)
            #expect(zalo.renewals == 1)
            let stored = try await unwrapped(try await StoreCredentialVault(store: store).credentials(for: .zalo))
            #expect(stored.accessToken == zalo.accessToken, "the renewed pair is in the store")
            #expect(stored.refreshToken == zalo.refreshToken)
            #expect(stored.refreshToken != oldRefresh)
            #expect(stored.accessTokenExpiresAt != nil)
            // The next post uses the stored token: no second renewal.
            try await equal(try await dispatcher.dispatchOnce(), 1)
            #expect(zalo.renewals == 1)
            let posts = try await ids.keys.sorted().asyncMap { try await unwrapped(try await store.socialPost(id: $0)) }
            #expect(posts.map(\.status) == [.posted, .posted])
            #expect(zalo.articles.count == 2)
        }
    }
}
