import Foundation
import TerminalUI
import VietText

/// Editing in `$VISUAL` or `$EDITOR`, as git and mutt do: the text goes to a private
/// temporary file, the terminal is lent to the editor, and what it saved comes back.
public enum ExternalEditor {
    public struct Failure: Error, Equatable {
        public let message: Localized
    }

    /// The command to run: `$VISUAL`, else `$EDITOR`, else Debian's `sensible-editor`, else vi.
    public static func command(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/sensible-editor") ? "sensible-editor" : "vi"
    }

    /// Runs the editor on `text`; the text it saved, or why there is none. A non-zero exit
    /// leaves the text as it was, as git does with a commit message.
    public static func edit(_ text: String, environment: [String: String], screen: Screen) -> Result<String, Failure> {
        let directory = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        var template = Array((directory + "/bientap-XXXXXX.txt").utf8CString)
        let fd = mkstemps(&template, 4)
        guard fd >= 0 else { return .failure(Failure(message: Strings.externalNoFile(Strings.fileReason(SafeFile.WriteError(errno))))) }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
            try handle.close()
        } catch {
            return .failure(Failure(message: Strings.externalNoFile(Strings.fileReason(error))))
        }
        let command = command(environment: environment)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The command may carry arguments ("code --wait"); the file is its last one.
        process.arguments = ["-c", command + " \"$1\"", "bientap-editor", path]
        var status: Int32 = -1
        var launchError: Error?
        screen.handOver {
            do {
                try process.run()
                process.waitUntilExit()
                status = process.terminationStatus
            } catch {
                launchError = error
            }
        }
        if let launchError { return .failure(Failure(message: Strings.externalNotRun(command, "\(launchError)"))) }
        guard status == 0 else { return .failure(Failure(message: Strings.externalExit(command, status))) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Failure(message: Strings.externalNoFile(path)))
        }
        guard let edited = String(data: data, encoding: .utf8) else { return .failure(Failure(message: Strings.externalNotUTF8)) }
        return .success(edited)
    }
}
