import Foundation
import NewsroomKit
import XCTest

/// Rate tables as the law has them: the decree's maxima, a province's point table, a component
/// site paying a share of it, and what a table may not say.
final class RateTableRulesTests: XCTestCase {
    func testTheDecreeSetsMaximaOnlyByGroup() throws {
        let table = RateTable.decree18
        XCTAssertNil(table.problem)
        // Nghị định 18/2014/NĐ-CP Điều 7.1, báo điện tử.
        let maxima = Dictionary(uniqueKeysWithValues: table.genres.map { ($0.code, $0.coefficient?.max) })
        XCTAssertEqual(maxima, ["tin": 10, "tranh": 10, "anh": 10, "chinh-luan": 30, "phong-su": 30, "sang-tac": 30, "nghien-cuu": 30, "truc-tuyen": 50])
        XCTAssertTrue(table.genres.allSatisfy { $0.coefficient?.min == 0 && $0.amount == nil })
        XCTAssertEqual(table.unitPercent, 10)
        XCTAssertEqual(table.payPercent, 100)
        XCTAssertNil(table.baseSalary, "the dated base-salary table decides, not the rate table")
        XCTAssertTrue(table.basis.contains("Nghị định 18/2014/NĐ-CP") && table.basis.contains("Điều 7"), table.basis)

        XCTAssertNil(table.problem(with: Grading(genre: "tin", coefficient: 10)))
        XCTAssertNil(table.problem(with: Grading(genre: "tin", coefficient: 0.5)))
        XCTAssertNil(table.problem(with: Grading(genre: "truc-tuyen", coefficient: 50)))
        XCTAssertEqual(table.problem(with: Grading(genre: "tin", coefficient: 10.5)), "'tin' is graded by a coefficient of at most 10.0")
        XCTAssertNotNil(table.problem(with: Grading(genre: "phong-su", coefficient: 31)))
        XCTAssertNotNil(table.problem(with: Grading(genre: "tin", coefficient: -1)))
        XCTAssertNotNil(table.problem(with: Grading(genre: "tin", amount: 100_000)), "a coefficient genre takes no amount")
        XCTAssertNotNil(table.problem(with: Grading(genre: "video", coefficient: 5)), "not one of the decree's groups")
    }

    func testOlderTablesWithAFixedBaseSalaryStillRead() throws {
        let old = #"{"name": "Cũ", "basis": "NĐ 18", "effective_from": "2014-06-01", "base_salary": 2340000,"#
            + #" "genres": [{"code": "tin", "name": "Tin", "coefficient": {"min": 1, "max": 10}}]}"#
        let table = try WireFormat.decoder().decode(RateTable.self, from: Data(old.utf8))
        XCTAssertEqual(table.baseSalary, 2_340_000)
        XCTAssertNil(table.percentOf)
        XCTAssertNil(table.problem)
        XCTAssertEqual(table.problem(with: Grading(genre: "tin", coefficient: 0.5)), "'tin' is graded by a coefficient from 1.0 to 10.0")
    }

    func testNinhThuansPointTableAndItsComponentSites() throws {
        let province = try ShippedRateTables.load("ninh-thuan-23-2020.json")
        XCTAssertNil(province.problem)
        let ranges = Dictionary(uniqueKeysWithValues: province.genres.compactMap { g in g.coefficient.map { (g.code, [$0.min, $0.max]) } })
        XCTAssertEqual(ranges, ["tin": [1, 1], "tin-anh": [1.5, 1.5], "tin-dang-lai": [0.5, 0.5], "phan-anh": [2, 2.5],
                                "binh-luan": [2.5, 3], "nghien-cuu": [3, 4], "truc-tuyen": [4, 5]])
        XCTAssertTrue(province.basis.contains("23/2020/QĐ-UBND"))
        XCTAssertNil(province.problem(with: Grading(genre: "tin-anh", coefficient: 1.5)))
        XCTAssertNotNil(province.problem(with: Grading(genre: "tin", coefficient: 1.5)), "a tin without a photo is 1.0, no more")
        XCTAssertNotNil(province.problem(with: Grading(genre: "phan-anh", coefficient: 1.9)))
        XCTAssertEqual(province.problem(with: Grading(genre: "binh-luan", coefficient: 3.1)), "'binh-luan' is graded by a coefficient from 2.5 to 3.0")

        let component = try ShippedRateTables.load("ninh-thuan-2157-2020-component-sites.json")
        XCTAssertNil(component.problem)
        XCTAssertEqual(component.percentOf, RateTable.PercentOf(site: "cong-tinh", percent: 20))
        XCTAssertEqual(component.payPercent, 20)
        XCTAssertNil(component.site, "every site without a table of its own")
        XCTAssertTrue(component.basis.contains("2157/QĐ-UBND"))
        XCTAssertNil(component.problem(asShareOf: province))
        var drifted = province
        drifted.genres[3].coefficient = .init(min: 2, max: 3)
        XCTAssertNotNil(component.problem(asShareOf: drifted), "a share grades by the source's own ranges")
        var elsewhere = province
        elsewhere.site = "so-y-te"
        XCTAssertNotNil(component.problem(asShareOf: elsewhere))
        XCTAssertNotNil(province.problem(asShareOf: province), "a table that is no share")
        var chained = component
        chained.site = "cong-tinh"
        XCTAssertNotNil(component.problem(asShareOf: chained), "a share of a share")
    }

