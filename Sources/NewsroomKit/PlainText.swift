/// What a text field of the API may hold: any Unicode scalar but the control characters
/// other than tab and newline (C0, DEL, C1). A NUL in particular is cut off by the
/// database's C strings, so the words after it would be shown to no one and lost on the next save.
public enum PlainText {
    public static func isAllowed(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A: return true
        case 0x00...0x1F, 0x7F...0x9F: return false
        default: return true
        }
    }

    /// The first scalar `text` may not hold, if any.
    public static func firstForbidden(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { !isAllowed($0.value) }
    }

    /// How a forbidden scalar is named in an error: `U+0000`.
    public static func name(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
