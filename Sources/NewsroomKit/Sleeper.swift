import Foundation

/// How code on a thread of its own waits (the desk's client before trying a call again, a
/// test's poll between looks): `WallClock`'s counterpart for code that cannot await. The real
/// one sleeps the calling thread; a test passes one that returns at once and remembers what
/// it was asked, so no test waits in real time for a retry.
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
