import Foundation
import HTTPTypes
import HummingbirdTesting
import NewsroomKit
@testable import PortalServer
import SQLKit
import VietText
import Testing

/// The royalty ledger in the store: entitlements born with the publication, split to the
/// đồng by the base salary of the publication's day, months closed for good, corrections by
/// adjustment lines. Every amount below is worked out by hand in its comment.
@Suite(.serialized)
struct RoyaltyLedgerTests: PortalTesting {
    /// 10:00 in Vietnam on `day` (`YYYY-MM-DD`).
    private func vietnam(_ day: String, hour: Int = 10) throws -> Date {
        try #require(VietnamDay(day)).start.addingTimeInterval(Double(hour) * 3600)
    }

    /// A new item on so-y-te by the sample's first contributor with a second one as co-author at
    /// `coShare` percent, approved with `grading` and published at `published`; its id and the two people.
    private func publish(_ store: Store, grading: Grading, coShare: Int, at published: Date)
        async throws -> (id: Int64, author: Int64, coAuthor: Int64) {
        let people = try await store.sql.raw("SELECT id FROM contributors ORDER BY id LIMIT 2").all().map { try $0.decode(column: "id", as: Int64.self) }
        let site = try await store.returning("SELECT id FROM sites WHERE code = 'so-y-te'").decode(column: "id", as: Int64.self)
        let id = try await store.transaction {
            try await store.insertSubmission(siteID: site, contributorID: people[0], title: "Tiêm chủng ở xã đảo", sapo: "", body: "Thân bài.",
                                             category: .news, language: "vi", status: .inReview, received: published.addingTimeInterval(-86_400),
                                             author: "test")
        }
        for request in [TransitionRequest(action: .approve, grading: grading, coAuthors: [CoAuthorShare(contributorId: people[1], share: coShare)]),
                        TransitionRequest(action: .publish)] {
            guard case .done = try await store.transition(id: id, expected: 1, request: request, actor: "bien-tap", scope: .everything,
                                                           idempotency: nil, now: published, answer: { _ in Data() }) else {
                Issue.record("\(request.action) refused")
                return (id, people[0], people[1])
            }
        }
        return (id, people[0], people[1])
    }

