import CurlHTTP
import Foundation
@testable import SocialChannels
import SocialFakes
import XCTest

final class FacebookConnectorTests: XCTestCase {
    private var fake: FacebookFake!
    private var connector: FacebookPageConnector!

    override func setUpWithError() throws {
        fake = try FacebookFake()
        connector = FacebookPageConnector(vault: MemoryVault([.facebook: fake.credentials()]),
                                          timeouts: ConnectorTimeouts(connectSeconds: 2, totalSeconds: 5))
    }

    override func tearDown() {
        fake.stop()
    }

    func testPostsMessageAndLinkAsThePageAndKeepsItsID() async throws {
        let post = samplePost(1, channel: .facebook)
        let outcome = await connector.send(post)
        guard case .posted(let id, let link) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(fake.posts, [FacebookFake.Post(id: id, message: post.message, link: post.link)])
        XCTAssertTrue(id.hasPrefix(fake.pageID + "_"))
        XCTAssertEqual(link, "https://www.facebook.com/\(fake.pageID)/posts/\(id.dropFirst(fake.pageID.count + 1))")
    }

    func testEachTransientCodeIsRetryableAndPostsNothing() async {
        for code in [1, 2, 4, 17, 32, 341, 613, 80001] {
            fake.faults.failNext(1, with: .facebook(code: code, status: code <= 2 ? 500 : 400))
            let post = samplePost(Int64(code), channel: .facebook)
            let outcome = await connector.send(post)
            XCTAssertTrue(outcome.isTransient, "code \(code): \(outcome)")
            XCTAssertEqual(outcome.failure?.code, code)
            XCTAssertEqual(outcome.failure?.kind, code <= 2 ? .serverError : .rateLimited, "code \(code)")
            XCTAssertEqual(fake.acceptedCount(message: post.message), 0)
        }
        XCTAssertTrue(fake.posts.isEmpty)
    }

    func testEachPermanentCodeStopsWithItsReason() async {
        let cases: [(code: Int, kind: SendFailure.Kind)] = [
            (190, .expiredToken), (200, .permission), (230, .permission), (299, .permission),
            (368, .blocked), (506, .duplicate), (100, .invalidPost), (9007, .other),
        ]
        for (code, kind) in cases {
            fake.faults.failNext(1, with: .facebook(code: code, subcode: code == 190 ? 460 : nil))
            let outcome = await connector.send(samplePost(Int64(code), channel: .facebook))
            XCTAssertTrue(outcome.isPermanent, "code \(code): \(outcome)")
            XCTAssertEqual(outcome.failure?.kind, kind, "code \(code)")
            XCTAssertEqual(outcome.failure?.code, code)
            XCTAssertTrue(outcome.failure?.detail.contains("fbtrace_id AfakeTrace\(code)") ?? false, "\(outcome)")
        }
        XCTAssertEqual(fake.feedRequestCount, cases.count)
        XCTAssertTrue(fake.posts.isEmpty)
    }

    func testAnExpiredPageTokenIsPermanent() async {
        fake.expireToken()
        let outcome = await connector.send(samplePost(1, channel: .facebook))
        XCTAssertEqual(outcome, .permanent(SendFailure(kind: .expiredToken, code: 190, subcode: 463,
                                                        detail: "Error validating access token: Session has expired. (OAuthException) fbtrace_id AfakeTrace190")))
    }

    func testTooManyRequestsHonoursRetryAfter() async {
        fake.faults.failNext(1, with: .error(status: 429, code: 0, message: "Slow down", headers: ["Retry-After": "120"]))
        fake.faults.failNext(1, with: .facebookTooManyRequests(retryAfterSeconds: 45))
        let unknownCode = await connector.send(samplePost(1, channel: .facebook))
        let code4 = await connector.send(samplePost(2, channel: .facebook))
        XCTAssertEqual(unknownCode.failure?.kind, .rateLimited)
        XCTAssertEqual(unknownCode.retryAfter, .seconds(120))
        XCTAssertEqual(code4.failure?.code, 4)
        XCTAssertEqual(code4.retryAfter, .seconds(45))
        XCTAssertTrue(fake.posts.isEmpty)
    }

