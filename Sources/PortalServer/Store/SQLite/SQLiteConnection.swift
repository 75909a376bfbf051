import CSQLite
import Foundation

/// What SQLite answered when it refused: its result code and its message.
struct SQLiteError: Error, CustomStringConvertible, Sendable {
    let code: Int32
    let message: String
    var description: String { "SQLite (\(code)): \(message)" }

    /// Another connection, maybe in another process, holds a lock this one waited for in vain.
    var isBusy: Bool { code & 0xFF == SQLITE_BUSY }
}

/// One connection to an SQLite file through Debian's libsqlite3.
///
/// Each statement is prepared once, the first time its SQL text is run on this connection, and
/// kept (`SQLITE_PREPARE_PERSISTENT`); running it again binds, steps and resets it. Preparing —
/// parsing and planning — was the largest part of a read's time when every statement was
/// prepared anew (Docs/performance.md). A statement whose tables changed since it was prepared
/// is prepared again by SQLite itself as it steps (its schema cookie), so migrations may run
/// while statements are kept.
///
/// `@unchecked Sendable`: `lock` guards the handle, the kept statements and the counts; one
/// statement at a time runs on a connection, on whichever thread calls `execute`.
final class SQLiteConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: OpaquePointer?
    private var statements: [String: KeptStatement] = [:]
    private var uses = 0
    private var prepares = 0
    /// The most statements kept: the SQL texts the store sends are a few hundred, but lists
    /// vary their number of binds, so an old statement goes when a new one would exceed this.
    static let keptLimit = 512

    /// How long a statement waits, inside SQLite, for a lock another connection holds.
    static let busyMilliseconds: Int32 = 5000

    /// Opens (creating when needed) the file at `path`.
    init(path: String) throws {
        var handle: OpaquePointer?
        // NOMUTEX: SQLite's own per-call mutex is not needed where `lock` lets one caller in.
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite3_close_v2(handle)
            throw SQLiteError(code: status, message: message)
        }
        sqlite3_extended_result_codes(handle, 1)
        self.handle = handle
    }

    deinit { closeHandle() }

    /// Finalizes every kept statement and closes the file.
    func close() {
        lock.withLock { closeHandle() }
    }

    private func closeHandle() {
        for kept in statements.values { sqlite3_finalize(kept.statement) }
        statements = [:]
        sqlite3_close_v2(handle)
        handle = nil
    }

    /// How many statements this connection has prepared, and how many it has run: a kept
    /// statement runs without a prepare (the tests read these, not timings).
    var counts: (prepares: Int, uses: Int) { lock.withLock { (prepares, uses) } }

    /// Runs `body` with the raw handle, for what only the C API does (functions, hooks).
    func withHandle<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        try lock.withLock {
            guard let handle else { throw SQLiteError(code: SQLITE_MISUSE, message: "the connection is closed") }
            return try body(handle)
        }
    }

    /// Runs one statement with `binds` for its placeholders (`?1`, `?2`, …), calling `onRow` with
    /// each row it answers, on the calling thread.
    func execute(_ sql: String, binds: [any Encodable & Sendable], onRow: (SQLiteRow) throws -> Void) throws {
        try lock.withLock {
            guard let handle else { throw SQLiteError(code: SQLITE_MISUSE, message: "the connection is closed") }
            let kept = try keptStatement(sql, handle: handle)
            let statement = kept.statement
            // Whatever happens, the statement leaves reset: a read transaction ends with it.
            defer {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
            let placeholders = Int(sqlite3_bind_parameter_count(statement))
            guard placeholders == binds.count else {
                throw SQLiteError(code: SQLITE_RANGE, message: "the statement has \(placeholders) placeholders, given \(binds.count) values")
            }
            for (offset, value) in binds.enumerated() {
                try SQLiteBinding.bind(value, to: statement, at: Int32(offset + 1), handle: handle)
            }
            while true {
                let status = sqlite3_step(statement)
                if status == SQLITE_DONE { return }
                guard status == SQLITE_ROW else { throw SQLiteConnection.error(status, handle) }
                try onRow(SQLiteRow(statement: statement, columns: kept.columns(of: statement)))
            }
        }
    }

    /// `BEGIN IMMEDIATE` without SQLite's busy wait: false at once when another connection (here
    /// or in another process) holds the write lock, so that the caller can wait without holding
    /// its thread.
    func beginImmediate() throws -> Bool {
        try withHandle { _ = sqlite3_busy_timeout($0, 0) }
        defer { _ = try? withHandle { sqlite3_busy_timeout($0, Self.busyMilliseconds) } }
        do {
            try execute("BEGIN IMMEDIATE", binds: []) { _ in }
            return true
        } catch let error as SQLiteError where error.isBusy {
            return false
        }
    }

    /// The kept statement for `sql`, prepared now if this connection has not prepared it before.
    private func keptStatement(_ sql: String, handle: OpaquePointer) throws -> KeptStatement {
        uses += 1
        if let kept = statements[sql] {
            kept.lastUse = uses
            return kept
        }
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let status = sql.withCString { text in
            sqlite3_prepare_v3(handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
        }
        guard status == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteConnection.error(status == SQLITE_OK ? SQLITE_MISUSE : status, handle, or: "no statement in the SQL text")
        }
        // A second statement after the first would be left unrun without a word.
        if let tail, tail.pointee != 0, !String(cString: tail).allSatisfy({ $0.isWhitespace || $0 == ";" }) {
            sqlite3_finalize(statement)
            throw SQLiteError(code: SQLITE_MISUSE, message: "one statement at a time: the SQL text has more after the first")
        }
        prepares += 1
        if statements.count >= Self.keptLimit, let oldest = statements.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            sqlite3_finalize(oldest.value.statement)
            statements[oldest.key] = nil
        }
        let kept = KeptStatement(statement, lastUse: uses)
        statements[sql] = kept
        return kept
    }

    static func error(_ status: Int32, _ handle: OpaquePointer, or fallback: String = "") -> SQLiteError {
        let message = sqlite3_errmsg(handle).map { String(cString: $0) } ?? fallback
        return SQLiteError(code: status, message: message.isEmpty || message == "not an error" ? fallback : message)
    }
}

/// A prepared statement a connection keeps, with the names of its result columns.
/// Only its connection, under its lock, touches it.
private final class KeptStatement {
    let statement: OpaquePointer
    var lastUse: Int
    private var names: SQLiteColumns?
    /// How many times SQLite had prepared the statement again when `names` were read.
    private var reprepares: Int32 = 0

    init(_ statement: OpaquePointer, lastUse: Int) {
        self.statement = statement
        self.lastUse = lastUse
    }

    /// The result columns' names, read again when SQLite has prepared the statement again
    /// (a migration may have given a `SELECT *` another column).
    func columns(of statement: OpaquePointer) -> SQLiteColumns {
        let now = sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_REPREPARE, 0)
        if let names, now == reprepares { return names }
        let made = SQLiteColumns(statement: statement)
        names = made
        reprepares = now
        return made
    }
}
