import Foundation

/// Where code that depends on the date and time, or waits for time to pass, gets it, on both
/// sides: the server (scheduler, leases, caches, social dispatcher) and the desk's client
/// (retries). The system's clock in production, a `ManualClock` in tests, which move it
/// instead of sleeping.
///
/// Not Swift's `Clock` (monotonic instants): what these callers keep and compare are dates —
/// a lease's end, a token's expiry, an item's publication time.
public protocol WallClock: Sendable {
    /// The date and time now.
    func now() -> Date
    /// Returns once this clock reads `deadline` or later (at once when it already does);
    /// throws `CancellationError` when the waiting task is cancelled.
    func sleep(until deadline: Date) async throws
    /// The same for code on a thread of its own that cannot await (the desk's client before
    /// trying a call again): blocks the calling thread until this clock reads `deadline`.
    func sleepThread(until deadline: Date)
}

extension WallClock {
    /// Waits `duration` by this clock.
    public func sleep(for duration: Duration) async throws {
        let (seconds, attoseconds) = duration.components
        try await sleep(until: now().addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18))
    }

    /// Blocks the calling thread for `seconds` by this clock.
    public func sleepThread(seconds: TimeInterval) {
        sleepThread(until: now().addingTimeInterval(seconds))
    }
}

/// The system's clock: `Date()`, `Task.sleep` and `Thread.sleep`.
public struct SystemClock: WallClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        if seconds > 0 { try await Task.sleep(for: .seconds(seconds)) } else { try Task.checkCancellation() }
    }

    public func sleepThread(until deadline: Date) {
        let seconds = deadline.timeIntervalSinceNow
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }
}

/// A clock that stands still until a test moves it with `advance`; tasks and threads sleeping
/// on it wake when it reaches their deadline. `sleepers` tells a test that the code under test
/// has started waiting, so it can move the clock knowing the wait will see it.
///
/// One that `skipsAhead` is for code a test awaits in line, which no one else could move the
/// clock for: a sleep on it moves the clock to its deadline at once. `sleepsBegun` counts the
/// sleeps either way.
public final class ManualClock: WallClock, @unchecked Sendable {
    private struct Sleeper {
        enum Waker {
            case task(CheckedContinuation<Void, any Error>)
            case thread(DispatchSemaphore)
        }
        var deadline: Date
        var waker: Waker

        func wake() {
            switch waker {
            case .task(let continuation): continuation.resume()
            case .thread(let semaphore): semaphore.signal()
            }
        }
    }

    // `lock` guards every stored property below it.
    private let lock = NSLock()
    private var current: Date
    private var sleeping: [Int: Sleeper] = [:]
    /// Sleeps cancelled before they had registered: they end as soon as they try to.
    private var cancelled: Set<Int> = []
    private var nextID = 0
    private var begun = 0
    private let skipsAhead: Bool

    /// A clock reading `start`: by default the system's time to the whole second, so data dated
    /// by it looks recent and sums of whole seconds on it land on what a database stores exactly.
    public init(_ start: Date = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)), skipsAhead: Bool = false) {
        current = start
        self.skipsAhead = skipsAhead
    }

    public func now() -> Date { lock.withLock { current } }

    /// How many tasks and threads are waiting on this clock.
    public var sleepers: Int { lock.withLock { sleeping.count } }

    /// How many sleeps have begun on this clock, by tasks and threads, whether they waited.
    public var sleepsBegun: Int { lock.withLock { begun } }

    /// Moves the clock `seconds` on (never back) and wakes every sleep whose deadline it reaches.
    public func advance(by seconds: TimeInterval) {
        let due: [Sleeper] = lock.withLock {
            current = current.addingTimeInterval(max(0, seconds))
            return takeDue()
        }
        for sleeper in due { sleeper.wake() }
    }

    /// With `lock` held: the sleeps whose deadline the clock has reached, no longer waiting.
    private func takeDue() -> [Sleeper] {
        let ids = sleeping.filter { $0.value.deadline <= current }.map(\.key)
        return ids.compactMap { sleeping.removeValue(forKey: $0) }
    }

    /// Counts a sleep until `deadline` beginning; true when this clock skips ahead to it instead.
    private func begin(until deadline: Date) -> Bool {
        let due: [Sleeper]? = lock.withLock {
            begun += 1
            guard skipsAhead else { return nil }
            if deadline > current { current = deadline }
            return takeDue()
        }
        for sleeper in due ?? [] { sleeper.wake() }
        return due != nil
    }

    public func sleepThread(until deadline: Date) {
        guard !begin(until: deadline) else { return }
        let semaphore = DispatchSemaphore(value: 0)
        let waits: Bool = lock.withLock {
            guard deadline > current else { return false }
            nextID += 1
            sleeping[nextID] = Sleeper(deadline: deadline, waker: .thread(semaphore))
            return true
        }
        if waits { semaphore.wait() }
    }

    public func sleep(until deadline: Date) async throws {
        guard !begin(until: deadline) else { return try Task.checkCancellation() }
        let id = lock.withLock {
            nextID += 1
            return nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Start { case wait, wake, cancel }
                let start: Start = lock.withLock {
                    if cancelled.remove(id) != nil { return .cancel }
                    if deadline <= current { return .wake }
                    sleeping[id] = Sleeper(deadline: deadline, waker: .task(continuation))
                    return .wait
                }
                switch start {
                case .wait: break
                case .wake: continuation.resume()
                case .cancel: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let sleeper: Sleeper? = lock.withLock {
                if let sleeper = sleeping.removeValue(forKey: id) { return sleeper }
                cancelled.insert(id)
                return nil
            }
            if case .task(let continuation)? = sleeper?.waker { continuation.resume(throwing: CancellationError()) }
        }
    }
}
