@testable import BienTapApp
import CurlHTTP
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText
import XCTest

final class AppStateTests: XCTestCase {
    private let sites = [SiteRef(id: 1, code: "ly-son", name: "UBND huyện Lý Sơn"),
                         SiteRef(id: 2, code: "so-xay-dung", name: "Sở Xây dựng"),
                         SiteRef(id: 3, code: "english", name: "English page")]

    private func items(_ n: Int) -> [SubmissionSummary] {
        (0..<n).map(item)
    }

    private func item(_ i: Int) -> SubmissionSummary {
        let contributor = ContributorRef(id: Int64(i), fullName: "Nguyễn Văn \(i)", penName: i % 2 == 0 ? "Hải Đăng" : nil)
        let title: String = i == 1 ? "中文 title 中文中文中文中文中文中文中文中文中文中文中文中文中文中文"
            : "Tuyến đường ven biển Lý Sơn số \(i) được khởi công"
        let received = Date(timeIntervalSince1970: 1_763_800_000 - Double(i) * 3600)
        return SubmissionSummary(id: Int64(100 + i), site: sites[i % 3], contributor: contributor, title: title,
                                 category: .news, language: "vi", status: .submitted, receivedAt: received,
                                 words: 100 + i * 7, revision: 1, spellFindings: i % 5)
    }

    private func state(width: Int = 100, height: Int = 20, language: UILanguage = .vi) -> AppState {
        AppState(language: language, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap,
                 width: width, height: height)
    }

    private func lines(_ frame: Frame) -> [String] { (0..<frame.height).map { frame.rowText($0) } }

    func testThePublishedTabShowsWhenEachWentOutLatestFirst() {
        var s = state()
        // Item 0 was received last but went out first.
        let published = items(3).enumerated().map { index, item -> SubmissionSummary in
            var item = item
            item.status = .published
            item.publishedAt = Date(timeIntervalSince1970: 1_763_900_000 + Double(index) * 600)
            return item
        }
        _ = s.handle(input: .key(.char("]")))
        _ = s.handle(input: .key(.char("]")))
        _ = s.handle(input: .key(.char("]")))
        XCTAssertEqual(s.handle(input: .key(.char("]"))), [.loadQueue(tab: 4, statuses: [.published], publishedToday: true)])
        _ = s.handle(message: .queueLoaded(tab: 4, .success(published)))
        let rows = lines(s.render())
        XCTAssertTrue(rows[0].contains("Đăng hôm nay (3 bài)"), rows[0])
        XCTAssertTrue(rows[2].hasPrefix("  Đăng lúc ▼"), "sorted by it, latest first: " + rows[2])
        XCTAssertTrue(rows[3].contains(DateText.short(published[2].publishedAt!)) && rows[3].contains(" 114 "), rows[3])
        XCTAssertTrue(rows[5].contains(DateText.short(published[0].publishedAt!)) && rows[5].contains(" 100 "), rows[5])
        XCTAssertFalse(rows[5].contains(DateText.short(published[0].receivedAt)), "the publication time, not the arrival")
    }

    func testQueueRendersAlignedRowsWithTitleAndStatusBar() {
        var s = state()
        XCTAssertEqual(s.handle(message: .queueLoaded(tab: 0, .success(items(30)))), [])
        let rows = lines(s.render())
        XCTAssertTrue(rows[0].contains("Chờ duyệt (30 bài)"), rows[0])
        XCTAssertTrue(rows[1].hasPrefix(" Chờ duyệt 30 │ Đang biên tập │ Trả lại"), rows[1])
        XCTAssertTrue(rows[2].contains("Tiêu đề") && rows[2].contains("Số chữ") && rows[2].hasSuffix("Lỗi CT"), rows[2])
        XCTAssertTrue(rows[3].hasPrefix("▶ ") && rows[3].contains("Tuyến đường ven biển Lý Sơn"), rows[3])
        XCTAssertTrue(rows[2].contains("Thể loại") && rows[3].contains(" Tin "), "the category column: " + rows[3])
        XCTAssertTrue(rows[4].hasPrefix("  "), "the cursor's arrow only on its row")
        XCTAssertTrue(rows[19].contains("1/30") && rows[19].contains("? trợ giúp"), rows[19])
        XCTAssertTrue(rows[3].hasSuffix("     100        0"), rows[3])
        XCTAssertTrue(rows[4].hasSuffix("     107        1"), rows[4])
        // Right-aligned counts of findings end in the last column on every row, CJK row included.
        for row in 3..<19 {
            let frame = s.render()
            XCTAssertEqual(DisplayWidth.of(frame.rowText(row)), 100, "row \(row): \(frame.rowText(row))")
        }
    }

