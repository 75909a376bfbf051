@testable import BienTapApp
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText
import XCTest

/// The accountant's screen and the activity report, headless: keys and answers in,
/// effects and the frame's text out.
final class RoyaltyScreenTests: XCTestCase {
    /// 10:00 on 24 November 2026, Vietnam time: the month an accountant closes next is October.
    private let now = DateText.date(DateText.Fields(year: 2026, month: 11, day: 24, hour: 10))!
    private let yte = SiteRef(id: 1, code: "so-y-te", name: "Sở Y tế")
    private let lyson = SiteRef(id: 2, code: "huyen-ly-son", name: "UBND huyện Lý Sơn")
    private let accountant = Me(name: "ke-toan", displayName: "Kế toán", grants: [Grant(role: .accountant, site: nil)])

    private func state(width: Int = 120, height: Int = 30, language: UILanguage = .vi) -> AppState {
        var s = AppState(language: language, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap,
                         width: width, height: height)
        s.now = now
        return s
    }

    private func lines(_ s: AppState) -> [String] {
        let frame = s.render()
        return (0..<frame.height).map { frame.rowText($0) }
    }

    private func keys(_ text: String, into s: inout AppState) -> [Effect] {
        text.flatMap { s.handle(input: .key(.char($0))) }
    }

    private func line(_ id: Int64, _ name: String, pen: String? = nil, gross: Int64, tax: Int64 = 0, unpaidDays: Double? = nil) -> PaymentList.Line {
        PaymentList.Line(payee: Payee(contributorId: id, fullName: name, penName: pen), items: 2, coefficientTotal: 2.5, gross: gross,
                         tax: tax, net: gross - tax, unpaidSince: unpaidDays.map { now.addingTimeInterval(-$0 * 86_400) })
    }

    private func month(_ month: String = "2026-10", site: SiteRef? = nil, sites: [SiteRef]? = nil, lines: [PaymentList.Line],
                       batch: RoyaltyBatch? = nil, budget: RoyaltyBudget? = nil) -> LedgerMonth {
        let gross = lines.reduce(0) { $0 + $1.gross }, tax = lines.reduce(0) { $0 + $1.tax }
        let list = PaymentList(month: month, site: (site ?? yte).code, paidOn: "2026-11-24", lines: lines, gross: gross, tax: tax,
                               net: gross - tax, netInWords: VietNumber.amountInWords(Int(gross - tax)))
        return LedgerMonth(sites: sites, site: (site ?? yte).code, month: month, list: list, batch: batch, budget: budget)
    }

    /// An accountant signed in: the screen open on October at Sở Y tế, three people owed.
    private func opened(width: Int = 120, height: Int = 30) -> AppState {
        var s = state(width: width, height: height)
        XCTAssertEqual(s.handle(message: .meLoaded(accountant)), [.loadLedgerMonth(site: nil, month: "2026-10")])
        XCTAssertEqual(s.handle(message: .ledgerMonthLoaded(site: nil, month: "2026-10", .success(month(sites: [yte, lyson], lines: [
            line(11, "Nguyễn Thị An", pen: "Hoài An", gross: 1_234_567, unpaidDays: 10),
            line(12, "Trần Văn Bình", gross: 2_530_000, tax: 253_000, unpaidDays: 50),
            line(13, "Lê Hồng Châu", gross: 506_000, unpaidDays: 70),
        ])))), [.loadRoyaltyBudget(site: "so-y-te", year: 2026)], "the year's budget is read once the list is drawn")
        _ = s.handle(message: .royaltyBudgetLoaded(site: "so-y-te", year: 2026,
                                                   RoyaltyBudget(site: "so-y-te", year: 2026, amount: 100_000_000, used: 40_270_567)))
        return s
    }

