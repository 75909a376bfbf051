import Foundation
import NewsroomKit
import Polling
import SocialChannels
import SocialFakes
import XCTest

final class ZaloConnectorTests: XCTestCase {
    private var fake: ZaloFake!
    private var vault: MemoryVault!
    /// Each wait of the connector passes at once, moving this clock, and is counted.
    private var clock: ManualClock!

    override func setUpWithError() throws {
        fake = try ZaloFake()
        vault = MemoryVault([.zalo: fake.credentials()])
        clock = ManualClock(skipsAhead: true)
    }

    override func tearDown() {
        fake.stop()
    }

    private func connector(verifyAttempts: Int = 5, totalSeconds: Int = 5, vault: MemoryVault? = nil) -> ZaloOAConnector {
        ZaloOAConnector(vault: vault ?? self.vault, timeouts: ConnectorTimeouts(connectSeconds: 1, totalSeconds: totalSeconds),
                        verifyAttempts: verifyAttempts, verifyDelay: .seconds(3), clock: clock)
    }

    func testCreatesTheArticleThenVerifiesItsID() async {
        let post = samplePost(1, channel: .zalo)
        let outcome = await connector().send(post)
        guard case .posted(let id, let link) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(fake.articles.map(\.id), [id])
        XCTAssertEqual(fake.articles.first?.title, post.title)
        XCTAssertEqual(fake.articles.first?.description, post.message)
        XCTAssertEqual(fake.articles.first?.coverURL, post.coverURL)
        XCTAssertEqual(link, "\(fake.baseURL)/articles/\(id)")
        XCTAssertEqual(clock.sleepsBegun, 1)
    }

    func testVerificationIsPolledUntilItYieldsTheID() async {
        fake.answerProcessing(3)
        let outcome = await connector(verifyAttempts: 5).send(samplePost(1, channel: .zalo))
        XCTAssertTrue(outcome.isPosted, "\(outcome)")
        XCTAssertEqual(clock.sleepsBegun, 4)
        XCTAssertEqual(fake.articles.count, 1)
    }

    func testATokenExpiringDuringVerificationIsRenewedAndTheIDStillRead() async throws {
        fake.answerProcessing(1)
        let fake = self.fake!
        let clock = ManualClock()
        let expiring = ZaloOAConnector(vault: vault, verifyAttempts: 3, verifyDelay: .seconds(1), clock: clock)
        let outcome = await withTaskGroup(of: SendOutcome?.self, returning: SendOutcome?.self) { group in
            group.addTask { await expiring.send(samplePost(1, channel: .zalo)) }
            group.addTask {
                // Zalo processes the article while the token runs out, in the first wait; every wait
                // is let go once it has begun, until the send is over (this task is then cancelled).
                var first = true
                while (try? await eventually({ () async -> Bool in clock.sleepers == 1 })) == true {
                    if first { fake.expireToken() }
                    first = false
                    clock.advance(by: 1)
                }
                return nil
            }
            var outcome: SendOutcome?
            while outcome == nil, let next = await group.next() { outcome = next }
            group.cancelAll()
            return outcome
        }
        let posted = try XCTUnwrap(outcome)
        XCTAssertTrue(posted.isPosted, "\(posted)")
        XCTAssertEqual(fake.renewals, 1)
        XCTAssertEqual(fake.createRequestCount, 1)
    }

    func testAnArticleNeverVerifiedIsUncertainNotResent() async {
        fake.answerProcessing(100)
        let post = samplePost(1, channel: .zalo)
        let outcome = await connector(verifyAttempts: 3).send(post)
        XCTAssertTrue(outcome.isUncertain, "\(outcome)")
        XCTAssertTrue(outcome.failure?.detail.contains("fake-article-token-1") ?? false, "\(outcome)")
        XCTAssertEqual(clock.sleepsBegun, 3)
        XCTAssertEqual(fake.createRequestCount, 1)
        XCTAssertEqual(fake.acceptedCount(title: post.title), 1)
    }

    func testANonZeroErrorWithHTTP200IsNotASuccess() async {
        fake.faults.failNext(1, with: .zalo(code: -201, status: 200, message: "Parameter is invalid"))
        let outcome = await connector().send(samplePost(1, channel: .zalo))
        XCTAssertEqual(outcome, .permanent(SendFailure(kind: .invalidPost, code: -201, detail: "Parameter is invalid")))
        XCTAssertTrue(fake.articles.isEmpty)
    }

    func testAnExpiredTokenIsRenewedThroughTheVaultAndTheSendTriedOnce() async {
        let oldRefresh = fake.refreshToken
        fake.expireToken()
        let outcome = await connector().send(samplePost(1, channel: .zalo))
        XCTAssertTrue(outcome.isPosted, "\(outcome)")
        XCTAssertEqual(fake.renewals, 1)
        XCTAssertEqual(vault.renewals, 1)
        XCTAssertEqual(fake.createRequestCount, 2)
        let stored = vault.stored(.zalo)
        XCTAssertEqual(stored?.accessToken, fake.accessToken)
        XCTAssertEqual(stored?.refreshToken, fake.refreshToken)
        XCTAssertNotEqual(stored?.refreshToken, oldRefresh)
        XCTAssertNotNil(stored?.accessTokenExpiresAt)
    }

    func testATokenAboutToExpireIsRenewedBeforeSending() async {
        let now = clock.now()
        let soon = MemoryVault([.zalo: fake.credentials(expiresAt: now.addingTimeInterval(60))])
        let outcome = await connector(vault: soon).send(samplePost(1, channel: .zalo))
        XCTAssertTrue(outcome.isPosted, "\(outcome)")
        XCTAssertEqual(fake.renewals, 1)
        XCTAssertEqual(fake.createRequestCount, 1)
        let expiry = soon.stored(.zalo)?.accessTokenExpiresAt?.timeIntervalSince(now) ?? 0
        XCTAssertEqual(expiry, 90_000, accuracy: 1)
    }

