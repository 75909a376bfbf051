import Foundation
import NewsroomKit
import NIOPosix
import PostgresKit
@testable import PortalServer
import SQLKit
import VietText
import XCTest

/// A fresh database per test, removed afterwards (`TemporaryDatabase`): SQLite, or
/// PostgreSQL in the `…OnPostgres` classes.
class TemporaryDatabaseTestCase: XCTestCase {
    /// Whether this class's tests run on PostgreSQL.
    class var onPostgres: Bool { false }
    var onPostgres: Bool { Self.onPostgres }

    private(set) var temporary: TemporaryDatabase!
    var directory: URL { temporary.directory }
    var location: DatabaseLocation { temporary.location }

    override func setUp() async throws {
        temporary = try await TemporaryDatabase.create(onPostgres ? .postgres : .sqlite)
    }

    override func tearDown() async throws {
        try await temporary?.remove()
    }

    func seededStore(now: Date? = nil, clock: any WallClock = SystemClock()) async throws -> Store {
        try await temporary.seededStore(now: now, clock: clock)
    }

    func withSeededStore(_ body: (Store) async throws -> Void) async throws {
        try await temporary.withSeededStore(body)
    }
}

class StoreTests: TemporaryDatabaseTestCase {
    func testDatabaseLocations() throws {
        XCTAssertEqual(try DatabaseLocation("sqlite:/tmp/x.sqlite"), .sqlite(path: "/tmp/x.sqlite"))
        XCTAssertEqual(try DatabaseLocation("sqlite:///tmp/x.sqlite"), .sqlite(path: "/tmp/x.sqlite"))
        XCTAssertThrowsError(try DatabaseLocation("sqlite:")) { XCTAssertTrue("\($0)".contains("file path")) }
        XCTAssertEqual(try DatabaseLocation("postgres://bientap@127.0.0.1:5432/portal"), .postgres(url: "postgres://bientap@127.0.0.1:5432/portal"))
        XCTAssertThrowsError(try DatabaseLocation("postgres://db/portal")) { XCTAssertTrue("\($0)".contains("names a user and a host")) }
        XCTAssertThrowsError(try DatabaseLocation("/tmp/x.sqlite")) { XCTAssertTrue("\($0)".contains("sqlite:PATH")) }
        XCTAssertEqual(DatabaseLocation.defaultLocation(environment: ["XDG_DATA_HOME": "/d"]), "sqlite:/d/bientap/portal.sqlite")
        XCTAssertEqual(DatabaseLocation.defaultLocation(environment: ["HOME": "/h"]), "sqlite:/h/.local/share/bientap/portal.sqlite")
    }

