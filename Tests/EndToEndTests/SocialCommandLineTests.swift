import BienTapApp
import Foundation
import NewsroomKit
import PortalClient
import VietText
import XCTest

/// `bientap social` as a script runs it: the real client against a real seeded portal (whose
/// sample holds a post in every state), with a publisher's token and a contributor's.
final class SocialCommandLineTests: XCTestCase {
    private var portal: LocalPortal!
    private var url = ""
    private var publisher = ""
    private var contributor = ""

    override func setUpWithError() throws {
        portal = try LocalPortal(executable: QueueEndToEndTests.portalExecutable, editorDisplayName: "Kiểm thử")
        publisher = try token(of: "truc-ban", role: "publisher")
        contributor = try token(of: "ctv-social", role: "contributor")
    }

    override func tearDownWithError() throws {
        portal?.stop()
    }

    /// A new user's token (`user add` prints it last).
    private func token(of name: String, role: String) throws -> String {
        let output = try PortalProcess.portal(["user", "add", name, "--role", role, "--display-name", name, "--db", portal.database])
        return try XCTUnwrap(output.textLines.last(where: { !$0.isEmpty }).map(String.init))
    }

    /// `bientap social ARGUMENTS…` with `token`; its exit status, stdout and stderr.
    private func social(_ arguments: [String], token: String? = nil, language: String = "C.UTF-8") throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: QueueEndToEndTests.client)
        process.arguments = ["social"] + arguments
        process.environment = ["HOME": portal.directory.path, "XDG_CONFIG_HOME": portal.directory.appendingPathComponent("config").path,
                               "LANG": language, "PATH": "/usr/bin:/bin", "BIENTAP_PORTAL": url, "BIENTAP_TOKEN": token ?? publisher]
        let (stdout, stderr) = (Pipe(), Pipe())
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errors = ErrorText()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errors.set(String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            drained.signal()
        }
        let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        drained.wait()
        process.waitUntilExit()
        return (process.terminationStatus, out, errors.text)
    }

    /// The standard error, read on another thread.
    private final class ErrorText: @unchecked Sendable {
        // `lock` guards `stored`.
        private let lock = NSLock()
        private var stored = ""
        var text: String { lock.withLock { stored } }
        func set(_ text: String) { lock.withLock { stored = text } }
    }

    private func posts(_ output: String) throws -> [SocialPost] {
        try output.textLines.filter { !$0.isEmpty }.map { try WireFormat.decoder().decode(SocialPost.self, from: Data($0.utf8)) }
    }

    func testAPublisherListsAndActsOnTheSocialQueueAndAContributorIsRefusedInWords() throws {
        url = try portal.startServer()
        let api = try AdminClient(baseURL: url, token: publisher)

        // Every post as JSON lines, each with a status of the outbox's, the sample's every state among them.
        let listed = try social(["--format", "jsonl"])
        XCTAssertEqual(listed.status, 0, listed.err)
        let all = try posts(listed.out)
        XCTAssertEqual(all.map(\.id), try api.socialPosts(statuses: [], channel: nil, site: nil, limit: 1000).map(\.id))
        XCTAssertGreaterThanOrEqual(Set(all.map(\.status)).count, 5, "the sample's states: \(Set(all.map(\.status)))")
        let rawStatuses = try listed.out.textLines.filter { !$0.isEmpty }.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try XCTUnwrap(object?["status"] as? String)
        }
        XCTAssertTrue(Set(rawStatuses).isSubset(of: ["queued", "sending", "posted", "retry_wait", "failed", "uncertain", "cancelled"]), "\(rawStatuses)")
        XCTAssertTrue(rawStatuses.contains("retry_wait") || !all.contains { $0.status == .retryWait }, "spelt retry_wait on the wire")

        // Filters reach the portal: one channel, two statuses.
        let filtered = try posts(try social(["list", "--status", "failed,uncertain", "--channel", "zalo", "--format", "jsonl"]).out)
        XCTAssertTrue(filtered.allSatisfy { $0.channel == "zalo" && [.failed, .uncertain].contains($0.status) }, "\(filtered)")
        XCTAssertEqual(try social(["--status", "lost"]).status, 2)

        // The table: a heading, a row a post, the title starting in one column on every row (by display width).
        let table = try social([])
        XCTAssertEqual(table.status, 0, table.err)
        let rows = table.out.textLines.filter { !$0.isEmpty }.map(String.init)
        XCTAssertEqual(rows.count, all.count + 1)
        let heading = try XCTUnwrap(rows.first)
        XCTAssertTrue(heading.contains("Kênh") && heading.contains("Trạng thái") && heading.hasSuffix("Tiêu đề"), heading)
        let titleColumn = DisplayWidth.of(heading[..<(try XCTUnwrap(heading.range(of: "Tiêu đề"))).lowerBound])
        for (row, post) in zip(rows.dropFirst(), all) {
            let start = try XCTUnwrap(row.range(of: post.title), row).lowerBound
            XCTAssertEqual(DisplayWidth.of(row[..<start]), titleColumn, row)
        }
        XCTAssertTrue(try social([], language: "en_US.UTF-8").out.hasPrefix("ID  Channel"))

        // Retry a failed post: queued again.
        let failed = try XCTUnwrap(all.first { $0.status == .failed })
        let retried = try social(["retry", String(failed.id)])
        XCTAssertEqual(retried.status, 0, retried.err)
        XCTAssertEqual(retried.out, "Bài đăng \(failed.id) (\(Strings.channelName(failed.channel).vi)): Chờ đăng.\n")

        // Resolve an uncertain one as posted, with its link; again: said done already, status 0.
        let uncertain = try XCTUnwrap(all.first { $0.status == .uncertain })
        XCTAssertEqual(try social(["resolve", String(uncertain.id), "--posted"]).status, 2, "--posted needs --link")
        XCTAssertEqual(try social(["resolve", String(uncertain.id), "--posted", "--link", "https://x.test/1", "--send-again"]).status, 2)
        let resolved = try social(["resolve", String(uncertain.id), "--posted", "--link", "https://oa.zalo.me/article/77"])
        XCTAssertEqual(resolved.status, 0, resolved.err)
        let after = try api.socialPost(id: uncertain.id)
        XCTAssertEqual(after.status, .posted)
        XCTAssertEqual(after.remoteLink, "https://oa.zalo.me/article/77")
        let again = try social(["resolve", String(uncertain.id), "--posted", "--link", "https://oa.zalo.me/article/77"], language: "en_US.UTF-8")
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertTrue(again.out.contains("already"), again.out)
        // Sending a posted one again is refused, in words.
        let resend = try social(["resolve", String(uncertain.id), "--send-again"])
        XCTAssertEqual(resend.status, 1)
        XCTAssertTrue(resend.err.contains("chỉ xử lý được bài Chưa rõ"), resend.err)

        // A queued post not yet due: its text edited, then cancelled (twice: the second is done already).
        let queued = try XCTUnwrap(all.first { $0.status == .queued && $0.dueAt == nil })
        let edited = try social(["edit", String(queued.id), "--text", "Cafe\u{0301} sáng: lời mới."])
        XCTAssertEqual(edited.status, 0, edited.err)
        XCTAssertEqual(try api.socialPost(id: queued.id).message, "Café sáng: lời mới.", "stored NFC")
        XCTAssertEqual(try social(["edit", String(queued.id)]).status, 2)
        let cancelled = try social(["cancel", String(queued.id)])
        XCTAssertEqual(cancelled.status, 0, cancelled.err)
        XCTAssertEqual(try api.socialPost(id: queued.id).status, .cancelled)
        let cancelledAgain = try social(["cancel", String(queued.id)])
        XCTAssertEqual(cancelledAgain.status, 0, cancelledAgain.err)
        XCTAssertTrue(cancelledAgain.out.contains("đã ở trạng thái Đã huỷ rồi"), cancelledAgain.out)
        let editCancelled = try social(["edit", String(queued.id), "--text", "x"], language: "en_US.UTF-8")
        XCTAssertEqual(editCancelled.status, 1)
        XCTAssertTrue(editCancelled.err.contains("only the text of a post not sent yet"), editCancelled.err)

        // A contributor is refused, in words, in either language; nothing printed on stdout.
        let refused = try social(["--format", "jsonl"], token: contributor)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.out, "")
        XCTAssertTrue(refused.err.contains("chỉ dành cho Ban Biên tập"), refused.err)
        let refusedEnglish = try social(["retry", String(failed.id)], token: contributor, language: "en_GB.UTF-8")
        XCTAssertEqual(refusedEnglish.status, 1)
        XCTAssertTrue(refusedEnglish.err.contains("The social queue is for a site's board"), refusedEnglish.err)
    }

    /// Text the networks sent back (an error, a link), planted with escape sequences in the
    /// database, reaches the terminal as visible characters only.
    func testWhatANetworkAnsweredCannotActOnTheTerminal() throws {
        let hostile = "lỗi\u{1B}]0;pwned\u{07} \u{1B}[2J \u{9B}31m \u{202E}gpj"
        let text = "char(" + hostile.unicodeScalars.map { String($0.value) }.joined(separator: ",") + ")"
        let database = String(portal.database.dropFirst("sqlite:".count))
        _ = try LocalPortal.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [database, "UPDATE social_posts SET last_error = \(text), remote_link = \(text)"])
        url = try portal.startServer()
        for format in ["table", "jsonl"] {
            let listed = try social(["--format", format])
            XCTAssertEqual(listed.status, 0, listed.err)
            XCTAssertTrue(listed.out.contains("lỗi"), listed.out)
            let obeyed = listed.out.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }
            XCTAssertEqual(obeyed.count, 0, "\(format): \(obeyed.map { String($0.value, radix: 16) })")
        }
    }
}
