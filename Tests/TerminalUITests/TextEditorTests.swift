import TerminalUI
import VietText
import XCTest

final class TextEditorTests: XCTestCase {
    private func typing(_ keys: String, into editor: inout TextEditor) {
        for key in keys {
            if key == "\n" { editor.perform(.newline) } else { editor.type(key) }
        }
    }

    func testTelexAndVNITyping() {
        var editor = TextEditor()
        editor.inputMethod = .telex
        typing("Tooi vieets baif", into: &editor)
        XCTAssertEqual(editor.text, "Tôi viết bài")
        typing(" dduwowngf Trwowngf Sa", into: &editor)
        XCTAssertEqual(editor.text, "Tôi viết bài đường Trường Sa")
        XCTAssertTrue(Normalization.isNFC(editor.text))

        var vni = TextEditor()
        vni.inputMethod = .vni
        typing("Vie65t Nam 2026", into: &vni)
        XCTAssertEqual(vni.text, "Việt Nam 2026", "digits after a space are digits")

        var plain = TextEditor()
        typing("Tooi", into: &plain)
        XCTAssertEqual(plain.text, "Tooi", "no input method: keys as they are")
        plain.perform(.cycleInputMethod)
        XCTAssertEqual(plain.inputMethod, .telex)
        plain.type("s")
        XCTAssertEqual(plain.text, "Tóoi", "a mark typed after moving back into a word goes on the word before the cursor")
        plain.perform(.cycleInputMethod)
        XCTAssertEqual(plain.inputMethod, .vni)
        plain.perform(.cycleInputMethod)
        XCTAssertNil(plain.inputMethod)
    }

    func testTelexCorrectsAWordAfterBackspace() {
        var editor = TextEditor()
        editor.inputMethod = .telex
        typing("vieet", into: &editor)
        editor.perform(.deleteBackward)
        XCTAssertEqual(editor.text, "viê")
        typing("tj", into: &editor)
        XCTAssertEqual(editor.text, "việt")
    }

    func testUndoAndRedoWordByWord() {
        var editor = TextEditor()
        editor.inputMethod = .telex
        typing("mootj hai ba", into: &editor)
        XCTAssertEqual(editor.text, "một hai ba")
        editor.perform(.undo)
        XCTAssertEqual(editor.text, "một hai")
        editor.perform(.undo)
        XCTAssertEqual(editor.text, "một")
        editor.perform(.redo)
        XCTAssertEqual(editor.text, "một hai")
        editor.perform(.undo)
        editor.perform(.undo)
        XCTAssertEqual(editor.text, "")
        XCTAssertFalse(editor.canUndo)
        editor.perform(.redo)
        editor.perform(.redo)
        editor.perform(.redo)
        XCTAssertEqual(editor.text, "một hai ba")
        XCTAssertEqual(editor.cursor, TextPosition(line: 0, column: 10))
        // A change after undo drops what could be redone.
        editor.perform(.undo)
        editor.type("!")
        XCTAssertEqual(editor.text, "một hai!")
        XCTAssertFalse(editor.canRedo)
    }

    func testUndoOfBackspacesAndNewlines() {
        var editor = TextEditor(text: "Tòa soạn\nBan Biên tập")
        editor.perform(.lineEnd)
        for _ in 0..<5 { editor.perform(.deleteBackward) }
        XCTAssertEqual(editor.text, "Tòa\nBan Biên tập")
        editor.perform(.newline)
        XCTAssertEqual(editor.lines.count, 3)
        editor.perform(.undo)
        XCTAssertEqual(editor.text, "Tòa\nBan Biên tập")
        editor.perform(.undo)
        XCTAssertEqual(editor.text, "Tòa soạn\nBan Biên tập", "the run of backspaces is one step")
        XCTAssertEqual(editor.cursor, TextPosition(line: 0, column: 8))
        editor.perform(.right)
        editor.perform(.deleteBackward)
        XCTAssertEqual(editor.text, "Tòa soạnBan Biên tập", "backspace at a line's start joins the lines")
        editor.perform(.undo)
        XCTAssertEqual(editor.lines.count, 2)
    }

    func testWrappingByDisplayWidthAndMovingByRows() {
        var editor = TextEditor(text: "một hai ba bốn năm sáu\n中文中文中文")
        editor.setView(width: 10, height: 3)
        var frame = Frame(width: 10, height: 3)
        editor.render(into: &frame, in: Rect(row: 0, col: 0, width: 10, height: 3), theme: .default)
        XCTAssertEqual(frame.text, "một hai\nba bốn\nnăm sáu")
        editor.perform(.down)
        XCTAssertEqual(editor.cursor, TextPosition(line: 0, column: 8), "down a wrapped row, same screen column")
        editor.perform(.lineEnd)
        editor.perform(.down)
        editor.perform(.down)
        XCTAssertEqual(editor.cursor.line, 1)
        var scrolled = Frame(width: 10, height: 3)
        editor.render(into: &scrolled, in: Rect(row: 0, col: 0, width: 10, height: 3), theme: .default)
        XCTAssertEqual(scrolled.rowText(1), "中文中文中", "CJK takes two columns: five to a row of ten")
        XCTAssertEqual(scrolled.rowText(2), "文")
        XCTAssertNotNil(scrolled.cursor)
        editor.perform(.documentStart)
        editor.render(into: &scrolled, in: Rect(row: 0, col: 0, width: 10, height: 3), theme: .default)
        XCTAssertEqual(scrolled.rowText(0), "một hai")
        XCTAssertEqual(scrolled.cursor?.row, 0)
        XCTAssertEqual(scrolled.cursor?.col, 0)
    }

