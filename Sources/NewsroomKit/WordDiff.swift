import Foundation

/// A word-level difference between two texts, as `git diff --word-diff` shows it:
/// runs of unchanged, deleted and inserted text, in reading order.
public struct WordDiff: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case same, deleted, inserted
    }

    public struct Span: Codable, Sendable, Hashable {
        public var kind: Kind
        public var text: String

        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    public var spans: [Span]

    public init(spans: [Span]) { self.spans = spans }

    /// Words (runs of letters, digits and marks) deleted and inserted.
    public var deletedWords: Int { spans.filter { $0.kind == .deleted }.reduce(0) { $0 + WordDiff.tokens($1.text).filter(WordDiff.isWord).count } }
    public var insertedWords: Int { spans.filter { $0.kind == .inserted }.reduce(0) { $0 + WordDiff.tokens($1.text).filter(WordDiff.isWord).count } }
    public var isEmpty: Bool { spans.allSatisfy { $0.kind == .same } }

    /// The difference from `old` to `new`, by words, spaces and single punctuation marks.
    public init(from old: String, to new: String) {
        let a = WordDiff.tokens(old), b = WordDiff.tokens(new)
        // Swift's own difference is Myers' algorithm; the common ends are cut first, so
        // an edit in a long text costs what the edit costs.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)]), middleB = Array(b[prefix..<(b.count - suffix)])
        let difference = middleB.difference(from: middleA)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var spans: [Span] = []
        func add(_ kind: Kind, _ text: String) {
            if let last = spans.last, last.kind == kind {
                spans[spans.count - 1].text += text
            } else if !text.isEmpty {
                spans.append(Span(kind, text))
            }
        }
        add(.same, a[0..<prefix].joined())
        // Walk both middles: removals before insertions at each point, the rest in common.
        var i = 0, j = 0
        while i < middleA.count || j < middleB.count {
            if i < middleA.count, removed.contains(i) {
                add(.deleted, middleA[i]); i += 1
            } else if j < middleB.count, inserted.contains(j) {
                add(.inserted, middleB[j]); j += 1
            } else {
                add(.same, middleA[i]); i += 1; j += 1
            }
        }
        add(.same, a[(a.count - suffix)...].joined())
        self.spans = spans
    }

    /// Plain text with `[-deleted-]` and `{+inserted+}`, as `git diff --word-diff=plain`.
    public var plain: String {
        spans.map { span in
            switch span.kind {
            case .same: return span.text
            case .deleted: return "[-" + span.text + "-]"
            case .inserted: return "{+" + span.text + "+}"
            }
        }.joined()
    }

    /// Splits text into words, runs of white space, and single other characters
    /// (grapheme clusters, so a letter with its marks stays whole).
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentClass = 0
        for character in text {
            let cls = character.isLetter || character.isNumber ? 1 : character.isWhitespace ? 2 : 3
            if cls == currentClass && cls != 3 {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current) }
                current = String(character)
                currentClass = cls
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func isWord(_ token: String) -> Bool { token.first.map { $0.isLetter || $0.isNumber } ?? false }
}

/// `GET /api/v1/submissions/{id}/diff?from=N&to=M`: two revisions compared field by field.
public struct RevisionDiff: Codable, Sendable, Hashable {
    public var from: Int
    public var to: Int
    public var title: WordDiff
    public var sapo: WordDiff
    public var body: WordDiff

    public init(from: Int, to: Int, title: WordDiff, sapo: WordDiff, body: WordDiff) {
        self.from = from
        self.to = to
        self.title = title
        self.sapo = sapo
        self.body = body
    }

    /// The three fields as one text, git's word-diff style, for a terminal.
    public var plain: String {
        "# r\(from) → r\(to)\n## title\n\(title.plain)\n## sapo\n\(sapo.plain)\n## body\n\(body.plain)\n"
    }

    public init(from old: Revision, to new: Revision) {
        self.init(from: old.info.number, to: new.info.number, title: WordDiff(from: old.title, to: new.title),
                  sapo: WordDiff(from: old.sapo, to: new.sapo), body: WordDiff(from: old.body, to: new.body))
    }
}