    func testBusinessUseCaseUsageSaysWhenToComeBack() async {
        for code in [4, 80001] {
            fake.faults.failNext(1, with: .facebookBusinessUseCaseLimit(pageID: fake.pageID, regainAccessMinutes: 7, code: code))
            let outcome = await connector.send(samplePost(1, channel: .facebook))
            XCTAssertEqual(outcome.failure?.kind, .rateLimited)
            XCTAssertEqual(outcome.retryAfter, .seconds(7 * 60), "code \(code)")
        }
    }

    func testServerErrorsAreTransient() async {
        for status in [500, 502, 503] {
            fake.faults.failNext(1, with: .error(status: status, code: 12345, message: "Service temporarily unavailable"))
            let outcome = await connector.send(samplePost(Int64(status), channel: .facebook))
            XCTAssertTrue(outcome.isTransient, "HTTP \(status): \(outcome)")
            XCTAssertEqual(outcome.failure?.kind, .serverError)
        }
        XCTAssertTrue(fake.posts.isEmpty)
    }

    func testADropAfterReadingIsUncertainWhetherOrNotItPosted() async {
        fake.faults.failNext(1, with: .dropBeforeAccepting)
        let before = samplePost(1, channel: .facebook)
        let notPosted = await connector.send(before)
        XCTAssertEqual(notPosted.failure?.kind, .connectionDropped)
        XCTAssertTrue(notPosted.isUncertain, "\(notPosted)")
        XCTAssertEqual(fake.acceptedCount(message: before.message), 0)

        fake.faults.failNext(1, with: .dropAfterAccepting)
        let after = samplePost(2, channel: .facebook)
        let posted = await connector.send(after)
        XCTAssertTrue(posted.isUncertain, "\(posted)")
        XCTAssertEqual(fake.acceptedCount(message: after.message), 1)
        // One request each: libcurl did not send either again on a fresh connection.
        XCTAssertEqual(fake.feedRequestCount, 2)
    }

    func testNoAnswerInTimeIsUncertain() async {
        let impatient = FacebookPageConnector(vault: MemoryVault([.facebook: fake.credentials()]),
                                              timeouts: ConnectorTimeouts(connectSeconds: 1, totalSeconds: 1))
        fake.faults.failNext(1, with: .hang)
        let outcome = await impatient.send(samplePost(1, channel: .facebook))
        fake.releaseHanging()
        XCTAssertTrue(outcome.isUncertain, "\(outcome)")
        XCTAssertEqual(outcome.failure?.kind, .timedOut)
    }

    func testNobodyListeningIsTransient() async {
        var credentials = fake.credentials()
        credentials.baseURL = "http://127.0.0.1:\(unusedLoopbackPort())"
        let refused = FacebookPageConnector(vault: MemoryVault([.facebook: credentials]))
        let outcome = await refused.send(samplePost(1, channel: .facebook))
        XCTAssertTrue(outcome.isTransient, "\(outcome)")
        XCTAssertEqual(outcome.failure?.kind, .unreachable)
    }

    func testATimeoutBeforeTheRequestWentOutIsTransientAfterItUncertain() {
        let connecting = TransportError(curlCode: 28, message: "Connection timed out after 5001 milliseconds", url: "x", requestSent: false)
        let waiting = TransportError(curlCode: 28, message: "Operation timed out after 30000 milliseconds", url: "x", requestSent: true)
        XCTAssertTrue(TransportFailures.outcome(connecting).isTransient)
        XCTAssertEqual(TransportFailures.outcome(waiting).failure?.kind, .timedOut)
        XCTAssertTrue(TransportFailures.outcome(waiting).isUncertain)
    }

