import Foundation
import NewsroomKit
import Polling
import PortalClient
@testable import WordPressClient
import XCTest

/// The real `bientap` in tmux on a real WordPress (Scripts/with-wordpress: Debian's package,
/// MariaDB, PHP): the queue, reading, editing, scheduling and publishing, two editors
/// meeting in the merge view, and the screens WordPress has nothing for.
final class WordPressEndToEndTests: XCTestCase {
    private var home: URL!
    private var site = ""
    private var users: [String: String] = [:]

    override func setUpWithError() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["BIENTAP_TEST_WORDPRESS"], let list = environment["BIENTAP_TEST_WORDPRESS_USERS"] else {
            throw Missing(what: "no WordPress site: run under Scripts/with-wordpress (make test or make test-wordpress)")
        }
        site = url
        for entry in list.split(separator: " ") {
            let parts = entry.split(separator: ":", maxSplits: 2).map(String.init)
            if parts.count == 3 { users[parts[1]] = parts[2] }
        }
        home = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-wp-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config/bientap"), withIntermediateDirectories: true)
        try "input_method = \"off\"\nrefresh = 0\n".write(to: home.appendingPathComponent("config/bientap/config.toml"), atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        if let home { try? FileManager.default.removeItem(at: home) }
    }

    /// A test fails with this, never skips.
    struct Missing: Error, CustomStringConvertible {
        var what: String
        var description: String { what }
    }

    private func token(_ login: String) throws -> String {
        guard let password = users[login] else { throw Missing(what: "the test site has no user \(login)") }
        return "\(login):\(password)"
    }

    private func api(_ login: String) throws -> WordPressClient {
        let parts = try token(login).split(separator: ":", maxSplits: 1).map(String.init)
        return try WordPressClient(baseURL: site, user: parts[0], applicationPassword: parts[1])
    }

