@testable import BienTapApp
import CurlHTTP
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText
import XCTest

/// The desk's editor inside the app, driven as the loop drives it: keys in, effects out,
/// the portal's answers delivered as messages.
final class DeskEditorTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_763_950_000)
    private let portal = "http://127.0.0.1:9"
    /// The editors keep a journal: its writes are effects here, never run, so no directory is needed.
    private let journal = Journal(directory: "/nonexistent/bientap/journal")

    /// The last journal entry `effects` ask for.
    private func kept(_ effects: [Effect]) -> Journal.Entry? {
        effects.compactMap { if case .keepJournal(let entry) = $0 { return entry } else { return nil } }.last
    }

    /// The saves among `effects`.
    private func saves(_ effects: [Effect]) -> [Effect] {
        effects.filter { if case .save = $0 { return true } else { return false } }
    }

    private func submission(revision: Int, title: String = "Hội nghi tổng kết", body: String) -> Submission {
        let summary = SubmissionSummary(id: 101, site: SiteRef(id: 1, code: "so-y-te", name: "Sở Y tế"),
                                        contributor: ContributorRef(id: 1, fullName: "Lê Hồng", penName: nil), title: title,
                                        category: .news, language: "vi", status: .inReview, receivedAt: start, words: 20,
                                        revision: revision)
        return Submission(summary: summary, sapo: "Sáng nay, Sở Y tế họp.", body: body)
    }

    private func lease(at date: Date) -> Lease {
        Lease(holder: "lan", holderName: "Lan", acquiredAt: date, expiresAt: date.addingTimeInterval(300))
    }

    private func rows(_ s: AppState) -> String {
        let frame = s.render()
        return (0..<frame.height).map { frame.rowText($0) }.joined(separator: "\n")
    }

    private func press(_ key: Key, _ s: inout AppState) -> [Effect] { s.handle(input: .key(key)) }

    private func type(_ text: String, _ s: inout AppState) {
        for c in text { _ = s.handle(input: .key(.char(c))) }
    }

    /// The app with item 101 open in the editor, at revision 1.
    private func editing(body: String) throws -> AppState {
        var s = AppState(language: .vi, portal: portal, keymap: KeyBindings.load(userFile: nil).keymap, width: 100, height: 24,
                         journal: journal, inputMethod: nil)
        s.now = start
        _ = s.start()
        _ = s.handle(message: .queueLoaded(tab: 0, .success([submission(revision: 1, body: body).summary])))
        XCTAssertEqual(press(.char("e"), &s), [.openForEditing(101)])
        XCTAssertEqual(press(.char("e"), &s), [], "one opening at a time")
        _ = s.handle(message: .openedForEditing(101, .success(EditingStart(submission: submission(revision: 1, body: body), lease: lease(at: start)))))
        XCTAssertTrue(rows(s).contains("Soạn: #101 Hội nghi tổng kết"), rows(s))
        XCTAssertTrue(rows(s).contains("Tiêu đề: Hội nghi tổng kết"), rows(s))
        return s
    }

    func testASaveNamesItsRevisionWaitsOutAnUnreachablePortalAndClearsTheJournalOnlyWhenAcknowledged() throws {
        var s = try editing(body: "Đoạn một.\n\nĐoạn hai.")
        // Fix the title's typo: end of the first line, back over "i", type "ị".
        _ = press(.end, &s)
        _ = press(.left, &s)
        _ = press(.left, &s)
        _ = press(.left, &s)
        _ = press(.left, &s)
        _ = press(.left, &s)
        _ = press(.left, &s)
        _ = press(.left, &s)
        _ = press(.left, &s)
        _ = press(.left, &s)
        _ = press(.backspace, &s)
        type("ị", &s)
        s.now = start.addingTimeInterval(1.5)
        let key = Journal.key(portal: portal, submission: 101)
        let entry = try XCTUnwrap(kept(s.tick()), "the words typed are due for the journal")
        XCTAssertEqual(entry.key, key)
        XCTAssertEqual(entry.revision, 1)
        XCTAssertTrue(entry.text.hasPrefix("Tiêu đề: Hội nghị tổng kết\n"), entry.text)

        let edit = SubmissionEdit(title: "Hội nghị tổng kết", sapo: "Sáng nay, Sở Y tế họp.", body: "Đoạn một.\n\nĐoạn hai.")
        XCTAssertEqual(press(.ctrl("s"), &s), [.save(id: 101, edit: edit, base: 1)])
        XCTAssertTrue(rows(s).contains("Đang lưu lên cổng"), rows(s))
        XCTAssertEqual(press(.ctrl("s"), &s), [], "a second save waits for the first")

        // The portal is down: the words stay, the status bar says so, and the save is tried again by itself.
        let down = PortalError.transport(TransportError(curlCode: 7, message: "Connection refused", url: portal))
        XCTAssertEqual(s.handle(message: .saved(101, .failure(down))), [], "not acknowledged: the journal entry is kept")
        XCTAssertTrue(rows(s).contains("Chưa lưu, tự lưu lại sau 2 giây"), rows(s))
        XCTAssertTrue(rows(s).contains("chữ vẫn giữ: Không kết nối được tới cổng"), rows(s))
        s.now = start.addingTimeInterval(2.5)
        XCTAssertFalse(s.tick().contains { if case .save = $0 { return true } else { return false } }, "not yet")
        s.now = start.addingTimeInterval(3.6)
        XCTAssertEqual(s.tick().filter { if case .save = $0 { return true } else { return false } }, [.save(id: 101, edit: edit, base: 1)])
        // Saved twice was asked while the first was away: the retry carries the text, once.
        XCTAssertEqual(s.handle(message: .saved(101, .success(submission(revision: 2, title: "Hội nghị tổng kết", body: "Đoạn một.\n\nĐoạn hai.")))),
                       [.dropJournal(key: key)], "acknowledged: the journal entry goes")
        XCTAssertFalse(rows(s).contains("Không kết nối"), rows(s))
        XCTAssertTrue(rows(s).contains("phiên bản 2"), rows(s))

        // Leaving gives the lease back and reads the queue again.
        let leaving = press(.ctrl("q"), &s)
        XCTAssertEqual(leaving, [.releaseLease(101), .loadQueue(tab: 0, statuses: SubmissionStatus.pending)])
        XCTAssertTrue(rows(s).contains("Chờ duyệt"), rows(s))
    }

    func testWordsTypedAndUndoneLeaveWithoutAQuestionOrAJournalEntry() throws {
        var s = try editing(body: "Đoạn một.")
        _ = press(.end, &s)
        type(" Thêm", &s)
        s.now = start.addingTimeInterval(1.5)
        let key = Journal.key(portal: portal, submission: 101)
        XCTAssertEqual(kept(s.tick())?.text.contains("Hội nghi tổng kết Thêm"), true, "typed words are journaled")
        _ = press(.ctrl("z"), &s)
        XCTAssertTrue(rows(s).contains("Tiêu đề: Hội nghi tổng kết\n"), "back to the text as opened: " + rows(s))
        XCTAssertFalse(rows(s).contains("[+]"), "not modified: " + rows(s))
        let leaving = press(.ctrl("q"), &s)
        XCTAssertEqual(leaving, [.dropJournal(key: key), .releaseLease(101), .loadQueue(tab: 0, statuses: SubmissionStatus.pending)],
                       "no question asked, and nothing to offer back at the next start")
    }

    func testAJournalEntryThatCouldNotBeWrittenIsSaidAndWrittenAgainFiveSecondsLater() throws {
        var s = try editing(body: "Đoạn một.")
        let first = try XCTUnwrap(kept(press(.char("A"), &s)))
        s.now = start.addingTimeInterval(1.5)
        let second = try XCTUnwrap(kept(press(.char("B"), &s)), "a second after the first: at once")
        // The first entry's failure comes after the second was asked for: nothing to say, or redo.
        XCTAssertEqual(s.handle(message: .journalFailed(first, reason: .diskFull)), [])
        XCTAssertFalse(rows(s).contains("Không ghi được nhật ký"), rows(s))
        XCTAssertEqual(s.handle(message: .journalFailed(second, reason: .diskFull)), [])
        XCTAssertTrue(rows(s).contains("Không ghi được nhật ký chữ chưa lưu: đĩa đã đầy"), rows(s))
        s.now = start.addingTimeInterval(6)
        XCTAssertNil(kept(s.tick()), "not yet")
        s.now = start.addingTimeInterval(6.6)
        XCTAssertEqual(kept(s.tick())?.text, second.text, "written again")
    }

    func testASaveOverSomeoneElsesOpensTheMergeAndBothEditsAreSaved() throws {
        var s = try editing(body: "Đoạn một có lôi.\n\nĐoạn hai.")
        // Mine: a word in the first paragraph.
        _ = press(.down, &s)
        _ = press(.down, &s)
        _ = press(.down, &s)
        _ = press(.end, &s)
        _ = press(.left, &s)
        _ = press(.backspace, &s)
        _ = press(.backspace, &s)
        _ = press(.backspace, &s)
        type("lỗi", &s)
        guard case .save(_, let mine, 1)? = press(.ctrl("s"), &s).first else { return XCTFail("no save") }
        XCTAssertEqual(mine.body, "Đoạn một có lỗi.\n\nĐoạn hai.")
        // Theirs, saved first: the second paragraph and the title.
        let theirs = submission(revision: 2, title: "Hội nghị tổng kết", body: "Đoạn một có lôi.\n\nĐoạn hai, sửa.")
        XCTAssertEqual(s.handle(message: .saved(101, .failure(.staleRevision(current: theirs)))), [])
        let view = rows(s)
        XCTAssertTrue(view.contains("Gộp bản sửa"), view)
        XCTAssertTrue(view.contains("phiên bản 2"), view)
        XCTAssertTrue(view.contains("Chỗ 1/3"), view)
        // Enter: merged as offered (each side's own change) and saved over their revision.
        let effects = press(.enter, &s)
        XCTAssertEqual(saves(effects), [.save(id: 101, edit: SubmissionEdit(title: "Hội nghị tổng kết", sapo: "Sáng nay, Sở Y tế họp.",
                                                                               body: "Đoạn một có lỗi.\n\nĐoạn hai, sửa."), base: 2)])
        XCTAssertEqual(kept(effects)?.revision, 2, "the merged words are journaled over their revision")
        XCTAssertTrue(rows(s).contains("Tiêu đề: Hội nghị tổng kết"), rows(s))
    }

    func testAConflictIsChosenHunkByHunk() throws {
        var s = try editing(body: "Họp lúc 7 giờ.")
        for _ in 0..<3 { _ = press(.down, &s) }
        _ = press(.home, &s)
        for _ in 0..<8 { _ = press(.right, &s) }
        _ = press(.delete, &s)
        type("8", &s)
        _ = press(.ctrl("s"), &s)
        let theirs = submission(revision: 2, body: "Họp lúc 9 giờ.")
        _ = s.handle(message: .saved(101, .failure(.staleRevision(current: theirs))))
        XCTAssertTrue(rows(s).contains("cả hai cùng sửa"), rows(s))
        XCTAssertEqual(press(.char("c"), &s), [], "nothing to combine: the same word")
        XCTAssertTrue(rows(s).contains("không gộp từng chữ được"), rows(s))
        _ = press(.char("m"), &s)
        XCTAssertTrue(rows(s).contains("đang chọn: bản của tôi"), rows(s))
        guard case .save(_, let edit, 2)? = saves(press(.enter, &s)).first else { return XCTFail("no save over revision 2") }
        XCTAssertEqual(edit.body, "Họp lúc 8 giờ.")
    }

    func testABrokenHeaderIsNotSentAndAnUnsavedEditIsOfferedAtTheNextStart() throws {
        var s = try editing(body: "Thân bài.")
        _ = press(.home, &s)
        let entry = try XCTUnwrap(kept(press(.char("X"), &s)), "the first change goes to the journal at once")
        XCTAssertEqual(press(.ctrl("s"), &s), [])
        XCTAssertTrue(rows(s).contains("Chưa lưu: dòng đầu phải là «Tiêu đề: …»"), rows(s))
        s.now = start.addingTimeInterval(2)
        XCTAssertNil(kept(s.tick()), "nothing typed since")
        // The session dies here. The next start offers the item back.
        var next = AppState(language: .vi, portal: portal, keymap: KeyBindings.load(userFile: nil).keymap, width: 100, height: 24,
                            journal: journal, inputMethod: nil)
        _ = next.start(leftovers: [entry])
        XCTAssertTrue(rows(next).contains("Bài sửa dở chưa lưu"), rows(next))
        XCTAssertTrue(rows(next).contains("#101 Hội nghi tổng kết"), rows(next))
        XCTAssertEqual(press(.char("m"), &next), [.openForEditing(101)])
        // Opened again: the editor offers the kept words, and k restores them.
        _ = next.handle(message: .openedForEditing(101, .success(EditingStart(submission: submission(revision: 1, body: "Thân bài."),
                                                                               lease: lease(at: start), leftover: entry))))
        XCTAssertTrue(rows(next).contains("Chữ chưa lưu từ lần trước"), rows(next))
        _ = press(.char("k"), &next)
        XCTAssertTrue(rows(next).contains("XTiêu đề: Hội nghi tổng kết"), rows(next))
        // Another portal's entries are not offered here.
        var other = AppState(language: .vi, portal: "http://127.0.0.1:10", keymap: KeyBindings.load(userFile: nil).keymap,
                             width: 100, height: 24, journal: journal, inputMethod: nil)
        _ = other.start(leftovers: [entry])
        XCTAssertFalse(rows(other).contains("Bài sửa dở"), rows(other))
    }
}

