import Foundation
import NewsroomKit
import XCTest

/// `bientap demo` says where its sample portal is and with which token, so the commands for
/// scripts can be tried against it; `make demo` builds with one SwiftPM run.
final class DemoEndToEndTests: XCTestCase {
    func testTheDemoPrintsItsPortalAndATokenTheCommandsForScriptsCanUse() throws {
        let said = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString).err")
        defer { try? FileManager.default.removeItem(at: said) }
        // What the demo prints before the queue opens, kept where the test can read it.
        let session = try TmuxSession(command: ["/bin/sh", "-c", "exec \"$0\" demo 2> \"$1\"", QueueEndToEndTests.client, said.path])
        defer { session.close() }
        try session.waitForScreen(timeout: 60, "the demo queue") { $0.contains("Tiêu đề") && $0.contains(" bài)") }
        let text = try String(contentsOf: said, encoding: .utf8)
        let portal = try XCTUnwrap(text.firstMatch(of: #/Cổng thông tin mẫu: (http://127\.0\.0\.1:\d+)/#)?.1, text)
        let token = try XCTUnwrap(text.firstMatch(of: #/Mã truy cập của biên tập viên thử nghiệm: (\S+)/#)?.1, text)
        XCTAssertTrue(text.contains("export BIENTAP_PORTAL=\(portal) BIENTAP_TOKEN=\(token)"), text)
        XCTAssertTrue(text.contains("\(QueueEndToEndTests.client) queue"), text)

        let queue = Process()
        queue.executableURL = URL(fileURLWithPath: QueueEndToEndTests.client)
        queue.arguments = ["queue", "--format", "jsonl"]
        queue.environment = ["HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
                             "BIENTAP_PORTAL": String(portal), "BIENTAP_TOKEN": String(token)]
        let out = Pipe()
        queue.standardOutput = out
        queue.standardError = FileHandle.nullDevice
        try queue.run()
        let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        queue.waitUntilExit()
        XCTAssertEqual(queue.terminationStatus, 0)
        XCTAssertGreaterThan(try lines.map { try WireFormat.decoder().decode(SubmissionSummary.self, from: Data($0.utf8)) }.count, 10)
    }

    /// Every SwiftPM run plans the build for some 4 s even with nothing to build: `make demo` makes one.
    func testMakeDemoRunsSwiftPMOnce() throws {
        let root = QueueEndToEndTests.binDirectory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/make")
        make.arguments = ["-n", "-C", root.path, "demo"]
        let out = Pipe()
        make.standardOutput = out
        make.standardError = FileHandle.nullDevice
        try make.run()
        let plan = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        make.waitUntilExit()
        XCTAssertEqual(make.terminationStatus, 0, plan)
        let swiftRuns = plan.split(separator: "\n").filter { $0.contains("swift build") || $0.contains("swift run") }
        XCTAssertEqual(swiftRuns.count, 1, plan)
        XCTAssertTrue(plan.contains("bientap\" demo"), plan)
    }
}
