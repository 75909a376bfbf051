import NewsroomKit
import XCTest

final class WordDiffTests: XCTestCase {
    func testAChangedWordIsOneDeletionAndOneInsertion() {
        let diff = WordDiff(from: "Sở Y tế tổ chức hội nghi tổng kết.", to: "Sở Y tế tổ chức hội nghị tổng kết năm.")
        XCTAssertEqual(diff.plain, "Sở Y tế tổ chức hội [-nghi-]{+nghị+} tổng kết{+ năm+}.")
        XCTAssertEqual(diff.deletedWords, 1)
        XCTAssertEqual(diff.insertedWords, 2)
        XCTAssertFalse(diff.isEmpty)
    }

    func testBothSidesCanBeRebuiltFromTheSpans() {
        let cases = [("", "Bài mới."), ("Bài cũ.", ""), ("a b c d e", "a x c y e"), ("Hà Nội, ngày 1/10", "TP. Hà Nội, ngày 01/10/2026"),
                     ("dòng một\ndòng hai", "dòng một\n\ndòng ba"), ("漢字 và chữ", "chữ và 漢字")]
        for (old, new) in cases {
            let diff = WordDiff(from: old, to: new)
            XCTAssertEqual(diff.spans.filter { $0.kind != .inserted }.map(\.text).joined(), old, "old of \(old) → \(new)")
            XCTAssertEqual(diff.spans.filter { $0.kind != .deleted }.map(\.text).joined(), new, "new of \(old) → \(new)")
            XCTAssertFalse(zip(diff.spans, diff.spans.dropFirst()).contains { $0.kind == $1.kind }, "adjacent spans differ in kind")
        }
        XCTAssertTrue(WordDiff(from: "giống nhau", to: "giống nhau").isEmpty)
    }

    func testALetterWithItsMarksIsNeverSplit() {
        // "ệ" decomposed is e + two marks: one grapheme, so one token of a word.
        let diff = WordDiff(from: "Viet", to: "Vie\u{0323}\u{0302}t")
        XCTAssertEqual(diff.spans, [.init(.deleted, "Viet"), .init(.inserted, "Vie\u{0323}\u{0302}t")])
    }

    func testALongTextWithOneEditCostsOnlyTheEdit() {
        let words = (0..<20_000).map { "từ\($0)" }
        let old = words.joined(separator: " ")
        var changed = words
        changed[10_000] = "sửa"
        let diff = WordDiff(from: old, to: changed.joined(separator: " "))
        XCTAssertEqual(diff.spans.count, 4)
        XCTAssertEqual(diff.spans[1], .init(.deleted, "từ10000"))
        XCTAssertEqual(diff.spans[2], .init(.inserted, "sửa"))
    }
}
