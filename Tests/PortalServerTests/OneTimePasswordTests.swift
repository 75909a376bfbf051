import Foundation
@testable import PortalServer
import Testing

/// RFC 6238's and RFC 4648's own test vectors.
struct OneTimePasswordTests {
    @Test func totpMatchesTheRFCVectors() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        for (time, code) in [(59.0, "94287082"), (1111111109, "07081804"), (1234567890, "89005924"), (20000000000, "65353130")] {
            #expect(totp.code(counter: TOTP.counter(at: Date(timeIntervalSince1970: time)), digits: 8) == code, "\(time)")
        }
        #expect(totp.code(counter: 1) == "287082", "six digits keep leading zeros' place")
        let at = Date(timeIntervalSince1970: 59)
        #expect(totp.matchingCounter("287 082", at: at, usedAfter: nil) == 1)
        #expect(totp.matchingCounter("287082", at: at, usedAfter: 1) == nil, "used")
        #expect(totp.matchingCounter("28708", at: at, usedAfter: nil) == nil)
        #expect(totp.matchingCounter("287082", at: Date(timeIntervalSince1970: 59 + 120), usedAfter: nil) == nil, "too old")
    }

    @Test func base32RoundTripsAndTheAuthenticatorAddress() {
        for (text, encoded) in [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")] {
            #expect(Base32.encode(Array(text.utf8)) == encoded)
            #expect(Base32.decode(encoded.lowercased() + "====") == Array(text.utf8))
        }
        #expect(Base32.decode("MZ1") == nil)
        let url = TOTP(secret: Array("foobar".utf8)).authenticatorURL(account: "trực ban", issuer: "bientap")
        #expect(url == "otpauth://totp/bientap%3Atr%E1%BB%B1c%20ban?secret=MZXW6YTBOI&issuer=bientap&algorithm=SHA1&digits=6&period=30")
    }
}
