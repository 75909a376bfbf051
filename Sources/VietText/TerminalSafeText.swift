/// Text from elsewhere (a contributor's submission, a portal's answer) made safe to
/// print on a terminal: every character a terminal would act on, and every one that
/// reorders what is shown, is written visibly instead, as `git` and `less` do.
/// ESC is `^[` (so `ESC ] 0 ; title BEL` cannot set the window title, nor OSC 52 write
/// the clipboard, nor OSC 8 hide a link), other C0 controls `^X`, DEL `^?`, C1
/// controls (U+0080–U+009F, which some terminals obey as CSI, OSC…) and the
/// bidirectional overrides, embeddings, isolates and marks `<U+202E>`.
///
/// Frames drawn by the full-screen app need none of this: `Frame.put` drops every
/// zero-width grapheme, and each of these characters is a grapheme of its own.
public enum TerminalSafeText {
    /// `text` for a terminal, its line breaks and tabs kept (CR LF read as a line break;
    /// a lone CR, which would let a line overwrite itself, shown as `^M`).
    public static func lines(_ text: String) -> String {
        visible(text, keepingLayout: true)
    }

    /// `text` for one line of a terminal (a table cell, a message): tabs and line breaks shown too.
    public static func line(_ text: String) -> String {
        visible(text, keepingLayout: false)
    }

    /// JSON text as an encoder made it, with what encoders leave raw — DEL, the C1
    /// controls, U+2028/U+2029 and the bidirectional controls — written as `\uXXXX`.
    /// Such characters stand only inside JSON strings, so the value read back is the same.
    public static func json(_ encoded: String) -> String {
        guard encoded.unicodeScalars.contains(where: { $0.value < 0x20 ? false : isUnsafe($0) }) else { return encoded }
        var out = String.UnicodeScalarView()
        for scalar in encoded.unicodeScalars {
            if scalar.value >= 0x20, isUnsafe(scalar) {
                out.append(contentsOf: "\\u\(hex(scalar.value).lowercased())".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a terminal would act on `scalar`, or it reorders or hides the text around it.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func visible(_ text: String, keepingLayout: Bool) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            let v = scalar.value
            if keepingLayout {
                if v == 0x0A || v == 0x09 {
                    out.append(scalar)
                    continue
                }
                if v == 0x0D, index != scalars.endIndex, scalars[index].value == 0x0A { continue }
            }
            guard isUnsafe(scalar) else {
                out.append(scalar)
                continue
            }
            switch v {
            case 0x00...0x1F: out.append(contentsOf: "^\(Character(Unicode.Scalar(UInt8(v + 0x40))))".unicodeScalars)
            case 0x7F: out.append(contentsOf: "^?".unicodeScalars)
            default: out.append(contentsOf: "<U+\(hex(v))>".unicodeScalars)
            }
        }
        return String(out)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
