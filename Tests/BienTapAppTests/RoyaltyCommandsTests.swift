@testable import BienTapApp
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText
import XCTest

/// The accountant's tables and files, without a portal.
final class RoyaltyCommandsTests: XCTestCase {
    private func line(_ id: Int64, _ name: String, pen: String?, gross: Int64, tax: Int64) -> PaymentList.Line {
        PaymentList.Line(payee: Payee(contributorId: id, fullName: name, penName: pen), items: 2, coefficientTotal: 2.5,
                         gross: gross, tax: tax, net: gross - tax)
    }

    func testThePaymentListAlignsByDisplayWidthWithTotalsInVietnameseNumbers() {
        // Decomposed letters, a CJK name (two columns a character) and hostile text from the portal.
        let list = PaymentList(month: "2026-10", site: "so-y-te", paidOn: "2026-11-05",
                               lines: [line(1, "Lê Thị Hồng".decomposedStringWithCanonicalMapping, pen: "Hồng Lê", gross: 5_000_000, tax: 500_000),
                                       line(2, "王小明", pen: nil, gross: 1_234_567, tax: 0),
                                       line(3, "Evil\u{1B}[2J", pen: "\u{202E}gpj", gross: 7, tax: 0)],
                               gross: 6_234_574, tax: 500_000, net: 5_734_574, netInWords: "Năm triệu bảy trăm ba mươi tư nghìn năm trăm bảy mươi tư đồng")
        // Hồng's oldest unpaid line is 50 days old (flagged), 王小明's 61 (overdue), the third's paid.
        var flagged = list
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        flagged.lines[0].unpaidSince = now.addingTimeInterval(-50 * 86_400)
        flagged.lines[1].unpaidSince = now.addingTimeInterval(-61 * 86_400)
        let text = DeskCommands.paymentListTable(flagged, site: "so-y-te", language: .vi, now: now)
        XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, text)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("Danh sách chi trả nhuận bút tháng 10/2026 · so-y-te"), lines[0])
        let table = Array(lines[1...5])
        XCTAssertEqual(table.count, 5)
        // Every row as wide as the heading up to the last column, the flags' (which is not padded).
        let flags = ["Hạn trả", "≥45 ngày", "≥60 ngày", "", ""]
        XCTAssertEqual(Set(zip(table, flags).map { DisplayWidth.of($0) - ($1.isEmpty ? 0 : 2 + DisplayWidth.of($1)) }).count, 1,
                       "every row as wide as the heading:\n\(table.joined(separator: "\n"))")
        XCTAssertTrue(table[1].hasSuffix("  5.000.000    500.000  4.500.000  ≥45 ngày"), table[1])
        XCTAssertTrue(table[2].contains("王小明") && table[2].hasSuffix("1.234.567  ≥60 ngày"), table[2])
        XCTAssertTrue(table[4].contains("Tổng cộng") && table[4].hasSuffix("6.234.574    500.000  5.734.574"), table[4])
        XCTAssertTrue(table[4].contains("  6  ") && table[4].contains("7,50"), table[4])
        XCTAssertEqual(lines.last, "Bằng chữ: Năm triệu bảy trăm ba mươi tư nghìn năm trăm bảy mươi tư đồng chẵn.")
        let english = DeskCommands.paymentListTable(list, site: "so-y-te", language: .en)
        XCTAssertTrue(english.contains("Total") && english.contains("Income tax"), english)

        let empty = PaymentList(month: "2026-10", site: "so-y-te", paidOn: "2026-11-05", lines: [], gross: 0, tax: 0, net: 0, netInWords: "Không đồng")
        XCTAssertTrue(DeskCommands.paymentListTable(empty, site: "so-y-te", language: .vi).contains("Không có nhuận bút nào tháng 10/2026"))
    }

    /// A script's line of the payment list: the line's own fields, then its site and flag.
    func testAListedLineCarriesItsSiteAndLateness() throws {
        let listed = DeskCommands.ListedPaymentLine(line: line(4, "Đỗ Văn Tư", pen: nil, gross: 10, tax: 0), site: "so-y-te", lateness: .overdue)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: WireFormat.encoder().encode(listed)) as? [String: Any])
        XCTAssertEqual(object["site"] as? String, "so-y-te")
        XCTAssertEqual(object["lateness"] as? String, "overdue")
        XCTAssertEqual(object["gross"] as? Int, 10)
        XCTAssertEqual(try WireFormat.decoder().decode(PaymentList.Line.self, from: WireFormat.encoder().encode(listed)).payee.fullName, "Đỗ Văn Tư")
        let none = DeskCommands.ListedPaymentLine(line: line(4, "Đỗ Văn Tư", pen: nil, gross: 10, tax: 0), site: "x", lateness: nil)
        let empty = try XCTUnwrap(try JSONSerialization.jsonObject(with: WireFormat.encoder().encode(none)) as? [String: Any])
        XCTAssertTrue(empty["lateness"] is NSNull, "a key a script can rely on, null when in time")
    }

    /// A corrected grading as the editor sees it: the item's lines, which batch holds each, the take-backs marked.
    func testACorrectedGradingListsTheLinesAndWhereEachStands() {
        func entitlement(_ id: Int64, month: String, amount: Int64, batch: Int64? = nil, paid: Bool = false, adjusts: Int64? = nil) -> RoyaltyEntitlement {
            RoyaltyEntitlement(id: id, submissionId: 7, title: "Tin", siteCode: "so-y-te", siteName: "Sở Y tế", contributorId: 3, genre: "tin",
                               genreName: "Tin", coefficient: 2, sharePercent: 100, itemAmount: 468_000, amount: amount, baseSalary: 2_340_000,
                               unitValue: 234_000, basis: "", publishedAt: Date(timeIntervalSince1970: 1_780_000_000), month: month,
                               batchId: batch, adjusts: adjusts, paidAt: paid ? Date(timeIntervalSince1970: 1_781_000_000) : nil)
        }
        let text = DeskCommands.regradeTable(id: 7, [entitlement(1, month: "2026-05", amount: 468_000, batch: 9, paid: true),
                                                     entitlement(2, month: "2026-11", amount: -468_000, adjusts: 1),
                                                     entitlement(3, month: "2026-11", amount: 702_000)], language: .vi)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "Đã sửa chấm điểm bài #7: 3 dòng nhuận bút, cộng lại 702.000 đ.")
        XCTAssertTrue(lines[2].hasPrefix("2026-05") && lines[2].hasSuffix("468.000  đã chi"), lines[2])
        XCTAssertTrue(lines[3].hasSuffix("-468.000  chưa chốt (điều chỉnh)"), lines[3])
        XCTAssertTrue(lines[4].hasSuffix("702.000  chưa chốt"), lines[4])
    }

    func testBarsAreEighthsOfAColumnAndChangesAreSigned() {
        XCTAssertEqual(DeskCommands.bar(10, of: 10, width: 4), "████")
        XCTAssertEqual(DeskCommands.bar(5, of: 10, width: 3), "█▌")
        XCTAssertEqual(DeskCommands.bar(1, of: 1000, width: 10), "▏", "something is never drawn as nothing")
        XCTAssertEqual(DeskCommands.bar(0, of: 10, width: 10), "")
        XCTAssertEqual(DeskCommands.bar(3, of: 0, width: 10), "")
        XCTAssertEqual(DeskCommands.changeText(12.5), "+12,5%")
        XCTAssertEqual(DeskCommands.changeText(-3), "−3,0%")
        XCTAssertEqual(DeskCommands.changeText(0), "0,0%")
        XCTAssertEqual(DeskCommands.changeText(nil), "–")
        XCTAssertEqual(DeskCommands.yearSpan(2026).from, "2026-01-01")
        XCTAssertEqual(DeskCommands.yearSpan(2026).to, "2026-12-31")
    }

    func testTheActivityTableHasABarPerSiteWithinTheWidth() throws {
        let rows = [ActivityReport.Row(site: SiteRef(id: 1, code: "a", name: "Sở Y tế"), current: .init(news: 8, articles: 2),
                                       yearEarlier: .init(news: 4)),
                    ActivityReport.Row(site: SiteRef(id: 2, code: "b", name: "北京 office"), current: .init(news: 5), yearEarlier: .init())]
        let text = DeskCommands.activityTable(ActivityReport(from: "2026-01-01", to: "2026-12-31", rows: rows), year: 2026, language: .vi, width: 100)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "Báo cáo hoạt động năm 2026 (so với năm 2025)")
        let siteLines = lines.filter { $0.contains("█") }
        XCTAssertEqual(siteLines.count, 2, text)
        XCTAssertTrue(siteLines[0].contains("+150,0%"), siteLines[0])
        XCTAssertTrue(siteLines[1].contains("–"), siteLines[1])
        // The bars start in one column and the busiest site's is the longest.
        let starts = siteLines.map { DisplayWidth.of($0.prefix { $0 != "█" }) }
        XCTAssertEqual(Set(starts).count, 1, text)
        XCTAssertGreaterThan(DisplayWidth.of(siteLines[0]), DisplayWidth.of(siteLines[1]))
        XCTAssertLessThanOrEqual(lines.map { DisplayWidth.of($0) }.max() ?? 0, 100, text)
        let total = try XCTUnwrap(lines.dropLast().last)
        XCTAssertTrue(total.hasPrefix("Tổng cộng") && !total.contains("█"), text)
        XCTAssertEqual(lines.last, "Mạng xã hội: 0 bài đăng · 0 lượt xem · 0 cảm xúc · 0 chia sẻ")
        // Piped, every column: the social posts and their engagement per site too.
        let piped = DeskCommands.activityTable(ActivityReport(from: "2026-01-01", to: "2026-12-31", rows: [
            ActivityReport.Row(site: SiteRef(id: 1, code: "a", name: "Sở Y tế"), current: .init(news: 8), yearEarlier: .init(),
                               social: .init(posts: 6, views: 12_500, reactions: 300, shares: 40))]), year: 2026, language: .en, width: nil)
        let header = try XCTUnwrap(piped.split(separator: "\n").first { $0.hasPrefix("Site") })
        XCTAssertTrue(header.contains("Social posts") && header.contains("Views") && header.contains("Interactions"), piped)
        let site = try XCTUnwrap(piped.split(separator: "\n").first { $0.hasPrefix("Sở Y tế") })
        XCTAssertTrue(site.contains("12.500") && site.contains("340"), piped)
        XCTAssertTrue(piped.hasSuffix("Social channels: 6 posts · 12.500 views · 300 reactions · 40 shares\n"), piped)
    }

    func testMonthsAndDaysAsTyped() {
        XCTAssertEqual(DeskCommands.month("2026-10"), "2026-10")
        XCTAssertEqual(DeskCommands.month(" 2026-01 "), "2026-01")
        for nonsense in ["2026-13", "2026-1", "10/2026", "", "2026-10-01", "abcd-ef"] {
            XCTAssertNil(DeskCommands.month(nonsense), nonsense)
        }
        XCTAssertEqual(DeskCommands.day("2026-02-28"), "2026-02-28")
        XCTAssertNil(DeskCommands.day("2026-02-30"))
        XCTAssertNil(DeskCommands.day("5/11/2026"))
    }

    func testADownloadNeverReplacesAFileUnlessForced() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("royalty-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = DownloadedFile(data: Data([0xEF, 0xBB, 0xBF, 0x41]), suggestedName: "nhuan-but-2026-10.csv")
        let saved = try DeskCommands.save(file, to: nil, in: directory.path, fallbackName: "x.csv", force: false)
        XCTAssertEqual(saved, directory.path + "/nhuan-but-2026-10.csv")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: saved)), file.data)
        let other = DownloadedFile(data: Data("khác".utf8), suggestedName: "nhuan-but-2026-10.csv")
        XCTAssertThrowsError(try DeskCommands.save(other, to: nil, in: directory.path, fallbackName: "x.csv", force: false)) { error in
            XCTAssertTrue(error is SafeFile.FileExists, "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: saved)), file.data, "the first file is as it was")
        _ = try DeskCommands.save(other, to: nil, in: directory.path, fallbackName: "x.csv", force: true)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: saved)), other.data)
        // No name from the portal: the fallback; and no temporary file is left behind.
        let unnamed = try DeskCommands.save(DownloadedFile(data: Data("1".utf8), suggestedName: nil), to: nil, in: directory.path,
                                            fallbackName: "bang-ke.csv", force: false)
        XCTAssertTrue(unnamed.hasSuffix("/bang-ke.csv"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["bang-ke.csv", "nhuan-but-2026-10.csv"])
    }
}