extension DeskEditorTests {
    func testFindingsAreCheckedAfterAPauseHighlightedAndFixedFromTheirDialog() throws {
        var s = try editing(body: "Sở Y tế thực hiên kế hoạch.")
        // Opening asks for a check at once; the real checker answers.
        s.now = start.addingTimeInterval(0.01)
        guard case .checkSpelling(101, let text, let changes)? = s.tick().first(where: { if case .checkSpelling = $0 { return true } else { return false } })
        else { return XCTFail("no check asked") }
        let checker = SpellChecker(lexicon: Lexicon.standard())
        _ = s.handle(message: .spellChecked(101, changes: changes, checker.check(text)))
        let frame = s.render()
        let rows = (0..<frame.height).map { frame.rowText($0) }
        XCTAssertTrue(rows.last!.contains("2 lỗi chính tả"), rows.last!)
        // "nghi" in the title and "hiên" in the body are drawn in the finding style.
        let titleColumn = rows[1].distance(from: rows[1].startIndex, to: rows[1].range(of: "nghi")!.lowerBound)
        XCTAssertEqual(frame.style(atRow: 1, col: titleColumn), Theme.default.finding)
        XCTAssertNotEqual(frame.style(atRow: 1, col: 0), Theme.default.finding)

        // F7 goes to the first finding and the status bar says what it is; F8 offers the fixes.
        _ = press(.function(7), &s)
        XCTAssertTrue(rowsText(s).contains("«nghi»: "), rowsText(s))
        XCTAssertTrue(rowsText(s).contains("gợi ý: nghị"), rowsText(s))
        _ = press(.function(7), &s)
        XCTAssertTrue(rowsText(s).contains("«hiên»: "), rowsText(s))
        _ = press(.function(8), &s)
        XCTAssertTrue(rowsText(s).contains("Chính tả: «hiên»"), rowsText(s))
        XCTAssertTrue(rowsText(s).contains("[1] hiện"), rowsText(s))
        _ = press(.char("1"), &s)
        XCTAssertTrue(rowsText(s).contains("Sở Y tế thực hiện kế hoạch."), rowsText(s))
        // The fixed word no longer shows as a finding, before the next check comes back.
        XCTAssertTrue(rowsText(s).contains("1 lỗi chính tả"), rowsText(s))

        // Typing asks again only after a pause.
        _ = press(.function(6), &s)
        _ = press(.function(8), &s)
        XCTAssertEqual(press(.char("t"), &s), [.addToDictionary("nghi")], "add the word")
        XCTAssertFalse(rowsText(s).contains("lỗi chính tả"), rowsText(s))
        s.now = start.addingTimeInterval(0.3)
        XCTAssertFalse(s.tick().contains { if case .checkSpelling = $0 { return true } else { return false } })
        s.now = start.addingTimeInterval(1)
        XCTAssertTrue(s.tick().contains { if case .checkSpelling = $0 { return true } else { return false } })
    }

