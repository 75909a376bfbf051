import Foundation
import Polling
import NewsroomKit
import PortalClient
import XCTest

/// The server killed outright (SIGKILL) in the middle of 1,000 concurrent saves loses
/// none it acknowledged; stopped with SIGTERM it finishes and closes the database cleanly.
final class PortalDurabilityTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-durability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testKillNineDuringAThousandSavesLosesNoAcknowledgedSaveOnSQLite() throws {
        try killDuringSaves(db: "sqlite:" + directory.appendingPathComponent("portal.sqlite").path)
    }

    func testKillNineDuringAThousandSavesLosesNoAcknowledgedSaveOnPostgreSQL() throws {
        let server = try PortalProcess.postgresServer()
        let db = try PortalProcess.createDatabase(on: server, prefix: "crash")
        defer { PortalProcess.dropDatabase(db, on: server) }
        try killDuringSaves(db: db)
    }

    private func killDuringSaves(db: String) throws {
        try PortalProcess.portal(["seed", "--sample", "--db", db])
        let token = try XCTUnwrap(try PortalProcess.portal(["user", "add", "bien-tap", "--role", "editor", "--db", db])
            .split(separator: "\n").last.map(String.init))
        var (server, url) = try PortalProcess.serve(db: db, files: directory)
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let items = try AdminClient(baseURL: url, token: token).allSubmissions(statuses: [.submitted, .resubmitted]).prefix(40).map(\.id)
        XCTAssertEqual(items.count, 40)

        // 16 writers, each saving its own items over and over from the revision it last saw;
        // every acknowledged save is written down with its text.
        let tally = Tally()
        let firstServer = server, firstURL = url
        let planned = 1000, writers = 16
        // Real threads, all at once: libcurl blocks, and a dispatch pool would run two at a time here.
        let done = DispatchGroup()
        for worker in 0...writers {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                if worker == writers {
                    // The killer: once some hundreds are acknowledged, SIGKILL in the middle of the rest.
                    eventually(timeout: 120, every: 0.001) { tally.count >= 350 || !firstServer.isRunning }
                    kill(firstServer.processIdentifier, SIGKILL)
                    return
                }
                guard let client = try? AdminClient(baseURL: firstURL, token: token) else { return }
                let mine = items.enumerated().filter { $0.offset % writers == worker }.map(\.element)
                var revisions = Dictionary(uniqueKeysWithValues: mine.map { ($0, 1) })
                for n in 0..<(planned / writers + 1) {
                    let id = mine[n % mine.count]
                    let body = "Lần lưu \(n) của người viết \(worker) — bài \(id)."
                    do {
                        let saved = try client.save(id: id, edit: SubmissionEdit(title: "Bài \(id)", sapo: "Sapo.", body: body, note: "lưu \(n)"),
                                                    base: revisions[id]!)
                        revisions[id] = saved.summary.revision
                        tally.acknowledge(Tally.Save(id: id, revision: saved.summary.revision, body: body))
                    } catch {
                        tally.fail()
                        return
                    }
                }
            }
        }
        done.wait()
        let acknowledged = tally.saves, failures = tally.failures
        server.waitUntilExit()
        XCTAssertEqual(server.terminationReason, .uncaughtSignal, "killed, not stopped")
        XCTAssertGreaterThanOrEqual(acknowledged.count, 350)
        XCTAssertLessThan(acknowledged.count, planned, "the kill came in the middle")
        XCTAssertGreaterThan(failures, 0, "saves were in flight when it came")

        // Back up: every acknowledged save is there, word for word, at its revision.
        (server, url) = try PortalProcess.serve(db: db, files: directory)
        let client = try AdminClient(baseURL: url, token: token)
        for ack in acknowledged {
            let revision = try client.revision(ack.revision, of: ack.id)
            XCTAssertEqual(revision.body, ack.body, "item \(ack.id) r\(ack.revision)")
        }
        let latest = Dictionary(acknowledged.map { ($0.id, $0.revision) }, uniquingKeysWith: max)
        for (id, revision) in latest {
            XCTAssertGreaterThanOrEqual(try client.submission(id: id).summary.revision, revision)
        }
        print("acknowledged before the kill: \(acknowledged.count) saves; refused or cut: \(failures) writers")
    }

    /// What the writers saw, shared between their threads.
    private final class Tally: @unchecked Sendable {
        struct Save { var id: Int64; var revision: Int; var body: String }
        // `lock` guards `acknowledged` and `failed`.
        private let lock = NSLock()
        private var acknowledged: [Save] = []
        private var failed = 0

        func acknowledge(_ save: Save) { lock.withLock { acknowledged.append(save) } }
        func fail() { lock.withLock { failed += 1 } }
        var count: Int { lock.withLock { acknowledged.count } }
        var saves: [Save] { lock.withLock { acknowledged } }
        var failures: Int { lock.withLock { failed } }
    }

    func testSIGTERMStopsTheServerGracefullyAndClosesTheDatabase() throws {
        let path = directory.appendingPathComponent("portal.sqlite").path
        try PortalProcess.portal(["seed", "--sample", "--db", "sqlite:" + path])
        let (server, url) = try PortalProcess.serve(db: "sqlite:" + path, files: directory)
        XCTAssertEqual(try AdminClient(baseURL: url, token: "none").health().status, "ok")
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-wal"), "open in WAL mode")
        server.terminate()   // SIGTERM
        eventually(timeout: 10) { !server.isRunning }
        XCTAssertFalse(server.isRunning, "stopped within 10 s")
        XCTAssertEqual(server.terminationReason, .exit)
        XCTAssertEqual(server.terminationStatus, 0)
        // SQLite removes the write-ahead log when its last connection closes cleanly.
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "the database was closed")
    }
}
