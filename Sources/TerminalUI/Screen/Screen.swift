/// Where frames are painted and input comes from: the terminal (ncurses) or
/// memory (tests, benchmarks).
public protocol Screen: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// Shows `frame`; a backend paints only what changed.
    func draw(_ frame: Frame)
    /// Waits up to `timeoutMilliseconds` (negative: forever) for input; nil on
    /// timeout or when `wake()` was called.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
    /// What other threads may hold to make a waiting `nextEvent` return.
    var waker: any ScreenWaker { get }
    /// Makes the next `draw` paint every cell, not only those that changed
    /// (after another program or a line noise scribbled on the terminal).
    func repaintAll()
    /// Stops the process until the shell resumes it (a job stopped with ^Z).
    func suspend()
    /// Lends the terminal to `body` (another program such as `$VISUAL`), as the shell had
    /// it, and takes it back afterwards.
    func handOver(_ body: () -> Void)
    /// Gives the terminal back as it was; safe to call more than once.
    func shutdown()
}

/// The part of a screen other threads may hold: it makes the screen's waiting `nextEvent`
/// return, from any thread, even after the screen shut down (then it does nothing).
public protocol ScreenWaker: Sendable {
    func wake()
}

extension Screen {
    /// Makes a waiting `nextEvent` return; callable from any thread.
    public func wake() { waker.wake() }
}
