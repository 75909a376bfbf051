@testable import BienTapApp
import Foundation
import TerminalUI
import XCTest

/// `bientap edit`'s editor on its own: keys in, the file's and the journal's writes out as
/// effects, their answers in as the disk lane gives them. No file is touched.
final class FileEditorTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_795_000_000)
    private let path = "/nonexistent/ghi-chu.txt"

    private func editor(_ text: String?) -> EditorState {
        var state = EditorState(language: .vi, document: .file(path: path), text: text, keymap: KeyBindings.load(userFile: nil).keymap,
                                theme: .default, inputMethod: nil, width: 80, height: 12, journals: true, now: start)
        _ = state.handle(.resize(width: 80, height: 12))
        return state
    }

    private func screen(_ state: EditorState) -> String {
        let frame = state.render()
        return (0..<frame.height).map { frame.rowText($0) }.joined(separator: "\n")
    }

    func testASaveIsAWriteAndTheJournalGoesOnlyWhenNothingWasTypedMeanwhile() {
        var state = editor("Cũ.")
        XCTAssertEqual(state.handle(.key(.char("A"))), [.keepJournal(Journal.Entry(key: Journal.key(file: path), label: path, base: "Cũ.",
                                                                                     text: "ACũ.", savedAt: start))])
        XCTAssertEqual(state.handle(.key(.ctrl("s"))), [.writeFile(path: path, text: "ACũ.\n", changes: 1)])
        // Typed while the file was being written: those words stay modified and journaled.
        state.now = start.addingTimeInterval(2)
        XCTAssertEqual(state.handle(.key(.char("B"))).count, 1)
        let answered = state.fileWritten(changes: 1, error: nil)
        XCTAssertEqual(answered.count, 1)
        guard case .keepJournal(let entry)? = answered.first else { return XCTFail("the words typed since are not journaled: \(answered)") }
        XCTAssertEqual(entry.text, "ABCũ.")
        XCTAssertTrue(screen(state).contains("Đã lưu \(path)."), screen(state))
        XCTAssertTrue(screen(state).contains("[+]"), "modified since: " + screen(state))
        // Saved with nothing typed since: the journal's entry goes.
        XCTAssertEqual(state.handle(.key(.ctrl("s"))), [.writeFile(path: path, text: "ABCũ.\n", changes: 2)])
        XCTAssertEqual(state.fileWritten(changes: 2, error: nil), [.dropJournal(key: Journal.key(file: path))])
        XCTAssertFalse(screen(state).contains("[+]"), screen(state))
    }

    func testSaveAndCloseLeavesOnlyOnceTheFileIsWrittenAndStaysWhenItIsNot() {
        var state = editor(nil)
        _ = state.handle(.key(.char("X")))
        XCTAssertEqual(state.handle(.key(.ctrl("q"))), [], "asks first")
        XCTAssertEqual(state.handle(.key(.char("l"))), [.writeFile(path: path, text: "X\n", changes: 1)], "save, then close")
        XCTAssertEqual(state.fileWritten(changes: 1, error: .noPermission), [], "not written: it stays")
        XCTAssertTrue(screen(state).contains("Không lưu được \(path): không được phép đọc hay ghi ở đó."), screen(state))
        XCTAssertEqual(state.handle(.key(.ctrl("q"))), [])
        XCTAssertEqual(state.handle(.key(.char("l"))), [.writeFile(path: path, text: "X\n", changes: 1)])
        XCTAssertEqual(state.fileWritten(changes: 1, error: nil), [.dropJournal(key: Journal.key(file: path)), .quit])
    }

    func testALostTerminalWritesTheJournalAndTheRescueCopyNeverTheFile() {
        var state = editor("Cũ.")
        _ = state.handle(.key(.char("A")))
        state.now = start.addingTimeInterval(0.5)
        _ = state.handle(.key(.char("B")))
        let effects = state.handle(.terminate)
        XCTAssertEqual(effects.count, 3, "\(effects)")
        guard case .keepJournal(let entry)? = effects.first else { return XCTFail("the journal is not written: \(effects)") }
        XCTAssertEqual(entry.text, "ABCũ.", "the words typed within the second too")
        XCTAssertEqual(Array(effects.dropFirst()), [.writeRescueCopy(path: path + ".save", original: path, text: "ABCũ."), .quit])
    }
}
