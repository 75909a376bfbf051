import Foundation
import NewsroomKit
@testable import RoyaltyExport
import XCTest

/// The XLSX exports read back by LibreOffice, which computes the totals' formulas itself:
/// every figure must equal the CSV's, and text that looks like a formula must stay text.
final class XLSXExportTests: XCTestCase {
    func testLibreOfficeReadsThePaymentListWithTheCSVsFigures() throws {
        let file = PaymentListFile(SampleMonth.list)
        let xlsx = try file.data(.xlsx)
        XCTAssertEqual(Array(xlsx.prefix(2)), Array("PK".utf8), "an XLSX is a zip")
        let shown = CSVRecords.parse(try LibreOffice.sheetAsCSV(xlsx))
        let csv = CSVRecords.parse(try XCTUnwrap(String(data: try file.data(.csv).dropFirst(3), encoding: .utf8)))

        XCTAssertEqual(shown.first?.first, "DANH SÁCH CHI TRẢ NHUẬN BÚT THÁNG 10/2026")
        XCTAssertTrue(shown.contains(["Trang: ninhthuan"] + Array(repeating: "", count: 12)), "\(shown.prefix(3))")
        let header = try XCTUnwrap(shown.firstIndex { $0.first == "STT" })
        XCTAssertEqual(shown[header], csv[0])
        // People and totals: the numbers as shown (#,##0 gives thousand separators), the
        // totals computed by LibreOffice from the SUM formulas.
        for offset in 1...5 {
            let ours = csv[offset], theirs = shown[header + offset]
            for column in [0, 5, 7, 8, 9] where !ours[column].isEmpty {
                XCTAssertEqual(theirs[column], Self.grouped(ours[column]), "row \(offset), column \(column)")
            }
            XCTAssertEqual(Double(theirs[6].replacingOccurrences(of: ",", with: "")), Double(ours[6]), "coefficients, row \(offset)")
            for column in [1, 2, 3, 4, 10, 11, 12] {
                XCTAssertEqual(theirs[column], ours[column].hasPrefix("'") ? String(ours[column].dropFirst()) : ours[column],
                               "text, row \(offset), column \(column)")
            }
        }
        XCTAssertEqual(Array(shown[header + 5][5...9]), ["6", "57.0", "14,421,000", "592,020", "13,828,980"])
        XCTAssertTrue(shown.contains { $0.contains(SampleMonth.hostileName) }, "the formula-like name is shown as written, not run")
        XCTAssertEqual(shown[header + 6].first, SampleMonth.netInWords)
        let below = shown[(header + 7)...].flatMap { $0 }.filter { !$0.isEmpty }
        XCTAssertEqual(below, ["Người lập biểu", "Kế toán trưởng", "Thủ trưởng đơn vị",
                               "(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên)"])
    }

    func testLibreOfficeReadsAStatementWithItsDatesAndTotal() throws {
        let list = SampleMonth.list
        let line = try XCTUnwrap(list.lines.first { $0.payee.contributorId == 1 })
        let file = StatementFile(line: line, month: "2026-10", entitlements: SampleMonth.entitlements.filter { $0.contributorId == 1 })
        let shown = CSVRecords.parse(try LibreOffice.sheetAsCSV(try file.data(.xlsx)))
        let header = try XCTUnwrap(shown.firstIndex { $0.first == "STT" })
        XCTAssertEqual(Array(shown.prefix(header).map { $0.first ?? "" }),
                       ["BẢNG KÊ NHUẬN BÚT THÁNG 10/2026", "Họ và tên: Trần Văn Bình (bút danh: Hải Bình)", "Đơn vị: Báo Ninh Thuận", ""])
        XCTAssertEqual(Array(shown[(header + 1)...(header + 5)]), [
            ["1", "Phóng sự: mùa nho, \"vàng\" ở Phan Rang", "01/10/2026", "Cổng TTĐT Ninh Thuận", "Phóng sự", "15.0", "100", "3,795,000"],
            ["2", "Điện gió Đầm Nại", "31/10/2026", "Cổng TTĐT Ninh Thuận", "Bài phản ánh", "12.0", "70", "2,125,200"],
            ["", "Tổng cộng", "", "", "", "", "", "5,920,200"],
            ["", "Thuế TNCN", "", "", "", "", "", "592,020"],
            ["", "Thực nhận", "", "", "", "", "", "5,328,180"],
        ])
    }

