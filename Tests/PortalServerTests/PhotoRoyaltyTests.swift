import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NewsroomKit
@testable import PortalServer
import SQLKit
import VietText
import Testing

/// Photos paid to their credited photographers: each credited photo graded at approval
/// earns its photographer a line of its own at publication, by the same day's table and base
/// salary as its article. Every amount below is worked out by hand in its comment.
@Suite(.serialized)
struct PhotoRoyaltyTests: PortalTesting {
    /// 10:00 in Vietnam on `day` (`YYYY-MM-DD`).
    private func vietnam(_ day: String, hour: Int = 10) throws -> Date {
        try #require(VietnamDay(day)).start.addingTimeInterval(Double(hour) * 3600)
    }

    /// The sample's first three contributors: the author, a co-author, a photographer.
    private func people(_ store: Store) async throws -> [Int64] {
        try await store.sql.raw("SELECT id FROM contributors ORDER BY id LIMIT 3").all().map { try $0.decode(column: "id", as: Int64.self) }
    }

    /// A new item in review on `site` by `author`, with one photo per entry of `credits` (the
    /// contributor its credit names, or nil); its id.
    private func item(_ store: Store, site: String = "so-y-te", author: Int64, credits: [Int64?], at published: Date) async throws -> Int64 {
        let siteID = try await store.returning("SELECT id FROM sites WHERE code = \(bind: site)").decode(column: "id", as: Int64.self)
        return try await store.transaction {
            let id = try await store.insertSubmission(siteID: siteID, contributorID: author, title: "Mùa tỏi Lý Sơn", sapo: "", body: "Thân bài.",
                                                      category: .photoStory, language: "vi", status: .inReview,
                                                      received: published.addingTimeInterval(-86_400), author: "test")
            for (index, credit) in credits.enumerated() {
                try await store.sql.raw("""
                    INSERT INTO attachments (submission_id, number, filename, content_type, size, sha256, caption, credit, credit_contributor_id, data)
                    VALUES (\(bind: id), \(bind: index + 1), \(bind: "anh-\(index + 1).png"), 'image/png', 4, 'x',
                            \(bind: "Ruộng tỏi \(index + 1)"), 'Ảnh: Hải', \(bind: credit), \(bind: ByteBuffer(bytes: [0x89, 0x50, 0x4E, 0x47])))
                    """).run()
            }
            return id
        }
    }

    /// Approves `id` with `grading` and `photos`, then publishes it at `published`.
    private func approveAndPublish(_ store: Store, _ id: Int64, grading: Grading, photos: [PhotoGrading], coAuthors: [CoAuthorShare]? = nil,
                                   at published: Date) async throws {
        for request in [TransitionRequest(action: .approve, grading: grading, coAuthors: coAuthors, photos: photos),
                        TransitionRequest(action: .publish)] {
            let outcome = try await store.transition(id: id, expected: 1, request: request, actor: "bien-tap", scope: .everything,
                                                     idempotency: nil, now: published, answer: { _ in Data() })
            guard case .done = outcome else { Issue.record("\(request.action) refused: \(outcome)"); return }
        }
    }

    @Test(arguments: Database.both)
    func aCreditedGradedPhotoPaysItsPhotographerByThatDaysBaseSalary(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            let p = try await people(store)
            // 30 June 2024: one unit 180,000 đ. The article, tin 2: 360,000 đ, co-author 25%: 90,000, the author 270,000.
            // Photo 1, Ảnh 1.5, credited: 1.5 × 180,000 = 270,000 đ, all its photographer's. Photo 2 credits no one: nothing.
            let june = try await item(store, author: p[0], credits: [p[2], nil], at: try vietnam("2024-06-30"))
            try await approveAndPublish(store, june, grading: Grading(genre: "tin", coefficient: 2),
                                        photos: [PhotoGrading(number: 1, grading: Grading(genre: "anh", coefficient: 1.5)),
                                                 PhotoGrading(number: 2, grading: Grading(genre: "anh", coefficient: 3))],
                                        coAuthors: [CoAuthorShare(contributorId: p[1], share: 25)], at: try vietnam("2024-06-30"))
            let lines = try await store.entitlements(.init(submission: june))
            #expect(lines.map(\.contributorId) == [p[0], p[1], p[2]], "the article's people, then the photo's")
            #expect(lines.map(\.amount) == [270_000, 90_000, 270_000])
            let photo = try #require(lines.last)
            #expect(photo.photo == 1)
            #expect(photo.photoCaption == "Ruộng tỏi 1")
            #expect(photo.itemTitle == "Mùa tỏi Lý Sơn — Ảnh: Ruộng tỏi 1")
            #expect(photo.sharePercent == 100)
            #expect(photo.genre == "anh")
            #expect(photo.baseSalary == 1_800_000)
            #expect(photo.unitValue == 180_000)
            #expect(photo.month == "2024-06")
            #expect(photo.basis.contains("24/2023"), "\(photo.basis)")
            #expect(lines.allSatisfy { $0.photo != 2 }, "a photo without a credited contributor writes nothing")

            // 1 July 2024: one unit 234,000 đ; the same 1.5 earns 351,000 đ. The photographer is the author
            // here: two items on their line of the list (the article and the photo).
            let july = try await item(store, author: p[2], credits: [p[2]], at: try vietnam("2024-07-01"))
            try await approveAndPublish(store, july, grading: Grading(genre: "tin", coefficient: 1),
                                        photos: [PhotoGrading(number: 1, grading: Grading(genre: "anh", coefficient: 1.5))],
                                        at: try vietnam("2024-07-01"))
            // The article: 1 × 234,000 = 234,000, the author's alone.
            let julyLines = try await store.entitlements(.init(submission: july))
            #expect(julyLines.map(\.amount) == [234_000, 351_000])
            let list = try await store.paymentList(month: "2024-07", sites: ["so-y-te"], site: "so-y-te",
                                                   paidOn: try #require(VietnamDay("2024-08-05")), contributors: [p[2]])
            let line = try #require(list.lines.first)
            #expect(line.gross == 585_000)
            #expect(line.items == 2, "Số tin/bài/ảnh counts the photo")
            #expect(abs(line.coefficientTotal - 2.5) <= 1e-9)
            let swift = PaymentList.Totals(try await store.entitlements(.init(month: "2024-07", contributors: [p[2]])))
            #expect(swift.items == 2, "the database and PaymentList.Totals count alike")

            // The approval as the item keeps it: the photo's grading and its photographer.
            let found = try await store.submission(id: july, scope: .everything)
            let kept = try #require(found)
            #expect(kept.attachments.first?.grading == Grading(genre: "anh", coefficient: 1.5))
            #expect(kept.attachments.first?.creditContributor?.id == p[2])
        }
    }