    func testAnAccountantLandsOnTheMonthToCloseAndSeesItsTotals() throws {
        let s = opened()
        XCTAssertEqual(s.context, AppActions.royalties)
        let screen = lines(s)
        XCTAssertTrue(screen[0].contains("Nhuận bút"), screen[0])
        XCTAssertTrue(screen[1].contains("Sở Y tế (1/2) · tháng 10/2026 · Đang mở: chưa chốt"), screen[1])
        XCTAssertTrue(screen[2].contains("Ngân sách 2026: 100.000.000 đ · đã dùng 40.270.567 đ · còn 59.729.433 đ"), screen[2])
        XCTAssertTrue(screen[2].contains("Chưa chi ≥45 ngày: 2 người, quá 60 ngày: 1"), screen[2])
        let header = try XCTUnwrap(screen.first { $0.contains("Họ và tên") })
        XCTAssertTrue(header.contains("Bút danh") && header.contains("Thuế TNCN") && header.contains("Thực nhận"), header)
        let binh = try XCTUnwrap(screen.first { $0.contains("Trần Văn Bình") })
        XCTAssertTrue(binh.contains("2.530.000") && binh.contains("253.000") && binh.contains("2.277.000") && binh.contains("≥45 ngày"), binh)
        let an = try XCTUnwrap(screen.first { $0.contains("Nguyễn Thị An") })
        XCTAssertTrue(an.contains("Hoài An") && an.contains("1.234.567") && !an.contains("ngày"), an)
        XCTAssertTrue(screen.contains { $0.contains("Tổng cộng 3 người · 6 tin/bài/ảnh · thành tiền 4.270.567 đ · thuế 253.000 đ · thực nhận 4.017.567 đ") },
                      screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains { $0.contains("Bằng chữ: Bốn triệu") }, screen.joined(separator: "\n"))
        // 60 days unpaid is past the law's limit: in red.
        let frame = s.render()
        let row = try XCTUnwrap((0..<frame.height).first { frame.rowText($0).contains("Lê Hồng Châu") })
        let col = try XCTUnwrap(frame.rowText(row).range(of: "≥60 ngày").map { DisplayWidth.of(frame.rowText(row)[..<$0.lowerBound]) })
        XCTAssertEqual(frame.style(atRow: row, col: col), Theme.default.statusError)
        let binhRow = try XCTUnwrap((0..<frame.height).first { frame.rowText($0).contains("Trần Văn Bình") })
        let dueCol = try XCTUnwrap(frame.rowText(binhRow).range(of: "≥45").map { DisplayWidth.of(frame.rowText(binhRow)[..<$0.lowerBound]) })
        XCTAssertNotEqual(frame.style(atRow: binhRow, col: dueCol), Theme.default.statusError, "45 days is a flag, not yet red")
        XCTAssertTrue(screen[29].contains("1/3") && screen[29].contains("q thoát"), screen[29])
    }

    func testAnEditorWithoutTheRoleIsToldAndStaysOnTheQueue() {
        var s = state()
        let editor = Me(name: "lan", displayName: "Lan", grants: [Grant(role: .editor, site: nil), Grant(role: .accountant, site: "so-y-te")])
        XCTAssertEqual(s.handle(message: .meLoaded(editor)), [], "an editor who is also an accountant starts on the queue")
        XCTAssertEqual(keys("K", into: &s), [.loadLedgerMonth(site: nil, month: "2026-10")], "and opens the royalties by a key")
        var plain = state()
        _ = plain.handle(message: .meLoaded(Me(name: "hoa", displayName: "Hoa", grants: [Grant(role: .editor, site: nil)])))
        XCTAssertEqual(keys("K", into: &plain), [])
        XCTAssertEqual(plain.context, AppActions.queue)
        XCTAssertTrue(lines(plain).joined().contains("dành cho kế toán và quản trị"), lines(plain).joined(separator: "\n"))
    }

