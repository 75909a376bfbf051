import Foundation
import NewsroomKit
import XCTest

/// A month's payment list: one line a person, tax by the payment day's regime, in Vietnamese
/// order of given name then family name, with totals and the total in words.
final class PaymentListTests: XCTestCase {
    private let july = Date(timeIntervalSince1970: 1_783_000_000) // 2026-07-02 in Vietnam

    /// One July 2026 line (unit 253,000 đ): `coefficient` × 253,000 is the item, `amount` this person's part.
    private func line(_ id: Int64, submission: Int64, person: Int64, genre: String, coefficient: Double?, share: Int = 100,
                      item: Int64, amount: Int64, adjusts: Int64? = nil) -> RoyaltyEntitlement {
        RoyaltyEntitlement(id: id, submissionId: submission, title: "Bài \(submission)", siteCode: "cong-tinh", siteName: "Cổng tỉnh",
                           contributorId: person, genre: genre, genreName: genre, coefficient: coefficient, sharePercent: share,
                           itemAmount: item, amount: amount, baseSalary: 2_530_000, unitValue: 253_000, basis: "NĐ 18/2014",
                           publishedAt: july, month: "2026-07", adjusts: adjusts)
    }

    func testAMonthsListInOrderWithTaxTotalsAndWords() throws {
        let entitlements = [
            // Nguyễn Văn An (1): phong-su 12 × 253,000 = 3,036,000.
            line(1, submission: 11, person: 1, genre: "phong-su", coefficient: 12, item: 3_036_000, amount: 3_036_000),
            // tin 10 × 253,000 = 2,530,000, 60/40 with Lê Văn An: 1,518,000 and 1,012,000.
            line(2, submission: 12, person: 1, genre: "tin", coefficient: 10, share: 60, item: 2_530_000, amount: 1_518_000),
            line(3, submission: 12, person: 3, genre: "tin", coefficient: 10, share: 40, item: 2_530_000, amount: 1_012_000),
            // anh 1.8 × 253,000 = 455,400.
            line(4, submission: 13, person: 1, genre: "anh", coefficient: 1.8, item: 455_400, amount: 455_400),
            // A June item (unit 234,000), tin 2 = 468,000, unpublished after June closed: taken back.
            line(5, submission: 14, person: 1, genre: "tin", coefficient: nil, item: -468_000, amount: -468_000, adjusts: 99),
            // Phạm Minh Châu (4): truc-tuyen 20 × 253,000 = 5,060,000.
            line(6, submission: 15, person: 4, genre: "truc-tuyen", coefficient: 20, item: 5_060_000, amount: 5_060_000),
            // Trần Thị Bình (2), staff: chinh-luan 25 × 253,000 = 6,325,000.
            line(7, submission: 16, person: 2, genre: "chinh-luan", coefficient: 25, item: 6_325_000, amount: 6_325_000),
            // Hoàng Thị Ánh (5), with a commitment form: phong-su 24 × 253,000 = 6,072,000.
            line(8, submission: 17, person: 5, genre: "phong-su", coefficient: 24, item: 6_072_000, amount: 6_072_000),
            // Võ Văn Em (6), no payment details yet: truc-tuyen 21 × 253,000 = 5,313,000.
            line(9, submission: 18, person: 6, genre: "truc-tuyen", coefficient: 21, item: 5_313_000, amount: 5_313_000),
        ]
        let payees: [Int64: Payee] = [
            1: Payee(contributorId: 1, fullName: "Nguyễn Văn An", kind: .outside),
            2: Payee(contributorId: 2, fullName: "Trần Thị Bình", kind: .staff),
            3: Payee(contributorId: 3, fullName: "Lê Văn An", kind: .outside),
            4: Payee(contributorId: 4, fullName: "Phạm Minh Châu", kind: .outside),
            5: Payee(contributorId: 5, fullName: "Hoàng Thị Ánh", taxCode: "8012345678", kind: .outside, commitmentSignedOn: "2026-02-01"),
        ]
        let list = PaymentList.make(month: "2026-07", site: "cong-tinh", paidOn: try XCTUnwrap(VietnamDay("2026-08-10")),
                                    entitlements: entitlements.reversed(), payees: payees, names: [6: "Võ Văn Em"])

        // Given names An, An (Lê before Nguyễn), Ánh, Bình, Châu, Em; by full name Phạm would come before Trần,
        // and by code point Ánh would come after Bình.
        XCTAssertEqual(list.lines.map(\.payee.fullName), ["Lê Văn An", "Nguyễn Văn An", "Hoàng Thị Ánh", "Trần Thị Bình", "Phạm Minh Châu", "Võ Văn Em"])
        // Nguyễn Văn An: 3,036,000 + 1,518,000 + 455,400 − 468,000 = 4,541,400, under 5,000,000 on 2026-08-10: no tax
        // (5,009,400 before the take-back would have been taxed). Three items: the take-back is not one.
        XCTAssertEqual(list.lines[1].gross, 4_541_400)
        XCTAssertEqual(list.lines[1].tax, 0)
        XCTAssertEqual(list.lines[1].items, 3)
        // Lê Văn An: 1,012,000, 40% of a tin graded 10 → 4.0 coefficients.
        XCTAssertEqual(list.lines[0].gross, 1_012_000)
        XCTAssertEqual(list.lines[0].coefficientTotal, 4.0, accuracy: 1e-9)
        // Hoàng Thị Ánh: 6,072,000, committed: no tax.
        XCTAssertEqual(list.lines[2].tax, 0)
        XCTAssertEqual(list.lines[2].net, 6_072_000)
        // Trần Thị Bình, staff: 6,325,000, no tax.
        XCTAssertEqual(list.lines[3].tax, 0)
        // Phạm Minh Châu: 5,060,000 ≥ 5,000,000: 506,000 withheld, 4,554,000 received.
        XCTAssertEqual(list.lines[4].tax, 506_000)
        XCTAssertEqual(list.lines[4].net, 4_554_000)
        XCTAssertEqual(list.lines[4].coefficientTotal, 20, accuracy: 1e-9)
        // Võ Văn Em, no details: an outside collaborator until told otherwise; 5,313,000 → 531,300 withheld, 4,781,700.
        XCTAssertEqual(list.lines[5].payee.contributorId, 6)
        XCTAssertEqual(list.lines[5].tax, 531_300)
        XCTAssertEqual(list.lines[5].net, 4_781_700)

        // Gross: 4,541,400 + 1,012,000 + 6,325,000 + 5,060,000 + 6,072,000 + 5,313,000 = 28,323,400;
        // tax: 506,000 + 531,300 = 1,037,300; net: 27,286,100.
        XCTAssertEqual(list.gross, 28_323_400)
        XCTAssertEqual(list.tax, 1_037_300)
        XCTAssertEqual(list.net, 27_286_100)
        XCTAssertEqual(list.netInWords, "Hai mươi bảy triệu hai trăm tám mươi sáu nghìn một trăm đồng")
        XCTAssertEqual(list.paidOn, "2026-08-10")
    }

