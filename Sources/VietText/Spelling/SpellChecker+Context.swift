import Foundation

/// Real words used for others, judged by the word model: a syllable is
/// flagged only when one slip away lies a syllable that the counted prose
/// makes far likelier between **both** its neighbours taken together, and no
/// less likely beside either one alone: a syllable that makes a word with its
/// left neighbour is not changed for a word with its right one.
extension SpellChecker {
    /// The bars, chosen on the development split only (Tests/SpellCorpus/External/dev).
    public struct ContextBars: Sendable {
        /// A syllable counted this often beside each neighbour it has stands, unexamined:
        /// what keeps the check fast, as most syllables in prose are.
        public var known = 10
        /// How many times likelier the fix must be, beside both neighbours together.
        public var ratio = 2_000.0
        /// The same with one neighbour only.
        public var edgeRatio = 5_000.0
        /// How much likelier (a log) the fix must be beside each neighbour alone:
        /// log(0.1), at most ten times less likely there than the word written.
        public var side = log(0.1)
        /// How often the fix must have been counted beside each neighbour.
        public var support = 3
        /// Candidates farther than this (`candidates(for:)`'s cost) are not one slip.
        public var cost = 1.4
        /// How much likelier a hỏi/ngã swap is than any other slip.
        public var hoiNgaPrior = 1_000.0
        /// A pair counted this often is a word the newsroom's word list need not have.
        public var counted = 5
        /// How far a rare word's counts are pulled towards its neighbour's own frequency.
        public var smoothing = 100.0
        /// A pair the model lacks was counted fewer than 3 times, not never: its count
        /// is taken as what the two words' frequencies make likely, at most this (nil: smoothing only).
        public var unseen: Double? = 1
        /// A fix the model counted between both neighbours together (its triples: 5 times or
        /// more), where the syllable written was not, needs only this, even beside neighbours
        /// that make a word with the syllable written (a slip that fits each neighbour alone).
        public var tripleRatio = 500.0
        /// Three as written the model counted with the syllable beyond either neighbour stand.
        public var outer = true
        /// Words the English list knows (hey, slot, Dec) are findings only where a fix this near
        /// (`candidates(for:)`'s cost: a lost vowel with its marks is 2) was counted `fitting`
        /// times or more beside a neighbour, and in `fittingShare` of the first one's uses at least.
        public var fitting = 20
        public var fittingCost = 2.0
        public var fittingShare = 0.003

        public init() {}
    }

    /// What `markCost` charges for hỏi against ngã, and nothing else.
    static let hoiNgaCost = 0.25

    /// Attested syllables one slip from entry `id`, nearest first: what a real-word
    /// fix is chosen among. One slip: other marks (a tone, a hat, a horn), a usual
    /// slip of a letter (s/x, n/ng…), or one letter changed, lost, added or
    /// swapped with the marks kept.
    func contextCandidates(of id: Int) -> [(id: Int, cost: Double)] {
        lexicon.slipNeighbours.value(for: id) { slipNeighbours(of: id) }
    }

    /// What `contextCandidates` reads from: every one-slip neighbour, nearest first.
    private func slipNeighbours(of id: Int) -> [(id: Int, cost: Double)] {
        let entry = lexicon.entries[id]
        let skeleton = Diacritics.searchKey(entry.key)
        let marks = Self.marks(entry.key)
        var costs: [Int: Double] = [:]
        func consider(_ other: Int, _ cost: Double) {
            guard other != id, lexicon.entries[other].attested, lexicon.entries[other].count > 0, !isVariant(other, of: id) else { return }
            costs[other] = min(costs[other] ?? .infinity, cost)
        }
        for other in lexicon.entries(withSkeleton: skeleton) { consider(other, Self.markCost(marks, Self.marks(lexicon.entries[other].key))) }
        for slip in RealWordPairs.slips(of: entry.syllable) {
            if let other = lexicon.entry(spelt: slip.written(style: .old))?.id { consider(other, 0.6) }
        }
        // A letter changed, lost or added with the other marks kept; đ's bar goes with its letter ("ược" for được).
        let unbarred = Self.withoutBar(marks)
        // A letter lost takes its marks with it ("đon" for đoàn, "thưng" for thương).
        let letters = Array(skeleton.unicodeScalars)
        for (variant, editCost) in Self.edits(of: skeleton) {
            let inserted = Self.insertedVowel(letters, Array(variant.unicodeScalars))
            for other in lexicon.entries(withSkeleton: variant) {
                let theirs = Self.withoutBar(Self.marks(lexicon.entries[other].key))
                if Self.markCost(unbarred, theirs) == 0 {
                    consider(other, editCost)
                } else if let inserted, Self.lostWithItsMarks(unbarred, theirs, vowel: inserted) {
                    consider(other, editCost + Self.lostMarksCost)
                }
            }
        }
        return costs.map { (id: $0.key, cost: $0.value) }
            .sorted { ($0.cost, lexicon.entries[$0.id].key) < ($1.cost, lexicon.entries[$1.id].key) }
    }

