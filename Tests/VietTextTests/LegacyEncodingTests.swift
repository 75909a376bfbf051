import Foundation
import VietText
import XCTest

final class LegacyEncodingTests: XCTestCase {
    private let unicode = "Cổng thông tin điện tử tỉnh Quảng Ngãi. Mường Khương, người dân, học sinh, Đắk Lắk, quyết định."

    /// `text` in TCVN3 bytes, by glibc's converter: its TCVN5712-1 agrees with
    /// TCVN3 (ABC) on every lower-case letter and on Ă Â Ê Ô Ơ Ư Đ.
    private func tcvn3Bytes(_ text: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "TCVN5712-1"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let bytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return bytes
    }

    func testTCVN3PastedAndSavedAsBytes() throws {
        let bytes = try tcvn3Bytes(unicode)
        XCTAssertEqual(LegacyEncoding.tcvn3.decode(bytes), unicode)
        let pasted = String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        XCTAssertEqual(pasted.prefix(10), "C\u{E6}ng th\u{AB}ng")
        XCTAssertEqual(LegacyEncoding.tcvn3.convert(pasted), unicode)
        XCTAssertEqual(LegacyEncoding.detect(pasted), .tcvn3)
    }

    func testEveryTCVN3LetterAgreesWithGlibc() throws {
        let letters = ["aáàảãạ", "ăắằẳẵặ", "âấầẩẫậ", "eéèẻẽẹ", "êếềểễệ", "iíìỉĩị", "oóòỏõọ", "ôốồổỗộ", "ơớờởỡợ",
                       "uúùủũụ", "ưứừửữự", "yýỳỷỹỵ", "đ", "ĂÂÊÔƠƯĐ"].joined(separator: " ")
        XCTAssertEqual(LegacyEncoding.tcvn3.decode(try tcvn3Bytes(letters)), letters)
    }

    func testLatinSignsThatAreTCVN3LettersStayPartOfTheWord() {
        // « is ô and » is ằ: at a word's edge they are letters, not quotation marks.
        let found = LegacyEncoding.tcvn3.firstEncodedWord(in: "(th«) c¸")
        XCTAssertEqual(found?.column, 2)
        XCTAssertEqual(found?.word, "th«")
        XCTAssertEqual(LegacyEncoding.tcvn3.convert("th« l»"), "thô lằ")
        XCTAssertEqual(LegacyEncoding.detect("th« vµ th«."), .tcvn3, "words ending in « count as evidence")
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

    func testCheckerReportsALegacyLineOnceInsteadOfEveryWord() throws {
        let checker = SpellChecker(lexicon: Lexicon.standard())
        let text = "Tin mới nhất hôm nay.\n" + LegacyEncoding.windows1252(try tcvn3Bytes("Cổng thông tin điện tử tỉnh Quảng Ngãi")) + "\nsử lý hồ sơ."
        let findings = checker.check(text)
        XCTAssertEqual(findings.map(\.kind), [.encoding, .realword], "\(findings)")
        XCTAssertEqual(findings[0].line, 2)
        XCTAssertEqual(findings[0].column, 1)
        XCTAssertEqual(findings[0].legacyEncoding, .tcvn3)
        XCTAssertEqual(findings[0].suggestions, ["Cổng"])
    }
}
