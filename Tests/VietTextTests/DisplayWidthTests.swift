import VietText
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testVietnameseLettersAreOneColumnPrecomposedOrNot() {
        let nfc = "Tiếng Việt"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfc.unicodeScalars).count, Array(nfd.unicodeScalars).count)
        XCTAssertEqual(DisplayWidth.of(nfc), 10)
        XCTAssertEqual(DisplayWidth.of(nfd), 10)
        XCTAssertEqual(DisplayWidth.of("Đặng Thị Ỷ"), 10)
    }

    func testWideAndZeroWidth() {
        XCTAssertEqual(DisplayWidth.of("中文"), 4)
        XCTAssertEqual(DisplayWidth.of("한국"), 4)
        XCTAssertEqual(DisplayWidth.of("ｱ"), 1)  // half-width katakana
        XCTAssertEqual(DisplayWidth.of("Ａ"), 2)  // full-width A
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2)
        XCTAssertEqual(DisplayWidth.of("\t"), 0)
    }

    func testTruncateAndFitCountColumnsNotCharacters() {
        XCTAssertEqual(DisplayWidth.truncate("Ủy ban nhân dân", to: 8), "Ủy ban …")
        XCTAssertEqual(DisplayWidth.truncate("中文中文", to: 5), "中文…")
        XCTAssertEqual(DisplayWidth.truncate("ngắn", to: 10), "ngắn")
        XCTAssertEqual(DisplayWidth.fit("Lý Sơn", to: 8), "Lý Sơn  ")
        XCTAssertEqual(DisplayWidth.fit("42", to: 5, alignRight: true), "   42")
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.fit("中文中文中", to: 7)), 7)
    }

    func testWrapBreaksAtSpacesAndSplitsLongWords() {
        let lines = DisplayWidth.wrap("Ủy ban nhân dân tỉnh Quảng Ngãi họp phiên thường kỳ", to: 16)
        XCTAssertEqual(lines, ["Ủy ban nhân dân", "tỉnh Quảng Ngãi", "họp phiên thường", "kỳ"])
        XCTAssertEqual(DisplayWidth.wrap("abcdefghij", to: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(DisplayWidth.wrap("một\n\nhai", to: 10), ["một", "", "hai"])
        for line in DisplayWidth.wrap("中文中文中文 中文", to: 5) {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 5)
        }
    }
}
