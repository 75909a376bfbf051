import Foundation
import NewsroomKit
import XCTest

/// Personal income tax withheld from royalties: 10% from 2,000,000 đ a payment under Thông tư
/// 111/2013/TT-BTC Điều 25.1.i, from 5,000,000 đ under Nghị định 253/2026/NĐ-CP Điều 50.2 (shipped
/// from 2026-07-01); outside collaborators only, and not with a commitment form.
final class IncomeTaxTests: XCTestCase {
    private let outside = Payee(contributorId: 1, fullName: "Nguyễn Văn An", kind: .outside)
    private let staff = Payee(contributorId: 2, fullName: "Trần Thị Bình", kind: .staff)

    private func withheld(_ gross: Int64, _ payee: Payee, on text: String, in table: [WithholdingRegime] = WithholdingRegime.vietnam) throws -> Int64 {
        WithholdingRegime.withheld(from: gross, to: payee, on: try XCTUnwrap(VietnamDay(text)), in: table)
    }

    func testBeforeTheChangeTenPercentFromTwoMillion() throws {
        // Paid 2026-06-30, under TT 111/2013: 1,999,999 is under 2,000,000, nothing withheld;
        // 2,000,000 is at it: 10% = 200,000.
        XCTAssertEqual(try withheld(1_999_999, outside, on: "2026-06-30"), 0)
        XCTAssertEqual(try withheld(2_000_000, outside, on: "2026-06-30"), 200_000)
        // 2,000,009 × 10% = 200,000.9: the tax is rounded down to 200,000.
        XCTAssertEqual(try withheld(2_000_009, outside, on: "2026-06-30"), 200_000)
        XCTAssertEqual(WithholdingRegime.inForce(on: try XCTUnwrap(VietnamDay("2026-06-30")))?.basis, "Thông tư 111/2013/TT-BTC Điều 25.1.i")
    }

    func testFromTheChangeTenPercentFromFiveMillion() throws {
        // Paid 2026-07-01, under NĐ 253/2026: 4,999,999 is under 5,000,000, nothing; 5,000,000: 500,000.
        XCTAssertEqual(try withheld(4_999_999, outside, on: "2026-07-01"), 0)
        XCTAssertEqual(try withheld(5_000_000, outside, on: "2026-07-01"), 500_000)
        // 2,000,000 was withheld from the day before; not any more.
        XCTAssertEqual(try withheld(2_000_000, outside, on: "2026-07-01"), 0)
        XCTAssertEqual(WithholdingRegime.inForce(on: try XCTUnwrap(VietnamDay("2026-07-01")))?.basis, "Nghị định 253/2026/NĐ-CP Điều 50.2")
    }

    func testWhenTheNewThresholdStartsIsASetting() throws {
        // A portal that reads NĐ 253/2026 as governing the whole 2026 tax year starts it on 2026-01-01.
        let taxYear = [WithholdingRegime(from: "2013-10-01", threshold: 2_000_000, ratePercent: 10, basis: "TT 111/2013"),
                       WithholdingRegime(from: "2026-01-01", threshold: 5_000_000, ratePercent: 10, basis: "NĐ 253/2026")]
        // 4,999,999 paid 2026-03-31: nothing under that setting; 10% rounded down = 499,999 under the shipped one.
        XCTAssertEqual(try withheld(4_999_999, outside, on: "2026-03-31", in: taxYear), 0)
        XCTAssertEqual(try withheld(4_999_999, outside, on: "2026-03-31"), 499_999)
        XCTAssertEqual(try withheld(5_000_000, outside, on: "2013-09-30"), 0, "before the first regime, nothing is withheld")
    }

    func testStaffAreTaxedByPayrollNotHere() throws {
        XCTAssertEqual(try withheld(2_000_000, staff, on: "2026-06-30"), 0)
        XCTAssertEqual(try withheld(5_000_000, staff, on: "2026-07-01"), 0)
        XCTAssertEqual(try withheld(50_000_000, staff, on: "2026-07-01"), 0)
    }

    func testACommitmentFormSuspendsWithholdingForItsYearWithATaxCode() throws {
        var committed = outside
        committed.commitmentSignedOn = "2026-01-15"
        committed.taxCode = "8012345678"
        XCTAssertEqual(try withheld(2_000_000, committed, on: "2026-06-30"), 0)
        XCTAssertEqual(try withheld(5_000_000, committed, on: "2026-07-01"), 0)
        // Signed in 2026, it says nothing of 2027's income: 10% of 5,000,000 = 500,000.
        XCTAssertEqual(try withheld(5_000_000, committed, on: "2027-01-05"), 500_000)
        // A payment before the form was signed: 10% of 2,000,000 = 200,000.
        XCTAssertEqual(try withheld(2_000_000, committed, on: "2026-01-14"), 200_000)
        // Without a tax code the form does not count (the person must have one when they commit).
        var noTaxCode = committed
        noTaxCode.taxCode = " "
        XCTAssertEqual(try withheld(2_000_000, noTaxCode, on: "2026-06-30"), 200_000)
        // A date that cannot be read is no commitment.
        var unreadable = committed
        unreadable.commitmentSignedOn = "15/01/2026"
        XCTAssertEqual(try withheld(2_000_000, unreadable, on: "2026-06-30"), 200_000)
    }

    func testNothingIsWithheldFromNothing() throws {
        XCTAssertEqual(try withheld(0, outside, on: "2026-06-30"), 0)
        XCTAssertEqual(try withheld(-2_000_000, outside, on: "2026-06-30"), 0, "a month that only takes back")
    }
}
