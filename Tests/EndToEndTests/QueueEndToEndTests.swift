@testable import BienTapApp
import Foundation
import Polling
import NewsroomKit
import PortalClient
import VietText
import XCTest

/// Drives the real `bientap` in tmux against a real `bientap-portal` on a temporary SQLite file.
final class QueueEndToEndTests: XCTestCase {
    /// Where SwiftPM put the executables: beside the test bundle.
    static let binDirectory: URL = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent()
    }()
    static let client = binDirectory.appendingPathComponent("bientap").path
    static let portalExecutable = binDirectory.appendingPathComponent("bientap-portal")

    private func startPortal() throws -> (LocalPortal, String) {
        let portal = try LocalPortal(executable: Self.portalExecutable, editorDisplayName: "Kiểm thử")
        let url = try portal.startServer()
        return (portal, url)
    }

    func testEditorSeesQueueOpensAnItemAndQuits() throws {
        let (portal, url) = try startPortal()
        defer { portal.stop() }
        let api = try AdminClient(baseURL: url, token: portal.token)
        let pending = try api.allSubmissions(statuses: SubmissionStatus.pending)
        XCTAssertGreaterThan(pending.count, 40)
        let newest = try XCTUnwrap(pending.first)

        let session = try TmuxSession(command: [Self.client, "--portal", url, "--token", portal.token])
        defer { session.close() }

        // The newest item is the first row; its title starts with Vietnamese letters.
        let titleStart = String(newest.title.prefix(18))
        XCTAssertNotEqual(titleStart, Diacritics.strip(titleStart), "sample title should carry diacritics")
        // Columns stay aligned: right-aligned word counts end in the same column on every row.
        // 40 rows: title, tabs, table header, 36 table rows, status bar. A capture can come
        // while tmux is still painting a frame, so the wait is for a whole, aligned one; a
        // queue that never aligns times out showing its last screen.
        func rows(_ screen: String) -> [String] {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count >= 39 else { return [] }
            return lines[2..<min(39, 3 + pending.count)].filter { !$0.isEmpty }
        }
        let queue = try session.waitForScreen("the whole queue, its rows aligned") {
            $0.contains(titleStart) && $0.contains("\(pending.count) bài") && rows($0).count > 20
                && Set(rows($0).map(\.count)).count == 1
        }
        XCTAssertTrue(queue.contains("Chờ duyệt"), queue)
        XCTAssertTrue(queue.contains("Tiêu đề"), queue)

        // j moves down; Enter opens the second item read-only; its sapo shows.
        try session.send("j")
        try session.waitForScreen("cursor on row 2") { $0.contains("2/\(pending.count)") }
        try session.send("Enter")
        let second = try api.submission(id: pending[1].id)
        let sapoStart = String(second.sapo.prefix(20))
        let reader = try session.waitForScreen("the reader with the sapo") { $0.contains("Xem bài") && $0.contains(sapoStart) }
        XCTAssertTrue(reader.contains(second.summary.contributor.byline), reader)

        // q goes back to the queue, q again quits with status 0.
        try session.send("q")
        try session.waitForScreen("back to the queue") { $0.contains("Chờ duyệt") && $0.contains(titleStart) }
        try session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)

        // The portal is still up.
        XCTAssertEqual(try api.health().status, "ok")
    }

    /// Issue 19, point 12: Escape clears the filter before anything else, and the demo asks
    /// before it quits (its sample portal and data go with it): n stays, q again quits.
    func testEscapeClearsTheFilterAndTheDemoAsksBeforeQuitting() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("demo-quit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let session = try TmuxSession(command: [Self.client, "demo"],
                                      environment: ["XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                                                    "XDG_STATE_HOME": home.appendingPathComponent("state").path])
        defer { session.close() }
        try session.waitForScreen(timeout: 60, "the demo's queue") { $0.contains("Chờ duyệt (") && $0.contains(" bài)") }
        try session.send("f")
        try session.type("khong co bai nao nhu the nay")
        try session.send("Enter")
        try session.waitForScreen("filtered") { $0.contains("Đang lọc") }
        try session.send("Escape")
        try session.waitForScreen("the filter cleared, still running") { $0.contains("Đã bỏ lọc") && !$0.contains("Đang lọc") }
        try session.send("q")
        try session.waitForScreen("asked first") { $0.contains("Thoát bientap?") && $0.contains("dữ liệu mẫu") }
        try session.send("n")
        try session.waitForScreen("stayed") { !$0.contains("Thoát bientap?") && $0.contains("Chờ duyệt (") }
        XCTAssertNil(session.waitForExit(timeout: 0.5), "n does not quit")
        try session.send("q")
        try session.waitForScreen("asked again") { $0.contains("Thoát bientap?") }
        try session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    func testTheQueueReadsItselfAgainAndAnnouncesANewArrival() throws {
        let (portal, url) = try startPortal()
        defer { portal.stop() }
        let api = try AdminClient(baseURL: url, token: portal.token)
        let pending = try api.allSubmissions(statuses: SubmissionStatus.pending)
        let config = portal.directory.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("bientap"), withIntermediateDirectories: true)
        try "refresh = 2\n".write(to: config.appendingPathComponent("bientap/config.toml"), atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: [Self.client, "--portal", url, "--token", portal.token], environment: ["XDG_CONFIG_HOME": config.path])
        defer { session.close() }
        try session.waitForScreen("the queue") { $0.contains("1/\(pending.count)") }
        try session.send("j", "j")
        try session.waitForScreen("cursor on row 3") { $0.contains("3/\(pending.count)") }

        // A contributor's draft arrives; within a reading or two it is announced and counted,
        // and the cursor is still on the same item (now one row further down).
        let site = try api.sites()[0].code
        _ = try api.create(SubmissionDraft(site: site, title: "Bài vừa gửi tới tòa soạn", sapo: "Sapo.", body: "Nội dung.", category: .news),
                           idempotencyKey: UUID().uuidString)
        let announced = try session.waitForScreen("the arrival announced") { $0.contains("Bài mới trong Chờ duyệt: Bài vừa gửi tới tòa soạn") }
        XCTAssertTrue(announced.contains("4/\(pending.count + 1)"), announced)
        XCTAssertTrue(announced.contains("\(pending.count + 1) bài"), announced)
        try session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    func testTheReaderShowsWhatTheBoardChangedWordByWord() throws {
        let (portal, url) = try startPortal()
        defer { portal.stop() }
        let api = try AdminClient(baseURL: url, token: portal.token)
        let first = try XCTUnwrap(api.allSubmissions(statuses: SubmissionStatus.pending).first)
        let item = try api.submission(id: first.id)
        _ = try api.save(id: item.id, edit: SubmissionEdit(title: item.summary.title, sapo: item.sapo,
                                                          body: "Đoạn mở đầu do ban biên tập viết thêm.\n\n" + item.body), base: item.summary.revision)
        let session = try TmuxSession(command: [Self.client, "--portal", url, "--token", portal.token])
        defer { session.close() }
        try session.waitForScreen("the queue") { $0.contains(String(first.title.prefix(18))) }
        try session.send("Enter")
        try session.waitForScreen("the reader") { $0.contains("Đoạn mở đầu do ban biên tập") }
        try session.send("d")
        let differences = try session.waitForScreen("the differences") { $0.contains("Phiên bản 1 (của tác giả) → phiên bản 2") }
        XCTAssertTrue(differences.contains("Đoạn mở đầu do ban biên tập viết thêm."), differences)
        XCTAssertTrue(differences.contains("khác biệt"), differences)
        try session.send("d")
        try session.waitForScreen("the text again") { !$0.contains("Phiên bản 1 (của tác giả)") && $0.contains("Đoạn mở đầu") }
        try session.send("q", "q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    /// What a terminal sends for a left click (press and release) at a cell counted from 0, in SGR mouse mode.
    private func click(_ session: TmuxSession, row: Int, col: Int, times: Int = 1) throws {
        // Both clicks of a double click in one write: sent one by one, on a loaded machine they
        // came further apart than the desk's 400 ms and opened nothing.
        try session.type(String(repeating: "\u{1B}[<0;\(col + 1);\(row + 1)M\u{1B}[<0;\(col + 1);\(row + 1)m", count: times))
    }

    func testMouseTabsAndTheFilterForm() throws {
        let (portal, url) = try startPortal()
        defer { portal.stop() }
        let api = try AdminClient(baseURL: url, token: portal.token)
        let returned = try api.allSubmissions(statuses: [.returned])
        XCTAssertGreaterThan(returned.count, 3)
        let session = try TmuxSession(command: [Self.client, "--portal", url, "--token", portal.token])
        defer { session.close() }
        let queue = try session.waitForScreen("the queue") { $0.contains("Tiêu đề") && $0.contains("1/") }
        let tabs = queue.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[1]
        let tabColumn = try XCTUnwrap(tabs.range(of: "Trả lại").map { tabs.distance(from: tabs.startIndex, to: $0.lowerBound) })

        // A click on a tab shows it, loaded from the portal.
        try click(session, row: 1, col: tabColumn + 1)
        try session.waitForScreen("the Returned tab") { $0.contains("Trả lại (\(returned.count) bài)") && $0.contains("1/\(returned.count)") }
        // A double click on the third row opens it.
        try click(session, row: 5, col: 40, times: 2)
        try session.waitForScreen("the third returned item, read") { $0.contains("Xem bài: " + String(returned[2].title.prefix(20))) }
        try session.send("q")
        // The wheel moves the cursor three rows.
        try session.type("\u{1B}[<65;10;10M")
        try session.waitForScreen("the cursor three rows down") { $0.contains("6/\(returned.count)") }

        // The filter form: the contributor field, a name without its diacritics.
        let who = returned[0].contributor
        let plain = Diacritics.strip(who.fullName)
        try session.send("F")
        try session.waitForScreen("the filter form") { $0.contains("Lọc nâng cao") && $0.contains("Chỉ bài đã đánh dấu") }
        try session.send("Down", "Down")
        try session.type(plain)
        try session.send("Enter")
        let matching = returned.filter { $0.contributor.fullName == who.fullName }
        let filtered = try session.waitForScreen("the rows of that contributor") {
            $0.contains("Lọc: \(plain)") && $0.contains("/\(matching.count) · ") && !$0.contains("Lọc nâng cao")
        }
        XCTAssertTrue(filtered.contains(String(matching[0].title.prefix(20))), filtered)
        try session.send("Q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    func testHelpIsGeneratedFromTheCatalogueAndKeymap() throws {
        let (portal, url) = try startPortal()
        defer { portal.stop() }
        let session = try TmuxSession(command: [Self.client, "--portal", url, "--token", portal.token])
        defer { session.close() }
        try session.waitForScreen("queue") { $0.contains("Tiêu đề") }
        try session.send("?")
        // The whole help, not a capture taken while the terminal was still drawing it.
        let help = try session.waitForScreen("help") { $0.contains("Trợ giúp") && $0.contains("<PgDn>") && !$0.contains("Tiêu đề") }
        XCTAssertTrue(help.contains("Xuống một dòng"), help)
        try session.send("q")
        try session.waitForScreen("queue again") { !$0.contains("Trợ giúp — phím tắt") && $0.contains("Tiêu đề") }
        try session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    func testWrongTokenIsExplainedAndTheTerminalIsRestored() throws {
        let (portal, url) = try startPortal()
        defer { portal.stop() }
        let session = try TmuxSession(command: [Self.client, "--portal", url, "--token", "not-a-token"])
        defer { session.close() }
        let screen = try session.waitForScreen("the refusal") { $0.contains("từ chối mã truy cập") }
        XCTAssertTrue(screen.contains("401"), screen)
        try session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
        // After exit the shell's screen is back: no leftover UI chrome on the last line.
        let after = try session.capture()
        XCTAssertFalse(after.contains("trợ giúp · q thoát"), after)
    }

    func testPortalDownIsExplainedAndRetryWorksOnceItIsBack() throws {
        let (portal, url) = try startPortal()
        defer { portal.stop() }
        let port = try XCTUnwrap(URL(string: url)?.port)
        portal.stopServer()

        let session = try TmuxSession(command: [Self.client, "--portal", url, "--token", portal.token])
        defer { session.close() }
        // Both parts at once: a capture can land while ncurses is half-way through a repaint.
        try session.waitForScreen("the connection error with its retry hint") {
            $0.contains("Không kết nối được") && $0.contains("Nhấn r để thử lại")
        }

        try portal.startServer(port: port)
        try session.send("r")
        try session.waitForScreen("the queue after retry") { $0.contains("Tiêu đề") && $0.contains(" bài)") && !$0.contains("Không kết nối") }
        try session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    func testAHostileShellEnvironmentChangesNothing() throws {
        let (portal, url) = try startPortal()
        defer { portal.stop() }
        // As over SSH to a host where LC_ALL=C and a shell exported a stale size:
        // the letters must not turn into gaps and the layout must fill the real terminal.
        let session = try TmuxSession(command: [Self.client, "--portal", url, "--token", portal.token],
                                      environment: ["LC_ALL": "C", "COLUMNS": "80", "LINES": "24"])
        defer { session.close() }
        let screen = try session.waitForScreen("the queue") { $0.contains("Tiêu đề") && $0.contains("1/") }
        XCTAssertTrue(screen.contains("Chờ duyệt"), screen)
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.count >= 40 && lines[39].contains("trợ giúp"), "status bar not on the 40th line:\n" + screen)
        XCTAssertTrue(lines[2].count > 100, "table narrower than the terminal:\n" + screen)
        // …and it still follows the terminal, not the stale variables, when resized.
        try session.resize(width: 90, height: 30)
        try session.waitForScreen("the queue at 90×30") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 30 && lines[29].contains("trợ giúp") && lines.allSatisfy { $0.count <= 90 }
                && lines[2].count > 80
        }
        try session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    func testLayoutFollowsResizes() throws {
        let (portal, url) = try startPortal()
        defer { portal.stop() }
        let session = try TmuxSession(command: [Self.client, "--portal", url, "--token", portal.token])
        defer { session.close() }
        try session.waitForScreen("queue") { $0.contains("Tiêu đề") && $0.contains(" bài)") }
        // A resize after start, once the queue is drawn and has taken a key, as a user makes it
        // (the resizes below come each after a screen is drawn, when the desk waits for keys).
        try session.send("j")
        try session.waitForScreen("cursor on row 2") { $0.contains("2/") }
        try session.resize(width: 90, height: 30)
        let medium = try session.waitForScreen("the queue at 90×30") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 30 && lines[29].contains("trợ giúp") && lines.allSatisfy { $0.count <= 90 }
        }
        XCTAssertTrue(medium.hasPrefix(" bientap"), "title bar should stay on the first line:\n" + medium)

        try session.resize(width: 60, height: 20)
        let small = try session.waitForScreen("the queue at 60×20") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 20 && lines[19].contains("trợ giúp") && lines.allSatisfy { $0.count <= 60 }
        }
        XCTAssertTrue(small.contains("Tiêu đề"), small)

        try session.resize(width: 120, height: 40)
        try session.waitForScreen("the queue at 120×40") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 40 && lines[39].contains("trợ giúp")
        }
        try session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    func testDemoOpensTheQueueAndLeavesNothingBehind() throws {
        let before = Self.demoLeftovers()
        let session = try TmuxSession(command: [Self.client, "demo"])
        defer { session.close() }
        try session.waitForScreen(timeout: 60, "the demo queue") { $0.contains("Tiêu đề") && $0.contains(" bài)") }
        let during = Self.demoLeftovers()
        XCTAssertFalse(during.processes.subtracting(before.processes).isEmpty, "the demo portal should be running")
        // Quitting the demo deletes its sample: it asks first, and y confirms.
        try session.send("q")
        try session.waitForScreen("the question before quitting") { $0.contains("[y]") }
        try session.send("y")
        XCTAssertEqual(session.waitForExit(timeout: 20), 0)
        let after = Self.demoLeftovers()
        XCTAssertEqual(after.processes.subtracting(before.processes), [], "bientap-portal left running")
        XCTAssertEqual(after.directories.subtracting(before.directories), [], "temporary files left behind")
    }

    func testDroppedTerminalEndsTheDemoAndItsPortal() throws {
        let before = Self.demoLeftovers()
        let session = try TmuxSession(command: [Self.client, "demo"])
        try session.waitForScreen(timeout: 60, "the demo queue") { $0.contains("Tiêu đề") && $0.contains(" bài)") }
        XCTAssertFalse(Self.demoLeftovers().processes.subtracting(before.processes).isEmpty)
        // Like a dropped SSH connection: the terminal goes away and the client gets SIGHUP.
        session.close()
        var after = Self.demoLeftovers()
        eventually(timeout: 20) {
            after = Self.demoLeftovers()
            return after.processes.subtracting(before.processes).isEmpty && after.directories.subtracting(before.directories).isEmpty
        }
        XCTAssertEqual(after.processes.subtracting(before.processes), [], "bientap-portal left running")
        XCTAssertEqual(after.directories.subtracting(before.directories), [], "temporary files left behind")
    }

    func testKilledClientTakesItsPortalDownAndTheNextDemoSweepsItsFiles() throws {
        let before = Self.demoLeftovers()
        let session = try TmuxSession(command: [Self.client, "demo"])
        defer { session.close() }
        try session.waitForScreen(timeout: 60, "the demo queue") { $0.contains("Tiêu đề") && $0.contains(" bài)") }
        let portals = Self.demoLeftovers().processes.subtracting(before.processes)
        let portal = try XCTUnwrap(portals.first)
        // The client is the portal's parent; SIGKILL leaves it no chance to clean up.
        let stat = try String(contentsOfFile: "/proc/\(portal)/stat", encoding: .utf8)
        let client = try XCTUnwrap(Int32(stat.split(separator: ")").last!.split(separator: " ")[1]))
        XCTAssertEqual(kill(client, SIGKILL), 0)
        eventually(timeout: 10) { !Self.demoLeftovers().processes.contains(portal) }
        XCTAssertFalse(Self.demoLeftovers().processes.contains(portal), "the portal outlived its client")
        let orphans = Self.demoLeftovers().directories.subtracting(before.directories)
        XCTAssertEqual(orphans.count, 1, "a killed client leaves its directory…")
        LocalPortal.removeOrphans()
        XCTAssertEqual(Self.demoLeftovers().directories.subtracting(before.directories), [], "…which the next demo removes")
    }

    /// Running demo portals (pids) and demo directories in the temporary directory.
    static func demoLeftovers() -> (processes: Set<Int32>, directories: Set<String>) {
        var processes = Set<Int32>()
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let cmdline = String(decoding: data, as: UTF8.self)
            if cmdline.contains("bientap-portal") && cmdline.contains("bientap-demo-") { processes.insert(pid) }
        }
        let tmp = FileManager.default.temporaryDirectory.path
        let directories = Set(((try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? []).filter { $0.hasPrefix("bientap-demo-") })
        return (processes, directories)
    }
}
