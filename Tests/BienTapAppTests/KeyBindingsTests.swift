@testable import BienTapApp
import Foundation
import NewsroomKit
import TerminalUI
import XCTest

final class KeyBindingsTests: XCTestCase {
    func testCompiledDefaultKeymapIsTheShippedFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try String(contentsOf: root.appendingPathComponent("Keymaps/default.keymap"), encoding: .utf8)
        XCTAssertEqual(DefaultKeymap.text + "\n", shipped, "run `make keymaps` after editing Keymaps/default.keymap")
    }

    func testDefaultsLoadCleanlyAndBindEveryAction() {
        let (keymap, problems) = KeyBindings.load(userFile: nil)
        XCTAssertEqual(problems.map(\.description), [])
        for action in AppActions.catalogue.all {
            let bound = action.contexts.contains { !keymap.keys(for: action.id, in: $0).isEmpty }
            XCTAssertTrue(bound, "\(action.id) has no key")
        }
        XCTAssertEqual(keymap.keys(for: .open, in: AppActions.queue).first, [Key.enter])
        XCTAssertTrue(keymap.keys(for: .moveDown, in: AppActions.reader).contains([Key.char("j")]))
    }

    func testUserFileOverridesAndReportsMistakesWithLines() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("keymap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try "bind queue x open\nbind queue y no-such-action\nunbind global j\n".write(to: file, atomically: true, encoding: .utf8)
        let (keymap, problems) = KeyBindings.load(userFile: file.path)
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems[0].description, "\(file.path):2: unknown action 'no-such-action'")
        XCTAssertTrue(keymap.keys(for: .open, in: AppActions.queue).contains([Key.char("x")]))
        XCTAssertFalse(keymap.keys(for: .moveDown, in: AppActions.queue).contains([Key.char("j")]))
        XCTAssertTrue(keymap.keys(for: .moveDown, in: AppActions.queue).contains([Key.down]))
    }

    func testMissingUserFileIsReportedNotFatal() {
        let (keymap, problems) = KeyBindings.load(userFile: "/nonexistent/keymap")
        XCTAssertEqual(problems.count, 1)
        XCTAssertFalse(keymap.keys(for: .quit, in: AppActions.queue).isEmpty)
    }

    /// The shipped vim and emacs files load without a mistake over the defaults and do what they say.
    func testShippedVimAndEmacsKeymaps() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        func load(_ name: String) throws -> DeskKeymap {
            let path = root.appendingPathComponent("Keymaps/\(name)").path
            let (keymap, problems) = KeyBindings.load(userFile: path)
            XCTAssertEqual(problems, [], name)
            return keymap
        }
        let vim = try load("vim.keymap")
        XCTAssertEqual(vim.action(for: [.char("g"), .char("g")], in: AppActions.queue), .first)
        XCTAssertNil(vim.action(for: [.char("g")], in: AppActions.queue), "g alone now starts a sequence")
        XCTAssertEqual(vim.action(for: [.ctrl("d")], in: AppActions.queue), .pageDown)
        XCTAssertEqual(vim.action(for: [.alt("u")], in: AppActions.editor), .undo)
        let emacs = try load("emacs.keymap")
        XCTAssertEqual(emacs.action(for: [.ctrl("x"), .ctrl("s")], in: AppActions.editor), .save)
        XCTAssertNil(emacs.action(for: [.ctrl("x")], in: AppActions.editor), "C-x is a prefix, not cut")
        XCTAssertTrue(emacs.isPrefix([.ctrl("x")], in: AppActions.editor))
        XCTAssertEqual(emacs.action(for: [.ctrl("_")], in: AppActions.editor), .undo)
        XCTAssertEqual(emacs.action(for: [.alt("\u{7F}")], in: AppActions.editor), .deleteWordBackward)
        XCTAssertEqual(emacs.action(for: [.ctrl("n")], in: AppActions.queue), .moveDown)
        var matcher = KeySequenceMatcher()
        XCTAssertEqual(matcher.feed(.ctrl("x"), context: AppActions.editor, keymap: emacs), .pending)
        XCTAssertEqual(matcher.feed(.ctrl("c"), context: AppActions.editor, keymap: emacs), .action(.back))
    }

    /// Every editing command of the text is a desk action of the same name, and the moves,
    /// the text commands and the decisions are told apart by the action itself.
    func testActionsNameTheirEditingCommandsMovesAndDecisions() {
        for command in EditorCommand.allCases {
            XCTAssertEqual(DeskAction(id: command.rawValue)?.editorCommand, command, command.rawValue)
        }
        XCTAssertEqual(DeskAction.allCases.compactMap(\.move).count, Move.allCases.count)
        XCTAssertEqual(Set(DeskAction.allCases.compactMap(\.move)), Set(Move.allCases))
        XCTAssertEqual(DeskAction.return.decision, .return)
        XCTAssertNil(DeskAction.save.decision)
        XCTAssertNil(DeskAction(id: "no-such-action"))
        XCTAssertEqual(Set(DeskAction.allCases.map(\.id)).count, DeskAction.allCases.count)
    }
}
