import Foundation
import NewsroomKit
import XCTest

/// The royalty arithmetic of Nghị định 18/2014/NĐ-CP Điều 7, every amount worked out by hand
/// in the comment beside it.
final class RoyaltyMathTests: XCTestCase {
    private func day(_ text: String) throws -> VietnamDay { try XCTUnwrap(VietnamDay(text)) }

    func testThePublicationDayPicksTheBaseSalaryAndTheUnitIsATenthOfIt() throws {
        // 2024-06-30 is still under NĐ 24/2023 (1,800,000 đ); NĐ 73/2024 (2,340,000 đ) starts 2024-07-01.
        XCTAssertEqual(BaseSalary.inForce(on: try day("2024-06-30"))?.amount, 1_800_000)
        XCTAssertEqual(BaseSalary.inForce(on: try day("2024-07-01"))?.amount, 2_340_000)
        XCTAssertEqual(BaseSalary.inForce(on: try day("2024-07-01"))?.basis, "Nghị định 73/2024/NĐ-CP")
        XCTAssertEqual(BaseSalary.inForce(on: try day("2019-07-01"))?.amount, 1_490_000)
        XCTAssertEqual(BaseSalary.inForce(on: try day("2023-06-30"))?.amount, 1_490_000)
        XCTAssertEqual(BaseSalary.inForce(on: try day("2023-07-01"))?.amount, 1_800_000)
        XCTAssertEqual(BaseSalary.inForce(on: try day("2026-06-30"))?.amount, 2_340_000)
        XCTAssertEqual(BaseSalary.inForce(on: try day("2026-07-01"))?.amount, 2_530_000)
        XCTAssertNil(BaseSalary.inForce(on: try day("2019-06-30")), "no base salary is known before NĐ 38/2019")

        // 10% of 1,800,000 = 180,000; of 2,340,000 = 234,000; of 2,530,000 = 253,000; of 1,490,000 = 149,000.
        XCTAssertEqual(RoyaltyMath.unitValue(baseSalary: 1_800_000, percent: 10), 180_000)
        XCTAssertEqual(RoyaltyMath.unitValue(baseSalary: 2_340_000, percent: 10), 234_000)
        XCTAssertEqual(RoyaltyMath.unitValue(baseSalary: 2_530_000, percent: 10), 253_000)
        XCTAssertEqual(RoyaltyMath.unitValue(baseSalary: 1_490_000, percent: 10), 149_000)
        // 10% of 1,490,005 = 149,000.5: half up to 149,001 (half to even would say 149,000).
        XCTAssertEqual(RoyaltyMath.unitValue(baseSalary: 1_490_005, percent: 10), 149_001)
        // 10% of 1,490,004 = 149,000.4: down to 149,000.
        XCTAssertEqual(RoyaltyMath.unitValue(baseSalary: 1_490_004, percent: 10), 149_000)
    }

    func testTheDecreesCoefficientTableOnEitherSideOfTheBaseSalaryChange() throws {
        let table = RateTable.decree18
        // tin at the decree's maximum, 10: published 2024-06-30, 10 × 180,000 = 1,800,000 đ;
        // the next day, 10 × 234,000 = 2,340,000 đ.
        let before = try XCTUnwrap(RoyaltyMath.reckon(Grading(genre: "tin", coefficient: 10), table: table, on: try day("2024-06-30")))
        XCTAssertEqual(before.baseSalary.amount, 1_800_000)
        XCTAssertEqual(before.unitValue, 180_000)
        XCTAssertEqual(before.amount, 1_800_000)
        let after = try XCTUnwrap(RoyaltyMath.reckon(Grading(genre: "tin", coefficient: 10), table: table, on: try day("2024-07-01")))
        XCTAssertEqual(after.baseSalary.amount, 2_340_000)
        XCTAssertEqual(after.unitValue, 234_000)
        XCTAssertEqual(after.amount, 2_340_000)
        XCTAssertEqual(after.percentOfSource, 100)
        // phong-su 12.5 on 2024-07-01: 12.5 × 234,000 = 2,925,000 đ.
        XCTAssertEqual(RoyaltyMath.reckon(Grading(genre: "phong-su", coefficient: 12.5), table: table, on: try day("2024-07-01"))?.amount, 2_925_000)
        // truc-tuyen at its maximum 50 on 2026-07-01: 50 × 253,000 = 12,650,000 đ.
        XCTAssertEqual(RoyaltyMath.reckon(Grading(genre: "truc-tuyen", coefficient: 50), table: table, on: try day("2026-07-01"))?.amount, 12_650_000)
        // anh 1.15 on 2024-06-30: 1.15 × 180,000 = 207,000 đ (1.15 is not exact in binary; the đồng is).
        XCTAssertEqual(RoyaltyMath.reckon(Grading(genre: "anh", coefficient: 1.15), table: table, on: try day("2024-06-30"))?.amount, 207_000)
        XCTAssertNil(RoyaltyMath.reckon(Grading(genre: "tin", coefficient: 10), table: table, on: try day("2019-06-30")),
                     "no base salary, no amount: never a guessed one")
        XCTAssertNil(RoyaltyMath.reckon(Grading(genre: "tin"), table: table, on: try day("2024-07-01")), "a grading with no figure")
    }