    func testMonthsAndSitesArePickedByKeysAndByTyping() {
        var s = opened()
        XCTAssertEqual(keys("]", into: &s), [.loadLedgerMonth(site: "so-y-te", month: "2026-11")])
        XCTAssertEqual(s.handle(input: .key(.left)), [.loadLedgerMonth(site: "so-y-te", month: "2026-10")])
        XCTAssertEqual(keys("[", into: &s), [.loadLedgerMonth(site: "so-y-te", month: "2026-09")])
        // A month typed: 6/2024 or 2024-06; nonsense is said, nothing is asked.
        XCTAssertEqual(keys("m", into: &s), [])
        XCTAssertTrue(lines(s)[29].contains("Tháng (10/2026 hoặc 2026-10)"), lines(s)[29])
        for _ in 0..<10 { _ = s.handle(input: .key(.backspace)) }
        _ = keys("13/2024", into: &s)
        XCTAssertEqual(s.handle(input: .key(.enter)), [])
        XCTAssertTrue(lines(s).joined().contains("Không hiểu tháng \"13/2024\""))
        _ = keys("m", into: &s)
        for _ in 0..<10 { _ = s.handle(input: .key(.backspace)) }
        _ = keys("6/2024", into: &s)
        XCTAssertEqual(s.handle(input: .key(.enter)), [.loadLedgerMonth(site: "so-y-te", month: "2024-06")])
        // An answer for a month left meanwhile is dropped.
        _ = s.handle(message: .ledgerMonthLoaded(site: "so-y-te", month: "2026-09", .success(month("2026-09", lines: [line(99, "Người Khác", gross: 1)]))))
        XCTAssertFalse(lines(s).joined().contains("Người Khác"))
        _ = s.handle(message: .ledgerMonthLoaded(site: "so-y-te", month: "2024-06", .success(month("2024-06", lines: []))))
        XCTAssertTrue(lines(s).joined().contains("Không có nhuận bút nào tháng 06/2024 trên Sở Y tế."), lines(s).joined(separator: "\n"))
        // Tab: the next site the user keeps the ledger of, same month.
        XCTAssertEqual(s.handle(input: .key(.tab)), [.loadLedgerMonth(site: "huyen-ly-son", month: "2024-06")])
        XCTAssertEqual(s.handle(input: .key(.tab)), [.loadLedgerMonth(site: "so-y-te", month: "2024-06")], "a Tab before the answer goes on")
        _ = s.handle(message: .ledgerMonthLoaded(site: "huyen-ly-son", month: "2024-06", .success(month("2024-06", site: lyson, lines: [line(98, "Bên Lý Sơn", gross: 1)]))))
        XCTAssertFalse(lines(s).joined().contains("Bên Lý Sơn"), "the site left is not drawn")
        XCTAssertEqual(RoyaltyScreen.shift("2026-01", by: -1), "2025-12")
        XCTAssertEqual(RoyaltyScreen.shift("2026-12", by: 1), "2027-01")
        XCTAssertEqual(RoyaltyScreen.parseMonth(" 2026-7 "), "2026-07")
        XCTAssertNil(RoyaltyScreen.parseMonth("2026"))
    }

