import Foundation
import VietText

/// Text from the database as a page shows it: NFC, without the control characters that
/// no HTML or XML document may carry, and with straight double quotes made typographic.
public enum PublicText {
    /// NFC, control characters (but tab and line feed) removed.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in Normalization.nfc(text).unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: out.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: continue
            default:
                // Lone surrogates cannot occur in a Swift string; noncharacters can, and XML refuses them.
                if (0xFDD0...0xFDEF).contains(scalar.value) { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `clean`, then straight double quotes as Vietnamese prints them: “ opening, ” closing.
    public static func typographic(_ text: String) -> String {
        var out = ""
        var open = true
        var previous: Character = " "
        for c in clean(text) {
            if c == "\"" {
                // A quote after a space or an opening bracket opens; elsewhere it closes.
                open = previous.isWhitespace || "([{–—".contains(previous) || previous == " "
                out.append(open ? "\u{201C}" : "\u{201D}")
            } else {
                out.append(c)
            }
            previous = c
        }
        return out
    }

    /// One line: whitespace runs (line breaks included) become one space.
    public static func line(_ text: String) -> String {
        typographic(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
