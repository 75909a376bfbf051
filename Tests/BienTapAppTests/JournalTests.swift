@testable import BienTapApp
import Foundation
import TerminalUI
import XCTest

final class JournalTests: XCTestCase {
    func testEntriesAreKeptPrivatelyUntilRemoved() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = Journal(directory: directory)
        let key = Journal.key(file: "/tmp/../tmp/bài.txt")
        XCTAssertEqual(key, "file:/tmp/bài.txt")
        XCTAssertNil(journal.entry(for: key))
        let entry = Journal.Entry(key: key, label: "bài.txt", base: "Cũ.", text: "Cũ. Mới \"thêm\"\n",
                                  savedAt: Date(timeIntervalSince1970: 1_795_000_000))
        try journal.write(entry)
        XCTAssertEqual(journal.entry(for: key), entry)
        XCTAssertNil(journal.entry(for: "file:/tmp/khac.txt"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        XCTAssertEqual(files.count, 1)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: directory + "/" + files[0])[.posixPermissions] as? Int, 0o600)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int, 0o700)
        journal.remove(key: key)
        XCTAssertNil(journal.entry(for: key))
    }

    func testALeftoverIsOfferedUnlessItIsTheTextAsOpenedWhichGoes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = Journal(directory: directory)
        let key = Journal.key(portal: "http://127.0.0.1:9", submission: 7)
        let entry = Journal.Entry(key: key, label: "#7", base: "Cũ.", revision: 1, text: "Mới.", savedAt: Date(timeIntervalSince1970: 1_795_000_000))
        try journal.write(entry)
        XCTAssertEqual(journal.leftover(for: key, base: "Cũ."), entry)
        XCTAssertEqual(journal.entry(for: key), entry, "offered: kept until the user decides")
        XCTAssertNil(journal.leftover(for: key, base: "Mới."), "saved after all, by another way")
        XCTAssertNil(journal.entry(for: key), "and gone")
    }

    func testDifferencesAreColouredWordByWordAcrossLines() {
        let theme = Theme.default
        let lines = DiffLines.lines(from: "Tòa soạn họp.\nHai dòng.", to: "Tòa soạn họp sáng nay.\nHai dòng.", theme: theme)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[1].text, "Hai dòng.")
        XCTAssertTrue(lines[0].text.hasPrefix("Tòa soạn họp") && lines[0].text.contains("sáng nay"), lines[0].text)
        let added = lines[0].spans.filter { $0.style == theme.added }
        let removed = lines[0].spans.filter { $0.style == theme.removed }
        XCTAssertFalse(added.isEmpty)
        let characters = Array(lines[0].text)
        XCTAssertTrue(added.map { String(characters[$0.range]) }.joined().contains("sáng"))
        XCTAssertTrue(removed.allSatisfy { !String(characters[$0.range]).contains("sáng") })
        XCTAssertTrue(lines[1].spans.isEmpty, "an unchanged line is plain")
    }
}
