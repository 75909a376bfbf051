@testable import BienTapApp
import Foundation
import XCTest

final class SafeFileTests: XCTestCase {
    private func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    func testARescueCopyHasTheOriginalsPermissions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safefile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("thu-rieng.txt").path
        try SafeFile.write("Thư riêng\n", to: file, mode: 0o600)
        XCTAssertEqual(try mode(file), 0o600)
        try SafeFile.write("Thư riêng, sửa dở\n", to: file + ".save", permissionsOf: file)
        XCTAssertEqual(try mode(file + ".save"), 0o600)
        // An older copy readable by all is not left so.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file + ".save")
        try SafeFile.write("Thư riêng, sửa tiếp\n", to: file + ".save", permissionsOf: file)
        XCTAssertEqual(try mode(file + ".save"), 0o600)
        XCTAssertEqual(try String(contentsOfFile: file + ".save", encoding: .utf8), "Thư riêng, sửa tiếp\n")
        // A file never saved: the copy is the owner's alone.
        try SafeFile.write("Mới\n", to: directory.appendingPathComponent("moi.txt.save").path,
                           permissionsOf: directory.appendingPathComponent("moi.txt").path)
        XCTAssertEqual(try mode(directory.appendingPathComponent("moi.txt.save").path), 0o600)
        // Replacing a file keeps its own mode, as before.
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)
        try SafeFile.write("Thư riêng\n", to: file)
        XCTAssertEqual(try mode(file), 0o640)
    }
}