    @Test(arguments: Database.both)
    func publicationWritesEntitlementsByThatDaysBaseSalarySplitToTheDong(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            // 30 June 2024: base salary 1,800,000 đ, one unit 180,000 đ; 1.3 × 180,000 = 234,000 đ.
            // Co-author 33%: 234,000 × 33 / 100 = 77,220; the author 234,000 − 77,220 = 156,780.
            let june = try await publish(store, grading: Grading(genre: "tin", coefficient: 1.3), coShare: 33, at: try vietnam("2024-06-30"))
            // 1 July 2024: 2,340,000 đ, one unit 234,000 đ; 1.37 × 234,000 = 320,580 đ.
            // 33%: 320,580 × 33 / 100 = 105,791.4, so 105,791; the author keeps the rest, 320,580 − 105,791 = 214,789.
            let july = try await publish(store, grading: Grading(genre: "tin", coefficient: 1.37), coShare: 33, at: try vietnam("2024-07-01"))
            // 2 July 2026: 2,530,000 đ, one unit 253,000 đ; 1.1 × 253,000 = 278,300 đ; 17%: 47,311; the author 230,989.
            let later = try await publish(store, grading: Grading(genre: "tin", coefficient: 1.1), coShare: 17, at: try vietnam("2026-07-02"))

            let juneLines = try await store.entitlements(.init(submission: june.id))
            #expect(juneLines.map(\.contributorId) == [june.author, june.coAuthor], "the author first")
            #expect(juneLines.map(\.amount) == [156_780, 77_220])
            #expect(juneLines.map(\.sharePercent) == [67, 33])
            #expect(juneLines.map(\.baseSalary) == [1_800_000, 1_800_000])
            #expect(juneLines.map(\.unitValue) == [180_000, 180_000])
            #expect(juneLines.map(\.itemAmount) == [234_000, 234_000])
            #expect(juneLines.map(\.month) == ["2024-06", "2024-06"])
            #expect(juneLines[0].basis.contains("24/2023"), "\(juneLines[0].basis)")

            let julyLines = try await store.entitlements(.init(submission: july.id))
            #expect(julyLines.map(\.amount) == [214_789, 105_791])
            #expect(julyLines.map(\.baseSalary) == [2_340_000, 2_340_000])
            #expect(julyLines.map(\.month) == ["2024-07", "2024-07"])

            let laterLines = try await store.entitlements(.init(submission: later.id))
            #expect(laterLines.map(\.amount) == [230_989, 47_311])
            #expect(laterLines.map(\.unitValue) == [253_000, 253_000])
            #expect(laterLines[0].basis.contains("161/2026"), "\(laterLines[0].basis)")
        }
    }

    @Test(arguments: Database.both)
    func aClosedMonthNeverChangesAndACorrectionIsAnAdjustmentInTheNextBatch(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            // 2.0 × 180,000 = 360,000 đ in June 2024; co-author 25%: 90,000; the author 270,000.
            let item = try await publish(store, grading: Grading(genre: "tin", coefficient: 2), coShare: 25, at: try vietnam("2024-06-12"))
            let early = try await store.closeMonth("2024-06", site: "so-y-te", by: "ke-toan", now: try vietnam("2024-06-30", hour: 20))
            guard case .notOver = early else { Issue.record("a month closed before it ended: \(early)"); return }
            guard case .closed(let batch) = try await store.closeMonth("2024-06", site: "so-y-te", by: "ke-toan", now: try vietnam("2024-07-03"))
            else { Issue.record("June not closed"); return }
            #expect(batch.gross == 360_000)
            #expect(batch.lines == 2)
            guard case .alreadyClosed = try await store.closeMonth("2024-06", site: "so-y-te", by: "ke-toan", now: try vietnam("2024-07-04"))
            else { Issue.record("closed twice"); return }

            // The store refuses, whoever asks: no line of a closed batch changes or goes, no batch is unmade.
            let attempts: [SQLQueryString] = [
                "UPDATE entitlements SET amount = 1 WHERE batch_id = \(bind: batch.id)",
                "DELETE FROM entitlements WHERE batch_id = \(bind: batch.id)",
                "UPDATE entitlements SET batch_id = NULL WHERE batch_id = \(bind: batch.id)",
                """
                INSERT INTO entitlements (submission_id, contributor_id, site_code, genre, genre_name, share_percent, item_amount, amount,
                                          base_salary, unit_value, basis, published_at, month, batch_id, created_at)
                VALUES (\(bind: item.id), \(bind: item.author), 'so-y-te', 'tin', 'Tin', 100, 1, 1, 1, 1, '', 0, '2024-06', \(bind: batch.id), 0)
                """,
                "UPDATE royalty_batches SET month = '2024-05' WHERE id = \(bind: batch.id)",
                "DELETE FROM royalty_batches WHERE id = \(bind: batch.id)",
            ]
            for attempt in attempts {
                do {
                    try await store.transaction { try await store.sql.raw(attempt).run() }
                    Issue.record("the store let this through: \(attempt)")
                } catch {
                    #expect(String(reflecting: error).contains("closed royalty batch"), "\(String(reflecting: error))")
                }
            }
            guard case .paid(let paid) = try await store.markPaid(site: "so-y-te", month: "2024-06", reference: "UNC 118/2024", by: "ke-toan", now: try vietnam("2024-07-05"))
            else { Issue.record("not paid"); return }
            #expect(paid.paymentReference == "UNC 118/2024")
            #expect(paid.paidBy == "ke-toan")
            guard case .alreadyPaid = try await store.markPaid(site: "so-y-te", month: "2024-06", reference: "again", by: "ke-toan") else { Issue.record(); return }
            do {
                try await store.transaction { try await store.sql.raw("UPDATE royalty_batches SET payment_reference = 'x' WHERE id = \(bind: batch.id)").run() }
                Issue.record("a paid batch changed")
            } catch {
                #expect(String(reflecting: error).contains("closed royalty batch"), "\(String(reflecting: error))")
            }

            // The grading is corrected in July to 2.5: 2.5 × 180,000 (June's base salary, the publication's) = 450,000 đ;
            // 25%: 112,500; the author 337,500. June's lines stay; July takes them back (−270,000, −90,000) and pays anew.
            guard case .done(let lines) = try await store.regrade(submission: item.id, grading: Grading(genre: "tin", coefficient: 2.5),
                                                                  now: try vietnam("2024-07-10")) else { Issue.record("not regraded"); return }
            let june = lines.filter { $0.month == "2024-06" }, july = lines.filter { $0.month == "2024-07" }
            #expect(june.map(\.amount) == [270_000, 90_000], "what was paid stays")
            #expect(june.map(\.batchId) == [batch.id, batch.id])
            #expect(july.filter { $0.adjusts != nil }.map(\.amount).sorted() == [-270_000, -90_000])
            #expect(Set(july.compactMap(\.adjusts)) == Set(june.map(\.id)))
            #expect(july.filter { $0.adjusts == nil }.map(\.amount) == [337_500, 112_500])
            #expect(lines.reduce(0) { $0 + $1.amount } == 450_000, "in all, what the item now earns")
            // Corrected again before July closes: July's lines are written anew, June's taken back once only.
            guard case .done(let again) = try await store.regrade(submission: item.id, grading: Grading(genre: "tin", coefficient: 3),
                                                                  now: try vietnam("2024-07-11")) else { Issue.record(); return }
            // 3 × 180,000 = 540,000: 405,000 and 135,000.
            #expect(again.filter { $0.month == "2024-07" && $0.adjusts == nil }.map(\.amount) == [405_000, 135_000])
            #expect(again.filter { $0.adjusts != nil }.count == 2)
            #expect(again.reduce(0) { $0 + $1.amount } == 540_000)

            // July's payment list: each person once, what July owes them (the author −270,000 + 405,000 = 135,000;
            // the co-author −90,000 + 135,000 = 45,000), no tax below 2,000,000 đ.
            let list = try await store.paymentList(month: "2024-07", sites: ["so-y-te"], site: "so-y-te", paidOn: try #require(VietnamDay("2024-08-05")))
            #expect(Set(list.lines.map(\.payee.contributorId)) == [item.author, item.coAuthor])
            #expect(list.gross == 180_000)
            #expect(list.tax == 0)
            #expect(list.lines.first { $0.payee.contributorId == item.author }?.gross == 135_000)
            // Tổng hệ số: the author's 75% of 3 paid anew, less 75% of 2 taken back: 2.25 − 1.5 = 0.75 (not 3.75);
            // the co-author's 25%: 0.75 − 0.5 = 0.25. The item counts once, the take-back not at all.
            let author = try #require(list.lines.first { $0.payee.contributorId == item.author })
            #expect(abs(author.coefficientTotal - 0.75) <= 1e-9)
            #expect(author.items == 1)
            #expect(abs((list.lines.first { $0.payee.contributorId == item.coAuthor }?.coefficientTotal ?? 0) - (0.25)) <= 1e-9)
            // What July owes anew dates from the item's publication (12 June), and is unpaid: flagged by then.
            #expect(author.unpaidSince == (try vietnam("2024-06-12")))
            #expect(author.lateness(at: try vietnam("2024-08-11")) == .overdue)
        }
    }

    /// The payment list's sums come from the database (`GROUP BY`); the same list reckoned in
    /// Swift from every line (`PaymentList.Totals`) must be equal, line by line, on the sample's
    /// fourteen months, with a correction's take-backs among them, per site and across sites.
    @Test(arguments: Database.both)
    func theDatabasesTotalsEqualTheLinesSummedInSwift(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            let now = Date()
            let open = Store.royaltyMonth(of: now)
            // A correction of an item paid long ago: take-backs and new lines in this month.
            let paid = try await store.entitlements(.init()).first { $0.paidAt != nil && $0.coefficient != nil }
            let old = try #require(paid)
            guard case .done = try await store.regrade(submission: old.submissionId, grading: Grading(genre: old.genre, coefficient: 0.5), now: now)
            else { Issue.record("not regraded"); return }
            let all = try await store.entitlements(.init())
            #expect(all.contains { $0.adjusts != nil && $0.month == open }, "a take-back to sum")
            let paidOn = try #require(VietnamDay("2026-08-10"))
            let months = Set(all.map(\.month)), sites = Set(all.map(\.siteCode))
            let payees = try await store.payees(Set(all.map(\.contributorId)))
            var compared = 0
            for month in months.sorted() {
                for chosen in sites.sorted().map({ Set([$0]) }) + [sites] {
                    let fromDatabase = try await store.paymentList(month: month, sites: chosen, site: nil, paidOn: paidOn)
                    let lines = all.filter { $0.month == month && chosen.contains($0.siteCode) }
                    let inSwift = PaymentList.make(month: month, site: nil, paidOn: paidOn, entitlements: lines, payees: payees)
                    #expect(fromDatabase.lines.map(\.payee.contributorId) == inSwift.lines.map(\.payee.contributorId), "\(month)")
                    for (a, b) in zip(fromDatabase.lines, inSwift.lines) {
                        #expect((a.items, Int(a.gross), Int(a.tax), Int(a.net)) == (b.items, Int(b.gross), Int(b.tax), Int(b.net)), "\(month) \(chosen)")
                        #expect(abs(a.coefficientTotal - b.coefficientTotal) <= 1e-6, "\(month) \(chosen)")
                        #expect(a.unpaidSince == b.unpaidSince, "\(month) \(chosen)")
                        compared += 1
                    }
                    #expect((fromDatabase.gross, fromDatabase.tax, fromDatabase.net) == (inSwift.gross, inSwift.tax, inSwift.net))
                }
            }
            #expect(compared > 100, "the sample pays many people")
        }
    }

    /// A second close, or a second payment, is refused with the batch in the answer's body, so
    /// a client retrying learns what is there without asking again; the activity report is a file too.
    @Test(arguments: Database.both)
    func aRefusedCloseOrPaymentCarriesItsBatchAndTheActivityReportIsASpreadsheet(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let accountant = try await store.addUser(name: "ke-toan", displayName: "Kế toán", grants: [Grant(role: .accountant, site: "so-y-te")])
            let month = #"{"site":"so-y-te","month":"2024-03"}"#
            let closed = try await send(client, .post, "/api/v1/royalties/batches", token: accountant, body: Data(month.utf8))
            #expect(closed.status == .created, "\(String(decoding: closed.body, as: UTF8.self))")
            let batch = try WireFormat.decoder().decode(RoyaltyBatch.self, from: closed.body)
            let again = try await send(client, .post, "/api/v1/royalties/batches", token: accountant, body: Data(month.utf8))
            #expect(again.status == .conflict)
            let refusal = try WireFormat.decoder().decode(APIErrorBody.self, from: again.body)
            #expect(refusal.error.code == "illegal_transition")
            #expect(refusal.batch == batch)

            let payment = #"{"site":"so-y-te","month":"2024-03","reference":"UNC 7/2024"}"#
            let paid = try await send(client, .post, "/api/v1/royalties/payments", token: accountant, body: Data(payment.utf8))
            #expect(paid.status == .ok, "\(String(decoding: paid.body, as: UTF8.self))")
            let paidBatch = try WireFormat.decoder().decode(RoyaltyBatch.self, from: paid.body)
            #expect(paidBatch.paymentReference == "UNC 7/2024")
            let storedBatch = try await store.batch(site: "so-y-te", month: "2024-03")
            // Both through the wire, as a client sees them: what the payment answered is what the store keeps.
            let stored = try WireFormat.decoder().decode(RoyaltyBatch.self, from: WireFormat.encoder().encode(try #require(storedBatch)))
            #expect(stored == paidBatch)
            let paidAgain = try await send(client, .post, "/api/v1/royalties/payments", token: accountant,
                                           body: Data(#"{"site":"so-y-te","month":"2024-03","reference":"other"}"#.utf8))
            #expect(paidAgain.status == .conflict)
            #expect(try WireFormat.decoder().decode(APIErrorBody.self, from: paidAgain.body).batch == paidBatch)
            let notClosed = try await send(client, .post, "/api/v1/royalties/payments", token: accountant,
                                           body: Data(#"{"site":"so-y-te","month":"2024-02","reference":"x"}"#.utf8))
            #expect(notClosed.status == .conflict)
            #expect(try WireFormat.decoder().decode(APIErrorBody.self, from: notClosed.body).batch == nil, "no batch to carry")

            let report = "/api/v1/reports/activity?from=2024-01-01&to=2024-12-31"
            let xlsx = try await send(client, .get, report + "&format=xlsx", token: accountant)
            #expect(xlsx.status == .ok)
            #expect(Array(xlsx.body.prefix(2)) == Array("PK".utf8), "an Office Open XML zip")
            #expect(xlsx.headers[.contentDisposition] == "attachment; filename=\"bao-cao-hoat-dong-2024-01-01-2024-12-31.xlsx\"")
            let csv = try await send(client, .get, report + "&format=csv", token: accountant)
            #expect(String(decoding: csv.body, as: UTF8.self).hasPrefix("\u{FEFF}Chuyên trang,Tin,Bài"))
            let odd = try await send(client, .get, report + "&format=ods", token: accountant)
            #expect(odd.status == .badRequest)
        }
    }

    /// The payment list and statements as files to save, and who may have them: the ledger's
    /// keepers; a contributor their own statement; never an editor (the list holds bank accounts).
    @Test(arguments: Database.both)
    func paymentListsAndStatementsDownloadOnlyToThoseWhoMaySeeThem(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            // 1.5 × 234,000 = 351,000 đ in July 2024; co-author 20%: 70,200; the author 280,800.
            let item = try await publish(store, grading: Grading(genre: "tin", coefficient: 1.5), coShare: 20, at: try vietnam("2024-07-09"))
            let accountant = try await store.addUser(name: "ke-toan", displayName: "Kế toán", grants: [Grant(role: .accountant, site: "so-y-te")])
            let editor = try await store.addUser(name: "bien-tap-2", displayName: "Biên tập", grants: [Grant(role: .editor, site: "so-y-te")])
            let writer = try await store.addUser(name: "ctv", displayName: "Tác giả", grants: [Grant(role: .contributor, site: "so-y-te")])
            let user = try await store.userID(named: "ctv")
            try await store.transaction {
                try await store.sql.raw("UPDATE contributors SET user_id = \(bind: user) WHERE id = \(bind: item.coAuthor)").run()
            }
            let query = "site=so-y-te&month=2024-07&paid_on=2024-08-05"
            let (list, _) = try await get(client, "/api/v1/royalties/payment-list?\(query)", token: accountant, as: PaymentList.self)
            #expect(list.gross == 351_000)
            #expect(Set(list.lines.map(\.gross)) == [280_800, 70_200])
            let csv = try await send(client, .get, "/api/v1/royalties/payment-list?\(query)&format=csv", token: accountant)
            #expect(csv.status == .ok)
            #expect(Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF], "a BOM, so Excel reads UTF-8")
            #expect(String(decoding: csv.body, as: UTF8.self).contains("351000"))
            #expect(csv.headers[.contentDisposition]?.contains(".csv") ?? false)
            let xlsx = try await send(client, .get, "/api/v1/royalties/payment-list?\(query)&format=xlsx", token: accountant)
            #expect(xlsx.status == .ok)
            #expect(Array(xlsx.body.prefix(2)) == Array("PK".utf8), "an Office Open XML zip")
            let odd = try await send(client, .get, "/api/v1/royalties/payment-list?\(query)&format=pdf", token: accountant)
            #expect(odd.status == .badRequest)

            for token in [editor, writer] {
                let refused = try await send(client, .get, "/api/v1/royalties/payment-list?\(query)", token: token)
                #expect(refused.status == .forbidden)
            }
            let (own, _) = try await get(client, "/api/v1/royalties/statement?\(query)&contributor=\(item.coAuthor)", token: writer,
                                         as: RoyaltyStatement.self)
            #expect(own.line.gross == 70_200)
            #expect(own.entitlements.map(\.amount) == [70_200])
            let others = try await send(client, .get, "/api/v1/royalties/statement?\(query)&contributor=\(item.author)", token: writer)
            #expect(others.status == .forbidden, "another's statement is not a contributor's to read")
            let (mine, _) = try await get(client, "/api/v1/royalties/entitlements?site=so-y-te&month=2024-07", token: writer,
                                          as: [RoyaltyEntitlement].self)
            #expect(mine.map(\.contributorId) == [item.coAuthor], "a contributor's own lines only")
            let statement = try await send(client, .get, "/api/v1/royalties/statement?\(query)&contributor=\(item.author)&format=xlsx",
                                           token: accountant)
            #expect(Array(statement.body.prefix(2)) == Array("PK".utf8))

            // Unpaid 45 days after publication (9 July) it is due; after 60, overdue (Điều 4.10).
            let line = try #require(mine.first)
            #expect(line.lateness(at: try vietnam("2024-08-22")) == nil)
            #expect(line.lateness(at: try vietnam("2024-08-23")) == .due)
            #expect(line.lateness(at: try vietnam("2024-09-07")) == .overdue)

            // Payment details: kept by the ledger's keepers, checked, and a contributor's own only.
            var details = Payee(contributorId: item.coAuthor, fullName: "ignored", unit: "Trung tâm Y tế huyện", idNumber: "04519300123",
                                taxCode: "8012345678", bankAccount: "0071000123456", bank: "Vietcombank", kind: .outside)
            let short = try await send(client, .put, "/api/v1/royalties/payees?site=so-y-te", token: accountant, body: json(details))
            #expect(short.status == .badRequest, "a CCCD has 12 digits")
            details.idNumber = "045193001234"
            let saved = try await send(client, .put, "/api/v1/royalties/payees?site=so-y-te", token: accountant, body: json(details))
            #expect(saved.status == .ok, "\(String(decoding: saved.body, as: UTF8.self))")
            let payee = try WireFormat.decoder().decode(Payee.self, from: saved.body)
            #expect(payee.bankAccount == "0071000123456")
            #expect(payee.fullName != "ignored", "names stay the contributor record's")
            let byEditor = try await send(client, .put, "/api/v1/royalties/payees?site=so-y-te", token: editor, body: json(details))
            #expect(byEditor.status == .forbidden)
            let readByEditor = try await send(client, .get, "/api/v1/royalties/payees?site=so-y-te", token: editor)
            #expect(readByEditor.status == .forbidden, "an editor never reads bank accounts")
            let (ownDetails, _) = try await get(client, "/api/v1/royalties/payees?site=so-y-te", token: writer, as: [Payee].self)
            #expect(ownDetails.map(\.contributorId) == [item.coAuthor])
            let (everyone, _) = try await get(client, "/api/v1/royalties/payees?site=so-y-te", token: accountant, as: [Payee].self)
            #expect(everyone.count > 2 && everyone.contains { $0.contributorId == item.author })

            // A budget: set by an admin, read by the accountant with what 2024 used (351,000 đ) and what is left.
            let admin = try await store.addUser(name: "quan-tri", displayName: "Quản trị", grants: [Grant(role: .admin, site: nil)])
            let set = try await send(client, .put, "/api/v1/royalties/budget", token: admin,
                                     body: Data(#"{"site":"so-y-te","year":2024,"amount":1000000}"#.utf8))
            #expect(set.status == .ok, "\(String(decoding: set.body, as: UTF8.self))")
            let notAdmin = try await send(client, .put, "/api/v1/royalties/budget", token: accountant,
                                          body: Data(#"{"site":"so-y-te","year":2024,"amount":5}"#.utf8))
            #expect(notAdmin.status == .forbidden)
            let (budget, _) = try await get(client, "/api/v1/royalties/budget?site=so-y-te&year=2024", token: accountant, as: RoyaltyBudget.self)
            #expect(budget.amount == 1_000_000)
            #expect(budget.used == 351_000)
            #expect(budget.left == 649_000)

            // The grading corrected through the API: 2 × 234,000 = 468,000 đ; 20%: 93,600; the author 374,400.
            let regraded = try await send(client, .put, "/api/v1/submissions/\(item.id)/grading", token: editor,
                                          body: json(Grading(genre: "tin", coefficient: 2)))
            #expect(regraded.status == .ok, "\(String(decoding: regraded.body, as: UTF8.self))")
            let (corrected, _) = try await get(client, "/api/v1/royalties/entitlements?site=so-y-te&month=2024-07", token: accountant,
                                               as: [RoyaltyEntitlement].self)
            #expect(corrected.filter { $0.submissionId == item.id }.map(\.amount) == [374_400, 93_600])
            let outOfRange = try await send(client, .put, "/api/v1/submissions/\(item.id)/grading", token: editor,
                                            body: json(Grading(genre: "tin", coefficient: 11)))
            #expect(outOfRange.status == .badRequest, "the decree's maximum for tin is 10")
            let byAccountant = try await send(client, .put, "/api/v1/submissions/\(item.id)/grading", token: accountant,
                                              body: json(Grading(genre: "tin", coefficient: 3)))
            #expect(byAccountant.status == .forbidden, "editors grade")
            let waiting = try await store.submissions(.init(statuses: [.approved], site: "so-y-te", limit: 1)).items[0]
            let unpublished = try await send(client, .put, "/api/v1/submissions/\(waiting.id)/grading", token: editor,
                                             body: json(Grading(genre: "tin", coefficient: 2)))
            #expect(unpublished.status == .conflict)
        }
    }
}
