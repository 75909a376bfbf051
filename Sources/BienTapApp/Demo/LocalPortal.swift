import Foundation
import VietText

/// A portal of one's own on this machine, run from the `bientap-portal`
/// executable: a temporary SQLite database filled with the sample, a demo
/// editor's token, and `serve` on a loopback port. Used by `bientap demo`
/// and by the end-to-end tests. `stop()` ends the server and removes every file.
public final class LocalPortal {
    public let executable: URL
    public let directory: URL
    public let database: String
    public let token: String
    public private(set) var baseURL: String?
    private var server: Process?
    private var socialFakes: SocialFakesProcess?

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates the temporary database, seeds it and adds an editor who is also a publisher;
    /// the server is not started yet.
    public init(executable: URL, editorDisplayName: String) throws {
        self.executable = executable
        Self.removeOrphans()
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bientap-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        database = "sqlite:" + directory.appendingPathComponent("demo.sqlite").path
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            _ = try Self.run(executable, ["seed", "--sample", "--db", database])
            let output = try Self.run(executable, ["user", "add", "demo", "--role", "editor",
                                                        "--display-name", editorDisplayName, "--db", database])
            guard let last = output.textLines.last(where: { !$0.isEmpty }) else {
                throw Failure(description: "bientap-portal user add printed no token")
            }
            token = String(last)
            // The demo's editor is on duty too, so scheduling and publishing can be tried.
            _ = try Self.run(executable, ["user", "grant", "demo", "--role", "publisher", "--db", database])
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    deinit {
        stop()
    }

    /// Removes the directories of demos whose process is gone (killed outright,
    /// so it could not clean up); the server of such a demo stops by itself.
    static func removeOrphans() {
        let tmp = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix("bientap-demo-") {
            let parts = name.split(separator: "-")
            guard parts.count == 4, let pid = Int32(parts[2]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: tmp.appendingPathComponent(name))
            }
        }
    }

    /// Starts `bientap-portal serve` on 127.0.0.1:`port` (0: a free port) and waits until it listens.
    /// With `socialFakes` (the demo), `bientap-portal social-fakes` runs beside it as the channels'
    /// Facebook and Zalo, so the social queue moves; it stops with the portal.
    @discardableResult
    public func startServer(port: Int = 0, socialFakes: Bool = false) throws -> String {
        stopServer()
        if socialFakes, self.socialFakes == nil {
            let fakes = try SocialFakesProcess(executable: executable, files: directory, exitWithParent: ProcessInfo.processInfo.processIdentifier)
            self.socialFakes = fakes
            try fakes.configure(executable, database: database)
        }
        let started = try Self.serve(executable, database: database, port: port, files: directory,
                                     extra: ["--exit-with-parent", "\(ProcessInfo.processInfo.processIdentifier)"])
        server = started.process
        baseURL = started.url
        return started.url
    }

    /// Starts `bientap-portal serve --db DATABASE` on 127.0.0.1:`port` with `extra` arguments,
    /// its output in `portal.out` and `portal.log` under `files`; the process and its base
    /// URL once it says it listens.
    public static func serve(_ executable: URL, database: String, port: Int = 0, files: URL, extra: [String] = []) throws
        -> (process: Process, url: String) {
        let out = files.appendingPathComponent("portal.out")
        let log = files.appendingPathComponent("portal.log")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--db", database, "--listen", "127.0.0.1:\(port)"] + extra
        process.standardOutput = try FileHandle(forWritingTo: out)
        let logHandle = try FileHandle(forWritingTo: log)
        logHandle.seekToEndOfFile()
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, try waitForListeningLine(in: out, server: process, log: log))
    }

    /// The process id of the running server, if any.
    public var serverProcessID: Int32? { server?.isRunning == true ? server?.processIdentifier : nil }

    /// Stops the server: SIGTERM, then SIGKILL after 5 s.
    public func stopServer() {
        guard let process = server else { return }
        server = nil
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
    }

    /// Stops the server (and the social fakes) and removes the temporary files.
    public func stop() {
        stopServer()
        socialFakes?.stop()
        socialFakes = nil
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs a command (a portal one, `psql`) to its end; returns its standard output, trimmed;
    /// throws with its stderr on failure.
    public static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr on another thread so that neither pipe can fill up and block the child.
        let errorBox = DataBox()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorBox.data = stderr.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorBox.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "\(executable.lastPathComponent) \(arguments.prefix(2).joined(separator: " ")): \(message)")
        }
        return String(decoding: outData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Bytes written on one thread and read on another. `@unchecked Sendable`: `lock` guards `stored`.
    private final class DataBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = Data()

        var data: Data {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }

    private static func waitForListeningLine(in file: URL, server: Process, log: URL) throws -> String {
        let marker = "listening on "
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
               let line = text.textLines.first(where: { $0.contains(marker) }),
               let range = line.range(of: marker) {
                return String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            }
            if !server.isRunning {
                let message = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw Failure(description: "bientap-portal serve exited: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
            usleep(20_000)
        }
        server.terminate()
        throw Failure(description: "bientap-portal serve did not start listening within 30 s")
    }

    /// `bientap-portal` beside the running executable, else on PATH.
    public static func locateExecutable() -> URL? {
        let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let sibling = URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("bientap-portal")
        if FileManager.default.isExecutableFile(atPath: sibling.path) { return sibling }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("bientap-portal")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