    /// What a letter lost with its marks costs beyond the letter.
    static let lostMarksCost = 0.1

    /// The vowel `longer` has that `shorter` lacks, when that is the one difference.
    static func insertedVowel(_ shorter: [Unicode.Scalar], _ longer: [Unicode.Scalar]) -> Unicode.Scalar? {
        guard longer.count == shorter.count + 1 else { return nil }
        var i = 0
        while i < shorter.count && shorter[i] == longer[i] { i += 1 }
        guard shorter[i...].elementsEqual(longer[(i + 1)...]), "aeiouy".unicodeScalars.contains(longer[i]) else { return nil }
        return longer[i]
    }

    /// Whether `theirs` has the marks of `written` and those of the lost `vowel`:
    /// its hat, horn or breve, or the tone when `written` has none.
    static func lostWithItsMarks(_ written: (tone: Tone, marked: [Unicode.Scalar]), _ theirs: (tone: Tone, marked: [Unicode.Scalar]), vowel: Unicode.Scalar) -> Bool {
        guard written.tone == theirs.tone || written.tone == .level else { return false }
        var unmatched = theirs.marked
        for mark in written.marked {
            guard let i = unmatched.firstIndex(of: mark) else { return false }
            unmatched.remove(at: i)
        }
        return unmatched.isEmpty || (unmatched.count == 1 && LetterTable.plain(unmatched[0]) == vowel)
    }

    /// Marks without đ's bar, which a letter lost, added or changed takes with it.
    static func withoutBar(_ marks: (tone: Tone, marked: [Unicode.Scalar])) -> (tone: Tone, marked: [Unicode.Scalar]) {
        (marks.tone, marks.marked.filter { $0 != "đ" })
    }

    /// The fix for syllable `mid` between `left` and `right` (entry numbers,
    /// nil at an edge), when the word model makes it much likelier than `mid`.
    /// A bigram model read both ways, smoothed towards each word's own
    /// frequency: P(x | left) beside the left neighbour, P(right | x) beside the
    /// right one (and P(x) at a phrase's start). The fix must win beside every
    /// neighbour it has, and by a wide margin in all, or by a smaller one when the
    /// model counted it between both neighbours together and not the syllable written.
    func contextFix(left: Int?, mid: Int, right: Int?, candidates: () -> [(id: Int, cost: Double)]) -> Int? {
        let bars = contextBars
        let counts = lexicon.pairCounts
        guard left != nil || right != nil else { return nil }
        let before = left.map { counts($0, mid) }
        let after = right.map { counts(mid, $0) }
        // The three as written, counted together: they stand (nil: an edge, or no triples loaded).
        let triple = lexicon.modelTriples == 0 ? nil : left.flatMap { left in right.map { lexicon.hasTriple(left, mid, $0) } }
        if triple == true { return nil }
        // Most syllables make a word with a neighbour: two lookups settle them, unless a
        // fix was counted between both (a slip that fits each neighbour alone).
        let settled = (before ?? bars.known) >= bars.known && (after ?? bars.known) >= bars.known
        if settled && triple == nil { return nil }
        let total = Double(max(lexicon.modelWords, 1))
        let entries = lexicon.entries
        func frequency(_ id: Int) -> Double { id < entries.count ? Double(entries[id].count) : 0 }
        let mu = bars.smoothing
        /// log P(x | left), log P(right | x).
        let unseen = bars.unseen
        func leftScore(_ x: Int, _ left: Int, _ pair: Int) -> Double {
            if let unseen {
                let n = max(frequency(left), 1)
                return log((pair > 0 ? Double(pair) : min(unseen, max(n * frequency(x) / total, 1e-3))) / n)
            }
            return log((Double(pair) + mu * max(frequency(x), 0.5) / total) / (frequency(left) + mu))
        }
        func rightScore(_ x: Int, _ right: Int, _ pair: Int) -> Double {
            if let unseen {
                let n = max(frequency(x), 1)
                return log((pair > 0 ? Double(pair) : min(unseen, max(n * frequency(right) / total, 1e-3))) / n)
            }
            return log((Double(pair) + mu * max(frequency(right), 0.5) / total) / (frequency(x) + mu))
        }
        let midLeft = left.map { leftScore(mid, $0, before ?? 0) }
        let midRight = right.map { rightScore(mid, $0, after ?? 0) }
        let bar = log(left != nil && right != nil ? bars.ratio : bars.edgeRatio)
        var best: (id: Int, score: Double)?
        // Nearest first: past the bar's cost, none is one slip.
        for candidate in candidates() {
            if candidate.cost > bars.cost { break }
            // Counts first: most candidates were never counted beside these neighbours.
            let leftCount = left.map { counts($0, candidate.id) } ?? bars.support
            guard leftCount >= bars.support else { continue }
            let rightCount = right.map { counts(candidate.id, $0) } ?? bars.support
            guard rightCount >= bars.support else { continue }
            let tripled = triple != nil && lexicon.hasTriple(left ?? -1, candidate.id, right ?? -1)
            if settled && !tripled { continue }
            var score = 0.0
            if let left, let midLeft {
                let gain = leftScore(candidate.id, left, leftCount) - midLeft
                guard gain >= bars.side else { continue }
                score += gain
            }
            if let right, let midRight {
                let gain = rightScore(candidate.id, right, rightCount) - midRight
                guard gain >= bars.side else { continue }
                score += gain
            }
            // At a phrase's start P(right | x) leaves out P(x): how often each is written at all.
            if left == nil { score += log(max(frequency(candidate.id), 1) / max(frequency(mid), 1)) }
            // Hỏi for ngã and back is the slip writers make most: a lower bar (the channel's prior).
            var needed = candidate.cost <= Self.hoiNgaCost ? bar - log(bars.hoiNgaPrior) : bar
            if tripled { needed = min(needed, log(bars.tripleRatio)) }
            if score >= needed && score > (best?.score ?? 0) { best = (candidate.id, score) }
        }
        return best?.id
    }

