import Dispatch
import Foundation
import NewsroomKit
import PortalClient
import XCTest

/// The write lane's retries: paused through the injected sleeper, off the lane.
final class PortalLanesTests: XCTestCase {
    /// Nothing listens on the discard port: every call fails at once, a transient failure.
    private let unreachable = "http://127.0.0.1:9"

    func testARetryPauseDoesNotHoldUpTheWritesBehindIt() throws {
        let sleeper = GateSleeper()
        let lanes = try PortalLanes(portal: unreachable, token: "x", sleeper: sleeper)
        let finished = DispatchSemaphore(value: 0)
        let outcome = Locked<Result<Note, Error>?>(nil)
        lanes.write(attempts: 3, pause: 2, { client in
            try client.addNote(to: 1, NoteRequest(body: "Ghi chú", visibility: .editors), idempotencyKey: "k")
        }) { result in
            outcome.set(result)
            finished.signal()
        }
        XCTAssertEqual(sleeper.started.wait(timeout: .now() + 10), .success, "no pause after the first failure")

        // The first pause is under way (the gate is shut): a write queued now runs meanwhile.
        let behind = DispatchSemaphore(value: 0)
        lanes.write { _ in behind.signal() }
        XCTAssertEqual(behind.wait(timeout: .now() + 10), .success, "a write waited for another's retry pause")
        XCTAssertNil(outcome.value, "the call gave up before its retries")

        sleeper.open()
        XCTAssertEqual(finished.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(sleeper.pauses, [2, 2], "three attempts, two pauses of the asked length")
        guard case .failure(PortalError.transport)? = outcome.value else {
            return XCTFail("expected the transport failure, got \(String(describing: outcome.value))")
        }
    }

    func testARefusalIsNotRetried() throws {
        let sleeper = GateSleeper()
        sleeper.open()
        let lanes = try PortalLanes(portal: unreachable, token: "x", sleeper: sleeper)
        let finished = DispatchSemaphore(value: 0)
        lanes.write(attempts: 3, pause: 2, { _ in throw PortalError.api(status: 409, body: APIErrorBody(code: .illegalTransition)) }) { _ in
            finished.signal()
        }
        XCTAssertEqual(finished.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(sleeper.pauses, [], "a refusal was tried again")
    }
}

/// Records each pause; the pauses wait until `open()` is called.
private final class GateSleeper: Sleeper, @unchecked Sendable {
    /// Signalled when a pause begins.
    let started = DispatchSemaphore(value: 0)
    private let gate = DispatchSemaphore(value: 0)
    // `lock` guards `asked` and `isOpen`.
    private let lock = NSLock()
    private var asked: [TimeInterval] = []
    private var isOpen = false

    var pauses: [TimeInterval] { lock.withLock { asked } }

    func sleep(seconds: TimeInterval) {
        let wait = lock.withLock {
            asked.append(seconds)
            return !isOpen
        }
        started.signal()
        if wait {
            gate.wait()
            gate.signal()
        }
    }

    func open() {
        lock.withLock { isOpen = true }
        gate.signal()
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
