import Foundation
import NewsroomKit
import VietText

/// A post's `content.raw` as the desk edits it. Content made only of paragraphs, headings
/// (h2–h4), lists and links — bare or in the block editor's comments — becomes the desk's
/// plain text (the Markdown subset: `#` headings, `- ` items, `**bold**`, `*italic*`,
/// `[text](url)`); anything else is edited as the HTML it is. Nothing is lost either way: a
/// block the editor left as it was goes back byte for byte, with its comments and the
/// whitespace around it, and only the blocks that changed are written anew.
public struct WordPressContent: Sendable, Equatable {
    /// What the desk shows and edits.
    public let text: String
    /// True when `text` is the plain form of the blocks, false when it is the raw HTML.
    public let isPlain: Bool
    private let raw: String
    private let blocks: [Block]
    private let flavour: Flavour
    private let trailing: String

    /// How the post's blocks are written: in the block editor's comments, as tags, or as
    /// the classic editor's bare paragraphs (WordPress adds the tags when it shows them).
    enum Flavour: Sendable, Equatable { case blocks, tags, bare }

    struct Block: Sendable, Equatable {
        /// Whitespace before it, as it was.
        var separator: String
        /// The block as it was stored.
        var raw: String
        /// Its plain form.
        var text: String
    }

    public init(raw: String) {
        self.raw = raw
        if let (blocks, flavour, trailing) = Self.parse(raw) {
            self.blocks = blocks
            self.flavour = flavour
            self.trailing = trailing
            text = Normalization.nfc(blocks.map(\.text).joined(separator: "\n\n"))
            isPlain = true
        } else {
            blocks = []
            flavour = .blocks
            trailing = ""
            text = Normalization.nfc(raw)
            isPlain = false
        }
    }

    /// How many words the text has (tags left out when it is HTML).
    public var words: Int {
        var inTag = false
        var visible = ""
        for c in text {
            if c == "<" { inTag = true } else if c == ">" && inTag { inTag = false; visible.append(" ") } else if !inTag { visible.append(c) }
        }
        return visible.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count
    }

    /// The content to store for `edited` (the desk's text): nil when nothing changed, so
    /// the stored bytes are not touched at all.
    public func raw(for edited: String) -> String? {
        let edited = Normalization.nfc(edited)
        guard edited != text else { return nil }
        guard isPlain else { return edited }
        let wanted = PlainBlocks.split(edited)
        let old = blocks.map { Normalization.nfc($0.text) }
        // Blocks the edit kept go back as they were stored; the others are written anew.
        var kept: [Int: Int] = [:]
        let difference = wanted.difference(from: old)
        var removedOld = Set<Int>(), insertedNew = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removedOld.insert(offset)
            case .insert(let offset, _, _): insertedNew.insert(offset)
            }
        }
        var oldIndex = 0
        for newIndex in wanted.indices where !insertedNew.contains(newIndex) {
            while removedOld.contains(oldIndex) { oldIndex += 1 }
            kept[newIndex] = oldIndex
            oldIndex += 1
        }
        var out = ""
        for (index, block) in wanted.enumerated() {
            if let source = kept[index] {
                let separator = index == 0 ? (source == 0 ? blocks[0].separator : "") : (source == 0 ? "\n\n" : blocks[source].separator)
                out += separator + blocks[source].raw
            } else {
                out += (index == 0 ? "" : "\n\n") + PlainBlocks.html(block, flavour: flavour)
            }
        }
        return out + trailing
    }

    // MARK: - Reading the stored content

    private static func parse(_ raw: String) -> ([Block], Flavour, String)? {
        guard !raw.contains("\r") else { return nil }
        var rest = Substring(raw)
        var blocks: [Block] = []
        var flavour: Flavour?
        while true {
            let separator = rest.prefix(while: { $0 == "\n" || $0 == " " || $0 == "\t" })
            rest = rest.dropFirst(separator.count)
            if rest.isEmpty { return blocks.isEmpty && !raw.isEmpty ? nil : (blocks, flavour ?? .blocks, String(separator)) }
            // Bare paragraphs and tags mix in the classic editor's posts; blocks stand alone.
            guard let (block, kind, after) = nextBlock(rest), flavour == nil || (flavour == .blocks) == (kind == .blocks) else { return nil }
            if flavour == nil || kind == .bare { flavour = kind }
            blocks.append(Block(separator: String(separator), raw: String(rest[..<after]), text: block))
            rest = rest[after...]
        }
    }

    /// The block at the start of `text`: its plain form, how it is written, where it ends.
    private static func nextBlock(_ text: Substring) -> (String, Flavour, Substring.Index)? {
        if text.hasPrefix("<!-- wp:") {
            guard let open = text.range(of: " -->") else { return nil }
            let header = text[text.index(text.startIndex, offsetBy: 8)..<open.lowerBound]
            let name = String(header.prefix(while: { $0 != " " }))
            let attributes = header.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
            guard let close = text.range(of: "<!-- /wp:\(name) -->", range: open.upperBound..<text.endIndex) else { return nil }
            var inner = text[open.upperBound..<close.lowerBound]
            guard inner.hasPrefix("\n"), inner.hasSuffix("\n") else { return nil }
            inner = inner.dropFirst().dropLast()
            let plain: String?
            switch name {
            case "paragraph" where attributes.isEmpty:
                plain = element(inner, tag: "p").flatMap { InlineHTML.plain($0) }
            case "heading":
                plain = heading(inner, attributes: attributes)
            case "list" where attributes.isEmpty:
                plain = list(inner, itemComments: true)
            default:
                plain = nil
            }
            guard let plain else { return nil }
            return (plain, .blocks, close.upperBound)
        }
        if text.hasPrefix("<") {
            let end: Substring.Index
            if let close = ["</p>", "</h2>", "</h3>", "</h4>", "</ul>"].compactMap({ text.range(of: $0)?.upperBound }).min() {
                end = close
            } else {
                return nil
            }
            let element = text[..<end]
            let plain = Self.element(element, tag: "p").flatMap { InlineHTML.plain($0) }
                ?? heading(element, attributes: "") ?? list(element, itemComments: false)
            guard let plain else { return nil }
            return (plain, .tags, end)
        }
        // A bare paragraph of the classic editor: up to a blank line.
        let end = text.range(of: "\n\n")?.lowerBound ?? text.endIndex
        var paragraph = text[..<end]
        while paragraph.last == " " || paragraph.last == "\t" || paragraph.last == "\n" { paragraph = paragraph.dropLast() }
        guard let plain = InlineHTML.plain(paragraph, newlines: true) else { return nil }
        return (plain, .bare, paragraph.endIndex)
    }

    /// The inside of `<tag>…</tag>` when `text` is exactly that element, with no attributes.
    static func element(_ text: Substring, tag: String) -> Substring? {
        guard text.hasPrefix("<\(tag)>"), text.hasSuffix("</\(tag)>") else { return nil }
        let inner = text.dropFirst(tag.count + 2).dropLast(tag.count + 3)
        return inner.contains("</\(tag)>") ? nil : inner
    }

    private static func heading(_ text: Substring, attributes: String) -> String? {
        let level: Int
        switch attributes {
        case "": level = 2
        case "{\"level\":3}": level = 3
        case "{\"level\":4}": level = 4
        default: return nil
        }
        guard let inner = element(text, tag: "h\(level)"), let plain = InlineHTML.plain(inner), !plain.contains("\n") else { return nil }
        return String(repeating: "#", count: level - 1) + " " + plain
    }

    private static func list(_ text: Substring, itemComments: Bool) -> String? {
        guard var inner = element(text, tag: "ul") else { return nil }
        var items: [String] = []
        while true {
            inner = inner.drop(while: { $0 == "\n" })
            if inner.isEmpty { break }
            if itemComments {
                guard inner.hasPrefix("<!-- wp:list-item -->\n"), let close = inner.range(of: "\n<!-- /wp:list-item -->") else { return nil }
                let item = inner[inner.index(inner.startIndex, offsetBy: 22)..<close.lowerBound]
                guard let li = element(item, tag: "li"), let plain = InlineHTML.plain(li), !plain.contains("\n") else { return nil }
                items.append("- " + plain)
                inner = inner[close.upperBound...]
            } else {
                guard inner.hasPrefix("<li>"), let close = inner.range(of: "</li>") else { return nil }
                guard let plain = InlineHTML.plain(inner[inner.index(inner.startIndex, offsetBy: 4)..<close.lowerBound]),
                      !plain.contains("\n") else { return nil }
                items.append("- " + plain)
                inner = inner[close.upperBound...]
            }
        }
        return items.isEmpty ? nil : items.joined(separator: "\n")
    }
}

