@testable import BienTapApp
import VietText
import XCTest

final class SubmissionTextTests: XCTestCase {
    func testTitleSapoAndBodyGoThereAndBack() throws {
        let text = SubmissionText.compose(title: "Hội nghị\nchuyển đổi số", sapo: "Sáng 24/11, …", body: "Đoạn một.\n\nĐoạn hai.", language: .vi)
        XCTAssertEqual(text, "Tiêu đề: Hội nghị chuyển đổi số\nSa pô: Sáng 24/11, …\n\nĐoạn một.\n\nĐoạn hai.")
        let fields = try SubmissionText.parse(text)
        XCTAssertEqual(fields.title, "Hội nghị chuyển đổi số")
        XCTAssertEqual(fields.sapo, "Sáng 24/11, …")
        XCTAssertEqual(fields.body, "Đoạn một.\n\nĐoạn hai.")
        XCTAssertEqual(SubmissionText.compose(title: "T", sapo: "S", body: "B", language: .en), "Title: T\nSapo: S\n\nB")
    }

    func testLabelsInEitherLanguageOrWithoutDiacriticsAndFoldedLines() throws {
        let fields = try SubmissionText.parse("tieu de: Tin mới\nSAPO: Dòng một\n  dòng hai\n\nThân bài.\nTiêu đề: trong thân bài\n\n")
        XCTAssertEqual(fields.title, "Tin mới")
        XCTAssertEqual(fields.sapo, "Dòng một dòng hai")
        XCTAssertEqual(fields.body, "Thân bài.\nTiêu đề: trong thân bài", "a label after the blank line is body text")
        // Decomposed input is stored as NFC.
        XCTAssertEqual(try SubmissionText.parse("Title: Vie\u{0323}\u{0302}t\n\n").title, "Việt")
    }

    func testABrokenHeaderIsRefusedWithAMessage() {
        for broken in ["", "Không có nhãn\n\nThân", "Sa pô: chỉ có sa pô\n\nThân", "Tiêu đề:   \n\nThân"] {
            XCTAssertThrowsError(try SubmissionText.parse(broken), broken) { error in
                XCTAssertEqual((error as? SubmissionText.Invalid)?.message, Strings.missingTitleLine)
            }
        }
        XCTAssertThrowsError(try SubmissionText.parse("Tiêu đề: a\nTitle: b\n\n")) { error in
            XCTAssertTrue((error as? SubmissionText.Invalid)?.message.vi.contains("hai lần") == true)
        }
        XCTAssertThrowsError(try SubmissionText.parse("Tiêu đề: " + String(repeating: "a", count: 501) + "\n\n"))
    }
}

extension SubmissionTextTests {
    /// Issue 19, point 10: a digit or sign typed in front of a label was dropped on save.
    func testTextTypedBeforeALabelIsRefusedNeverDropped() {
        for broken in ["1Tiêu đề: Tin\nSa pô: S\n\nThân", "- Tiêu đề: Tin\n\nThân", "Tiêu đề: Tin\n2. Sa pô: S\n\nThân", "(Title): Tin\n\n"] {
            XCTAssertThrowsError(try SubmissionText.parse(broken), broken) { error in
                XCTAssertTrue((error as? SubmissionText.Invalid)?.message.vi.contains("có chữ đứng trước nhãn") == true, "\(error)")
            }
        }
        // Spaces are not words: a label indented or spaced out is still the label.
        XCTAssertEqual(try? SubmissionText.parse("  Tiêu  đề : Tin\n\nThân").title, "Tin")
    }
}