    func testEnterOpensThePersonsStatementItemByItem() throws {
        var s = opened()
        _ = keys("j", into: &s)
        XCTAssertEqual(s.handle(input: .key(.enter)),
                       [.loadRoyaltyStatement(site: "so-y-te", month: "2026-10", contributor: 12, paidOn: nil)])
        let published = now.addingTimeInterval(-50 * 86_400)
        let item = RoyaltyEntitlement(id: 1, submissionId: 501, title: "Tiêm chủng mở rộng ở Lý Sơn", siteCode: "so-y-te", siteName: "Sở Y tế",
                                      contributorId: 12, genre: "tin", genreName: "Tin; Trả lời bạn đọc", coefficient: 10, sharePercent: 100,
                                      itemAmount: 2_530_000, amount: 2_530_000, baseSalary: 2_530_000, unitValue: 253_000, basis: "NĐ 18/2014",
                                      publishedAt: published, month: "2026-10")
        let statement = RoyaltyStatement(line: line(12, "Trần Văn Bình", gross: 2_530_000, tax: 253_000, unpaidDays: 50), month: "2026-10",
                                         site: "so-y-te", entitlements: [item])
        _ = s.handle(message: .royaltyStatementLoaded(contributor: 12, .success(statement)))
        let screen = lines(s)
        XCTAssertTrue(screen[1].contains("Trần Văn Bình · Sở Y tế (1/2) · tháng 10/2026"), screen[1])
        XCTAssertTrue(screen[2].contains("Thành tiền 2.530.000 đ · Thuế TNCN 253.000 đ · Thực nhận 2.277.000 đ"), screen[2])
        let row = try XCTUnwrap(screen.first { $0.contains("Tiêm chủng mở rộng") })
        XCTAssertTrue(row.contains(VietnamDay(containing: published).text) && row.contains("Tin; Trả lời") && row.contains("10,00")
                      && row.contains("2.530.000") && row.contains("≥45 ngày"), row)
        XCTAssertTrue(screen.contains { $0.contains("Ngày đăng") && $0.contains("Chuyên trang") && $0.contains("Tiêu đề") })
        // q: back to the list; q again leaves bientap (the accountant's home screen).
        XCTAssertEqual(keys("q", into: &s), [])
        XCTAssertTrue(lines(s).contains { $0.contains("Nguyễn Thị An") })
        XCTAssertEqual(keys("q", into: &s), [.quit])
    }

    func testClosingAsksFirstAndPayingAsksForTheReference() {
        var s = opened()
        // Not closed: paying is refused with the key that closes.
        XCTAssertEqual(keys("P", into: &s), [])
        XCTAssertTrue(lines(s).joined().contains("chưa chốt: chốt trước (C)"), lines(s).joined(separator: "\n"))
        XCTAssertEqual(keys("C", into: &s), [])
        let asked = lines(s).joined(separator: "\n")
        XCTAssertTrue(asked.contains("Chốt tháng 10/2026 trên Sở Y tế") && asked.contains("4.270.567 đ?"), asked)
        XCTAssertEqual(s.handle(input: .key(.escape)), [], "Escape keeps the month open")
        _ = keys("C", into: &s)
        XCTAssertEqual(keys("l", into: &s), [.closeRoyaltyMonth(site: "so-y-te", month: "2026-10")])
        let closedAt = now.addingTimeInterval(-60)
        let batch = RoyaltyBatch(id: 5, site: "so-y-te", month: "2026-10", closedAt: closedAt, closedBy: "ke-toan", lines: 3, gross: 4_270_567)
        XCTAssertEqual(s.handle(message: .ledgerActed(paying: false, .success(.done(batch)))),
                       [.loadLedgerMonth(site: "so-y-te", month: "2026-10")])
        XCTAssertTrue(lines(s).joined().contains("Đã chốt tháng 10/2026 trên Sở Y tế: 3 dòng"))
        _ = s.handle(message: .ledgerMonthLoaded(site: "so-y-te", month: "2026-10", .success(month(lines: [line(11, "Nguyễn Thị An", gross: 1)], batch: batch))))
        XCTAssertTrue(lines(s)[1].contains("Đã chốt (ke-toan, \(DateText.full(closedAt))), chưa chi"), lines(s)[1])
        XCTAssertEqual(keys("C", into: &s), [], "a closed month is not closed twice")
        // Paid: the reference typed, trimmed.
        XCTAssertEqual(keys("P", into: &s), [])
        XCTAssertTrue(lines(s)[29].contains("Số chứng từ chi"), lines(s)[29])
        _ = keys(" UNC 118/2026 ", into: &s)
        XCTAssertEqual(s.handle(input: .key(.enter)), [.recordRoyaltyPayment(site: "so-y-te", month: "2026-10", reference: "UNC 118/2026")])
        var paid = batch
        (paid.paidAt, paid.paidBy, paid.paymentReference) = (now, "ke-toan", "UNC 118/2026")
        _ = s.handle(message: .ledgerActed(paying: true, .success(.done(paid))))
        _ = s.handle(message: .ledgerMonthLoaded(site: "so-y-te", month: "2026-10", .success(month(lines: [line(11, "Nguyễn Thị An", gross: 1)], batch: paid))))
        XCTAssertTrue(lines(s)[1].contains("Đã chi (ke-toan, \(DateText.full(now))), chứng từ UNC 118/2026"), lines(s)[1])
        // A paid month's statement reckons tax by the payment's day.
        XCTAssertEqual(s.handle(input: .key(.enter)),
                       [.loadRoyaltyStatement(site: "so-y-te", month: "2026-10", contributor: 11, paidOn: "2026-11-24")])
    }