    func testF7BeforeTheFirstCheckAnswersWaitsForIt() throws {
        var s = try editing(body: "Sở Y tế thực hiên kế hoạch.")
        s.now = start.addingTimeInterval(0.01)
        guard case .checkSpelling(101, let text, let changes)? = s.tick().first(where: { if case .checkSpelling = $0 { return true } else { return false } })
        else { return XCTFail("no check asked") }
        _ = press(.function(7), &s)
        XCTAssertTrue(rowsText(s).contains("Đang kiểm tra chính tả"), "not 'no findings' while the check runs: " + rowsText(s))
        XCTAssertFalse(rowsText(s).contains("Không có lỗi chính tả"), rowsText(s))
        _ = s.handle(message: .spellChecked(101, changes: changes, SpellChecker(lexicon: Lexicon.standard()).check(text)))
        XCTAssertTrue(rowsText(s).contains("«nghi»: "), "the step is taken when the answer comes: " + rowsText(s))
    }

    func testAnEnglishArticleIsNotHeldToVietnameseSpellingNorTypedInTelex() throws {
        var s = AppState(language: .vi, portal: portal, keymap: KeyBindings.load(userFile: nil).keymap, width: 100, height: 24,
                         journal: journal, inputMethod: .telex)
        s.now = start
        _ = s.start()
        var item = submission(revision: 1, title: "Road opens", body: "The new road opens soon.")
        item.summary.language = "en"
        _ = s.handle(message: .queueLoaded(tab: 0, .success([item.summary])))
        _ = press(.char("e"), &s)
        _ = s.handle(message: .openedForEditing(101, .success(EditingStart(submission: item, lease: lease(at: start)))))
        s.now = start.addingTimeInterval(1)
        XCTAssertFalse(s.tick().contains { if case .checkSpelling = $0 { return true } else { return false } })
        XCTAssertFalse(rows(s).contains("Telex"), rows(s))
        // "door" stays "door" (Telex would have made "dỏ").
        _ = press(.end, &s)
        type(" door", &s)
        XCTAssertTrue(rows(s).contains("Tiêu đề: Road opens door"), rows(s))
    }