    func testWhatTheNetworkSaysIsMadeSafeForATerminal() async {
        fake.faults.failNext(1, with: .facebook(code: 368).with(message: "Blocked\u{1B}]0;pwned\u{07}\r\nnow \u{202E}evil \u{9B}31m"))
        let outcome = await connector.send(samplePost(1, channel: .facebook))
        let detail = outcome.failure?.detail ?? ""
        XCTAssertTrue(detail.hasPrefix("Blocked ]0;pwned now evil 31m"), detail)
        XCTAssertFalse(detail.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
    }

    func testAnAnswerTooLongToBeTrueIsNotRead() async {
        fake.faults.failNext(1, with: .facebook(code: 1).with(message: String(repeating: "x", count: 2_000_000)))
        let outcome = await connector.send(samplePost(1, channel: .facebook))
        XCTAssertTrue(outcome.isUncertain, "\(outcome)")
        XCTAssertEqual(outcome.failure?.kind, .unreadableAnswer)
    }

    func testAnswersThatAreNotTheGraphAPIs() {
        func answer(_ status: Int, _ body: String) -> SendOutcome {
            FacebookAnswer.outcome(of: HTTPResponse(status: status, headers: [:], body: Data(body.utf8)), now: Date())
        }
        XCTAssertTrue(answer(200, "<html>ok</html>").isUncertain)
        XCTAssertTrue(answer(200, #"{"id": "../../etc"}"#).isUncertain)
        XCTAssertTrue(answer(200, #"{"id": 12}"#).isPosted)
        XCTAssertTrue(answer(502, "<html>Bad gateway</html>").isTransient)
        XCTAssertTrue(answer(404, "Not found").isPermanent)
        XCTAssertEqual(answer(400, #"{"error": {"code": "190", "message": ["odd"]}}"#).failure?.kind, .expiredToken)
        XCTAssertTrue(answer(400, #"{"error": {"code": 99, "is_transient": true}}"#).isTransient)
    }

    func testRetryAfterAsAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let later = "Fri, 15 Jan 2027 08:01:40 GMT" // 1_800_000_100
        XCTAssertEqual(RateLimitHeaders.wait(in: ["retry-after": later], now: now), .seconds(100))
        XCTAssertEqual(RateLimitHeaders.wait(in: ["retry-after": "soon"], now: now), nil)
        XCTAssertEqual(RateLimitHeaders.wait(in: ["retry-after": "999999999"], now: now), .seconds(24 * 3600))
    }

    func testEngagementOfAPost() async throws {
        let outcome = await connector.send(samplePost(1, channel: .facebook))
        guard case .posted(let id, _) = outcome else { return XCTFail("\(outcome)") }
        fake.setEngagement(postID: id, views: 1_234, reactions: 56, shares: 7)
        let engagement = try await connector.engagement(remoteID: id)
        XCTAssertEqual(engagement, Engagement(views: 1_234, reactions: 56, shares: 7))
    }

    func testNoCredentialsStoredIsPermanent() async {
        let outcome = await FacebookPageConnector(vault: MemoryVault()).send(samplePost(1, channel: .facebook))
        XCTAssertEqual(outcome, .permanent(SendFailure(kind: .notConfigured)))
    }

    func testTheFakeIsControlledOverHTTPToo() async throws {
        let transport = CurlTransport()
        let command = #"{"failNext": {"count": 1, "fault": {"kind": "error", "status": 400, "code": 613}}}"#
        let set = try transport.perform(HTTPRequest(method: "POST", url: fake.baseURL + "/__control",
                                                    headers: [(name: "Content-Type", value: "application/json")], body: Data(command.utf8)))
        XCTAssertEqual(set.status, 200)
        let limited = await connector.send(samplePost(1, channel: .facebook))
        XCTAssertEqual(limited.failure?.code, 613)
        let posted = await connector.send(samplePost(2, channel: .facebook))
        XCTAssertTrue(posted.isPosted)
        let summary = try transport.perform(HTTPRequest(url: fake.baseURL + "/__control"))
        let counts = try XCTUnwrap(JSONSerialization.jsonObject(with: summary.body) as? [String: Any])
        XCTAssertEqual(counts["accepted"] as? Int, 1)
        XCTAssertEqual(counts["feedRequests"] as? Int, 2)
    }
}

extension FakeFault {
    func with(message: String) -> FakeFault {
        var fault = self
        fault.message = message
        return fault
    }
}
