@testable import BienTapApp
import Foundation
import Polling
import NewsroomKit
import PortalClient
import TerminalUI
import XCTest

/// The desk's editor as an editor uses it: the real `bientap` in tmux, editing items of a
/// real `bientap-portal` on a temporary SQLite file.
final class DeskEditorEndToEndTests: XCTestCase {
    private var portal: LocalPortal!
    private var url = ""
    private var home: URL!

    override func setUpWithError() throws {
        portal = try LocalPortal(executable: QueueEndToEndTests.portalExecutable, editorDisplayName: "Kiểm thử")
        url = try portal.startServer()
        home = portal.directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config/bientap"), withIntermediateDirectories: true)
        // Keys as typed: the literal Vietnamese letters tmux sends need no input method.
        try "input_method = \"off\"\nrefresh = 0\n".write(to: home.appendingPathComponent("config/bientap/config.toml"), atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        portal.stop()
    }

    private var environment: [String: String] {
        ["XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "XDG_STATE_HOME": home.appendingPathComponent("state").path]
    }

    private func desk(_ extra: [String: String] = [:]) throws -> TmuxSession {
        try TmuxSession(command: [QueueEndToEndTests.client, "--portal", url, "--token", portal.token],
                        environment: environment.merging(extra) { $1 })
    }

    /// A second editor of the same portal, with an account of their own.
    private func secondEditor() throws -> AdminClient {
        let output = try LocalPortal.run(portal.executable, ["user", "add", "hoa", "--role", "editor", "--display-name", "Hoa", "--db", portal.database])
        let token = String(output.split(separator: "\n").last { !$0.isEmpty }!)
        return try AdminClient(baseURL: url, token: token)
    }

    /// Opens the newest waiting item in the editor; returns it as it was.
    private func openNewest(in session: TmuxSession, api: AdminClient) throws -> Submission {
        let newest = try XCTUnwrap(api.allSubmissions(statuses: SubmissionStatus.pending).first)
        try session.waitForScreen("the queue") { $0.contains(String(newest.title.prefix(20))) }
        try session.send("e")
        try session.waitForScreen("the editor") { $0.contains("Soạn: #\(newest.id)") && $0.contains("Tiêu đề: ") }
        return try api.submission(id: newest.id)
    }

    /// The newest waiting item, its title given a typo the checker flags ("hiên"), and that title.
    private func typoInNewestTitle(_ api: AdminClient) throws -> (SubmissionSummary, String) {
        let newest = try XCTUnwrap(api.allSubmissions(statuses: SubmissionStatus.pending).first)
        let original = try api.submission(id: newest.id)
        let title = "Sở Y tế thực hiên chuyển đổi số"
        _ = try api.save(id: newest.id, edit: SubmissionEdit(title: title, sapo: original.sapo, body: original.body),
                         base: original.summary.revision)
        return (newest, title)
    }

    func testFixAFlaggedTypoSaveApproveWithAGradingScheduleAndSeeItPublished() throws {
        let api = try AdminClient(baseURL: url, token: portal.token)
        let (newest, title) = try typoInNewestTitle(api)
        let session = try desk()
        defer { session.close() }
        try session.waitForScreen("the queue") { $0.contains(title) }
        try session.send("e")
        try session.waitForScreen("the editor, checked") { $0.contains("Tiêu đề: \(title)") && $0.contains("lỗi chính tả") }
        try session.send("F7")
        try session.waitForScreen("the finding said") { $0.contains("«hiên»") && $0.contains("gợi ý: hiện") }
        try session.send("F8")
        try session.waitForScreen("the fixes offered") { $0.contains("Chính tả: «hiên»") && $0.contains("[1] hiện") }
        try session.send("1")
        try session.waitForScreen("the typo fixed") { $0.contains("Tiêu đề: Sở Y tế thực hiện chuyển đổi số") }
        try session.send("C-s")
        try session.waitForScreen("saved") { $0.contains("Đã lưu lên cổng") }
        try session.send("C-q")
        let fixed = "Sở Y tế thực hiện chuyển đổi số"
        XCTAssertEqual(try api.submission(id: newest.id).summary.title, fixed)

        // Approve it from Đang biên tập, graded 1,5 as news (the decree's range, 0 to 10), to go to Zalo as well.
        try session.send("Tab")
        try session.waitForScreen("in review") { $0.contains(fixed) && $0.contains("Đang biên tập (") }
        try session.send("/")
        try session.type("thuc hien chuyen doi")
        try session.send("Enter")
        try session.send("a")
        try session.waitForScreen("the approval form") { $0.contains("Duyệt bài #\(newest.id)") && $0.contains("hệ số 0–10") }
        try session.send("Tab")
        try session.type("11")
        try session.send("Enter")
        try session.waitForScreen("the grade refused") { $0.contains("là một số từ 0 đến 10") && $0.contains("Duyệt bài #\(newest.id)") }
        try session.send("BSpace", "BSpace")
        try session.type("1,5")
        // Zalo wants a cover photo this item has not: the form says so before the portal would.
        try session.send("Tab")
        try session.send("Space")
        try session.send("Enter")
        try session.waitForScreen("Zalo refused for want of a photo") { $0.contains("Zalo cần ảnh bìa") && $0.contains("Duyệt bài #\(newest.id)") }
        try session.send("Space")
        try session.send("Tab")
        try session.send("Space")
        try session.send("Enter")
        try session.waitForScreen("approved") { $0.contains("Đã duyệt #\(newest.id)") }
        let approved = try api.submission(id: newest.id)
        XCTAssertEqual(approved.summary.status, .approved)
        let events = try api.events(of: newest.id)
        XCTAssertEqual(events.last?.action, .approve)

        // Schedule it ten seconds ahead from Đã lên lịch, then see it in Đã đăng once the scheduler has run.
        try session.send("Tab", "Tab")
        try session.waitForScreen("approved and scheduled") { $0.contains(fixed) && $0.contains("Đã lên lịch (") }
        try session.send("S")
        try session.waitForScreen("the schedule form") { $0.contains("Lên lịch đăng bài #\(newest.id)") && $0.contains("1 giờ nữa") }
        try session.send("Tab")
        try session.type("+10s")
        try session.send("Enter")
        try session.waitForScreen("scheduled") { $0.contains("Đã lên lịch #\(newest.id) đăng lúc") }
        XCTAssertEqual(try api.submission(id: newest.id).summary.status, .scheduled)
        try eventually(timeout: 40) { try api.submission(id: newest.id).summary.status == .published }
        try session.send("Tab")
        let published = try session.waitForScreen("published") { $0.contains("Đăng hôm nay (") && $0.contains(fixed) }
        XCTAssertTrue(published.contains(fixed), published)
    }

    func testTwoEditorsSavingTheSameItemBothKeepTheirWordsThroughTheMergeView() throws {
        let api = try AdminClient(baseURL: url, token: portal.token)
        let other = try secondEditor()
        // $VISUAL: a script that changes the sapo's first word, as a person would in vi.
        let script = home.appendingPathComponent("visual.sh")
        try "#!/bin/sh\nsed -i '2s/^Sa pô: /Sa pô: [Cập nhật] /' \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        let session = try desk(["VISUAL": script.path])
        defer { session.close() }
        let item = try openNewest(in: session, api: api)

        // Opening claimed the item and took its lease.
        let claimed = try api.submission(id: item.id)
        XCTAssertEqual(claimed.summary.status, .inReview)
        XCTAssertEqual(claimed.summary.lease?.holder, "demo")

        // Mine: the title. Theirs, saved first: the last paragraph.
        try session.send("End")
        try session.type(" (bản sửa của tôi)")
        let paragraphs = item.body.components(separatedBy: "\n")
        var changed = paragraphs
        changed[changed.count - 1] += " Câu thêm của biên tập viên thứ hai."
        let theirs = try other.save(id: item.id, edit: SubmissionEdit(title: item.summary.title, sapo: item.sapo,
                                                                      body: changed.joined(separator: "\n")), base: item.summary.revision)
        try session.send("C-s")
        // Both sides' words on the screen (waited for whole: a capture may catch a frame half drawn).
        try session.waitForScreen("the merge view with both edits") {
            $0.contains("Gộp bản sửa") && $0.contains("phiên bản \(theirs.summary.revision)") && $0.contains("Câu thêm của")
                && $0.contains("(bản sửa của tôi)")
        }
        try session.send("Enter")
        try session.waitForScreen("saved over their revision") { $0.contains("Đã lưu lên cổng: phiên bản \(theirs.summary.revision + 1)") }
        let merged = try api.submission(id: item.id)
        XCTAssertEqual(merged.summary.title, item.summary.title + " (bản sửa của tôi)")
        XCTAssertTrue(merged.body.hasSuffix("Câu thêm của biên tập viên thứ hai."), merged.body)

        // $VISUAL gets the whole text, and its change comes back into the editor, then to the portal.
        try session.send("F4")
        try session.waitForScreen("the text from the other editor") { $0.contains("Sa pô: [Cập nhật] ") && $0.contains("trình soạn thảo ngoài") }
        try session.send("C-s")
        try session.waitForScreen("saved again") { $0.contains("phiên bản \(merged.summary.revision + 1)") }
        XCTAssertTrue(try api.submission(id: item.id).sapo.hasPrefix("[Cập nhật] "))

        // Leaving gives the lease back.
        try session.send("C-q")
        try session.waitForScreen("the queue again") { $0.contains("Chờ duyệt") && !$0.contains("Soạn:") }
        try eventually(timeout: 10) { try api.submission(id: item.id).summary.lease == nil }
        XCTAssertNil(try api.submission(id: item.id).summary.lease)
    }

    /// Issue 19, point 13: F8 in the reader opens the editor on the finding, its fixes offered.
    func testF8InTheReaderOpensTheEditorOnTheFindingWithItsFixes() throws {
        let api = try AdminClient(baseURL: url, token: portal.token)
        let (newest, title) = try typoInNewestTitle(api)
        let session = try desk()
        defer { session.close() }
        try session.waitForScreen("the queue") { $0.contains(title) }
        try session.send("Enter")
        try session.waitForScreen("the reader, checked") { $0.contains("Xem bài: \(title)") && $0.contains("lỗi chính tả") }
        try session.send("F7")
        try session.waitForScreen("the finding said") { $0.contains("«hiên»") }
        try session.send("F8")
        try session.waitForScreen("the editor on the finding, its fixes offered") {
            $0.contains("Soạn: #\(newest.id)") && $0.contains("Chính tả: «hiên»") && $0.contains("[1] hiện")
        }
        try session.send("1")
        try session.waitForScreen("the typo fixed, nothing typed") { $0.contains("\nTiêu đề: Sở Y tế thực hiện chuyển đổi số") }
    }

    func testTheReaderShowsWhoWroteItItsHistoryAndTheNotesThreadAndTakesANote() throws {
        let api = try AdminClient(baseURL: url, token: portal.token)
        let session = try desk()
        defer { session.close() }
        let newest = try XCTUnwrap(api.allSubmissions(statuses: SubmissionStatus.pending).first)
        let item = try api.submission(id: newest.id)
        try session.waitForScreen("the queue") { $0.contains(String(newest.title.prefix(20))) }
        try session.send("Enter")
        try session.send("G")
        try session.waitForScreen("the details and the history") {
            $0.contains("── Thông tin ──") && $0.contains("Tác giả và phần nhuận bút: \(item.summary.contributor.fullName)")
                && $0.contains("── Lịch sử ──") && $0.contains("── Ghi chú (0) ──")
        }
        try session.send("c")
        try session.waitForScreen("the note form") { $0.contains("Ghi chú cho bài #\(newest.id)") }
        try session.type("Cần thêm ảnh hiện trường.")
        try session.send("Tab", "Space", "Enter")
        try session.send("G")
        try session.waitForScreen("the note in the thread") {
            $0.contains("── Ghi chú (1) ──") && $0.contains("Kiểm thử [tác giả cũng xem]:") && $0.contains("Cần thêm ảnh hiện trường.")
        }
        let notes = try api.notes(of: newest.id)
        XCTAssertEqual(notes.map(\.body), ["Cần thêm ảnh hiện trường."])
        XCTAssertEqual(notes.first?.visibility, .shared)
    }

    func testTheDutyViewShowsTheNextThreeDaysPerSiteAndPublishesFromThere() throws {
        let api = try AdminClient(baseURL: url, token: portal.token)
        let approved = try XCTUnwrap(api.allSubmissions(statuses: [.approved]).first)
        let soon = Date().addingTimeInterval(2 * 3600)
        let scheduled = try api.transition(id: approved.id, TransitionRequest(action: .schedule, publishAt: soon),
                                           base: approved.revision, idempotencyKey: UUID().uuidString)
        XCTAssertEqual(scheduled.summary.publishAt.map { Int($0.timeIntervalSince1970) }, Int(soon.timeIntervalSince1970))
        let session = try desk()
        defer { session.close() }
        try session.waitForScreen("the queue") { $0.contains("Chờ duyệt") }
        try session.send("D")
        let hhmm = String(DateText.short(soon).suffix(5))
        try session.waitForScreen("the duty view") {
            $0.contains("Trực — lịch đăng 72 giờ tới") && $0.contains("Đã duyệt, chưa lên lịch") && $0.contains("— chưa có bài nào")
        }
        // Walk to the item scheduled two hours from now, and publish it at once.
        let found = try eventually {
            if try session.capture().contains("▶    \(hhmm)  \(String(approved.title.prefix(30)))") { return true }
            try session.send("j")
            return false
        }
        XCTAssertTrue(found, (try? session.capture()) ?? "")
        try session.send("P")
        try session.waitForScreen("asked first") { $0.contains("Đăng ngay bài #\(approved.id)") }
        try session.send("l")
        try session.waitForScreen("published") { $0.contains("Đã đăng #\(approved.id)") }
        XCTAssertEqual(try api.submission(id: approved.id).summary.status, .published)
    }

    func testKillNineMidEditThenARestartRestoresTheUnsavedWords() throws {
        let api = try AdminClient(baseURL: url, token: portal.token)
        let first = try desk()
        let item = try openNewest(in: first, api: api)
        try first.send("End")
        try first.type(" — chữ chưa lưu")
        try first.waitForScreen("typed") { $0.contains("chữ chưa lưu") }
        // The journal is written within a second: kill the desk once the words are in it.
        let journal = Journal(directory: home.appendingPathComponent("state/bientap/journal").path)
        XCTAssertTrue(eventually(timeout: 10) { journal.entries().contains { $0.text.contains(" — chữ chưa lưu") } }, "the words never reached the journal")
        let pid = try XCTUnwrap(first.programPID())
        kill(pid, SIGKILL)
        first.close()
        XCTAssertEqual(try api.submission(id: item.id).summary.title, item.summary.title, "nothing was saved")

        let second = try desk()
        defer { second.close() }
        try second.waitForScreen("the offer") { $0.contains("Bài sửa dở chưa lưu") && $0.contains("#\(item.id)") }
        try second.send("m")
        try second.waitForScreen("the editor's offer") { $0.contains("Chữ chưa lưu từ lần trước") }
        try second.send("k")
        try second.waitForScreen("the words back") { $0.contains("Tiêu đề: \(item.summary.title) — chữ chưa lưu") }
        try second.send("C-s")
        try second.waitForScreen("saved") { $0.contains("Đã lưu lên cổng") }
        XCTAssertEqual(try api.submission(id: item.id).summary.title, item.summary.title + " — chữ chưa lưu")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: journal.directory).filter { $0.hasSuffix(".json") }, [],
                       "acknowledged: the journal is empty")
    }