    func testSelectionCutCopyPaste() {
        var editor = TextEditor(text: "Sở Nội vụ tỉnh")
        editor.perform(.wordRight)
        editor.perform(.toggleSelection)
        editor.perform(.wordRight)
        editor.perform(.wordRight)
        XCTAssertEqual(editor.selectedText, "Nội vụ ")
        editor.perform(.cut)
        XCTAssertEqual(editor.text, "Sở tỉnh")
        editor.perform(.lineEnd)
        editor.type(" ")
        editor.perform(.paste)
        XCTAssertEqual(editor.text, "Sở tỉnh Nội vụ ")
        editor.perform(.selectAll)
        editor.perform(.copy)
        XCTAssertEqual(editor.clipboard, "Sở tỉnh Nội vụ ")
        editor.perform(.selectAll)
        editor.type("X")
        XCTAssertEqual(editor.text, "X", "typing replaces the selection")
        var frame = Frame(width: 20, height: 1)
        editor.perform(.selectAll)
        editor.render(into: &frame, in: Rect(row: 0, col: 0, width: 20, height: 1), theme: .default)
        XCTAssertEqual(frame.style(atRow: 0, col: 0), Theme.default.selection)
    }

    func testSearchIgnoresDiacriticsAndReplaceIsOneUndoStep() {
        var editor = TextEditor(text: "Tìm kiếm\nkhông tìm thấy\nTIM")
        XCTAssertTrue(editor.find("tim"))
        XCTAssertEqual(editor.cursor, TextPosition(line: 1, column: 6))
        XCTAssertTrue(editor.find("tim"))
        XCTAssertEqual(editor.cursor, TextPosition(line: 2, column: 0))
        XCTAssertTrue(editor.find("tim"))
        XCTAssertEqual(editor.cursor, TextPosition(line: 0, column: 0), "wraps to the top")
        XCTAssertTrue(editor.find("tim", forward: false))
        XCTAssertEqual(editor.cursor, TextPosition(line: 2, column: 0))
        XCTAssertFalse(editor.find("Hà Nội"))
        XCTAssertEqual(editor.searchHighlights(style: Theme.default.match).count, 0)
        editor.searchQuery = "tìm"
        XCTAssertEqual(editor.searchHighlights(style: Theme.default.match).map(\.line), [0, 1, 2])
        XCTAssertEqual(editor.replaceAll("tìm", with: "thấy"), 1, "replace matches exactly")
        XCTAssertEqual(editor.text, "Tìm kiếm\nkhông thấy thấy\nTIM")
        editor.perform(.undo)
        XCTAssertEqual(editor.text, "Tìm kiếm\nkhông tìm thấy\nTIM")
        editor.goToLine(3)
        XCTAssertEqual(editor.cursor, TextPosition(line: 2, column: 0))
        editor.goToLine(99)
        XCTAssertEqual(editor.cursor.line, 2)
    }

    func testInsertionsAreNFCAndLineEndingsAreNormalised() {
        var editor = TextEditor(text: "Vie\u{0323}\u{0302}t\r\nNam")
        XCTAssertEqual(editor.text, "Việt\nNam")
        editor.perform(.documentEnd)
        editor.insert("\r\nHa\u{300}")
        XCTAssertEqual(editor.text, "Việt\nNam\nHà")
        editor.type("\u{0309}")  // a lone combining hook joins... the letter before it
        XCTAssertTrue(Normalization.isNFC(editor.text))
        XCTAssertEqual(editor.lines[2].count, 2, "the mark became part of the letter, not a grapheme of its own")
        XCTAssertTrue(editor.isModified)
        editor.markSaved()
        XCTAssertFalse(editor.isModified)
    }

    func testUndoingBackToTheSavedTextIsUnmodifiedAndTypingAfterASaveIsAStepOfItsOwn() {
        var editor = TextEditor(text: "Tin")
        editor.perform(.documentEnd)
        for c in " mới" { editor.type(c) }
        XCTAssertTrue(editor.isModified)
        editor.perform(.undo)
        XCTAssertEqual(editor.text, "Tin")
        XCTAssertFalse(editor.isModified, "back to the text as loaded")
        editor.perform(.redo)
        XCTAssertTrue(editor.isModified)
        editor.markSaved()
        XCTAssertFalse(editor.isModified)
        for c in " nhất" { editor.type(c) }
        XCTAssertTrue(editor.isModified)
        editor.perform(.undo)
        XCTAssertEqual(editor.text, "Tin mới", "the save broke the undo step: only the words after it go")
        XCTAssertFalse(editor.isModified)
        editor.perform(.undo)
        XCTAssertTrue(editor.isModified, "before the save is not the saved text")
        editor.type("x")
        XCTAssertTrue(editor.isModified, "the saved text is no longer reachable")
        // Words kept from an earlier session are unsaved whatever is undone.
        var restored = TextEditor(text: "a")
        restored.restore("a b")
        XCTAssertTrue(restored.isModified)
    }

    func testHighlightsAndCursorAreDrawn() {
        var editor = TextEditor(text: "bảo đãm an toàn")
        editor.setView(width: 20, height: 2)
        editor.perform(.wordRight)
        var frame = Frame(width: 20, height: 2)
        editor.render(into: &frame, in: Rect(row: 0, col: 0, width: 20, height: 2), theme: .default,
                      highlights: [TextHighlight(line: 0, columns: 4..<7, style: Theme.default.finding)])
        XCTAssertEqual(frame.style(atRow: 0, col: 4), Theme.default.finding)
        XCTAssertEqual(frame.style(atRow: 0, col: 7), Theme.default.normal)
        XCTAssertEqual(frame.style(atRow: 0, col: 3), Theme.default.normal)
        XCTAssertEqual(frame.cursor?.col, 4)
    }
}
