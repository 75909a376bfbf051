import Foundation

/// The inside of a paragraph, heading or list item — text with links, `<strong>`, `<em>` and
/// line breaks — as the desk's inline Markdown (`MarkdownHTML` writes it back). `plain` refuses (nil) whatever the
/// Markdown could not give back exactly — other tags, attributes, characters the Markdown
/// reads as marks — so such content is edited as HTML instead.
enum InlineHTML {
    /// The Markdown of `html`; `newlines`: a line break may be written as a bare newline
    /// (the classic editor's paragraphs).
    static func plain(_ html: Substring, newlines: Bool = false) -> String? {
        var parser = Parser(rest: html, newlines: newlines)
        guard let text = parser.inline(until: nil), parser.rest.isEmpty, !text.isEmpty else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            // A line the desk would read as a heading or an item, or whose spaces it would trim.
            guard let first = line.first, let last = line.last, !first.isWhitespace, !last.isWhitespace,
                  !line.hasPrefix("#"), !line.hasPrefix("- ") else { return nil }
        }
        return text
    }

    private struct Parser {
        var rest: Substring
        let newlines: Bool

        /// Text and inline elements up to `</closing>` (consumed), or to the end.
        mutating func inline(until closing: String?) -> String? {
            var out = ""
            while let c = rest.first {
                if let closing, rest.hasPrefix("</\(closing)>") {
                    rest = rest.dropFirst(closing.count + 3)
                    return out
                }
                switch c {
                case "<":
                    if let br = ["<br>", "<br/>", "<br />"].first(where: { rest.hasPrefix($0) }) {
                        rest = rest.dropFirst(br.count)
                        out += "\n"
                    } else if rest.hasPrefix("<strong>") {
                        rest = rest.dropFirst(8)
                        guard let inner = inline(until: "strong"), !inner.isEmpty, !inner.contains("\n") else { return nil }
                        out += "**" + inner + "**"
                    } else if rest.hasPrefix("<em>") {
                        rest = rest.dropFirst(4)
                        guard let inner = inline(until: "em"), !inner.isEmpty, !inner.contains("\n") else { return nil }
                        out += "*" + inner + "*"
                    } else if rest.hasPrefix("<a href=\""), let quote = rest.dropFirst(9).firstIndex(of: "\""),
                              rest[quote...].hasPrefix("\">") {
                        guard let url = Self.entities(rest[rest.index(rest.startIndex, offsetBy: 9)..<quote]),
                              !url.isEmpty, !url.contains(where: { $0 == ")" || $0 == "(" || $0.isWhitespace }) else { return nil }
                        rest = rest[rest.index(quote, offsetBy: 2)...]
                        guard let label = inline(until: "a"), !label.isEmpty, !label.contains("\n") else { return nil }
                        out += "[" + label + "](" + url + ")"
                    } else {
                        return nil
                    }
                case "&":
                    guard let semicolon = rest.prefix(10).firstIndex(of: ";"),
                          let decoded = Self.entities(rest[...semicolon]) else { return nil }
                    out += decoded
                    rest = rest[rest.index(after: semicolon)...]
                case "*", "[", "]":
                    return nil
                case "\n":
                    guard newlines else { return nil }
                    out += "\n"
                    rest = rest.dropFirst()
                default:
                    out.append(c)
                    rest = rest.dropFirst()
                }
            }
            return closing == nil ? out : nil
        }

        /// Text with the entities WordPress writes decoded; nil for one it does not know,
        /// or a character the Markdown would read as a mark.
        static func entities(_ text: Substring) -> String? {
            var out = ""
            var rest = text
            while let c = rest.first {
                guard c == "&" else {
                    out.append(c)
                    rest = rest.dropFirst()
                    continue
                }
                guard let semicolon = rest.firstIndex(of: ";") else { return nil }
                let name = rest[rest.index(after: rest.startIndex)..<semicolon]
                let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#039": "'", "#39": "'", "nbsp": "\u{A0}"]
                if let value = named[name] {
                    out += value
                } else if name.hasPrefix("#x"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                } else {
                    return nil
                }
                rest = rest[rest.index(after: semicolon)...]
            }
            return out.contains(where: { "*[]".contains($0) }) ? nil : out
        }
    }
}