    private func rowsText(_ s: AppState) -> String { rows(s) }
}

extension DeskEditorTests {
    /// Issue 19, point 10: what the editor shows is what is saved, or the save is refused
    /// with the reason and the words kept; a save with nothing changed sends nothing.
    func testWordsBeforeTheTitleLabelAreKeptAndRefusedAndAnUnchangedTextIsNotSent() throws {
        var s = try editing(body: "Thân bài.")
        XCTAssertEqual(press(.ctrl("s"), &s), [], "nothing typed: no new revision")
        XCTAssertTrue(rows(s).contains("Không có gì thay đổi để lưu."), rows(s))

        // A digit typed at 1:1, in front of «Tiêu đề:».
        type("1", &s)
        XCTAssertEqual(press(.ctrl("s"), &s), [], "not sent: the 1 would be lost")
        XCTAssertTrue(rows(s).contains("Chưa lưu: có chữ đứng trước nhãn «Tiêu đề:»"), rows(s))
        XCTAssertFalse(rows(s).contains("Đã lưu lên cổng"), rows(s))
        XCTAssertTrue(rows(s).contains("1Tiêu đề: Hội nghi tổng kết"), "the words stay: " + rows(s))

        // Typed and taken back, or spaces only: still nothing to save.
        _ = press(.backspace, &s)
        _ = press(.end, &s)
        type("  ", &s)
        XCTAssertEqual(press(.ctrl("s"), &s), [.dropJournal(key: Journal.key(portal: portal, submission: 101))],
                       "nothing to save: what the journal kept of the typing goes")
        XCTAssertTrue(rows(s).contains("Không có gì thay đổi để lưu."), rows(s))
        XCTAssertFalse(rows(s).contains("Chưa lưu:"), "the old refusal is gone: " + rows(s))

        // A real change is sent once; saving again right after sends nothing.
        for _ in 0..<3 { _ = press(.down, &s) }
        _ = press(.end, &s)
        type(" Thêm.", &s)
        let edit = SubmissionEdit(title: "Hội nghi tổng kết", sapo: "Sáng nay, Sở Y tế họp.", body: "Thân bài. Thêm.")
        XCTAssertEqual(press(.ctrl("s"), &s), [.save(id: 101, edit: edit, base: 1)])
        _ = s.handle(message: .saved(101, .success(submission(revision: 2, body: "Thân bài. Thêm."))))
        XCTAssertTrue(rows(s).contains("phiên bản 2"), rows(s))
        XCTAssertEqual(press(.ctrl("s"), &s), [])
        // Closing asks nothing: the text is the portal's.
        XCTAssertEqual(press(.ctrl("q"), &s).first, .releaseLease(101))
    }
}

