import Foundation
import VietText

/// Text from the database as a page shows it: NFC, without the control characters that
/// no HTML or XML document may carry, and with straight quotes made typographic.
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

    /// `clean`, then straight quotes as Vietnamese prints them: “ ” for double, ‘ ’ for single,
    /// ’ for an apostrophe.
    public static func typographic(_ text: String) -> String {
        var out = ""
        var previous: Character = " "
        for c in clean(text) {
            out.append(curled(c, after: previous) ?? c)
            previous = c
        }
        return out
    }

    /// The sanitiser's HTML (`Publication.html`) cleaned, with straight quotes in its text made
    /// typographic as `typographic` makes them; tags and their attributes are left as they are.
    /// The sanitiser escapes every quote of the text (`&quot;`, `&#39;`) and writes an attribute's
    /// value with neither quote nor `>` unescaped, so a tag ends at the first `>`.
    public static func typographicHTML(_ html: String) -> String {
        let text = clean(html)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Character = " "
        var rest = Substring(text)
        while let c = rest.first {
            if c == "<", let end = rest.firstIndex(of: ">") {
                let tag = rest[...end]
                out += tag
                // A block starts afresh: a quote first in a paragraph or heading opens.
                if !inlineTags.contains(where: { tag.hasPrefix("<" + $0) || tag.hasPrefix("</" + $0) }) { previous = " " }
                rest = rest[rest.index(after: end)...]
            } else if c == "&", let end = rest.prefix(10).firstIndex(of: ";") {
                let entity = rest[...end]
                let quote: Character? = entity == "&quot;" ? "\"" : entity == "&#39;" ? "'" : nil
                if let quote, let curly = curled(quote, after: previous) {
                    out.append(curly)
                    previous = quote
                } else {
                    out += entity
                    previous = entity == "&nbsp;" ? " " : "&"
                }
                rest = rest[rest.index(after: end)...]
            } else {
                out.append(curled(c, after: previous) ?? c)
                previous = c
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// Tags inside a line of text: a quote after one goes on with the text before it.
    private static let inlineTags = ["strong>", "em>", "a ", "a>"]

    /// The typographic form of straight quote `c` after `previous`; nil when `c` is no straight quote.
    /// A quote after a space, a line's start or an opening bracket or dash opens; elsewhere it
    /// closes (a single one after a letter is an apostrophe, which is the closing mark).
    static func curled(_ c: Character, after previous: Character) -> Character? {
        guard c == "\"" || c == "'" else { return nil }
        let opens = previous.isWhitespace || "([{–—\u{201C}\u{2018}".contains(previous)
        if c == "\"" { return opens ? "\u{201C}" : "\u{201D}" }
        return opens ? "\u{2018}" : "\u{2019}"
    }

    /// One line: whitespace runs (line breaks included) become one space.
    public static func line(_ text: String) -> String {
        typographic(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
