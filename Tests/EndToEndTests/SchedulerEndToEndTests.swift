import Foundation
import Polling
import XCTest

/// Two `bientap-portal serve` processes on one PostgreSQL database (the server
/// `make test` starts) publish items scheduled for the same second: each once, on time.
final class SchedulerEndToEndTests: XCTestCase {
    private var server = ""
    private var databaseURL = ""
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-sched-\(UUID().uuidString)")
    private var processes: [Process] = []

    override func setUpWithError() throws {
        server = try PortalProcess.postgresServer()
        databaseURL = try PortalProcess.createDatabase(on: server, prefix: "sched")
    }

    override func tearDownWithError() throws {
        for process in processes where process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        PortalProcess.dropDatabase(databaseURL, on: server)
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    private func psql(_ url: String, _ statement: String) throws -> String { try PortalProcess.psql(url, statement) }

    /// One more server on the database, its output in a directory of its own.
    private func startServer() throws {
        let files = directory.appendingPathComponent("server-\(processes.count)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        processes.append(try PortalProcess.serve(db: databaseURL, files: files).process)
    }

    func testTwoServersPublishTwoHundredItemsDueTheSameSecondExactlyOnce() throws {
        try PortalProcess.portal(["seed", "--sample", "--db", databaseURL])
        // Both servers up before the items fall due, so both are looking when they do.
        try startServer()
        try startServer()
        let due = Int64((Date().timeIntervalSince1970 + 3).rounded(.up) * 1000)
        try psql(databaseURL, """
            UPDATE submissions SET status = 'scheduled', publish_at = \(due)
            WHERE id IN (SELECT id FROM submissions ORDER BY id LIMIT 200)
            """)
        var published = 0
        try eventually(timeout: 20) {
            published = Int(try psql(databaseURL, "SELECT COUNT(*) FROM submissions WHERE publish_at = \(due) AND status = 'published'")) ?? 0
            return published == 200
        }
        XCTAssertEqual(published, 200)
        let events = try psql(databaseURL, """
            SELECT COUNT(*), COUNT(DISTINCT submission_id) FROM events WHERE action = 'publish' AND actor = 'scheduler'
            """)
        XCTAssertEqual(events, "200|200", "one publication event per item, none twice")
        let slowest = Int(try psql(databaseURL, "SELECT MAX(published_at - publish_at) FROM submissions WHERE publish_at = \(due)")) ?? .max
        XCTAssertLessThanOrEqual(slowest, 5_000, "published within 5 s of its time")
        let servers = try psql(databaseURL, "SELECT DISTINCT actor FROM events WHERE action = 'publish' ORDER BY actor")
        print("publishing servers:", servers.split(separator: "\n").joined(separator: ", "))
    }
}
