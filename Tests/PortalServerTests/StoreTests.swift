import Foundation
import NewsroomKit
@testable import PortalServer
import SQLKit
import VietText
import XCTest

/// A fresh SQLite file per test, removed afterwards.
class TemporaryDatabaseTestCase: XCTestCase {
    var directory: URL!
    var location: DatabaseLocation { .sqlite(path: directory.appendingPathComponent("portal.sqlite").path) }

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-test-\(UUID().uuidString)")
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A migrated, seeded store (the caller closes it).
    func seededStore(now: Date = Date()) async throws -> Store {
        let store = try await Store.open(location)
        try await Seeder.seedSample(into: store, now: now)
        return store
    }
}

final class StoreTests: TemporaryDatabaseTestCase {
    func testDatabaseLocations() throws {
        XCTAssertEqual(try DatabaseLocation("sqlite:/tmp/x.sqlite"), .sqlite(path: "/tmp/x.sqlite"))
        XCTAssertEqual(try DatabaseLocation("sqlite:///tmp/x.sqlite"), .sqlite(path: "/tmp/x.sqlite"))
        XCTAssertThrowsError(try DatabaseLocation("sqlite:")) { XCTAssertTrue("\($0)".contains("file path")) }
        XCTAssertThrowsError(try DatabaseLocation("postgres://db/portal")) { XCTAssertTrue("\($0)".contains("not built yet")) }
        XCTAssertThrowsError(try DatabaseLocation("/tmp/x.sqlite")) { XCTAssertTrue("\($0)".contains("sqlite:PATH")) }
        XCTAssertEqual(DatabaseLocation.defaultLocation(environment: ["XDG_DATA_HOME": "/d"]), "sqlite:/d/bientap/portal.sqlite")
        XCTAssertEqual(DatabaseLocation.defaultLocation(environment: ["HOME": "/h"]), "sqlite:/h/.local/share/bientap/portal.sqlite")
    }

    func testMigrationsCreateTheSchemaOnceAndInWAL() async throws {
        let first = try await Store.open(location)
        let firstVersions = try await Migrations.appliedVersions(in: first)
        XCTAssertEqual(firstVersions, [1])
        let mode = try await first.sql.raw("PRAGMA journal_mode").first()!.decode(column: "journal_mode", as: String.self)
        XCTAssertEqual(mode, "wal")
        try await first.close()
        let second = try await Store.open(location)
        let secondVersions = try await Migrations.appliedVersions(in: second)
        XCTAssertEqual(secondVersions, [1], "reopening applies nothing twice")
        try await second.close()
    }

    func testSeedingFillsTheDatabaseAndRefusesASecondTime() async throws {
        let store = try await seededStore()
        let counts = try await store.countSubmissions()
        XCTAssertEqual(counts.values.reduce(0, +), 240)
        XCTAssertEqual(Set(counts.keys), Set(SubmissionStatus.allCases))
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
        XCTAssertEqual(principal?.visibleSites, ["so-xay-dung"])
        let wrong = try await store.principal(forToken: token + "x")
        XCTAssertNil(wrong)
        try await store.sql.raw("UPDATE tokens SET revoked_at = 1").run()
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
}