    func testAProvincesPointTableAndAComponentSitePaidTwentyPercentOfIt() throws {
        let province = try ShippedRateTables.load("ninh-thuan-23-2020.json")
        let component = try ShippedRateTables.load("ninh-thuan-2157-2020-component-sites.json")
        // tin kèm ảnh, 1.5 points, on 2024-07-01: 1.5 × 234,000 = 351,000 đ on the provincial portal…
        XCTAssertEqual(RoyaltyMath.reckon(Grading(genre: "tin-anh", coefficient: 1.5), table: province, on: try day("2024-07-01"))?.amount, 351_000)
        // …and 20% of it on a department's site: 351,000 × 20 / 100 = 70,200 đ.
        let share = try XCTUnwrap(RoyaltyMath.reckon(Grading(genre: "tin-anh", coefficient: 1.5), table: component, on: try day("2024-07-01")))
        XCTAssertEqual(share.percentOfSource, 20)
        XCTAssertEqual(share.unitValue, 234_000)
        XCTAssertEqual(share.amount, 70_200)
        // bài phản ánh 2.5 on 2024-06-30: 2.5 × 180,000 = 450,000 đ; at 20%: 90,000 đ.
        XCTAssertEqual(RoyaltyMath.reckon(Grading(genre: "phan-anh", coefficient: 2.5), table: province, on: try day("2024-06-30"))?.amount, 450_000)
        XCTAssertEqual(RoyaltyMath.reckon(Grading(genre: "phan-anh", coefficient: 2.5), table: component, on: try day("2024-06-30"))?.amount, 90_000)
        // nghiên cứu 3.5 on 2026-07-01: 3.5 × 253,000 = 885,500 đ; at 20%: 177,100 đ.
        XCTAssertEqual(RoyaltyMath.reckon(Grading(genre: "nghien-cuu", coefficient: 3.5), table: province, on: try day("2026-07-01"))?.amount, 885_500)
        XCTAssertEqual(RoyaltyMath.reckon(Grading(genre: "nghien-cuu", coefficient: 3.5), table: component, on: try day("2026-07-01"))?.amount, 177_100)
        // tin đăng lại 0.5 on 2019-07-01: 0.5 × 149,000 = 74,500 đ; at 20%: 14,900 đ.
        XCTAssertEqual(RoyaltyMath.reckon(Grading(genre: "tin-dang-lai", coefficient: 0.5), table: component, on: try day("2019-07-01"))?.amount, 14_900)
    }

    func testItemAmountsRoundHalfUpOnceAtTheEnd() {
        // A fixed 1,001 đ at 50%: 500.5, half up to 501 (half to even: 500).
        XCTAssertEqual(RoyaltyMath.itemAmount(Grading(genre: "x", amount: 1_001), unitValue: 0, percentOfSource: 50), 501)
        // A fixed 999 đ at 50%: 499.5 → 500.
        XCTAssertEqual(RoyaltyMath.itemAmount(Grading(genre: "x", amount: 999), unitValue: 0, percentOfSource: 50), 500)
        // Halves reached through factors binary cannot hold (0.03, 0.01): 0.03 × 149,000 = 4,470, at 15%: 670.5 → 671;
        // 0.01 × 149,000 = 1,490, at 15%: 223.5 → 224.
        XCTAssertEqual(RoyaltyMath.itemAmount(Grading(genre: "x", coefficient: 0.03), unitValue: 149_000, percentOfSource: 15), 671)
        XCTAssertEqual(RoyaltyMath.itemAmount(Grading(genre: "x", coefficient: 0.01), unitValue: 149_000, percentOfSource: 15), 224)
        // 2 × 234,000 = 468,000; a negative or non-number coefficient earns nothing.
        XCTAssertEqual(RoyaltyMath.itemAmount(Grading(genre: "x", coefficient: 2), unitValue: 234_000), 468_000)
        XCTAssertNil(RoyaltyMath.itemAmount(Grading(genre: "x", coefficient: -1), unitValue: 234_000))
        XCTAssertNil(RoyaltyMath.itemAmount(Grading(genre: "x", coefficient: .nan), unitValue: 234_000))
        XCTAssertEqual(RoyaltyMath.roundedDong(2.5), 3)
        XCTAssertEqual(RoyaltyMath.roundedDong(2.4999), 2)
        XCTAssertEqual(RoyaltyMath.roundedDong(.infinity), 0)
    }

