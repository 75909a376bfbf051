@testable import BienTapApp
import Foundation
import NewsroomKit
import Polling
import PortalClient
import XCTest

/// Issue 26's acceptance in a real browser: a contributor signs in to the door in headless
/// chromium (Tests/Browser/contributor_flow.py, Selenium), submits an item with a photo and
/// sees it pending; the desk (the real `bientap` in tmux) finds it in its queue, approves and
/// publishes it; the browser finds it on the site's home page, its page and its feed; an item
/// the editors returned is edited and resubmitted from the browser.
final class ContributorBrowserEndToEndTests: XCTestCase {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/contributor_flow.py")
    private let password = "mật khẩu cộng tác viên"

    /// One step of the browser script; its output, after the test has checked it passed.
    @discardableResult
    private func browser(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let closing = text.split(separator: "\n").last { $0.hasSuffix(" failed") }.map(String.init) ?? "no closing line"
        XCTAssertEqual(process.terminationStatus, 0, "contributor_flow.py \(arguments[0]): \(closing)\n\(text)", file: file, line: line)
        XCTAssertTrue(closing.hasSuffix(" 0 failed"), text, file: file, line: line)
        return text
    }

    func testAContributorSubmitsInTheBrowserTheDeskPublishesAndTheSiteShowsIt() throws {
        let portal = try LocalPortal(executable: QueueEndToEndTests.portalExecutable, editorDisplayName: "Biên tập")
        defer { portal.stop() }
        let url = try portal.startServer()
        try PortalProcess.portal(["user", "add", "ctv", "--role", "contributor", "--site", "so-y-te", "--display-name", "Cộng tác viên",
                                  "--db", portal.database])
        _ = try LocalPortal.run(URL(fileURLWithPath: "/bin/sh"),
                            ["-c", "printf '%s\\n' \"$1\" | \"$2\" user passwd ctv --db \"$3\"", "sh", password,
                             QueueEndToEndTests.portalExecutable.path, portal.database])
        let photo = FileManager.default.temporaryDirectory.appendingPathComponent("door-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: photo) }
        try Self.png.write(to: photo)

        // The browser: sign in, submit with a photo, see it pending.
        let title = "Tiêm chủng mùa đông ở xã Tịnh Khê"
        let submitted = try browser(["submit", url, "ctv", password, title, photo.path])
        let id = try XCTUnwrap(submitted.split(separator: "\n").first { $0.hasPrefix("item ") }.flatMap { Int64($0.dropFirst(5)) })
        let api = try AdminClient(baseURL: url, token: portal.token)
        XCTAssertEqual(try api.submission(id: id).attachments.count, 1)

        // The desk: the newest item of its queue; approved (graded 1), then published from Đã lên lịch.
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("door-desk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config/bientap"), withIntermediateDirectories: true)
        try "input_method = \"off\"\nrefresh = 0\n".write(to: home.appendingPathComponent("config/bientap/config.toml"), atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: [QueueEndToEndTests.client, "--portal", url, "--token", portal.token],
                                      environment: ["XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                                                    "XDG_STATE_HOME": home.appendingPathComponent("state").path])
        defer { session.close() }
        try session.waitForScreen("the item in the queue") { $0.contains("Chờ duyệt (") && $0.contains("▶ ") && $0.contains(String(title.prefix(30))) }
        try session.send("a")
        try session.waitForScreen("the approval form") { $0.contains("Duyệt bài #\(id)") }
        try session.send("Tab")
        try session.type("1")
        try session.send("Enter")
        try session.waitForScreen("approved") { $0.contains("Đã duyệt #\(id)") }
        try session.send("Tab", "Tab", "Tab")
        try session.waitForScreen("the approved tab") { $0.contains("Đã lên lịch (") && $0.contains(String(title.prefix(30))) }
        // The approved item is the tab's newest by reception: the cursor's row.
        try session.send("P")
        try session.waitForScreen("the publish question") { $0.contains("Đăng ngay bài #\(id)") }
        try session.send("l")
        try session.waitForScreen("published") { $0.contains("Đã đăng #\(id)") }
        XCTAssertEqual(try api.submission(id: id).summary.status, .published)

        // The browser: the site's home, the article page, the feed.
        try browser(["published", url, "ctv", password, String(id), title, "so-y-te"])

        // A second item, returned by the editors with a shared note, is edited and resubmitted in the browser.
        let contributor = try AdminClient(baseURL: url, token: try PortalProcess.portal(["user", "token", "ctv", "--db", portal.database])
                                            .split(separator: "\n").last.map(String.init) ?? "")
        let second = try contributor.create(SubmissionDraft(site: "so-y-te", title: "Số liệu tiêm chủng", sapo: "Sapo.", body: "Chưa có số liệu.",
                                                            category: .news), idempotencyKey: UUID().uuidString)
        let claimed = try api.transition(id: second.id, TransitionRequest(action: .claim), base: second.summary.revision,
                                         idempotencyKey: UUID().uuidString)
        _ = try api.transition(id: second.id, TransitionRequest(action: .return, note: "Cần thêm số liệu."), base: claimed.summary.revision,
                               idempotencyKey: UUID().uuidString)
        _ = try api.addNote(to: second.id, NoteRequest(body: "Cần thêm số liệu theo từng xã.", visibility: .shared), idempotencyKey: UUID().uuidString)
        try browser(["resubmit", url, "ctv", password, String(second.id), "Số liệu tiêm chủng theo từng xã"])
        let resubmitted = try api.submission(id: second.id)
        XCTAssertEqual(resubmitted.summary.status, .resubmitted)
        XCTAssertEqual(resubmitted.summary.title, "Số liệu tiêm chủng theo từng xã")
        try session.send("q")
    }

    /// A small PNG (64×48, red), written out so the browser's file input can take it.
    static let png: Data = {
        func crc(_ bytes: [UInt8]) -> UInt32 {
            var c: UInt32 = 0xFFFF_FFFF
            for b in bytes {
                c ^= UInt32(b)
                for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            }
            return ~c
        }
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] { be(UInt32(data.count)) + Array(type.utf8) + data + be(crc(Array(type.utf8) + data)) }
        let (w, h) = (64, 48)
        var raw: [UInt8] = []
        for _ in 0..<h { raw += [0] + Array([UInt8]([200, 30, 30]).repeated(w)) }
        // Stored (uncompressed) deflate blocks: no compressor needed.
        var deflate: [UInt8] = [0x78, 0x01]
        var rest = raw[...]
        while !rest.isEmpty {
            let block = rest.prefix(65_535)
            rest = rest.dropFirst(block.count)
            let n = UInt16(block.count)
            deflate += [rest.isEmpty ? 1 : 0, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)] + block
        }
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in raw { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        deflate += be(b << 16 | a)
        let header = be(UInt32(w)) + be(UInt32(h)) + [8, 2, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", deflate) + chunk("IEND", []))
    }()
}

private extension Array {
    func repeated(_ times: Int) -> [Element] { (0..<times).flatMap { _ in self } }
}
