import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NewsroomKit
@testable import PortalServer
import Testing

/// Revisions compared word by word, and the yearly activity report.
@Suite(.serialized)
struct ReportAndDiffTests: PortalTesting {
    @Test(arguments: Database.both)
    func revisionsCompareWordByWordAsJSONOrPlainText(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let item = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            let original = try await store.submission(id: item.id, scope: .everything)!
            let fixed = original.body.replacingOccurrences(of: ".", with: " nhé.", options: [], range: original.body.range(of: "."))
            _ = try await store.save(id: item.id, expected: 1, edit: SubmissionEdit(title: "Tiêu đề đã sửa", sapo: original.sapo, body: fixed, note: ""),
                                     author: "an", scope: .everything)
            let (diff, _) = try await get(client, APIPath.diff(item.id), token: token, as: RevisionDiff.self)
            #expect((diff.from, diff.to) == (1, 2), "the original against now by default")
            #expect(diff.sapo.isEmpty)
            #expect(diff.body.insertedWords == 1)
            #expect(diff.body.deletedWords == 0)
            #expect(diff.title.spans.filter { $0.kind != .deleted }.map(\.text).joined() == "Tiêu đề đã sửa")
            #expect(diff.title.spans.filter { $0.kind != .inserted }.map(\.text).joined() == item.title)
            let plain = try await send(client, .get, APIPath.diff(item.id) + "?from=1&to=2&format=plain", token: token)
            #expect(plain.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(String(decoding: plain.body, as: UTF8.self).contains("{+ nhé+}."), "\(String(decoding: plain.body, as: UTF8.self))")
            let (same, _) = try await get(client, APIPath.diff(item.id) + "?from=2&to=2", token: token, as: RevisionDiff.self)
            #expect(same.body.isEmpty)
            let (missing, _) = try await get(client, APIPath.diff(item.id) + "?to=7", token: token, as: APIErrorBody.self, status: .notFound)
            #expect(missing.error.code == "not_found")
            let (bad, _) = try await get(client, APIPath.diff(item.id) + "?from=0", token: token, as: APIErrorBody.self, status: .badRequest)
            #expect(bad.error.code == "invalid_field")
            // A format the contract does not list is refused, not answered as JSON.
            let (json, _) = try await get(client, APIPath.diff(item.id) + "?format=json", token: token, as: RevisionDiff.self)
            #expect(json.to == 2)
            for format in ["xml", "PLAIN", ""] {
                let (unknown, _) = try await get(client, APIPath.diff(item.id) + "?format=\(format)", token: token, as: APIErrorBody.self, status: .badRequest)
                #expect(unknown.error.code == "invalid_field", "\(format)")
                let (report, _) = try await get(client, APIPath.activityReport + "?from=2026-01-01&to=2026-01-31&format=\(format)", token: token,
                                                as: APIErrorBody.self, status: .badRequest)
                #expect(report.error.code == "invalid_field", "\(format)")
            }
        }
    }

    @Test(arguments: Database.both)
    func theActivityReportCountsWhatEachSitePublishedAgainstAYearEarlier(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let admin = try await store.addUser(name: "qtv", displayName: "QTV", grants: [Grant(role: .admin, site: nil)])
            let siteEditor = try await store.addUser(name: "bt-ly-son", displayName: "BT", grants: [Grant(role: .editor, site: "huyen-ly-son")])
            let writer = try await store.addUser(name: "ctv", displayName: "CTV", grants: [Grant(role: .contributor, site: nil)])
            // A quiet corner of the calendar: three items in March 2025, one in March 2024, one the day after.
            let sql = store.sql
            let site = try await sql.raw("SELECT id FROM sites WHERE code = 'huyen-ly-son'").first()!.decode(column: "id", as: Int64.self)
            let contributor = try await sql.raw("SELECT id FROM contributors ORDER BY id LIMIT 1").first()!.decode(column: "id", as: Int64.self)
            func publish(_ category: NewsroomKit.Category, _ iso: String) async throws -> Int64 {
                let at = try Date(iso, strategy: .iso8601)
                return try await store.transaction {
                    try await store.insertSubmission(siteID: site, contributorID: contributor, title: "T", sapo: "", body: "B", category: category,
                                                     language: "vi", status: .published, received: at, author: "x", publishedAt: at)
                }
            }
            let story = try await publish(.photoStory, "2025-03-10T02:00:00Z")
            let early = try await publish(.news, "2025-03-01T00:30:00Z")        // 07:30 on 1 March in Vietnam
            _ = try await publish(.news, "2025-03-31T16:30:00Z")        // 23:30 on 31 March
            _ = try await publish(.news, "2025-02-28T16:59:00Z")        // 23:59 on 28 February: outside
            _ = try await publish(.document, "2024-03-15T03:00:00Z")
            let april = try await publish(.article, "2025-03-31T17:00:00Z")     // 00:00 on 1 April: outside
            // Social posts: two sent in March (one with engagement read, one from a channel that
            // reports none), one that failed and one sent on 1 April count nothing.
            func post(_ item: Int64, _ channel: String, _ status: String, _ postedAt: String?, _ engagement: (Int, Int, Int)?) async throws {
                let at = try postedAt.map { try Store.millis(Date($0, strategy: .iso8601)) }
                try await store.transaction { try await store.sql.raw("""
                    INSERT INTO social_posts (submission_id, channel, status, message, posted_at, views, reactions, shares, created_at, updated_at)
                    VALUES (\(bind: item), \(bind: channel), \(bind: status), 'm', \(bind: at), \(bind: engagement?.0), \(bind: engagement?.1),
                            \(bind: engagement?.2), 0, 0)
                    """).run() }
            }
            try await post(story, "facebook", "posted", "2025-03-10T03:00:00Z", (100, 7, 2))
            try await post(story, "zalo", "posted", "2025-03-31T16:59:00Z", nil)
            try await post(early, "facebook", "failed", nil, nil)
            try await post(april, "facebook", "posted", "2025-03-31T17:00:00Z", (5000, 50, 5))
            for number in 1...2 {
                try await store.transaction { try await store.sql.raw("""
                    INSERT INTO attachments (submission_id, number, filename, content_type, size, sha256, caption, credit, data)
                    VALUES (\(bind: story), \(bind: number), 'a.jpg', 'image/jpeg', 1, '', '', '', \(bind: ByteBuffer(bytes: [0xFF])))
                    """).run() }
            }

            let uri = APIPath.activityReport + "?from=2025-03-01&to=2025-03-31"
            let (report, _) = try await get(client, uri, token: admin, as: ActivityReport.self)
            let lySon = try #require(report.rows.first { $0.site.code == "huyen-ly-son" })
            #expect(lySon.current == ActivityReport.Counts(news: 2, photoStories: 1, photos: 2))
            #expect(lySon.yearEarlier == ActivityReport.Counts(documents: 1))
            #expect(lySon.changePercent == 200)
            #expect(lySon.social == ActivityReport.Social(posts: 2, views: 100, reactions: 7, shares: 2))
            #expect(report.totalSocial == lySon.social, "no other site posted in March 2025")
            #expect(report.total.items == 3, "nothing else in the sample was published in March 2025")
            let siteCount = try await store.sites().count
            #expect(report.rows.count == siteCount, "every site, zeros included")

            let (own, _) = try await get(client, uri, token: siteEditor, as: ActivityReport.self)
            #expect(own.rows.map(\.site.code) == ["huyen-ly-son"], "an editor sees their own sites")
            let refused = try await send(client, .get, uri, token: writer)
            #expect(refused.status == .forbidden)

            let csv = try await send(client, .get, uri + "&format=csv", token: siteEditor)
            let text = String(decoding: csv.body, as: UTF8.self)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(text.hasPrefix("\u{FEFF}Chuyên trang,Tin,Bài"), "\(text)")
            // The change as a spreadsheet reads a number: 200, not 200.0 (ActivityReportFile, like the royalty files).
            #expect(text.contains("UBND huyện Lý Sơn,2,0,1,2,0,3,1,200,2,100,7,2\r\n"), "\(text)")
            for query in ["from=2025-02-30&to=2025-03-01", "from=2025-03-02&to=2025-03-01", "from=2024-01-01&to=2025-12-31", "to=2025-01-01"] {
                let (bad, _) = try await get(client, APIPath.activityReport + "?" + query, token: admin, as: APIErrorBody.self, status: .badRequest)
                #expect(bad.error.code == "invalid_field", "\(query)")
            }
        }
    }
}