    func testMovingOpeningAndGoingBack() {
        var s = state()
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(30))))
        XCTAssertEqual(s.handle(input: .key(.char("j"))), [])
        XCTAssertEqual(s.handle(input: .key(.char("j"))), [])
        XCTAssertTrue(lines(s.render())[19].contains("3/30"))
        XCTAssertEqual(s.handle(input: .key(.char("G"))), [])
        XCTAssertTrue(lines(s.render())[19].contains("30/30"))
        XCTAssertEqual(s.handle(input: .key(.char("g"))), [])
        XCTAssertEqual(s.handle(input: .key(.pageDown)), [])
        XCTAssertTrue(lines(s.render())[19].contains("17/30"), lines(s.render())[19])

        XCTAssertEqual(s.handle(input: .key(.enter)), [.loadSubmission(116)])
        XCTAssertTrue(lines(s.render())[0].contains("Xem bài"))
        XCTAssertTrue(lines(s.render())[19].contains("q quay lại"), "in the reader q goes back, and says so")
        let item = items(30)[16]
        _ = s.handle(message: .submissionLoaded(116, .success(Submission(summary: item, sapo: "Sapo của bài.", body: "Đoạn một.\n\n## Mục hai\n- ý một"))))
        let reader = lines(s.render())
        XCTAssertTrue(reader.contains(where: { $0.contains("Sapo của bài.") }), reader.joined(separator: "\n"))
        XCTAssertTrue(reader.contains(where: { $0.contains("• ý một") }))
        XCTAssertTrue(reader.contains(where: { $0 == "Mục hai" }))

        XCTAssertEqual(s.handle(input: .key(.char("q"))), [])
        XCTAssertTrue(lines(s.render())[0].contains("Chờ duyệt"))
        XCTAssertTrue(lines(s.render())[19].contains("17/30"), "cursor kept after going back")
        XCTAssertEqual(s.handle(input: .key(.char("q"))), [.quit])
    }

    func testHelpIsGeneratedFromTheCatalogue() {
        var s = state(height: 40)
        _ = s.handle(input: .key(.char("?")))
        var text = s.render().text
        XCTAssertTrue(text.contains("Trợ giúp"))
        // The help is longer than a screen: read it page by page.
        for _ in 0..<10 {
            _ = s.handle(input: .key(.pageDown))
            text += s.render().text
        }
        for action in AppActions.catalogue.all {
            XCTAssertTrue(text.contains(action.description.vi), "help lacks \(action.id)")
        }
        XCTAssertEqual(s.handle(input: .key(.escape)), [])
        XCTAssertFalse(s.render().text.contains("Trợ giúp —"))
    }

    func testErrorsAreShownWithRetryAndRetryReloads() {
        var s = state()
        let refused = PortalError.transport(TransportError(curlCode: 7, message: "Failed to connect to 127.0.0.1 port 9: Couldn't connect to server",
                                                           url: "http://127.0.0.1:9/api"))
        _ = s.handle(message: .queueLoaded(tab: 0, .failure(refused)))
        let bar = lines(s.render())[19]
        XCTAssertTrue(bar.contains("Không kết nối được") && bar.contains("Nhấn r để thử lại."), bar)
        // The whole story fills the empty body, in the interface's words, not libcurl's English.
        let body = lines(s.render())[2..<19].joined(separator: "\n")
        XCTAssertTrue(body.contains("Máy chủ không nhận kết nối") && body.contains("Nhấn r để thử lại."), body)
        XCTAssertFalse(body.contains("Couldn't connect") || body.contains("libcurl"), body)
        XCTAssertEqual(s.render().style(atRow: 19, col: 1), Theme.default.statusError)
        XCTAssertEqual(s.handle(input: .key(.char("r"))), [.loadQueue(tab: 0, statuses: SubmissionStatus.pending)])
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(3))))
        XCTAssertFalse(lines(s.render())[19].contains("Không kết nối"))
    }

    func testUnauthorizedMessageInEnglish() {
        var s = state(width: 160, language: .en)
        let body = APIErrorBody(code: .unauthorized)
        _ = s.handle(message: .queueLoaded(tab: 0, .failure(.api(status: 401, body: body))))
        let bar = lines(s.render())[19]
        XCTAssertTrue(bar.contains("refused the access token (401)"), bar)
        XCTAssertTrue(lines(s.render())[0].contains("Pending"))
    }

    func testResizeKeepsCursorVisible() {
        var s = state()
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(30))))
        for _ in 0..<15 { _ = s.handle(input: .key(.down)) }
        _ = s.handle(input: .resize(width: 60, height: 8))
        let rows = lines(s.render())
        XCTAssertEqual(rows.count, 8)
        let frame = s.render()
        XCTAssertTrue((2..<7).contains { frame.style(atRow: $0, col: 0) == Theme.default.selected }, rows.joined(separator: "\n"))
        XCTAssertTrue(rows[7].contains("16/30"))
        XCTAssertTrue(rows.allSatisfy { DisplayWidth.of($0) <= 60 })
    }

    func testUnboundKeyIsReported() {
        var s = state()
        _ = s.handle(input: .key(.char("z")))
        XCTAssertTrue(lines(s.render())[18].contains("Phím z chưa được gán"), "a toast above the status bar")
    }

    func testTerminateQuits() {
        var s = state()
        XCTAssertEqual(s.handle(input: .terminate), [.quit])
    }

    private func keys(_ text: String, into s: inout AppState) {
        for c in text { _ = s.handle(input: .key(.char(c))) }
    }

    func testQueueSearchFilterSortAndMarksKeepAcrossRefresh() {
        var s = state()
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(30))))
        // Incremental search, diacritics ignored; Enter keeps the place, n goes on.
        keys("/", into: &s)
        XCTAssertTrue(lines(s.render())[19].hasPrefix("Tìm:"))
        keys("so 1", into: &s)
        XCTAssertEqual(s.queue.selected?.id, 110, "\"so 1\" first matches \"số 10\" (1 itself is the CJK title)")
        _ = s.handle(input: .key(.enter))
        keys("n", into: &s)
        XCTAssertEqual(s.queue.selected?.id, 111)
        keys("N", into: &s)
        XCTAssertEqual(s.queue.selected?.id, 110)
        // Escape gives the cursor back.
        keys("/xay", into: &s)
        XCTAssertEqual(s.queue.selected?.site.code, "so-xay-dung")
        _ = s.handle(input: .key(.escape))
        XCTAssertEqual(s.queue.selected?.id, 110)

        // Filter as one types; the status bar says what is shown.
        keys("fly son", into: &s)
        _ = s.handle(input: .key(.enter))
        XCTAssertEqual(s.queue.table.rowCount, 29, "every title says Lý Sơn but the CJK one, which is on another site")
        _ = s.handle(input: .key(.char("f")))
        _ = s.handle(input: .key(.backspace))
        for _ in 0..<10 { _ = s.handle(input: .key(.backspace)) }
        keys("english", into: &s)
        _ = s.handle(input: .key(.enter))
        XCTAssertEqual(s.queue.table.rowCount, 10)
        XCTAssertTrue(lines(s.render())[19].contains("10/10"), lines(s.render())[19])
        XCTAssertTrue(lines(s.render())[19].contains("Đang lọc: \"english\""), lines(s.render())[19])

        // Sort by received (oldest first), then mark two rows.
        keys("s", into: &s)
        XCTAssertTrue(lines(s.render())[2].contains("▲"))
        keys("gt", into: &s)
        let firstMarked = try! XCTUnwrap(s.queue.table.marked.first)
        XCTAssertEqual(s.queue.items[firstMarked].id, 129, "the oldest English item")
        keys("t", into: &s)
        XCTAssertEqual(s.queue.table.marked.count, 2)
        // A refresh with one more item keeps filter, sort, marks and cursor.
        let selected = s.queue.selected?.id
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(31).reversed())))
        XCTAssertEqual(s.queue.table.rowCount, 10, "item 30 is on the Lý Sơn site: filtered out")
        XCTAssertEqual(Set(s.queue.table.marked.map { s.queue.items[$0].id }), [129, 126])
        XCTAssertEqual(s.queue.selected?.id, selected)
        XCTAssertEqual(s.queue.items[s.queue.table.sourceRow(at: 0)].id, 129, "still sorted oldest first")
    }

    func testRedrawRepaintsEverything() {
        var s = state()
        XCTAssertEqual(s.handle(input: .key(.ctrl("l"))), [.repaint])
    }

    func testPaletteFindsActionsWithoutDiacritics() {
        var s = state(height: 30)
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(30))))
        keys(":", into: &s)
        XCTAssertTrue(s.render().text.contains("Lệnh"))
        keys("sap xep", into: &s)
        let text = s.render().text
        XCTAssertTrue(text.contains("Sắp xếp: lần lượt theo từng cột"), text)
        XCTAssertEqual(s.handle(input: .key(.enter)), [])
        XCTAssertNotNil(s.queue.table.sort, "Enter ran the sort")
        XCTAssertNil(s.palette)
        keys(":thoat", into: &s)
        XCTAssertEqual(s.handle(input: .key(.enter)), [.quit])
    }

    func testTabsLoadTheirStatusesAndKeepTheirOwnPlace() {
        var s = state()
        XCTAssertEqual(s.start(), [.loadQueue(tab: 0, statuses: [.submitted, .resubmitted])])
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(30))))
        keys("jj", into: &s)
        XCTAssertEqual(s.handle(input: .key(.tab)), [.loadQueue(tab: 1, statuses: [.inReview])])
        XCTAssertTrue(lines(s.render())[0].contains("Đang biên tập"), lines(s.render())[0])
        _ = s.handle(message: .queueLoaded(tab: 1, .success(Array(items(5)))))
        XCTAssertTrue(lines(s.render())[1].contains("Chờ duyệt 30 │ Đang biên tập 5 │ Trả lại │"), lines(s.render())[1])
        XCTAssertEqual(s.render().style(atRow: 1, col: 16), Theme.default.selected, "the selected tab stands out")
        XCTAssertTrue(lines(s.render())[19].contains("1/5"))
        // Back to the first tab: its cursor is where it was, and it is reloaded.
        XCTAssertEqual(s.handle(input: .key(.backTab)), [.loadQueue(tab: 0, statuses: [.submitted, .resubmitted])])
        XCTAssertTrue(lines(s.render())[19].contains("3/30"))
        XCTAssertEqual(s.handle(input: .key(.backTab)), [.loadQueue(tab: 5, statuses: [.rejected])], "wraps to the last tab")
        _ = s.handle(message: .queueLoaded(tab: 5, .success([])))
        XCTAssertTrue(lines(s.render())[4].contains("Không có bài nào ở đây."), lines(s.render()).joined(separator: "\n"))
        // A late answer for another tab lands in that tab, not in the one shown.
        _ = s.handle(message: .queueLoaded(tab: 2, .success(items(2))))
        XCTAssertTrue(lines(s.render())[1].contains("Trả lại 2"))
        XCTAssertTrue(lines(s.render())[0].contains("Từ chối (0 bài)"))
    }

    func testMouseSelectsOpensSortsAndScrolls() {
        var s = state()
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(30))))
        func click(_ row: Int, _ col: Int, _ count: Int = 1) -> [Effect] {
            s.handle(input: .mouse(MouseEvent(.press(clickCount: count), row: row, col: col)))
        }
        XCTAssertEqual(click(6, 40), [])
        XCTAssertEqual(s.queue.table.cursor, 3, "row 6 of the screen is the fourth data row")
        XCTAssertEqual(click(6, 40, 2), [.loadSubmission(103)], "a double click opens")
        _ = s.handle(input: .key(.char("q")))
        // The wheel moves three rows at a time.
        _ = s.handle(input: .mouse(MouseEvent(.wheelDown, row: 10, col: 10)))
        XCTAssertEqual(s.queue.table.cursor, 6)
        _ = s.handle(input: .mouse(MouseEvent(.wheelUp, row: 10, col: 10)))
        _ = s.handle(input: .mouse(MouseEvent(.wheelUp, row: 10, col: 10)))
        XCTAssertEqual(s.queue.table.cursor, 0)
        // A title sorts by its column: up, down, then back to the portal's order.
        let words = lines(s.render())[2].range(of: "Số chữ")!
        let wordsColumn = lines(s.render())[2].distance(from: lines(s.render())[2].startIndex, to: words.lowerBound)
        _ = click(2, wordsColumn)
        XCTAssertEqual(s.queue.table.sort?.column, 5)
        XCTAssertEqual(s.queue.table.sort?.ascending, true)
        XCTAssertTrue(lines(s.render())[18].contains("Sắp xếp theo Số chữ, tăng dần."), "said in a toast")
        _ = click(2, wordsColumn)
        XCTAssertEqual(s.queue.table.sort?.ascending, false)
        _ = click(2, wordsColumn)
        XCTAssertNil(s.queue.table.sort)
        // A tab's title shows that tab.
        XCTAssertEqual(click(1, 20), [.loadQueue(tab: 1, statuses: [.inReview])])
        XCTAssertEqual(click(1, 5), [.loadQueue(tab: 0, statuses: [.submitted, .resubmitted])])
        XCTAssertEqual(click(19, 5), [], "the status bar does nothing")
    }

    func testSpinnerAfterTwoHundredMillisecondsAndToastsExpire() {
        var s = state()
        let t0 = Date(timeIntervalSince1970: 2_000_000_000)
        s.now = t0
        _ = s.start()
        XCTAssertEqual(s.wakeMilliseconds, 100, "a load is under way: the spinner may turn")
        XCTAssertFalse(lines(s.render())[19].contains("Đang tải"), "a quick answer shows no spinner")
        s.now = t0.addingTimeInterval(0.25)
        let bar = lines(s.render())[19]
        XCTAssertTrue(bar.contains("Đang tải…") && bar.hasPrefix(" " + Activity.spinner(elapsed: 0.25)!), bar)
        s.now = t0.addingTimeInterval(0.45)
        XCTAssertNotEqual(lines(s.render())[19], bar, "the spinner turns")
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(3))))
        XCTAssertNil(s.wakeMilliseconds, "nothing changes with time")
        keys("t", into: &s)
        XCTAssertTrue(lines(s.render())[18].contains("Đã đánh dấu 1 bài."))
        XCTAssertEqual(s.wakeMilliseconds, Int(Toasts.defaultDuration * 1000), "a wake-up when the toast goes, not a tick every frame")
        s.now = t0.addingTimeInterval(0.45 + Toasts.defaultDuration)
        XCTAssertEqual(s.tick(), [])
        XCTAssertFalse(lines(s.render())[18].contains("Đã đánh dấu"))
        XCTAssertNil(s.wakeMilliseconds)
    }

    func testFilterFormNarrowsByCriteria() {
        var s = state(height: 30)
        s.now = Date(timeIntervalSince1970: 1_763_800_000)
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(30))))
        keys("F", into: &s)
        XCTAssertTrue(s.render().text.contains("Lọc nâng cao"))
        // Site: English page (options in Vietnamese order after "Tất cả").
        _ = s.handle(input: .key(.char("e")))
        XCTAssertTrue(s.render().text.contains("◀ English page ▶"), s.render().text)
        _ = s.handle(input: .key(.enter))
        XCTAssertNil(s.form)
        XCTAssertEqual(s.queue.table.rowCount, 10)
        XCTAssertTrue(lines(s.render())[29].contains("Lọc: English page"), lines(s.render())[29])
        // Received from a date that reads as none is refused; then a real one narrows further.
        keys("F", into: &s)
        for _ in 0..<3 { _ = s.handle(input: .key(.tab)) }
        keys("31/02", into: &s)
        _ = s.handle(input: .key(.enter))
        XCTAssertNotNil(s.form, "not applied")
        XCTAssertTrue(s.render().text.contains("Nhận từ: không đọc được ngày giờ"), s.render().text)
        for _ in 0..<5 { _ = s.handle(input: .key(.backspace)) }
        // Items are an hour apart, the first at 15:26 on 22/11/2025 (Vietnam): from 08:00 keeps 8 hours of them.
        keys("08:00 22/11/2025", into: &s)
        _ = s.handle(input: .key(.enter))
        XCTAssertNil(s.form)
        let shown = (0..<s.queue.table.rowCount).map { s.queue.items[s.queue.table.sourceRow(at: $0)] }
        XCTAssertEqual(shown.map(\.id), [102, 105], "English page items received since 08:00")
        XCTAssertTrue(lines(s.render())[29].contains("từ 08:00 22/11/2025"))
        // Escape leaves the criteria as they were; the form opens with them filled in.
        keys("F", into: &s)
        XCTAssertTrue(s.render().text.contains("08:00 22/11/2025"))
        _ = s.handle(input: .key(.escape))
        XCTAssertEqual(s.queue.table.rowCount, 2)
    }

    func testTheReaderHighlightsSpellingFindingsStepsThroughThemAndOpensTheEditorToFix() throws {
        var s = state()
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(3))))
        _ = s.handle(input: .key(.enter))
        let body = (1...30).map { $0 == 25 ? "Đoạn \($0): Sở Y tế thực hiên kế hoạch." : "Đoạn \($0)." }.joined(separator: "\n\n")
        let effects = s.handle(message: .submissionLoaded(100, .success(Submission(summary: items(1)[0], sapo: "Sa pô.", body: body))))
        guard case .checkReaderSpelling(100, let text)? = effects.first else { return XCTFail("no check asked: \(effects)") }
        // The checker reads the lines as shown; the line about the item (names, dates) is left out.
        let shown = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(shown[0], "Tuyến đường ven biển Lý Sơn số 0 được khởi công")
        XCTAssertEqual(shown[1], "")
        XCTAssertEqual(shown[3], "Sa pô.")
        // F7 before the checker has answered waits for it.
        XCTAssertFalse(s.render().text.contains("thực hiên"), "the finding is further down")
        _ = s.handle(input: .key(.function(7)))
        XCTAssertTrue(s.render().text.contains("Đang kiểm tra chính tả"), s.render().text)
        // An answer for another text (the item changed meanwhile) is not drawn.
        let checker = SpellChecker(lexicon: Lexicon.standard())
        _ = s.handle(message: .readerSpellChecked(100, text: "vieejt", checker.check("vieejt")))
        XCTAssertFalse(s.render().text.contains("lỗi chính tả ·"))
        let findings = checker.check(text)
        XCTAssertEqual(findings.map(\.word), ["hiên"])
        // The answer: counted, and the step asked for is taken — in view, drawn as the current one, said.
        _ = s.handle(message: .readerSpellChecked(100, text: text, findings))
        let frame = s.render()
        XCTAssertTrue(lines(frame)[19].contains("1 lỗi chính tả"), lines(frame)[19])
        let row = try XCTUnwrap((0..<frame.height).first { frame.rowText($0).contains("thực hiên") }, frame.text)
        let start = DisplayWidth.of(String(frame.rowText(row)[..<frame.rowText(row).range(of: "hiên")!.lowerBound]))
        XCTAssertEqual(frame.style(atRow: row, col: start), Theme.default.selected)
        XCTAssertTrue(frame.text.contains("«hiên»"), frame.text)
        // The same text read again (a refresh) is not checked again, and keeps its findings.
        XCTAssertEqual(s.handle(message: .submissionLoaded(100, .success(Submission(summary: items(1)[0], sapo: "Sa pô.", body: body)))), [])
        XCTAssertTrue(lines(s.render())[19].contains("1 lỗi chính tả"))
        // F8 opens the item for editing, where the fixes are.
        XCTAssertEqual(s.handle(input: .key(.function(8))), [.openForEditing(100)])
    }

    func testReaderSearchHighlightsAndSteps() {
        var s = state()
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(3))))
        _ = s.handle(input: .key(.enter))
        let body = (1...40).map { $0 % 15 == 0 ? "Đoạn \($0): cảng cá Lý Sơn." : "Đoạn \($0)." }.joined(separator: "\n\n")
        _ = s.handle(message: .submissionLoaded(100, .success(Submission(summary: items(1)[0], sapo: "", body: body))))
        keys("/cang ca", into: &s)
        var frame = s.render()
        let row = (0..<frame.height).first { frame.rowText($0).contains("Đoạn 15: cảng") }
        XCTAssertNotNil(row, "the first match scrolled into view:\n" + frame.text)
        if let row {
            let col = DisplayWidth.of(String(frame.rowText(row).prefix(9)))
            XCTAssertEqual(frame.style(atRow: row, col: col), Theme.default.selected, "the current match")
        }
        _ = s.handle(input: .key(.enter))
        keys("n", into: &s)
        frame = s.render()
        XCTAssertTrue(frame.text.contains("Đoạn 30: cảng"), frame.text)
        keys("n", into: &s)
        XCTAssertTrue(s.render().text.contains("Đoạn 15: cảng"), "wrapped around")
        keys("/khong co", into: &s)
        _ = s.handle(input: .key(.enter))
        XCTAssertTrue(lines(s.render())[18].contains("Không thấy"), lines(s.render())[18])
    }
}

