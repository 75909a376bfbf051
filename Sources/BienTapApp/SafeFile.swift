import Foundation

/// Writing a file so that a crash or a full disk never leaves it half written.
public enum SafeFile {
    public struct WriteError: Error, CustomStringConvertible {
        /// The system's error number (`errno`).
        public var code: Int32
        public var description: String { String(cString: strerror(code)) }

        public init(_ code: Int32) { self.code = code }
    }

    /// `mode`: the permissions of a new file (a replaced one keeps its own).
    public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws {
        try write(text, to: path, mode: mode, replacingMode: false)
    }

    /// A copy of the file at `original` (a rescue copy, FILE.save) with the original's
    /// permissions whatever `path` had, so a private file's words stay private; the
    /// owner's alone when the original does not exist.
    public static func write(_ text: String, to path: String, permissionsOf original: String) throws {
        var info = stat()
        let mode = stat(original, &info) == 0 ? info.st_mode & 0o7777 : 0o600
        try write(text, to: path, mode: mode, replacingMode: true)
    }

    /// A file that is there already and was not to be replaced.
    public struct FileExists: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): " + String(cString: strerror(EEXIST)) }
    }

    /// Bytes (a download) saved at `path`, whole or not at all; an existing file is replaced
    /// only when `replacing`, else `FileExists` is thrown and it is left as it was — also
    /// when it appears while the bytes are being written.
    public static func write(_ data: Data, to path: String, replacing: Bool, mode: mode_t = 0o644) throws {
        if !replacing, FileManager.default.fileExists(atPath: path) { throw FileExists(path: path) }
        try write(Array(data), to: path, mode: mode, replacingMode: false, replacing: replacing)
    }

    private static func write(_ text: String, to path: String, mode: mode_t, replacingMode: Bool) throws {
        try write(Array(text.utf8), to: path, mode: mode, replacingMode: replacingMode, replacing: true)
    }

    private static func write(_ bytes: [UInt8], to path: String, mode: mode_t, replacingMode: Bool, replacing: Bool) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".bientap-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard fd >= 0 else { throw WriteError(errno) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(fd, base + written, buffer.count - written)
            }
            if n < 0 {
                let reason = errno
                close(fd)
                unlink(temporary)
                throw WriteError(reason)
            }
            written += n
        }
        // Keep the file's permissions when replacing it (the umask spared, when they are given).
        var info = stat()
        if replacingMode { fchmod(fd, mode) } else if stat(path, &info) == 0 { fchmod(fd, info.st_mode & 0o7777) }
        guard fsync(fd) == 0 else {
            let reason = errno
            close(fd)
            unlink(temporary)
            throw WriteError(reason)
        }
        close(fd)
        if !replacing {
            // link() fails when the name is taken, where rename() would silently replace.
            let linked = link(temporary, path) == 0
            let failure = errno
            unlink(temporary)
            guard linked else {
                if failure == EEXIST { throw FileExists(path: path) }
                throw WriteError(failure)
            }
            return
        }
        guard rename(temporary, path) == 0 else {
            let reason = errno
            unlink(temporary)
            throw WriteError(reason)
        }
    }
}
