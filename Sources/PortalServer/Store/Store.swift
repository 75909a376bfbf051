import Foundation
import Logging
import NewsroomKit
import NIOPosix
import PostgresKit
import SQLKit

/// The portal's storage: one SQL database behind SQLKit, so the same queries
/// serve SQLite and PostgreSQL. Only this folder writes SQL.
///
/// Connections: one for transactions (the only one that writes; transactions take
/// their turn on it) and a few read-only ones that serve reads outside a
/// transaction side by side. Inside `transaction`, `sql` is the transaction's
/// connection, so a transaction reads what it has written.
///
/// `@unchecked Sendable`: `stateLock` guards every mutable stored property (the read
/// connections, whether it is closed, the commit count); the rest are `let`s, and the
/// connections serve one statement at a time themselves.
public final class Store: @unchecked Sendable {
    private enum Connection {
        /// Connections of our own over libsqlite3 (`SQLite/`): the writer is a pool of one, the
        /// readers one pool of several.
        case sqlite(SQLiteDatabase)
        case postgres(PostgresConnection)
        /// A read connection whose statements are prepared once each (`PreparedPostgresDatabase`).
        case postgresReader(PreparedPostgresDatabase)

        var sql: any SQLDatabase {
            switch self {
            case .sqlite(let database): return database
            case .postgres(let c): return c.sql()
            case .postgresReader(let database): return database
            }
        }

        func close() async throws {
            switch self {
            case .sqlite(let database): database.pool.close()
            case .postgres(let c): try await c.close()
            case .postgresReader(let database): try await database.connection.close()
            }
        }
    }
    private let writer: Connection
    /// The writer's connection (the tests look at it).
    let writerSQL: any SQLDatabase
    private let transactionGate = AsyncGate()
    /// The folder of an SQLite database file, whose free space decides whether the store can
    /// take writes; nil on PostgreSQL, whose server watches its own disk.
    public let fileDirectory: String?
    // `stateLock` guards every stored property below it.
    private let stateLock = NSLock()
    /// Set once, when `open` has brought the schema up to date; until then reads use the writer.
    private var readers: [any SQLDatabase] = []
    /// The reader the next statement outside a transaction goes to, in turn.
    private var nextReader = 0
    private var readerConnections: [Connection] = []
    private var isClosed = false
    private var commits = 0
    /// SQLite's checkpoints, off the writer's path; nil on PostgreSQL.
    private var checkpointer: SQLiteCheckpointer?

    /// How many transactions this store has committed: a cache of reads made when it
    /// was n holds for as long as it is still n (writes by other processes aside).
    public var commitCount: Int { stateLock.withLock { commits } }

    /// What every timestamp the store writes, and every expiry it checks, is read from:
    /// a `Store` method's `now` defaults to it, and the routes and the Scheduler read it too.
    public let clock: any WallClock

    /// How long a transaction waits on SQLite for another process's write lock before the
    /// store answers that the database is busy.
    let writeLockPatience: Duration

    /// The transaction the current task runs in, and the store it belongs to.
    @TaskLocal private static var openTransaction: ObjectIdentifier?

    /// Where a statement goes: the transaction's connection inside `transaction`, a reader outside.
    var sql: any SQLDatabase {
        if Store.openTransaction == ObjectIdentifier(self) { return writerSQL }
        // In turn, not at random: a random choice asked the kernel for entropy on every request.
        return stateLock.withLock { () -> (any SQLDatabase)? in
            guard !readers.isEmpty else { return nil }
            nextReader = (nextReader + 1) % readers.count
            return readers[nextReader]
        } ?? writerSQL
    }

