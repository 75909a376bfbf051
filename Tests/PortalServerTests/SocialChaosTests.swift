import Foundation
import NewsroomKit
@testable import PortalServer
import SocialChannels
import SocialFakes
import Testing

/// The dispatcher under a network that misbehaves at random, and the SQLite portal's token
/// renewal, which must not hold the portal's writes while the network takes its time. On
/// SQLite: PostgreSQL's many processes are `SocialDispatchEndToEndTests`'.
@Suite(.serialized)
struct SocialChaosTests: PortalTesting {
    /// 1,000 posts through fakes that fail 30% of requests (transient and permanent answers,
    /// connections dropped before the post was taken) and drop 5% of connections after reading
    /// the request, half of those after taking the post: each post ends posted exactly once
    /// (per the fake), or failed or uncertain with a reason; none is posted twice.
    @Test func aThousandPostsThroughAMisbehavingNetworkArePostedAtMostOnceAndEachEndsWithAReason() async throws {
        try await withFakes(on: .sqlite) { store, facebook, zalo, clock in
            facebook.faults.failRandomly([
                .init(0.12, .facebook(code: 2, status: 500)),
                .init(0.08, .facebookTooManyRequests(retryAfterSeconds: 5)),
                .init(0.05, .facebook(code: 613)),
                .init(0.02, .facebook(code: 368)),
                .init(0.03, .dropBeforeAccepting),
                // The 5% of connections dropped after the request was read: before taking the post, and after.
                .init(0.025, .dropBeforeAccepting),
                .init(0.025, .dropAfterAccepting),
            ], seed: 22)
            zalo.faults.failRandomly([
                .init(0.12, .zaloRateLimit(retryAfterSeconds: 5)),
                .init(0.10, .zalo(code: -1, status: 503)),
                .init(0.05, .zalo(code: -32)),
                .init(0.02, .zalo(code: -224)),
                .init(0.01, .dropBeforeAccepting),
                // The 5% of connections dropped after the request was read, as for Facebook.
                .init(0.025, .dropBeforeAccepting),
                .init(0.025, .dropAfterAccepting),
            ], seed: 2026)
            let messages = try await duePosts(store, count: 1_000, dueAt: clock.now())
            let dispatcher = fakeNetworkDispatcher(store, batch: 50)
            // Rounds until nothing is left to send: each round a little later than the longest wait.
            var rounds = 0
            while try await !store.socialPosts(.init(statuses: [.queued, .retryWait, .sending], limit: 1)).isEmpty {
                rounds += 1
                guard rounds < 500 else { Issue.record("the queue does not drain"); return }
                while try await dispatcher.dispatchOnce() > 0 {}
                clock.advance(by: 11)
            }
            let posts = try await store.socialPosts(.init(limit: 2_000)).filter { messages[$0.id] != nil }
            #expect(posts.count == 1_000)
            var accepted: [String: Int] = [:]
            for post in facebook.posts { accepted[post.message, default: 0] += 1 }
            for article in zalo.articles { accepted[article.description, default: 0] += 1 }
            #expect(accepted.values.filter { $0 > 1 }.count == 0, "a post the network took twice")
            var outcomes: [SocialPostStatus: Int] = [:]
            for post in posts {
                outcomes[post.status, default: 0] += 1
                let times = accepted[post.message] ?? 0
                switch post.status {
                case .posted:
                    #expect(times == 1, "post \(post.id) recorded posted, taken \(times) times")
                    #expect(post.remoteId != nil)
                case .failed:
                    #expect(times == 0, "post \(post.id) failed yet was taken")
                    #expect(!((post.errorKind ?? "").isEmpty || (post.lastError ?? "").isEmpty), "post \(post.id) failed without a reason")
                case .uncertain:
                    #expect(times <= 1)
                    #expect(!((post.errorKind ?? "").isEmpty || (post.lastError ?? "").isEmpty), "post \(post.id) uncertain without a reason")
                default:
                    Issue.record("post \(post.id) ended \(post.status)")
                }
            }
            // Every post the network took is one the outbox knows as posted or uncertain.
            #expect(accepted.count == (outcomes[.posted] ?? 0) + posts.filter { $0.status == .uncertain && accepted[$0.message] != nil }.count)
            #expect((outcomes[.posted] ?? 0) > 800, "\(outcomes)")
            #expect((outcomes[.uncertain] ?? 0) > 0, "\(outcomes)")
            #expect((outcomes[.failed] ?? 0) > 0, "\(outcomes)")
            print("chaos: \(outcomes.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", ")) after \(rounds) rounds; "
                  + "requests: facebook \(facebook.feedRequestCount), zalo \(zalo.createRequestCount)")
        }
    }