extension AppStateTests {
    func testTheQueueReadsItselfAgainKeepsTheCursorAndAnnouncesArrivals() {
        var s = AppState(language: .vi, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap,
                         width: 100, height: 20, refreshInterval: 15)
        let t0 = Date(timeIntervalSince1970: 2_000_000_000)
        s.now = t0
        _ = s.start()
        var list = (1...5).map(sampleItem)
        _ = s.handle(message: .queueLoaded(tab: 0, .success(list)))
        XCTAssertEqual(s.wakeMilliseconds, 15_000, "the next reading is the next thing to happen")
        _ = s.handle(input: .key(.char("j")))
        _ = s.handle(input: .key(.char("j")))
        let selected = s.queue.selected?.id
        s.now = t0.addingTimeInterval(14)
        XCTAssertEqual(s.tick(), [], "not yet")
        s.now = t0.addingTimeInterval(15)
        XCTAssertEqual(s.tick(), [.loadQueue(tab: 0, statuses: [.submitted, .resubmitted])])
        XCTAssertEqual(s.tick(), [], "one reading at a time")
        XCTAssertFalse(s.queue.isLoading, "in the background: no spinner")
        // Two items arrive (newer than all); the cursor stays on the same submission.
        list = [sampleItem(7), sampleItem(6)].map { var item = $0; item.receivedAt = t0; return item } + list
        _ = s.handle(message: .queueLoaded(tab: 0, .success(list)))
        XCTAssertEqual(s.queue.selected?.id, selected)
        let screen = (0..<20).map { s.render().rowText($0) }.joined(separator: "\n")
        XCTAssertTrue(screen.contains("2 bài mới trong Chờ duyệt"), screen)
        // A failed reading says so and tries again later, keeping the rows.
        s.now = t0.addingTimeInterval(30)
        XCTAssertEqual(s.tick().count, 1)
        _ = s.handle(message: .queueLoaded(tab: 0, .failure(.transport(TransportError(curlCode: 7, message: "refused", url: "x")))))
        XCTAssertEqual(s.queue.items.count, 7)
        XCTAssertNotNil(s.statusError)
        s.now = t0.addingTimeInterval(45)
        XCTAssertEqual(s.tick().count, 1)
    }