    func testWhatATableMayNotSay() {
        let tin = RateTable.Genre(code: "tin", name: "Tin", coefficient: .init(min: 0, max: 10))
        func table(_ genres: [RateTable.Genre] = [tin], site: String? = "so-y-te", unit: Double? = nil, share: RateTable.PercentOf? = nil) -> RateTable {
            RateTable(name: "Bảng", basis: "QĐ", effectiveFrom: "2026-07-01", site: site, unitPercentOfBaseSalary: unit, percentOf: share, genres: genres)
        }
        XCTAssertNil(table().problem, "a coefficient range may start at 0")
        XCTAssertNotNil(table([.init(code: "tin", name: "Tin", coefficient: .init(min: -1, max: 10))]).problem)
        XCTAssertNotNil(table([.init(code: "tin", name: "Tin", coefficient: .init(min: 0, max: 0))]).problem, "a range that pays nothing")
        XCTAssertNotNil(table([.init(code: "tin", name: "Tin", coefficient: .init(min: 5, max: 4))]).problem)
        XCTAssertNotNil(table([.init(code: "tin", name: "Tin", coefficient: .init(min: 0, max: .infinity))]).problem)
        XCTAssertNil(table([.init(code: "van-ban", name: "Văn bản", amount: .init(min: 20_000, max: 200_000))]).problem)
        XCTAssertNotNil(table([.init(code: "van-ban", name: "Văn bản", amount: .init(min: 0, max: 200_000))]).problem,
                        "a fixed amount is a payment: above 0")
        XCTAssertNotNil(table([.init(code: "tin", name: "Tin")]).problem, "no range")
        XCTAssertNotNil(table([.init(code: "tin", name: "Tin", coefficient: .init(min: 1, max: 2), amount: .init(min: 1, max: 2))]).problem)
        XCTAssertNotNil(table([tin, tin]).problem, "a genre twice")
        XCTAssertNotNil(table([]).problem)
        XCTAssertNotNil(table(unit: 0).problem)
        XCTAssertNotNil(table(unit: 101).problem)
        XCTAssertNil(table(unit: 10).problem)
        XCTAssertNil(table(share: .init(site: "cong-tinh", percent: 20)).problem)
        XCTAssertNil(table(share: .init(site: "cong-tinh", percent: 100)).problem)
        XCTAssertNotNil(table(share: .init(site: "cong-tinh", percent: 0)).problem)
        XCTAssertNotNil(table(share: .init(site: "cong-tinh", percent: 100.5)).problem)
        XCTAssertNotNil(table(share: .init(site: "cong-tinh", percent: .nan)).problem)
        XCTAssertNotNil(table(share: .init(site: "", percent: 20)).problem)
        XCTAssertNotNil(table(share: .init(site: "so-y-te", percent: 20)).problem, "a share of itself")
        var badDay = table()
        badDay.effectiveFrom = "2026-02-30"
        XCTAssertNotNil(badDay.problem)
    }

    func testPercentOfTravelsAsSnakeCase() throws {
        let share = RateTable(name: "B", basis: "QĐ", effectiveFrom: "2026-07-01", percentOf: .init(site: "cong-tinh", percent: 20),
                              genres: [.init(code: "tin", name: "Tin", coefficient: .init(min: 0, max: 10))])
        let json = String(decoding: try WireFormat.encoder().encode(share), as: UTF8.self)
        XCTAssertTrue(json.contains(#""percent_of":{"#), json)
        XCTAssertEqual(try WireFormat.decoder().decode(RateTable.self, from: Data(json.utf8)), share)
    }
}
