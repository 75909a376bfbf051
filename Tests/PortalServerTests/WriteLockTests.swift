import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NewsroomKit
@testable import PortalServer
import Testing

/// Another process (the command line, `sqlite3`, a backup) holding the SQLite file's write lock:
/// the portal's writers wait for it asleep, its reads go on, and a lock held too long is a 503.
@Suite(.serialized)
struct WriteLockTests: PortalTesting {
    /// The file behind an SQLite test database.
    private func path(of db: TemporaryDatabase) throws -> String {
        guard case .sqlite(let path) = db.location else { throw CancellationError() }
        return path
    }

    /// As many stores as Swift has cooperative threads each begin a transaction while the lock
    /// is held elsewhere. Waiting in SQLite's busy handler, they would hold every thread and no
    /// read could be answered until they gave up; asleep, they leave the threads to the read,
    /// and all commit once the lock is let go.
    @Test func writersWaitingForAnotherProcessLeaveTheThreadsToReads() async throws {
        try await TemporaryDatabase.with(.sqlite) { db in
            let width = max(2, ProcessInfo.processInfo.activeProcessorCount)
            var opened: [Store] = []
            for _ in 0..<width { opened.append(try await Store.open(db.location, readers: 0, writeLockPatience: .seconds(60))) }
            let writers = opened
            let reader = try await Store.open(db.location, readers: 1)
            let other = try SQLiteConnection(path: try path(of: db))
            defer { other.close() }
            #expect(try other.beginImmediate(), "the other process takes the write lock")

            let tries = writers.map { ($0.writerSQL as? SQLiteDatabase)?.pool.connections.first }
            let before = tries.map { $0?.counts.uses ?? 0 }
            let ended = Flag()
            let waiting = Task {
                defer { ended.set() }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for store in writers {
                        group.addTask { try await store.transaction { _ = try await store.sql.raw("SELECT 1").all() } }
                    }
                    try await group.waitForAll()
                }
            }
            // Every writer has tried its BEGIN IMMEDIATE at least once: all are waiting now.
            try await eventually("every writer trying the lock", timeout: 30) {
                zip(tries, before).allSatisfy { ($0.0?.counts.uses ?? 0) > $0.1 }
            }
            _ = try await reader.sites()
            #expect(!ended.isSet, "the read was answered while the writers still waited (none gave up)")

            try other.execute("COMMIT", binds: []) { _ in }
            try await waiting.value
            for store in writers + [reader] { try await store.close() }
        }
    }

    /// A lock held past the store's patience: the transaction fails with SQLite's BUSY, and the
    /// API answers 503 server_busy with Retry-After; once let go, the same request succeeds.
    @Test func aLockHeldPastThePatienceIsA503ThenTheRequestSucceeds() async throws {
        try await TemporaryDatabase.with(.sqlite) { db in
            try await db.withSeededStore { seeded in
                let token = try await seeded.addUser(name: "lan", displayName: "Lan", grants: [Grant(role: .editor, site: nil)])
                let item = try await seeded.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
                let store = try await Store.open(db.location, readers: 1, writeLockPatience: .milliseconds(100))
                let other = try SQLiteConnection(path: try path(of: db))
                defer { other.close() }
                #expect(try other.beginImmediate())

                await #expect(throws: SQLiteError.self) { try await store.transaction { } }

                var logger = Logger(label: "test")
                logger.logLevel = .critical
                let app = Application(router: PortalApplication.router(store: store), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                      logger: logger)
                try await app.test(.router) { client in
                    let refused = try await send(client, .post, "/api/v1/submissions/\(item.id)/lease", token: token)
                    #expect(refused.status == .serviceUnavailable, "\(String(decoding: refused.body, as: UTF8.self))")
                    #expect(errorCode(refused.body) == "server_busy")
                    #expect(refused.headers[.retryAfter] == "1")

                    try other.execute("COMMIT", binds: []) { _ in }
                    let taken = try await send(client, .post, "/api/v1/submissions/\(item.id)/lease", token: token)
                    #expect(taken.status == .ok, "\(String(decoding: taken.body, as: UTF8.self))")
                }
                try await store.close()
            }
        }
    }
}

/// Set once, read from any task. `@unchecked Sendable`: `lock` guards `value`.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
