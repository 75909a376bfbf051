import Foundation
import Polling
import XCTest

/// Drives `bientap edit` in tmux as a person would: typing with Telex, saving,
/// resizing, closing with unsaved changes, losing the terminal.
final class EditorEndToEndTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func environment() -> [String: String] {
        // An empty config directory: defaults only, Vietnamese interface.
        ["XDG_CONFIG_HOME": directory.path, "XDG_STATE_HOME": directory.appendingPathComponent("state").path, "LANG": "C.UTF-8"]
    }

    func testAClickPutsTheCursorWhereItPoints() throws {
        let file = directory.appendingPathComponent("chuot.md").path
        try "Tôi viết bài\nđường Trường Sa\n".write(toFile: file, atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: [QueueEndToEndTests.client, "edit", file], environment: environment())
        defer { session.close() }
        try session.waitForScreen("the file") { $0.contains("đường Trường Sa") }
        // Row 2 of the screen is the second line; column 6 is after "đường ".
        try session.type("\u{1B}[<0;7;3M\u{1B}[<0;7;3m")
        try session.waitForScreen("the cursor moved by the click") { $0.contains("Dòng 2/3, cột 7") }
        try session.type("phoos ")
        try session.waitForScreen("the word typed there") { $0.contains("đường phố Trường Sa") }
        try session.send("C-s")
        try session.waitForScreen("saved") { $0.contains("Đã lưu") }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "Tôi viết bài\nđường phố Trường Sa\n")
        try session.send("C-q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    func testTelexTypingSavesNFCAndSurvivesResize() throws {
        let file = directory.appendingPathComponent("bai.md").path
        let session = try TmuxSession(command: [QueueEndToEndTests.client, "edit", file], environment: environment())
        defer { session.close() }
        try session.waitForScreen("the editor with Telex on") { $0.contains("Soạn: ") && $0.contains("Telex") }
        try session.type("Tooi vieets baif")
        let typed = try session.waitForScreen("the composed words") { $0.contains("Tôi viết bài") }
        XCTAssertTrue(typed.contains("[+]"), typed)
        XCTAssertTrue(typed.contains("Dòng 1/1, cột 13"), typed)
        try session.send("Enter")
        try session.type("dduowngf Trwowngf Sa")
        try session.waitForScreen("the second line") { $0.contains("đường Trường Sa") }

        // A narrow window keeps the status bar on the last row and the text wrapped.
        try session.resize(width: 60, height: 20)
        let narrow = try session.waitForScreen("the narrow layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 20 && lines[19].contains("Dòng 2/2")
        }
        XCTAssertTrue(narrow.contains("Tôi viết bài"), narrow)
        try session.resize(width: 120, height: 40)
        try session.waitForScreen("the wide layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 40 && lines[39].contains("Dòng 2/2")
        }

        try session.send("C-s")
        try session.waitForScreen("the saved message") { $0.contains("Đã lưu") && !$0.contains("[+]") }
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertEqual(saved, "Tôi viết bài\nđường Trường Sa\n")
        XCTAssertEqual(saved, saved.precomposedStringWithCanonicalMapping, "stored as NFC")

        // Ctrl-T switches to VNI; then closing with changes asks first.
        try session.send("C-t")
        try session.waitForScreen("VNI on") { $0.contains("VNI") }
        try session.type(" Vie65t")
        try session.waitForScreen("VNI typing") { $0.contains("Sa Việt") }
        try session.send("C-q")
        try session.waitForScreen("the unsaved-changes question") { $0.contains("Chưa lưu") && $0.contains("[l] Lưu rồi đóng") }
        try session.send("h")
        try session.waitForScreen("back in the text") { !$0.contains("Chưa lưu") && $0.contains("Sa Việt") }
        try session.send("C-q")
        try session.waitForScreen("the question again") { $0.contains("Chưa lưu") }
        try session.send("b")
        XCTAssertEqual(session.waitForExit(), 0)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), saved, "discarded changes are not written")
    }

    func testLostTerminalKeepsUnsavedWordsInDotSave() throws {
        let file = directory.appendingPathComponent("ghi-chu.txt").path
        try "Biên bản họp\n".write(toFile: file, atomically: true, encoding: .utf8)
        // A private file: its rescue copy must not be readable by others either.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let session = try TmuxSession(command: [QueueEndToEndTests.client, "edit", "--input-method", "off", file],
                                      environment: environment())
        defer { session.close() }
        try session.waitForScreen("the file's text") { $0.contains("Biên bản họp") && $0.contains("gõ thường") }
        try session.send("C-e")
        let unbound = try session.waitForScreen("the unbound key reported") { $0.contains("Phím <C-e> chưa được gán") }
        XCTAssertTrue(unbound.contains("Nhấn <F1> để xem"), "the hint names a key that is not text in the editor: \(unbound)")
        try session.send("End")
        try session.type(" ngay 23")
        try session.waitForScreen("typed as plain keys") { $0.contains("Biên bản họp ngay 23") }
        // Closing the tmux session hangs up the terminal: SIGHUP.
        session.close()
        let rescued = directory.appendingPathComponent("ghi-chu.txt.save").path
        eventually(timeout: 10) { FileManager.default.fileExists(atPath: rescued) }
        XCTAssertEqual(try String(contentsOfFile: rescued, encoding: .utf8), "Biên bản họp ngay 23\n")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: rescued)[.posixPermissions] as? Int, 0o600, "the original's mode")
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "Biên bản họp\n", "the file itself is untouched")
    }

    func testKillNineLosesNoTypedWordTheNextStartOffersThemBack() throws {
        let file = directory.appendingPathComponent("bien-ban.txt").path
        try "Biên bản họp\n".write(toFile: file, atomically: true, encoding: .utf8)
        let journal = directory.appendingPathComponent("state/bientap/journal").path
        func kept() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: journal)) ?? []).map {
                (try? String(contentsOfFile: journal + "/" + $0, encoding: .utf8)) ?? ""
            }
        }
        let first = try TmuxSession(command: [QueueEndToEndTests.client, "edit", "--input-method", "telex", file], environment: environment())
        defer { first.close() }
        try first.waitForScreen("the file's text") { $0.contains("Biên bản họp") }
        try first.send("End")
        try first.type(" ngayf 23 thangs 11")
        try first.waitForScreen("typed with Telex") { $0.contains("Biên bản họp ngày 23 tháng 11") }
        // Within a second of the last key the words are on disk.
        eventually(timeout: 5) { kept().contains { $0.contains("ngày 23 tháng 11") } }
        XCTAssertTrue(kept().contains { $0.contains("Biên bản họp ngày 23 tháng 11") }, "\(kept())")
        let pid = try XCTUnwrap(first.programPID())
        kill(pid, SIGKILL)
        XCTAssertEqual(first.waitForExit(), 137)
        first.close()
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "Biên bản họp\n", "nothing was saved")

        // The next start offers the words back; the differences first, then restore and save.
        let second = try TmuxSession(command: [QueueEndToEndTests.client, "edit", file], environment: environment())
        defer { second.close() }
        let offer = try second.waitForScreen("the offer") { $0.contains("Chữ chưa lưu từ lần trước") }
        XCTAssertTrue(offer.contains("thêm 4"), offer)
        try second.send("x")
        try second.waitForScreen("the differences") { $0.contains("Biên bản họp ngày 23 tháng 11") && !$0.contains("Xem khác biệt") }
        try second.send("q")
        try second.waitForScreen("the offer again") { $0.contains("Xem khác biệt") }
        try second.send("k")
        try second.waitForScreen("restored") { $0.contains("Đã khôi phục") && $0.contains("[+]") }
        try second.send("C-s")
        try second.waitForScreen("saved") { !$0.contains("[+]") }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "Biên bản họp ngày 23 tháng 11\n")
        XCTAssertEqual(kept(), [], "a saved text leaves no journal")
        try second.send("C-q")
        XCTAssertEqual(second.waitForExit(), 0)
        second.close()

        // Nothing more to offer.
        let third = try TmuxSession(command: [QueueEndToEndTests.client, "edit", file], environment: environment())
        defer { third.close() }
        let plain = try third.waitForScreen("the file") { $0.contains("Biên bản họp ngày 23 tháng 11") }
        XCTAssertFalse(plain.contains("Chữ chưa lưu"))
    }

    func testBrokenKeymapIsReportedAndDefaultsStillWork() throws {
        let keymap = directory.appendingPathComponent("keymap.bad").path
        try "bind editor <C-o> save\nbind editor <C-?> save\nbind editor <C-e> no-such-action\n".write(toFile: keymap, atomically: true, encoding: .utf8)
        let file = directory.appendingPathComponent("x.txt").path
        let session = try TmuxSession(command: [QueueEndToEndTests.client, "edit", "--keymap", keymap, file], environment: environment())
        defer { session.close() }
        // The complaint goes to stderr before the screen opens, then to the
        // status bar; wait for the status bar's words, not the early line.
        try session.waitForScreen("the keymap complaint in the status bar") {
            $0.contains("keymap.bad:2: unknown key '<C-?>' — tệp phím tắt có 2 lỗi")
        }
        try session.type("xin chaof")
        try session.send("C-o")  // the valid line of the file applies
        try session.waitForScreen("saved through the user's binding") { $0.contains("Đã lưu") }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "xin chào\n")
        try session.send("C-q")
        XCTAssertEqual(session.waitForExit(), 0)
    }
}
