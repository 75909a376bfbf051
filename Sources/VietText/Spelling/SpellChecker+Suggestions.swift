/// How the spell checker ranks its fixes for a non-word: by how far each
/// attested syllable lies from it (a tone costs less than a letter, hỏi and
/// ngã least, a neighbouring key less than a far one), by whether it makes a
/// known word with the syllable before or after (the strongest hint: "bảo
/// đãm" wants đảm), and by how often the newsroom's words use it.
extension SpellChecker {
    /// An attested syllable (lexicon key and entry) and its distance from the word.
    struct Candidate: Sendable {
        var key: String
        var id: Int
        var cost: Double
    }

    /// Attested syllables near `word`, at most five, without context.
    public func suggestions(for word: String) -> [String] {
        ranked(candidates(for: word), before: nil, after: nil, like: word)
    }

    /// The fixes to show for `word`: candidates re-weighed by the syllables
    /// beside it (entry numbers), in the word's letter case and the house style.
    func ranked(_ candidates: [Candidate], before: Int?, after: Int?, like word: String) -> [String] {
        candidates.map { candidate -> (key: String, cost: Double) in
            var cost = candidate.cost
            if let before, lexicon.pairCount(before, candidate.id) >= Self.knownPairCount { cost -= Self.knownPairBonus }
            if let after, lexicon.pairCount(candidate.id, after) >= Self.knownPairCount { cost -= Self.knownPairBonus }
            return (candidate.key, cost)
        }
        .sorted { ($0.cost, $0.key) < ($1.cost, $1.key) }
        .prefix(5)
        .map { Self.matchCase(of: word, $0.key, style: style ?? .new) }
    }

    /// Worth a letter: a syllable that makes a word with its neighbour wins over a
    /// farther one, not over one with the same letters (chosen on the development split).
    private static let knownPairBonus = 1.0
    /// A pair the word model counted this often (or the newsroom's word list has) is a known word.
    private static let knownPairCount = 3

    /// Attested syllables spelt with the same letters once marks are removed,
    /// the usual slips of a letter, then those one letter away, each with its cost.
    func candidates(for word: String) -> [Candidate] {
        let lower = word.lowercased()
        // The same for every check that shares the lexicon: worked out once a word.
        return lexicon.candidates.value(for: lower) { nearSyllables(lower) }
    }

    private func nearSyllables(_ lower: String) -> [Candidate] {
        let written = Lexicon.syllableKey(lower) ?? lower
        let own = lexicon.entry(spelt: written)?.id
        let skeleton = Diacritics.searchKey(lower)
        let marks = Self.marks(written)
        var costs: [Int: Double] = [:]
        func consider(_ id: Int, _ cost: Double) {
            if id != own { costs[id] = min(costs[id] ?? .infinity, cost) }
        }
        // The same letters: only the marks differ.
        for id in lexicon.entries(withSkeleton: skeleton) { consider(id, Self.markCost(marks, Self.marks(lexicon.entries[id].key))) }
        // The usual slips (s/x, ch/tr, n/ng, c/t, a lost hat…), read off the syllable's parts.
        if let syllable = Syllable.parse(written) {
            for slip in RealWordPairs.slips(of: syllable) {
                if let id = lexicon.entry(spelt: slip.written(style: .old))?.id, lexicon.entries[id].attested { consider(id, 0.6) }
            }
        }
        if costs.count < 8 {
            for (variant, editCost) in Self.edits(of: skeleton) {
                // The skeleton's edit, then the marks that differ besides it.
                for id in lexicon.entries(withSkeleton: variant) {
                    consider(id, editCost + Self.markCost(marks, Self.marks(lexicon.entries[id].key)))
                }
            }
        }
        return costs.map { id, cost in
            // Of two equally near, the one the newsroom writes more often.
            let entry = lexicon.entries[id]
            return Candidate(key: entry.key, id: id, cost: cost - 0.1 * Double(entry.uses + 1).squareRoot())
        }
    }

