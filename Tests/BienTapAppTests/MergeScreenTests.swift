@testable import BienTapApp
import TerminalUI
import VietText
import XCTest

/// The merge view's own answers to the actions the editor hands it.
final class MergeScreenTests: XCTestCase {
    private func perform(_ id: DeskAction, _ screen: inout MergeScreen) -> MergeScreen.Outcome {
        screen.perform(id, width: 80, visibleRows: 10, theme: .default, language: .vi)
    }

    /// Two hunks of the body (one changed on both sides, one only on theirs): choices, steps
    /// between hunks, and the actions that end the view.
    func testChoicesStepsAndTheActionsThatEndTheView() {
        let base = "Tiêu đề\n\nDòng một.\nDòng hai.\nDòng ba.\nDòng bốn."
        let mine = "Tiêu đề\n\nDòng một sửa.\nDòng hai.\nDòng ba.\nDòng bốn."
        let theirs = "Tiêu đề\n\nDòng một đổi.\nDòng hai.\nDòng ba.\nDòng bốn mới."
        var screen = MergeScreen(base: base, mine: mine, theirs: theirs, theirRevision: 3)
        XCTAssertEqual(screen.hunkCount, 2)
        XCTAssertEqual(perform(.takeTheirs, &screen), .stay(notice: nil))
        XCTAssertEqual(screen.merge.hunks[0].choice, .theirs)
        XCTAssertEqual(perform(.nextHunk, &screen), .stay(notice: nil))
        XCTAssertEqual(screen.current, 1)
        XCTAssertEqual(perform(.nextHunk, &screen), .stay(notice: nil))
        XCTAssertEqual(screen.current, 1, "the last hunk stays current")
        XCTAssertEqual(perform(.previousHunk, &screen), .stay(notice: nil))
        XCTAssertEqual(screen.current, 0)
        XCTAssertEqual(screen.merge.text, "Tiêu đề\n\nDòng một đổi.\nDòng hai.\nDòng ba.\nDòng bốn mới.")
        XCTAssertEqual(perform(.applyMerge, &screen), .apply)
        XCTAssertEqual(perform(.back, &screen), .leave)
        XCTAssertEqual(perform(.quit, &screen), .leave)
        XCTAssertEqual(perform(.help, &screen), .help)
    }

    /// The title is one line: "both" is not offered there, and the notice says why.
    func testBothIsRefusedOnTheTitleInWords() {
        var screen = MergeScreen(base: "Hội nghi\n\nThân.", mine: "Hội nghị\n\nThân.", theirs: "Hội nghĩ\n\nThân.", theirRevision: 2)
        let before = screen.merge.hunks[0].choice
        XCTAssertEqual(perform(.takeBoth, &screen), .stay(notice: Strings.bothNotOffered(.vi)))
        XCTAssertEqual(screen.merge.hunks[0].choice, before)
    }
}
