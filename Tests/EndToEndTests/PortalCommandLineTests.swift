import Foundation
import XCTest

/// `bientap-portal`'s one-shot commands as an operator types them: careless paths and names
/// that carry what a terminal would obey.
final class PortalCommandLineTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// `bientap-portal ARGUMENTS…` run in the test's directory, in English; how it ended and what it wrote.
    private func portal(_ arguments: [String]) throws -> (status: Int32, signalled: Bool, out: String, err: String) {
        let process = Process()
        process.executableURL = QueueEndToEndTests.portalExecutable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["HOME": directory.path, "LANG": "en_US.UTF-8", "PATH": "/usr/bin:/bin"]
        let (stdout, stderr) = (Pipe(), Pipe())
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The outputs are a few lines: neither pipe fills before the process ends.
        let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, out, err)
    }

    /// A database named by one letter, relative to the working directory, is made there
    /// (Foundation's NSString path code trapped on it, and on `a/`); a path through a file is
    /// refused in words.
    func testShortRelativeDatabasePathsAreOpenedOrRefusedWithoutACrash() throws {
        let made = try portal(["migrate", "--db", "sqlite:x"])
        XCTAssertEqual(made.status, 0, made.err)
        XCTAssertTrue(made.out.contains("The database sqlite:x is up to date."), made.out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("x").path))

        let slashed = try portal(["migrate", "--db", "sqlite:a/"])
        XCTAssertFalse(slashed.signalled, slashed.err)
        XCTAssertEqual(slashed.status, 0, slashed.err)

        let refused = try portal(["migrate", "--db", "sqlite:x/y"])
        XCTAssertFalse(refused.signalled, refused.err)
        XCTAssertEqual(refused.status, 1, refused.err)
        XCTAssertTrue(refused.err.hasPrefix("bientap-portal: cannot open the database sqlite:x/y"), refused.err)
    }

    /// What the operator typed comes back in messages, on both outputs, with escape sequences
    /// shown as text rather than obeyed.
    func testEscapeSequencesInADatabasePathAreShownNotObeyed() throws {
        let made = try portal(["migrate", "--db", "sqlite:red\u{1B}[31mdb"])
        XCTAssertEqual(made.status, 0, made.err)
        XCTAssertTrue(made.out.contains("sqlite:red^[[31mdb"), made.out)
        XCTAssertFalse(made.out.contains("\u{1B}"), made.out)

        // Under a file, so that it cannot be opened.
        let refused = try portal(["migrate", "--db", "sqlite:red\u{1B}[31mdb/title\u{1B}]0;pwned\u{07}"])
        XCTAssertEqual(refused.status, 1, refused.err)
        XCTAssertTrue(refused.err.contains("sqlite:red^[[31mdb/title^[]0;pwned^G"), refused.err)
        XCTAssertFalse(refused.err.contains("\u{1B}") || refused.err.contains("\u{07}"), refused.err)
    }
}