extension DeskEditorTests {
    /// Issue 19, point 11: the title and the sapo are one line each; "both" would make two
    /// title lines and a save the portal refuses, so it is never offered there.
    func testATitleChangedOnBothSidesIsNeverMergedAsBoth() throws {
        var s = try editing(body: "Thân bài.")
        // Mine: "nghi" → "nghị" in the title, and a word of the sapo.
        _ = press(.home, &s)
        for _ in 0..<"Tiêu đề: Hội nghi".count { _ = press(.right, &s) }
        _ = press(.backspace, &s)
        type("ị", &s)
        _ = press(.down, &s)
        _ = press(.end, &s)
        _ = press(.backspace, &s)
        type(" sáng.", &s)
        guard case .save(_, let mine, 1)? = press(.ctrl("s"), &s).first else { return XCTFail("no save") }
        XCTAssertEqual(mine.title, "Hội nghị tổng kết")
        // Theirs, saved first: the same word of the title and of the sapo, otherwise.
        var theirs = submission(revision: 2, title: "Hội nghĩ tổng kết", body: "Thân bài.")
        theirs.sapo = "Sáng nay, Sở Y tế họp bàn."
        _ = s.handle(message: .saved(101, .failure(.staleRevision(current: theirs))))
        var view = rows(s)
        XCTAssertTrue(view.contains("cả hai cùng sửa"), view)
        XCTAssertFalse(view.contains("Cả hai: bản trên cổng, rồi bản của tôi"), "both is not offered for one-line fields: " + view)
        XCTAssertFalse(view.contains("đang chọn: cả hai"), view)
        XCTAssertTrue(view.contains("đang chọn: bản của tôi"), "my words are preselected: " + view)
        // b says why it is not offered, and changes nothing.
        XCTAssertEqual(press(.char("b"), &s), [])
        view = rows(s)
        XCTAssertTrue(view.contains("một dòng"), view)
        XCTAssertTrue(view.contains("đang chọn: bản của tôi"), view)
        // Enter saves one title line and one sapo line.
        guard case .save(_, let merged, 2)? = saves(press(.enter, &s)).first else { return XCTFail("no save over revision 2: " + rows(s)) }
        XCTAssertEqual(merged.title, "Hội nghị tổng kết")
        XCTAssertEqual(merged.sapo, "Sáng nay, Sở Y tế họp sáng.")
        XCTAssertEqual(merged.body, "Thân bài.")
    }
}

