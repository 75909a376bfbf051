import BienTapApp
import Foundation
import Polling
import XCTest

/// Two `bientap-portal serve` processes on one PostgreSQL database (the server `make test`
/// starts) dispatch 500 due social posts to `bientap-portal social-fakes`: each is sent
/// exactly once, per the fakes' own count, and both processes take part.
final class SocialDispatchEndToEndTests: XCTestCase {
    private var server = ""
    private var databaseURL = ""
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-social-\(UUID().uuidString)")
    private var processes: [Process] = []
    /// The servers' own addresses (`http://127.0.0.1:PORT`), as they said when listening.
    private var addresses: [String] = []
    private var fakes: SocialFakesProcess?

    override func setUpWithError() throws {
        server = try PortalProcess.postgresServer()
        databaseURL = try PortalProcess.createDatabase(on: server, prefix: "social")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        for process in processes where process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        fakes?.stop()
        PortalProcess.dropDatabase(databaseURL, on: server)
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    private func psql(_ statement: String) throws -> String { try PortalProcess.psql(databaseURL, statement) }

    private func startServer() throws {
        let files = directory.appendingPathComponent("server-\(processes.count)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let served = try PortalProcess.serve(db: databaseURL, files: files)
        processes.append(served.process)
        addresses.append(served.url)
    }

    func testTwoServersDispatchFiveHundredDuePostsEachExactlyOnce() throws {
        try PortalProcess.portal(["seed", "--sample", "--db", databaseURL])
        try PortalProcess.portal(["seed", "--bulk", "300", "--db", databaseURL])
        let fakes = try SocialFakesProcess(executable: QueueEndToEndTests.portalExecutable, files: directory)
        self.fakes = fakes
        try fakes.configure(QueueEndToEndTests.portalExecutable, database: databaseURL)
        // 500 Facebook posts, not due yet. (Zalo's connector waits 5 s before it asks whether an
        // article went out: Zalo's path is tested in-process, with a short wait.)
        try psql(SocialDispatchEndToEndTests.queueStatement(items: 500, channels: ["facebook"], dueAt: Int64.max / 2))
        // Both servers up before the posts fall due, so both are looking when they do.
        try startServer()
        try startServer()
        try psql("UPDATE social_posts SET due_at = 0")
        var posted = 0
        try eventually(timeout: 60) {
            posted = Int(try psql("SELECT COUNT(*) FROM social_posts WHERE status = 'posted'")) ?? 0
            return posted == 500
        }
        let outcomes = try psql("SELECT status, error_kind, COUNT(*) FROM social_posts GROUP BY status, error_kind")
        XCTAssertEqual(posted, 500, outcomes)
        // The fakes took 500 posts: with 500 recorded posted under 500 distinct remote ids, none was sent twice.
        XCTAssertEqual(try fakes.accepted(fakes.facebook), 500)
        XCTAssertEqual(try psql("SELECT COUNT(DISTINCT channel || remote_id), SUM(attempts) FROM social_posts"), "500|500")
        let claimants = try psql("SELECT claimed_by, COUNT(*) FROM social_posts GROUP BY claimed_by ORDER BY claimed_by")
        XCTAssertEqual(claimants.split(separator: "\n").count, 2, "both processes took part: \(claimants)")
        // Listening on a port of its choosing, with no public address set, a server links posts to
        // the port it bound, not to port 0.
        let link = try fakes.lastLink(fakes.facebook)
        XCTAssertTrue(addresses.contains { link.hasPrefix($0 + "/") }, "\(link) not under \(addresses)")
        print("social posts per server process:", claimants.split(separator: "\n").joined(separator: ", "))
    }

    /// SQL (PostgreSQL) queueing one post per channel of `channels` on each of the first `items`
    /// items, with a cover photo each, due at `dueAt` (epoch milliseconds); the sample's posts removed first.
    static func queueStatement(items: Int, channels: [String], dueAt: Int64) -> String {
        """
        DELETE FROM social_posts;
        INSERT INTO attachments (submission_id, number, filename, content_type, size, sha256, caption, credit, data)
            SELECT id, 99, 'bia.png', 'image/png', 1, '', '', '', decode('89', 'hex') FROM submissions ORDER BY id LIMIT \(items)
            ON CONFLICT DO NOTHING;
        INSERT INTO social_posts (submission_id, channel, status, message, due_at, created_at, updated_at)
            SELECT s.id, c.channel, 'queued', 'Bài đăng thử của mục ' || s.id || ' trên ' || c.channel, \(dueAt), 0, 0
            FROM (SELECT id FROM submissions ORDER BY id LIMIT \(items)) s CROSS JOIN (VALUES \(channels.map { "('\($0)')" }.joined(separator: ", "))) c(channel);
        """
    }
}
