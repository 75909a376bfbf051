import CSQLite
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// SQLKit's face of a few `SQLiteConnection`s to one file: the store's queries run on it as on
/// PostgreSQL's connection.
///
/// A statement runs on the task that sends it, on a connection no other task is using: a read
/// the page cache answers takes microseconds, less than handing it to another thread and back.
/// A statement that calls the search function (`bientap_search`, which may read every row for
/// seconds) goes to NIO's thread pool instead, so it does not hold one of Swift's cooperative
/// threads that every request shares.
struct SQLiteDatabase: SQLDatabase {
    let pool: SQLiteConnectionPool
    let logger: Logger

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, binds) = serialize(query)
        try await pool.run(sql, binds: binds, offloaded: Self.readsEveryRow(sql)) { onRow($0) }
    }

    /// `BEGIN IMMEDIATE`, for a transaction that will write. While another process (the command
    /// line, a backup) holds the write lock the task sleeps between tries, rather than SQLite's
    /// busy handler holding one of the few threads every request shares; SQLite's BUSY once
    /// `patience` has passed.
    func beginImmediate(patience: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + patience
        var pause = Duration.milliseconds(1)
        while try await !pool.withConnection({ try $0.beginImmediate() }) {
            guard clock.now < deadline else { throw SQLiteError(code: SQLITE_BUSY, message: "database is locked") }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(50))
        }
    }

    /// Whether `sql` calls the search function.
    static func readsEveryRow(_ sql: String) -> Bool {
        var sql = sql
        return sql.withUTF8 { text in
            Store.searchFunctionCall.withUnsafeBufferPointer { Store.contains(text, $0) }
        }
    }
}

/// Connections to one file that tasks take in turn: a task that finds none free waits (without
/// holding a thread) for the next one given back.
///
/// `@unchecked Sendable`: `lock` guards `idle` and `waiting`; a connection is used by the one
/// task that took it.
final class SQLiteConnectionPool: @unchecked Sendable {
    let connections: [SQLiteConnection]
    private let lock = NSLock()
    private var idle: [SQLiteConnection]
    private var waiting: [CheckedContinuation<SQLiteConnection, Never>] = []

    init(_ connections: [SQLiteConnection]) {
        self.connections = connections
        idle = connections
    }

    /// Runs `sql` on a free connection: here, or on NIO's thread pool when `offloaded`.
    func run(_ sql: String, binds: [any Encodable & Sendable], offloaded: Bool = false,
             onRow: @escaping @Sendable (SQLiteRow) -> Void) async throws {
        if offloaded {
            let connection = await take()
            defer { giveBack(connection) }
            try await NIOThreadPool.singleton.runIfActive { try connection.execute(sql, binds: binds, onRow: onRow) }
        } else {
            try await withConnection { try $0.execute(sql, binds: binds, onRow: onRow) }
        }
    }

    /// `body` with a free connection, on the calling task.
    func withConnection<T>(_ body: (SQLiteConnection) throws -> T) async throws -> T {
        let connection = await take()
        defer { giveBack(connection) }
        return try body(connection)
    }

    private func take() async -> SQLiteConnection {
        if let free = lock.withLock({ idle.popLast() }) { return free }
        return await withCheckedContinuation { continuation in
            let free: SQLiteConnection? = lock.withLock {
                if let free = idle.popLast() { return free }
                waiting.append(continuation)
                return nil
            }
            if let free { continuation.resume(returning: free) }
        }
    }

    private func giveBack(_ connection: SQLiteConnection) {
        let next: CheckedContinuation<SQLiteConnection, Never>? = lock.withLock {
            if waiting.isEmpty {
                idle.append(connection)
                return nil
            }
            return waiting.removeFirst()
        }
        next?.resume(returning: connection)
    }

    func close() {
        for connection in connections { connection.close() }
    }
}

/// SQLite's SQL as SQLKit writes it: numbered placeholders, double-quoted names.
struct SQLiteDialect: SQLDialect {
    var name: String { "sqlite" }
    var identifierQuote: any SQLExpression { SQLRaw("\"") }
    var literalStringQuote: any SQLExpression { SQLRaw("'") }
    func bindPlaceholder(at position: Int) -> any SQLExpression { SQLRaw("?\(position)") }
    func literalBoolean(_ value: Bool) -> any SQLExpression { SQLRaw(value ? "1" : "0") }
    var literalDefault: any SQLExpression { SQLLiteral.null }
    var supportsAutoIncrement: Bool { false }
    var autoIncrementClause: any SQLExpression { SQLRaw("AUTOINCREMENT") }
    var enumSyntax: SQLEnumSyntax { .unsupported }
    var supportsReturning: Bool { true }
    var upsertSyntax: SQLUpsertSyntax { .standard }
}