    /// Two spellings of one word that house styles choose between (tỉ/tỷ, lí/lý,
    /// hàng năm/hằng năm's hàng/hằng), not an error for one another.
    func isVariant(_ a: Int, of b: Int) -> Bool {
        let x = lexicon.entries[a].key, y = lexicon.entries[b].key
        func folded(_ s: String) -> String { s.decomposedStringWithCanonicalMapping.replacingOccurrences(of: "y", with: "i") }
        if folded(x) == folded(y) { return true }
        return Self.variantPairs.contains([x, y]) || Self.variantPairs.contains([y, x])
    }

    /// The same syllable with its final i written y or its y written i, after a
    /// consonant (tỉ and tỷ, quĩ and quỹ): nil when it ends otherwise.
    static func iyVariant(_ lower: String) -> String? {
        let pairs: [Character: Character] = ["i": "y", "ì": "ỳ", "í": "ý", "ỉ": "ỷ", "ĩ": "ỹ", "ị": "ỵ",
                                             "y": "i", "ỳ": "ì", "ý": "í", "ỷ": "ỉ", "ỹ": "ĩ", "ỵ": "ị"]
        let letters = Array(lower)
        guard letters.count >= 2, let last = letters.last, let swapped = pairs[last] else { return nil }
        let before = letters[letters.count - 2]
        // After u only in qu (quy, qui): uy and ui are other vowels.
        let consonant = before == "u" ? letters.count == 3 && letters[0] == "q" : Self.vowelRuns(String(before)) == 0
        return consonant ? String(letters.dropLast()) + String(swapped) : nil
    }

    /// Syllables written either way in the same words (hàng năm/hằng năm, giành/dành…).
    static let variantPairs: Set<[String]> = [
        ["hàng", "hằng"], ["giành", "dành"], ["trổ", "trỗ"], ["xả", "sả"], ["dòng", "giòng"], ["gìn", "dìn"],
    ]
}

// MARK: - Foreign words

extension SpellChecker {
    /// Whether a fix among `candidates`, a slip or two away, makes a word the model counted
    /// often with the syllable `before` or `after` it (entry numbers, nil for none): what a
    /// word the English list knows needs to be taken for a slip ("tip tục" for tiếp tục).
    func fitsContext(_ candidates: [Candidate], before: Int?, after: Int?) -> Bool {
        let bars = contextBars
        let entries = lexicon.entries
        /// Counted often, and a share of the first syllable's uses at least.
        func fits(_ first: Int, _ second: Int) -> Bool {
            let count = lexicon.pairCount(first, second)
            return count >= bars.fitting && Double(count) >= bars.fittingShare * Double(first < entries.count ? entries[first].count : 0)
        }
        return candidates.contains { candidate in
            candidate.cost <= bars.fittingCost
                && ((before.map { fits($0, candidate.id) } ?? false) || (after.map { fits(candidate.id, $0) } ?? false))
        }
    }