    /// An SQLite portal is one process with one write connection: a Zalo token renewal that
    /// hangs on the network must not hold the portal's writes (an approval here) behind it.
    @Test func aWriteGoesThroughWhileATokenRenewalHangsOnTheNetwork() async throws {
        try await withFakes(on: .sqlite) { store, _, zalo, clock in
            let due = try await duePosts(store, count: 1, channels: [.zalo], dueAt: clock.now())
            let id = try #require(due.keys.first)
            zalo.expireToken()
            zalo.renewalFaults.failNext(1, with: .hang)
            let dispatcher = fakeNetworkDispatcher(store, timeouts: ConnectorTimeouts(connectSeconds: 2, totalSeconds: 120))
            let sending = Task { try await dispatcher.dispatchOnce() }
            try await eventually("the renewal to hang on the network") { zalo.renewalRequestCount == 1 }

            // A decision, written while the renewal is held open.
            let item = try await itemInReview(store)
            guard case .done(let approved) = try await approve(store, item, channels: ["facebook"]) else { Issue.record("not approved"); return }
            #expect(approved.summary.status == .approved)
            try await equal(try await store.socialPost(id: id)?.status, .sending, "the renewal is still held open")
            #expect(zalo.renewals == 0)

            // The network lets go: nothing was renewed, the post waits to go again, and then goes.
            zalo.releaseHanging()
            _ = try await sending.value
            try await equal(try await store.socialPost(id: id)?.status, .retryWait)
            clock.advance(by: 11)
            _ = try await dispatcher.dispatchOnce()
            try await equal(try await store.socialPost(id: id)?.status, .posted)
            #expect(zalo.renewals == 1)
            try await equal(try await StoreCredentialVault(store: store).credentials(for: .zalo)?.refreshToken, zalo.refreshToken)
        }
    }

    /// The dispatcher a server runs sends as a pool: a Zalo post hanging on the network holds one
    /// place, and the posts due beside and after it go out meanwhile, each in a freed place.
    @Test func aPostHangingOnTheNetworkHoldsOnlyItsOwnPlace() async throws {
        try await withFakes(on: .sqlite) { store, facebook, zalo, clock in
            // Two items, each to Zalo and Facebook: claimed Zalo, Facebook, Zalo, Facebook.
            let due = try await duePosts(store, count: 4, channels: [.zalo, .facebook], dueAt: clock.now()).keys.sorted()
            #expect(due.count == 4)
            zalo.faults.failNext(1, with: .hang)
            let dispatcher = fakeNetworkDispatcher(store, batch: 2, interval: .milliseconds(20),
                                                   timeouts: ConnectorTimeouts(connectSeconds: 2, totalSeconds: 120))
            let running = Task { try await dispatcher.run() }
            defer { running.cancel() }
            try await eventually("the other three posted while the first hangs") {
                // Time for the pool's next look, on the store's clock.
                clock.advance(by: 0.02)
                var posted = 0
                for id in due.dropFirst() where try await store.socialPost(id: id)?.status == .posted { posted += 1 }
                return posted == 3
            }
            try await equal(try await store.socialPost(id: due[0])?.status, .sending, "the hanging send keeps its claim")
            #expect(facebook.posts.count == 2)

            // Let go, the hanging send ends one way or the other and records it; nothing is left sending.
            zalo.releaseHanging()
            try await eventually("the hanging send recorded its outcome") {
                try await store.socialPost(id: due[0])?.status != .sending
            }
            running.cancel()
            _ = try? await running.value
        }
    }
}