    private func sampleItem(_ i: Int) -> SubmissionSummary {
        SubmissionSummary(id: Int64(100 + i), site: SiteRef(id: 1, code: "so-y-te", name: "Sở Y tế"),
                          contributor: ContributorRef(id: 1, fullName: "Lê Hồng", penName: nil), title: "Bài số \(i)", category: .news,
                          language: "vi", status: .submitted, receivedAt: Date(timeIntervalSince1970: 1_763_800_000 - Double(i) * 3600),
                          words: 100, revision: 1)
    }
}

extension AppStateTests {
    func testTheReaderShowsTheContributorsOriginalAgainstNowInColour() {
        var s = AppState(language: .vi, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap, width: 100, height: 20)
        _ = s.handle(message: .queueLoaded(tab: 0, .success([sampleItem(1)])))
        XCTAssertEqual(s.handle(input: .key(.enter)), [.loadSubmission(101)])
        XCTAssertEqual(s.handle(input: .key(.char("d"))), [.loadDifferences(101, nil)])
        let diff = RevisionDiff(from: 1, to: 3, title: WordDiff(from: "Bài số 1", to: "Bài số 1"),
                                sapo: WordDiff(from: "Sapo.", to: "Sapo."),
                                body: WordDiff(from: "Hội nghị tổng kết.", to: "Hội nghị sơ kết năm."))
        _ = s.handle(message: .differencesLoaded(101, .success(diff)))
        let frame = s.render()
        let rows = (0..<20).map { frame.rowText($0) }
        XCTAssertTrue(rows[0].contains("khác biệt"), rows[0])
        XCTAssertTrue(rows.contains { $0.contains("Phiên bản 1 (của tác giả) → phiên bản 3") }, rows.joined(separator: "\n"))
        let bodyRow = try! XCTUnwrap(rows.firstIndex { $0.contains("sơ kết") })
        let added = rows[bodyRow].distance(from: rows[bodyRow].startIndex, to: rows[bodyRow].range(of: "sơ")!.lowerBound)
        let removed = rows[bodyRow].distance(from: rows[bodyRow].startIndex, to: rows[bodyRow].range(of: "tổng")!.lowerBound)
        XCTAssertEqual(frame.style(atRow: bodyRow, col: added), Theme.default.added)
        XCTAssertEqual(frame.style(atRow: bodyRow, col: removed), Theme.default.removed)
        // d again: back to the text, without asking the portal again; and back again uses what was loaded.
        XCTAssertEqual(s.handle(input: .key(.char("d"))), [])
        XCTAssertFalse((0..<20).map { s.render().rowText($0) }.joined().contains("khác biệt"))
        XCTAssertEqual(s.handle(input: .key(.char("d"))), [])
    }

