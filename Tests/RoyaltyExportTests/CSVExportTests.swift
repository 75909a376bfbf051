import Foundation
import NewsroomKit
@testable import RoyaltyExport
import XCTest

/// The CSV exports byte by byte: the BOM, RFC 4180 quoting, CRLF, plain integer amounts,
/// the totals and words after the table, and text a spreadsheet would run kept as text.
final class CSVExportTests: XCTestCase {
    func testThePaymentListListsEveryoneWithTheHandComputedFigures() throws {
        let list = SampleMonth.list
        XCTAssertEqual(list.netInWords + " chẵn.", String(SampleMonth.netInWords.dropFirst("Bằng chữ: ".count)),
                       "the words under the total read the net amount")
        let data = try PaymentListFile(list).data(.csv)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "a UTF-8 byte-order mark, so Excel reads Vietnamese right")
        let text = try XCTUnwrap(String(data: data.dropFirst(3), encoding: .utf8))
        XCTAssertTrue(text.hasSuffix("\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends with CRLF")

        let records = CSVRecords.parse(text)
        XCTAssertEqual(records.first, ["STT", "Họ và tên", "Bút danh", "Đơn vị", "CCCD/MST", "Số tin/bài/ảnh", "Tổng hệ số",
                                       "Thành tiền", "Thuế TNCN", "Thực nhận", "Số tài khoản", "Ngân hàng", "Ký nhận"])
        XCTAssertEqual(records.count, 1 + 4 + 1 + 1, "header, four people, totals, words")
        let people = Array(records[1...4])
        XCTAssertEqual(people.map { $0[0] }, ["1", "2", "3", "4"])
        // Given name first: An, Bình, Châu (the hostile name falls where collation puts it).
        XCTAssertEqual(people.map { $0[1] }.filter { !$0.hasPrefix("'") }, ["Nguyễn Thị An", "Trần Văn Bình", "Lê Minh Châu"])
        for (line, record) in zip(list.lines, people) {
            let expected = try XCTUnwrap(SampleMonth.expected[line.payee.contributorId])
            XCTAssertEqual(Array(record[5...9]), [String(expected.items), expected.coefficients, String(expected.gross),
                                                  String(expected.tax), String(expected.net)], line.payee.fullName)
            XCTAssertEqual(record[12], "", "Ký nhận is left for the signature")
        }
        let chau = try XCTUnwrap(people.first { $0[1] == "Lê Minh Châu" })
        XCTAssertEqual(Array(chau[2...4]) + Array(chau[10...11]),
                       ["Minh Châu", "Cộng tác viên", "058200007777 / 8012345678", "19033344455566", "Techcombank"])

        XCTAssertEqual(records[5], ["", "Tổng cộng", "", "", "", "6", "57", "14421000", "592020", "13828980", "", "", ""])
        XCTAssertEqual(records[6], [SampleMonth.netInWords])
    }

    func testTextASpreadsheetWouldRunIsNeutralisedAndQuoted() throws {
        let data = try PaymentListFile(SampleMonth.list).data(.csv)
        let text = try XCTUnwrap(String(data: data.dropFirst(3), encoding: .utf8))
        // The apostrophe first, then RFC 4180's quoting: the field holds a comma and quotes.
        XCTAssertTrue(text.contains(",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"Dũng\"\")\",'@Dũng,'+84 Phan Rang,'-1,"), text)
        let records = CSVRecords.parse(text)
        let hostile = try XCTUnwrap(records.first { $0.count > 1 && $0[1].contains("HYPERLINK") })
        XCTAssertEqual(hostile[1], "'" + SampleMonth.hostileName)
        for record in records { XCTAssertFalse(record.contains { $0.first.map { "=+-@\t\r".contains($0) } ?? false }, "\(record)") }

        XCTAssertEqual(CSVEncoder.neutralised("\tx"), "'\tx")
        XCTAssertEqual(CSVEncoder.neutralised("\r\nx"), "'\r\nx")
        XCTAssertEqual(CSVEncoder.neutralised("An = Bình"), "An = Bình", "only a leading sign is a formula")
        XCTAssertEqual(CSVEncoder.quoted("dòng một\r\ndòng hai"), "\"dòng một\r\ndòng hai\"")
        XCTAssertEqual(CSVEncoder.quoted("a\nb"), "\"a\nb\"")
    }

    func testAStatementListsTheItemsByVietnamsCalendarWithTaxAndNet() throws {
        let list = SampleMonth.list
        let line = try XCTUnwrap(list.lines.first { $0.payee.contributorId == 1 })
        let mine = SampleMonth.entitlements.filter { $0.contributorId == 1 }
        let file = StatementFile(line: line, month: "2026-10", entitlements: mine.reversed())
        let data = try file.data(.csv)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let records = CSVRecords.parse(try XCTUnwrap(String(data: data.dropFirst(3), encoding: .utf8)))
        XCTAssertEqual(records, [
            ["STT", "Tiêu đề", "Ngày đăng", "Trang", "Thể loại", "Hệ số", "Tỷ lệ (%)", "Thành tiền"],
            ["1", "Phóng sự: mùa nho, \"vàng\" ở Phan Rang", "01/10/2026", "Cổng TTĐT Ninh Thuận", "Phóng sự", "15", "100", "3795000"],
            ["2", "Điện gió Đầm Nại", "31/10/2026", "Cổng TTĐT Ninh Thuận", "Bài phản ánh", "12", "70", "2125200"],
            ["", "Tổng cộng", "", "", "", "", "", "5920200"],
            ["", "Thuế TNCN", "", "", "", "", "", "592020"],
            ["", "Thực nhận", "", "", "", "", "", "5328180"],
            ["Bằng chữ: Năm triệu ba trăm hai mươi tám nghìn một trăm tám mươi đồng chẵn."],
        ])
        XCTAssertEqual(file.fileName(.xlsx), "bang-ke-2026-10-1.xlsx")
        XCTAssertEqual(PaymentListFile(list).fileName(.csv), "nhuan-but-2026-10-ninhthuan.csv")
        XCTAssertEqual(ExportFileName.make(["../../etc", "2026-10"], .csv), "etc-2026-10.csv", "no path from the data")
    }

    func testAnEmptyMonthStillHasItsHeaderTotalsAndWords() throws {
        let empty = PaymentList.make(month: "2026-10", site: nil, paidOn: VietnamDay(SampleMonth.paidOn) ?? VietnamDay(containing: Date()),
                                     entitlements: [], payees: [:])
        let records = CSVRecords.parse(try XCTUnwrap(String(data: try PaymentListFile(empty).data(.csv).dropFirst(3), encoding: .utf8)))
        XCTAssertEqual(records.count, 3)
        XCTAssertEqual(Array(records[1][5...9]), ["0", "0", "0", "0", "0"])
        XCTAssertEqual(records[2], ["Bằng chữ: Không đồng chẵn."])
    }
}
