import Foundation

// The one way tests wait: for an outcome they can see (a file, a row, a line of output, a
// service parked on a test clock), looked at again and again until a deadline, never for a
// length of time. Every test target uses these two; no test pauses by itself.

/// Whether `condition` came to hold within `timeout`, looking every `interval`.
@discardableResult
public func eventually(timeout: TimeInterval = 20, every interval: TimeInterval = 0.05,
                       _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        guard Date() < deadline else { return false }
        Thread.sleep(forTimeInterval: interval)
    }
    return true
}

/// The same for conditions read on another task; it waits without holding a thread.
public func eventually(timeout: TimeInterval = 10, every interval: Duration = .milliseconds(10),
                       _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while try await !condition() {
        guard Date() < deadline else { return false }
        try await Task.sleep(for: interval)
    }
    return true
}
