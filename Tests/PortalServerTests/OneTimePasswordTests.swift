import Foundation
@testable import PortalServer
import XCTest

/// RFC 6238's and RFC 4648's own test vectors.
final class OneTimePasswordTests: XCTestCase {
    func testTOTPMatchesTheRFCVectors() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        for (time, code) in [(59.0, "94287082"), (1111111109, "07081804"), (1234567890, "89005924"), (20000000000, "65353130")] {
            XCTAssertEqual(totp.code(counter: TOTP.counter(at: Date(timeIntervalSince1970: time)), digits: 8), code, "\(time)")
        }
        XCTAssertEqual(totp.code(counter: 1), "287082", "six digits keep leading zeros' place")
        let at = Date(timeIntervalSince1970: 59)
        XCTAssertEqual(totp.matchingCounter("287 082", at: at, usedAfter: nil), 1)
        XCTAssertNil(totp.matchingCounter("287082", at: at, usedAfter: 1), "used")
        XCTAssertNil(totp.matchingCounter("28708", at: at, usedAfter: nil))
        XCTAssertNil(totp.matchingCounter("287082", at: Date(timeIntervalSince1970: 59 + 120), usedAfter: nil), "too old")
    }

    func testBase32RoundTripsAndTheAuthenticatorAddress() {
        for (text, encoded) in [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")] {
            XCTAssertEqual(Base32.encode(Array(text.utf8)), encoded)
            XCTAssertEqual(Base32.decode(encoded.lowercased() + "===="), Array(text.utf8))
        }
        XCTAssertNil(Base32.decode("MZ1"))
        let url = TOTP(secret: Array("foobar".utf8)).authenticatorURL(account: "trực ban", issuer: "bientap")
        XCTAssertEqual(url, "otpauth://totp/bientap%3Atr%E1%BB%B1c%20ban?secret=MZXW6YTBOI&issuer=bientap&algorithm=SHA1&digits=6&period=30")
    }
}