extension DeskEditorTests {
    /// Issue 19, point 13: F8 in the reader opens the editor on the finding, its fixes
    /// offered, so the digit typed next picks a fix instead of going into the text.
    func testF8InTheReaderOpensTheEditorOnTheFindingWithItsFixes() throws {
        let item = submission(revision: 1, body: "Sở Y tế thực hiên kế hoạch.")
        let checker = SpellChecker(lexicon: Lexicon.standard())
        var s = AppState(language: .vi, portal: portal, keymap: KeyBindings.load(userFile: nil).keymap, width: 100, height: 24,
                         journal: journal, inputMethod: nil)
        s.now = start
        _ = s.handle(message: .queueLoaded(tab: 0, .success([item.summary])))
        XCTAssertEqual(press(.enter, &s), [.loadSubmission(101)])
        guard case .checkReaderSpelling(101, let text)? = s.handle(message: .submissionLoaded(101, .success(item))).first
        else { return XCTFail("the reader's article is not checked") }
        _ = s.handle(message: .readerSpellChecked(101, text: text, checker.check(text)))
        // F7 twice: the second finding, "hiên" in the body; F8 fixes it in the editor.
        _ = press(.function(7), &s)
        _ = press(.function(7), &s)
        XCTAssertEqual(press(.function(8), &s), [.openForEditing(101)])
        _ = s.handle(message: .openedForEditing(101, .success(EditingStart(submission: item, lease: lease(at: start)))))
        s.now = start.addingTimeInterval(0.01)
        guard case .checkSpelling(101, let editorText, let changes)? = s.tick().first(where: { if case .checkSpelling = $0 { return true } else { return false } })
        else { return XCTFail("the editor asks no check") }
        _ = s.handle(message: .spellChecked(101, changes: changes, checker.check(editorText)))
        var screen = rows(s)
        XCTAssertTrue(screen.contains("Chính tả: «hiên»"), "the finding's dialog is open: " + screen)
        XCTAssertTrue(screen.contains("[1] hiện"), screen)
        XCTAssertTrue(screen.contains("Dòng 4/4, cột 18"), "the cursor is on the finding: " + screen)
        _ = press(.char("1"), &s)
        screen = rows(s)
        XCTAssertTrue(screen.contains("Sở Y tế thực hiện kế hoạch."), screen)
        XCTAssertTrue(screen.contains("Tiêu đề: Hội nghi tổng kết"), "nothing typed into the text: " + screen)
    }

