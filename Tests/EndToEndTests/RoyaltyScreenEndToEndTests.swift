@testable import BienTapApp
import Foundation
import NewsroomKit
import PortalClient
import VietText
import XCTest

/// The accountant's screen through the real `bientap` in tmux, against a `seed --sample` portal.
final class RoyaltyScreenEndToEndTests: XCTestCase {
    func testAnAccountantOpensMonthsDrillsInClosesOneAndExportsIt() throws {
        let portal = try LocalPortal(executable: QueueEndToEndTests.portalExecutable, editorDisplayName: "Kiểm thử")
        defer { portal.stop() }
        let url = try portal.startServer()
        // The sample's months are closed and paid by "ke-toan"; the same name signs in here.
        let token = try XCTUnwrap(try PortalProcess.portal(["user", "add", "ke-toan", "--role", "accountant", "--db", portal.database])
            .split(separator: "\n").last.map(String.init))
        let ledger = try AdminClient(baseURL: url, token: token)

        // The last two months are open, the ones before closed (the older paid): the sample settles
        // months so. A site with lines in an open month and in a closed one.
        let today = String(VietnamDay(containing: Date()).text.prefix(7))
        let openMonths = try [-1, -2].map { try XCTUnwrap(RoyaltyScreen.shift(today, by: $0)) }
        let sites = try ledger.sites()
        var found: (index: Int, open: String, closed: RoyaltyBatch)?
        for (index, site) in sites.enumerated() where found == nil {
            let batches = try ledger.royaltyBatches(site: site.code)
            guard let closed = batches.first(where: { $0.lines > 0 }),
                  let open = try openMonths.first(where: { month in
                      try !batches.contains { $0.month == month } && !ledger.paymentList(site: site.code, month: month).lines.isEmpty
                  }) else { continue }
            found = (index, open, closed)
        }
        let (index, open, closedBatch) = try XCTUnwrap(found, "no site with royalties in an open month and a closed one")
        let site = sites[index], closed = closedBatch.month
        let closedPaidOn = closedBatch.paidAt.map { VietnamDay(containing: $0).text }

        let folder = portal.directory.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let command = "cd \(TmuxSession.shellQuote(folder.path)) && exec \(TmuxSession.shellQuote(QueueEndToEndTests.client)) "
            + "--portal \(TmuxSession.shellQuote(url)) --token \(TmuxSession.shellQuote(token))"
        let session = try TmuxSession(command: ["/bin/sh", "-c", command],
                                      environment: ["XDG_CONFIG_HOME": portal.directory.appendingPathComponent("config").path,
                                                    "XDG_STATE_HOME": portal.directory.appendingPathComponent("state").path])
        defer { session.close() }

        // Signed in as an accountant: the royalties, last month, open.
        func goTo(_ month: String) throws {
            try session.send("m")
            for _ in 0..<10 { try session.send("BSpace") }
            try session.type(Strings.monthText(month))
            try session.send("Enter")
        }
        try session.waitForScreen("the royalty screen") { $0.contains("tháng \(Strings.monthText(openMonths[0]))") }
        for _ in 0..<index { try session.send("Tab") }
        if open != openMonths[0] { try goTo(open) }
        try session.waitForScreen("the site with royalties") {
            $0.contains(site.name + " (\(index + 1)/") && $0.contains("tháng \(Strings.monthText(open))") && $0.contains("Đang mở")
        }
        let openList = try ledger.paymentList(site: site.code, month: open)
        try session.waitForScreen("last month's totals") {
            $0.contains("Tổng cộng \(openList.lines.count) người") && $0.contains("thực nhận \(VietNumber.grouped(Int(openList.net))) đ")
        }

        // A closed month: closed (and paid, when it was) by the sample's accountant; its totals, tax by the payment's day.
        try goTo(closed)
        let closedList = try ledger.paymentList(site: site.code, month: closed, paidOn: closedPaidOn)
        let state = closedBatch.paidAt == nil ? "chưa chi" : "chứng từ \(closedBatch.paymentReference ?? "")"
        let closedScreen = try session.waitForScreen("the closed month") {
            $0.contains("tháng \(Strings.monthText(closed))") && $0.contains("(ke-toan") && $0.contains(state)
                && $0.contains("thực nhận \(VietNumber.grouped(Int(closedList.net))) đ")
        }
        let first = try XCTUnwrap(closedList.lines.first)
        XCTAssertTrue(closedScreen.contains(String(first.payee.fullName.prefix(12))), closedScreen)

        // Enter: the first person's statement, their items one by one.
        try session.send("Enter")
        let statement = try ledger.royaltyStatement(site: site.code, month: closed, contributor: first.payee.contributorId, paidOn: closedPaidOn)
        let item = try XCTUnwrap(statement.entitlements.first)
        try session.waitForScreen("the statement") {
            $0.contains("Ngày đăng") && $0.contains(String(item.title.prefix(12))) && $0.contains(VietnamDay(containing: item.publishedAt).text)
        }
        try session.send("q")
        try session.waitForScreen("back to the list") { $0.contains("Tổng cộng \(closedList.lines.count) người") }

        // The open month again: closed after the question.
        try goTo(open)
        try session.waitForScreen("the open month again") { $0.contains("tháng \(Strings.monthText(open))") && $0.contains("Đang mở") }
        try session.send("C")
        try session.waitForScreen("asked first") { $0.contains("Chốt tháng \(Strings.monthText(open)) trên") && $0.contains("[l] Chốt") }
        XCTAssertNil(try ledger.royaltyBatches(site: site.code).first { $0.month == open }, "nothing closed before the answer")
        try session.send("l")
        try session.waitForScreen("closed") { $0.contains("Đã chốt (ke-toan") && $0.contains("tháng \(Strings.monthText(open))") }
        let batch = try XCTUnwrap(try ledger.royaltyBatches(site: site.code).first { $0.month == open })
        XCTAssertEqual(batch.closedBy, "ke-toan")
        XCTAssertEqual(batch.gross, openList.gross)

        // Exported as CSV where bientap was started: the file the portal makes, for the accountant alone.
        try session.send("E")
        try session.waitForScreen("the format asked") { $0.contains("XLSX (Excel)") }
        try session.send("c")
        try session.waitForScreen("saved") { $0.contains("Đã lưu") }
        let saved = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(saved.count, 1, "\(saved)")
        let path = folder.appendingPathComponent(try XCTUnwrap(saved.first)).path
        XCTAssertTrue(path.hasSuffix(".csv"), path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let csv = String(decoding: bytes, as: UTF8.self)
        for line in openList.lines { XCTAssertTrue(csv.contains(line.payee.fullName), line.payee.fullName) }
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue, 0o600)

        // q leaves the accountant's home screen, and bientap.
        try session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
    }
}
