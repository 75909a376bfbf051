import Foundation

/// What the loop hands to the application.
public enum LoopEvent<Message> {
    case input(InputEvent)
    case message(Message)
    /// Time passed (`tickMilliseconds`) without input.
    case tick
}

public enum LoopControl: Sendable {
    case proceed
    case quit
}

/// Where other threads (network calls finishing) leave messages for a loop: safe to hold
/// and use from any thread, and after the loop ended (the messages are then never read).
public final class Mailbox<Message: Sendable>: Sendable {
    private let waker: any ScreenWaker
    private let messages = LockedMessages<Message>()

    init(waker: any ScreenWaker) {
        self.waker = waker
    }

    /// Delivers `message` to the loop's thread.
    public func send(_ message: Message) {
        messages.append(message)
        waker.wake()
    }

    func take() -> [Message] { messages.take() }
}

private final class LockedMessages<Message: Sendable>: @unchecked Sendable {
    // `lock` guards `items`.
    private let lock = NSLock()
    private var items: [Message] = []

    func append(_ message: Message) { lock.withLock { items.append(message) } }

    func take() -> [Message] {
        lock.withLock {
            defer { items.removeAll() }
            return items
        }
    }
}

/// Runs an application on a screen: draws, waits for input or messages sent
/// from other threads (results of network calls), hands them over one at a time.
/// The loop itself belongs to the thread that runs it; other threads hold its `mailbox`.
public final class EventLoop<Message: Sendable> {
    public let screen: Screen
    /// When set, `.tick` arrives this often while nothing else happens.
    public var tickMilliseconds: Int?
    public let mailbox: Mailbox<Message>

    public init(screen: Screen) {
        self.screen = screen
        mailbox = Mailbox(waker: screen.waker)
    }

    /// Delivers `message` to the loop's thread (the mailbox's `send`).
    public func send(_ message: Message) {
        mailbox.send(message)
    }

    /// Loops until `handle` answers `.quit`; `render` is called before each wait.
    public func run(render: () -> Frame, handle: (LoopEvent<Message>) -> LoopControl) {
        var lastTick = Date()
        while true {
            for message in mailbox.take() where handle(.message(message)) == .quit { return }
            screen.draw(render())
            let timeout: Int
            if let tick = tickMilliseconds {
                timeout = max(0, tick - Int(Date().timeIntervalSince(lastTick) * 1000))
            } else {
                timeout = -1
            }
            if let event = screen.nextEvent(timeoutMilliseconds: timeout) {
                if handle(.input(event)) == .quit { return }
            } else if let tick = tickMilliseconds, Date().timeIntervalSince(lastTick) * 1000 >= Double(tick) {
                lastTick = Date()
                if handle(.tick) == .quit { return }
            }
        }
    }
}
