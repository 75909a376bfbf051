import Foundation
import HTTPTypes
import HummingbirdTesting
import NewsroomKit
@testable import PortalServer
import Testing

/// Royalty rate tables as data, and approvals graded against the one in force.
@Suite(.serialized)
struct RateTableTests: PortalTesting {
    @Test func theShippedDefaultIsTheDocumentedOneAndUsable() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Docs/rate-tables/nd18-2014.json")
        let documented = try WireFormat.decoder().decode(RateTable.self, from: Data(contentsOf: docs))
        #expect(documented == DefaultRateTable.table)
        #expect(documented.problem == nil)
        #expect(documented.unitPercentOfBaseSalary == 10)
        #expect(documented.problem(with: Grading(genre: "tin", coefficient: 1.5)) == nil)
        #expect(documented.problem(with: Grading(genre: "tin", coefficient: 11)) != nil)
        #expect(documented.problem(with: Grading(genre: "tin", amount: 100_000)) != nil, "a coefficient genre takes no amount")
        #expect(documented.problem(with: Grading(genre: "tho", coefficient: 2)) != nil)
        #expect(documented.baseSalary == nil, "the dated base-salary table decides")
        var broken = documented
        broken.genres.append(broken.genres[0])
        #expect(broken.problem != nil, "a genre twice")
        broken = documented
        broken.effectiveFrom = "1/6/2014"
        #expect(broken.problem != nil)
        broken = documented
        broken.genres[0].amount = .init(min: 1, max: 2)
        #expect(broken.problem != nil, "both a coefficient and an amount")
        #expect(VietnamDay(containing: Date(timeIntervalSince1970: 1_767_200_400)).text == "2026-01-01", "17:00 UTC is the next day in Vietnam")
        #expect(VietnamDay("2026-04-31") == nil)
        #expect(VietnamDay("2026-4-1") == nil)
        #expect(VietnamDay("2024-02-29")?.adding(years: -1).text == "2023-02-28")
        #expect(VietnamDay("2025-12-31")?.adding(days: 1).text == "2026-01-01")
    }

    @Test(arguments: Database.both)
    func approvalsAreGradedAgainstTheTableInForceForTheSite(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let editor = try await store.addUser(name: "bien-tap", displayName: "Biên tập", grants: [Grant(role: .editor, site: nil)])
            let siteAdmin = try await store.addUser(name: "qtv-so-y-te", displayName: "QTV", grants: [Grant(role: .admin, site: "so-y-te")])
            let items = try await store.submissions(.init(statuses: [.submitted], limit: 200)).items
            let health = try #require(items.first { $0.site.code == "so-y-te" })
            let other = try #require(items.first { $0.site.code != "so-y-te" })

            let (active, _) = try await get(client, APIPath.activeRateTable + "?site=so-y-te", token: editor, as: RateTable.self)
            #expect(active == DefaultRateTable.table, "a new portal starts with the default")
            let (none, _) = try await get(client, APIPath.activeRateTable + "?site=so-y-te&at=2010-01-01T00:00:00Z", token: editor,
                                          as: APIErrorBody.self, status: .notFound)
            #expect(none.error.code == "not_found")

            func approve(_ id: Int64, _ grading: Grading) async throws -> (status: HTTPResponse.Status, body: Data, headers: HTTPFields) {
                _ = try await send(client, .post, APIPath.transitions(id), token: editor, headers: [.ifMatch: "\"r1\""],
                                   body: json(TransitionRequest(action: .claim)))
                return try await send(client, .post, APIPath.transitions(id), token: editor, headers: [.ifMatch: "\"r1\""],
                                      body: json(TransitionRequest(action: .approve, grading: grading)))
            }
            for (grading, detail) in [(Grading(genre: "tho", coefficient: 2), "genre 'tho'"), (Grading(genre: "tin", coefficient: 12), "at most 10.0"),
                                      (Grading(genre: "tin", amount: 200_000), "coefficient")] {
                let refused = try await approve(health.id, grading)
                #expect(refused.status == .badRequest)
                let error = try WireFormat.decoder().decode(APIErrorBody.self, from: refused.body)
                #expect(error.error.code == "invalid_field")
                #expect(error.error.messageEn.contains(detail), "\(error.error.messageEn)")
            }

            // The site's own table, from today: its genres now, the default elsewhere.
            let own = RateTable(name: "Quyết định của Sở Y tế", basis: "QĐ 12/2026", effectiveFrom: VietnamDay(containing: Date()).text, site: "so-y-te",
                                genres: [.init(code: "tin-y-te", name: "Tin y tế", amount: .init(min: 100_000, max: 300_000))])
            let forbidden = try await send(client, .post, APIPath.rateTables, token: editor, body: json(own))
            #expect(forbidden.status == .forbidden)
            var everywhere = own
            everywhere.site = nil
            let notTheirs = try await send(client, .post, APIPath.rateTables, token: siteAdmin, body: json(everywhere))
            #expect(notTheirs.status == .forbidden, "a site's admin sets only their site's table")
            var invalid = own
            invalid.genres = []
            let bad = try await send(client, .post, APIPath.rateTables, token: siteAdmin, body: json(invalid))
            #expect(errorCode(bad.body) == "invalid_field")
            let key: [HTTPField.Name: String] = [HTTPField.Name("Idempotency-Key")!: "bang-so-y-te"]
            let added = try await send(client, .post, APIPath.rateTables, token: siteAdmin, headers: key, body: json(own))
            #expect(added.status == .created, "\(String(decoding: added.body, as: UTF8.self))")
            let retried = try await send(client, .post, APIPath.rateTables, token: siteAdmin, headers: key, body: json(own))
            #expect(retried.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            let tables = try await store.rateTables()
            #expect(tables.filter { $0.site == "so-y-te" }.count == 1, "a retried table is stored once")
            var future = own
            future.effectiveFrom = "2099-01-01"
            future.genres[0].code = "sau-nay"
            _ = try await send(client, .post, APIPath.rateTables, token: siteAdmin, body: json(future))

            let (now, _) = try await get(client, APIPath.activeRateTable + "?site=so-y-te", token: editor, as: RateTable.self)
            #expect(now.genres.map(\.code) == ["tin-y-te"], "not yet the one from 2099")
            let (later, _) = try await get(client, APIPath.activeRateTable + "?site=so-y-te&at=2099-06-01T00:00:00Z", token: editor, as: RateTable.self)
            #expect(later.genres.map(\.code) == ["sau-nay"])
            let (elsewhere, _) = try await get(client, APIPath.activeRateTable + "?site=\(other.site.code)", token: editor, as: RateTable.self)
            #expect(elsewhere == DefaultRateTable.table)

            let byCoefficient = try await approve(health.id, Grading(genre: "tin-y-te", coefficient: 2))
            #expect(byCoefficient.status == .badRequest)
            #expect(String(decoding: byCoefficient.body, as: UTF8.self).contains("fixed amount"), "\(String(decoding: byCoefficient.body, as: UTF8.self))")
            let approved = try await approve(health.id, Grading(genre: "tin-y-te", amount: 150_000))
            #expect(approved.status == .ok, "\(String(decoding: approved.body, as: UTF8.self))")
            let defaultGenre = try await approve(other.id, Grading(genre: "tin", coefficient: 2))
            #expect(defaultGenre.status == .ok)
        }
    }
}
