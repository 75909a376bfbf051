import TerminalUI
import VietText
import XCTest

final class FrameTests: XCTestCase {
    func testPutCountsColumnsPerGrapheme() {
        var frame = Frame(width: 12, height: 2)
        let nfd = "Việt".decomposedStringWithCanonicalMapping
        XCTAssertEqual(frame.put(nfd, row: 0, col: 0), 4)
        XCTAssertEqual(frame.put("中文", row: 0, col: 5), 4)
        XCTAssertEqual(frame.rowText(0), nfd + " 中文")
        XCTAssertEqual(DisplayWidth.of(frame.rowText(0)), 9)
    }

    func testWideCharacterNeverStraddlesTheLimit() {
        var frame = Frame(width: 5, height: 1)
        XCTAssertEqual(frame.put("ab中文", row: 0, col: 0), 5)
        XCTAssertEqual(frame.rowText(0), "ab中")
        XCTAssertEqual(frame.grapheme(row: 0, col: 4), " ")
        var limited = Frame(width: 10, height: 1)
        XCTAssertEqual(limited.put("中文字", row: 0, col: 1, maxWidth: 3), 3)
        XCTAssertEqual(limited.rowText(0), " 中")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var frame = Frame(width: 6, height: 1)
        frame.put("中文", row: 0, col: 0)
        frame.put("x", row: 0, col: 1)
        XCTAssertEqual(frame.rowText(0), " x文")
        frame.put("y", row: 0, col: 2)
        XCTAssertEqual(frame.rowText(0), " xy")
        XCTAssertEqual(DisplayWidth.of(frame.rowText(0)), 3)
    }

    func testControlCharactersAreDroppedAndClipping() {
        var frame = Frame(width: 4, height: 1)
        XCTAssertEqual(frame.put("a\tb\u{7}c", row: 0, col: 0), 3)
        XCTAssertEqual(frame.rowText(0), "abc")
        XCTAssertEqual(frame.put("zz", row: 3, col: 0), 0, "row outside the frame")
        XCTAssertEqual(frame.put("zz", row: 0, col: -1), 1)
        XCTAssertEqual(frame.rowText(0), "zbc")
    }

    func testFillAndStyles() {
        var frame = Frame(width: 4, height: 3)
        let red = Style(fg: .red, bold: true)
        frame.fill(Rect(row: 1, col: 1, width: 10, height: 10), style: red)
        XCTAssertEqual(frame.style(atRow: 0, col: 0), .normal)
        XCTAssertEqual(frame.style(atRow: 2, col: 3), red)
        XCTAssertEqual(frame.style(atRow: 1, col: 0), .normal)
    }

    func testGraphemesWithSeveralScalarsKeepAllOfThem() {
        var frame = Frame(width: 10, height: 1)
        let text = "e\u{301}👍🏽a\r\nb"
        XCTAssertEqual(frame.put(text, row: 0, col: 0), 5, "é 1 column, the thumbs-up 2, a and b 1; CR LF none")
        XCTAssertEqual(frame.grapheme(row: 0, col: 0), "e\u{301}")
        XCTAssertEqual(frame.grapheme(row: 0, col: 1), "👍🏽")
        XCTAssertTrue(frame[0, 2].isContinuation)
        XCTAssertEqual(frame.rowText(0), "e\u{301}👍🏽ab")
        var same = Frame(width: 10, height: 1)
        same.put("x", row: 0, col: 9)
        same.put(text, row: 0, col: 0)
        XCTAssertNotEqual(frame, same)
        same.put(" ", row: 0, col: 9)
        XCTAssertEqual(frame, same, "frames compare by what they show, not by how tails are numbered")
        var other = Frame(width: 10, height: 1)
        other.put("e\u{300}👍🏽ab", row: 0, col: 0)
        XCTAssertNotEqual(frame, other)
    }

    func testEllipsisMarksCutText() {
        var frame = Frame(width: 12, height: 1)
        XCTAssertEqual(frame.put("Thông báo khẩn", row: 0, col: 1, maxWidth: 8, ellipsis: true), 8)
        XCTAssertEqual(frame.rowText(0), " Thông b…")
        XCTAssertEqual(frame.put("Lý Sơn", row: 0, col: 1, maxWidth: 8, ellipsis: true), 6, "text that fits is not cut")
        var wide = Frame(width: 12, height: 1)
        XCTAssertEqual(wide.put("中文标题", row: 0, col: 0, maxWidth: 6, ellipsis: true), 6)
        XCTAssertEqual(wide.rowText(0), "中文 …")
    }

    func testFastAndGeneralWidthsAgree() {
        // Text the scalar walk takes and text that needs grapheme breaking give the same widths.
        for text in ["Cổng thông tin điện tử", "Tòa soạn — “trực” …", "中文 かな", "Vie\u{302}\u{323}t", "🇻🇳 x", "ｆｕｌｌ"] {
            var byCharacter = 0
            for c in text { byCharacter += DisplayWidth.of(c) }
            XCTAssertEqual(DisplayWidth.of(text), byCharacter, text)
        }
    }

    /// The full-screen app draws frames, and a frame keeps no control character: each is
    /// a zero-width grapheme of its own, which `put` drops.
    func testAFrameNeverHoldsWhatTheTerminalWouldObey() {
        let hostile = "Tin\u{1B}]0;pwned\u{07} \u{1B}[2J \u{9B}31m đỏ \u{202E}gpj.exe\u{7F}\u{0}"
        var frame = Frame(width: 200, height: 1)
        frame.put(hostile, row: 0, col: 0)
        XCTAssertFalse(frame.rowText(0).unicodeScalars.contains(where: TerminalSafeText.isUnsafe), frame.rowText(0))
        XCTAssertTrue(frame.rowText(0).hasPrefix("Tin]0;pwned [2J 31m đỏ gpj.exe"), frame.rowText(0))
    }
}