    func testReadsRunSideBySideAndOnlyTransactionsWrite() async throws {
        let store = try await seededStore()
        // A write outside a transaction would not take its turn: the read connections refuse it.
        do {
            try await store.sql.raw("UPDATE submissions SET title = 'x'").run()
            XCTFail("a write outside a transaction went through")
        } catch {}
        // Inside one, reads see the transaction's own writes; outside, only once it has committed.
        let item = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
        let before = store.commitCount
        try await store.transaction {
            try await store.sql.raw("UPDATE submissions SET title = 'Trong giao dịch' WHERE id = \(bind: item.id)").run()
            let inside = try await store.submission(id: item.id, scope: .everything)
            XCTAssertEqual(inside?.summary.title, "Trong giao dịch")
        }
        XCTAssertEqual(store.commitCount, before + 1)
        // The scheduler's look when nothing is due writes nothing (and stales no cached list).
        let published = try await store.publishDue(actor: "scheduler@test")
        XCTAssertEqual(published, [])
        XCTAssertEqual(store.commitCount, before + 1)
        let after = try await store.submission(id: item.id, scope: .everything)
        XCTAssertEqual(after?.summary.title, "Trong giao dịch")
        // Many reads at once, while a writer works, all answer.
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<32 { group.addTask { try await store.submissions(.init(statuses: [.submitted], limit: 5)).items.count } }
            group.addTask { try await store.transaction { try await store.sql.raw("UPDATE submissions SET words = words + 1").run() }; return 5 }
            for try await count in group { XCTAssertEqual(count, 5) }
        }
        try await store.close()
    }

    func testMigrationsCreateTheSchemaOnceAndInWAL() async throws {
        let first = try await Store.open(location)
        let firstVersions = try await Migrations.appliedVersions(in: first)
        XCTAssertEqual(firstVersions, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18])
        if onPostgres {
            // Identity columns number rows as SQLite's INTEGER PRIMARY KEY does.
            let kind = try await first.sql.raw("""
                SELECT data_type, is_identity FROM information_schema.columns WHERE table_name = 'submissions' AND column_name = 'id'
                """).first()!
            XCTAssertEqual(try kind.decode(column: "data_type", as: String.self), "bigint")
            XCTAssertEqual(try kind.decode(column: "is_identity", as: String.self), "YES")
        } else {
            let mode = try await first.sql.raw("PRAGMA journal_mode").first()!.decode(column: "journal_mode", as: String.self)
            XCTAssertEqual(mode, "wal")
        }
        try await first.close()
        let second = try await Store.open(location)
        let secondVersions = try await Migrations.appliedVersions(in: second)
        XCTAssertEqual(secondVersions, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18], "reopening applies nothing twice")
        try await second.close()
    }

    func testSeedingFillsTheDatabaseAndRefusesASecondTime() async throws {
        let store = try await seededStore()
        let counts = try await store.countSubmissions()
        XCTAssertEqual(counts.values.reduce(0, +), 240)
        XCTAssertEqual(Set(counts.keys), Set(SubmissionStatus.allCases), "every status, a taken-down item's included")
        let revisions = try await store.sql.raw("SELECT COUNT(*) AS n FROM revisions").first()!.decode(column: "n", as: Int.self)
        XCTAssertEqual(revisions, 240)
        do {
            try await Seeder.seedSample(into: store)
            XCTFail("seeding twice should fail")
        } catch let error as Seeder.AlreadySeeded {
            XCTAssertEqual(error.count, 240)
        }
        let after = try await store.countSubmissions()
        XCTAssertEqual(after.values.reduce(0, +), 240, "the failed seed left nothing behind")
        try await store.close()
    }

    func testTokensAreStoredOnlyAsHashes() async throws {
        let store = try await seededStore()
        let token = try await store.addUser(name: "lan", displayName: "Trần Thị Lan", grants: [Grant(role: .editor, site: "so-xay-dung")])
        XCTAssertEqual(token.count, 46)
        XCTAssertTrue(token.hasPrefix("bt_"), "never a leading '-', which a command line takes for an option")
        let stored = try await store.sql.raw("SELECT token_hash FROM tokens").all().map { try $0.decode(column: "token_hash", as: String.self) }
        XCTAssertEqual(stored, [AccessToken.hash(token)])
        XCTAssertFalse(stored.contains(token))
        let principal = try await store.principal(forToken: token)
        XCTAssertEqual(principal?.name, "lan")
        XCTAssertEqual(principal?.displayName, "Trần Thị Lan")
        XCTAssertEqual(principal?.grants, [Grant(role: .editor, site: "so-xay-dung")])
        XCTAssertEqual(principal?.sites, ["so-xay-dung"])
        let wrong = try await store.principal(forToken: token + "x")
        XCTAssertNil(wrong)
        try await store.transaction { try await store.sql.raw("UPDATE tokens SET revoked_at = 1").run() }
        let revoked = try await store.principal(forToken: token)
        XCTAssertNil(revoked, "a revoked token lets no one in")
        try await store.close()
    }

    func testUserNamesAndSitesAreChecked() async throws {
        let store = try await seededStore()
        _ = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
        do {
            _ = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            XCTFail("duplicate user")
        } catch is Store.UserExists {}
        do {
            _ = try await store.addUser(name: "bo", displayName: "Bo", grants: [Grant(role: .editor, site: "no-such-site")])
            XCTFail("unknown site")
        } catch let error as Store.UnknownSite {
            XCTAssertTrue(error.known.contains("huyen-ly-son"))
        }
        let users = try await store.sql.raw("SELECT COUNT(*) AS n FROM users").first()!.decode(column: "n", as: Int.self)
        XCTAssertEqual(users, 1)
        try await store.close()
    }

    func testTextIsStoredNFC() async throws {
        let store = try await seededStore()
        let decomposed = "Nguyễn Thị Hòa".decomposedStringWithCanonicalMapping
        _ = try await store.addUser(name: "hoa", displayName: decomposed, grants: [Grant(role: .editor, site: nil)])
        let name = try await store.sql.raw("SELECT display_name FROM users").first()!.decode(column: "display_name", as: String.self)
        XCTAssertTrue(Normalization.isNFC(name))
        XCTAssertEqual(Array(name.unicodeScalars), Array("Nguyễn Thị Hòa".precomposedStringWithCanonicalMapping.unicodeScalars))
        for row in try await store.sql.raw("SELECT title, body FROM submissions").all() {
            XCTAssertTrue(Normalization.isNFC(try row.decode(column: "title", as: String.self)))
            XCTAssertTrue(Normalization.isNFC(try row.decode(column: "body", as: String.self)))
        }
        try await store.close()
    }

    func testSpellFindingsAreCountedOnEverySaveAndForRowsFromBeforeTheColumn() async throws {
        let store = try await seededStore()
        let items = try await store.submissions(.init(statuses: [.submitted], limit: 200)).items
        let vietnamese = try XCTUnwrap(items.first { $0.language == "vi" })
        let english = try XCTUnwrap(items.first { $0.language == "en" })
        XCTAssertNotNil(vietnamese.spellFindings, "seeded rows are counted")
        XCTAssertNil(english.spellFindings, "English is not held to Vietnamese spelling")
        // Two slips, then none: the list row follows each save.
        let slips = SubmissionEdit(title: "Hội nghi tổng kết", sapo: "Sáng nay, Sở Y tế họp.", body: "Sở Y tế thực hiên kế hoạch.")
        guard case .saved = try await store.save(id: vietnamese.id, expected: vietnamese.revision, edit: slips, author: "bt", scope: .everything)
        else { return XCTFail("not saved") }
        let saved = try await store.submission(id: vietnamese.id, scope: .everything)
        XCTAssertEqual(saved?.summary.spellFindings, 2)
        let clean = SubmissionEdit(title: "Hội nghị tổng kết", sapo: "Sáng nay, Sở Y tế họp.", body: "Sở Y tế thực hiện kế hoạch.")
        guard case .saved = try await store.save(id: vietnamese.id, expected: vietnamese.revision + 1, edit: clean, author: "bt", scope: .everything)
        else { return XCTFail("not saved") }
        let listed = try await store.submissions(.init(statuses: [.submitted], limit: 200)).items.first { $0.id == vietnamese.id }
        XCTAssertEqual(listed?.spellFindings, 0)
        // A database from before the column: the migration's program counts every row.
        let before = try await store.sql.raw("SELECT id, spell_findings FROM submissions ORDER BY id").all().map {
            (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "spell_findings", as: Int?.self))
        }
        try await store.transaction { try await store.sql.raw("UPDATE submissions SET spell_findings = NULL").run() }
        try await store.transaction { try await store.fillSpellFindings() }
        let after = try await store.sql.raw("SELECT id, spell_findings FROM submissions ORDER BY id").all().map {
            (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "spell_findings", as: Int?.self))
        }
        XCTAssertEqual(after.map(\.0), before.map(\.0))
        XCTAssertEqual(after.map(\.1), before.map(\.1))
        XCTAssertTrue(after.contains { ($0.1 ?? 0) > 0 }, "the sample has items with findings")
        try await store.close()
    }

    func testRevisionsReadTheSameWhereverTheirTextIsKept() async throws {
        let store = try await seededStore()
        let items = try await store.submissions(.init(statuses: [.submitted], limit: 3)).items
        XCTAssertEqual(items.count, 3)
        // Two items get a second and a third revision; the third keeps its one.
        for item in items.prefix(2) {
            for step in 1...2 {
                let edit = SubmissionEdit(title: "\(item.title) (\(step))", sapo: "Sa pô \(step)", body: "Thân bài, lần sửa \(step).", note: "sửa \(step)")
                guard case .saved = try await store.save(id: item.id, expected: item.revision + step - 1, edit: edit, author: "bt", scope: .everything)
                else { return XCTFail("not saved") }
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
        XCTAssertEqual(kept.map(\.count), [9, 9, 3], "three revisions, each read and diffed; one")
        XCTAssertTrue(kept[0].joined().contains("lần sửa 2"))
        let count = try await store.countSubmissions().values.reduce(0, +)
        let keptAtFirst = try await keptInSubmissions()
        XCTAssertEqual(keptAtFirst, count, "each item's newest words are stored once")
        // A database from before migration 16: every revision whole in its own row.
        try await store.transaction { try await store.sql.raw("""
            UPDATE revisions SET title = (SELECT s.title FROM submissions s WHERE s.id = revisions.submission_id),
                sapo = (SELECT s.sapo FROM submissions s WHERE s.id = revisions.submission_id),
                body = (SELECT s.body FROM submissions s WHERE s.id = revisions.submission_id), text_in = 'row'
            WHERE text_in = 'submission'
            """).run() }
        let keptWhole = try await keptInSubmissions(), whole = try await everything()
        XCTAssertEqual(keptWhole, 0)
        XCTAssertEqual(whole, kept)
        try await store.transaction { try await store.keepNewestRevisionTextOnce() }
        let keptAgain = try await keptInSubmissions(), migrated = try await everything()
        XCTAssertEqual(keptAgain, count)
        XCTAssertEqual(migrated, kept, "every revision reads and diffs as before the migration")
        try await store.close()
    }

    func testTheSchedulerPublishesWhatIsDueOnceAndFlagsWhatIsLate() async throws {
        let now = Date(timeIntervalSince1970: 1_795_400_000)
        let store = try await seededStore(now: now)
        let ids = try await store.submissions(.init(statuses: [.approved], limit: 3)).items.map(\.id)
        XCTAssertEqual(ids.count, 3)
        for (id, offset) in zip(ids, [-10.0, -7200, 3600]) {
            try await store.transaction { try await store.sql.raw("""
                UPDATE submissions SET status = 'scheduled', publish_at = \(bind: Store.millis(now.addingTimeInterval(offset))) WHERE id = \(bind: id)
                """).run() }
        }
        let published = try await store.publishDue(now: now, actor: "scheduler@test")
        XCTAssertEqual(published, [ids[1], ids[0]], "the longest overdue first; the future one waits")
        let again = try await store.publishDue(now: now.addingTimeInterval(1), actor: "scheduler@test")
        XCTAssertEqual(again, [], "published once")
        let onTime = try await store.events(of: ids[0], scope: .everything)
        XCTAssertEqual(onTime?.map(\.action), [.publish])
        XCTAssertEqual(onTime?.first?.actor, "scheduler@test")
        XCTAssertEqual(onTime?.first?.note, "")
        let late = try await store.events(of: ids[1], scope: .everything)
        XCTAssertTrue(late?.first?.note.hasPrefix("late: due ") ?? false, "\(String(describing: late))")
        let publication = try await store.publication(of: ids[0], scope: .everything)
        XCTAssertEqual(publication?.publishedAt, now, "the scheduler renders and records the publication too")
        XCTAssertTrue(publication?.path.hasSuffix("-\(ids[0]).html") ?? false)
        let waiting = try await store.submission(id: ids[2], scope: .everything)
        XCTAssertEqual(waiting?.summary.status, .scheduled)
        try await store.close()
    }
}

// The same tests on PostgreSQL. XCTest on Linux runs only the test methods a
// class declares itself, so each is declared again here;
// `testEveryTestRunsOnPostgresToo` keeps the lists complete.
final class StoreTestsOnPostgres: StoreTests {
    override class var onPostgres: Bool { true }
    override func testMigrationsCreateTheSchemaOnceAndInWAL() async throws { try await super.testMigrationsCreateTheSchemaOnceAndInWAL() }
    override func testReadsRunSideBySideAndOnlyTransactionsWrite() async throws { try await super.testReadsRunSideBySideAndOnlyTransactionsWrite() }
    override func testSeedingFillsTheDatabaseAndRefusesASecondTime() async throws { try await super.testSeedingFillsTheDatabaseAndRefusesASecondTime() }
    override func testTokensAreStoredOnlyAsHashes() async throws { try await super.testTokensAreStoredOnlyAsHashes() }
    override func testUserNamesAndSitesAreChecked() async throws { try await super.testUserNamesAndSitesAreChecked() }
    override func testTextIsStoredNFC() async throws { try await super.testTextIsStoredNFC() }
    override func testSpellFindingsAreCountedOnEverySaveAndForRowsFromBeforeTheColumn() async throws {
        try await super.testSpellFindingsAreCountedOnEverySaveAndForRowsFromBeforeTheColumn()
    }
    override func testTheSchedulerPublishesWhatIsDueOnceAndFlagsWhatIsLate() async throws {
        try await super.testTheSchedulerPublishesWhatIsDueOnceAndFlagsWhatIsLate()
    }
    override func testRevisionsReadTheSameWhereverTheirTextIsKept() async throws { try await super.testRevisionsReadTheSameWhereverTheirTextIsKept() }

    func testEveryTestRunsOnPostgresToo() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(atPath: here.path).filter {
            $0.hasSuffix(".swift") && ((try? String(contentsOf: here.appendingPathComponent($0), encoding: .utf8))?.contains("OnPostgres: ") ?? false)
        }
        XCTAssertTrue(files.contains("StoreTests.swift"), "\(files)")
        for file in files {
            let text = try String(contentsOf: here.appendingPathComponent(file), encoding: .utf8)
            let declared = text.components(separatedBy: "\n").compactMap { line -> String? in
                guard line.hasPrefix("    func test"), let name = line.dropFirst(9).split(separator: "(").first else { return nil }
                return String(name)
            }
            let overridden = Set(text.components(separatedBy: "\n").compactMap { line -> String? in
                guard line.hasPrefix("    override func test"), let name = line.dropFirst(18).split(separator: "(").first else { return nil }
                return String(name)
            })
            // These touch no database: once is enough.
            let databaseFree = ["testDatabaseLocations", "testEveryTestRunsOnPostgresToo", "testTheShippedDefaultIsTheDocumentedOneAndUsable",
                                "testEveryRouteIsDocumentedAndEveryDocumentedRouteAnswers", "testTheContractNamesEveryErrorCodeTheServerGives"]
            let missing = declared.filter { !overridden.contains($0) && !databaseFree.contains($0) }
            XCTAssertEqual(missing, [], "\(file): tests not run on PostgreSQL")
        }
    }
}