    /// The desk signed in as `login`; the backend found by asking the site.
    private func desk(_ login: String) throws -> TmuxSession {
        try TmuxSession(command: [QueueEndToEndTests.client, "--portal", site, "--token", try token(login)],
                        environment: ["XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                                      "XDG_STATE_HOME": home.appendingPathComponent("state").path])
    }

    /// A pending post of the contributor's, made for one test, with the queue's cursor on it
    /// (the newest: first in Chờ duyệt).
    private func newPost(_ title: String) throws -> Submission {
        try api("congtacvien").create(SubmissionDraft(site: "", title: title, sapo: "Sa pô thử nghiệm.",
                                                      body: "Đoạn thứ nhất.\n\nĐoạn thứ hai.", category: .news),
                                      idempotencyKey: UUID().uuidString)
    }

    func testListReadEditScheduleAndPublishAPost() throws {
        let post = try newPost("Huyện đảo đón khách đầu năm")
        let editor = try api("bientap")
        let before = try XCTUnwrap(try editor.post(post.id).content?.raw)
        let session = try desk("bientap")
        defer { session.close() }
        try session.waitForScreen("the queue of pending posts") { $0.contains("Chờ duyệt (") && $0.contains("Huyện đảo đón khách đầu năm") }

        try session.send("Enter")
        try session.waitForScreen("the post read") { $0.contains("Đoạn thứ hai.") && $0.contains("Sa pô thử nghiệm.") }
        try session.send("q")
        try session.send("e")
        try session.waitForScreen("the editor") { $0.contains("Soạn: #\(post.id)") && $0.contains("Tiêu đề: Huyện đảo") }
        try session.send("End")
        try session.type(" (đã biên tập)")
        try session.send("C-s")
        try session.waitForScreen("saved") { $0.contains("Đã lưu lên cổng") }
        try session.send("C-q")
        let saved = try editor.post(post.id)
        XCTAssertEqual(saved.title?.raw, "Huyện đảo đón khách đầu năm (đã biên tập)")
        XCTAssertEqual(saved.content?.raw, before, "the body was not touched, so its bytes are as they were")

        try session.waitForScreen("the queue again") { $0.contains("(đã biên tập)") && !$0.contains("Soạn:") }
        try session.send("S")
        try session.waitForScreen("the schedule form") { $0.contains("Lên lịch đăng bài #\(post.id)") }
        try session.send("Tab")
        try session.type("+2h")
        try session.send("Enter")
        try session.waitForScreen("scheduled") { $0.contains("Bài \(post.id) sẽ đăng lúc") || $0.contains("Đã lên lịch #\(post.id)") }
        XCTAssertEqual(try editor.post(post.id).status, "future")
        // The duty view shows it among the next 72 hours.
        try session.send("D")
        try session.waitForScreen("the duty view") { $0.contains("Trực — lịch đăng 72 giờ tới") && $0.contains("(đã biên tập)") }
        try session.send("q")

        try session.send("Tab", "Tab", "Tab")
        try session.waitForScreen("the scheduled tab") { $0.contains("Đã lên lịch (") && $0.contains("(đã biên tập)") }
        try session.send("P")
        try session.waitForScreen("asked to publish") { $0.contains("Đăng ngay") }
        try session.send("l")
        XCTAssertTrue(try eventually(timeout: 20) { try editor.post(post.id).status == "publish" }, "published on WordPress")
    }

    func testTwoEditorsOnOnePostMeetInTheMergeView() throws {
        let post = try newPost("Hai biên tập viên cùng sửa một tin")
        let other = try api("bientap2")
        let session = try desk("bientap")
        defer { session.close() }
        try session.waitForScreen("the queue") { $0.contains("Hai biên tập viên cùng sửa một tin") }
        try session.send("e")
        try session.waitForScreen("the editor") { $0.contains("Soạn: #\(post.id)") }
        // The lock is taken: the other editor sees who holds it.
        XCTAssertEqual(try other.submission(id: post.id).summary.lease?.holderName, "Lê Thị Lan")

        try session.send("End")
        try session.type(" (bản của Lan)")
        let theirs = try other.submission(id: post.id)
        _ = try other.save(id: post.id, edit: SubmissionEdit(title: theirs.summary.title, sapo: theirs.sapo,
                                                              body: theirs.body + " Câu thêm của Minh."), base: theirs.summary.revision)
        try session.send("C-s")
        try session.waitForScreen("the merge view with both edits") {
            $0.contains("Gộp bản sửa") && $0.contains("Câu thêm của") && $0.contains("(bản của Lan)")
        }
        try session.send("Enter")
        try session.waitForScreen("saved over their words") { $0.contains("Đã lưu lên cổng") }
        let merged = try other.submission(id: post.id)
        XCTAssertEqual(merged.summary.title, "Hai biên tập viên cùng sửa một tin (bản của Lan)")
        XCTAssertTrue(merged.body.hasSuffix("Câu thêm của Minh."), merged.body)
        try session.send("C-q")
        XCTAssertTrue(try eventually(timeout: 10) { try other.submission(id: post.id).summary.lease == nil }, "the lock given back")
    }

    func testLoginKeepsTheApplicationPasswordAndTheDeskOpensWithIt() throws {
        let environment = ["XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                           "XDG_STATE_HOME": home.appendingPathComponent("state").path]
        // No --backend: the site says it is WordPress (/wp-json/).
        let login = try TmuxSession(command: [QueueEndToEndTests.client, "login", site, "--user", "bientap"], environment: environment)
        defer { login.close() }
        try login.waitForScreen("the Application Password asked for") { $0.contains("Mật khẩu ứng dụng") }
        let password = try XCTUnwrap(users["bientap"])
        // As WordPress shows it, in groups of four.
        try login.type(stride(from: 0, to: password.count, by: 4).map { String(Array(password)[$0..<min($0 + 4, password.count)]) }
            .joined(separator: " "))
        try login.send("Enter")
        XCTAssertEqual(login.waitForExit(), 0)
        try login.waitForScreen("signed in") { $0.contains("Đã đăng nhập trang WordPress") && $0.contains("Lê Thị Lan") }
        let file = home.appendingPathComponent("config/bientap/credentials").path
        let kept = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(kept.contains("backend = \"wordpress\"") && kept.contains("token = \"bientap:\(password)\""), kept)
        let mode = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)

        let desk = try TmuxSession(command: [QueueEndToEndTests.client], environment: environment)
        defer { desk.close() }
        try desk.waitForScreen("the queue, signed in from the kept credentials") { $0.contains("Chờ duyệt (") && $0.contains("ra quân làm đường") }
    }

    func testTheScreensWordPressHasNothingForSaySoInWords() throws {
        let session = try desk("quantri")
        defer { session.close() }
        try session.waitForScreen("the queue") { $0.contains("Chờ duyệt (") }
        for (key, words) in [("K", "không có chấm và sổ nhuận bút"), ("B", "không có báo cáo hoạt động"), ("M", "không có hàng đăng mạng xã hội")] {
            try session.send(key)
            try session.waitForScreen("the words for \(key)") { $0.contains(words) }
            try session.send("q")
            try session.waitForScreen("the queue after \(key)") { $0.contains("Chờ duyệt (") }
        }
    }
}