    func testVComparesAnyTwoRevisionsChosenFromTheHistory() {
        var s = AppState(language: .vi, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap, width: 100, height: 20)
        _ = s.handle(message: .queueLoaded(tab: 0, .success([sampleItem(1)])))
        _ = s.handle(input: .key(.enter))
        // Before the history is read, v only says it is coming.
        XCTAssertEqual(s.handle(input: .key(.char("v"))), [])
        XCTAssertNil(s.form)
        let at = Date(timeIntervalSince1970: 1_763_800_000)
        let revisions = (1...3).map { RevisionInfo(number: $0, author: $0 == 1 ? "Lê Hồng" : "bbt.lan", createdAt: at + Double($0) * 60, note: "") }
        _ = s.handle(message: .historyLoaded(101, .success(ReaderHistory(events: [], revisions: revisions, notes: []))))
        _ = s.handle(input: .key(.char("v")))
        let rows = (0..<20).map { s.render().rowText($0) }.joined(separator: "\n")
        XCTAssertTrue(rows.contains("So sánh hai phiên bản"), rows)
        XCTAssertTrue(rows.contains("2 · ") && rows.contains("bbt.lan"), rows)
        // The same revision twice is refused and the form stays.
        _ = s.handle(input: .key(.char("3")))
        XCTAssertEqual(s.handle(input: .key(.enter)), [])
        XCTAssertNotNil(s.form)
        // The older one set to the original: 1 → 3; chosen in either order, asked oldest first.
        _ = s.handle(input: .key(.char("1")))
        _ = s.handle(input: .key(.tab))
        XCTAssertEqual(s.handle(input: .key(.enter)), [.loadDifferences(101, 1...3)])
        XCTAssertNil(s.form)
        let diff = RevisionDiff(from: 1, to: 3, title: WordDiff(from: "A", to: "A"), sapo: WordDiff(from: "", to: ""),
                                body: WordDiff(from: "một hai", to: "một ba"))
        _ = s.handle(message: .differencesLoaded(101, .success(diff)))
        XCTAssertTrue((0..<20).map { s.render().rowText($0) }.contains { $0.contains("Phiên bản 1 (của tác giả) → phiên bản 3 (hiện tại)") })
        // r reads the same pair again.
        XCTAssertEqual(s.handle(input: .key(.char("r"))), [.loadDifferences(101, 1...3)])
        // The next v starts from the pair chosen: 3 then 1 is the same pair.
        _ = s.handle(message: .differencesLoaded(101, .success(diff)))
        _ = s.handle(input: .key(.char("v")))
        _ = s.handle(input: .key(.char("1")))
        _ = s.handle(input: .key(.tab))
        _ = s.handle(input: .key(.char("2")))
        XCTAssertEqual(s.handle(input: .key(.enter)), [.loadDifferences(101, 1...2)])
    }
}

