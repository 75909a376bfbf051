extension StringProtocol {
    /// The lines of a text, whatever ends them: "\n", "\r\n" (Windows) or "\r".
    /// Splitting on "\n" alone would not do: "\r\n" is one Character in Swift,
    /// so a file saved on Windows would stay one long line.
    public var textLines: [SubSequence] {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }
}
