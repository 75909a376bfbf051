import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NewsroomKit
@testable import PortalServer
import Testing

/// Lists answered from pages already written: never older than this server's last
/// write, no older than the cache's lifetime for writes made elsewhere, and never
/// showing a lease past its end.
@Suite(.serialized)
struct ListCacheTests: PortalTesting {
    private let pending = "/api/v1/submissions?status=submitted&limit=5"

    private func list(_ client: any TestClientProtocol, _ token: String, ifNoneMatch: String? = nil)
        async throws -> (status: HTTPResponse.Status, page: Page<SubmissionSummary>?, etag: String?) {
        let answer = try await send(client, .get, pending, token: token, headers: ifNoneMatch.map { [.ifNoneMatch: $0] } ?? [:])
        let page = answer.status == .ok ? try WireFormat.decoder().decode(Page<SubmissionSummary>.self, from: answer.body) : nil
        if answer.status == .notModified { #expect(answer.body.isEmpty) }
        return (answer.status, page, answer.headers[.eTag])
    }

    @Test(arguments: Database.both)
    func aListChangesWithEveryWriteOfThisServerAndAnswers304UntilThen(_ database: Database) async throws {
        let clock = ManualClock()
        try await withPortal(on: database, listCacheSeconds: 60, clock: clock) { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let first = try await list(client, token)
            let item = try #require(first.page?.items.first)
            let etag = try #require(first.etag)
            var again = try await list(client, token, ifNoneMatch: etag)
            #expect(again.status == .notModified)
            #expect(again.etag == etag)
            again = try await list(client, token, ifNoneMatch: "\"l-other\", W/\(etag)")
            #expect(again.status == .notModified, "any of several tags, weak or strong")

            // A save through the API: the next list has the new title and another tag.
            let edit = try WireFormat.encoder().encode(SubmissionEdit(title: "Tiêu đề vừa sửa", sapo: "Sapo.", body: "Thân bài."))
            let saved = try await send(client, .put, APIPath.submission(item.id), token: token, headers: [.ifMatch: RevisionTag.make(item.revision)], body: edit)
            #expect(saved.status == .ok)
            let changed = try await list(client, token, ifNoneMatch: etag)
            #expect(changed.status == .ok, "a stale tag gets the new page")
            #expect(changed.page?.items.first { $0.id == item.id }?.title == "Tiêu đề vừa sửa")
            #expect(changed.etag != etag)

            // A lease shows at once, and is gone when it runs out though nothing was written.
            _ = try await store.acquireLease(id: item.id, user: "an", displayName: "An", scope: .everything, duration: 0.6)
            let leased = try await list(client, token)
            #expect(leased.page?.items.first { $0.id == item.id }?.lease?.holder == "an")
            clock.advance(by: 0.5)
            let running = try await list(client, token)
            #expect(running.page?.items.first { $0.id == item.id }?.lease?.holder == "an", "the lease still runs")
            clock.advance(by: 0.2)
            let expired = try await list(client, token)
            #expect(expired.page?.items.first { $0.id == item.id } != nil)
            #expect(expired.page?.items.first { $0.id == item.id }?.lease == nil)
        }
    }

    @Test(arguments: Database.both)
    func writesByAnotherProcessShowWithinTheLifetime(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { db in
            let clock = ManualClock()
            try await db.withPortal(listCacheSeconds: 1.5, clock: clock) { store, client in
                let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
                let before = try await list(client, token)
                let item = try #require(before.page?.items.first)
                // Another process on the same database: its own connections, its own commits.
                let other = try await Store.open(db.location, readers: 1)
                let outcome = try await other.save(id: item.id, expected: item.revision, edit: SubmissionEdit(title: "Sửa ở máy khác", sapo: "S.", body: "B."),
                                                   author: "an", scope: .everything)
                try await other.close()
                guard case .saved = outcome else { Issue.record("\(outcome)"); return }
                let soon = try await list(client, token)
                #expect(soon.page?.items.first { $0.id == item.id }?.title == item.title, "the page is the one kept")
                clock.advance(by: 1.4)
                let stillKept = try await list(client, token)
                #expect(stillKept.page?.items.first { $0.id == item.id }?.title == item.title, "kept for its whole lifetime")
                clock.advance(by: 0.2)
                let later = try await list(client, token)
                #expect(later.page?.items.first { $0.id == item.id }?.title == "Sửa ở máy khác")
            }
        }
    }
}