/// Issue 19, point 12: q and Escape on the queue step back before they quit, and quitting
/// asks first when something would be left behind (as mutt's quit=ask-yes: y, or q again).
extension AppStateTests {
    func testEscapeAndQClearAFilterBeforeTheyQuit() {
        var s = state()
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(30))))
        keys("fenglish", into: &s)
        _ = s.handle(input: .key(.enter))
        XCTAssertEqual(s.queue.table.rowCount, 10)
        XCTAssertEqual(s.handle(input: .key(.escape)), [], "Escape clears the filter, it does not quit")
        XCTAssertEqual(s.queue.table.rowCount, 30)
        XCTAssertFalse(lines(s.render())[19].contains("Đang lọc"), lines(s.render())[19])
        // The filter form's criteria go the same way, with q.
        var criteria = QueueCriteria()
        criteria.site = "Sở Xây dựng"
        s.queue.setCriteria(criteria, visibleRows: s.tableRows)
        XCTAssertEqual(s.queue.table.rowCount, 10)
        XCTAssertEqual(s.handle(input: .key(.char("q"))), [])
        XCTAssertEqual(s.queue.table.rowCount, 30)
        // Nothing to clear and nothing left behind: q quits at once.
        XCTAssertEqual(s.handle(input: .key(.char("q"))), [.quit])
    }

    func testQuittingWithWordsInTheJournalOrFromTheDemoAsksFirst() throws {
        let entry = Journal.Entry(key: Journal.key(portal: "http://127.0.0.1:9", submission: 101), label: "#101 Bài số 1",
                                  base: "a", revision: 1, text: "b", savedAt: Date())
        var s = AppState(language: .vi, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap,
                         width: 100, height: 20)
        _ = s.start(leftovers: [entry])
        XCTAssertEqual(s.handle(input: .key(.escape)), [], "later")
        _ = s.handle(message: .queueLoaded(tab: 0, .success(items(3))))
        XCTAssertEqual(s.handle(input: .key(.char("q"))), [], "asks first")
        var screen = lines(s.render()).joined(separator: "\n")
        XCTAssertTrue(screen.contains("Thoát bientap?"), screen)
        XCTAssertTrue(screen.contains("chưa lưu"), screen)
        XCTAssertEqual(s.handle(input: .key(.char("n"))), [], "n stays")
        XCTAssertFalse(lines(s.render()).joined().contains("Thoát bientap?"))
        XCTAssertEqual(s.handle(input: .key(.char("Q"))), [])
        XCTAssertEqual(s.handle(input: .key(.escape)), [], "Escape stays")
        XCTAssertEqual(s.handle(input: .key(.char("q"))), [])
        XCTAssertEqual(s.handle(input: .key(.char("q"))), [.quit], "q twice quits")
        XCTAssertEqual(s.handle(input: .key(.ctrl("c"))), [])
        XCTAssertEqual(s.handle(input: .key(.char("y"))), [.quit], "y quits")

        // The demo's sample portal and data go when it ends: asked too.
        var demo = AppState(language: .vi, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap,
                            width: 100, height: 20, isDemo: true)
        _ = demo.handle(message: .queueLoaded(tab: 0, .success(items(3))))
        XCTAssertEqual(demo.handle(input: .key(.escape)), [])
        screen = lines(demo.render()).joined(separator: "\n")
        XCTAssertTrue(screen.contains("dữ liệu mẫu"), screen)
        XCTAssertEqual(demo.handle(input: .key(.char("y"))), [.quit])
    }
}

