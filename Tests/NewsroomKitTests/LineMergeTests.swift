import NewsroomKit
import XCTest

final class LineMergeTests: XCTestCase {
    func testLinesChangedOnOneSideAreTakenFromThatSide() {
        let merge = LineMerge(base: "Tiêu đề\nđoạn một\nđoạn hai", mine: "Tiêu đề\nđoạn một đã sửa\nđoạn hai",
                              theirs: "Tiêu đề\nđoạn một\nđoạn hai\nđoạn ba thêm")
        XCTAssertEqual(merge.text, "Tiêu đề\nđoạn một đã sửa\nđoạn hai\nđoạn ba thêm")
        XCTAssertEqual(merge.hunks.map(\.choice), [.mine, .theirs])
        XCTAssertEqual(merge.conflictCount, 0)
    }

    func testTwoPeopleFixingDifferentWordsOfOneParagraphAreCombined() {
        let base = "Hội nghi tổng kết công tác năm 2025 của sở y tế diễn ra sáng nay."
        let mine = "Hội nghị tổng kết công tác năm 2025 của sở y tế diễn ra sáng nay."
        let theirs = "Hội nghi tổng kết công tác năm 2025 của Sở Y tế diễn ra sáng nay."
        var merge = LineMerge(base: "Tiêu đề\n\n" + base, mine: "Tiêu đề\n\n" + mine, theirs: "Tiêu đề\n\n" + theirs)
        XCTAssertEqual(merge.conflictCount, 1, "the paragraph changed on both sides")
        XCTAssertEqual(merge.hunks.first?.choice, .combined)
        XCTAssertEqual(merge.text, "Tiêu đề\n\nHội nghị tổng kết công tác năm 2025 của Sở Y tế diễn ra sáng nay.")
        merge.choose(.theirs, hunk: 0)
        XCTAssertEqual(merge.text, "Tiêu đề\n\n" + theirs)
        merge.choose(.mine, hunk: 0)
        XCTAssertEqual(merge.text, "Tiêu đề\n\n" + mine)
    }

    func testTheSameWordChangedDifferentlyIsAConflictThatKeepsBothUntilChosen() {
        let merge = LineMerge(base: "a\nHọp lúc 7 giờ.\nc", mine: "a\nHọp lúc 8 giờ.\nc", theirs: "a\nHọp lúc 9 giờ.\nc")
        XCTAssertEqual(merge.conflictCount, 1)
        XCTAssertNil(merge.hunks[0].combined)
        XCTAssertEqual(merge.hunks[0].choices, [.theirs, .mine, .both])
        XCTAssertEqual(merge.text, "a\nHọp lúc 9 giờ.\nHọp lúc 8 giờ.\nc", "theirs first, then mine: no one's words lost")
        var chosen = merge
        chosen.choose(.mine, hunk: 0)
        XCTAssertEqual(chosen.text, "a\nHọp lúc 8 giờ.\nc")
    }

    func testAParagraphOneSideDeletedAndTheOtherEditedIsAConflict() {
        let merge = LineMerge(base: "a\nđoạn bị xoá\nc", mine: "a\nđoạn được sửa\nc", theirs: "a\nc")
        XCTAssertEqual(merge.conflictCount, 1)
        XCTAssertEqual(merge.text, "a\nđoạn được sửa\nc", "both: the deletion plus my edit keeps my words")
    }

    func testTheSameChangeOnBothSidesIsNoHunk() {
        let merge = LineMerge(base: "a\nb", mine: "a\nB\nc", theirs: "a\nB\nc")
        XCTAssertTrue(merge.hunks.isEmpty)
        XCTAssertEqual(merge.text, "a\nB\nc")
    }

    func testEditsAtBothEndsAndFromNothing() {
        XCTAssertEqual(LineMerge(base: "x\ny\nz", mine: "X\ny\nz", theirs: "x\ny\nZ").text, "X\ny\nZ")
        let fromNothing = LineMerge(base: "", mine: "của tôi", theirs: "của họ")
        XCTAssertEqual(fromNothing.conflictCount, 1)
        XCTAssertEqual(fromNothing.text, "của họ\ncủa tôi")
    }
}
