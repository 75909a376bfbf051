import Foundation

/// How the client waits before trying a call again. The real one sleeps the calling
/// thread; a test passes one that returns at once and remembers what it was asked, so no
/// test waits in real time for a retry.
public protocol Sleeper: Sendable {
    func sleep(seconds: TimeInterval)
}

/// Sleeps the calling thread.
public struct ThreadSleeper: Sleeper {
    public init() {}

    public func sleep(seconds: TimeInterval) {
        Thread.sleep(forTimeInterval: seconds)
    }
}
