import Foundation

/// A directory only this process's user may enter (mkdtemp, mode 0700), for files written
/// on the way to bytes; removed with all it holds.
struct PrivateDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array((base + "/bientap-export-XXXXXX").utf8CString)
        // mkdtemp fills in the template where it lies: read it back before the buffer goes.
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let made else {
            throw ExportError.temporaryFile("cannot create a directory in \(base): \(String(cString: strerror(errno)))")
        }
        path = made
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
