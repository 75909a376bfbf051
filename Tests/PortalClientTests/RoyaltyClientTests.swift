import CurlHTTP
import Foundation
import NewsroomKit
import PortalClient
@testable import PortalServer
import VietText
import XCTest

/// The royalty routes through libcurl, against the live portal: a month with two lines worked
/// out by hand, read, downloaded, closed and paid.
final class RoyaltyClientTests: XCTestCase {
    private var directory: URL!

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-royalty-client-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A token handed from the store's setup to the test's body.
    private final class Kept: @unchecked Sendable {
        // `lock` guards `values` and `token`.
        private let lock = NSLock()
        private var values: [String: Int64] = [:]
        private var token = ""
        func set(_ name: String, _ value: Int64) { lock.withLock { values[name] = value } }
        func get(_ name: String) -> Int64 { lock.withLock { values[name] ?? 0 } }
        func setToken(_ text: String) { lock.withLock { token = text } }
        var editorToken: String { lock.withLock { token } }
    }

    /// An item on so-y-te by the sample's first contributor, the second as co-author at 25%,
    /// graded tin 2.0 and published on 12 June 2024 (base salary 1,800,000 đ, one unit 180,000 đ):
    /// 2.0 × 180,000 = 360,000 đ; the co-author 90,000, the author 270,000.
    private static func publishJune2024(_ store: Store, _ kept: Kept) async throws {
        let people = try await store.sql.raw("SELECT id FROM contributors ORDER BY id LIMIT 2").all().map { try $0.decode(column: "id", as: Int64.self) }
        let site = try await store.returning("SELECT id FROM sites WHERE code = 'so-y-te'").decode(column: "id", as: Int64.self)
        let published = try XCTUnwrap(VietnamDay("2024-06-12")).start.addingTimeInterval(10 * 3600)
        let id = try await store.transaction {
            try await store.insertSubmission(siteID: site, contributorID: people[0], title: "Tiêm chủng ở xã đảo", sapo: "", body: "Thân bài.",
                                             category: .news, language: "vi", status: .inReview, received: published.addingTimeInterval(-86_400),
                                             author: "test")
        }
        for request in [TransitionRequest(action: .approve, grading: Grading(genre: "tin", coefficient: 2),
                                          coAuthors: [CoAuthorShare(contributorId: people[1], share: 25)]),
                        TransitionRequest(action: .publish)] {
            guard case .done = try await store.transition(id: id, expected: 1, request: request, actor: "bien-tap", scope: .everything,
                                                           idempotency: nil, now: published, answer: { _ in Data() }) else {
                XCTFail("\(request.action) refused by the store")
                throw CancellationError()
            }
        }
        kept.set("author", people[0])
        kept.set("coAuthor", people[1])
        kept.setToken(try await store.addUser(name: "bt-so-y-te", displayName: "Biên tập Sở Y tế", grants: [Grant(role: .editor, site: "so-y-te")]))
    }

