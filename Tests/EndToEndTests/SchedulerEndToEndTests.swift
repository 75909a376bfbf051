import Foundation
import XCTest

/// Two `bientap-portal serve` processes on one PostgreSQL database (the server
/// `make test` starts) publish items scheduled for the same second: each once, on time.
final class SchedulerEndToEndTests: XCTestCase {
    private var server = ""
    private var database = ""
    private var processes: [Process] = []

    override func setUpWithError() throws {
        guard let url = ProcessInfo.processInfo.environment["BIENTAP_TEST_POSTGRES"] else {
            XCTFail("BIENTAP_TEST_POSTGRES is not set: run the tests with `make test`, which starts a PostgreSQL server for them")
            throw CancellationError()
        }
        server = url
        database = "sched_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        _ = try psql(server, "CREATE DATABASE \(database)")
    }

    override func tearDownWithError() throws {
        for process in processes where process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        _ = try? psql(server, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
    }

    private var databaseURL: String {
        var components = URLComponents(string: server)!
        components.path = "/" + database
        return components.string!
    }

    /// Runs one SQL statement with psql; its output, one value per line.
    @discardableResult
    private func psql(_ url: String, _ statement: String) throws -> String {
        try run("/usr/bin/psql", [url, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", statement])
    }

    @discardableResult
    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "run", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "\(executable): \(text)"])
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts `bientap-portal serve` and waits for the line saying it listens.
    private func startServer() throws {
        let process = Process()
        process.executableURL = QueueEndToEndTests.portalExecutable
        process.arguments = ["serve", "--db", databaseURL, "--listen", "127.0.0.1:0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        processes.append(process)
        let line = output.fileHandleForReading.availableData
        XCTAssertTrue(String(decoding: line, as: UTF8.self).contains("listening on http://127.0.0.1:"))
    }

    func testTwoServersPublishTwoHundredItemsDueTheSameSecondExactlyOnce() throws {
        let portal = QueueEndToEndTests.portalExecutable.path
        try run(portal, ["seed", "--sample", "--db", databaseURL])
        // Both servers up before the items fall due, so both are looking when they do.
        try startServer()
        try startServer()
        let due = Int64((Date().timeIntervalSince1970 + 3).rounded(.up) * 1000)
        try psql(databaseURL, """
            UPDATE submissions SET status = 'scheduled', publish_at = \(due)
            WHERE id IN (SELECT id FROM submissions ORDER BY id LIMIT 200)
            """)
        let deadline = Date().addingTimeInterval(20)
        var published = 0
        while Date() < deadline {
            published = Int(try psql(databaseURL, "SELECT COUNT(*) FROM submissions WHERE publish_at = \(due) AND status = 'published'")) ?? 0
            if published == 200 { break }
            usleep(200_000)
        }
        XCTAssertEqual(published, 200)
        let events = try psql(databaseURL, """
            SELECT COUNT(*), COUNT(DISTINCT submission_id) FROM events WHERE action = 'publish' AND actor LIKE 'scheduler@%'
            """)
        XCTAssertEqual(events, "200|200", "one publication event per item, none twice")
        let slowest = Int(try psql(databaseURL, "SELECT MAX(published_at - publish_at) FROM submissions WHERE publish_at = \(due)")) ?? .max
        XCTAssertLessThanOrEqual(slowest, 5_000, "published within 5 s of its time")
        let servers = try psql(databaseURL, "SELECT DISTINCT actor FROM events WHERE action = 'publish' ORDER BY actor")
        print("publishing servers:", servers.split(separator: "\n").joined(separator: ", "))
    }
}
