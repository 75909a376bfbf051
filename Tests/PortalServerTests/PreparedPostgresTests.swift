import Foundation
import NIOPosix
import PostgresKit
@testable import PortalServer
import SQLKit
import Testing

/// PostgreSQL's read connections prepare each statement once: the same answers as the
/// unnamed way, a plan kept, a bounded number of statements, failures that do not stick.
struct PreparedPostgresTests {
    /// A connection to a fresh database of the test server, wrapped; closed after `body`.
    private func withConnection(capacity: Int = PreparedPostgresDatabase.defaultCapacity,
                                _ body: (PreparedPostgresDatabase) async throws -> Void) async throws {
        try await TemporaryDatabase.with(.postgres) { db in
            guard case .postgres(let url) = db.location else { throw PostgresURLMissing() }
            let configuration = try SQLPostgresConfiguration(url: url)
            let connection = try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(),
                                                                  configuration: configuration.coreConfiguration, id: 1,
                                                                  logger: .init(label: "test"))
            do {
                try await body(PreparedPostgresDatabase(connection: connection, capacity: capacity))
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        }
    }
    private struct PostgresURLMissing: Error {}

    /// The server's own record of this session's prepared statements.
    private func serverRecord(_ database: PreparedPostgresDatabase) async throws -> [(name: String, generic: Int, custom: Int)] {
        try await database.connection.sql().raw("""
            SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'bientap_%' ORDER BY name
            """).all().map {
            (try $0.decode(column: "name", as: String.self), try $0.decode(column: "generic_plans", as: Int.self),
             try $0.decode(column: "custom_plans", as: Int.self))
        }
    }

    @Test func aStatementIsPreparedOnceAndItsPlanKept() async throws {
        try await withConnection { database in
            for n in 1...20 {
                let row = try await database.raw("SELECT \(bind: Int64(n)) + 1 AS next, \(bind: "tên \(n)") AS name").first()
                #expect(try row?.decode(column: "next", as: Int64.self) == Int64(n) + 1)
                #expect(try row?.decode(column: "name", as: String.self) == "tên \(n)")
            }
            #expect(database.preparedCount == 1)
            let record = try await serverRecord(database)
            #expect(record.count == 1)
            // PostgreSQL plans a statement's first five runs for their values, then keeps one plan.
            #expect((record.first?.generic ?? 0) >= 10, "\(record)")
        }
    }

    @Test func theSameTextWithOtherTypesIsAnotherStatement() async throws {
        try await withConnection { database in
            for value in [Int64?.none, 7, nil, 8] {
                let row = try await database.raw("SELECT COALESCE(\(bind: value), 0) AS v").first()
                #expect(try row?.decode(column: "v", as: Int64.self) == value ?? 0)
            }
            #expect(database.preparedCount == 2)
            #expect(try await serverRecord(database).count == 2)
        }
    }

    @Test func pastItsCapacityAConnectionRunsStatementsUnnamed() async throws {
        try await withConnection(capacity: 3) { database in
            for n in 1...6 {
                let row = try await database.raw("SELECT \(unsafeRaw: String(n)) + \(bind: 1) AS v").first()
                #expect(try row?.decode(column: "v", as: Int.self) == n + 1)
            }
            #expect(database.preparedCount == 3)
            #expect(try await serverRecord(database).count == 3)
        }
    }

    @Test func aValueOfNoPostgresTypeGoesTheUnnamedWay() async throws {
        struct Shape: Codable, Sendable { var sides: Int }
        try await withConnection { database in
            let row = try await database.raw("SELECT (\(bind: Shape(sides: 5))::jsonb ->> 'sides')::int AS sides").first()
            #expect(try row?.decode(column: "sides", as: Int.self) == 5)
            #expect(database.preparedCount == 0)
        }
    }

    @Test func aFailedStatementIsPreparedAgainUnderANewName() async throws {
        try await withConnection(capacity: 4) { database in
            let unnamed = database.connection.sql()
            _ = try await unnamed.raw("CREATE TABLE later (n bigint)").run()
            // Prepared while the table lacks a column: the server refuses it.
            await #expect(throws: (any Error).self) {
                _ = try await database.raw("SELECT n, m FROM later WHERE n > \(bind: 0)").all()
            }
            _ = try await unnamed.raw("ALTER TABLE later ADD COLUMN m text").run()
            _ = try await unnamed.raw("INSERT INTO later VALUES (1, 'một')").run()
            let rows = try await database.raw("SELECT n, m FROM later WHERE n > \(bind: 0)").all()
            #expect(try rows.map { try $0.decode(column: "m", as: String.self) } == ["một"])
            #expect(database.preparedCount == 1)
            #expect(try await serverRecord(database).map(\.name) == ["bientap_2"])
            // Every name ever made counts toward the capacity, the failed one too.
            for n in 1...3 { _ = try await database.raw("SELECT \(unsafeRaw: String(n)) AS v, \(bind: 0) AS w").all() }
            #expect(database.preparedCount == 3)
            #expect(try await serverRecord(database).count == 3)
        }
    }

    @Test func theStoresReadersPrepareWhatTheyRun() async throws {
        try await TemporaryDatabase.with(.postgres) { db in
            let store = try await Store.open(db.location, readers: 1)
            do {
                let reader = store.sql as? PreparedPostgresDatabase
                #expect(reader != nil)
                for _ in 0..<10 { _ = try await store.sites() }
                let prepared = reader?.preparedCount ?? 0
                for _ in 0..<10 { _ = try await store.sites() }
                #expect(prepared >= 1)
                #expect(reader?.preparedCount == prepared)
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
        }
    }
}
