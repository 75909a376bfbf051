@testable import BienTapApp
import Foundation
import NewsroomKit
import TerminalUI
import VietText
import XCTest

final class DeskCommandsTests: XCTestCase {
    /// 2026-11-23 is a Monday; 22:30 in Vietnam is 15:30 UTC.
    private let mondayEvening = try! Date("2026-11-23T15:30:00Z", strategy: .iso8601)

    private func vietnam(_ date: Date?) -> String? { date.map(DateText.full) }

    func testMomentsAsPeopleTypeThem() {
        XCTAssertEqual(vietnam(DeskCommands.moment("07:00 24/11/2026", now: mondayEvening)), "07:00 24/11/2026")
        XCTAssertEqual(vietnam(DeskCommands.moment("24/11 08:15", now: mondayEvening)), "08:15 24/11/2026")
        XCTAssertEqual(DeskCommands.moment("+90m", now: mondayEvening), mondayEvening.addingTimeInterval(5400))
        XCTAssertEqual(DeskCommands.moment("+2h", now: mondayEvening), mondayEvening.addingTimeInterval(7200))
        XCTAssertEqual(DeskCommands.moment("+1d", now: mondayEvening), mondayEvening.addingTimeInterval(86_400))
        XCTAssertEqual(vietnam(DeskCommands.moment("tomorrow", now: mondayEvening)), "07:00 24/11/2026")
        XCTAssertEqual(vietnam(DeskCommands.moment("Ngày mai".decomposedStringWithCanonicalMapping, now: mondayEvening)), "07:00 24/11/2026")
        XCTAssertEqual(vietnam(DeskCommands.moment("thứ hai", now: mondayEvening)), "07:00 30/11/2026", "on a Monday: the next one")
        XCTAssertEqual(vietnam(DeskCommands.moment("monday", now: mondayEvening.addingTimeInterval(3 * 86_400))), "07:00 30/11/2026")
        // 23:30 UTC on Sunday is already Monday 06:30 in Vietnam: tomorrow is Tuesday.
        let earlyMonday = try! Date("2026-11-22T23:30:00Z", strategy: .iso8601)
        XCTAssertEqual(vietnam(DeskCommands.moment("tomorrow", now: earlyMonday)), "07:00 24/11/2026")
        XCTAssertEqual(DeskCommands.moment("2026-11-24T07:00:00+07:00", now: mondayEvening), try! Date("2026-11-24T00:00:00Z", strategy: .iso8601))
        for nonsense in ["", "soon", "+2y", "+h", "31/02/2026", "25:00"] {
            XCTAssertNil(DeskCommands.moment(nonsense, now: mondayEvening), nonsense)
        }
    }

    func testTheQueueTableAlignsByDisplayWidthAndFitsTheTerminal() {
        func item(_ id: Int64, _ title: String, pen: String?) -> SubmissionSummary {
            SubmissionSummary(id: id, site: SiteRef(id: 1, code: "so-vhtt", name: "Sở"), contributor: ContributorRef(id: 1, fullName: "Lê Thị Hồng", penName: pen),
                              title: title, category: .news, language: "vi", status: .submitted, receivedAt: mondayEvening, words: 812, revision: 1)
        }
        let items = [item(7, "Hội nghị 北京 về chuyển đổi số", pen: "Hồng Lê"), item(1234, "Tòa soạn".decomposedStringWithCanonicalMapping, pen: nil)]
        let lines = DeskCommands.table(items, language: .vi, width: 90).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 90, line) }
        XCTAssertTrue(lines[1].hasSuffix("…"), "a long title is cut to the width")
        let column = DisplayWidth.of(lines[0][..<lines[0].range(of: "Tiêu đề")!.lowerBound])
        XCTAssertEqual(DisplayWidth.of(lines[2][..<lines[2].range(of: "Tòa")!.lowerBound]), column)
        XCTAssertTrue(lines[2].contains("Lê Thị Hồng"), "no pen name: the full name")
        XCTAssertFalse(lines[0].contains("Lỗi CT") || lines[0].contains("Đang sửa"), "columns no row fills are left out")
        // Counts of findings (right-aligned) and who holds a lease, when some row has them.
        var counted = items
        counted[0].spellFindings = 12
        counted[1].spellFindings = 0
        counted[1].lease = Lease(holder: "lan", holderName: "Trần Lan", acquiredAt: mondayEvening, expiresAt: mondayEvening + 300)
        let full = DeskCommands.table(counted, language: .vi, width: 120).split(separator: "\n").map(String.init)
        XCTAssertTrue(full[0].contains("Số chữ  Lỗi CT  Đang sửa  Tiêu đề"), full[0])
        XCTAssertTrue(full[1].contains("812      12            Hội nghị"), full[1])
        XCTAssertTrue(full[2].contains("812       0  Trần Lan  Tòa"), full[2])
    }
}
