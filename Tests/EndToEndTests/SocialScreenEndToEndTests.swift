@testable import BienTapApp
import Foundation
import NewsroomKit
import PortalClient
import XCTest

/// The social queue screen through the real `bientap` in tmux, against a `seed --sample`
/// portal whose outbox holds a post in every state; what the screen did is checked through the API.
final class SocialScreenEndToEndTests: XCTestCase {
    func testAPublisherResolvesRetriesAndCancelsPostsOnTheSocialQueue() throws {
        let portal = try LocalPortal(executable: QueueEndToEndTests.portalExecutable, editorDisplayName: "Kiểm thử")
        defer { portal.stop() }
        let url = try portal.startServer()
        // The portal's demo user is an editor on duty (a publisher too).
        let api = try AdminClient(baseURL: url, token: portal.token)
        let posts = try api.socialPosts(statuses: [], channel: nil, site: nil, limit: 1000)
        let failed = try XCTUnwrap(posts.first { $0.status == .failed })
        let uncertain = try XCTUnwrap(posts.first { $0.status == .uncertain })
        // One queued for an item not yet published: the dispatcher leaves it alone.
        let queued = try XCTUnwrap(posts.first { $0.status == .queued && $0.dueAt == nil })

        let command = "exec \(TmuxSession.shellQuote(QueueEndToEndTests.client)) --portal \(TmuxSession.shellQuote(url)) "
            + "--token \(TmuxSession.shellQuote(portal.token))"
        let session = try TmuxSession(command: ["/bin/sh", "-c", command],
                                      environment: ["XDG_CONFIG_HOME": portal.directory.appendingPathComponent("config").path,
                                                    "XDG_STATE_HOME": portal.directory.appendingPathComponent("state").path])
        defer { session.close() }
        try session.waitForScreen("the queue") { $0.contains("Chờ duyệt") }

        // M: the social queue, every post; the failed and the uncertain one in their colours.
        try session.send("M")
        try session.waitForScreen("the social queue") {
            $0.contains("Hàng đăng mạng xã hội") && $0.contains("\(posts.count)/\(posts.count) bài đăng")
                && $0.contains(String(failed.title.prefix(12))) && $0.contains("Thất bại 1 · Chưa rõ 1")
        }
        let styled = try Self.styledCapture(session)
        XCTAssertTrue(try Self.style(before: "! Thất bại", in: styled).contains(41), "failed on red: \(styled)")
        XCTAssertTrue(try Self.style(before: "? Chưa rõ", in: styled).contains(33), "uncertain in yellow: \(styled)")

        // The uncertain one, by the state filter: resolved as posted, with the link typed.
        func shownState(_ screen: String) -> String? {
            screen.range(of: #"Trạng thái: [^·]+ ·"#, options: .regularExpression).map { String(screen[$0]) }
        }
        func filter(_ state: SocialPostStatus) throws {
            let wanted = "Trạng thái: \(Strings.socialStatus(state).vi) ·"
            for _ in 0..<SocialPostStatus.allCases.count + 1 {
                let before = shownState(try session.capture())
                if before == wanted { return }
                try session.send("Tab")
                try session.waitForScreen("the next state") { shownState($0) != before }
            }
            XCTFail("no filter \(wanted)")
        }
        /// Moves the cursor down until the post below the table is `id`.
        func select(_ id: Int64) throws {
            for _ in 0..<posts.count {
                if try session.capture().contains("Bài đăng \(id) ·") { return }
                let before = try session.capture()
                try session.send("j")
                try session.waitForScreen("the next post") { $0 != before }
            }
            XCTFail("no post \(id)")
        }
        try filter(.uncertain)
        try session.waitForScreen("the uncertain post") { $0.contains("Bài đăng \(uncertain.id) ·") && $0.contains("Hãy xem trên trang") }
        try session.send("V")
        try session.waitForScreen("the choice") { $0.contains("[d] Đã lên trang (nhập liên kết)") && $0.contains("[g] Chưa có, gửi lại") }
        try session.send("d")
        try session.waitForScreen("the link asked") { $0.contains("Liên kết của bài trên trang") }
        try session.type("oa.zalo.me/article/2002-kiem-tra")
        try session.send("Enter")
        try session.waitForScreen("resolved") { $0.contains("Bài đăng \(uncertain.id) (Zalo OA): Đã đăng.") }
        let resolved = try api.socialPost(id: uncertain.id)
        XCTAssertEqual(resolved.status, .posted)
        XCTAssertEqual(resolved.remoteLink, "https://oa.zalo.me/article/2002-kiem-tra")

        // The failed one: retried at once. The sample's channels have no credentials, so the
        // dispatcher may fail it again right away, but for that reason, not the old one.
        try filter(.failed)
        try session.waitForScreen("the failed post") { $0.contains("Bài đăng \(failed.id) ·") && $0.contains("Mã truy cập của kênh hết hạn") }
        try session.send("R")
        try session.waitForScreen("retried") { $0.contains("Bài đăng \(failed.id) (Facebook Page): Chờ đăng.") }
        let retried = try api.socialPost(id: failed.id)
        XCTAssertTrue(retried.status != .failed || retried.errorKind != failed.errorKind, "\(retried)")

        // A queued one: cancelled once the question is answered.
        try filter(.queued)
        try select(queued.id)
        let id = queued.id
        try session.send("X")
        try session.waitForScreen("asked first") { $0.contains("[l] Huỷ bài đăng") && $0.contains("[b] Giữ lại") }
        XCTAssertEqual(try api.socialPost(id: id).status, .queued, "nothing cancelled before the answer")
        try session.send("l")
        try session.waitForScreen("cancelled") { $0.contains("Bài đăng \(id) (") && $0.contains("Đã huỷ.") }
        XCTAssertEqual(try api.socialPost(id: id).status, .cancelled)

        // q: back to the queue; q again leaves bientap.
        try session.send("q")
        try session.waitForScreen("the queue again") { $0.contains("Chờ duyệt") && !$0.contains("Hàng đăng mạng xã hội") }
        try session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    /// The visible screen with its colours, as SGR escape sequences.
    static func styledCapture(_ session: TmuxSession) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-u", "-L", session.socket, "-f", "/dev/null", "capture-pane", "-e", "-p", "-t", "e2e"]
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" && $0.key != "TMUX_PANE" }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The SGR parameters in force where `text` starts (those of the sequences just before it).
    static func style(before text: String, in styled: String) throws -> Set<Int> {
        let expression = try NSRegularExpression(pattern: "((?:\u{1B}\\[[0-9;:]*m)+)" + NSRegularExpression.escapedPattern(for: text))
        let range = NSRange(styled.startIndex..., in: styled)
        guard let match = expression.firstMatch(in: styled, range: range), let codes = Range(match.range(at: 1), in: styled) else { return [] }
        return Set(styled[codes].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) })
    }
}