    func testTheSameListPaidBeforeTheChangeIsTaxedFromTwoMillion() throws {
        // Paid 2026-06-30 (TT 111/2013): 2,000,000 is taxed (200,000), 1,999,999 is not.
        let entitlements = [
            line(1, submission: 1, person: 1, genre: "tin", coefficient: nil, item: 2_000_000, amount: 2_000_000),
            line(2, submission: 2, person: 2, genre: "tin", coefficient: nil, item: 1_999_999, amount: 1_999_999),
        ]
        let payees: [Int64: Payee] = [1: Payee(contributorId: 1, fullName: "Đỗ Văn Dũng"), 2: Payee(contributorId: 2, fullName: "Đinh Thị Đào")]
        let list = PaymentList.make(month: "2026-06", site: nil, paidOn: try XCTUnwrap(VietnamDay("2026-06-30")), entitlements: entitlements, payees: payees)
        // Dũng before Đào: D comes before Đ.
        XCTAssertEqual(list.lines.map(\.payee.fullName), ["Đỗ Văn Dũng", "Đinh Thị Đào"])
        XCTAssertEqual(list.lines.map(\.tax), [200_000, 0])
        // 2,000,000 + 1,999,999 − 200,000 = 3,799,999.
        XCTAssertEqual(list.net, 3_799_999)
        XCTAssertEqual(list.netInWords, "Ba triệu bảy trăm chín mươi chín nghìn chín trăm chín mươi chín đồng")
    }

    func testNamesThatCollateAlikeAreOrderedByContributorWhateverTheInputOrder() throws {
        // "Hoà" and "Hòa" are one name with the tone mark in two places; extra spaces do not make another name.
        let names = ["Lê Thị Hoà", "Lê Thị Hòa", "Lê  Thị Hòa", "Lê Thị  Hoà", "Lê Thị Hòa ", "Lê Thị Hoà  "]
        let people = Array(zip([Int64(6), 2, 5, 1, 4, 3], names))
        let payees = Dictionary(uniqueKeysWithValues: people.map { ($0.0, Payee(contributorId: $0.0, fullName: $0.1, kind: .staff)) })
        let entitlements = people.map { line($0.0, submission: $0.0, person: $0.0, genre: "tin", coefficient: 1, item: 253_000, amount: 253_000) }
        for order in [entitlements, entitlements.reversed(), entitlements.shuffled()] {
            let list = PaymentList.make(month: "2026-07", site: nil, paidOn: try XCTUnwrap(VietnamDay("2026-08-10")), entitlements: order, payees: payees)
            XCTAssertEqual(list.lines.map(\.payee.contributorId), [1, 2, 3, 4, 5, 6])
        }
    }

