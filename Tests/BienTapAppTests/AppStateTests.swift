@testable import BienTapApp
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
                                 words: 100 + i * 7, revision: 1)
    }

    private func state(width: Int = 100, height: Int = 20, language: UILanguage = .vi) -> AppState {
        AppState(language: language, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap,
                 width: width, height: height)
    }

    private func lines(_ frame: Frame) -> [String] { (0..<frame.height).map { frame.rowText($0) } }

    func testQueueRendersAlignedRowsWithTitleAndStatusBar() {
        var s = state()
        XCTAssertEqual(s.handle(message: .queueLoaded(.success(items(30)))), [])
        let rows = lines(s.render())
        XCTAssertTrue(rows[0].contains("Chờ duyệt (30 bài)"), rows[0])
        XCTAssertTrue(rows[1].contains("Tiêu đề") && rows[1].contains("Số chữ"), rows[1])
        XCTAssertTrue(rows[2].contains("Tuyến đường ven biển Lý Sơn số 0"), rows[2])
        XCTAssertTrue(rows[19].contains("1/30") && rows[19].contains("? trợ giúp"), rows[19])
        // Right-aligned word counts end in the last column on every row, CJK row included.
        for row in 2..<19 {
            let frame = s.render()
            XCTAssertEqual(DisplayWidth.of(frame.rowText(row)), 100, "row \(row): \(frame.rowText(row))")
        }
    }

    func testMovingOpeningAndGoingBack() {
        var s = state()
        _ = s.handle(message: .queueLoaded(.success(items(30))))
        XCTAssertEqual(s.handle(input: .key(.char("j"))), [])
        XCTAssertEqual(s.handle(input: .key(.char("j"))), [])
        XCTAssertTrue(lines(s.render())[19].contains("3/30"))
        XCTAssertEqual(s.handle(input: .key(.char("G"))), [])
        XCTAssertTrue(lines(s.render())[19].contains("30/30"))
        XCTAssertEqual(s.handle(input: .key(.char("g"))), [])
        XCTAssertEqual(s.handle(input: .key(.pageDown)), [])
        XCTAssertTrue(lines(s.render())[19].contains("18/30"), lines(s.render())[19])

        XCTAssertEqual(s.handle(input: .key(.enter)), [.loadSubmission(117)])
        XCTAssertTrue(lines(s.render())[0].contains("Xem bài"))
        XCTAssertTrue(lines(s.render())[19].contains("q quay lại"), "in the reader q goes back, and says so")
        let item = items(30)[17]
        _ = s.handle(message: .submissionLoaded(117, .success(Submission(summary: item, sapo: "Sapo của bài.", body: "Đoạn một.\n\n## Mục hai\n- ý một"))))
        let reader = lines(s.render())
        XCTAssertTrue(reader.contains(where: { $0.contains("Sapo của bài.") }), reader.joined(separator: "\n"))
        XCTAssertTrue(reader.contains(where: { $0.contains("• ý một") }))
        XCTAssertTrue(reader.contains(where: { $0 == "Mục hai" }))

        XCTAssertEqual(s.handle(input: .key(.char("q"))), [])
        XCTAssertTrue(lines(s.render())[0].contains("Chờ duyệt"))
        XCTAssertTrue(lines(s.render())[19].contains("18/30"), "cursor kept after going back")
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
        let refused = PortalError.transport(TransportError(curlCode: 7, message: "Connection refused", url: "http://127.0.0.1:9/api"))
        _ = s.handle(message: .queueLoaded(.failure(refused)))
        let bar = lines(s.render())[19]
        XCTAssertTrue(bar.contains("Không kết nối được") && bar.contains("Nhấn r để thử lại."), bar)
        // The whole story, technical detail included, fills the empty body.
        let body = lines(s.render())[2..<19].joined(separator: "\n")
        XCTAssertTrue(body.contains("Connection refused") && body.contains("Nhấn r để thử lại."), body)
        XCTAssertEqual(s.render().style(atRow: 19, col: 1), Theme.default.statusError)
        XCTAssertEqual(s.handle(input: .key(.char("r"))), [.loadQueue])
        _ = s.handle(message: .queueLoaded(.success(items(3))))
        XCTAssertFalse(lines(s.render())[19].contains("Không kết nối"))
    }

    func testUnauthorizedMessageInEnglish() {
        var s = state(width: 160, language: .en)
        let body = APIErrorBody(code: .unauthorized)
        _ = s.handle(message: .queueLoaded(.failure(.api(status: 401, body: body))))
        let bar = lines(s.render())[19]
        XCTAssertTrue(bar.contains("refused the access token (401)"), bar)
        XCTAssertTrue(lines(s.render())[0].contains("Pending"))
    }

    func testResizeKeepsCursorVisible() {
        var s = state()
        _ = s.handle(message: .queueLoaded(.success(items(30))))
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
        XCTAssertTrue(lines(s.render())[19].contains("Phím z chưa được gán"))
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
        _ = s.handle(message: .queueLoaded(.success(items(30))))
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
        XCTAssertTrue(lines(s.render())[19].contains("10/30"), lines(s.render())[19])

        // Sort by received (oldest first), then mark two rows.
        keys("s", into: &s)
        XCTAssertTrue(lines(s.render())[1].contains("▲"))
        keys("gt", into: &s)
        let firstMarked = try! XCTUnwrap(s.queue.table.marked.first)
        XCTAssertEqual(s.queue.items[firstMarked].id, 129, "the oldest English item")
        keys("t", into: &s)
        XCTAssertEqual(s.queue.table.marked.count, 2)
        // A refresh with one more item keeps filter, sort, marks and cursor.
        let selected = s.queue.selected?.id
        _ = s.handle(message: .queueLoaded(.success(items(31).reversed())))
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
        _ = s.handle(message: .queueLoaded(.success(items(30))))
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
}
