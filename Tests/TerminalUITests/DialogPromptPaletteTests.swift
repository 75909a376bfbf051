@testable import TerminalUI
import Foundation
import VietText
import XCTest

/// The widgets drawn over a screen: a dialog, the prompt on the bottom line, the command palette.
final class DialogPromptPaletteTests: XCTestCase {
    private let dialog = Dialog<String>(title: "Chưa lưu", message: "Bài có thay đổi chưa lưu. Lưu trước khi đóng?",
                                choices: [.init(key: "l", label: "Lưu rồi đóng", answer: "save"),
                                          .init(key: "b", label: "Bỏ thay đổi", answer: "discard"),
                                          .init(key: "h", label: "Huỷ", answer: "cancel")],
                                cancel: "cancel")

    func testDialogAnswersByKeyAndByClick() {
        XCTAssertEqual(dialog.answer(.char("L")), "save", "either case")
        XCTAssertEqual(dialog.answer(.escape), "cancel")
        XCTAssertNil(dialog.answer(.char("x")))
        XCTAssertNil(dialog.answer(.enter), "Enter picks nothing by accident")
        var frame = Frame(width: 60, height: 12)
        dialog.render(into: &frame, theme: .default)
        let rows = (0..<12).map { frame.rowText($0) }
        let top = rows.firstIndex { $0.contains("┌─ Chưa lưu ") }!
        XCTAssertTrue(rows[top + 1].contains("Bài có thay đổi chưa lưu."), frame.text)
        let choiceRow = rows.firstIndex { $0.contains("[l] Lưu rồi đóng   [b] Bỏ thay đổi   [h] Huỷ") }!
        XCTAssertTrue(rows[choiceRow + 1].contains("└"))
        // A click on a choice's words answers it; between them or elsewhere, nothing.
        let line = rows[choiceRow]
        func column(of text: String) -> Int { DisplayWidth.of(String(line[..<line.range(of: text)!.lowerBound])) }
        XCTAssertEqual(dialog.answer(clickAt: choiceRow, col: column(of: "[b]") + 4, screenWidth: 60, screenHeight: 12), "discard")
        XCTAssertEqual(dialog.answer(clickAt: choiceRow, col: column(of: "[l]"), screenWidth: 60, screenHeight: 12), "save")
        XCTAssertNil(dialog.answer(clickAt: choiceRow, col: column(of: "[b]") - 2, screenWidth: 60, screenHeight: 12))
        XCTAssertNil(dialog.answer(clickAt: top + 1, col: column(of: "[l]"), screenWidth: 60, screenHeight: 12))
    }

    func testPromptTypesVietnameseAndAnswers() {
        var prompt = Prompt(label: "Tìm:", text: "", inputMethod: .telex)
        let commands: (Key) -> EditorCommand? = { key in
            switch key {
            case .backspace: return .deleteBackward
            case .left: return .left
            case .down: return .down
            case .ctrl("j"): return .newline
            default: return nil
            }
        }
        for c in "dduwowngf" { XCTAssertEqual(prompt.handle(.char(c), command: commands), .editing) }
        XCTAssertEqual(prompt.text, "đường")
        XCTAssertEqual(prompt.handle(.ctrl("j"), command: commands), .editing)
        XCTAssertEqual(prompt.text, "đường", "a prompt stays on one line")
        _ = prompt.handle(.backspace, command: commands)
        XCTAssertEqual(prompt.text, "đườn")
        var frame = Frame(width: 30, height: 2)
        prompt.render(into: &frame, row: 1, theme: .default)
        XCTAssertEqual(frame.rowText(1), "Tìm: đườn")
        XCTAssertEqual(frame.cursor?.row, 1)
        XCTAssertEqual(frame.cursor?.col, 9)
        XCTAssertEqual(prompt.handle(.enter, command: commands), .submitted("đườn"))
        XCTAssertEqual(prompt.handle(.escape, command: commands), .cancelled)
    }

    private enum Command: String, ActionID { case sort, filter, quit, search }

    private func palette() -> CommandPalette<Command> {
        CommandPalette(items: [
            CommandPalette<Command>.Item(id: .sort, title: "Sắp xếp theo cột", detail: "s"),
            CommandPalette<Command>.Item(id: .filter, title: "Lọc các dòng", detail: "f"),
            CommandPalette<Command>.Item(id: .quit, title: "Thoát bientap", detail: "Q"),
            CommandPalette<Command>.Item(id: .search, title: "Tìm (không phân biệt dấu)", detail: "/"),
        ], label: "Lệnh")
    }

    func testPaletteNarrowsFuzzilyAndChooses() {
        var p = palette()
        for c in "sx" { p.type(c) }
        XCTAssertEqual(p.selected?.id, .sort, "'sx' finds Sắp xếp, diacritics ignored")
        for c in "zz" { p.type(c) }
        XCTAssertNil(p.selected)
        XCTAssertEqual(p.handle(.enter, command: { _ in nil }), .cancelled, "Enter on nothing closes")
        p = palette()
        _ = p.handle(.down, command: { _ in nil })
        _ = p.handle(.down, command: { _ in nil })
        XCTAssertEqual(p.handle(.enter, command: { _ in nil }), .chosen(.quit))
        var frame = Frame(width: 80, height: 20)
        p.render(into: &frame, theme: .default)
        XCTAssertTrue(frame.rowText(1).contains("┌─ Lệnh "))
        XCTAssertTrue(frame.rowText(3).contains("Sắp xếp theo cột") && frame.rowText(3).hasSuffix("s │"), frame.rowText(3))
        XCTAssertEqual(frame.style(atRow: 5, col: 10), Theme.default.selected, "the cursor's command")
    }

    func testPaletteTakesTheMouse() {
        var p = palette()
        let box = p.box(width: 80, height: 20)!
        XCTAssertEqual(p.handle(mouse: MouseEvent(.wheelDown, row: 5, col: 40), screenWidth: 80, screenHeight: 20), .browsing)
        XCTAssertEqual(p.selected?.id, .filter)
        XCTAssertEqual(p.handle(mouse: MouseEvent(.press(clickCount: 1), row: box.row + 2 + 3, col: 40), screenWidth: 80, screenHeight: 20),
                       .chosen(.search), "the fourth command's row")
        XCTAssertEqual(p.handle(mouse: MouseEvent(.press(clickCount: 1), row: box.row + 1, col: 40), screenWidth: 80, screenHeight: 20),
                       .browsing, "the query line chooses nothing")
        XCTAssertEqual(p.handle(mouse: MouseEvent(.press(clickCount: 1), row: box.bottom + 1, col: 1), screenWidth: 80, screenHeight: 20),
                       .cancelled, "a click outside closes it")
        XCTAssertNil(p.box(width: 8, height: 4), "too small a screen: no palette")
    }
}
