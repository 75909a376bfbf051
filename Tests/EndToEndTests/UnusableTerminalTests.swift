import Foundation
import XCTest

/// A terminal the full screen cannot be drawn on (TERM=dumb, unset, unknown) is said
/// so, in the user's language, and nothing else is sent to it: no bracketed-paste or
/// mouse mode, no blank screen.
final class UnusableTerminalTests: XCTestCase {
    /// `bientap ARGUMENTS…` on a pseudo-terminal of util-linux's `script`, with `TERM` as
    /// given (nil: unset); its exit status and every byte it wrote to the terminal.
    private func onTerminal(_ arguments: [String], term: String?, language: String) throws -> (status: Int32, bytes: [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([QueueEndToEndTests.client] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        process.arguments = ["-q", "-e", "-c", command.joined(separator: " "), "/dev/null"]
        var environment = ["HOME": NSTemporaryDirectory(), "LANG": language, "PATH": "/usr/bin:/bin"]
        environment["TERM"] = term
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](bytes))
    }

    func testADumbUnsetOrUnknownTerminalIsRefusedWithoutAnEscapeSequence() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dumb-\(UUID().uuidString).txt").path
        let commands = [["edit", file], ["--portal", "http://127.0.0.1:1", "--token", "x"], ["demo"]]
        for arguments in commands {
            for (term, vi, en) in [("dumb", "Terminal loại \"dumb\" (TERM) không vẽ được", "The terminal type \"dumb\" (TERM) cannot show"),
                                   (nil, "Biến TERM chưa được đặt", "TERM is not set"),
                                   ("vt-khong-co", "Terminal loại \"vt-khong-co\"", "The terminal type \"vt-khong-co\"")] as [(String?, String, String)] {
                for (language, message) in [("C.UTF-8", vi), ("en_US.UTF-8", en)] {
                    let (status, bytes) = try onTerminal(arguments, term: term, language: language)
                    let said = String(decoding: bytes, as: UTF8.self)
                    let what = "\(arguments.first ?? "") TERM=\(term ?? "(unset)") LANG=\(language): \(said.debugDescription)"
                    XCTAssertNotEqual(status, 0, what)
                    XCTAssertTrue(said.contains(message), what)
                    XCTAssertFalse(bytes.contains(0x1B), what)
                }
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: file), "nothing was written")
    }
}
