import Foundation
import XCTest

/// `bientap-portal` and `psql` as child processes, for tests that need the real server.
enum PortalProcess {
    /// Runs a program to its end; its output (stdout and stderr), trimmed; throws on a non-zero exit.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "run", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "\(executable): \(text)"])
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `bientap-portal ARGUMENTS…`.
    @discardableResult
    static func portal(_ arguments: [String]) throws -> String {
        try run(QueueEndToEndTests.portalExecutable.path, arguments)
    }

    /// Runs one SQL statement with psql; its output, one value per line.
    @discardableResult
    static func psql(_ url: String, _ statement: String) throws -> String {
        try run("/usr/bin/psql", [url, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", statement])
    }

    /// The PostgreSQL server `make test` started (Scripts/with-postgres).
    static func postgresServer() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["BIENTAP_TEST_POSTGRES"] else {
            XCTFail("BIENTAP_TEST_POSTGRES is not set: run the tests with `make test`, which starts a PostgreSQL server for them")
            throw CancellationError()
        }
        return url
    }

    /// A new empty database on that server; its URL.
    static func createDatabase(on server: String, prefix: String) throws -> String {
        let name = prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try psql(server, "CREATE DATABASE \(name)")
        var components = URLComponents(string: server)!
        components.path = "/" + name
        return components.string!
    }

    static func dropDatabase(_ url: String, on server: String) {
        guard let name = URLComponents(string: url)?.path.dropFirst() else { return }
        _ = try? psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Starts `bientap-portal serve` on a free loopback port; the process and its base URL,
    /// once it says it listens. Its log goes to `log` when given.
    static func serve(db: String, log: URL? = nil) throws -> (process: Process, url: String) {
        let process = Process()
        process.executableURL = QueueEndToEndTests.portalExecutable
        process.arguments = ["serve", "--db", db, "--listen", "127.0.0.1:0"]
        let output = Pipe()
        process.standardOutput = output
        if let log {
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard let range = line.range(of: "http://127.0.0.1:") else {
            process.terminate()
            throw NSError(domain: "serve", code: 1, userInfo: [NSLocalizedDescriptionKey: "bientap-portal serve said: \(line)"])
        }
        let url = String(line[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        return (process, url)
    }
}
