import Foundation
import XCTest

/// `bientap spell` and `bientap normalize` as a user or a script runs them.
final class SpellCommandTests: XCTestCase {
    private func run(_ arguments: [String], stdin: String? = nil, language: String = "C.UTF-8") throws
        -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: QueueEndToEndTests.client)
        process.arguments = arguments
        process.environment = ["LANG": language, "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    private func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-spell-\(UUID().uuidString).md")
        try text.write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testFindingsExitStatusAndFormats() throws {
        let path = try file("UBND tỉnh chỉ đạo\nsử lý hồ sơ và vieejt báo cáo.\n")
        let text = try run(["spell", path])
        XCTAssertEqual(text.status, 1)
        XCTAssertEqual(text.out, """
        \(path):2:1: sử lý: dùng nhầm từ (gợi ý: xử lý)
        \(path):2:16: vieejt: còn sót phím gõ Telex (gợi ý: việt)

        """)
        let english = try run(["spell", path], language: "en_US.UTF-8")
        XCTAssertTrue(english.out.contains("a real word used for another (suggestions: xử lý)"), english.out)

        let json = try run(["spell", "--format", "jsonl", path])
        XCTAssertEqual(json.status, 1)
        let lines = json.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        XCTAssertEqual(first?["kind"] as? String, "realword")
        XCTAssertEqual(first?["line"] as? Int, 2)
        XCTAssertEqual(first?["column"] as? Int, 1)
        XCTAssertEqual(first?["length"] as? Int, 5)
        XCTAssertEqual(first?["suggestions"] as? [String], ["xử lý"])
        XCTAssertEqual(first?["file"] as? String, path)
    }

    func testCleanTextAndStyleNotesExitZero() throws {
        let clean = try run(["spell", "-"], stdin: "Hòa giải, hòa hợp và thuỷ lợi.")
        XCTAssertEqual(clean.status, 0, "a style note is no error")
        XCTAssertTrue(clean.out.hasPrefix("-:1:22: thuỷ:"), clean.out)
    }

    func testAHouseStyleAsksForOneOfTwoRightSpellings() throws {
        let text = "Hàng năm thu 5 tỉ đồng, hằng ngày 6 tỷ."
        let both = try run(["spell", "-"], stdin: text)
        XCTAssertEqual(both.status, 0)
        XCTAssertEqual(both.out, "", "without --style both spellings are right")
        let house = try run(["spell", "--style", "new,hằng,tỷ", "-"], stdin: text)
        XCTAssertEqual(house.status, 0, "a style note is no error")
        XCTAssertEqual(house.out, """
        -:1:1: Hàng năm: đúng, nhưng không theo cách viết đã chọn (gợi ý: Hằng năm)
        -:1:16: tỉ: đúng, nhưng không theo cách viết đã chọn (gợi ý: tỷ)

        """)
        // Both sides of one choice, or a spelling no choice has, is a usage error.
        let twice = try run(["spell", "--style", "hằng,hàng", "-"], stdin: text)
        XCTAssertEqual(twice.status, 2)
        XCTAssertEqual(twice.err, "bientap: --style: chọn hằng hoặc hàng, không cả hai\n")
        let tones = try run(["spell", "--style", "old,new", "-"], stdin: text, language: "en_US.UTF-8")
        XCTAssertEqual(tones.status, 2)
        XCTAssertEqual(tones.err, "bientap: --style: choose old or new, not both\n")
        let unknown = try run(["spell", "--style", "tý", "-"], stdin: text)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.hasPrefix("bientap: --style: không có lựa chọn «tý»; chọn một bên của mỗi cặp: old|new, hằng|hàng, "),
                      unknown.err)
        // What is quoted back is cut short, and carries no control sequence to the terminal.
        let hostile = try run(["spell", "--style", "\u{1B}[31m" + String(repeating: "x", count: 5_000), "-"], stdin: text)
        XCTAssertEqual(hostile.status, 2)
        XCTAssertFalse(hostile.err.contains("\u{1B}"), hostile.err)
        XCTAssertLessThan(hostile.err.count, 400, hostile.err)
    }

    func testUsageAndInputErrorsExitTwo() throws {
        XCTAssertEqual(try run(["spell", "/nonexistent/bai-viet.md"]).status, 2)
        XCTAssertEqual(try run(["spell", "--format", "xml", "-"], stdin: "").status, 2)
        XCTAssertEqual(try run(["spell", "--no-such-flag"]).status, 2)
        let latin1 = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-spell-\(UUID().uuidString)")
        try Data([0x56, 0x69, 0xEA, 0x74]).write(to: latin1)
        defer { try? FileManager.default.removeItem(at: latin1) }
        let bad = try run(["spell", latin1.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("UTF-8"), bad.err)
    }

    /// A file that is not a regular one — a pipe, as `bientap spell <(…)` or /dev/stdin gives —
    /// is read like any other; a directory is refused as one.
    func testPipesAreReadAndADirectoryIsNamedAsOne() throws {
        let piped = try run(["spell", "/dev/stdin"], stdin: "Tôi đi hocj\n")
        XCTAssertEqual(piped.status, 1, piped.err)
        XCTAssertTrue(piped.out.hasPrefix("/dev/stdin:1:8: hocj"), piped.out)
        let folder = try run(["spell", NSTemporaryDirectory()], language: "en_US.UTF-8")
        XCTAssertEqual(folder.status, 2)
        XCTAssertTrue(folder.err.contains("it is a directory"), folder.err)
    }

    func testNormalizeWritesNFCInTheChosenStyle() throws {
        let nfd = "Hoà bình, THUỶ lợi".decomposedStringWithCanonicalMapping
        let result = try run(["normalize", "--style", "new", "-"], stdin: nfd)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.out.utf8.elementsEqual("Hòa bình, THỦY lợi".precomposedStringWithCanonicalMapping.utf8), result.out)
        let unknown = try run(["normalize", "--style", "hằng", "-"], stdin: nfd, language: "en_US.UTF-8")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.err, "bientap: --style: \"hằng\" is no choice; pick one side of each pair: old|new\n")
    }

    func testLegacyEncodingsFromOldWordFilesBecomeUnicode() throws {
        // "Công văn số 12 của Sở" typed with .VnTime, saved as 8-bit bytes: not UTF-8.
        let bytes: [UInt8] = Array("C".utf8) + [0xAB] + Array("ng v".utf8) + [0xA8] + Array("n s".utf8) + [0xE8]
            + Array(" 12 c".utf8) + [0xF1] + Array("a S".utf8) + [0xEB]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-tcvn3-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        let converted = try run(["normalize", url.path])
        XCTAssertEqual(converted.status, 0, converted.err)
        XCTAssertEqual(converted.out, "Công văn số 12 của Sở")
        XCTAssertTrue(converted.err.contains("TCVN3"), converted.err)
        let quiet = try run(["normalize", "--from", "tcvn3", url.path])
        XCTAssertEqual(quiet.out, "Công văn số 12 của Sở")
        XCTAssertEqual(quiet.err, "", "a named encoding needs no notice")
        let asIs = try run(["normalize", "--from", "unicode", url.path])
        XCTAssertEqual(asIs.status, 2, "8-bit bytes are no UTF-8 when nothing converts them")

        // VNI letters pasted into a UTF-8 file; spell says so once per line and still checks the rest.
        let path = try file("Coâng vaên cuûa Sôû Noäi vuï.\nsử lý hồ sơ.\n")
        let spell = try run(["spell", "--format", "jsonl", path])
        XCTAssertEqual(spell.status, 1)
        let kinds = spell.out.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }.map { $0["kind"] as? String }
        XCTAssertEqual(kinds, ["encoding", "realword"], spell.out)
        XCTAssertTrue(spell.out.contains("--from vni"), spell.out)
        let vni = try run(["normalize", "--from", "vni", path])
        XCTAssertEqual(vni.out, "Công văn của Sở Nội vụ.\nsử lý hồ sơ.\n")
        let bad = try run(["normalize", "--from", "viscii", path])
        XCTAssertEqual(bad.status, 2)
    }
}
