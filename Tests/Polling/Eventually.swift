import Foundation
import NewsroomKit

// The one way tests wait: for an outcome they can see (a file, a row, a line of output, a
// service parked on a test clock), looked at again and again until a deadline, never for a
// length of time. Every test target uses these two; no test pauses by itself. Between looks
// they wait through the project's one time seam (`WallClock`), which a test may replace.

/// Whether `condition` came to hold within `timeout`, looking every `interval` (waiting
/// on `clock`'s thread sleep between looks).
@discardableResult
public func eventually(timeout: TimeInterval = 20, every interval: TimeInterval = 0.05, clock: any WallClock = SystemClock(),
                       _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = clock.now().addingTimeInterval(timeout)
    while try !condition() {
        guard clock.now() < deadline else { return false }
        clock.sleepThread(seconds: interval)
    }
    return true
}

/// The same for conditions read on another task; it waits on `clock` without holding a thread.
public func eventually(timeout: TimeInterval = 10, every interval: Duration = .milliseconds(10), clock: any WallClock = SystemClock(),
                       _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = clock.now().addingTimeInterval(timeout)
    while try await !condition() {
        guard clock.now() < deadline else { return false }
        try await clock.sleep(for: interval)
    }
    return true
}
