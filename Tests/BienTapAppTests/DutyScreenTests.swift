@testable import BienTapApp
import Foundation
import NewsroomKit
import TerminalUI
import VietText
import XCTest

final class DutyScreenTests: XCTestCase {
    /// 10:00 on Tuesday 24 November 2026, Vietnam time.
    private let now = DateText.date(DateText.Fields(year: 2026, month: 11, day: 24, hour: 10))!
    private let yte = SiteRef(id: 1, code: "so-y-te", name: "Sở Y tế")
    private let lyson = SiteRef(id: 2, code: "ly-son", name: "UBND huyện Lý Sơn")

    private func item(_ id: Int64, _ site: SiteRef, _ status: SubmissionStatus, at hours: Double?) -> SubmissionSummary {
        SubmissionSummary(id: id, site: site, contributor: ContributorRef(id: 1, fullName: "Lê Hồng", penName: nil), title: "Bài \(id)",
                          category: .news, language: "vi", status: status, receivedAt: now, words: 100, revision: 1,
                          publishAt: hours.map { now.addingTimeInterval($0 * 3600) })
    }

    func testTheNextSeventyTwoHoursPerSiteDayByDayWithGapsAndLateItems() {
        var duty = DutyScreen()
        duty.replace(sites: [yte, lyson], items: [
            item(1, yte, .scheduled, at: 21),       // 07:00 tomorrow
            item(2, yte, .scheduled, at: -0.5),     // 09:30 today: late
            item(3, lyson, .approved, at: nil),     // waiting for a time
            item(4, lyson, .scheduled, at: 80),     // beyond the window
            item(5, yte, .scheduled, at: 48.25),    // 10:15 Thursday
        ], now: now, language: .vi, visibleRows: 30)
        let rows = duty.rows(now: now, language: .vi)
        XCTAssertEqual(rows, [
            .heading("Đã duyệt, chưa lên lịch (1)"), .item(item(3, lyson, .approved, at: nil), time: "UBND huyện Lý Sơn · ", late: false), .blank,
            .heading("Sở Y tế"), .item(item(2, yte, .scheduled, at: -0.5), time: "24/11 09:30  ", late: true),
            .day("Hôm nay 24/11", empty: true),
            .day("Ngày mai 25/11", empty: false), .item(item(1, yte, .scheduled, at: 21), time: "07:00  ", late: false),
            .day("Thứ Năm 26/11", empty: false), .item(item(5, yte, .scheduled, at: 48.25), time: "10:15  ", late: false),
            .day("Thứ Sáu 27/11", empty: true), .blank,
            .heading("UBND huyện Lý Sơn"), .day("Hôm nay 24/11", empty: true), .day("Ngày mai 25/11", empty: true),
            .day("Thứ Năm 26/11", empty: true), .day("Thứ Sáu 27/11", empty: true), .blank,
        ])
        XCTAssertEqual(duty.selected?.id, 3, "the first item is selected")
        duty.move(by: 2, now: now, language: .vi, visibleRows: 30)
        XCTAssertEqual(duty.selected?.id, 1)
        // Published meanwhile: its neighbour takes the cursor.
        duty.replace(sites: [yte, lyson], items: [item(3, lyson, .approved, at: nil), item(2, yte, .scheduled, at: -0.5),
                                                  item(5, yte, .scheduled, at: 48.25)], now: now, language: .vi, visibleRows: 30)
        XCTAssertEqual(duty.selected?.id, 5)
        // Empty days are drawn as errors are.
        var frame = Frame(width: 80, height: 30)
        duty.render(into: &frame, in: Rect(row: 0, col: 0, width: 80, height: 30), now: now, theme: .default, language: .vi)
        let row = (0..<30).first { frame.rowText($0).contains("Hôm nay 24/11") }!
        XCTAssertTrue(frame.rowText(row).contains("chưa có bài nào"))
        XCTAssertEqual(frame.style(atRow: row, col: 4), Theme.default.statusError)
        // The waiting item: its site, a dot, its title, one space each side.
        let waiting = (0..<30).first { frame.rowText($0).contains("UBND huyện Lý Sơn ·") }.map { frame.rowText($0) } ?? ""
        XCTAssertTrue(waiting.contains("UBND huyện Lý Sơn · Bài 3"), waiting)
        let scheduled = (0..<30).first { frame.rowText($0).contains("10:15") }.map { frame.rowText($0) } ?? ""
        XCTAssertTrue(scheduled.contains("10:15  Bài 5"), scheduled)
    }
}

extension DutyScreenTests {
    /// Issue 19, point 16: PgDn moves a page of rows, not to the last item.
    func testPageDownMovesOnePage() {
        var s = AppState(language: .vi, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap, width: 80, height: 12)
        s.now = now
        XCTAssertEqual(s.handle(input: .key(.char("D"))), [.loadDuty])
        // Rows: 0 Sở Y tế, 1 today, 2 #1, 3 #2, 4 tomorrow, 5 #3, 6 Thursday, 7 #4, 8 Friday, 9 #5, 10 blank,
        // 11 Lý Sơn, 12 today, 13 tomorrow, 14 #6, 15 #7, 16 Thursday, 17 Friday, 18 #8.
        let items = [item(1, yte, .scheduled, at: 1), item(2, yte, .scheduled, at: 2), item(3, yte, .scheduled, at: 21),
                     item(4, yte, .scheduled, at: 48), item(5, yte, .scheduled, at: 70), item(6, lyson, .scheduled, at: 22),
                     item(7, lyson, .scheduled, at: 23), item(8, lyson, .scheduled, at: 71)]
        _ = s.handle(message: .dutyLoaded(.success(DutyData(sites: [yte, lyson], items: items))))
        guard case .duty(let before)? = s.overlays.last else { return XCTFail("no duty view") }
        XCTAssertEqual(before.selected?.id, 1)
        // Ten rows of body: a page is nine rows, from row 2 to row 11; the last item up to there is #5.
        _ = s.handle(input: .key(.pageDown))
        guard case .duty(let paged)? = s.overlays.last else { return XCTFail("no duty view") }
        XCTAssertEqual(paged.selected?.id, 5, "one page down, not the last item")
        _ = s.handle(input: .key(.pageDown))
        guard case .duty(let again)? = s.overlays.last else { return XCTFail("no duty view") }
        XCTAssertEqual(again.selected?.id, 8)
        _ = s.handle(input: .key(.pageUp))
        guard case .duty(let back)? = s.overlays.last else { return XCTFail("no duty view") }
        XCTAssertEqual(back.selected?.id, 5, "one page up")
    }
}
