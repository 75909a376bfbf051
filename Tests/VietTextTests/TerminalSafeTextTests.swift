import Foundation
import VietText
import XCTest

/// What a hostile contributor would put in a title to take over an editor's terminal.
let hostileText = "Tin\u{1B}]0;pwned\u{07} \u{1B}[2J \u{1B}]52;c;cHduZWQ=\u{07} \u{1B}]8;;http://evil.example\u{1B}\\bấm\u{1B}]8;;\u{1B}\\ \u{9B}31m đỏ \u{202E}gpj.exe\u{2066}x\u{2069}\u{7F}\u{0}"

final class TerminalSafeTextTests: XCTestCase {
    func testControlCharactersAndEscapeSequencesAreShownVisibly() {
        XCTAssertEqual(TerminalSafeText.line("\u{1B}]0;pwned\u{07}"), "^[]0;pwned^G")
        XCTAssertEqual(TerminalSafeText.line("\u{1B}[2J"), "^[[2J")
        XCTAssertEqual(TerminalSafeText.line("a\u{7F}b\u{0}c\u{1}"), "a^?b^@c^A")
        XCTAssertEqual(TerminalSafeText.line("\u{9B}31m"), "<U+009B>31m")
        XCTAssertEqual(TerminalSafeText.line("\u{202E}gpj.exe"), "<U+202E>gpj.exe")
        XCTAssertEqual(TerminalSafeText.line("\u{2066}x\u{2069}\u{200F}"), "<U+2066>x<U+2069><U+200F>")
        XCTAssertEqual(TerminalSafeText.line("một\tdòng\nhai\r\n"), "một^Idòng^Jhai^M^J")
    }

    func testLinesKeepTabsAndLineBreaksButNotALoneCarriageReturn() {
        XCTAssertEqual(TerminalSafeText.lines("một\tdòng\r\nhai\nba\rbốn"), "một\tdòng\nhai\nba^Mbốn")
        XCTAssertEqual(TerminalSafeText.lines("\u{1B}[2J\n"), "^[[2J\n")
    }

    func testPlainVietnameseIsUntouched() {
        let text = "Sở Văn hoá — «Tin» 北京 👍🏽 " + "Việt".decomposedStringWithCanonicalMapping
        XCTAssertEqual(TerminalSafeText.lines(text), text)
        XCTAssertEqual(TerminalSafeText.line(text), text)
    }

    func testNothingTheTerminalWouldObeyIsLeft() {
        for safe in [TerminalSafeText.line(hostileText), TerminalSafeText.lines(hostileText + "\n")] {
            XCTAssertFalse(safe.unicodeScalars.contains { $0.value != 0x0A && TerminalSafeText.isUnsafe($0) }, safe)
            XCTAssertFalse(safe.utf8.contains(0x1B) || safe.utf8.contains(0x07))
            XCTAssertNil(safe.range(of: "\u{C2}\u{9B}"))
            XCTAssertEqual(DisplayWidth.of(safe), safe.filter { $0 != "\n" }.count, "what takes no column is gone: the width is what is seen")
        }
    }

    func testJSONKeepsItsValueAndEscapesWhatEncodersLeaveRaw() throws {
        let encoded = String(decoding: try JSONEncoder().encode(["title": hostileText + "\u{2028}\u{85}"]), as: UTF8.self)
        let safe = TerminalSafeText.json(encoded)
        XCTAssertFalse(safe.unicodeScalars.contains(where: TerminalSafeText.isUnsafe), safe)
        XCTAssertTrue(safe.contains("\\u009b") && safe.contains("\\u202e") && safe.contains("\\u2028"), safe)
        XCTAssertEqual(try JSONDecoder().decode([String: String].self, from: Data(safe.utf8)), ["title": hostileText + "\u{2028}\u{85}"])
    }
}
