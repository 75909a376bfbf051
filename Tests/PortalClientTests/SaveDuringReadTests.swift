import Foundation
import Polling
import NewsroomKit
import PortalClient
@testable import PortalServer
import XCTest

/// A save is never held up by a list read: the desk's lanes each have their own client and
/// connection. The slow read is made by a proxy in front of the real portal that holds the
/// list request at the server's door.
final class SaveDuringReadTests: XCTestCase {
    private var directory: URL!

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-lanes-test-\(UUID().uuidString)")
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The list request every queue tab sends.
    private static let listRequest = "GET /api/v1/submissions?"

    func testASaveIsAcknowledgedWhileAListReadIsHeldFiveSeconds() async throws {
        try await LivePortal.run(in: directory, grants: [Grant(role: .editor, site: nil)]) { url, token, _ in
            let item = try Self.waitingItem(url: url, token: token)
            let proxy = try SlowListProxy(upstream: url, heldPrefix: Self.listRequest, hold: 5)
            defer { proxy.close() }
            let lanes = try PortalLanes(portal: proxy.url, token: token)

            let listed = Outcome<[SubmissionSummary]>()
            lanes.read { client in listed.settle(Result { try client.allSubmissions(statuses: [.submitted]) }) }
            try Self.poll("the list request to reach the portal's door") { proxy.held == 1 }

            let sent = Date()
            let saved = Outcome<Submission>()
            lanes.write { client in
                saved.settle(Result { try client.save(id: item.summary.id, edit: Self.edit(item), base: item.summary.revision) })
            }
            try Self.poll("the save's answer") { saved.settledAt != nil }
            let answeredIn = (saved.settledAt ?? .distantFuture).timeIntervalSince(sent)
            XCTAssertLessThan(answeredIn, 1, "the save waited behind the list read")
            XCTAssertEqual(try saved.result?.get().summary.revision, item.summary.revision + 1)
            XCTAssertNil(listed.settledAt, "the list read was not held while the save went through")

            // The held read still comes back whole.
            try Self.poll("the held list", timeout: 20) { listed.settledAt != nil }
            XCTAssertTrue(try listed.result?.get().contains { $0.id == item.summary.id } ?? false)
        }
    }

    /// The oracle of the test above: through one client (one connection), the same save
    /// does wait for the held read.
    func testOnOneClientASaveWaitsForTheHeldRead() async throws {
        try await LivePortal.run(in: directory, grants: [Grant(role: .editor, site: nil)]) { url, token, _ in
            let item = try Self.waitingItem(url: url, token: token)
            let proxy = try SlowListProxy(upstream: url, heldPrefix: Self.listRequest, hold: 2)
            defer { proxy.close() }
            let shared = try AdminClient(baseURL: proxy.url, token: token)
            let lanes = PortalLanes(reads: shared, writes: shared)

            lanes.read { client in _ = try? client.allSubmissions(statuses: [.submitted]) }
            try Self.poll("the list request to reach the portal's door") { proxy.held == 1 }
            let sent = Date()
            let saved = Outcome<Submission>()
            lanes.write { client in
                saved.settle(Result { try client.save(id: item.summary.id, edit: Self.edit(item), base: item.summary.revision) })
            }
            try Self.poll("the save's answer", timeout: 20) { saved.settledAt != nil }
            let answeredIn = (saved.settledAt ?? .distantPast).timeIntervalSince(sent)
            XCTAssertGreaterThan(answeredIn, 1.5, "one connection carries one request at a time")
            XCTAssertNoThrow(try saved.result?.get())
        }
    }

    // MARK: - Helpers

    private static func waitingItem(url: String, token: String) throws -> Submission {
        let client = try AdminClient(baseURL: url, token: token)
        let page = try client.submissions(statuses: [.submitted], limit: 1)
        let summary = try XCTUnwrap(page.items.first)
        return try client.submission(id: summary.id)
    }

    private static func edit(_ item: Submission) -> SubmissionEdit {
        SubmissionEdit(title: item.summary.title + " (sửa)", sapo: item.sapo, body: item.body)
    }

    /// Polls `condition` every 10 ms until it holds; fails after `timeout` seconds.
    private static func poll(_ what: String, timeout: TimeInterval = 10, _ condition: () -> Bool) throws {
        guard eventually(timeout: timeout, every: 0.01, condition) else { throw PollTimeout(what: what) }
    }

    private struct PollTimeout: Error, CustomStringConvertible {
        var what: String
        var description: String { "waited too long for \(what)" }
    }
}

/// A call's outcome and when it came, set once from a lane's thread.
private final class Outcome<Value: Sendable>: @unchecked Sendable {
    // `lock` guards both fields.
    private let lock = NSLock()
    private var settled: (Result<Value, Error>, Date)?

    func settle(_ result: Result<Value, Error>) {
        lock.withLock { settled = (result, Date()) }
    }

    var result: Result<Value, Error>? { lock.withLock { settled?.0 } }
    var settledAt: Date? { lock.withLock { settled?.1 } }
}