/// The desk's plain text cut into blocks, and each block written as WordPress stores it.
enum PlainBlocks {
    /// Paragraphs and headings are separated by blank lines; a list is its `- ` lines.
    static func split(_ text: String) -> [String] {
        var blocks: [String] = []
        var current: [String] = []
        var currentIsList = false
        func flush() {
            if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
            current = []
        }
        for line in text.textLines.map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let isItem = trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ")
            if trimmed.isEmpty {
                flush()
            } else if headingLevel(trimmed) != nil {
                flush()
                blocks.append(trimmed)
            } else if isItem {
                if !currentIsList { flush() }
                currentIsList = true
                current.append("- " + trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces))
                continue
            } else {
                if currentIsList { flush() }
                current.append(trimmed)
            }
            currentIsList = false
        }
        flush()
        return blocks
    }

    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes + 1
    }

    /// A block as the portal's own pages render the Markdown (`MarkdownHTML`: everything
    /// escaped, unsafe links dropped), in the block editor's comments when the post has them.
    static func html(_ block: String, flavour: WordPressContent.Flavour) -> String {
        var rendered = MarkdownHTML.render(block)
        while rendered.hasSuffix("\n") { rendered.removeLast() }
        switch flavour {
        case .tags:
            return rendered
        case .bare:
            // The classic editor's paragraph is its text; WordPress adds the tags when it shows it.
            guard let inner = WordPressContent.element(Substring(rendered), tag: "p") else { return rendered }
            return String(inner)
        case .blocks:
            if let level = headingLevel(block) {
                let attributes = level == 2 ? "" : " {\"level\":\(level)}"
                return "<!-- wp:heading\(attributes) -->\n\(rendered)\n<!-- /wp:heading -->"
            }
            if rendered.hasPrefix("<ul>") {
                let items = rendered.split(separator: "\n").filter { $0.hasPrefix("<li>") }
                return "<!-- wp:list -->\n<ul>" + items.map { "<!-- wp:list-item -->\n\($0)\n<!-- /wp:list-item -->" }.joined(separator: "\n\n")
                    + "</ul>\n<!-- /wp:list -->"
            }
            return "<!-- wp:paragraph -->\n\(rendered)\n<!-- /wp:paragraph -->"
        }
    }
}