    @Test(arguments: Database.both)
    func aComponentSitesPointTablePaysAPhotoTwentyPercent(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            let p = try await people(store)
            // A province's point table with a photo row (0.5 to 1 point), and its component sites at 20% of it.
            let genres = [RateTable.Genre(code: "tin", name: "Tin", coefficient: .init(min: 1, max: 1)),
                          RateTable.Genre(code: "anh", name: "Ảnh", coefficient: .init(min: 0.5, max: 1))]
            try await store.addRateTable(RateTable(name: "Bảng điểm tỉnh", basis: "QĐ thử", effectiveFrom: "2020-06-01", site: "cong-tinh",
                                                   genres: genres))
            try await store.addRateTable(RateTable(name: "Trang thành phần", basis: "QĐ 2157 thử", effectiveFrom: "2020-06-01", site: "so-y-te",
                                                   percentOf: .init(site: "cong-tinh", percent: 20), genres: genres))
            // 15 July 2026: one unit 253,000 đ. The photo, 0.7 point: 0.7 × 253,000 = 177,100, of which 20%: 35,420 đ.
            let id = try await item(store, author: p[0], credits: [p[2]], at: try vietnam("2026-07-15"))
            try await approveAndPublish(store, id, grading: Grading(genre: "tin", coefficient: 1),
                                        photos: [PhotoGrading(number: 1, grading: Grading(genre: "anh", coefficient: 0.7))],
                                        at: try vietnam("2026-07-15"))
            // The article: 1 × 253,000 × 20% = 50,600 đ.
            let lines = try await store.entitlements(.init(submission: id))
            #expect(lines.map(\.amount) == [50_600, 35_420])
            #expect(lines.map(\.contributorId) == [p[0], p[2]])
            #expect(lines[1].basis.contains("Trang thành phần"), "\(lines[1].basis)")
        }
    }

    @Test(arguments: Database.both)
    func regradingAPhotoAfterItsMonthClosedTakesItsLineBackInTheNextBatch(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            let p = try await people(store)
            // June 2024: the photo, Ảnh 2: 360,000 đ; the article, tin 1: 180,000 đ.
            let id = try await item(store, author: p[0], credits: [p[2]], at: try vietnam("2024-06-12"))
            try await approveAndPublish(store, id, grading: Grading(genre: "tin", coefficient: 1),
                                        photos: [PhotoGrading(number: 1, grading: Grading(genre: "anh", coefficient: 2))],
                                        at: try vietnam("2024-06-12"))
            guard case .closed = try await store.closeMonth("2024-06", site: "so-y-te", by: "ke-toan", now: try vietnam("2024-07-03")) else {
                Issue.record("June not closed"); return
            }
            // Regraded in July to 3: 3 × 180,000 (June's unit, the publication's) = 540,000 đ. June's 360,000 stays;
            // July takes it back (−360,000) and pays 540,000. The article's line is not touched.
            guard case .done(let lines) = try await store.regrade(submission: id, grading: Grading(genre: "anh", coefficient: 3), photo: 1,
                                                                  now: try vietnam("2024-07-10")) else { Issue.record("not regraded"); return }
            #expect(lines.filter { $0.photo == nil }.map(\.amount) == [180_000], "the article's line stays as it was")
            let photo = lines.filter { $0.photo == 1 }
            #expect(photo.filter { $0.month == "2024-06" }.map(\.amount) == [360_000])
            #expect(photo.filter { $0.month == "2024-07" && $0.adjusts != nil }.map(\.amount) == [-360_000])
            #expect(photo.filter { $0.month == "2024-07" && $0.adjusts == nil }.map(\.amount) == [540_000])
            #expect(photo.allSatisfy { $0.contributorId == p[2] })
            // Regraded again before July closes: July's line written anew, June's taken back once only. 2.5 × 180,000 = 450,000.
            guard case .done(let again) = try await store.regrade(submission: id, grading: Grading(genre: "anh", coefficient: 2.5), photo: 1,
                                                                  now: try vietnam("2024-07-11")) else { Issue.record(); return }
            #expect(again.filter { $0.photo == 1 }.reduce(0) { $0 + $1.amount } == 450_000)
            #expect(again.filter { $0.adjusts != nil }.count == 1)
            // The article regraded leaves the photo's lines alone: 1.5 × 180,000 = 270,000 in July (and −180,000).
            guard case .done(let article) = try await store.regrade(submission: id, grading: Grading(genre: "tin", coefficient: 1.5),
                                                                    now: try vietnam("2024-07-12")) else { Issue.record(); return }
            #expect(article.filter { $0.photo == 1 } == again.filter { $0.photo == 1 })
            #expect(article.filter { $0.photo == nil }.reduce(0) { $0 + $1.amount } == 270_000)
            // July's list: the photographer −360,000 + 450,000 = 90,000 đ, one item (the take-back counts none).
            let list = try await store.paymentList(month: "2024-07", sites: ["so-y-te"], site: "so-y-te",
                                                   paidOn: try #require(VietnamDay("2024-08-05")), contributors: [p[2]])
            #expect(list.lines.first?.gross == 90_000)
            #expect(list.lines.first?.items == 1)
            guard case .noSuchPhoto = try await store.regrade(submission: id, grading: Grading(genre: "anh", coefficient: 1), photo: 9) else {
                Issue.record("a photo that is not there regraded"); return
            }
        }
    }

    @Test(arguments: Database.both)
    func photoGradingsAreCheckedAgainstTheRateTable(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let p = try await people(store)
            let editor = try await store.addUser(name: "bien-tap-anh", displayName: "Biên tập", grants: [Grant(role: .editor, site: "so-y-te")])
            let id = try await item(store, author: p[0], credits: [p[2]], at: Date())
            func approve(_ photos: [PhotoGrading]) async throws -> (status: HTTPResponse.Status, body: Data, headers: HTTPFields) {
                try await send(client, .post, "/api/v1/submissions/\(id)/transitions", token: editor, headers: [.ifMatch: "\"r1\""],
                               body: json(TransitionRequest(action: .approve, grading: Grading(genre: "tin", coefficient: 2), photos: photos)))
            }
            let refusals: [([PhotoGrading], String)] = [
                ([PhotoGrading(number: 1, grading: Grading(genre: "phong-van", coefficient: 2))], "photos[0].grading: genre 'phong-van'"),
                ([PhotoGrading(number: 1, grading: Grading(genre: "anh", coefficient: 11))], "photos[0].grading: 'anh' is graded by a coefficient of at most 10"),
                ([PhotoGrading(number: 2, grading: Grading(genre: "anh", coefficient: 1))], "photos[0].number: no photo 2"),
                ([PhotoGrading(number: 1, grading: Grading(genre: "anh", coefficient: 1)),
                  PhotoGrading(number: 1, grading: Grading(genre: "anh", coefficient: 2))], "photos: one grading a photo"),
                ([PhotoGrading(number: 1, grading: Grading(genre: "anh", coefficient: 1), creditContributorId: 999_999)],
                 "photos[0].credit_contributor_id: 999999"),
            ]
            for (photos, detail) in refusals {
                let refused = try await approve(photos)
                #expect(refused.status == .badRequest, "\(String(decoding: refused.body, as: UTF8.self))")
                #expect(errorCode(refused.body) == "invalid_field")
                #expect(String(decoding: refused.body, as: UTF8.self).contains(detail), "\(String(decoding: refused.body, as: UTF8.self))")
            }
            let found = try await store.submission(id: id, scope: .everything)
            let kept = try #require(found)
            #expect(kept.summary.status == .inReview, "a refused approval changes nothing")
            #expect(kept.attachments.first?.grading == nil)
            let approved = try await approve([PhotoGrading(number: 1, grading: Grading(genre: "anh", coefficient: 1.5))])
            #expect(approved.status == .ok, "\(String(decoding: approved.body, as: UTF8.self))")
            let answer = try WireFormat.decoder().decode(Submission.self, from: approved.body)
            #expect(answer.attachments.first?.grading == Grading(genre: "anh", coefficient: 1.5))
            #expect(answer.attachments.first?.creditContributor?.id == p[2])
        }
    }
}
