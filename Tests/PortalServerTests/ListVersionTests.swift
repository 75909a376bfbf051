import Foundation
import NewsroomKit
import NIOCore
@testable import PortalServer
import SQLKit
import Testing

/// Migration 19's list version, which every write that changes a list row's summary changes,
/// and the pages written from summaries kept by (id, version): after every kind of write, a
/// page put together from what `SummaryFragments` keeps is byte for byte a page read whole.
struct ListVersionTests: PortalTesting {
    @Test(arguments: Database.both)
    func everyKindOfWriteShowsOnPagesWrittenFromKeptSummaries(_ database: Database) async throws {
        let clock = ManualClock()
        try await TemporaryDatabase.with(database) { temporary in try await temporary.withSeededStore(clock: clock) { store in
            let fragments = SummaryFragments(clock: clock)
            // An item whose contributor is given an account: as that contributor sees it, a lease's holder shows by name.
            let waiting = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items
            let ownID = try #require(waiting.first).id
            _ = try await store.addUser(name: "ctv", displayName: "Cộng tác viên", grants: [Grant(role: .contributor, site: nil)])
            let user = try #require(try await store.sql.raw("SELECT id FROM users WHERE name = 'ctv'").first()).decode(column: "id", as: Int64.self)
            try await store.transaction {
                try await store.sql.raw("UPDATE contributors SET user_id = \(bind: user) WHERE id = \(bind: try #require(waiting.first).contributor.id)").run()
            }
            let queries = [
                Store.SubmissionQuery(statuses: [], scope: .everything, limit: 200),
                Store.SubmissionQuery(statuses: [.submitted, .resubmitted, .inReview, .approved, .scheduled, .published], scope: .everything, limit: 200),
                Store.SubmissionQuery(statuses: [], scope: Scope(allOn: [], ownOn: nil, userID: user), limit: 200),
            ]
            var last: [String] = []
            // Each page from kept summaries against the same page read whole; true when the pages changed since the last look.
            func pagesChanged(_ what: String) async throws -> Bool {
                var pages: [String] = []
                for query in queries {
                    let kept = try await fragments.page(try await store.pick(query), scope: query.scope, store: store).body
                    let whole = SummaryJSON.page(try await store.submissions(query))
                    #expect(String(buffer: kept) == String(buffer: whole), "\(what): \(query.statuses), \(query.scope)")
                    pages.append(String(buffer: whole))
                }
                defer { last = pages }
                return pages != last
            }
            _ = try await pagesChanged("first look")
            #expect(fragments.count >= 200)
            #expect(try await !pagesChanged("a second look, from kept summaries"))

            let items = try await store.submissions(queries[0]).items
            let submitted = try #require(items.first { $0.status == .submitted && $0.id != ownID && $0.contributor.id != waiting[0].contributor.id })
            let approved = try #require(items.first { $0.status == .approved })
            let other = try #require(items.first { $0.contributor.id != submitted.contributor.id && $0.site.id != submitted.site.id })

            // The row itself: a save (title, words, revision), a decision, scheduling and publishing.
            let saved = try await store.save(id: submitted.id, expected: submitted.revision,
                                             edit: SubmissionEdit(title: "Tiêu đề \"mới\" sau khi sửa", sapo: "Sapo.", body: "Thân bài mới, ngắn hơn."),
                                             author: "bt-an", scope: .everything)
            guard case .saved(let afterSave) = saved else { Issue.record("\(saved)"); return }
            #expect(try await pagesChanged("a save"))
            let claimed = try await store.transition(id: submitted.id, expected: afterSave.summary.revision, request: TransitionRequest(action: .claim),
                                                     actor: "bt-an", scope: .everything, idempotency: nil, answer: { _ in Data() })
            guard case .done = claimed else { Issue.record("\(claimed)"); return }
            #expect(try await pagesChanged("a claim"))
            let due = clock.now().addingTimeInterval(600)
            let scheduled = try await store.transition(id: approved.id, expected: approved.revision, request: TransitionRequest(action: .schedule, publishAt: due),
                                                       actor: "bt-an", scope: .everything, idempotency: nil, answer: { _ in Data() })
            guard case .done = scheduled else { Issue.record("\(scheduled)"); return }
            #expect(try await pagesChanged("scheduling"))
            #expect(try await store.publishDue(now: due.addingTimeInterval(1), actor: "scheduler").contains(approved.id))
            #expect(try await pagesChanged("publishing when due"))

            // Leases: taken, shown by login or by name as the reader may see them, run out with no write, taken again, released.
            guard case .mine = try await store.acquireLease(id: ownID, user: "bt-an", displayName: "Biên tập An", scope: .everything, duration: 60) else {
                Issue.record("no lease"); return
            }
            #expect(try await pagesChanged("a lease taken"))
            let byName = try await fragments.page(try await store.pick(queries[2]), scope: queries[2].scope, store: store).body
            #expect(String(buffer: byName).contains(#""holder":"Biên tập An""#), "a contributor sees the holder's name, not the login")
            clock.advance(by: 61)
            #expect(try await pagesChanged("the lease run out"))
            _ = try await store.acquireLease(id: ownID, user: "bt-an", displayName: "Biên tập An", scope: .everything, duration: 60)
            #expect(try await pagesChanged("a lease taken again"))
            _ = try await store.acquireLease(id: ownID, user: "bt-an", displayName: "Biên tập An", scope: .everything, duration: 120)
            #expect(try await pagesChanged("a lease renewed"))
            _ = try await store.releaseLease(id: ownID, user: "bt-an", scope: .everything)
            #expect(try await pagesChanged("a lease released"))

            // Names the row only points to: its contributor's and its site's.
            try await store.transaction { try await store.sql.raw("UPDATE contributors SET full_name = 'Trần Văn Mới' WHERE id = \(bind: other.contributor.id)").run() }
            #expect(try await pagesChanged("a contributor's new name"))
            try await store.transaction { try await store.sql.raw("UPDATE contributors SET pen_name = 'Bút Mới' WHERE id = \(bind: other.contributor.id)").run() }
            #expect(try await pagesChanged("a contributor's new pen name"))
            try await store.transaction { try await store.sql.raw("UPDATE sites SET name = 'Sở Mới' WHERE id = \(bind: other.site.id)").run() }
            #expect(try await pagesChanged("a site's new name"))

            // Another process's write, on its own connections: shown at once, with nothing told to this one.
            let elsewhere = try await Store.open(temporary.location, readers: 1)
            let current = try #require(try await store.submission(id: other.id, scope: .everything))
            let outcome = try await elsewhere.save(id: other.id, expected: current.summary.revision,
                                                   edit: SubmissionEdit(title: "Sửa ở máy khác", sapo: "S.", body: "B."), author: "bt-an", scope: .everything)
            try await elsewhere.close()
            guard case .saved = outcome else { Issue.record("\(outcome)"); return }
            #expect(try await pagesChanged("another process's save"))

            // A write to a column no summary shows changes the version all the same, and no page.
            try await store.transaction { try await store.sql.raw("UPDATE submissions SET social_message = 'Chỉ mạng xã hội' WHERE id = \(bind: other.id)").run() }
            #expect(try await !pagesChanged("a column no summary shows"))
        } }
    }