    /// "Tổng hệ số" adds what is paid for and takes away what is taken back: a June item graded
    /// tin 2, 75% this person's, corrected in July to 3 is 0.75 × 3 − 0.75 × 2 = 0.75 in July.
    func testATakeBackSubtractsItsCoefficientFromTheTotal() throws {
        let entitlements = [
            // June's line taken back: 2 × 234,000 = 468,000; 75%: 351,000.
            line(1, submission: 20, person: 1, genre: "tin", coefficient: 2, share: 75, item: 468_000, amount: -351_000, adjusts: 90),
            // Paid anew: 3 × 234,000 = 702,000; 75%: 526,500.
            line(2, submission: 20, person: 1, genre: "tin", coefficient: 3, share: 75, item: 702_000, amount: 526_500),
            // And a July item: tin 1.5, whole: 1.5 × 253,000 = 379,500.
            line(3, submission: 21, person: 1, genre: "tin", coefficient: 1.5, item: 379_500, amount: 379_500),
        ]
        let list = PaymentList.make(month: "2026-07", site: "cong-tinh", paidOn: try XCTUnwrap(VietnamDay("2026-08-10")),
                                    entitlements: entitlements, payees: [:])
        // 2.25 − 1.5 + 1.5 = 2.25; two items (the take-back is not one); −351,000 + 526,500 + 379,500 = 555,000.
        XCTAssertEqual(list.lines.first?.coefficientTotal ?? 0, 2.25, accuracy: 1e-9)
        XCTAssertEqual(list.lines.first?.items, 2)
        XCTAssertEqual(list.gross, 555_000)
    }

    /// A line of the list is flagged by its oldest unpaid line that is owed: 45 days after its
    /// publication, overdue at 60; a take-back (owed to no one) and paid lines never flag it.
    func testLatenessCountsFromTheOldestUnpaidLineOwed() throws {
        let day: TimeInterval = 86_400
        var old = line(1, submission: 30, person: 1, genre: "tin", coefficient: 1, item: 253_000, amount: 253_000)
        old.publishedAt = july.addingTimeInterval(-10 * day)
        var takeBack = line(2, submission: 31, person: 1, genre: "tin", coefficient: 1, item: 253_000, amount: -253_000, adjusts: 7)
        takeBack.publishedAt = july.addingTimeInterval(-300 * day)
        var paid = line(3, submission: 32, person: 2, genre: "tin", coefficient: 1, item: 253_000, amount: 253_000)
        paid.publishedAt = july.addingTimeInterval(-300 * day)
        paid.paidAt = july
        let list = PaymentList.make(month: "2026-07", site: "cong-tinh", paidOn: try XCTUnwrap(VietnamDay("2026-08-10")),
                                    entitlements: [old, takeBack, paid], payees: [:])
        let first = try XCTUnwrap(list.lines.first { $0.payee.contributorId == 1 })
        XCTAssertEqual(first.unpaidSince, old.publishedAt)
        XCTAssertNil(first.lateness(at: old.publishedAt.addingTimeInterval(44 * day + 86_399)))
        XCTAssertEqual(first.lateness(at: old.publishedAt.addingTimeInterval(45 * day)), .due)
        XCTAssertEqual(first.lateness(at: old.publishedAt.addingTimeInterval(60 * day)), .overdue)
        XCTAssertNil(takeBack.lateness(at: july), "a take-back is owed to no one")
        let second = try XCTUnwrap(list.lines.first { $0.payee.contributorId == 2 })
        XCTAssertNil(second.unpaidSince)
        XCTAssertNil(second.lateness(at: july.addingTimeInterval(400 * day)))
    }

    func testAnEmptyMonth() throws {
        let list = PaymentList.make(month: "2026-07", site: nil, paidOn: try XCTUnwrap(VietnamDay("2026-08-10")), entitlements: [], payees: [:])
        XCTAssertTrue(list.lines.isEmpty)
        XCTAssertEqual(list.net, 0)
        XCTAssertEqual(list.netInWords, "Không đồng")
    }
}