    func testRefusalsOfThePortalAreSaidInWords() {
        var s = opened()
        _ = s.handle(message: .ledgerMonthLoaded(site: nil, month: "2026-10",
                                                 .failure(.api(status: 403, body: APIErrorBody(code: .forbidden, detail: "so-y-te")))))
        XCTAssertTrue(lines(s)[29].contains("tài khoản này không có quyền kế toán trên Sở Y tế"), lines(s)[29])
        _ = s.handle(message: .ledgerActed(paying: false, .failure(.portal(.api(status: 409, body: APIErrorBody(code: .illegalTransition))))))
        XCTAssertTrue(lines(s)[29].contains("(409): tháng 10/2026 trên Sở Y tế đã chốt hoặc đã chi"), lines(s)[29])
        XCTAssertEqual(s.handle(message: .ledgerActed(paying: false, .failure(.refused(.monthNotOver(site: "so-y-te", month: "2026-11"))))),
                       [.loadLedgerMonth(site: "so-y-te", month: "2026-10")])
        XCTAssertTrue(lines(s)[29].contains("Tháng 11/2026 trên Sở Y tế chưa hết"), lines(s)[29])
    }

    func testExportAsksTheFormatAndSaysWhereItWent() {
        var s = opened()
        XCTAssertEqual(keys("E", into: &s), [])
        XCTAssertTrue(lines(s).joined().contains("XLSX (Excel)"))
        XCTAssertEqual(keys("x", into: &s), [.exportPaymentList(site: "so-y-te", month: "2026-10", paidOn: nil, format: .xlsx,
                                                                 folder: FileManager.default.currentDirectoryPath)])
        _ = s.handle(message: .paymentListExported(.success(SavedExport(path: "/tmp/nhuan-but.xlsx", bytes: 12_345))))
        XCTAssertTrue(lines(s).joined().contains("Đã lưu /tmp/nhuan-but.xlsx (12.345 byte)."))
        _ = s.handle(message: .paymentListExported(.failure(.cannotSave(path: "/ro/x.csv", reason: .readOnly))))
        XCTAssertTrue(lines(s)[29].contains("Không lưu được /ro/x.csv: ổ đĩa chỉ cho đọc"), lines(s)[29])
    }

