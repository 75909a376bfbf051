extension StringProtocol where SubSequence == Substring, UnicodeScalarView.SubSequence == Substring.UnicodeScalarView {
    /// The lines of a text, whatever ends them: "\n", "\r\n" (Windows), "\r",
    /// and the rest of what `Character.isNewline` knows (VT, FF, NEL, U+2028,
    /// U+2029). Splitting on "\n" alone would not do: a file saved on Windows
    /// would keep a "\r" on every line. Walked by scalar, as every line end is
    /// a character boundary and `Character` would cost ten times as much.
    public var textLines: [SubSequence] {
        var lines: [SubSequence] = []
        let scalars = unicodeScalars
        var start = startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let value = scalars[i].value
            var next = scalars.index(after: i)
            switch value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029:
                // Sliced by scalar: a line end is a character boundary, which String
                // would spend time proving.
                lines.append(Substring(scalars[start..<i]))
                if value == 0x0D, next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
            default:
                break
            }
            i = next
        }
        lines.append(Substring(scalars[start..<scalars.endIndex]))
        return lines
    }
}
