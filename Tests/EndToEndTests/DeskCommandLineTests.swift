@testable import BienTapApp
import Foundation
import Polling
import NewsroomKit
import PortalClient
import VietText
import XCTest

/// The desk's commands for scripts and cron, run as a script would run them: the real
/// `bientap` against a real `bientap-portal`, signed in with a password.
final class DeskCommandLineTests: XCTestCase {
    private var portal: LocalPortal!
    private var url = ""
    private var home: URL!
    private let password = "mật khẩu đủ dài 2026"

    override func setUpWithError() throws {
        portal = try LocalPortal(executable: QueueEndToEndTests.portalExecutable, editorDisplayName: "Kiểm thử")
        url = try portal.startServer()
        home = portal.directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        _ = try LocalPortal.run(QueueEndToEndTests.portalExecutable, ["user", "add", "bt-an", "--display-name", "Nguyễn Văn An",
                                                                  "--role", "editor", "--db", portal.database])
        _ = try LocalPortal.run(QueueEndToEndTests.portalExecutable, ["user", "grant", "bt-an", "--role", "publisher", "--db", portal.database])
        let passwd = Process()
        passwd.executableURL = QueueEndToEndTests.portalExecutable
        passwd.arguments = ["user", "passwd", "bt-an", "--db", portal.database]
        let input = Pipe()
        passwd.standardInput = input
        passwd.standardOutput = FileHandle.nullDevice
        try passwd.run()
        input.fileHandleForWriting.write(Data((password + "\n").utf8))
        try input.fileHandleForWriting.close()
        passwd.waitUntilExit()
        XCTAssertEqual(passwd.terminationStatus, 0)
    }

    override func tearDownWithError() throws {
        portal?.stop()
    }

    /// `bientap ARGUMENTS…` with `input` on stdin, in a home of its own.
    /// `stderr`, when given, receives the standard error as it comes, for a test to watch while the command runs.
    private func client(_ arguments: [String], input: String = "", language: String = "C.UTF-8", environment: [String: String] = [:],
                        directory: URL? = nil, stderr errorBox: LockedData = LockedData()) throws -> (status: Int32, out: String, err: String) {
        try Self.client(arguments, home: home, input: input, language: language, environment: environment, directory: directory, stderr: errorBox)
    }