    /// The yearly activity report: LibreOffice computes the totals from the SUM formulas and
    /// finds the CSV's figures (hand-counted below); the change of the totals is a value.
    func testLibreOfficeReadsTheActivityReportWithTheCSVsFigures() throws {
        func site(_ id: Int64, _ code: String, _ name: String) -> SiteRef { SiteRef(id: id, code: code, name: name) }
        let report = ActivityReport(from: "2026-01-01", to: "2026-12-31", rows: [
            // 120 + 30 + 4 + 6 = 160 items against 128: +25.0%.
            .init(site: site(1, "cong-tinh", "Cổng TTĐT tỉnh Ninh Thuận"),
                  current: .init(news: 120, articles: 30, photoStories: 4, photos: 1_250, documents: 6),
                  yearEarlier: .init(news: 100, articles: 20, photoStories: 3, photos: 900, documents: 5),
                  social: .init(posts: 150, views: 48_000, reactions: 1_900, shares: 230)),
            // 9 + 1 = 10 against 20: −50.0%.
            .init(site: site(2, "so-y-te", "=Sở Y tế"), current: .init(news: 9, articles: 1, photos: 12),
                  yearEarlier: .init(news: 18, articles: 2), social: .init(posts: 3, views: 0, reactions: 0, shares: 0)),
            // Nothing the year before: no change to show.
            .init(site: site(3, "xa-moi", "Xã mới"), current: .init(news: 2), yearEarlier: .init()),
        ])
        let file = ActivityReportFile(report)
        XCTAssertEqual(file.fileName(.xlsx), "bao-cao-hoat-dong-2026-01-01-2026-12-31.xlsx")
        let csv = CSVRecords.parse(try XCTUnwrap(String(data: try file.data(.csv).dropFirst(3), encoding: .utf8)))
        XCTAssertEqual(csv, [
            ["Chuyên trang", "Tin", "Bài", "Phóng sự ảnh", "Ảnh", "Văn bản", "Tổng số tin bài", "Cùng kỳ năm trước", "Tăng/giảm (%)",
             "Bài đăng mạng xã hội", "Lượt xem", "Cảm xúc", "Chia sẻ"],
            ["Cổng TTĐT tỉnh Ninh Thuận", "120", "30", "4", "1250", "6", "160", "128", "25", "150", "48000", "1900", "230"],
            ["'=Sở Y tế", "9", "1", "0", "12", "0", "10", "20", "-50", "3", "0", "0", "0"],
            ["Xã mới", "2", "0", "0", "0", "0", "2", "0", "", "0", "0", "0", "0"],
            // 172 items against 148: +16.2%.
            ["Tổng cộng", "131", "31", "4", "1262", "6", "172", "148", "16.2", "153", "48000", "1900", "230"],
        ])
        let shown = CSVRecords.parse(try LibreOffice.sheetAsCSV(try file.data(.xlsx)))
        XCTAssertEqual(shown.first?.first, "BÁO CÁO HOẠT ĐỘNG CỔNG THÔNG TIN ĐIỆN TỬ")
        XCTAssertEqual(shown.dropFirst().first?.first, "Từ ngày 01/01/2026 đến ngày 31/12/2026, so với cùng kỳ năm trước")
        let header = try XCTUnwrap(shown.firstIndex { $0.first == "Chuyên trang" })
        XCTAssertEqual(shown[header], csv[0])
        for offset in 1...4 {
            let ours = csv[offset], theirs = shown[header + offset]
            XCTAssertEqual(theirs[0], ours[0].hasPrefix("'") ? String(ours[0].dropFirst()) : ours[0], "a name is text, never a formula")
            for column in 1...7 { XCTAssertEqual(theirs[column], Self.grouped(ours[column]), "row \(offset), column \(column)") }
            XCTAssertEqual(Double(theirs[8].replacingOccurrences(of: ",", with: "")), Double(ours[8]), "change, row \(offset)")
            for column in 9...12 { XCTAssertEqual(theirs[column], Self.grouped(ours[column]), "row \(offset), column \(column)") }
        }
    }

    func testTextLibxlsxwriterRefusesIsAnErrorNotATrap() {
        // Excel holds at most 32,767 characters in a cell; libxlsxwriter says so, and so do we.
        var list = SampleMonth.list
        list.lines[0].payee.fullName = String(repeating: "A", count: 40_000)
        XCTAssertThrowsError(try PaymentListFile(list).data(.xlsx)) { error in
            guard case let .xlsx(function, _, _)? = error as? ExportError else { return XCTFail("\(error)") }
            XCTAssertEqual(function, "worksheet_write_string")
        }
        XCTAssertNoThrow(try PaymentListFile(list).data(.csv))
    }

    /// "14421000" as en-US shows it with #,##0: "14,421,000".
    static func grouped(_ digits: String) -> String {
        guard let value = Int(digits) else { return digits }
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US")
        formatter.numberStyle = .decimal
        return formatter.string(from: NSNumber(value: value)) ?? digits
    }
}
