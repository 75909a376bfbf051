import Foundation
import NIOCore
import Polling
@testable import PortalServer
import SQLKit
import Testing

/// The store's own SQLite layer: statements kept per connection, binds and decodes that fail as
/// errors, statements prepared again when the schema under them changed, hostile bytes read.
struct SQLiteConnectionTests {
    /// A fresh file in a directory of its own, for `body`; removed after it.
    private func withFile(_ body: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory.appendingPathComponent("test.sqlite").path)
    }

    private func rows(_ connection: SQLiteConnection, _ sql: String, _ binds: [any Encodable & Sendable] = []) throws -> [SQLiteRow] {
        var rows: [SQLiteRow] = []
        try connection.execute(sql, binds: binds) { rows.append($0) }
        return rows
    }

    @Test func aStatementIsPreparedOnceAndRunMany() async throws {
        try await withFile { path in
            let connection = try SQLiteConnection(path: path)
            defer { connection.close() }
            _ = try rows(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
            let before = connection.counts
            for id in 1...50 {
                _ = try rows(connection, "INSERT INTO t (id, name) VALUES (?1, ?2)", [id, "tên \(id)"])
            }
            for id in 1...50 {
                let found = try rows(connection, "SELECT name FROM t WHERE id = ?1", [id])
                #expect(try found.first?.decode(column: "name", as: String.self) == "tên \(id)")
            }
            let after = connection.counts
            #expect(after.uses - before.uses == 100)
            #expect(after.prepares - before.prepares == 2, "one prepare for each of the two texts")
        }
    }

    @Test func theStoreSendsAStatementToAConnectionThatKeptIt() async throws {
        try await TemporaryDatabase.with(.sqlite) { db in
            let store = try await Store.open(db.location, readers: 1)
            let database = store.sql as? SQLiteDatabase
            let reader = database?.pool.connections.first
            _ = try await store.sites()
            let before = reader?.counts
            for _ in 0..<20 { _ = try await store.sites() }
            let after = reader?.counts
            try await store.close()
            #expect(reader != nil)
            #expect(after.map { $0.uses - (before?.uses ?? 0) } == 20)
            #expect(after?.prepares == before?.prepares)
        }
    }

    /// Every connection of the store, the writer's and the readers', reads the file through a memory map.
    @Test func theStoresConnectionsMapTheFile() async throws {
        try await TemporaryDatabase.with(.sqlite) { db in
            var sizes: [Int64] = []
            // Without readers, statements go to the writer; with two, to the readers' pool.
            for readers in [0, 2] {
                let store = try await Store.open(db.location, readers: readers)
                for connection in (store.sql as? SQLiteDatabase)?.pool.connections ?? [] {
                    sizes.append(try rows(connection, "PRAGMA mmap_size").first?.decode(column: "mmap_size", as: Int64.self) ?? 0)
                }
                try await store.close()
            }
            #expect(sizes.count == 3)
            #expect(sizes.allSatisfy { $0 > 0 && $0 <= Store.sqliteMapSize }, "\(sizes)")
        }
    }

    @Test func aBindOrDecodeThatCannotBeIsAnErrorNotATrap() async throws {
        try await withFile { path in
            let connection = try SQLiteConnection(path: path)
            defer { connection.close() }
            _ = try rows(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB)")
            // A type no column takes.
            #expect(throws: SQLiteError.self) { try rows(connection, "INSERT INTO t (name) VALUES (?1)", [Date()]) }
            // Too few and too many values for the placeholders.
            #expect(throws: SQLiteError.self) { try rows(connection, "INSERT INTO t (id, name) VALUES (?1, ?2)", [1]) }
            #expect(throws: SQLiteError.self) { try rows(connection, "INSERT INTO t (name) VALUES (?1)", ["a", "b"]) }
            // SQL that is not SQL, and two statements where one runs.
            #expect(throws: SQLiteError.self) { try rows(connection, "SELEC nothing") }
            #expect(throws: SQLiteError.self) { try rows(connection, "SELECT 1; DELETE FROM t") }
            _ = try rows(connection, "INSERT INTO t (id, name, score, data) VALUES (?1, ?2, ?3, ?4)",
                         [Int64(7), String?.none, 2.5, ByteBuffer(bytes: [0, 1, 2])])
            let row = try #require(try rows(connection, "SELECT id, name, score, data FROM t").first)
            #expect(try row.decode(column: "id", as: Int.self) == 7)
            #expect(try row.decode(column: "name", as: String?.self) == nil)
            #expect(try row.decode(column: "score", as: Double.self) == 2.5)
            #expect(try row.decode(column: "data", as: ByteBuffer.self) == ByteBuffer(bytes: [0, 1, 2]))
            #expect(throws: SQLiteDecodingError.self) { try row.decode(column: "name", as: String.self) }
            #expect(throws: SQLiteDecodingError.self) { try row.decode(column: "score", as: Int.self) }
            #expect(throws: SQLiteDecodingError.self) { try row.decode(column: "id", as: Bool.self) }
            #expect(throws: SQLiteDecodingError.self) { try row.decode(column: "id", as: [String].self) }
            #expect(throws: SQLiteDecodingError.self) { try row.decode(column: "missing", as: Int.self) }
            // An enum binds its raw value; a nil of any optional is NULL.
            _ = try rows(connection, "INSERT INTO t (id, name) VALUES (?1, ?2)", [8, Choice.second])
            _ = try rows(connection, "INSERT INTO t (id, name) VALUES (?1, ?2)", [9, Choice?.none])
            let bound = try rows(connection, "SELECT name FROM t WHERE id IN (8, 9) ORDER BY id")
            #expect(try bound.map { try $0.decode(column: "name", as: String?.self) } == ["second", nil])
        }
    }

    private enum Choice: String, Encodable { case first, second }

    @Test func aKeptStatementFollowsTheSchemaAnotherConnectionChanged() async throws {
        try await withFile { path in
            let writer = try SQLiteConnection(path: path), reader = try SQLiteConnection(path: path)
            defer { writer.close(); reader.close() }
            _ = try rows(writer, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
            _ = try rows(writer, "INSERT INTO t (id, name) VALUES (1, 'một')")
            #expect(try rows(reader, "SELECT * FROM t").first?.allColumns == ["id", "name"])
            // A migration while the reader keeps its statement.
            _ = try rows(writer, "ALTER TABLE t ADD COLUMN words INTEGER NOT NULL DEFAULT 12")
            let row = try #require(try rows(reader, "SELECT * FROM t").first)
            #expect(row.allColumns == ["id", "name", "words"])
            #expect(try row.decode(column: "words", as: Int.self) == 12)
            _ = try rows(writer, "DROP TABLE t")
            #expect(throws: SQLiteError.self) { try rows(reader, "SELECT * FROM t") }
        }
    }

    @Test func hostileBytesAnotherProgramWroteReadWithoutATrap() async throws {
        try await withFile { path in
            let connection = try SQLiteConnection(path: path)
            defer { connection.close() }
            _ = try rows(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
            // A NUL inside a text, bytes that are not UTF-8 cast to text, a lone continuation byte,
            // a truncated three-byte sequence at the end.
            _ = try rows(connection, """
                INSERT INTO t (id, title, body) VALUES (1, 'a' || char(0) || 'b', CAST(X'C3FF41' AS TEXT)),
                (2, CAST(X'80' AS TEXT), CAST(X'41E1BA' AS TEXT))
                """)
            try Store.installSearchFunction(on: connection)
            let found = try rows(connection, "SELECT id, title, body, bientap_search(title, title, body, 'a') AS hit FROM t ORDER BY id")
            #expect(found.count == 2)
            #expect(try found[0].decode(column: "title", as: String.self) == "a\u{0}b")
            #expect(try found[0].decode(column: "body", as: String.self) == "\u{FFFD}\u{FFFD}A")
            #expect(try found[1].decode(column: "title", as: String.self) == "\u{FFFD}")
            #expect(try found[0].decode(column: "hit", as: Int.self) == 1)
            #expect(try found[1].decode(column: "hit", as: Int.self) == 1)
        }
    }

    @Test func checkpointsRunBesideTheWriterAndCopyTheWAL() async throws {
        try await withFile { path in
            let writer = try SQLiteConnection(path: path)
            for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA wal_autocheckpoint=0"] {
                _ = try rows(writer, pragma)
            }
            let checkpointer = try SQLiteCheckpointer(path: path, writer: writer)
            defer { checkpointer.close(); writer.close() }
            _ = try rows(writer, "CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)")
            // Three times the threshold's pages, one commit at a time, as saves come.
            let page = [UInt8](repeating: 0x61, count: 4096)
            for id in 1...(3 * Int(SQLiteCheckpointer.threshold)) {
                _ = try rows(writer, "INSERT INTO t (id, body) VALUES (?1, ?2)", [id, page])
            }
            #expect(try await eventually(every: .milliseconds(10)) { checkpointer.checkpoints >= 1 })
            // The checkpoint copied the WAL's pages into the file, which held only the schema before.
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            #expect(size > Int(SQLiteCheckpointer.threshold) / 2 * 4096)
            #expect(try rows(writer, "SELECT COUNT(*) AS n FROM t").first?.decode(column: "n", as: Int.self) == 3 * Int(SQLiteCheckpointer.threshold))
        }
    }

    @Test func onlyAStatementCallingTheSearchFunctionIsSentOffTheCooperativeThreads() {
        #expect(SQLiteDatabase.readsEveryRow("SELECT 1 FROM submissions s WHERE bientap_search(s.title, s.sapo, s.body, ?1) = 1"))
        #expect(!SQLiteDatabase.readsEveryRow("SELECT title FROM submissions WHERE id = ?1"))
    }
}
