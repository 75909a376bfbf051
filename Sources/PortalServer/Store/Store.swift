import Foundation
import Logging
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// The portal's storage: one SQL database behind SQLKit, so the same queries
/// serve SQLite and PostgreSQL. Only this folder writes SQL.
public final class Store: @unchecked Sendable {
    let sql: any SQLDatabase
    private enum Connection {
        case sqlite(SQLiteConnection)
        case postgres(PostgresConnection)
    }
    private let connection: Connection
    private let transactionGate = AsyncGate()
    private var isClosed = false

    /// Which SQL the database speaks, where the two differ (DDL, transactions).
    enum Dialect { case sqlite, postgres }
    var dialect: Dialect {
        switch connection {
        case .sqlite: return .sqlite
        case .postgres: return .postgres
        }
    }

    /// Opens (creating when needed) the database at `location` and brings its schema up to date.
    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "bientap.store")) async throws -> Store {
        switch location {
        case .sqlite(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            var quiet = logger
            quiet.logLevel = .warning
            let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: quiet)
            let store = Store(connection: .sqlite(connection), sql: connection.sql())
            do {
                for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"] {
                    try await store.sql.raw(SQLQueryString(pragma)).run()
                }
                try await Migrations.apply(to: store)
            } catch {
                try? await store.close()
                throw error
            }
            return store
        case .postgres(let url):
            guard let configuration = try? SQLPostgresConfiguration(url: url) else {
                throw DatabaseLocation.Invalid(description: "cannot read the PostgreSQL URL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)")
            }
            var quiet = logger
            quiet.logLevel = .warning
            let connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration.coreConfiguration,
                id: 1, logger: quiet)
            let store = Store(connection: .postgres(connection), sql: connection.sql())
            do {
                try await Migrations.apply(to: store)
            } catch {
                try? await store.close()
                throw error
            }
            return store
        }
    }

    private init(connection: Connection, sql: any SQLDatabase) {
        self.connection = connection
        self.sql = sql
    }

    public func close() async throws {
        guard !isClosed else { return }
        isClosed = true
        switch connection {
        case .sqlite(let c): try await c.close()
        case .postgres(let c): try await c.close()
        }
    }

    /// Runs `body` in one transaction; concurrent transactions wait their turn.
    func transaction<T>(_ body: () async throws -> T) async throws -> T {
        try await transactionGate.run {
            // SQLite takes the write lock at once, so two writers never deadlock upgrading a read lock.
            try await sql.raw(dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
            do {
                let result = try await body()
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Now, in the epoch milliseconds every timestamp column holds.
    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }
}

/// Lets one async task at a time through, in arrival order.
actor AsyncGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T>(_ body: () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        }
        busy = true
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}