    func testWithThePortalDownASaveWaitsKeepsTheWordsAndGoesThroughWhenItIsBack() throws {
        let api = try AdminClient(baseURL: url, token: portal.token)
        let session = try desk()
        defer { session.close() }
        let item = try openNewest(in: session, api: api)
        let port = try XCTUnwrap(URL(string: url)?.port)
        portal.stopServer()
        try session.send("End")
        try session.type(" (lưu khi cổng chập chờn)")
        try session.send("C-s")
        // The status bar says so, and the text stays.
        try session.waitForScreen("the status bar saying so") {
            $0.contains("Chưa lưu, tự lưu lại sau") && $0.contains("Không kết nối được tới cổng") && $0.contains("(lưu khi cổng chập chờn)")
        }
        // It tries again by itself, and waits longer after each failure: the portal comes back after the second.
        try session.waitForScreen("a retry that failed too") { $0.contains("Chưa lưu, tự lưu lại sau 4 giây") }
        try portal.startServer(port: port)
        try session.waitForScreen(timeout: 60, "saved by itself") { $0.contains("Đã lưu lên cổng") }
        XCTAssertEqual(try api.submission(id: item.id).summary.title, item.summary.title + " (lưu khi cổng chập chờn)")
        XCTAssertFalse(try session.capture().contains("Chưa lưu"))
    }

