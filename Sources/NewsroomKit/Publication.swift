import Foundation
import VietText

/// What publishing makes of a submission: its address and its HTML.
public struct Publication: Codable, Sendable, Hashable {
    public var slug: String
    /// Path on the public portal: `/SITE/SLUG-ID.html`.
    public var path: String
    public var html: String
    public var publishedAt: Date
    /// When the page was last corrected, and the note it shows (nil: never corrected).
    public var correctedAt: Date?
    public var correctionNote: String?

    public init(slug: String, path: String, html: String, publishedAt: Date, correctedAt: Date? = nil, correctionNote: String? = nil) {
        self.slug = slug
        self.path = path
        self.html = html
        self.publishedAt = publishedAt
        self.correctedAt = correctedAt
        self.correctionNote = correctionNote
    }

    /// The publication of `submission` on `site` at `now`.
    public static func make(_ submission: Submission, now: Date) -> Publication {
        let slug = Slug.make(submission.summary.title)
        let path = "/\(submission.summary.site.code)/\(slug.isEmpty ? "bai" : slug)-\(submission.id).html"
        let html = "<h1>\(HTMLText.escape(submission.summary.title))</h1>\n"
            + (submission.sapo.isEmpty ? "" : "<p class=\"sapo\"><strong>\(HTMLText.escape(submission.sapo))</strong></p>\n")
            + MarkdownHTML.render(submission.body)
        return Publication(slug: slug, path: path, html: html, publishedAt: now)
    }
}

/// A URL slug from a Vietnamese title: "Tòa soạn Đà Nẵng" → "toa-soan-da-nang".
public enum Slug {
    public static let maxLength = 80

    public static func make(_ title: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in Diacritics.strip(Normalization.nfc(title)).lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        guard slug.count > maxLength else { return slug }
        // Cut at a word boundary.
        let cut = slug.prefix(maxLength)
        return String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
    }
}

/// Text made safe inside HTML.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// The Markdown subset of submissions as HTML: `#`–`###` headings, paragraphs,
/// `-`/`*` lists, `**bold**`, `*italic*`, `[text](url)`. Safe by construction:
/// every character of the text is escaped, no HTML in the source passes
/// through (so no script and no event handler can), and a link keeps its
/// address only when it is http(s), mailto or a path on the portal —
/// `javascript:` and the like leave just the text.
public enum MarkdownHTML {
    public static func render(_ markdown: String) -> String {
        var html = ""
        var paragraph: [String] = []
        var inList = false
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            html += "<p>" + inline(paragraph.joined(separator: " ")) + "</p>\n"
            paragraph = []
        }
        func closeList() {
            if inList { html += "</ul>\n"; inList = false }
        }
        for raw in markdown.textLines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                closeList()
            } else if let level = headingLevel(line) {
                flushParagraph()
                closeList()
                let text = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                html += "<h\(level + 1)>" + inline(text) + "</h\(level + 1)>\n"
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flushParagraph()
                if !inList { html += "<ul>\n"; inList = true }
                html += "<li>" + inline(String(line.dropFirst(2))) + "</li>\n"
            } else {
                closeList()
                paragraph.append(line)
            }
        }
        flushParagraph()
        closeList()
        return html
    }

    /// `#` to `###`: levels 1–3 (drawn one lower, h2–h4: the title is the h1).
    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// Bold, italic and links inside a block; everything else escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let c = rest.first {
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**"), end.lowerBound > rest.index(rest.startIndex, offsetBy: 2) {
                out += "<strong>" + inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound])) + "</strong>"
                rest = rest[end.upperBound...]
            } else if c == "*", let end = rest.dropFirst().firstIndex(of: "*"), end > rest.index(after: rest.startIndex) {
                out += "<em>" + inline(String(rest[rest.index(after: rest.startIndex)..<end])) + "</em>"
                rest = rest[rest.index(after: end)...]
            } else if c == "[", let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix("("),
                      let paren = rest[close...].firstIndex(of: ")") {
                let label = String(rest[rest.index(after: rest.startIndex)..<close])
                let url = String(rest[rest.index(close, offsetBy: 2)..<paren]).trimmingCharacters(in: .whitespaces)
                if isSafe(url) {
                    out += "<a href=\"" + HTMLText.escape(url) + "\">" + inline(label) + "</a>"
                } else {
                    out += inline(label)
                }
                rest = rest[rest.index(after: paren)...]
            } else {
                out += HTMLText.escape(String(c))
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// http, https and mailto addresses and paths on the portal; nothing that runs.
    static func isSafe(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("/") && !lower.hasPrefix("//") { return true }
        guard let colon = lower.firstIndex(of: ":") else { return false }
        let scheme = lower[..<colon]
        // Control characters and spaces can hide a scheme ("java\tscript:").
        guard !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else { return false }
        return ["http", "https", "mailto"].contains(String(scheme))
    }
}
