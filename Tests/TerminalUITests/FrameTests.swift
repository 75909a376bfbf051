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
        XCTAssertEqual(frame[0, 4].text, " ")
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
}