/// Issue 19, point 16: the reader follows the item it shows.
extension AppStateTests {
    func testTheReaderHeaderFollowsAnEditAndTheHistoryIsInTimeOrderAndReadAgainAfterADecision() {
        var s = AppState(language: .vi, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap, width: 100, height: 40)
        _ = s.handle(message: .queueLoaded(tab: 0, .success([sampleItem(1)])))
        XCTAssertEqual(s.handle(input: .key(.enter)), [.loadSubmission(101)])
        var edited = sampleItem(1)
        edited.title = "Bài số 1, đã sửa"
        edited.status = .inReview
        _ = s.handle(message: .submissionLoaded(101, .success(Submission(summary: edited, sapo: "", body: "Đoạn."))))
        XCTAssertTrue(lines(s.render())[0].contains("Xem bài: Bài số 1, đã sửa"), "the header follows the item: " + lines(s.render())[0])

        // Decisions and revisions, one list, oldest first.
        let at = Date(timeIntervalSince1970: 1_763_800_000)
        let events = [AuditEvent(action: .claim, actor: "bbt.lan", from: .submitted, to: .inReview, note: "", at: at + 60),
                      AuditEvent(action: .return, actor: "bbt.lan", from: .inReview, to: .returned, note: "thiếu ảnh", at: at + 300)]
        let revisions = [RevisionInfo(number: 1, author: "Lê Hồng", createdAt: at, note: ""),
                         RevisionInfo(number: 2, author: "bbt.lan", createdAt: at + 120, note: "sửa tiêu đề")]
        _ = s.handle(message: .historyLoaded(101, .success(ReaderHistory(events: events, revisions: revisions, notes: []))))
        let text = s.pagerLines().map(\.text)
        let claim = text.firstIndex { $0.contains("Mới gửi → Đang biên tập") }
        let revision = text.firstIndex { $0.contains("sửa tiêu đề") }
        let returned = text.firstIndex { $0.contains("thiếu ảnh") }
        XCTAssertNotNil(claim)
        XCTAssertNotNil(revision)
        XCTAssertNotNil(returned)
        if let claim, let revision, let returned {
            XCTAssertTrue(claim < revision && revision < returned, "in time order: " + text.joined(separator: "\n"))
        }

        // A decision taken here: the item and its history are read again.
        _ = s.handle(input: .key(.char("R")))
        keys("thiếu ảnh", into: &s)
        guard case .decide(101, let request)? = s.handle(input: .key(.enter)).first else { return XCTFail("no decision sent") }
        edited.status = .returned
        let effects = s.handle(message: .decided(101, request.action, .success(Submission(summary: edited, sapo: "", body: "Đoạn."))))
        XCTAssertTrue(effects.contains(.loadSubmission(101)), "the history is read again: \(effects)")
    }

