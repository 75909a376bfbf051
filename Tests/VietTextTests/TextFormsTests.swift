import Foundation
import VietText
import XCTest

final class TextFormsTests: XCTestCase {
    func testNFC() {
        let nfd = "Hòa Bình".decomposedStringWithCanonicalMapping
        XCTAssertFalse(Normalization.isNFC(nfd))
        XCTAssertEqual(Array(Normalization.nfc(nfd).unicodeScalars), Array("Hòa Bình".unicodeScalars))
        XCTAssertTrue(Normalization.isNFC(Normalization.nfc(nfd)))
    }

    func testNFCShortcutStillCatchesSingletonsAndMarks() {
        // Characters NFC replaces although nothing combines: ohm sign, en quad, Kelvin sign.
        for (input, output) in [("\u{2126}", "\u{03A9}"), ("a\u{2000}b", "a\u{2002}b"), ("\u{212A}", "K"),
                                ("Vie\u{0323}\u{0302}t", "Việt"), ("“Đắk Lắk” – 26.500 ₫…", "“Đắk Lắk” – 26.500 ₫…")] {
            XCTAssertEqual(Array(Normalization.nfc(input).unicodeScalars), Array(output.unicodeScalars), input)
            XCTAssertEqual(Normalization.isNFC(input), Array(input.unicodeScalars) == Array(output.unicodeScalars), input)
        }
    }

    func testNFCOfMixedTextAgreesWithFoundationWordByWord() {
        // Normalization.nfc sends only the words that need it through Foundation: the result
        // must be the whole text's NFC, whatever stands around a cut (marks after spaces, CR LF…).
        let pieces = ["Vie\u{0323}\u{0302}t", "Việt", " ", "\n", "\r\n", "\t", "\u{0301}", "a", "o\u{031B}", "\u{2126}",
                      "\u{1100}\u{1161}", "\u{00A0}", "đ", "e\u{0302}\u{0300}", "26.500", "\u{0323}\u{0302}", "\u{2000}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(Array(Normalization.nfc(text).unicodeScalars),
                           Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), text.debugDescription)
        }
    }

    func testDiacriticsStripIncludingDStroke() {
        XCTAssertEqual(Diacritics.strip("Tòa soạn Đắk Lắk"), "Toa soan Dak Lak")
        XCTAssertEqual(Diacritics.strip("đường"), "duong")
        XCTAssertEqual(Diacritics.searchKey("Ủy Ban"), "uy ban")
    }

    func testWordCountTreatsNumbersAndDocumentNumbersAsOneWord() {
        XCTAssertEqual(WordCount.of("Ủy ban nhân dân tỉnh"), 5)
        XCTAssertEqual(WordCount.of("Theo Nghị định 43/2011/NĐ-CP, kinh phí 26.500 triệu đồng."), 9)
        XCTAssertEqual(WordCount.of(""), 0)
        XCTAssertEqual(WordCount.of("  -- \n "), 0)
    }

    func testLanguageFromEnvironment() {
        XCTAssertEqual(UILanguage.fromEnvironment([:]), .vi)
        XCTAssertEqual(UILanguage.fromEnvironment(["LANG": "en_US.UTF-8"]), .en)
        XCTAssertEqual(UILanguage.fromEnvironment(["LANG": "vi_VN.UTF-8"]), .vi)
        XCTAssertEqual(UILanguage.fromEnvironment(["LANG": "en_US.UTF-8", "LC_ALL": "vi_VN.UTF-8"]), .vi)
        XCTAssertEqual(UILanguage.fromEnvironment(["LC_MESSAGES": "en_GB", "LANG": "vi_VN"]), .en)
        let text = Localized(vi: "Thoát", en: "Quit")
        XCTAssertEqual(text(.vi), "Thoát")
        XCTAssertEqual(text(.en), "Quit")
    }
}
