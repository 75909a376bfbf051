import Foundation
import NewsroomKit
@testable import PortalServer
import Testing

/// What a new user of the royalty desk finds in a freshly seeded portal: fourteen months of
/// entitlements, the older months closed and paid, and every contributor's payment details.
@Suite(.serialized)
struct SampleRoyaltiesTests: PortalTesting {
    /// 2026-12-05 10:00 in Vietnam: the sample spans 2025-11 to 2026-12.
    private let now = Date(timeIntervalSince1970: 1_796_439_600)

    private func month(_ back: Int) throws -> String {
        String(try #require(SampleCorpus.monthStart(back, before: now)).text.prefix(7))
    }

    @Test(arguments: Database.both)
    func aFreshSampleHoldsOpenClosedAndPaidMonthsForEveryContributor(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { db in
            let store = try await db.seededStore(now: now)
            do {
                #expect(try month(0) == "2026-12")
                let all = try await store.entitlements(.init())
                let months = Set(all.map(\.month))
                for back in 0..<SampleCorpus.royaltyMonths {
                    let expected = try month(back)
                    #expect(months.contains(expected), "entitlements in \(expected)")
                }
                #expect(all.allSatisfy { $0.amount > 0 && $0.adjusts == nil })
                // Reckoned by the store on each line's own publication day: both base salaries of 2026 are in the ledger.
                #expect(Set(all.filter { $0.month == "2026-06" }.map(\.baseSalary)) == [2_340_000])
                #expect(Set(all.filter { $0.month == "2026-07" }.map(\.baseSalary)) == [2_530_000])
                #expect(all.contains { $0.sharePercent < 100 }, "co-authors share some items")
                #expect(all.contains { $0.genre == "anh" }, "photographers are paid")

                // Four months back: closed and paid, and its payment list adds up.
                let paidMonth = try month(4)
                let paidLines = all.filter { $0.month == paidMonth }
                let paidSites = Set(paidLines.map(\.siteCode))
                #expect(!paidSites.isEmpty)
                for site in paidSites {
                    let found = try await store.batch(site: site, month: paidMonth)
                    let batch = try #require(found, "\(site)")
                    #expect(batch.paidAt != nil, "\(site)")
                    #expect(batch.paymentReference?.hasPrefix("UNC ") ?? false, "\(batch.paymentReference ?? "none")")
                    #expect(batch.lines == paidLines.filter { $0.siteCode == site }.count)
                }
                let list = try await store.paymentList(month: paidMonth, sites: paidSites, site: nil, paidOn: try #require(VietnamDay("2026-09-20")))
                #expect(!list.lines.isEmpty)
                #expect(list.lines.map(\.gross).reduce(0, +) == list.gross)
                #expect(list.lines.map(\.tax).reduce(0, +) == list.tax)
                #expect(list.lines.map(\.net).reduce(0, +) == list.net)
                #expect(list.gross == paidLines.map(\.amount).reduce(0, +))
                #expect(list.gross - list.tax == list.net)

                // Three months back: closed, not paid; last month and this one: open.
                let closedMonth = try month(3)
                for site in Set(all.filter { $0.month == closedMonth }.map(\.siteCode)) {
                    let found = try await store.batch(site: site, month: closedMonth)
                    let batch = try #require(found, "\(site)")
                    #expect(batch.paidAt == nil, "\(site)")
                }
                for back in 0...2 {
                    let openMonth = try month(back)
                    let open = all.filter { $0.month == openMonth }
                    #expect(!open.isEmpty)
                    #expect(open.allSatisfy { $0.batchId == nil }, "\(openMonth) is open")
                }
                #expect(all.filter { $0.month <= closedMonth }.allSatisfy { $0.batchId != nil })

                // Every contributor, paid or not, has payment details an accountant can use.
                let ids = try await store.sql.raw("SELECT id FROM contributors").all().map { try $0.decode(column: "id", as: Int64.self) }
                let payees = try await store.payees(Set(ids))
                #expect(payees.count == SampleCorpus.contributors().count)
                for payee in payees.values {
                    #expect(payee.idNumber.count == 12, "\(payee.fullName)")
                    #expect(payee.idNumber.allSatisfy(\.isNumber) && payee.taxCode.allSatisfy(\.isNumber), "\(payee.fullName)")
                    #expect(payee.taxCode.count == 10, "\(payee.fullName)")
                    #expect(!(payee.unit.isEmpty || payee.bank.isEmpty || payee.bankAccount.isEmpty), "\(payee.fullName)")
                }
                #expect(Set(payees.values.map(\.kind)) == [.staff, .outside])
                #expect(payees.values.contains { $0.commitmentSuspendsWithholding(on: VietnamDay(containing: self.now)) })
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
        }
    }
}