    func testQInTheDifferencesGoesBackToTheArticle() {
        var s = AppState(language: .vi, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap, width: 100, height: 20)
        _ = s.handle(message: .queueLoaded(tab: 0, .success([sampleItem(1)])))
        _ = s.handle(input: .key(.enter))
        _ = s.handle(message: .submissionLoaded(101, .success(Submission(summary: sampleItem(1), sapo: "", body: "Đoạn."))))
        XCTAssertEqual(s.handle(input: .key(.char("d"))), [.loadDifferences(101, nil)])
        let diff = RevisionDiff(from: 1, to: 2, title: WordDiff(from: "A", to: "A"), sapo: WordDiff(from: "", to: ""),
                                body: WordDiff(from: "một", to: "hai"))
        _ = s.handle(message: .differencesLoaded(101, .success(diff)))
        XCTAssertTrue(lines(s.render())[0].contains("khác biệt"), lines(s.render())[0])
        XCTAssertEqual(s.handle(input: .key(.char("q"))), [])
        XCTAssertTrue(lines(s.render())[0].contains("Xem bài: Bài số 1"), "back to the article: " + lines(s.render())[0])
        XCTAssertFalse(lines(s.render())[0].contains("khác biệt"), lines(s.render())[0])
        XCTAssertEqual(s.handle(input: .key(.escape)), [])
        XCTAssertTrue(lines(s.render())[0].contains("Chờ duyệt"), "then to the queue: " + lines(s.render())[0])
    }
}
