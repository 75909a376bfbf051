import Foundation

/// A screen in memory: events are queued by a test, frames are kept for inspection.
public final class MemoryScreen: Screen {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var lastFrame: Frame?
    public private(set) var drawCount = 0
    private var pending: [InputEvent] = []
    private let signal = Signal()
    public var waker: any ScreenWaker { signal }

    /// The condition a waiting `nextEvent` sleeps on; it also guards `pending`.
    private final class Signal: ScreenWaker, @unchecked Sendable {
        // `condition` guards `woken`.
        let condition = NSCondition()
        var woken = false

        func wake() {
            condition.lock()
            woken = true
            condition.broadcast()
            condition.unlock()
        }
    }

    private var condition: NSCondition { signal.condition }

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Queues input; a resize also changes the screen's size when it is read.
    public func enqueue(_ events: InputEvent...) {
        condition.lock()
        pending += events
        condition.broadcast()
        condition.unlock()
    }

    public func draw(_ frame: Frame) {
        lastFrame = frame
        drawCount += 1
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(Double(timeoutMilliseconds) / 1000)
        while pending.isEmpty && !signal.woken {
            // Foundation on Linux overflows on `distantFuture`, so "forever" is an untimed wait.
            if timeoutMilliseconds < 0 {
                condition.wait()
            } else if !condition.wait(until: deadline) {
                break
            }
        }
        signal.woken = false
        guard !pending.isEmpty else { return nil }
        let event = pending.removeFirst()
        if case .resize(let w, let h) = event {
            width = w
            height = h
        }
        return event
    }

    public private(set) var suspendCount = 0
    public private(set) var repaintCount = 0

    public func repaintAll() { repaintCount += 1 }

    public func suspend() { suspendCount += 1 }

    public private(set) var handOverCount = 0

    public func handOver(_ body: () -> Void) {
        handOverCount += 1
        body()
    }

    public func shutdown() {}
}
