import CNcursesw
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import VietText

/// The real terminal, through ncursesw: raw keys, wide characters, colours
/// (none when `NO_COLOR` is set or the terminal has none), resize, bracketed
/// paste, mouse presses and wheel, suspend on ^Z, and a terminal given back
/// intact on every way out.
public final class NcursesScreen: Screen {
    /// Why the full screen cannot be opened; nothing was written to the terminal.
    public struct Unavailable: Error, CustomStringConvertible {
        public enum Reason: Sendable, Equatable {
            /// Standard input or output is not a terminal.
            case notATerminal
            /// TERM is not set: what the terminal understands is unknown.
            case terminalTypeUnset
            /// TERM names a type ncurses does not know, or one that cannot address the
            /// cursor (dumb, a hardcopy or generic type).
            case terminalTypeUnusable(String)
        }
        public var reason: Reason

        public var description: String {
            switch reason {
            case .notATerminal: return "standard input and output must be a terminal"
            case .terminalTypeUnset: return "TERM is not set"
            case .terminalTypeUnusable(let name): return "terminal type '\(name)' cannot address the cursor"
            }
        }
    }

    /// Throws `Unavailable` when the full screen cannot be drawn here; writes nothing,
    /// so a caller may ask before it starts anything else.
    public static func checkTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw Unavailable(reason: .notATerminal) }
        guard let name = environment["TERM"], !name.isEmpty else { throw Unavailable(reason: .terminalTypeUnset) }
        guard bt_terminal_type_is_usable(name) == 1 else { throw Unavailable(reason: .terminalTypeUnusable(name)) }
    }

    public private(set) var width: Int
    public private(set) var height: Int

    private let terminal: OpaquePointer
    private var wakePipe: [Int32] = [-1, -1]
    /// The pipe's write end, for other threads.
    private var pipeWaker = PipeWaker(descriptor: -1)
    public var waker: any ScreenWaker { pipeWaker }
    private var signalSources: [DispatchSourceSignal] = []
    private let terminationLock = NSLock()
    private var terminationRequested = false
    private var useColor: Bool
    private var pairs: [Int: Int16] = [:]
    private var queued: [InputEvent] = []
    private var isShutDown = false
    private let mouse: Bool
    /// The last left press, to count double clicks.
    private var lastPress: (time: UInt64, row: Int, col: Int)?

    private static let pasteEnd: [UInt32] = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    /// Takes over the terminal on standard input and output; with `mouse`,
    /// presses and the wheel are reported (the terminal's own selection then
    /// needs Shift, as in every program that takes the mouse).
    public init(mouse: Bool = true) throws {
        self.mouse = mouse
        // Before anything is sent: a terminal that cannot draw the screen gets no
        // bracketed-paste or mouse modes either.
        try Self.checkTerminal()
        setlocale(LC_ALL, "")
        // All our text is UTF-8. A session whose locale is not (LC_ALL=C over SSH,
        // a locale the server lacks) would show Vietnamese letters as gaps.
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        // The size comes from the terminal itself, not from LINES and COLUMNS
        // that a shell exported and that went stale at its last resize.
        use_env(false)
        use_tioctl(true)
        guard let term = newterm(nil, bt_stdout(), bt_stdin()) else {
            throw Unavailable(reason: .terminalTypeUnusable(ProcessInfo.processInfo.environment["TERM"] ?? ""))
        }
        terminal = term
        set_term(term)
        raw()
        noecho()
        nonl()
        keypad(bt_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        useColor = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        if useColor && has_colors() {
            start_color()
            use_default_colors()
        } else {
            useColor = false
        }
        height = Int(bt_getmaxy(bt_stdscr()))
        width = Int(bt_getmaxx(bt_stdscr()))
        pipe(&wakePipe)
        for fd in wakePipe { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        pipeWaker = PipeWaker(descriptor: wakePipe[1])
        // Bracketed paste: pasted text arrives as one event, not as key presses.
        writeTerminal("\u{1B}[?2004h")
        enableMouse(true)
        installSignalHandlers()
        // A resize before the handler was in place would otherwise go unseen.
        _ = followTerminalSize()
        CrashGuard.install()
    }

    deinit { shutdown() }

    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        for source in signalSources { source.cancel() }
        signalSources = []
        signal(SIGWINCH, SIG_DFL)
        resizeWakeDescriptor = -1
        writeTerminal("\u{1B}[?2004l")
        enableMouse(false)
        curs_set(1)
        endwin()
        delscreen(terminal)
        // The write end is the waker's to close: a wake racing the shutdown then never
        // writes into a descriptor the process has since opened for something else.
        pipeWaker.close()
        if wakePipe[0] >= 0 { close(wakePipe[0]) }
        wakePipe = [-1, -1]
        CrashGuard.uninstall()
    }

    // MARK: - Output

    public func draw(_ frame: Frame) {
        let rows = min(frame.height, height)
        let cols = min(frame.width, width)
        for row in 0..<rows {
            var col = 0
            while col < cols {
                let style = frame[row, col].style
                var run: [wchar_t] = []
                let start = col
                while col < cols, frame[row, col].style == style {
                    let cell = frame[row, col]
                    if cell.width != 0 {
                        run.append(wchar_t(bitPattern: cell.scalar.value))
                        if cell.tail != 0 { for scalar in frame.tail(of: cell).unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) } }
                    }
                    col += 1
                }
                run.append(0)
                attrset(attributes(for: style))
                _ = mvaddwstr(Int32(row), Int32(start), run)
            }
        }
        if let cursor = frame.cursor, cursor.row < height, cursor.col < width {
            move(Int32(cursor.row), Int32(cursor.col))
            curs_set(1)
        } else {
            curs_set(0)
        }
        refresh()
    }

    private func attributes(for style: Style) -> Int32 {
        var attr = bt_a_normal()
        if style.bold { attr |= bt_a_bold() }
        if style.underline { attr |= bt_a_underline() }
        if style.dim { attr |= bt_a_dim() }
        var reverse = style.reverse
        if useColor {
            if style.fg != .terminal || style.bg != .terminal {
                attr |= attr_t(bt_color_pair(Int32(pair(style.fg, style.bg))))
            }
        } else if style.bg != .terminal {
            reverse.toggle()
        }
        if reverse { attr |= bt_a_reverse() }
        return Int32(truncatingIfNeeded: attr)
    }

    /// A colour pair for `fg` on `bg`, each reduced to what the terminal shows.
    private func pair(_ fg: Color, _ bg: Color) -> Int16 {
        let colors = Int(bt_colors())
        let f = fg.reduced(to: colors).index, b = bg.reduced(to: colors).index
        let key = (f + 1) * 257 + (b + 1)
        if let existing = pairs[key] { return existing }
        let number = Int16(pairs.count + 1)
        guard Int32(number) < bt_color_pairs() else { return 0 }
        init_pair(number, Int16(f), Int16(b))
        pairs[key] = number
        return number
    }

    /// ncurses turns the mouse on in the form its terminfo entry knows; the
    /// SGR form (1006) is asked for too, since it has no 223-column limit and
    /// is what we decode when ncurses does not.
    private func enableMouse(_ on: Bool) {
        guard mouse else { return }
        if on {
            _ = bt_mouse_enable(1)
            writeTerminal("\u{1B}[?1000h\u{1B}[?1006h")
        } else {
            writeTerminal("\u{1B}[?1006l\u{1B}[?1000l")
            _ = bt_mouse_enable(0)
        }
    }

    /// Writes a control sequence; errors are ignored, since after a dropped
    /// connection the terminal is gone and there is no one left to tell.
    private func writeTerminal(_ sequence: String) {
        fputs(sequence, bt_stdout())
        fflush(bt_stdout())
    }

    // MARK: - Input

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        if !queued.isEmpty { return queued.removeFirst() }
        if let pending = readKey() { return pending }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakePipe[0], events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, Int32(clamping: timeoutMilliseconds))
        if isTerminationRequested { return .terminate }
        if fds[1].revents != 0 {
            var buffer = [UInt8](repeating: 0, count: 64)
            while read(wakePipe[0], &buffer, buffer.count) > 0 {}
            if isTerminationRequested { return .terminate }
        }
        // A resize interrupts the poll or, when another thread took the signal (or it
        // came while drawing), has written to the wake pipe: either way we are here.
        if let resized = followTerminalSize() { return resized }
        if ready < 0 { return readKey() }
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && fds[0].revents & Int16(POLLIN) == 0 {
            return .terminate
        }
        if fds[0].revents & Int16(POLLIN) != 0 {
            if let event = readKey() { return event }
            // Readable yet nothing to read: the terminal is gone.
            if !isatty(STDIN_FILENO).boolValue { return .terminate }
        }
        return nil
    }

    private enum Raw {
        case character(UInt32)
        case function(Int32)
    }

    private func readRaw(waitMilliseconds: Int32) -> Raw? {
        timeout(waitMilliseconds)
        var ch: wint_t = 0
        let result = get_wch(&ch)
        if result == KEY_CODE_YES { return .function(Int32(ch)) }
        if result == OK { return .character(UInt32(ch)) }
        return nil
    }

    /// Reads one key if one is waiting, without blocking.
    private func readKey() -> InputEvent? {
        guard let raw = readRaw(waitMilliseconds: 0) else { return nil }
        switch raw {
        case .function(let code):
            return functionKey(code)
        case .character(let value):
            if value == 0x1B { return escape() }
            return .key(character(value))
        }
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            return followTerminalSize() ?? .resize(width: width, height: height)
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_MOUSE:
            var row: Int32 = 0, col: Int32 = 0
            let kinds: [Int32: MouseEvent.Action] = [1: .press(clickCount: 1), 2: .release, 3: .rightPress, 4: .middlePress,
                                                     5: .wheelUp, 6: .wheelDown, 7: .press(clickCount: 2)]
            guard let action = kinds[bt_mouse_event(&row, &col)] else { return nil }
            return mouseEvent(action, row: Int(row), col: Int(col))
        default:
            let n = code - bt_key_f(0)
            if (1...24).contains(n) { return .key(.function(Int(n))) }
            return nil
        }
    }

    private func character(_ value: UInt32) -> Key {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x00: return .ctrl(" ")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(value + 0x60)!))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(value + 0x40)!))
        default:
            return .char(Character(Unicode.Scalar(value) ?? "?"))
        }
    }

    /// After ESC: a lone Escape, Alt plus a key, a pasted block, or a key's
    /// escape sequence that ncurses did not know — over SSH, TERM often names
    /// another terminal than the one sending keys (End as ESC [ 4 ~ where the
    /// terminfo entry says ESC O F). A sequence nobody knows is dropped, never
    /// typed into the text.
    private func escape() -> InputEvent? {
        guard let next = readRaw(waitMilliseconds: 25) else { return .key(.escape) }
        guard case .character(let value) = next else {
            if case .function(let code) = next, let event = functionKey(code) { queued.append(event) }
            return .key(.escape)
        }
        switch value {
        case 0x5B:  // [
            return controlSequence()
        case 0x4F:  // O: SS3, keypad and F1–F4 in application mode
            guard case .character(let final)? = readRaw(waitMilliseconds: 25) else { return .key(.alt("O")) }
            let keys: [UInt32: Key] = [0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end,
                                       0x50: .function(1), 0x51: .function(2), 0x52: .function(3), 0x53: .function(4), 0x4D: .enter]
            return keys[final].map { .key($0) }
        case 0x1B:
            return .key(.escape)
        default:
            return .key(.alt(Character(Unicode.Scalar(value) ?? "?")))
        }
    }

    /// ESC [ parameters final: cursor and editing keys, function keys, bracketed paste.
    private func controlSequence() -> InputEvent? {
        var parameters = ""
        while true {
            guard case .character(let v)? = readRaw(waitMilliseconds: 25), let scalar = Unicode.Scalar(v) else {
                return parameters.isEmpty ? .key(.alt("[")) : nil
            }
            if (0x20...0x3F).contains(v) {
                parameters.unicodeScalars.append(scalar)
                if parameters.count > 16 { return nil }
                continue
            }
            if parameters.hasPrefix("<"), scalar == "M" || scalar == "m" { return sgrMouse(parameters, final: scalar) }
            // Modifiers (";5" for Control…) are ignored: the key is what matters.
            let first = Int(parameters.split(separator: ";").first ?? "") ?? 1
            switch scalar {
            case "A": return .key(.up)
            case "B": return .key(.down)
            case "C": return .key(.right)
            case "D": return .key(.left)
            case "H": return .key(.home)
            case "F": return .key(.end)
            case "Z": return .key(.backTab)
            case "~":
                if parameters == "200" { return readPaste() }
                let tilde: [Int: Key] = [1: .home, 7: .home, 2: .insert, 3: .delete, 4: .end, 8: .end, 5: .pageUp, 6: .pageDown,
                                         11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
                                         17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9),
                                         21: .function(10), 23: .function(11), 24: .function(12)]
                return tilde[first].map { .key($0) }
            default:
                return nil
            }
        }
    }

    /// ESC [ < button ; column ; row (M press, m release), columns and rows from 1.
    private func sgrMouse(_ parameters: String, final: Unicode.Scalar) -> InputEvent? {
        let numbers = parameters.dropFirst().split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        let button = numbers[0], col = numbers[1] - 1, row = numbers[2] - 1
        if button & 32 != 0 { return nil }  // motion
        let action: MouseEvent.Action
        if button & 64 != 0 {
            action = button & 1 == 0 ? .wheelUp : .wheelDown
        } else if final == "m" {
            action = .release
        } else {
            switch button & 3 {
            case 0: action = .press(clickCount: 1)
            case 1: action = .middlePress
            case 2: action = .rightPress
            default: action = .release
            }
        }
        return mouseEvent(action, row: row, col: col)
    }

    /// A second left press on the same cell within 400 ms is a double click.
    private func mouseEvent(_ action: MouseEvent.Action, row: Int, col: Int) -> InputEvent {
        guard case .press(let given) = action, given == 1 else { return .mouse(MouseEvent(action, row: row, col: col)) }
        let now = DispatchTime.now().uptimeNanoseconds
        var clicks = 1
        if let last = lastPress, last.row == row, last.col == col, now - last.time < 400_000_000 { clicks = 2 }
        lastPress = clicks == 2 ? nil : (now, row, col)
        return .mouse(MouseEvent(.press(clickCount: clicks), row: row, col: col))
    }

    private func readPaste() -> InputEvent {
        var scalars: [UInt32] = []
        while let raw = readRaw(waitMilliseconds: 200) {
            guard case .character(let v) = raw else { continue }
            scalars.append(v)
            if scalars.count >= Self.pasteEnd.count, Array(scalars.suffix(Self.pasteEnd.count)) == Self.pasteEnd {
                scalars.removeLast(Self.pasteEnd.count)
                break
            }
        }
        var text = String.UnicodeScalarView()
        for v in scalars {
            guard let s = Unicode.Scalar(v) else { continue }
            text.append(s == "\r" ? "\n" : s)
        }
        return .paste(Normalization.nfc(String(text)))
    }

    public func repaintAll() {
        clearok(bt_stdscr(), true)
    }

    /// Gives the terminal back, stops the process (as ^Z does in a shell) and
    /// takes the terminal again when resumed.
    public func suspend() {
        handOver {
            signal(SIGTSTP, SIG_DFL)
            kill(getpid(), SIGTSTP)
        }
    }

    /// Gives the terminal back as it was for `body` (another program, a stop), then
    /// takes it again and paints it whole.
    public func handOver(_ body: () -> Void) {
        enableMouse(false)
        endwin()
        writeTerminal("\u{1B}[?2004l")
        body()
        writeTerminal("\u{1B}[?2004h")
        enableMouse(true)
        refresh()
        _ = followTerminalSize()
        clear()
    }

    /// The size of the terminal on `fd` as the kernel knows it; nil when `fd` is no terminal.
    public static func terminalSize(of fd: Int32 = STDOUT_FILENO) -> (rows: Int, columns: Int)? {
        var rows: Int32 = 0
        var cols: Int32 = 0
        guard bt_terminal_size(fd, &rows, &cols) == 0 else { return nil }
        return (Int(rows), Int(cols))
    }

    /// Asks the kernel for the terminal's size and, when it changed, makes
    /// ncurses follow. Polled on every wake-up rather than trusted to ncurses'
    /// own SIGWINCH handler: a signal that lands on another thread than the one
    /// waiting for input would leave the layout at the old size.
    private func followTerminalSize() -> InputEvent? {
        guard let size = Self.terminalSize(), size.rows != height || size.columns != width else { return nil }
        resizeterm(Int32(size.rows), Int32(size.columns))
        height = Int(bt_getmaxy(bt_stdscr()))
        width = Int(bt_getmaxx(bt_stdscr()))
        clear()
        return .resize(width: width, height: height)
    }

    // MARK: - Signals

    private var isTerminationRequested: Bool {
        terminationLock.lock()
        defer { terminationLock.unlock() }
        return terminationRequested
    }

    private func installSignalHandlers() {
        // A resize only has to wake the input wait; nextEvent asks for the size itself.
        resizeWakeDescriptor = wakePipe[1]
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 2
            _ = write(resizeWakeDescriptor, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGWINCH, &action, nil)
        for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.terminationLock.lock()
                self.terminationRequested = true
                self.terminationLock.unlock()
                self.wake()
            }
            source.resume()
            signalSources.append(source)
        }
    }
}

/// Where the SIGWINCH handler writes; a signal handler can reach only globals.
nonisolated(unsafe) private var resizeWakeDescriptor: Int32 = -1

private extension Int32 {
    var boolValue: Bool { self != 0 }
}

/// Gives the terminal back before a crash report, so a fault never leaves
/// the user's shell in raw mode.
enum CrashGuard {
    private static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    static func install() {
        for sig in signals {
            signal(sig) { received in
                endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func uninstall() {
        for sig in signals { signal(sig, SIG_DFL) }
    }
}

/// A wake pipe's write end, closed under the lock a wake takes.
private final class PipeWaker: ScreenWaker, @unchecked Sendable {
    // `lock` guards `descriptor`.
    private let lock = NSLock()
    private var descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func wake() {
        lock.withLock {
            guard descriptor >= 0 else { return }
            var byte: UInt8 = 1
            _ = write(descriptor, &byte, 1)
        }
    }

    func close() {
        lock.withLock {
            guard descriptor >= 0 else { return }
            _ = Glibc.close(descriptor)
            descriptor = -1
        }
    }
}
