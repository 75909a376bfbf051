import BienTapApp
import Foundation
import VietText
import XCTest

/// A file that cannot be written is told of in words, never as Foundation's error domain and code.
final class FileFailureTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "bientap-file-failure-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: folder)
    }

    func testAWriteIntoAMissingFolderSaysSoInBothLanguages() {
        XCTAssertThrowsError(try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/missing/list.csv"))) { error in
            XCTAssertTrue("\(error)".contains("Code="), "Foundation's own words carry its code: \(error)")
            XCTAssertEqual(FileFailure(error), .notFound)
            XCTAssertEqual(Strings.fileReason(error)(.en), "no such file or folder")
            XCTAssertEqual(Strings.fileReason(error)(.vi), "không có tệp hay thư mục ấy")
        }
    }

    func testASafeWriteUnderAFileSaysAPartOfThePathIsAFile() throws {
        let file = folder + "/a-file"
        try SafeFile.write("x", to: file)
        XCTAssertThrowsError(try SafeFile.write("y", to: file + "/inside.txt")) { error in
            XCTAssertEqual(FileFailure(error), .notAFolder)
            XCTAssertEqual(Strings.fileReason(error)(.en), "part of the path is a file, not a folder")
        }
    }

    /// Foundation's own error with the system's under it (a folder made where a file is).
    func testAFolderMadeUnderAFileSaysAPartOfThePathIsAFile() throws {
        let file = folder + "/plain"
        try SafeFile.write("x", to: file)
        XCTAssertThrowsError(try FileManager.default.createDirectory(atPath: file + "/journal", withIntermediateDirectories: true)) { error in
            XCTAssertEqual(FileFailure(error), .notAFolder, "\(error)")
            XCTAssertEqual(Strings.fileReason(error)(.vi), "một phần của đường dẫn là tệp, không phải thư mục")
        }
        XCTAssertEqual(FileFailure(POSIXError(.EEXIST)), .exists)
        XCTAssertEqual(Strings.fileReason(.exists)(.en), "a file of that name exists")
    }

    func testTheSystemsAndFoundationsCodesSortIntoKinds() {
        XCTAssertEqual(FileFailure(POSIXError(.ENOSPC)), .diskFull)
        XCTAssertEqual(FileFailure(POSIXError(.EACCES)), .noPermission)
        XCTAssertEqual(FileFailure(CocoaError(.fileWriteVolumeReadOnly)), .readOnly)
        XCTAssertEqual(FileFailure(CocoaError(.fileReadNoPermission)), .noPermission)
        XCTAssertEqual(FileFailure(SafeFile.WriteError(EISDIR)), .isFolder)
        XCTAssertEqual(FileFailure(CocoaError(.fileReadCorruptFile)), .other)
        XCTAssertFalse(Strings.fileReason(CocoaError(.fileReadCorruptFile))(.en).contains("Code"))
    }
}
