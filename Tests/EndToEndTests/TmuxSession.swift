import Foundation
import Polling
import Glibc
import XCTest

/// A program running in a real terminal: a detached tmux session on a private
/// tmux server, driven with send-keys and read with capture-pane.
final class TmuxSession {
    let socket: String
    let exitFile: URL
    private(set) var isOpen = true

    /// Starts `command` (argv) in a `width`×`height` terminal with `environment` added.
    init(command: [String], environment: [String: String] = [:], width: Int = 120, height: Int = 40) throws {
        socket = "bientap-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        exitFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).exit")
        // Whatever locale and sizes the tests run under, the program starts from a known environment.
        let unset = ["LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LINES", "COLUMNS", "NO_COLOR"].flatMap { ["-u", $0] }
        var env = ["LANG=C.UTF-8", "TERM=xterm-256color"]
        env += environment.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }
        let quoted = (unset + env + command).map(Self.shellQuote).joined(separator: " ")
        // The shell records the program's exit status, then stays so the last screen can still be read.
        let script = "env \(quoted); echo $? > \(Self.shellQuote(exitFile.path)); sleep 600"
        try tmux(output: false, ["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "e2e", script])
    }

    deinit {
        close()
    }

    /// The program's process (the child of the pane's shell), while it runs.
    func programPID() throws -> Int32? {
        let shell = try tmux(["display-message", "-p", "-t", "e2e", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    func close() {
        guard isOpen else { return }
        isOpen = false
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: exitFile)
    }

    /// Types keys as tmux names them (`Enter`, `q`, `PageDown`, `C-l`…).
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "e2e"] + keys)
    }

    /// Sends literal text.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen as text.
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "e2e"])
    }

    /// Waits until the screen satisfies `predicate`; fails the test with the last screen otherwise.
    ///
    /// A capture can come while tmux is still painting a frame, so the lines below the
    /// ones the predicate looked at may be the frame before's. Once the predicate holds,
    /// the screen is read again until two readings agree (for half a second at most: a
    /// screen with a clock never settles), and the settled one is returned if the
    /// predicate still holds on it.
    @discardableResult
    func waitForScreen(timeout: TimeInterval = 20, _ what: String, file: StaticString = #filePath, line: UInt = #line,
                       _ predicate: (String) -> Bool) throws -> String {
        var screen = ""
        guard try eventually(timeout: timeout, {
            screen = try capture()
            return predicate(screen)
        }) else {
            XCTFail("timed out waiting for \(what); screen was:\n\(screen)", file: file, line: line)
            return screen
        }
        var last = screen
        var settled: String?
        _ = try eventually(timeout: 0.5, every: 0.02) {
            let next = try capture()
            defer { last = next }
            if next == last && predicate(next) { settled = next }
            return settled != nil
        }
        return settled ?? screen
    }

    /// The program's exit status once it has ended, waiting up to `timeout`.
    func waitForExit(timeout: TimeInterval = 15) -> Int32? {
        var code: Int32?
        eventually(timeout: timeout) {
            code = (try? String(contentsOf: exitFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            return code != nil
        }
        return code
    }

    /// Runs a tmux command and returns its standard output.
    ///
    /// Not through Foundation's `Process`: it learns that a child ended when a
    /// pipe the child inherited closes, and the tmux server that `new-session`
    /// leaves behind would inherit that pipe and hold it open. Here the child
    /// gets only stdin, stdout and stderr, and is reaped with `waitpid`.
    @discardableResult
    private func tmux(output: Bool = true, _ arguments: [String]) throws -> String {
        // bash closes every inherited descriptor above stderr, forgets any tmux the
        // tests themselves run in, then becomes tmux.
        let closeAndRun = "for f in /proc/$$/fd/*; do n=${f##*/}; [ \"$n\" -gt 2 ] && eval \"exec $n>&-\"; done 2>/dev/null; "
            + "unset TMUX TMUX_PANE; exec \"$@\""
        let argv = ["bash", "-c", closeAndRun, "tmux", "tmux", "-u", "-L", socket, "-f", "/dev/null"] + arguments
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if output {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, "bash", &actions, nil, &cArgs, environ)
        Glibc.close(fds[1])
        guard result == 0 else {
            Glibc.close(fds[0])
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .ENOENT)
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n > 0 { data.append(contentsOf: buffer[0..<n]) } else if n == 0 || errno != EINTR { break }
        }
        Glibc.close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: data, as: UTF8.self)
    }

    static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