    /// Whether a word in plain ASCII letters reads as foreign (nil: not plain ASCII).
    func isForeignish(lower: String, id: Int, ascii: Bool) -> Bool? {
        guard ascii else { return nil }
        if ForeignRuns.englishFunctionWords.contains(lower) { return true }
        // A letter alone is a list item or a unit ("g) Tham giz giám sát"), in either language.
        if lower.utf8.count == 1 { return false }
        if lexicon.isAttested(entry: id) { return false }
        return !lexicon.contains(lower: lower)
    }

    /// A word that is no syllable and no slip of one: letters Vietnamese does
    /// not write (ü, ñ, ō…), or plain letters too many for a syllable or with no
    /// attested syllable one letter away once marks are set aside (memory, usd).
    func looksForeign(_ lower: String) -> Bool {
        lexicon.foreign.value(for: lower) { readsForeign(lower) }
    }

    private func readsForeign(_ lower: String) -> Bool {
        var ascii = true
        for scalar in lower.unicodeScalars where !scalar.isASCII {
            ascii = false
            if LetterTable.letter(scalar) == nil && scalar.properties.isAlphabetic { return true }
        }
        // A syllable has one run of vowels; one slip (a letter added or swapped) can make two, never three.
        let vowelRuns = Self.vowelRuns(lower)
        if vowelRuns >= 3 { return true }
        guard ascii else { return false }
        if lower.count > 7 { return true }
        if !lexicon.entries(withSkeleton: lower).isEmpty { return false }
        // Two runs (cache, taxi): a slip only if one letter from a syllable written without marks.
        if vowelRuns == 2 {
            return !Self.edits(of: lower).keys.contains { variant in
                lexicon.entries(withSkeleton: variant).contains { lexicon.entries[$0].key == variant }
            }
        }
        return !Self.edits(of: lower).keys.contains { !lexicon.entries(withSkeleton: $0).isEmpty }
    }

    /// How many runs of vowel letters a word has (estándar: three).
    static func vowelRuns(_ word: String) -> Int {
        var runs = 0, inRun = false
        for scalar in word.unicodeScalars {
            let base = LetterTable.letter(scalar).map { LetterTable.plain($0.base) }
            let vowel = base.map { "aeiouy".unicodeScalars.contains($0) } ?? false
            if vowel && !inRun { runs += 1 }
            inRun = vowel
        }
        return runs
    }
}

// MARK: - The newsroom's words

extension SpellChecker {
    /// The last two syllables of `run`, when neither the newsroom's word list
    /// nor the counted prose knows them as a pair, while one usual slip away
    /// the word list has one ("thực hiên" → thực hiện): the government words
    /// the counted prose may have too rarely to judge.
    func newsroomPair(in run: [Place], previousFlagged: Bool, memo: inout Memo) -> Finding? {
        guard run.count >= 2 else { return nil }
        let first = run[run.count - 2], second = run[run.count - 1]
        guard Self.adjacent(first, second), !second.isName else { return nil }
        let a = first.id, b = second.id
        // The newsroom's pairs are in the counts too (`Lexicon.newsroomPairCount`).
        func isKnown(_ x: Int, _ y: Int, counted: Int) -> Bool { counted >= contextBars.counted || lexicon.isNewsroomPair(x, y) }
        // Most neighbours in prose make a known word: the count the run holds settles them.
        if isKnown(a, b, counted: second.countAfterPrevious) { return nil }
        var firstMayChange = !previousFlagged && !first.isName
        if firstMayChange, run.count >= 3, Self.adjacent(run[run.count - 3], first),
           isKnown(run[run.count - 3].id, a, counted: first.countAfterPrevious) {
            firstMayChange = false
        }
        let pair = a << 32 | b << 1 | (firstMayChange ? 1 : 0)
        let fix: (side: Int, id: Int)?
        if let cached = memo.fixes[pair] {
            fix = cached
        } else {
            guard let one = memo.words[first.facts].syllable, let two = memo.words[second.facts].syllable else { return nil }
            fix = lexicon.pairs.fix(one, two, in: lexicon, firstMayChange: firstMayChange)
            memo.fixes[pair] = .some(fix)
        }
        guard let fix else { return nil }
        let place = fix.side == 0 ? first : second
        // "qui hoạch" is quy hoạch in the other spelling, not a slip.
        guard !isVariant(fix.id, of: place.id) else { return nil }
        let written = memo.words[place.facts].spelling
        return Finding(line: place.line, column: place.column, length: place.length, word: written,
                       kind: .realword, reason: .unlikelyPair,
                       suggestions: [Self.matchCase(of: written, lexicon.entries[fix.id].key, style: style ?? .new)])
    }

    /// Next to each other on a line, one space apart: no punctuation between.
    static func adjacent(_ a: Place, _ b: Place) -> Bool {
        a.line == b.line && b.column == a.column + a.length + 1
    }
}
