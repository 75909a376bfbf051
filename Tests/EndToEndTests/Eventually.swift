import Foundation

/// Whether `condition` came to hold within `timeout`, looking every 50 ms. The way end-to-end
/// tests wait on the programs they run: for an outcome they can see (a file, a row, a line of
/// output), never for a length of time.
@discardableResult
func eventually(timeout: TimeInterval = 20, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        guard Date() < deadline else { return false }
        usleep(50_000)
    }
    return true
}
