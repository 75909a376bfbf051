import Dispatch
import Foundation
import NewsroomKit
import Polling
import PortalClient
import XCTest

/// The write lane's retries: paused on the injected clock, off the lane.
final class PortalLanesTests: XCTestCase {
    /// Nothing listens on the discard port: every call fails at once, a transient failure.
    private let unreachable = "http://127.0.0.1:9"

    func testARetryPauseDoesNotHoldUpTheWritesBehindIt() throws {
        let clock = ManualClock()
        let lanes = try PortalLanes(portal: unreachable, token: "x", clock: clock)
        let finished = DispatchSemaphore(value: 0)
        let outcome = Locked<Result<Note, Error>?>(nil)
        lanes.write(attempts: 3, pause: 2, { client in
            try client.addNote(to: 1, NoteRequest(body: "Ghi chú", visibility: .editors), idempotencyKey: "k")
        }) { result in
            outcome.set(result)
            finished.signal()
        }
        XCTAssertTrue(eventually { clock.sleepers == 1 }, "no pause after the first failure")

        // The first pause is under way (the clock stands still): a write queued now runs meanwhile.
        let behind = DispatchSemaphore(value: 0)
        lanes.write { _ in behind.signal() }
        XCTAssertEqual(behind.wait(timeout: .now() + 10), .success, "a write waited for another's retry pause")
        XCTAssertNil(outcome.value, "the call gave up before its retries")

        // Each pause lasts the length asked, by the clock: not over a moment before, over at it.
        clock.advance(by: 1.9)
        XCTAssertEqual(clock.sleepers, 1, "the pause ended early")
        clock.advance(by: 0.1)
        XCTAssertTrue(eventually { clock.sleepers == 1 }, "no second pause after the second failure")
        clock.advance(by: 1.9)
        XCTAssertEqual(clock.sleepers, 1, "the second pause ended early")
        clock.advance(by: 0.1)
        XCTAssertEqual(finished.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(clock.sleepers, 0, "three attempts, two pauses")
        guard case .failure(PortalError.transport)? = outcome.value else {
            return XCTFail("expected the transport failure, got \(String(describing: outcome.value))")
        }
    }

    func testARefusalIsNotRetried() throws {
        let clock = ManualClock()
        let lanes = try PortalLanes(portal: unreachable, token: "x", clock: clock)
        let finished = DispatchSemaphore(value: 0)
        lanes.write(attempts: 3, pause: 2, { _ in throw PortalError.api(status: 409, body: APIErrorBody(code: .illegalTransition)) }) { _ in
            finished.signal()
        }
        // A refusal tried again would wait on the clock, which never moves: the call would not finish.
        XCTAssertEqual(finished.wait(timeout: .now() + 10), .success, "a refusal was tried again")
        XCTAssertEqual(clock.sleepers, 0)
    }
}

/// A value set from one thread and read from another.
private final class Locked<Value>: @unchecked Sendable {
    // `lock` guards `stored`.
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func set(_ value: Value) { lock.withLock { stored = value } }
}