    /// Inside a transaction: waits until no other transaction, in any process, holds `key`,
    /// and holds it until this one ends, so a count and the write it allows are one step.
    /// SQLite needs nothing: BEGIN IMMEDIATE lets one writer in at a time already.
    func serialize(on key: String) async throws {
        guard dialect == .postgres else { return }
        _ = try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: key)))").all()
    }

    /// A statement's database answered no row where it always answers one (an INSERT … RETURNING).
    struct NoRowReturned: Error {}

    /// The row a statement that always answers one (INSERT … RETURNING, COUNT) answers: a
    /// database that answers none is an error for the request, not a trap for the process.
    func returning(_ statement: SQLQueryString) async throws -> any SQLRow {
        guard let row = try await sql.raw(statement).first() else { throw NoRowReturned() }
        return row
    }

    /// Which SQL the database speaks, where the two differ (DDL, transactions).
    enum Dialect { case sqlite, postgres }
    var dialect: Dialect {
        switch writer {
        case .sqlite: return .sqlite
        case .postgres, .postgresReader: return .postgres
        }
    }

    /// How many read connections `open` makes unless told: SQLite's reads run on the task that
    /// asks, one per cooperative thread, with two more for searches that read every row on NIO's
    /// thread pool; PostgreSQL's run in its own processes.
    public static func defaultReaders(for location: DatabaseLocation) -> Int {
        switch location {
        case .sqlite: return max(2, System.coreCount) + 2
        case .postgres: return max(2, 2 * System.coreCount)
        }
    }

    /// Opens (creating when needed) the database at `location` and brings its schema up to date.
    /// `writeLockPatience`: how long a transaction on SQLite waits for another process's write lock.
    public static func open(_ location: DatabaseLocation, readers: Int? = nil, clock: any WallClock = SystemClock(),
                            writeLockPatience: Duration = .seconds(5),
                            logger: Logger = Logger(label: "bientap.store")) async throws -> Store {
        var quiet = logger
        quiet.logLevel = .warning
        let readerCount = readers ?? defaultReaders(for: location)
        let store: Store
        switch location {
        case .sqlite(let path):
            // Not NSString's `deletingLastPathComponent`: Foundation traps on some one-component
            // paths (`sqlite:x`), where URL's answers the working directory.
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let writer = try openSQLite(path)
            let checkpointer: SQLiteCheckpointer
            do {
                // Checkpoints run on a thread of their own (SQLiteCheckpointer), not in the commit
                // that fills the WAL, where they would hold the writer and a cooperative thread.
                try writer.execute("PRAGMA wal_autocheckpoint=0", binds: []) { _ in }
                checkpointer = try SQLiteCheckpointer(path: path, writer: writer)
            } catch {
                writer.close()
                throw error
            }
            store = Store(writer: .sqlite(SQLiteDatabase(pool: SQLiteConnectionPool([writer]), logger: quiet)), clock: clock,
                          fileDirectory: directory, writeLockPatience: writeLockPatience)
            store.stateLock.withLock { store.checkpointer = checkpointer }
            do {
                try await Migrations.apply(to: store)
                var connections: [SQLiteConnection] = []
                defer { if connections.count < readerCount { connections.forEach { $0.close() } } }
                for _ in 0..<readerCount {
                    let reader = try openSQLite(path)
                    connections.append(reader)
                    // A write outside a transaction is a mistake: it would not take its turn.
                    try reader.execute("PRAGMA query_only=ON", binds: []) { _ in }
                }
                if readerCount > 0 {
                    let readers = Connection.sqlite(SQLiteDatabase(pool: SQLiteConnectionPool(connections), logger: quiet))
                    store.stateLock.withLock { store.readerConnections = [readers] }
                }
            } catch {
                try? await store.close()
                throw error
            }
        case .postgres(let url):
            guard let configuration = try? SQLPostgresConfiguration(url: url) else {
                throw DatabaseLocation.Invalid(description: "cannot read the PostgreSQL URL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)")
            }
            let connect = {
                try await PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration.coreConfiguration,
                    id: 1, logger: quiet)
            }
            store = Store(writer: .postgres(try await connect()), clock: clock, fileDirectory: nil, writeLockPatience: writeLockPatience)
            do {
                try await Migrations.apply(to: store)
                // Readers prepare their statements: opened after the migrations, they never hold
                // one made before a change to the tables it reads.
                for _ in 0..<readerCount {
                    let connection = try await connect()
                    let reader = Connection.postgresReader(PreparedPostgresDatabase(connection: connection))
                    store.stateLock.withLock { store.readerConnections.append(reader) }
                    // A write outside a transaction is a mistake: it would not take its turn. Sent
                    // once, unnamed: it needs none of the connection's prepared names.
                    try await connection.sql().raw("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY").run()
                }
            } catch {
                try? await store.close()
                throw error
            }
        }
        store.stateLock.withLock { store.readers = store.readerConnections.map(\.sql) }
        return store
    }

    /// How much of an SQLite file each connection maps (SQLite lowers it to its own limit).
    static let sqliteMapSize: Int64 = 1 << 31

    /// A connection to the SQLite file at `path`, set as every one of the store's is.
    private static func openSQLite(_ path: String) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: path)
        do {
            // synchronous=NORMAL: a commit is in the WAL, in the kernel's hands, when a save is
            // acknowledged, and the WAL is synced at each checkpoint. That survives the process
            // being killed (a test kills it during saves) but not the machine losing power,
            // where the last commits before the cut may go; it is what makes a save cost
            // no fsync (see Docs/performance.md). PostgreSQL keeps its own synchronous_commit.
            // page_size (taken by a new file only, before WAL): a 4 KB page holds one item's row
            // (about 3.5 KB) and leaves the rest unused; a 16 KB page holds four (Docs/performance.md).
            for pragma in ["PRAGMA page_size=16384", "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                           "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=\(SQLiteConnection.busyMilliseconds)"] {
                try connection.execute(pragma, binds: []) { _ in }
            }
            // mmap_size: pages read through a memory map of the file, as far as the library allows
            // (Debian's: 2 GiB), not copied out of the kernel's cache by a read() each — a sixth of
            // an item's CPU. The price: an I/O error under the map stops the process (SIGBUS)
            // instead of failing one statement (Docs/performance.md, fourth round).
            try connection.execute("PRAGMA mmap_size=\(Store.sqliteMapSize)", binds: []) { _ in }
            try Store.installSearchFunction(on: connection)
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    private init(writer: Connection, clock: any WallClock, fileDirectory: String?, writeLockPatience: Duration) {
        self.writer = writer
        self.writeLockPatience = writeLockPatience
        self.writerSQL = writer.sql
        self.clock = clock
        self.fileDirectory = fileDirectory
    }

    public func close() async throws {
        let readers: [Connection]? = stateLock.withLock {
            guard !isClosed else { return nil }
            isClosed = true
            return readerConnections
        }
        guard let readers else { return }
        for reader in readers { try? await reader.close() }
        stateLock.withLock { checkpointer }?.close()
        try await writer.close()
    }

    /// Runs `body` in one transaction; concurrent transactions wait their turn.
    /// A transaction begun inside another joins it.
    func transaction<T>(_ body: () async throws -> T) async throws -> T {
        if Store.openTransaction == ObjectIdentifier(self) { return try await body() }
        return try await transactionGate.run {
            try await Store.$openTransaction.withValue(ObjectIdentifier(self)) {
                // SQLite takes the write lock at once, so two writers never deadlock upgrading a read lock.
                if case .sqlite(let database) = writer {
                    try await database.beginImmediate(patience: writeLockPatience)
                } else {
                    try await sql.raw("BEGIN").run()
                }
                do {
                    let result = try await body()
                    try await sql.raw("COMMIT").run()
                    stateLock.withLock { commits += 1 }
                    return result
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
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

/// Lets one async task at a time through, in arrival order: `enter`, then `leave` once done.
actor AsyncGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if busy {
            // `leave` hands the gate over without opening it: `busy` stays true for this task.
            await withCheckedContinuation { waiting.append($0) }
        }
        busy = true
    }

    func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }

    /// `body` once the gate lets this task in. Outside the actor: the body and its result stay
    /// in the calling task, so nothing that is not Sendable crosses into the gate.
    nonisolated func run<T>(_ body: () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await body()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }
}