    func testCoAuthorsSplitToTheDongWithTheRemainderToTheFirst() {
        // 1,000,001 at 34/33/33: 340,000.34 → 340,000; 330,000.33 → 330,000 twice; together 1,000,000,
        // so the first author gets the 1 đ left: 340,001 + 330,000 + 330,000 = 1,000,001.
        XCTAssertEqual(RoyaltyMath.split(1_000_001, percents: [34, 33, 33]), [340_001, 330_000, 330_000])
        // 101 at 33/33/34: 33.33 → 33, 33.33 → 33, 34.34 → 34; 100, so the first gets 1 more, though not the largest share.
        XCTAssertEqual(RoyaltyMath.split(101, percents: [33, 33, 34]), [34, 33, 34])
        // 70,200 (the component site's tin kèm ảnh) at 70/30: 49,140 + 21,060.
        XCTAssertEqual(RoyaltyMath.split(70_200, percents: [70, 30]), [49_140, 21_060])
        // 2 đ among three at 34/33/33: 0.68, 0.66, 0.66 → 0 each; the first gets both đồng.
        XCTAssertEqual(RoyaltyMath.split(2, percents: [34, 33, 33]), [2, 0, 0])
        // Taking back 1,000,001 mirrors paying it: −340,001, −330,000, −330,000.
        XCTAssertEqual(RoyaltyMath.split(-1_000_001, percents: [34, 33, 33]), [-340_001, -330_000, -330_000])
        XCTAssertEqual(RoyaltyMath.split(351_000, percents: [100]), [351_000])
        XCTAssertEqual(RoyaltyMath.split(351_000, percents: []), [])
    }

    /// Docs/royalties.md's worked example, step by step.
    func testTheWorkedExampleOfDocsRoyalties() throws {
        let component = try ShippedRateTables.load("ninh-thuan-2157-2020-component-sites.json")
        let province = try ShippedRateTables.load("ninh-thuan-23-2020.json")
        let grading = Grading(genre: "phan-anh", coefficient: 2.1)
        XCTAssertNil(component.problem(with: grading))
        // 10% × 2,530,000 = 253,000; 2.1 × 253,000 = 531,300; × 20% = 106,260.
        let item = try XCTUnwrap(RoyaltyMath.reckon(grading, table: component, on: try day("2026-07-15")))
        XCTAssertEqual(item.baseSalary.basis, "Nghị định 161/2026/NĐ-CP")
        XCTAssertEqual(item.unitValue, 253_000)
        XCTAssertEqual(RoyaltyMath.reckon(grading, table: province, on: try day("2026-07-15"))?.amount, 531_300)
        XCTAssertEqual(item.amount, 106_260)
        // 36,128.4 → 36,128; 35,065.8 → 35,065 twice; 2 left, to the first: 36,130.
        XCTAssertEqual(RoyaltyMath.split(item.amount, percents: [34, 33, 33]), [36_130, 35_065, 35_065])
        // On the provincial portal: 2.1 × 180,000 = 378,000 on 2024-06-30; 2.1 × 234,000 = 491,400 on 2024-07-01.
        XCTAssertEqual(RoyaltyMath.reckon(grading, table: province, on: try day("2024-06-30"))?.amount, 378_000)
        XCTAssertEqual(RoyaltyMath.reckon(grading, table: province, on: try day("2024-07-01"))?.amount, 491_400)
        // Paid 2026-08-10: 10% of 5,000,000 = 500,000; nothing from 4,999,999; paid 2026-06-30, 10% of 2,000,000 = 200,000.
        let outside = Payee(contributorId: 1, fullName: "Nguyễn Văn An")
        XCTAssertEqual(WithholdingRegime.withheld(from: 5_000_000, to: outside, on: try day("2026-08-10")), 500_000)
        XCTAssertEqual(WithholdingRegime.withheld(from: 4_999_999, to: outside, on: try day("2026-08-10")), 0)
        XCTAssertEqual(WithholdingRegime.withheld(from: 2_000_000, to: outside, on: try day("2026-06-30")), 200_000)
    }
}
