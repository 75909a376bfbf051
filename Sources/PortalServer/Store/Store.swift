import Foundation
import Logging
import SQLKit
import SQLiteKit

/// The portal's storage: one SQL database behind SQLKit, so the same queries
/// serve SQLite now and PostgreSQL later. Only this folder writes SQL.
public final class Store: @unchecked Sendable {
    let sql: any SQLDatabase
    private let connection: SQLiteConnection
    private let transactionGate = AsyncGate()
    private var isClosed = false

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
            let store = Store(connection: connection)
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
        }
    }

    private init(connection: SQLiteConnection) {
        self.connection = connection
        sql = connection.sql()
    }

    public func close() async throws {
        guard !isClosed else { return }
        isClosed = true
        try await connection.close()
    }

    /// Runs `body` in one transaction; concurrent transactions wait their turn.
    func transaction<T>(_ body: () async throws -> T) async throws -> T {
        try await transactionGate.run {
            try await sql.raw("BEGIN IMMEDIATE").run()
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
