import Foundation

/// Lines typed at the console by the commands of both programs (`bientap login`,
/// `bientap-portal user add`): terminal input, kept out of the domain types.
public enum ConsoleInput {
    /// A line read after `prompt` (on stderr) with echo off when stdin is a terminal
    /// (restored however it ends), or the next line of stdin when it is not; nil at its end.
    public static func hiddenLine(prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return readLine(strippingNewline: true) }
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}

/// What the commands of both programs say on standard error, written straight to the
/// descriptor (unbuffered, as stderr is) from any task.
public enum ConsoleError {
    public static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Standard output, which the commands write with `print`.
public enum ConsoleOutput {
    /// Writes out what `print` buffered: every C output stream, since naming `stdout` itself
    /// is not concurrency-safe in Swift 6.
    public static func flush() {
        fflush(nil)
    }
}