    /// `url` + `path` as curl fetches it (with the portal's token for the API): the status and the body.
    private func fetch(_ path: String, token: String? = nil) throws -> (status: Int, body: String) {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-w", "\n%{http_code}"] + (token.map { ["-H", "Authorization: Bearer \($0)"] } ?? []) + [url + path]
        let out = Pipe()
        curl.standardOutput = out
        try curl.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        curl.waitUntilExit()
        let status = Int(text.split(separator: "\n").last ?? "") ?? 0
        return (status, String(text[..<(text.lastIndex(of: "\n") ?? text.endIndex)]))
    }

    /// A published item corrected from the desk: the editor asks for the correction's note on
    /// saving, and the public page shows the new text with the notice at once, at its address.
    func testAPublishedItemIsCorrectedWithANoteAndItsPageShowsIt() throws {
        let api = try AdminClient(baseURL: url, token: portal.token)
        let approved = try XCTUnwrap(api.allSubmissions(statuses: [.approved]).first { $0.language == "vi" })
        let item = try api.submission(id: approved.id)
        _ = try api.transition(id: item.id, TransitionRequest(action: .publish), base: item.summary.revision, idempotencyKey: UUID().uuidString)
        let publication = try WireFormat.decoder().decode(Publication.self,
                                                          from: Data(try fetch("/api/v1/submissions/\(item.id)/publication", token: portal.token).body.utf8))
        let before = try fetch(publication.path)
        XCTAssertEqual(before.status, 200)
        XCTAssertFalse(before.body.contains("Đính chính"))

        let session = try desk()
        defer { session.close() }
        try session.waitForScreen("the queue") { $0.contains("Đăng hôm nay") }
        try session.send("Tab", "Tab", "Tab", "Tab")
        let shown = String(item.summary.title.prefix(20))
        try session.waitForScreen("published today") { $0.contains(shown) && $0.contains("Đăng hôm nay (") }
        try session.send("e")
        try session.waitForScreen("the editor") { $0.contains("Soạn: #\(item.id)") && $0.contains("Tiêu đề: ") }
        try session.send("M->")
        try session.type(" Số liệu đã cập nhật lúc 9 giờ.")
        try session.send("C-s")
        // Asked why; an empty answer saves nothing.
        try session.waitForScreen("the note asked") { $0.contains("lý do đính chính") }
        try session.send("Enter")
        try session.waitForScreen("refused without a note") { $0.contains("phải ghi lý do đính chính") }
        XCTAssertEqual(try api.submission(id: item.id).summary.revision, item.summary.revision)
        try session.send("C-s")
        try session.waitForScreen("the note asked again") { $0.contains("lý do đính chính") }
        try session.type("Bổ sung giờ cập nhật số liệu")
        try session.send("Enter")
        try session.waitForScreen("saved") { $0.contains("Đã lưu lên cổng: phiên bản \(item.summary.revision + 1)") }

        let after = try fetch(publication.path)
        XCTAssertEqual(after.status, 200)
        XCTAssertTrue(after.body.contains("Số liệu đã cập nhật lúc 9 giờ."), after.body)
        XCTAssertTrue(after.body.contains("<strong>Đính chính lúc</strong>"))
        XCTAssertTrue(after.body.contains("Bổ sung giờ cập nhật số liệu"))
        XCTAssertEqual(try api.revisions(of: item.id).last?.note, "Bổ sung giờ cập nhật số liệu")
        XCTAssertEqual(try api.submission(id: item.id).summary.status, .published)
        try session.send("C-q")
    }
}