    func testAMonthReadDownloadedClosedAndPaidThroughLibcurl() async throws {
        let kept = Kept()
        try await LivePortal.run(in: directory, grants: [Grant(role: .accountant, site: "so-y-te")],
                                 prepare: { try await Self.publishJune2024($0, kept) }) { url, token, _ in
            let client = try AdminClient(baseURL: url, token: token)
            let (author, coAuthor) = (kept.get("author"), kept.get("coAuthor"))

            let lines = try client.royaltyEntitlements(site: "so-y-te", month: "2024-06")
            XCTAssertEqual(lines.map(\.contributorId), [author, coAuthor])
            XCTAssertEqual(lines.map(\.amount), [270_000, 90_000])
            XCTAssertEqual(lines.map(\.baseSalary), [1_800_000, 1_800_000])

            // Paid on 5 July 2024: 270,000 đ is below 2,000,000 đ, nothing withheld.
            let list = try client.paymentList(site: "so-y-te", month: "2024-06", paidOn: "2024-07-05")
            XCTAssertEqual(list.paidOn, "2024-07-05")
            XCTAssertEqual(Set(list.lines.map(\.payee.contributorId)), [author, coAuthor])
            XCTAssertEqual([list.gross, list.tax, list.net], [360_000, 0, 360_000])
            XCTAssertEqual(list.netInWords, "Ba trăm sáu mươi nghìn đồng")

            let statement = try client.royaltyStatement(site: "so-y-te", month: "2024-06", contributor: coAuthor, paidOn: "2024-07-05")
            XCTAssertEqual(statement.line.gross, 90_000)
            XCTAssertEqual(statement.entitlements.map(\.amount), [90_000])
            XCTAssertEqual(statement.entitlements.first?.title, "Tiêm chủng ở xã đảo")

            // Files, with the names the portal gives them (no folder in them).
            let csv = try client.paymentListFile(site: "so-y-te", month: "2024-06", paidOn: "2024-07-05", format: .csv)
            XCTAssertEqual(Array(csv.data.prefix(3)), [0xEF, 0xBB, 0xBF])
            XCTAssertTrue(String(decoding: csv.data, as: UTF8.self).contains("360.000") || String(decoding: csv.data, as: UTF8.self).contains("360000"))
            let csvName = try XCTUnwrap(csv.suggestedName)
            XCTAssertTrue(csvName.hasSuffix(".csv") && !csvName.contains("/"), csvName)
            let xlsx = try client.paymentListFile(site: "so-y-te", month: "2024-06", format: .xlsx)
            XCTAssertEqual(Array(xlsx.data.prefix(2)), Array("PK".utf8))
            XCTAssertTrue(xlsx.suggestedName?.hasSuffix(".xlsx") == true, "\(String(describing: xlsx.suggestedName))")
            let statementFile = try client.royaltyStatementFile(site: "so-y-te", month: "2024-06", contributor: author, format: .xlsx)
            XCTAssertEqual(Array(statementFile.data.prefix(2)), Array("PK".utf8))

            // Closed once; the second close is the portal's 409.
            let batch = try client.closeRoyaltyMonth(site: "so-y-te", month: "2024-06")
            XCTAssertEqual([Int64(batch.lines), batch.gross], [2, 360_000])
            XCTAssertNil(batch.paidAt)
            XCTAssertThrowsError(try client.closeRoyaltyMonth(site: "so-y-te", month: "2024-06")) { error in
                XCTAssertEqual((error as? PortalError)?.apiCode, .illegalTransition, "\(error)")
            }
            XCTAssertEqual(try client.royaltyBatches(site: "so-y-te").first { $0.month == "2024-06" }?.id, batch.id)

            let paid = try client.recordRoyaltyPayment(site: "so-y-te", month: "2024-06", reference: "UNC 118/2024")
            XCTAssertEqual(paid.paymentReference, "UNC 118/2024")
            XCTAssertEqual(paid.paidBy, "editor")
            XCTAssertThrowsError(try client.recordRoyaltyPayment(site: "so-y-te", month: "2024-06", reference: "UNC 118/2024")) { error in
                XCTAssertEqual((error as? PortalError)?.apiCode, .illegalTransition, "\(error)")
            }
            XCTAssertThrowsError(try client.recordRoyaltyPayment(site: "so-y-te", month: "2024-05", reference: "x")) { error in
                XCTAssertEqual((error as? PortalError)?.apiCode, .illegalTransition, "\(error)")
            }

            // The year's activity, as JSON and as the portal's CSV.
            let report = try client.activityReport(from: "2024-01-01", to: "2024-12-31")
            XCTAssertGreaterThanOrEqual(report.rows.first { $0.site.code == "so-y-te" }?.current.news ?? 0, 1)
            let reportCSV = try client.activityReportCSV(from: "2024-01-01", to: "2024-12-31")
            XCTAssertEqual(Array(reportCSV.data.prefix(3)), [0xEF, 0xBB, 0xBF])
            XCTAssertEqual(reportCSV.suggestedName, "bao-cao-hoat-dong-2024-01-01-2024-12-31.csv")

            // An editor may not see the list (it holds bank accounts).
            let editor = try AdminClient(baseURL: url, token: kept.editorToken)
            XCTAssertThrowsError(try editor.paymentList(site: "so-y-te", month: "2024-06")) { error in
                XCTAssertEqual((error as? PortalError)?.apiCode, .forbidden, "\(error)")
            }
        }
    }

    func testAFileNameFromTheServerNeverLeavesTheFolder() {
        XCTAssertEqual(DownloadedFile.fileName(fromDisposition: "attachment; filename=\"nhuan-but-2026-10.csv\""), "nhuan-but-2026-10.csv")
        XCTAssertEqual(DownloadedFile.fileName(fromDisposition: "attachment; filename=list.xlsx; size=3"), "list.xlsx")
        XCTAssertEqual(DownloadedFile.fileName(fromDisposition: "attachment; filename=\"../../etc/passwd\""), "passwd")
        XCTAssertEqual(DownloadedFile.fileName(fromDisposition: "attachment; filename=\"a\\\\..\\\\b.csv\""), "b.csv")
        XCTAssertNil(DownloadedFile.fileName(fromDisposition: "attachment; filename=\".bashrc\""))
        XCTAssertNil(DownloadedFile.fileName(fromDisposition: "attachment; filename=\"..\""))
        XCTAssertNil(DownloadedFile.fileName(fromDisposition: "attachment"))
        XCTAssertNil(DownloadedFile.fileName(fromDisposition: nil))
        XCTAssertEqual(DownloadedFile.fileName(fromDisposition: "attachment; filename=\"x\u{1B}]0;t\u{07}.csv\""), "x]0;t.csv")
    }
}
