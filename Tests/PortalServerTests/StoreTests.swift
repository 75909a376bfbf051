import Foundation
import NewsroomKit
@testable import PortalServer
import SQLKit
import Testing
import VietText

/// The store itself, on a fresh database of each kind (`TemporaryDatabase`). The tests share
/// nothing, so they run side by side.
struct StoreTests {
    @Test func databaseLocations() throws {
        func refusal(_ text: String) -> String? {
            do {
                _ = try DatabaseLocation(text)
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(try DatabaseLocation("sqlite:/tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try DatabaseLocation("sqlite:///tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(refusal("sqlite:")?.contains("file path") == true)
        #expect(try DatabaseLocation("postgres://bientap@127.0.0.1:5432/portal") == .postgres(url: "postgres://bientap@127.0.0.1:5432/portal"))
        #expect(refusal("postgres://db/portal")?.contains("names a user and a host") == true)
        #expect(refusal("/tmp/x.sqlite")?.contains("sqlite:PATH") == true)
        #expect(DatabaseLocation.defaultLocation(environment: ["XDG_DATA_HOME": "/d"]) == "sqlite:/d/bientap/portal.sqlite")
        #expect(DatabaseLocation.defaultLocation(environment: ["HOME": "/h"]) == "sqlite:/h/.local/share/bientap/portal.sqlite")
    }

    @Test(arguments: Database.both)
    func readsRunSideBySideAndOnlyTransactionsWrite(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            let store = try await temporary.seededStore()
            // A write outside a transaction would not take its turn: the read connections refuse it.
            do {
                try await store.sql.raw("UPDATE submissions SET title = 'x'").run()
                Issue.record("a write outside a transaction went through")
            } catch {}
            // Inside one, reads see the transaction's own writes; outside, only once it has committed.
            let item = try #require(try await store.submissions(.init(statuses: [.submitted], limit: 1)).items.first)
            let before = store.commitCount
            try await store.transaction {
                try await store.sql.raw("UPDATE submissions SET title = 'Trong giao dịch' WHERE id = \(bind: item.id)").run()
                let inside = try await store.submission(id: item.id, scope: .everything)
                #expect(inside?.summary.title == "Trong giao dịch")
            }
            #expect(store.commitCount == before + 1)
            // The scheduler's look when nothing is due writes nothing (and stales no cached list).
            let published = try await store.publishDue(actor: "scheduler@test")
            #expect(published == [])
            #expect(store.commitCount == before + 1)
            let after = try await store.submission(id: item.id, scope: .everything)
            #expect(after?.summary.title == "Trong giao dịch")
            // Many reads at once, while a writer works, all answer.
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<32 { group.addTask { try await store.submissions(.init(statuses: [.submitted], limit: 5)).items.count } }
                group.addTask { try await store.transaction { try await store.sql.raw("UPDATE submissions SET words = words + 1").run() }; return 5 }
                for try await count in group { #expect(count == 5) }
            }
            try await store.close()
        }
    }

    @Test(arguments: Database.both)
    func migrationsCreateTheSchemaOnceAndInWAL(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            let all = Array(1...19)
            let first = try await Store.open(temporary.location)
            let firstVersions = try await Migrations.appliedVersions(in: first)
            #expect(firstVersions == all)
            switch database {
            case .postgres:
                // Identity columns number rows as SQLite's INTEGER PRIMARY KEY does.
                let kind = try #require(try await first.sql.raw("""
                    SELECT data_type, is_identity FROM information_schema.columns WHERE table_name = 'submissions' AND column_name = 'id'
                    """).first())
                #expect(try kind.decode(column: "data_type", as: String.self) == "bigint")
                #expect(try kind.decode(column: "is_identity", as: String.self) == "YES")
            case .sqlite:
                let mode = try #require(try await first.sql.raw("PRAGMA journal_mode").first())
                #expect(try mode.decode(column: "journal_mode", as: String.self) == "wal")
            }
            try await first.close()
            let second = try await Store.open(temporary.location)
            let secondVersions = try await Migrations.appliedVersions(in: second)
            #expect(secondVersions == all, "reopening applies nothing twice")
            try await second.close()
        }
    }

    @Test(arguments: Database.both)
    func seedingFillsTheDatabaseAndRefusesASecondTime(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            let store = try await temporary.seededStore()
            let counts = try await store.countSubmissions()
            #expect(counts.values.reduce(0, +) == 240)
            #expect(Set(counts.keys) == Set(SubmissionStatus.allCases), "every status, a taken-down item's included")
            let revisions = try #require(try await store.sql.raw("SELECT COUNT(*) AS n FROM revisions").first())
            #expect(try revisions.decode(column: "n", as: Int.self) == 240)
            do {
                try await Seeder.seedSample(into: store)
                Issue.record("seeding twice should fail")
            } catch let error as Seeder.AlreadySeeded {
                #expect(error.count == 240)
            }
            let after = try await store.countSubmissions()
            #expect(after.values.reduce(0, +) == 240, "the failed seed left nothing behind")
            try await store.close()
        }
    }

    @Test(arguments: Database.both)
    func tokensAreStoredOnlyAsHashes(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            let store = try await temporary.seededStore()
            let token = try await store.addUser(name: "lan", displayName: "Trần Thị Lan", grants: [Grant(role: .editor, site: "so-xay-dung")])
            #expect(token.count == 46)
            #expect(token.hasPrefix("bt_"), "never a leading '-', which a command line takes for an option")
            let stored = try await store.sql.raw("SELECT token_hash FROM tokens").all().map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(stored == [AccessToken.hash(token)])
            #expect(!stored.contains(token))
            let principal = try await store.principal(forToken: token)
            #expect(principal?.name == "lan")
            #expect(principal?.displayName == "Trần Thị Lan")
            #expect(principal?.grants == [Grant(role: .editor, site: "so-xay-dung")])
            #expect(principal?.sites == ["so-xay-dung"])
            let wrong = try await store.principal(forToken: token + "x")
            #expect(wrong == nil)
            try await store.transaction { try await store.sql.raw("UPDATE tokens SET revoked_at = 1").run() }
            let revoked = try await store.principal(forToken: token)
            #expect(revoked == nil, "a revoked token lets no one in")
            try await store.close()
        }
    }

    @Test(arguments: Database.both)
    func userNamesAndSitesAreChecked(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            let store = try await temporary.seededStore()
            _ = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            do {
                _ = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
                Issue.record("duplicate user")
            } catch is Store.UserExists {}
            do {
                _ = try await store.addUser(name: "bo", displayName: "Bo", grants: [Grant(role: .editor, site: "no-such-site")])
                Issue.record("unknown site")
            } catch let error as Store.UnknownSite {
                #expect(error.known.contains("huyen-ly-son"))
            }
            let users = try #require(try await store.sql.raw("SELECT COUNT(*) AS n FROM users").first())
            #expect(try users.decode(column: "n", as: Int.self) == 1)
            try await store.close()
        }
    }

    @Test(arguments: Database.both)
    func textIsStoredNFC(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            let store = try await temporary.seededStore()
            let decomposed = "Nguyễn Thị Hòa".decomposedStringWithCanonicalMapping
            _ = try await store.addUser(name: "hoa", displayName: decomposed, grants: [Grant(role: .editor, site: nil)])
            let row = try #require(try await store.sql.raw("SELECT display_name FROM users").first())
            let name = try row.decode(column: "display_name", as: String.self)
            #expect(Normalization.isNFC(name))
            #expect(Array(name.unicodeScalars) == Array("Nguyễn Thị Hòa".precomposedStringWithCanonicalMapping.unicodeScalars))
            for row in try await store.sql.raw("SELECT title, body FROM submissions").all() {
                #expect(Normalization.isNFC(try row.decode(column: "title", as: String.self)))
                #expect(Normalization.isNFC(try row.decode(column: "body", as: String.self)))
            }
            try await store.close()
        }
    }

    @Test(arguments: Database.both)
    func spellFindingsAreCountedOnEverySaveAndForRowsFromBeforeTheColumn(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            let store = try await temporary.seededStore()
            let items = try await store.submissions(.init(statuses: [.submitted], limit: 200)).items
            let vietnamese = try #require(items.first { $0.language == "vi" })
            let english = try #require(items.first { $0.language == "en" })
            #expect(vietnamese.spellFindings != nil, "seeded rows are counted")
            #expect(english.spellFindings == nil, "English is not held to Vietnamese spelling")
            // Two slips, then none: the list row follows each save.
            let slips = SubmissionEdit(title: "Hội nghi tổng kết", sapo: "Sáng nay, Sở Y tế họp.", body: "Sở Y tế thực hiên kế hoạch.")
            guard case .saved = try await store.save(id: vietnamese.id, expected: vietnamese.revision, edit: slips, author: "bt", scope: .everything)
            else { Issue.record("not saved"); return }
            let saved = try await store.submission(id: vietnamese.id, scope: .everything)
            #expect(saved?.summary.spellFindings == 2)
            let clean = SubmissionEdit(title: "Hội nghị tổng kết", sapo: "Sáng nay, Sở Y tế họp.", body: "Sở Y tế thực hiện kế hoạch.")
            guard case .saved = try await store.save(id: vietnamese.id, expected: vietnamese.revision + 1, edit: clean, author: "bt", scope: .everything)
            else { Issue.record("not saved"); return }
            let listed = try await store.submissions(.init(statuses: [.submitted], limit: 200)).items.first { $0.id == vietnamese.id }
            #expect(listed?.spellFindings == 0)
            // A database from before the column: the migration's program counts every row.
            let before = try await store.sql.raw("SELECT id, spell_findings FROM submissions ORDER BY id").all().map {
                (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "spell_findings", as: Int?.self))
            }
            try await store.transaction { try await store.sql.raw("UPDATE submissions SET spell_findings = NULL").run() }
            try await store.transaction { try await store.fillSpellFindings() }
            let after = try await store.sql.raw("SELECT id, spell_findings FROM submissions ORDER BY id").all().map {
                (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "spell_findings", as: Int?.self))
            }
            #expect(after.map(\.0) == before.map(\.0))
            #expect(after.map(\.1) == before.map(\.1))
            #expect(after.contains { ($0.1 ?? 0) > 0 }, "the sample has items with findings")
            try await store.close()
        }
    }

    @Test(arguments: Database.both)
    func revisionsReadTheSameWhereverTheirTextIsKept(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            let store = try await temporary.seededStore()
            let items = try await store.submissions(.init(statuses: [.submitted], limit: 3)).items
            #expect(items.count == 3)
            // Two items get a second and a third revision; the third keeps its one.
            for item in items.prefix(2) {
                for step in 1...2 {
                    let edit = SubmissionEdit(title: "\(item.title) (\(step))", sapo: "Sa pô \(step)", body: "Thân bài, lần sửa \(step).", note: "sửa \(step)")
                    guard case .saved = try await store.save(id: item.id, expected: item.revision + step - 1, edit: edit, author: "bt", scope: .everything)
                    else { Issue.record("not saved"); return }
                }
            }
            func everything() async throws -> [[String]] {
                var seen: [[String]] = []
                for item in items {
                    let infos = try await store.revisions(of: item.id, scope: .everything) ?? []
                    var texts = try infos.map { String(decoding: try WireFormat.encoder().encode($0), as: UTF8.self) }
                    for info in infos {
                        let revision = try await store.revision(info.number, of: item.id, scope: .everything)
                        texts.append(String(decoding: try WireFormat.encoder().encode(revision), as: UTF8.self))
                        let diff = try await store.diff(of: item.id, from: info.number, to: nil, scope: .everything)
                        texts.append(String(decoding: try WireFormat.encoder().encode(diff), as: UTF8.self))
                    }
                    seen.append(texts)
                }
                return seen
            }
            func keptInSubmissions() async throws -> Int {
                try await store.sql.raw("SELECT COUNT(*) AS n FROM revisions WHERE text_in = 'submission' AND body = ''").first()?
                    .decode(column: "n", as: Int.self) ?? -1
            }
            let kept = try await everything()
            #expect(kept.map(\.count) == [9, 9, 3], "three revisions, each read and diffed; one")
            #expect(kept.first?.joined().contains("lần sửa 2") == true)
            let count = try await store.countSubmissions().values.reduce(0, +)
            let keptAtFirst = try await keptInSubmissions()
            #expect(keptAtFirst == count, "each item's newest words are stored once")
            // A database from before migration 16: every revision whole in its own row.
            try await store.transaction { try await store.sql.raw("""
                UPDATE revisions SET title = (SELECT s.title FROM submissions s WHERE s.id = revisions.submission_id),
                    sapo = (SELECT s.sapo FROM submissions s WHERE s.id = revisions.submission_id),
                    body = (SELECT s.body FROM submissions s WHERE s.id = revisions.submission_id), text_in = 'row'
                WHERE text_in = 'submission'
                """).run() }
            let keptWhole = try await keptInSubmissions(), whole = try await everything()
            #expect(keptWhole == 0)
            #expect(whole == kept)
            try await store.transaction { try await store.keepNewestRevisionTextOnce() }
            let keptAgain = try await keptInSubmissions(), migrated = try await everything()
            #expect(keptAgain == count)
            #expect(migrated == kept, "every revision reads and diffs as before the migration")
            try await store.close()
        }
    }

    @Test(arguments: Database.both)
    func theSchedulerPublishesWhatIsDueOnceAndFlagsWhatIsLate(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            let now = Date(timeIntervalSince1970: 1_795_400_000)
            let store = try await temporary.seededStore(now: now)
            let ids = try await store.submissions(.init(statuses: [.approved], limit: 3)).items.map(\.id)
            try #require(ids.count == 3)
            for (id, offset) in zip(ids, [-10.0, -7200, 3600]) {
                try await store.transaction { try await store.sql.raw("""
                    UPDATE submissions SET status = 'scheduled', publish_at = \(bind: Store.millis(now.addingTimeInterval(offset))) WHERE id = \(bind: id)
                    """).run() }
            }
            let published = try await store.publishDue(now: now, actor: "scheduler@test")
            #expect(published == [ids[1], ids[0]], "the longest overdue first; the future one waits")
            let again = try await store.publishDue(now: now.addingTimeInterval(1), actor: "scheduler@test")
            #expect(again == [], "published once")
            let onTime = try await store.events(of: ids[0], scope: .everything)
            #expect(onTime?.map(\.action) == [.publish])
            #expect(onTime?.first?.actor == "scheduler@test")
            #expect(onTime?.first?.note == "")
            let late = try await store.events(of: ids[1], scope: .everything)
            #expect(late?.first?.note.hasPrefix("late: due ") == true, "\(String(describing: late))")
            let publication = try await store.publication(of: ids[0], scope: .everything)
            #expect(publication?.publishedAt == now, "the scheduler renders and records the publication too")
            #expect(publication?.path.hasSuffix("-\(ids[0]).html") == true)
            let waiting = try await store.submission(id: ids[2], scope: .everything)
            #expect(waiting?.summary.status == .scheduled)
            try await store.close()
        }
    }
}