    /// F8 with no finding chosen in the reader: the first one.
    func testF8InTheReaderWithoutAStepFixesTheFirstFinding() throws {
        let item = submission(revision: 1, body: "Sở Y tế thực hiên kế hoạch.")
        let checker = SpellChecker(lexicon: Lexicon.standard())
        var s = AppState(language: .vi, portal: portal, keymap: KeyBindings.load(userFile: nil).keymap, width: 100, height: 24,
                         journal: journal, inputMethod: nil)
        s.now = start
        _ = s.handle(message: .queueLoaded(tab: 0, .success([item.summary])))
        _ = press(.enter, &s)
        _ = s.handle(message: .submissionLoaded(101, .success(item)))
        XCTAssertEqual(press(.function(8), &s), [.openForEditing(101)])
        _ = s.handle(message: .openedForEditing(101, .success(EditingStart(submission: item, lease: lease(at: start)))))
        type("7", &s)   // typed before the check answers: text, as always
        s.now = start.addingTimeInterval(0.01)
        guard case .checkSpelling(101, let editorText, let changes)? = s.tick().first(where: { if case .checkSpelling = $0 { return true } else { return false } })
        else { return XCTFail("the editor asks no check") }
        _ = s.handle(message: .spellChecked(101, changes: changes, checker.check(editorText)))
        XCTAssertTrue(rows(s).contains("Chính tả: «nghi»"), rows(s))
    }
}

extension DeskEditorTests {
    /// Quitting bientap while an editor holds words the portal has not got: the question says
    /// so, and "yes" keeps them in the journal, up to the last key, before the app ends.
    func testQuittingTheDeskWithAnEditorOpenKeepsItsLastWords() throws {
        var s = try editing(body: "Đoạn một.")
        type("X", &s)
        s.now = start.addingTimeInterval(0.2)
        type("Y", &s)
        // An editor beneath another screen (the desk's own quit, not the editor's).
        s.overlays.append(.help(HelpScreen()))
        XCTAssertEqual(s.quit(), [], "asks first")
        XCTAssertTrue(rows(s).contains("chưa lưu lên cổng"), rows(s))
        let answered = press(.char("y"), &s)
        XCTAssertEqual(answered.last, .quit)
        let entry = try XCTUnwrap(kept(answered), "the words are not journaled before quitting: \(answered)")
        XCTAssertTrue(entry.text.contains("XY"), entry.text)
    }
}