    /// A word's tone and the letters whose hat, horn, breve or bar it bears.
    static func marks(_ word: String) -> (tone: Tone, marked: [Unicode.Scalar]) {
        var tone = Tone.level
        var marked: [Unicode.Scalar] = []
        for scalar in word.unicodeScalars {
            guard let letter = LetterTable.letter(scalar) else { continue }
            if letter.tone != .level { tone = letter.tone }
            if LetterTable.plain(letter.base) != letter.base { marked.append(letter.base) }
        }
        return (tone, marked)
    }

    /// What the marks two syllables differ by cost: another tone (hỏi for ngã
    /// the cheapest, as the two are confused in speech and typing), and each
    /// hat, horn, breve or bar lost or gained. A usual slip of a letter
    /// (`RealWordPairs.slips`) costs 0.6, a changed letter 1 or more.
    static func markCost(_ a: (tone: Tone, marked: [Unicode.Scalar]), _ b: (tone: Tone, marked: [Unicode.Scalar])) -> Double {
        var cost = 0.0
        if a.tone != b.tone { cost += (a.tone == .hook || a.tone == .tilde) && (b.tone == .hook || b.tone == .tilde) ? 0.25 : 0.4 }
        var unmatched = b.marked
        for mark in a.marked {
            if let i = unmatched.firstIndex(of: mark) { unmatched.remove(at: i) } else { cost += 0.4 }
        }
        return cost + 0.4 * Double(unmatched.count)
    }

    static let doubledKeyCost = 0.5

    private static let skeletonLetters = Array("abcdeghiklmnopqrstuvxy")

    /// Neighbours on a QWERTY keyboard, which a slipping finger hits instead.
    private static let keyboardNeighbours: [Character: Set<Character>] = {
        let rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"].map(Array.init)
        var map: [Character: Set<Character>] = [:]
        for (r, row) in rows.enumerated() {
            for (c, key) in row.enumerated() {
                var near: Set<Character> = []
                for (dr, dc) in [(0, -1), (0, 1), (-1, 0), (-1, 1), (1, -1), (1, 0)] {
                    let rr = r + dr, cc = c + dc
                    if rows.indices.contains(rr), rows[rr].indices.contains(cc) { near.insert(rows[rr][cc]) }
                }
                map[key] = near
            }
        }
        return map
    }()

    /// Strings one edit away from `s`, with what the edit costs: a neighbouring
    /// key hit or two letters swapped 1, a letter lost or added 1.2, any other
    /// change 1.3: dearer than any change of marks, which is what Vietnamese
    /// typists get wrong most.
    static func edits(of s: String) -> [String: Double] {
        let chars = Array(s)
        var out: [String: Double] = [:]
        func add(_ candidate: [Character], _ cost: Double) {
            let text = String(candidate)
            out[text] = min(out[text] ?? .infinity, cost)
        }
        for i in 0...chars.count {
            for letter in skeletonLetters {
                var inserted = chars
                inserted.insert(letter, at: i)
                add(inserted, 1.2)
            }
            guard i < chars.count else { continue }
            var deleted = chars
            deleted.remove(at: i)
            // A key pressed twice (vvội, chhị) is the cheapest letter to lose.
            let doubled = (i > 0 && chars[i - 1] == chars[i]) || (i + 1 < chars.count && chars[i + 1] == chars[i])
            add(deleted, doubled ? Self.doubledKeyCost : 1.2)
            for letter in skeletonLetters where letter != chars[i] {
                var changed = chars
                changed[i] = letter
                add(changed, keyboardNeighbours[chars[i]]?.contains(letter) == true ? 1 : 1.3)
            }
            if i + 1 < chars.count {
                var swapped = chars
                swapped.swapAt(i, i + 1)
                add(swapped, 1)
            }
        }
        return out
    }

    /// Edit distance over characters (insertions, deletions, changes and swaps
    /// of neighbours), giving up above `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous = Array(0...y.count)
        var current = previous
        var beforePrevious = previous
        for i in 1...max(1, x.count) where !x.isEmpty {
            current[0] = i
            var rowMin = current[0]
            for j in 1...max(1, y.count) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                // Two letters swapped (Vidoe) is one slip.
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            beforePrevious = previous
            swap(&previous, &current)
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}
