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
    /// Makes a waiting `nextEvent` return; callable from any thread.
    func wake()
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
