import Foundation
import TerminalUI
import VietText
import XCTest

/// The one stack of modals over a screen: the top one takes the event, and says what came
/// of it in the application's own types.
final class ModalStackTests: XCTestCase {
    private enum Command: String, ActionID { case sort, quit }
    private enum Answer: Hashable, Sendable { case keep, drop(Int) }
    private struct Question: PromptQuestion {
        var prompt: Prompt
        var asking = "search"
    }
    private typealias Stack = ModalStack<Answer, String, Command, Question>
    private let now = Date(timeIntervalSince1970: 1_800_000_000)
    private let noCommand: (Key) -> EditorCommand? = { _ in nil }

    private func dialog() -> Dialog<Answer> {
        Dialog(title: "Xoá?", message: "Xoá bài 7?", choices: [.init(key: "x", label: "Xoá", answer: .drop(7)),
                                                              .init(key: "g", label: "Giữ", answer: .keep)], cancel: .keep)
    }

    func testNothingOpenTakesNothing() {
        var stack = Stack()
        XCTAssertNil(stack.handle(.char("x"), now: now, command: noCommand))
        XCTAssertNil(stack.paste("chữ"))
        XCTAssertNil(stack.handle(mouse: MouseEvent(.press(clickCount: 1), row: 1, col: 1), screenWidth: 80, screenHeight: 24))
    }

    func testTheTopModalTakesTheKeyAndClosesWhenAnswered() {
        var stack = Stack()
        stack.prompt = Question(prompt: Prompt(label: "Tìm:"))
        stack.dialog = dialog()
        guard case .editing? = stack.handle(.char("q"), now: now, command: noCommand) else { return XCTFail("a key no choice has") }
        XCTAssertNotNil(stack.dialog, "still asking")
        guard case .answered(.drop(7))? = stack.handle(.char("X"), now: now, command: noCommand) else { return XCTFail("the choice") }
        XCTAssertNil(stack.dialog)
        guard case .promptEdited(let q)? = stack.handle(.char("a"), now: now, command: noCommand) else { return XCTFail("the prompt next") }
        XCTAssertEqual(q.prompt.text, "a")
        guard case .promptSubmitted(let asked, "a")? = stack.handle(.enter, now: now, command: noCommand) else { return XCTFail() }
        XCTAssertEqual(asked.asking, "search")
        XCTAssertTrue(stack.isEmpty)
    }

    func testAFormAnswersItsValuesByTypedKeysWithTheFormAsItWas() {
        var stack = Stack()
        stack.form = Form(title: "Ghi chú", fields: [.text("note", "Ghi chú"), .checkbox("shared", "Cho tác giả")],
                          labels: FormLabels(invalidDate: "%@", hint: "Enter"), now: now)
        _ = stack.handle(.char("x"), now: now, command: noCommand)
        guard case .submitted(let values, let before)? = stack.handle(.enter, now: now, command: noCommand) else { return XCTFail() }
        XCTAssertEqual(values["note"], .text("x"))
        XCTAssertEqual(values["shared"], .checkbox(false))
        XCTAssertEqual(before.values["note"], .text("x"), "what to put back when the values are refused")
        XCTAssertNil(stack.form)
    }

    func testOneOfEachKindAndThePaletteChoosesACommand() {
        var stack = Stack()
        let items = [CommandPalette<Command>.Item(id: .sort, title: "Sắp xếp"), CommandPalette<Command>.Item(id: .quit, title: "Thoát")]
        stack.palette = CommandPalette(items: items, label: "Lệnh")
        stack.palette = CommandPalette(items: items, label: "Lệnh")
        XCTAssertEqual(stack.open.count, 1, "a second palette takes the first's place")
        XCTAssertNotNil(stack.paste("thoat"))
        guard case .chosen(.quit)? = stack.handle(.enter, now: now, command: noCommand) else { return XCTFail("the pasted words chose") }
        XCTAssertTrue(stack.isEmpty)
        stack.palette = CommandPalette(items: items, label: "Lệnh")
        guard case .paletteClosed? = stack.handle(.escape, now: now, command: noCommand) else { return XCTFail() }
    }

    func testAPromptTakesPastesOnOneLineAndNoClicks() {
        var stack = Stack()
        stack.prompt = Question(prompt: Prompt(label: "Tìm:"))
        guard case .promptEdited(let q)? = stack.paste("hai\ndòng") else { return XCTFail() }
        XCTAssertEqual(q.prompt.text, "hai dòng")
        guard case .editing? = stack.handle(mouse: MouseEvent(.press(clickCount: 1), row: 3, col: 3), screenWidth: 80, screenHeight: 24)
        else { return XCTFail() }
        guard case .promptCancelled? = stack.handle(.escape, now: now, command: noCommand) else { return XCTFail() }
        XCTAssertNil(stack.prompt)
    }
}
