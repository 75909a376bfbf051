import Foundation

/// A three-way merge by lines (a paragraph is a line), as `diff3` does it: the text both
/// sides started from (`base`), mine and theirs. Lines changed on one side only are taken
/// from that side. Where both sides changed the same paragraph, the paragraph is merged
/// again word by word; when the two sides touched different words of it, the hunk offers
/// that combination, otherwise it is a conflict and, until someone chooses, keeps both
/// versions, theirs first, so no one's words are lost.
public struct LineMerge: Sendable, Equatable {
    public enum Choice: String, Sendable, Equatable, CaseIterable {
        case mine, theirs, both
        /// Both sides' changes, word by word (offered when they touch different words).
        case combined
    }

    /// A stretch of lines where the sides differ from the base or from each other.
    public struct Hunk: Sendable, Equatable {
        public var base: [String]
        public var mine: [String]
        public var theirs: [String]
        /// Both sides' changes merged word by word, when they touch different words.
        public var combined: [String]?
        public var choice: Choice
        /// The hunk is (or touches) a field of one line, a title or a sapo: keeping both
        /// sides would make it two lines, so "both" is not offered.
        public var isOneLine = false

        /// Both sides changed these lines, differently.
        public var isConflict: Bool { mine != base && theirs != base && mine != theirs }
        /// What may be chosen for this hunk.
        public var choices: [Choice] {
            let offered: [Choice] = combined == nil ? [.theirs, .mine, .both] : [.combined, .theirs, .mine, .both]
            return isOneLine ? offered.filter { $0 != .both } : offered
        }
        /// The lines chosen.
        public var lines: [String] {
            switch choice {
            case .mine: return mine
            case .theirs: return theirs
            case .both: return theirs + mine
            case .combined: return combined ?? theirs + mine
            }
        }
    }

    public enum Part: Sendable, Equatable {
        case same([String])
        case hunk(Hunk)
    }

    public var parts: [Part]

    /// The first `oneLineFields` lines of `base` are fields of one line each (a title, a
    /// sapo): a hunk there never keeps both sides, and a conflict there starts as mine.
    public init(base: String, mine: String, theirs: String, oneLineFields: Int = 0) {
        parts = LineMerge.merge(LineMerge.lines(base), LineMerge.lines(mine), LineMerge.lines(theirs), oneLineFields: oneLineFields).map { part in
            guard case .hunk(var hunk) = part, hunk.isConflict else { return part }
            if hunk.isOneLine { hunk.choice = .mine }
            // Two people fixing different words of one paragraph is the usual case on a desk.
            let words = LineMerge.merge(WordDiff.tokens(hunk.base.joined(separator: "\n")),
                                        WordDiff.tokens(hunk.mine.joined(separator: "\n")),
                                        WordDiff.tokens(hunk.theirs.joined(separator: "\n")))
            if words.allSatisfy({ if case .hunk(let h) = $0 { return !h.isConflict } else { return true } }) {
                let text = words.map { part -> String in
                    switch part {
                    case .same(let tokens): return tokens.joined()
                    case .hunk(let h): return h.lines.joined()
                    }
                }.joined()
                hunk.combined = LineMerge.lines(text)
                hunk.choice = .combined
            }
            return .hunk(hunk)
        }
    }

    /// The diff3 walk over any tokens (lines, or words): stretches all three agree on,
    /// and hunks between them.
    static func merge(_ b: [String], _ m: [String], _ t: [String], oneLineFields: Int = 0) -> [Part] {
        let inMine = LineMerge.matches(b, m), inTheirs = LineMerge.matches(b, t)
        var parts: [Part] = []
        var same: [String] = []
        var i = 0, j = 0, k = 0
        func flushSame() {
            if !same.isEmpty { parts.append(.same(same)) }
            same = []
        }
        while true {
            // The next base line both sides kept: everything before it is one unstable stretch.
            var next = i
            while next < b.count, inMine[next] == nil || inTheirs[next] == nil { next += 1 }
            // Both are known where `next` stopped short of the end (the loop above saw to it).
            let endMine = next < b.count ? inMine[next] ?? m.count : m.count
            let endTheirs = next < b.count ? inTheirs[next] ?? t.count : t.count
            let chunkBase = Array(b[i..<next]), chunkMine = Array(m[j..<endMine]), chunkTheirs = Array(t[k..<endTheirs])
            if chunkMine == chunkTheirs {
                // Both sides agree (changed alike, or not at all).
                same += chunkMine
            } else {
                flushSame()
                let choice: Choice = chunkMine == chunkBase ? .theirs : chunkTheirs == chunkBase ? .mine : .both
                var hunk = Hunk(base: chunkBase, mine: chunkMine, theirs: chunkTheirs, choice: choice)
                // Lines added right after the last one-line field continue it.
                hunk.isOneLine = i < oneLineFields || (i == oneLineFields && oneLineFields > 0 && chunkBase.isEmpty)
                parts.append(.hunk(hunk))
            }
            guard next < b.count else { break }
            same.append(b[next])
            i = next + 1
            j = endMine + 1
            k = endTheirs + 1
        }
        flushSame()
        return parts
    }

    /// The hunks, in order.
    public var hunks: [Hunk] {
        parts.compactMap { if case .hunk(let h) = $0 { return h } else { return nil } }
    }

    public var conflictCount: Int { hunks.filter(\.isConflict).count }

    /// Chooses for the `index`th hunk.
    public mutating func choose(_ choice: Choice, hunk index: Int) {
        var seen = 0
        for (p, part) in parts.enumerated() {
            guard case .hunk(var hunk) = part else { continue }
            if seen == index {
                hunk.choice = choice
                parts[p] = .hunk(hunk)
                return
            }
            seen += 1
        }
    }

    /// The merged text, as chosen.
    public var text: String {
        parts.flatMap { part -> [String] in
            switch part {
            case .same(let lines): return lines
            case .hunk(let hunk): return hunk.lines
            }
        }.joined(separator: "\n")
    }

    static func lines(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// For each line of `old`, the line of `new` it is kept as, if it is kept (a longest
    /// common subsequence, so the matches only ever go forward).
    static func matches(_ old: [String], _ new: [String]) -> [Int?] {
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var result = [Int?](repeating: nil, count: old.count)
        var j = 0
        for i in old.indices where !removed.contains(i) {
            while inserted.contains(j) { j += 1 }
            result[i] = j
            j += 1
        }
        return result
    }
}