    func testNamesFromThePortalCannotDriveTheTerminalAndNarrowScreensKeepTheMoney() throws {
        var s = state(width: 80, height: 24)
        _ = s.handle(message: .meLoaded(accountant))
        let hostile = "Kẻ \u{1B}]0;pwned\u{07}Xấu\u{202E}" + String(repeating: "dài ", count: 40)
        let odd = SiteRef(id: 9, code: "x", name: hostile)
        _ = s.handle(message: .ledgerMonthLoaded(site: nil, month: "2026-10",
                                                 .success(month(site: odd, sites: [odd], lines: [line(1, hostile, gross: 987_654_321)]))))
        let frame = s.render()
        for row in 0..<frame.height {
            let text = frame.rowText(row)
            XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, text)
            XCTAssertLessThanOrEqual(DisplayWidth.of(text), 80, text)
        }
        let row = try XCTUnwrap((0..<frame.height).map(frame.rowText).first { $0.contains("987.654.321") })
        XCTAssertTrue(row.contains("Kẻ"), row)
        // Resized wider: the pen name and tax come back; narrower: nothing breaks.
        _ = s.handle(input: .resize(width: 130, height: 40))
        XCTAssertTrue(lines(s).contains { $0.contains("Bút danh") })
        _ = s.handle(input: .resize(width: 20, height: 5))
        XCTAssertEqual(s.render().height, 5)
    }

    func testTheActivityReportAlignsVietnameseNamesAndScalesTheBars() throws {
        var s = state(width: 120, height: 20)
        XCTAssertEqual(keys("B", into: &s), [.loadActivity(year: 2025)])
        let report = ActivityReport(from: "2025-01-01", to: "2025-12-31", rows: [
            ActivityReport.Row(site: SiteRef(id: 1, code: "cong", name: "Cổng TTĐT tỉnh"), current: ActivityReport.Counts(news: 400, articles: 100, photos: 50, documents: 20),
                               yearEarlier: ActivityReport.Counts(news: 400, articles: 60, documents: 40)),
            ActivityReport.Row(site: SiteRef(id: 2, code: "gd", name: "Sở Giáo dục và Đào tạo"), current: ActivityReport.Counts(news: 130, articles: 10),
                               yearEarlier: ActivityReport.Counts()),
            ActivityReport.Row(site: SiteRef(id: 3, code: "ls", name: "UBND huyện Lý Sơn"), current: ActivityReport.Counts(news: 2, documents: 1),
                               yearEarlier: ActivityReport.Counts(news: 30)),
        ])
        _ = s.handle(message: .activityLoaded(year: 2024, .success(report)))
        XCTAssertFalse(lines(s).joined().contains("Cổng TTĐT"), "an answer for another year is dropped")
        _ = s.handle(message: .activityLoaded(year: 2025, .success(report)))
        for width in [120, 80] {
            _ = s.handle(input: .resize(width: width, height: 20))
            let screen = lines(s)
            XCTAssertTrue(screen[1].contains("Báo cáo hoạt động năm 2025 (so với năm 2024)"), screen[1])
            let rows = try ["Cổng TTĐT tỉnh", "Sở Giáo dục và Đào tạo", "UBND huyện Lý Sơn", "Tổng cộng", "Chuyên trang"].map { name in
                try XCTUnwrap(screen.first { $0.contains(name) }, "\(name) at \(width):\n" + screen.joined(separator: "\n"))
            }
            // The change column ends in the same display column on every row, whatever the letters before it.
            let ends = rows.map { row in DisplayWidth.of(String(row.filter { !"█▏▎▍▌▋▊▉".contains($0) }).trimmingCharacters(in: .whitespaces)) }
            XCTAssertEqual(Set(ends).count, 1, "\(width): " + rows.joined(separator: "\n"))
            XCTAssertTrue(rows[0].contains("+4,0%") && rows[2].contains("−90,0%") && rows[3].contains("+25,1%"), rows.joined(separator: "\n"))
            XCTAssertTrue(rows[1].contains("–"), rows[1])
            // The busiest site's bar is the longest; a site with 3 items still shows one.
            let bars = rows[0..<3].map { $0.filter { "█▏▎▍▌▋▊▉".contains($0) }.count }
            XCTAssertGreaterThan(bars[0], bars[1])
            XCTAssertGreaterThan(bars[2], 0)
            XCTAssertTrue(screen.allSatisfy { DisplayWidth.of($0) <= width })
        }
        XCTAssertEqual(keys("]", into: &s), [.loadActivity(year: 2026)])
        XCTAssertEqual(keys("y", into: &s), [])
        for _ in 0..<6 { _ = s.handle(input: .key(.backspace)) }
        _ = keys("2019", into: &s)
        XCTAssertEqual(s.handle(input: .key(.enter)), [.loadActivity(year: 2019)])
        XCTAssertEqual(keys("K", into: &s), [.loadLedgerMonth(site: nil, month: "2026-10")], "the royalties from the report")
    }
}
