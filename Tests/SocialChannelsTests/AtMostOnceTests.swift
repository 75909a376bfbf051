import CurlHTTP
import Foundation
import SocialFakes
import XCTest

/// libcurl sends a request again, by itself, when the kept-alive connection it reused dies
/// before any answer: a post the network read (and published) would go out twice. A request
/// marked `atMostOnce` gets a connection of its own and is never resent.
final class AtMostOnceTests: XCTestCase {
    func testLibcurlResendsAPostWhoseReusedConnectionDropped() throws {
        let (fake, outcome) = try secondPostDropped(atMostOnce: false)
        defer { fake.stop() }
        XCTAssertEqual(try outcome.get().status, 200)
        XCTAssertEqual(fake.feedRequestCount, 3)
        XCTAssertEqual(fake.acceptedCount(message: "second"), 2)
    }

    func testARequestMarkedAtMostOnceIsNotResent() throws {
        let (fake, outcome) = try secondPostDropped(atMostOnce: true)
        defer { fake.stop() }
        guard case .failure(let error) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(error.requestSent)
        XCTAssertEqual(fake.feedRequestCount, 2)
        XCTAssertEqual(fake.acceptedCount(message: "second"), 1)
    }

    /// Two posts through one transport, the second accepted and its connection reset.
    private func secondPostDropped(atMostOnce: Bool) throws -> (FacebookFake, Result<HTTPResponse, TransportError>) {
        let fake = try FacebookFake()
        let transport = CurlTransport(connectTimeoutSeconds: 2, totalTimeoutSeconds: 5)
        func post(_ message: String) -> Result<HTTPResponse, TransportError> {
            let body = Data("message=\(message)&access_token=\(fake.pageToken)".utf8)
            let request = HTTPRequest(method: "POST", url: "\(fake.baseURL)/v21.0/\(fake.pageID)/feed",
                                      headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded")],
                                      body: body, atMostOnce: atMostOnce)
            return Result { try transport.perform(request) }.mapError { $0 as? TransportError ?? TransportError(curlCode: -1, message: "\($0)", url: "") }
        }
        XCTAssertEqual(try post("first").get().status, 200)
        fake.faults.failNext(1, with: .dropAfterAccepting)
        return (fake, post("second"))
    }
}
