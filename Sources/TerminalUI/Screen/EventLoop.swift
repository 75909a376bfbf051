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

/// Runs an application on a screen: draws, waits for input or messages sent
/// from other threads (results of network calls), hands them over one at a time.
public final class EventLoop<Message> {
    public let screen: Screen
    /// When set, `.tick` arrives this often while nothing else happens.
    public var tickMilliseconds: Int?
    private var messages: [Message] = []
    private let lock = NSLock()

    public init(screen: Screen) {
        self.screen = screen
    }

    /// Delivers `message` to the loop's thread; callable from any thread.
    public func send(_ message: Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
        screen.wake()
    }

    private func takeMessages() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let taken = messages
        messages.removeAll()
        return taken
    }

    /// Loops until `handle` answers `.quit`; `render` is called before each wait.
    public func run(render: () -> Frame, handle: (LoopEvent<Message>) -> LoopControl) {
        var lastTick = Date()
        while true {
            for message in takeMessages() where handle(.message(message)) == .quit { return }
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