    /// The same in `home`, for a command run on another thread while the test watches it.
    private static func client(_ arguments: [String], home: URL?, input: String = "", language: String = "C.UTF-8",
                               environment: [String: String] = [:], directory: URL? = nil,
                               stderr errorBox: LockedData = LockedData()) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: QueueEndToEndTests.client)
        process.arguments = arguments
        process.environment = ["HOME": home?.path ?? "/nonexistent", "XDG_CONFIG_HOME": (home?.path ?? "/nonexistent") + "/.config",
                               "LANG": language, "PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let reader = stderr.fileHandleForReading
            while case let chunk = reader.availableData, !chunk.isEmpty { errorBox.append(chunk) }
            drained.signal()
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: errorBox.get(), as: UTF8.self))
    }

    func testAnEditorSignsInListsReadsAndDecidesFromAScript() throws {
        // Sign in: the password from stdin, the token kept for the owner alone.
        let login = try client(["login", "--portal", url, "--user", "bt-an"], input: password + "\n")
        XCTAssertEqual(login.status, 0, login.err)
        XCTAssertTrue(login.out.contains("Đã đăng nhập"), login.out)
        let kept = home.appendingPathComponent(".config/bientap/credentials").path
        let mode = try FileManager.default.attributesOfItem(atPath: kept)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let wrong = try client(["login", "--portal", url, "--user", "bt-an"], input: "sai\n")
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.err.contains("401"), wrong.err)

        // The queue as JSON lines is the portal's own list of waiting items, every page.
        let api = try AdminClient(baseURL: url, token: portal.token)
        let waiting = try api.allSubmissions(statuses: [.submitted, .resubmitted])
        let jsonl = try client(["queue", "--format", "jsonl"])
        XCTAssertEqual(jsonl.status, 0, jsonl.err)
        let listed = try jsonl.out.textLines.filter { !$0.isEmpty }.map { try WireFormat.decoder().decode(SubmissionSummary.self, from: Data($0.utf8)) }
        XCTAssertEqual(listed.map(\.id), waiting.map(\.id))
        XCTAssertGreaterThan(listed.count, 10)

        // As a table: a heading, then one row per item, columns aligned by display width.
        let table = try client(["queue", "--status", "submitted", "--site", waiting[0].site.code])
        XCTAssertEqual(table.status, 0, table.err)
        let rows = table.out.textLines.filter { !$0.isEmpty }.map(String.init)
        XCTAssertTrue(rows[0].contains("Tiêu đề") && rows[0].contains("Chuyên trang"), rows[0])
        let titleColumn = DisplayWidth.of(rows[0].prefix(upTo: rows[0].range(of: "Tiêu đề")!.lowerBound))
        for (row, item) in zip(rows.dropFirst(), try api.allSubmissions(statuses: [.submitted], site: waiting[0].site.code)) {
            let start = try XCTUnwrap(row.range(of: item.title), row).lowerBound
            XCTAssertEqual(DisplayWidth.of(row[..<start]), titleColumn, "the title starts in the same column on every row")
        }
        let english = try client(["queue", "--status", "submitted"], language: "en_US.UTF-8")
        XCTAssertTrue(english.out.trimmingCharacters(in: .whitespaces).hasPrefix("ID  Received") && english.out.contains("Title"), english.out)

        // One item, as text and as JSON.
        let id = waiting[0].id
        let text = try client(["show", String(id)])
        XCTAssertEqual(text.status, 0, text.err)
        let whole = try api.submission(id: id)
        XCTAssertTrue(text.out.hasPrefix(whole.summary.title + "\n"))
        XCTAssertTrue(text.out.contains(whole.body))
        // The category by its name in the interface's language, not its code.
        XCTAssertTrue(text.out.contains("thể loại \(Strings.category(whole.summary.category).vi)\n"), text.out)
        XCTAssertFalse(text.out.contains("thể loại \(whole.summary.category.rawValue)"), text.out)
        let textEnglish = try client(["show", String(id)], language: "en_US.UTF-8")
        XCTAssertTrue(textEnglish.out.contains("category \(Strings.category(whole.summary.category).en)\n"), textEnglish.out)
        // A mistake on the command line is said in the same language.
        let notANumber = try client(["show", "abc"])
        XCTAssertEqual(notANumber.status, 64)
        XCTAssertTrue(notANumber.err.hasPrefix("bientap: giá trị 'abc' không hợp lệ cho <id>\nCách dùng: bientap show "), notANumber.err)
        XCTAssertFalse(notANumber.err.contains("is invalid") || notANumber.err.contains("Help:"), notANumber.err)
        let notANumberEnglish = try client(["show", "abc"], language: "en_GB.UTF-8")
        XCTAssertTrue(notANumberEnglish.err.hasPrefix("bientap: 'abc' is not a valid value for <id>\nUsage: bientap show "), notANumberEnglish.err)
        let unknown = try client(["queue", "--statut", "submitted"])
        XCTAssertTrue(unknown.err.hasPrefix("bientap: không có tuỳ chọn --statut\n"), unknown.err)
        XCTAssertTrue(unknown.err.contains("Xem 'bientap queue --help' để biết thêm."), unknown.err)
        let valueless = try client(["approve", "12", "--genre"])
        XCTAssertTrue(valueless.err.hasPrefix("bientap: --genre <genre> cần một giá trị\n"), valueless.err)
        let json = try client(["show", String(id), "--format", "json"])
        XCTAssertEqual(try WireFormat.decoder().decode(Submission.self, from: Data(json.out.utf8)), whole)
        let missing = try client(["show", "999999"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("404"), missing.err)

        // Decisions: a return needs its note (said in the user's language), then goes through.
        let noNote = try client(["return", String(waiting[1].id)])
        XCTAssertEqual(noNote.status, 2)
        XCTAssertTrue(noNote.err.contains("cần --note"), noNote.err)
        let noNoteEnglish = try client(["return", String(waiting[1].id)], language: "en_GB.UTF-8")
        XCTAssertTrue(noNoteEnglish.err.contains("--note is needed"), noNoteEnglish.err)
        let returned = try client(["return", String(waiting[1].id), "--note", "Thiếu nguồn ảnh."])
        XCTAssertEqual(returned.status, 0, returned.err)
        XCTAssertEqual(try api.submission(id: waiting[1].id).summary.status, .returned)

        // Approve a waiting item (claimed on the way) with a grading from the active table.
        let genre = try XCTUnwrap(api.activeRateTable(site: waiting[0].site.code).genres.first { $0.coefficient != nil })
        // A co-author's share and the Facebook text are settled with it.
        let coAuthor = try XCTUnwrap(waiting.map(\.contributor.id).first { $0 != waiting[0].contributor.id })
        let grading = ["approve", String(id), "--genre", genre.code, "--coefficient", String(genre.coefficient!.min)]
        let unreadable = try client(grading + ["--share", "ba mươi"])
        XCTAssertEqual(unreadable.status, 2)
        XCTAssertTrue(unreadable.err.contains("không hiểu --share ba mươi"), unreadable.err)
        let lonely = try client(grading + ["--message", "Mời đọc"])
        XCTAssertEqual(lonely.status, 2)
        XCTAssertTrue(lonely.err.contains("--message cần ít nhất một --channel"), lonely.err)
        XCTAssertEqual(try api.submission(id: id).summary.status, .submitted, "refused before anything was sent")
        let approved = try client(grading + ["--share", "\(coAuthor)=30", "--channel", "facebook", "--message", "Mời bạn đọc tin mới"])
        XCTAssertEqual(approved.status, 0, approved.err)
        XCTAssertTrue(approved.out.contains("Bài \(id)"), approved.out)
        XCTAssertEqual(try api.events(of: id).map(\.action), [.claim, .approve])
        let settled = try api.submission(id: id)
        XCTAssertEqual(settled.authorShare, 70)
        XCTAssertEqual(settled.coAuthors.map(\.contributor.id), [coAuthor])
        let shown = try client(["show", String(id)])
        XCTAssertTrue(shown.out.contains("Đăng mạng xã hội: Facebook Page — «Mời bạn đọc tin mới»"), shown.out)
        XCTAssertTrue(shown.out.contains("Chấm nhuận bút: \(genre.code), hệ số"), shown.out)

        // Schedule in two hours, move it to tomorrow morning, then publish it now.
        let scheduled = try client(["schedule", String(id), "--at", "+2h"])
        XCTAssertEqual(scheduled.status, 0, scheduled.err)
        XCTAssertTrue(scheduled.out.contains("sẽ đăng lúc"), scheduled.out)
        let past = try client(["schedule", String(id), "--at", "01:00 01/01/2020"])
        XCTAssertEqual(past.status, 2)
        let moved = try client(["schedule", String(id), "--at", "ngày mai"])
        XCTAssertEqual(moved.status, 0, moved.err)
        XCTAssertTrue(moved.out.contains("07:00"), moved.out)
        let published = try client(["publish", String(id)])
        XCTAssertEqual(published.status, 0, published.err)
        XCTAssertEqual(try api.submission(id: id).summary.status, .published)
        XCTAssertEqual(try api.events(of: id).map(\.action), [.claim, .approve, .schedule, .unschedule, .schedule, .publish])

        // Sign out: the token no longer works, and the commands say how to sign in.
        let token = try XCTUnwrap(Credentials.load(environment: ["XDG_CONFIG_HOME": home.path + "/.config"])?.token)
        XCTAssertEqual(try client(["logout"]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kept))
        XCTAssertThrowsError(try AdminClient(baseURL: url, token: token).me())
        let after = try client(["queue"])
        XCTAssertEqual(after.status, 2)
    }

    func testASubmittedDraftArrivesWithItsPhotoAndADecisionSurvivesThePortalComingBack() throws {
        XCTAssertEqual(try client(["login", "--portal", url, "--user", "bt-an"], input: password + "\n").status, 0)
        let body = portal.directory.appendingPathComponent("bai.md")
        try "Sáng nay, **Sở Văn hóa** khai mạc triển lãm ảnh.\n\nTriển lãm mở đến hết tháng.".decomposedStringWithCanonicalMapping
            .write(to: body, atomically: true, encoding: .utf8)
        let photo = portal.directory.appendingPathComponent("anh.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64)).write(to: photo)
        let api = try AdminClient(baseURL: url, token: portal.token)
        let site = try api.sites()[0].code
        let sent = try client(["submit", body.path, "--title", "Khai mạc triển lãm ảnh", "--site", site, "--sapo", "Triển lãm ảnh.",
                               "--photo", photo.path, "--caption", "Khách tham quan", "--credit", "Trần Bình"])
        XCTAssertEqual(sent.status, 0, sent.err)
        let id = try XCTUnwrap(sent.out.split(separator: " ").compactMap { Int64($0) }.first, sent.out)
        let item = try api.submission(id: id)
        XCTAssertEqual(item.body, Normalization.nfc("Sáng nay, **Sở Văn hóa** khai mạc triển lãm ảnh.\n\nTriển lãm mở đến hết tháng."))
        XCTAssertEqual(item.attachments.map(\.caption), ["Khách tham quan"])
        XCTAssertEqual(item.attachments.map(\.credit), ["Trần Bình"])
        XCTAssertEqual(item.summary.status, .submitted)

        // The portal goes away; the rejection waits for it and goes through once.
        let port = URLComponents(string: url)!.port!
        portal.stopServer()
        let answer = LockedData(), progress = LockedData()
        let done = DispatchSemaphore(value: 0)
        let home = home
        DispatchQueue.global().async {
            if let result = try? Self.client(["reject", String(id), "--reason", "Trùng bài đã đăng."], home: home, stderr: progress) {
                answer.set(Data("\(result.status)\n\(result.err)".utf8))
            }
            done.signal()
        }
        // The first attempt has failed and the command says it will try again: the portal comes back.
        XCTAssertTrue(eventually { String(decoding: progress.get(), as: UTF8.self).contains("thử lại lần 2/3") },
                      String(decoding: progress.get(), as: UTF8.self))
        _ = try portal.startServer(port: port)
        XCTAssertEqual(done.wait(timeout: .now() + 20), .success)
        let said = String(decoding: answer.get(), as: UTF8.self)
        XCTAssertTrue(said.hasPrefix("0\n"), said)
        XCTAssertTrue(said.contains("thử lại lần 2/3"), said)
        XCTAssertEqual(try api.submission(id: id).summary.status, .rejected)
        XCTAssertEqual(try api.events(of: id).map(\.action), [.reject])
    }

    /// A contributor's text (title, sapo, body, photo caption and credit, names) carrying
    /// escape sequences — window title, clear screen, clipboard (OSC 52), a hidden link
    /// (OSC 8), a C1 CSI — and bidirectional overrides is printed by every command as
    /// visible characters; JSON escapes them; not one byte a terminal would obey is written.
    func testNothingAContributorWritesCanActOnTheEditorsTerminal() throws {
        let hostile = "Tin\u{1B}]0;pwned\u{07} \u{1B}[2J \u{1B}]52;c;cHduZWQ=\u{07} \u{1B}]8;;http://evil.example\u{1B}\\bấm\u{1B}]8;;\u{1B}\\"
            + " \u{9B}31m đỏ \u{202E}gpj.exe\u{2066}x\u{2069}\u{7F}\u{85}\u{2028}"
        // Planted in the database, as an older portal or another backend may have stored it.
        portal.stopServer()
        let database = String(portal.database.dropFirst("sqlite:".count))
        func sql(_ statement: String) throws -> String {
            try LocalPortal.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [database, statement])
        }
        let text = "char(" + hostile.unicodeScalars.map { String($0.value) }.joined(separator: ",") + ")"
        let id = try XCTUnwrap(Int64(try sql("SELECT min(id) FROM submissions WHERE status = 'submitted'")))
        _ = try sql("""
            UPDATE submissions SET title = \(text), sapo = \(text), body = \(text) || char(10) || \(text) WHERE id = \(id);
            UPDATE contributors SET full_name = \(text), pen_name = \(text) WHERE id = (SELECT contributor_id FROM submissions WHERE id = \(id));
            UPDATE sites SET name = \(text) WHERE id = (SELECT site_id FROM submissions WHERE id = \(id));
            INSERT INTO attachments (submission_id, number, filename, content_type, size, sha256, caption, credit, data)
                VALUES (\(id), 90, 'a.png', 'image/png', 4, '0', \(text), \(text), x'89504E47');
            INSERT OR REPLACE INTO leases (submission_id, holder, holder_name, acquired_at, expires_at)
                VALUES (\(id), 'ke-la', \(text), strftime('%s', 'now') * 1000, (strftime('%s', 'now') + 3600) * 1000);
            """)
        url = try portal.startServer()
        let connection = ["--portal", url, "--token", portal.token]

        /// Each byte sequence a terminal obeys or that reorders text: C0 but LF, DEL, C1, bidi controls.
        func obeyed(_ output: String) -> [String] {
            var found: [String] = []
            let bytes = Array(output.utf8)
            for (i, byte) in bytes.enumerated() {
                let next = i + 1 < bytes.count ? bytes[i + 1] : 0
                let third = i + 2 < bytes.count ? bytes[i + 2] : 0
                if (byte < 0x20 && byte != 0x0A) || byte == 0x7F || (byte == 0xC2 && (0x80...0x9F).contains(next))
                    || (byte == 0xE2 && next == 0x80 && ([0x8E, 0x8F, 0xA8, 0xA9] + Array(0xAA...0xAE)).contains(third))
                    || (byte == 0xE2 && next == 0x81 && (0xA6...0xA9).contains(third)) {
                    found.append(String(format: "byte %d: %02X %02X %02X", i, byte, next, third))
                }
            }
            return found
        }
        for language in ["C.UTF-8", "en_US.UTF-8"] {
            let table = try client(["queue"] + connection, language: language)
            XCTAssertEqual(table.status, 0, table.err)
            XCTAssertTrue(table.out.contains("Tin^[]0;pwned^G ^[[2J"), table.out)
            XCTAssertEqual(obeyed(table.out + table.err), [], table.out)
            let shown = try client(["show", String(id)] + connection, language: language)
            XCTAssertEqual(shown.status, 0, shown.err)
            XCTAssertTrue(shown.out.contains("^[]52;c;cHduZWQ=^G ^[]8;;http://evil.example^[\\bấm"), shown.out)
            XCTAssertTrue(shown.out.contains("<U+009B>31m đỏ <U+202E>gpj.exe<U+2066>x<U+2069>^?<U+0085><U+2028>"), shown.out)
            XCTAssertEqual(obeyed(shown.out + shown.err), [], shown.out)
        }
        let jsonl = try client(["queue", "--format", "jsonl"] + connection)
        XCTAssertEqual(obeyed(jsonl.out + jsonl.err), [], jsonl.out)
        let listed = try jsonl.out.textLines.filter { !$0.isEmpty }.map { try WireFormat.decoder().decode(SubmissionSummary.self, from: Data($0.utf8)) }
        XCTAssertEqual(listed.first { $0.id == id }?.title, hostile, "JSON escapes, and keeps the text whole")
        let json = try client(["show", String(id), "--format", "json"] + connection)
        XCTAssertEqual(obeyed(json.out + json.err), [], json.out)
        let item = try WireFormat.decoder().decode(Submission.self, from: Data(json.out.utf8))
        XCTAssertEqual([item.summary.title, item.sapo, item.attachments.last?.caption, item.attachments.last?.credit], [hostile, hostile, hostile, hostile])

        // An error quoting what it was given (here the portal's address) is shown safely too.
        let unreachable = try client(["queue", "--portal", "http://127.0.0.1:1/\u{1B}]0;pwned\u{07}", "--token", "x"])
        XCTAssertNotEqual(unreachable.status, 0)
        XCTAssertTrue(unreachable.err.contains("^[]0;pwned^G"), unreachable.err)
        XCTAssertEqual(obeyed(unreachable.err), [], unreachable.err)
    }

    /// A graded item published through the API now, so this month's list has a line of its own.
    private func publishGraded(_ api: AdminClient, ledger: AdminClient) throws -> (item: SubmissionSummary, amount: Int64) {
        let waiting = try api.allSubmissions(statuses: [.submitted])
        let item = try XCTUnwrap(waiting.first)
        let genre = try XCTUnwrap(api.activeRateTable(site: item.site.code).genres.first { $0.coefficient != nil })
        let desk = DeskCommands(client: api, language: .vi, attempts: 1, pause: 0)
        _ = try desk.decide(id: item.id, TransitionRequest(action: .approve, grading: Grading(genre: genre.code, coefficient: genre.coefficient?.max)))
        _ = try desk.decide(id: item.id, TransitionRequest(action: .publish))
        let month = VietnamDay(containing: Date()).text.prefix(7)
        let lines = try ledger.royaltyEntitlements(site: item.site.code, month: String(month)).filter { $0.submissionId == item.id }
        XCTAssertFalse(lines.isEmpty, "publishing wrote no entitlement")
        return (item, lines.reduce(0) { $0 + $1.amount })
    }

    func testAnAccountantListsClosesPaysAndExportsAMonthFromAScript() throws {
        let portalTool = QueueEndToEndTests.portalExecutable
        _ = try LocalPortal.run(portalTool, ["user", "grant", "demo", "--role", "publisher", "--db", portal.database])
        let accountantToken = try XCTUnwrap(try LocalPortal.run(portalTool, ["user", "add", "ke-toan", "--role", "accountant", "--db", portal.database])
            .split(separator: "\n").last.map(String.init))
        let contributorToken = try XCTUnwrap(try LocalPortal.run(portalTool, ["user", "add", "ctv", "--role", "contributor", "--db", portal.database])
            .split(separator: "\n").last.map(String.init))
        let accountant = ["BIENTAP_PORTAL": url, "BIENTAP_TOKEN": accountantToken]
        let ledger = try AdminClient(baseURL: url, token: accountantToken)
        let published = try publishGraded(try AdminClient(baseURL: url, token: portal.token), ledger: ledger)
        let site = published.item.site.code
        let month = String(VietnamDay(containing: Date()).text.prefix(7))
        let list = try ledger.paymentList(site: site, month: month)

        // The list: a heading, one row a person, the totals row with the portal's sums, the net in words.
        let table = try client(["royalties", "list", "--month", month, "--site", site], environment: accountant)
        XCTAssertEqual(table.status, 0, table.err)
        let rows = table.out.textLines.map(String.init)
        let header = try XCTUnwrap(rows.first { $0.hasPrefix("STT  Họ và tên") && $0.hasSuffix("Hạn trả") }, table.out)
        let totals = try XCTUnwrap(rows.first { $0.contains("Tổng cộng") }, table.out)
        XCTAssertTrue(totals.hasSuffix("  " + VietNumber.grouped(Int(list.net))), totals)
        XCTAssertTrue(totals.contains(VietNumber.grouped(Int(list.gross))), totals)
        XCTAssertGreaterThanOrEqual(list.gross, published.amount)
        XCTAssertTrue(rows.contains("Bằng chữ: \(list.netInWords) chẵn."), table.out)
        let people = rows.filter { $0.range(of: #"^\s*\d+  "#, options: .regularExpression) != nil }
        XCTAssertEqual(people.count, list.lines.count, table.out)
        // Amounts right-aligned: every row's net ends in the column the heading's "Thực nhận" ends in
        // (the names here are one column a letter); after it, nothing or a 45/60-day flag.
        let netEnd = try XCTUnwrap(header.range(of: "Thực nhận")).upperBound
        let netColumn = header.distance(from: header.startIndex, to: netEnd)
        for row in people + [totals] {
            XCTAssertTrue(row.prefix(netColumn).last?.isNumber == true, row)
            XCTAssertTrue(["", "≥45 ngày", "≥60 ngày"].contains(row.dropFirst(netColumn).trimmingCharacters(in: .whitespaces)), row)
        }
        let english = try client(["royalties", "list", "--month", month, "--site", site], language: "en_US.UTF-8", environment: accountant)
        XCTAssertTrue(english.out.contains("Total") && english.out.contains("Net"), english.out)
        let jsonl = try client(["royalties", "list", "--month", month, "--site", site, "--format", "jsonl"], environment: accountant)
        let decoded = try jsonl.out.textLines.filter { !$0.isEmpty }.map { try WireFormat.decoder().decode(PaymentList.Line.self, from: Data($0.utf8)) }
        XCTAssertEqual(decoded, list.lines)
        for text in jsonl.out.textLines where !text.isEmpty {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            XCTAssertEqual(object["site"] as? String, site)
            XCTAssertTrue(object.keys.contains("lateness"), String(text))
        }

        // Without --site: every site the accountant keeps, one after another, and their sum. Exact: the
        // sites' own lists, each taxed as its own batch is paid, add up to the JSON lines' total.
        let sites = try ledger.sites().map(\.code)
        let lists = try sites.map { try ledger.paymentList(site: $0, month: month) }
        let everywhere = try client(["royalties", "list", "--month", month], environment: accountant)
        XCTAssertEqual(everywhere.status, 0, everywhere.err)
        XCTAssertEqual(everywhere.out.textLines.filter { $0.hasPrefix("Danh sách chi trả nhuận bút tháng") }.count, sites.count, everywhere.out)
        let together = lists.reduce(Int64(0)) { $0 + $1.net }
        XCTAssertTrue(everywhere.out.contains("Cộng \(sites.count) trang:") && everywhere.out.contains("Thực nhận \(VietNumber.grouped(Int(together))) đ"),
                      everywhere.out)
        let everyLine = try client(["royalties", "list", "--month", month, "--format", "jsonl"], environment: accountant)
        let summed = try everyLine.out.textLines.filter { !$0.isEmpty }
            .map { try WireFormat.decoder().decode(PaymentList.Line.self, from: Data($0.utf8)) }.reduce(Int64(0)) { $0 + $1.gross }
        XCTAssertEqual(summed, lists.reduce(Int64(0)) { $0 + $1.gross })

        // One person's statement names the item published above.
        let statement = try client(["royalties", "statement", "--month", month, "--site", site, "--contributor", String(published.item.contributor.id)],
                                   environment: accountant)
        XCTAssertEqual(statement.status, 0, statement.err)
        XCTAssertTrue(statement.out.contains(published.item.title), statement.out)

        // A contributor is refused the list; without --site, told they keep no ledger.
        let noLedger = try client(["royalties", "list", "--month", month], environment: ["BIENTAP_PORTAL": url, "BIENTAP_TOKEN": contributorToken])
        XCTAssertEqual(noLedger.status, 1)
        XCTAssertTrue(noLedger.err.contains("không giữ sổ nhuận bút"), noLedger.err)
        let refused = try client(["royalties", "list", "--month", month, "--site", site],
                                 environment: ["BIENTAP_PORTAL": url, "BIENTAP_TOKEN": contributorToken])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.err.contains("403"), refused.err)
        XCTAssertTrue(refused.out.isEmpty, refused.out)

        // Files: CSV with the BOM, XLSX a zip; an existing file is kept unless --force.
        let folder = portal.directory.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csvPath = folder.appendingPathComponent("list.csv").path, xlsxPath = folder.appendingPathComponent("list.xlsx").path
        let csv = try client(["royalties", "export", "--month", month, "--site", site, "--format", "csv", "-o", csvPath], environment: accountant)
        XCTAssertEqual(csv.status, 0, csv.err)
        let csvBytes = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        XCTAssertEqual(Array(csvBytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(String(decoding: csvBytes, as: UTF8.self).contains(published.item.contributor.fullName))
        let xlsx = try client(["royalties", "export", "--month", month, "--site", site, "--format", "xlsx", "-o", xlsxPath], environment: accountant)
        XCTAssertEqual(xlsx.status, 0, xlsx.err)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: xlsxPath)).prefix(2)), Array("PK".utf8))
        for path in [csvPath, xlsxPath] {
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
            XCTAssertEqual(mode, 0o600, "\(path): CCCD and bank accounts are for the accountant's eyes only")
        }
        try Data("mine".utf8).write(to: URL(fileURLWithPath: csvPath))
        let again = try client(["royalties", "export", "--month", month, "--site", site, "-o", csvPath], environment: accountant)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.err.contains("--force"), again.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: csvPath)), Data("mine".utf8))
        let forced = try client(["royalties", "export", "--month", month, "--site", site, "-o", csvPath, "--force"], environment: accountant)
        XCTAssertEqual(forced.status, 0, forced.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: csvPath)), csvBytes)
        // Without -o: the portal's name, in the current folder.
        let named = try client(["royalties", "export", "--month", month, "--site", site, "--format", "xlsx"], environment: accountant, directory: folder)
        XCTAssertEqual(named.status, 0, named.err)
        let saved = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "list.csv" && $0 != "list.xlsx" }
        XCTAssertEqual(saved.count, 1, "\(saved)")
        XCTAssertTrue(saved.first?.hasSuffix(".xlsx") == true && saved.first?.contains(month) == true, "\(saved)")
        // Without --site: a file a site with something to pay, in the folder -o names.
        let perSite = portal.directory.appendingPathComponent("per-site")
        try FileManager.default.createDirectory(at: perSite, withIntermediateDirectories: true)
        let eachSite = try client(["royalties", "export", "--month", month, "-o", perSite.path], environment: accountant)
        XCTAssertEqual(eachSite.status, 0, eachSite.err)
        let files = try FileManager.default.contentsOfDirectory(atPath: perSite.path)
        XCTAssertEqual(files.count, lists.filter { !$0.lines.isEmpty }.count, "\(files)")
        XCTAssertTrue(files.contains { $0.contains(site) }, "\(files)")
        let notFolder = try client(["royalties", "export", "--month", month, "-o", csvPath], environment: accountant)
        XCTAssertEqual(notFolder.status, 2, notFolder.err)

        // This month has not ended: not closed. Last month closes once; a second close says so and succeeds.
        let early = try client(["royalties", "close", "--month", month, "--site", site], environment: accountant)
        XCTAssertEqual(early.status, 1)
        XCTAssertTrue(early.err.contains("chưa hết"), early.err)
        // A month long over that the sample left open (its fourteen months are recent).
        let last = "2024-01"
        XCTAssertFalse(try ledger.royaltyBatches(site: site).contains { $0.month == last })
        let closed = try client(["royalties", "close", "--month", last, "--site", site], environment: accountant)
        XCTAssertEqual(closed.status, 0, closed.err)
        XCTAssertTrue(closed.out.contains("Đã chốt tháng"), closed.out)
        let closedAgain = try client(["royalties", "close", "--month", last, "--site", site], environment: accountant)
        XCTAssertEqual(closedAgain.status, 0, closedAgain.err)
        XCTAssertTrue(closedAgain.out.contains("đã chốt rồi"), closedAgain.out)
        XCTAssertEqual(try ledger.royaltyBatches(site: site).filter { $0.month == last }.count, 1)

        // Without --site, every site's month is closed, a line each; again, each says it was.
        let allSites = try client(["royalties", "close", "--month", "2024-02"], environment: accountant)
        XCTAssertEqual(allSites.status, 0, allSites.err)
        XCTAssertEqual(allSites.out.textLines.filter { $0.contains("Đã chốt tháng 02/2024") }.count, sites.count, allSites.out)
        let allAgain = try client(["royalties", "close", "--month", "2024-02"], environment: accountant)
        XCTAssertEqual(allAgain.out.textLines.filter { $0.contains("đã chốt rồi") }.count, sites.count, allAgain.out)
        for code in sites { XCTAssertEqual(try ledger.royaltyBatches(site: code).filter { $0.month == "2024-02" }.count, 1, code) }

        // Paid: the reference is recorded; the same again is done already; another reference is refused.
        let noReference = try client(["royalties", "pay", "--month", last, "--site", site], environment: accountant)
        XCTAssertEqual(noReference.status, 2)
        let noSite = try client(["royalties", "pay", "--month", last, "--reference", "UNC 118/2026"], environment: accountant)
        XCTAssertEqual(noSite.status, 2)
        XCTAssertTrue(noSite.err.contains("--site"), noSite.err)
        let paid = try client(["royalties", "pay", "--month", last, "--site", site, "--reference", "UNC 118/2026"], environment: accountant)
        XCTAssertEqual(paid.status, 0, paid.err)
        XCTAssertTrue(paid.out.contains("UNC 118/2026"), paid.out)
        let batch = try XCTUnwrap(try ledger.royaltyBatches(site: site).first { $0.month == last })
        XCTAssertEqual(batch.paymentReference, "UNC 118/2026")
        XCTAssertEqual(batch.paidBy, "ke-toan")
        let paidAgain = try client(["royalties", "pay", "--month", last, "--site", site, "--reference", "UNC 118/2026"], environment: accountant)
        XCTAssertEqual(paidAgain.status, 0, paidAgain.err)
        XCTAssertTrue(paidAgain.out.contains("từ trước"), paidAgain.out)
        let other = try client(["royalties", "pay", "--month", last, "--site", site, "--reference", "UNC 119"], environment: accountant)
        XCTAssertEqual(other.status, 1)
        XCTAssertTrue(other.err.contains("UNC 118/2026"), other.err)

        // The year's activity: a bar per site; the portal's XLSX and CSV saved.
        let year = String(month.prefix(4))
        let activity = try client(["report", "activity", "--year", year], environment: accountant)
        XCTAssertEqual(activity.status, 0, activity.err)
        XCTAssertTrue(activity.out.contains(published.item.site.name) && activity.out.contains("█"), activity.out)
        let reportPath = folder.appendingPathComponent("activity.xlsx").path
        let report = try client(["report", "activity", "--year", year, "--format", "xlsx", "-o", reportPath], environment: accountant)
        XCTAssertEqual(report.status, 0, report.err)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: reportPath)).prefix(2)), Array("PK".utf8))
        let reportCSV = try client(["report", "activity", "--year", year, "--format", "csv", "-o", "-"], environment: accountant)
        XCTAssertTrue(reportCSV.out.contains(published.item.site.name), reportCSV.out)
        let odd = try client(["report", "activity", "--year", year, "--format", "ods"], environment: accountant)
        XCTAssertEqual(odd.status, 2)
    }

    /// An editor corrects the grading of an item paid months ago from a script: what was paid
    /// stays, and this month's list takes it back and pays it anew (adjustment lines).
    func testAnEditorApprovesPhotosForTheirPhotographerAndTheStatementListsThem() throws {
        let portalTool = QueueEndToEndTests.portalExecutable
        _ = try LocalPortal.run(portalTool, ["user", "grant", "demo", "--role", "publisher", "--db", portal.database])
        let accountantToken = try XCTUnwrap(try LocalPortal.run(portalTool, ["user", "add", "ke-toan", "--role", "accountant", "--db", portal.database])
            .split(separator: "\n").last.map(String.init))
        let editor = try AdminClient(baseURL: url, token: portal.token)
        let environment = ["BIENTAP_PORTAL": url, "BIENTAP_TOKEN": portal.token]
        // A waiting photo story of the sample: its first photos credited to a contributor, its last to an outsider.
        var story: Submission?
        for summary in try editor.allSubmissions(statuses: [.submitted, .resubmitted]) where story == nil && summary.category == .photoStory {
            story = try editor.submission(id: summary.id)
        }
        let item = try XCTUnwrap(story, "the sample has a waiting photo story")
        let photographer = try XCTUnwrap(item.attachments.first?.creditContributor)
        XCTAssertNil(item.attachments.last?.creditContributor)
        let shown = try client(["show", String(item.id)], environment: environment)
        XCTAssertTrue(shown.out.contains("không ghi người được hưởng nhuận bút: không trả"), shown.out)
        XCTAssertTrue(shown.out.contains("nhuận bút ảnh cho \(photographer.byline)"), shown.out)

        let approve = ["approve", String(item.id), "--genre", "tin", "--coefficient", "2"]
        let unreadable = try client(approve + ["--photo", "một=2"], environment: environment)
        XCTAssertEqual(unreadable.status, 2)
        XCTAssertTrue(unreadable.err.contains("không hiểu --photo một=2"), unreadable.err)
        let beyond = try client(approve + ["--photo", "1=11"], environment: environment)
        XCTAssertEqual(beyond.status, 1, beyond.out)
        XCTAssertTrue(beyond.err.contains("photos[0].grading"), beyond.err)
        // Photo 1 at 2 (Ảnh), photo 2 at 1,5; the outsider's photo graded too, and paid to no one.
        let last = item.attachments.count
        let approved = try client(approve + ["--photo", "1=2", "--photo", "2=1,5:anh", "--photo", "\(last)=3"], environment: environment)
        XCTAssertEqual(approved.status, 0, approved.err)
        XCTAssertEqual(try client(["publish", String(item.id)], environment: environment).status, 0)

        // Published today (base salary 2,530,000 đ from 2026-07-01, one unit 253,000 đ, the decree's table):
        // photo 1, 2 × 253,000 = 506,000 đ; photo 2, 1.5 × 253,000 = 379,500 đ; both the photographer's, whole.
        let month = String(VietnamDay(containing: Date()).text.prefix(7))
        let ledger = try AdminClient(baseURL: url, token: accountantToken)
        let lines = try ledger.royaltyEntitlements(site: item.summary.site.code, month: month).filter { $0.submissionId == item.id }
        XCTAssertEqual(lines.filter { $0.photo != nil }.map(\.amount), [506_000, 379_500])
        XCTAssertEqual(Set(lines.filter { $0.photo != nil }.map(\.contributorId)), [photographer.id])
        XCTAssertFalse(lines.contains { $0.photo == last }, "a photo without a credited contributor pays no one")
        let statement = try client(["royalties", "statement", "--month", month, "--site", item.summary.site.code,
                                    "--contributor", String(photographer.id)],
                                   environment: ["BIENTAP_PORTAL": url, "BIENTAP_TOKEN": accountantToken])
        XCTAssertEqual(statement.status, 0, statement.err)
        XCTAssertTrue(statement.out.contains("Ảnh: Toàn cảnh: "), statement.out)
        XCTAssertTrue(statement.out.contains(VietNumber.grouped(506_000)) && statement.out.contains(VietNumber.grouped(379_500)), statement.out)
    }

    func testAnEditorCorrectsAPaidItemsGradingAndThisMonthAdjustsIt() throws {
        let portalTool = QueueEndToEndTests.portalExecutable
        let accountantToken = try XCTUnwrap(try LocalPortal.run(portalTool, ["user", "add", "ke-toan", "--role", "accountant", "--db", portal.database])
            .split(separator: "\n").last.map(String.init))
        let ledger = try AdminClient(baseURL: url, token: accountantToken)
        let editor = try AdminClient(baseURL: url, token: portal.token)
        let month = String(VietnamDay(containing: Date()).text.prefix(7))
        // A line of the sample's that a batch has paid.
        var found: RoyaltyEntitlement?
        for site in try ledger.sites().map(\.code) where found == nil {
            for batch in try ledger.royaltyBatches(site: site) where batch.paidAt != nil && found == nil {
                found = try ledger.royaltyEntitlements(site: site, month: batch.month)
                    .first { $0.coefficient != nil && $0.sharePercent == 100 && $0.photo == nil }
            }
        }
        let paid = try XCTUnwrap(found, "the sample pays its older months")
        let genre = try XCTUnwrap(editor.activeRateTable(site: paid.siteCode).genres.first { $0.code == paid.genre }?.coefficient)
        let coefficient = paid.coefficient == genre.max ? genre.min : genre.max
        let environment = ["BIENTAP_PORTAL": url, "BIENTAP_TOKEN": portal.token]

        let missing = try client(["royalties", "regrade", String(paid.submissionId), "--genre", paid.genre], environment: environment)
        XCTAssertEqual(missing.status, 2, missing.err)
        let byAccountant = try client(["royalties", "regrade", String(paid.submissionId), "--genre", paid.genre, "--coefficient", "\(coefficient)"],
                                      environment: ["BIENTAP_PORTAL": url, "BIENTAP_TOKEN": accountantToken])
        XCTAssertEqual(byAccountant.status, 1)
        XCTAssertTrue(byAccountant.err.contains("403"), byAccountant.err)

        let regraded = try client(["royalties", "regrade", String(paid.submissionId), "--genre", paid.genre, "--coefficient", "\(coefficient)"],
                                  environment: environment)
        XCTAssertEqual(regraded.status, 0, regraded.err)
        XCTAssertTrue(regraded.out.hasPrefix("Đã sửa chấm điểm bài #\(paid.submissionId)"), regraded.out)
        XCTAssertTrue(regraded.out.contains("đã chi") && regraded.out.contains("chưa chốt (điều chỉnh)"), regraded.out)

        // This month's lines: the paid amount taken back, the new one paid; the old line untouched.
        let lines = try ledger.royaltyEntitlements(site: paid.siteCode, month: month).filter { $0.submissionId == paid.submissionId }
        XCTAssertEqual(lines.filter { $0.adjusts == paid.id }.map(\.amount), [-paid.amount])
        let anew = try XCTUnwrap(lines.first { $0.adjusts == nil })
        XCTAssertEqual(anew.coefficient, coefficient)
        XCTAssertEqual(anew.unitValue, paid.unitValue, "reckoned by the publication day's base salary, as before")
        XCTAssertNotEqual(anew.amount, paid.amount)
        XCTAssertTrue(lines.allSatisfy { $0.batchId == nil }, "in the open month's batch-to-be")
        let before = try ledger.royaltyEntitlements(site: paid.siteCode, month: paid.month).first { $0.id == paid.id }
        XCTAssertEqual(before, paid, "what was paid never changes")
        // The person's statement shows the take-back; again changes nothing more.
        let statement = try client(["royalties", "statement", "--month", month, "--site", paid.siteCode, "--contributor", String(paid.contributorId)],
                                   environment: ["BIENTAP_PORTAL": url, "BIENTAP_TOKEN": accountantToken])
        XCTAssertTrue(statement.out.contains("(điều chỉnh)"), statement.out)
        let again = try client(["royalties", "regrade", String(paid.submissionId), "--genre", paid.genre, "--coefficient", "\(coefficient)",
                                "--format", "jsonl"], environment: environment)
        XCTAssertEqual(again.status, 0, again.err)
        let listed = try again.out.textLines.filter { !$0.isEmpty }.map { try WireFormat.decoder().decode(RoyaltyEntitlement.self, from: Data($0.utf8)) }
        XCTAssertEqual(listed.filter { $0.month == month }.map(\.amount).sorted(), lines.map(\.amount).sorted())
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func append(_ more: Data) { lock.withLock { data.append(more) } }
    func get() -> Data { lock.withLock { data } }
}
