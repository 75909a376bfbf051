import CSQLite
import Dispatch
import Foundation

/// Copies the WAL back into the database file on a thread of its own, on a connection of its own.
///
/// SQLite's automatic checkpoint runs inside the commit that takes the WAL past 1,000 pages: that
/// save would wait for the copy and its fsyncs, and so would every save behind it, and the
/// cooperative thread running it. The writer runs with `wal_autocheckpoint=0` instead and tells
/// this object, from its WAL hook, how long the WAL is after each commit; past the threshold a
/// PASSIVE checkpoint runs here — it copies what no reader still needs and takes no lock that
/// holds the writer or the readers up. The next writer starts the WAL over once all of it is
/// copied. Durability is SQLite's with `synchronous=NORMAL`: the WAL is synced before a
/// checkpoint copies it, the file after.
///
/// `@unchecked Sendable`: `lock` guards `pending` and `closed`; `connection` is used on `queue` only.
final class SQLiteCheckpointer: @unchecked Sendable {
    /// The WAL pages after which a checkpoint runs: SQLite's own default.
    static let threshold: Int32 = 1000
    private let connection: SQLiteConnection
    private let writer: SQLiteConnection
    private let queue = DispatchQueue(label: "bientap.sqlite.checkpoint")
    private let lock = NSLock()
    private var pending = false
    private var closed = false
    private var runs = 0

    init(path: String, writer: SQLiteConnection) throws {
        connection = try SQLiteConnection(path: path)
        // A connection that has not read the file yet does not know it is in WAL mode, and
        // its checkpoints would do nothing.
        try connection.execute("PRAGMA journal_mode=WAL", binds: []) { _ in }
        self.writer = writer
        try writer.withHandle { handle in
            _ = sqlite3_wal_hook(handle, { context, _, _, pages in
                if let context, pages >= SQLiteCheckpointer.threshold {
                    Unmanaged<SQLiteCheckpointer>.fromOpaque(context).takeUnretainedValue().schedule()
                }
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
        }
    }

    /// How many checkpoints have run (for the tests).
    var checkpoints: Int { lock.withLock { runs } }

    private func schedule() {
        let start = lock.withLock {
            guard !pending && !closed else { return false }
            pending = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            lock.withLock { pending = false }
            try? connection.withHandle { handle in
                _ = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
            lock.withLock { runs += 1 }
        }
    }

    /// Takes the hook off the writer, waits for a checkpoint under way, and closes the connection.
    func close() {
        lock.withLock { closed = true }
        _ = try? writer.withHandle { sqlite3_wal_hook($0, nil, nil) }
        queue.sync {}
        connection.close()
    }
}