    func testAReusedRefreshTokenStopsTheSend() async {
        // Another installation renewed with the same refresh token first: ours is spent.
        let spent = MemoryVault([.zalo: fake.credentials()])
        fake.expireToken()
        _ = await connector(vault: vault).send(samplePost(1, channel: .zalo))
        XCTAssertEqual(fake.renewals, 1)

        let outcome = await connector(vault: spent).send(samplePost(2, channel: .zalo))
        XCTAssertTrue(outcome.isPermanent, "\(outcome)")
        XCTAssertEqual(outcome.failure?.kind, .expiredToken)
        XCTAssertEqual(outcome.failure?.code, -216)
        XCTAssertTrue(outcome.failure?.detail.contains("error -14020") ?? false, "\(outcome)")
        XCTAssertEqual(fake.renewals, 1)
        XCTAssertEqual(spent.stored(.zalo)?.refreshToken, "fake-zalo-refresh-1", "a failed renewal stores nothing")
    }

    func testSendsRacingOnAnExpiredTokenRenewItOnce() async {
        fake.expireToken()
        // Two portal processes (two connectors) sharing one vault.
        let first = connector(), second = connector()
        let outcomes = await withTaskGroup(of: SendOutcome.self) { group in
            for n in 0..<8 {
                group.addTask { await (n.isMultiple(of: 2) ? first : second).send(samplePost(Int64(n), channel: .zalo)) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertTrue(outcomes.allSatisfy(\.isPosted), "\(outcomes)")
        XCTAssertEqual(fake.renewals, 1)
        XCTAssertEqual(fake.articles.count, 8)
    }

    func testAFeatureOutsideTheOAsPackageIsPermanent() async {
        fake.faults.failNext(1, with: .zalo(code: -224, message: "OA has not bought the package"))
        let outcome = await connector().send(samplePost(1, channel: .zalo))
        XCTAssertEqual(outcome, .permanent(SendFailure(kind: .permission, code: -224, detail: "OA has not bought the package")))
    }

    func testRateLimitAnswersAreTransient() async {
        fake.faults.failNext(1, with: .zaloRateLimit(retryAfterSeconds: 30))
        fake.faults.failNext(1, with: .zalo(code: -211, message: "Out of quota"))
        for (code, wait) in [(-32, Duration.seconds(30)), (-211, nil)] {
            let outcome = await connector().send(samplePost(1, channel: .zalo))
            XCTAssertEqual(outcome.failure?.kind, .rateLimited, "\(code)")
            XCTAssertEqual(outcome.failure?.code, code)
            XCTAssertEqual(outcome.retryAfter, wait)
        }
        XCTAssertTrue(fake.articles.isEmpty)
    }

    func testAnUnknownCodeIsPermanentWithZalosWords() async {
        fake.faults.failNext(1, with: .zalo(code: -999, message: "Lỗi không xác định\u{1B}[2J"))
        let outcome = await connector().send(samplePost(1, channel: .zalo))
        XCTAssertEqual(outcome, .permanent(SendFailure(kind: .other, code: -999, detail: "Lỗi không xác định [2J")))
    }

    func testServerErrorsAreTransient() async {
        fake.faults.failNext(1, with: .zalo(code: -1, status: 503, message: "Service unavailable"))
        let outcome = await connector().send(samplePost(1, channel: .zalo))
        XCTAssertEqual(outcome.failure?.kind, .serverError)
        XCTAssertTrue(outcome.isTransient)
    }

    func testADropAfterReadingIsUncertain() async {
        fake.faults.failNext(1, with: .dropBeforeAccepting)
        fake.faults.failNext(1, with: .dropAfterAccepting)
        let before = await connector().send(samplePost(1, channel: .zalo))
        let after = await connector().send(samplePost(2, channel: .zalo))
        XCTAssertTrue(before.isUncertain, "\(before)")
        XCTAssertTrue(after.isUncertain, "\(after)")
        XCTAssertEqual(fake.articles.map(\.title), [samplePost(2, channel: .zalo).title])
        XCTAssertEqual(fake.createRequestCount, 2)
    }

    func testNoAnswerInTimeIsUncertain() async {
        fake.faults.failNext(1, with: .hang)
        let outcome = await connector(totalSeconds: 1).send(samplePost(1, channel: .zalo))
        fake.releaseHanging()
        XCTAssertEqual(outcome.failure?.kind, .timedOut)
        XCTAssertTrue(outcome.isUncertain)
    }

    func testNobodyListeningIsTransient() async {
        var credentials = fake.credentials()
        credentials.baseURL = "http://127.0.0.1:\(unusedLoopbackPort())"
        let outcome = await connector(vault: MemoryVault([.zalo: credentials])).send(samplePost(1, channel: .zalo))
        XCTAssertTrue(outcome.isTransient, "\(outcome)")
        XCTAssertEqual(outcome.failure?.kind, .unreachable)
    }

    func testAPostBeyondZalosLimitsIsRefusedWithoutAsking() async {
        let outcome = await connector().send(OutgoingPost(id: 1, channel: .zalo, title: String(repeating: "ầ", count: 151),
                                                          message: "Tin", link: "https://example.gov.vn/1", coverURL: nil))
        XCTAssertEqual(outcome.failure?.kind, .invalidPost)
        XCTAssertTrue(outcome.isPermanent)
        XCTAssertEqual(fake.createRequestCount, 0)
    }
}
