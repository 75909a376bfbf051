import VietText
import XCTest

final class LegacyEncodingTests: XCTestCase {
    private let unicode = "Cổng thông tin điện tử tỉnh Quảng Ngãi. Mường Khương, người dân, học sinh, Đắk Lắk, quyết định."

    /// The bytes Word saves, or pastes as Latin-1 letters, for lower-case TCVN3 text.
    private func tcvn3Bytes(_ text: String) -> [UInt8] {
        // glibc's TCVN5712-1 agrees with TCVN3 (ABC) on lower case and ĂÂÊÔƠƯĐ.
        let table: [Character: UInt8] = [
            "Đ": 0xA7, "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
            "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9, "ắ": 0xBE, "ấ": 0xCA, "ậ": 0xCB,
            "ệ": 0xD6, "ế": 0xD5, "ỉ": 0xD8, "ọ": 0xE4, "ổ": 0xE6, "ị": 0xDE, "ờ": 0xEA, "ử": 0xF6,
        ]
        return text.flatMap { ch -> [UInt8] in table[ch].map { [$0] } ?? Array(String(ch).utf8) }
    }

    func testTCVN3PastedAndSavedAsBytes() {
        let bytes = tcvn3Bytes(unicode)
        XCTAssertTrue(bytes.allSatisfy { $0 < 0x80 || $0 >= 0xA0 })
        XCTAssertEqual(LegacyEncoding.tcvn3.decode(bytes), unicode)
        let pasted = String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        XCTAssertEqual(pasted.prefix(10), "C\u{E6}ng th\u{AB}ng")
        XCTAssertEqual(LegacyEncoding.tcvn3.convert(pasted), unicode)
        XCTAssertEqual(LegacyEncoding.detect(pasted), .tcvn3)
    }

    func testVNIPastedIncludingCapitalsAndSingleCodeLetters() {
        let pasted = "Coång thoâng tin ñieän töû tænh Quaûng Ngaõi. Möôøng Khöông, NGÖÔØI DAÂN, hoïc sinh, Ñaék Laék, quyeát ñònh, Thuûy, Myõ, Kyø."
        XCTAssertEqual(LegacyEncoding.vni.convert(pasted),
                       "Cổng thông tin điện tử tỉnh Quảng Ngãi. Mường Khương, NGƯỜI DÂN, học sinh, Đắk Lắk, quyết định, Thủy, Mỹ, Kỳ.")
        XCTAssertEqual(LegacyEncoding.detect(pasted), .vni)
        // ỵ has a code of its own; the breve marks ă.
        XCTAssertEqual(LegacyEncoding.vni.convert("Chuù yù: Vaên phoøng, kî, aên"), "Chú ý: Văn phòng, kỵ, ăn")
    }

    func testUnicodeTextIsNeverTakenForALegacyEncoding() {
        for text in [unicode, "Hòa bình, ô tô, đèo Cả, cà phê, thế giới, Hà Nội.", "Ông Müller và bà Françoise đến Đà Nẵng.",
                     "Nhiệt độ 30°C, giá ½ triệu, © 2026 « Báo » — ±5%", "plain ASCII text", ""] {
            XCTAssertNil(LegacyEncoding.detect(text), text)
        }
    }

    func testWindows1252HighBytes() {
        XCTAssertEqual(LegacyEncoding.windows1252([0x93, 0x41, 0x94, 0x85, 0x80]), "“A”…€")
    }

    func testCheckerReportsALegacyLineOnceInsteadOfEveryWord() {
        let checker = SpellChecker(lexicon: Lexicon.standard())
        let text = "Tin mới nhất hôm nay.\n" + LegacyEncoding.windows1252(tcvn3Bytes("Cổng thông tin điện tử tỉnh Quảng Ngãi")) + "\nsử lý hồ sơ."
        let findings = checker.check(text)
        XCTAssertEqual(findings.map(\.kind), [.encoding, .realword], "\(findings)")
        XCTAssertEqual(findings[0].line, 2)
        XCTAssertEqual(findings[0].column, 1)
        XCTAssertEqual(findings[0].legacyEncoding, .tcvn3)
        XCTAssertEqual(findings[0].suggestions, ["Cổng"])
    }
}
