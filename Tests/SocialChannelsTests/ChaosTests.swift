import Foundation
import NewsroomKit
import SocialChannels
import SocialFakes
import XCTest

/// 1,000 posts through fakes that fail 30% of requests at random and drop 5% of connections
/// after reading the request. Transient failures are sent again (as the dispatcher would);
/// whatever happens, no post is accepted twice, and every outcome agrees with what the fake
/// accepted.
final class ChaosTests: XCTestCase {
    private static let posts = 1_000
    private static let concurrentSends = 8

    private static let chances: [FakeFault.Chance] = [
        // 30% failures: server errors, rate limits and refusals…
        FakeFault.Chance(0.08, .error(status: 500, code: 1, message: "An unknown error occurred")),
        FakeFault.Chance(0.08, .error(status: 503, code: 2, message: "Service temporarily unavailable")),
        FakeFault.Chance(0.08, .error(status: 429, code: 4, message: "Application request limit reached", headers: ["Retry-After": "1"])),
        FakeFault.Chance(0.06, .error(status: 400, code: 368, message: "Temporarily blocked")),
        // …and 5% of connections reset after the request was read, half after posting it.
        FakeFault.Chance(0.025, .dropBeforeAccepting),
        FakeFault.Chance(0.025, .dropAfterAccepting),
    ]

    func testFacebookNeverPostsTwice() async throws {
        let fake = try FacebookFake()
        defer { fake.stop() }
        fake.faults.failRandomly(Self.chances, seed: 20_261_205)
        let connector = FacebookPageConnector(vault: MemoryVault([.facebook: fake.credentials()]),
                                              timeouts: ConnectorTimeouts(connectSeconds: 5, totalSeconds: 20))
        let accepted: @Sendable (Int64) -> Int = { fake.acceptedCount(message: samplePost($0, channel: .facebook).message) }
        let outcomes = await Self.sendAll(through: connector, accepted: accepted)
        let tally = try Self.check(outcomes, accepted: accepted)
        XCTAssertEqual(fake.posts.count, tally.posted + tally.uncertainButAccepted)
        print("chaos facebook: \(tally)")
    }

    func testZaloNeverPostsTwice() async throws {
        let fake = try ZaloFake()
        defer { fake.stop() }
        // Zalo answers its errors with HTTP 200 and its own codes.
        let chances = Self.chances.map { chance -> FakeFault.Chance in
            guard chance.fault.kind == .error else { return chance }
            let code = [500: -1, 503: -1, 429: -32, 400: -224][chance.fault.status] ?? -1
            return FakeFault.Chance(chance.probability, .zalo(code: code, status: chance.fault.status == 400 ? 200 : chance.fault.status))
        }
        fake.faults.failRandomly(chances, seed: 20_261_206)
        let connector = ZaloOAConnector(vault: MemoryVault([.zalo: fake.credentials()]),
                                        timeouts: ConnectorTimeouts(connectSeconds: 5, totalSeconds: 20),
                                        verifyDelay: .zero, clock: ManualClock(skipsAhead: true))
        let accepted: @Sendable (Int64) -> Int = { fake.acceptedCount(title: samplePost($0, channel: .zalo).title) }
        let outcomes = await Self.sendAll(through: connector, accepted: accepted)
        let tally = try Self.check(outcomes, accepted: accepted)
        XCTAssertEqual(fake.articles.count, tally.posted + tally.uncertainButAccepted)
        print("chaos zalo: \(tally)")
    }

    struct Tally: CustomStringConvertible {
        var posted = 0, permanent = 0, uncertainButAccepted = 0, uncertainNotAccepted = 0, attempts = 0
        var description: String {
            "\(attempts) attempts; posted \(posted), permanent \(permanent), uncertain \(uncertainButAccepted) accepted + \(uncertainNotAccepted) not"
        }
    }

    /// Each post sent until its outcome is not transient (at most 30 attempts), 8 at a time;
    /// after each transient outcome the fake must not have accepted the post.
    private static func sendAll(through connector: some SocialConnector,
                                accepted: @escaping @Sendable (Int64) -> Int) async -> [Int64: (SendOutcome, attempts: Int)] {
        await withTaskGroup(of: (Int64, SendOutcome, Int).self) { group in
            var results: [Int64: (SendOutcome, attempts: Int)] = [:]
            var next: Int64 = 1
            func start() {
                let id = next
                next += 1
                group.addTask {
                    var attempts = 0
                    while true {
                        attempts += 1
                        let outcome = await connector.send(samplePost(id, channel: connector.channel))
                        if !outcome.isTransient || attempts == 30 { return (id, outcome, attempts) }
                        XCTAssertEqual(accepted(id), 0, "post \(id) transient yet accepted")
                    }
                }
            }
            while next <= concurrentSends { start() }
            for await (id, outcome, attempts) in group {
                results[id] = (outcome, attempts)
                if next <= Int64(posts) { start() }
            }
            return results
        }
    }

    private static func check(_ outcomes: [Int64: (SendOutcome, attempts: Int)], accepted: (Int64) -> Int) throws -> Tally {
        XCTAssertEqual(outcomes.count, posts)
        var tally = Tally()
        for (id, (outcome, attempts)) in outcomes.sorted(by: { $0.key < $1.key }) {
            let count = accepted(id)
            tally.attempts += attempts
            XCTAssertLessThanOrEqual(count, 1, "post \(id) accepted \(count) times")
            switch outcome {
            case .posted:
                XCTAssertEqual(count, 1, "post \(id) said posted")
                tally.posted += 1
            case .transient:
                XCTAssertEqual(count, 0, "post \(id) transient yet accepted")
                XCTFail("post \(id) still transient after \(attempts) attempts")
            case .permanent:
                XCTAssertEqual(count, 0, "post \(id) permanent yet accepted")
                tally.permanent += 1
            case .uncertain:
                if count == 1 { tally.uncertainButAccepted += 1 } else { tally.uncertainNotAccepted += 1 }
            }
        }
        XCTAssertGreaterThan(tally.posted, posts / 2)
        XCTAssertGreaterThan(tally.uncertainButAccepted, 0)
        XCTAssertGreaterThan(tally.uncertainNotAccepted, 0)
        XCTAssertGreaterThan(tally.permanent, 0)
        return tally
    }
}