    @Test(arguments: Database.both)
    func theVersionChangesWithTheRowItsLeaseAndTheNamesItShows(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            let item = try #require(try await store.submissions(.init(statuses: [.submitted], limit: 1)).items.first)
            func version() async throws -> Int64 {
                try #require(try await store.listedSummaries(ids: [item.id])[item.id]).version
            }
            var seen = try await version()
            for (what, write) in [
                ("the row", "UPDATE submissions SET words = words + 1 WHERE id = \(item.id)"),
                ("a lease", "INSERT INTO leases (submission_id, holder, holder_name, acquired_at, expires_at) VALUES (\(item.id), 'a', 'A', 0, 1)"),
                ("the lease", "UPDATE leases SET holder_name = 'B' WHERE submission_id = \(item.id)"),
                ("no lease", "DELETE FROM leases WHERE submission_id = \(item.id)"),
                ("its site", "UPDATE sites SET code = code || '-x' WHERE id = \(item.site.id)"),
                ("its contributor", "UPDATE contributors SET full_name = full_name || ' X' WHERE id = \(item.contributor.id)"),
            ] {
                try await store.transaction { try await store.sql.raw(SQLQueryString(write)).run() }
                let now = try await version()
                #expect(now == seen + 1, "\(what): one bump")
                seen = now
            }
            // Writes that change nothing the row shows leave it: another item, another contributor's e-mail.
            try await store.transaction {
                try await store.sql.raw("UPDATE submissions SET words = words + 1 WHERE id <> \(bind: item.id)").run()
                try await store.sql.raw("UPDATE contributors SET email = 'x@example.com' WHERE id = \(bind: item.contributor.id)").run()
            }
            #expect(try await version() == seen)
        }
    }
}
