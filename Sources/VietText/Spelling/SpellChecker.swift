import Foundation

/// One thing the spell checker has to say about a text.
public struct Finding: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case nonword, realword, style, encoding
    }

    /// Why; the words shown to the user come from the app's string catalogue.
    public enum Reason: String, Sendable {
        case invalidSyllable          // not Vietnamese orthography (vieejt, thàp)
        case unattestedSyllable       // well formed, but no such syllable is written
        case telexLeftover            // keys of an input method left in the text
        case misspelledLoanword       // Facebok
        case confusion                // a real word used for another (sử lý)
        case unlikelyPair             // no known word, one slip from one (thực hiên)
        case mixedToneStyles          // hoà and hòa in one document
        case toneStyle                // not in the house style asked for
        case decomposed               // NFD text
        case legacyEncoding           // TCVN3 or VNI letters pasted from an old Word file (ViÖt, Vieät)
        case repeatedWord             // của của
        case spaceBeforePunctuation   // "bài ,"
        case variantStyle             // hàng năm where the house style writes hằng năm
        case abbreviation             // sv, where official prose writes sinh viên
    }

    public var line: Int
    /// 1-based, in characters.
    public var column: Int
    /// In characters.
    public var length: Int
    public var word: String
    public var kind: Kind
    public var reason: Reason
    public var suggestions: [String]
    /// For mixedToneStyles: how many syllables follow each style.
    public var counts: StyleCounts?
    /// For legacyEncoding: which one.
    public var legacyEncoding: LegacyEncoding?

    public struct StyleCounts: Equatable, Sendable {
        public var old: Int
        public var new: Int
    }
}

/// The Vietnamese spell checker: non-words, real words used wrongly,
/// misspelled loanwords and style notes, with ranked suggestions.
public struct SpellChecker: Sendable {
    public var lexicon: Lexicon
    /// The house tone style; nil accepts both and only notes a mix.
    public var style: ToneStyle?
    /// When the word model flags a real word used for another.
    public var contextBars = ContextBars()
    /// The spellings the house style writes where two are right (`variantChoices`: hằng năm
    /// or hàng năm, tỷ or tỉ), by name; empty accepts both.
    public var preferredVariants: Set<String> = []

    public init(lexicon: Lexicon, style: ToneStyle? = nil) {
        self.lexicon = lexicon
        self.style = style
    }

    /// What a written word is, worked out once per distinct spelling in a text.
    final class WordFacts {
        /// As written in the text.
        let spelling: String
        let lower: String
        /// The same number for the same word, whatever its case or tone style: what the
        /// repeated-word check compares. A syllable's is its entry number.
        let lowerID: Int
        /// A syllable's entry number (the lexicon's, or the check's for one it lacks),
        /// slip signature and parts; nil for a word that is no syllable.
        let syllable: RealWordPairs.Neighbour?
        /// `syllable?.id`, or -1: what the per-token checks read, without copying the syllable.
        let id: Int
        /// Which tone style the spelling follows, where the two differ (hoà, hòa).
        let writtenStyle: ToneStyle?
        /// Neither an attested syllable nor a dictionary word.
        let unknown: Bool
        /// Confusions whose wrong phrase ends with this syllable.
        let confusions: [(wrong: [Int], right: String)]
        /// For `ForeignRuns`: whether it reads as a foreign word (nil: not in plain ASCII letters).
        let foreignish: Bool?
        /// How often the check has met it capitalised inside a sentence.
        var timesAsName = 0

        init(spelling: String, lower: String, lowerID: Int, syllable: RealWordPairs.Neighbour?, writtenStyle: ToneStyle?,
             unknown: Bool, confusions: [(wrong: [Int], right: String)], foreignish: Bool?) {
            self.foreignish = foreignish
            self.spelling = spelling
            self.lower = lower
            self.lowerID = lowerID
            self.syllable = syllable
            self.id = syllable?.id ?? -1
            self.writtenStyle = writtenStyle
            self.unknown = unknown
            self.confusions = confusions
        }
    }

    /// Where a word stands and which it is: what the checks that look back
    /// (repeats, real words in a run) keep of it, without its text.
    struct Place: Equatable {
        var line: Int
        var column: Int
        var length: Int
        var facts: Int
        /// A capital inside a sentence: most often a name, which pairs cannot judge.
        var isName: Bool
        /// The syllable's entry number (-1: no syllable), and in a run how often the word
        /// model counted it after the syllable before: looked up once, read by every check.
        var id = -1
        var countAfterPrevious = 0

        init(_ token: Tokenizer.RawToken, facts: Int) {
            (line, column, length, self.facts) = (token.line, token.column, token.length, facts)
            isName = token.isCapitalised && !token.startsSentence
        }
    }

    /// What a check learns once and looks up after: each distinct spelling's
    /// facts, and each pair of neighbouring syllables' verdict. Prose repeats
    /// its words, so most tokens cost one hash of their bytes.
    struct Memo {
        var words: [WordFacts] = []
        var bySpelling: SpellingTable
        /// Numbers for what the lexicon has no entry for, counted on from its entries.
        var others = SpellingTable()
        let firstOther: Int
        /// By first entry << 32 | second entry << 1 | firstMayChange.
        var fixes: [Int: (side: Int, id: Int)?] = [:]
        /// By facts index: what an unknown word is (nil: nothing wrong with it).
        var verdicts: [Int: Verdict?] = [:]
        /// By facts index: a non-word's candidate fixes, before context ranks them.
        var candidates: [Int: [Candidate]] = [:]
        /// The word model's verdicts on the syllables judged.
        var triples = TripleVerdicts()
        /// By facts index: the frequent name a capitalised word is one slip from, if any.
        var names: [Int: String?] = [:]

        init(lexicon: Lexicon, textSize: Int) {
            firstOther = lexicon.entries.count
            // About one distinct spelling in 40 bytes of prose: grown once, not step by step.
            bySpelling = SpellingTable(capacity: min(textSize / 40, 50_000))
            words.reserveCapacity(min(textSize / 40, 50_000))
        }

        mutating func number(_ text: String) -> Int {
            if let id = others.value(for: text) { return id }
            others.insert(text, value: firstOther + others.count)
            return firstOther + others.count - 1
        }
    }

    /// Whether the syllable at `index` of a run makes a word with each neighbour it has
    /// there, counted `known` times or more: most do, and the word model need not weigh them.
    static func isSettled(_ run: [Place], at index: Int, known: Int) -> Bool {
        let mid = run[index]
        let hasLeft = index > 0 && adjacent(run[index - 1], mid)
        let hasRight = index + 1 < run.count && adjacent(mid, run[index + 1])
        return (!hasLeft || mid.countAfterPrevious >= known) && (!hasRight || run[index + 1].countAfterPrevious >= known)
    }

    /// What is wrong with an unknown word wherever it stands.
    struct Verdict {
        var reason: Finding.Reason
        /// Telex leftovers and loanwords: fixes that need no context. Other
        /// non-words have none here: theirs are ranked where the word stands.
        var suggestions: [String]
        /// A word the English list knows (hey, slot, IBM): a finding only where a fix
        /// one slip away makes a word with a neighbour (`fitsContext`).
        var needsContext = false
    }

    /// A non-word whose fixes wait for the syllable after it.
    private struct Waiting {
        var finding: Int
        var place: Place
        var text: String
        var candidates: [Candidate]
        var before: Int?
        /// A finding to drop unless a fix makes a word with the syllable after it.
        var unconfirmed: Bool
    }

    private func facts(of raw: Tokenizer.RawToken, memo: inout Memo) -> Int {
        if let known = memo.bySpelling.value(for: raw.bytes) { return known }
        let spelling = raw.text
        // Most words are an entry of the lexicon spelt in lower case: one lookup tells all.
        // Others are parsed: odd capitals (vIệt), a syllable the lexicon lacks, no syllable.
        var lower = raw.isCapitalised || raw.kind == .capitals ? spelling.lowercased() : spelling
        var entry = lexicon.entry(spelt: lower)
        let parsed = entry == nil ? Syllable.parse(spelling) : nil
        if parsed != nil { lower = spelling.lowercased() }
        if let parsed, let found = lexicon.entry(spelt: parsed.written(style: .old)) {
            entry = (found.id, parsed.writtenStyle)
        }
        let facts: WordFacts
        let ascii = raw.bytes.allSatisfy { $0 < 0x80 }
        if let entry {
            facts = WordFacts(spelling: spelling, lower: lower, lowerID: entry.id, syllable: lexicon.neighbour(entry.id),
                              writtenStyle: entry.style, unknown: !lexicon.entries[entry.id].attested && !lexicon.contains(lower: lower),
                              confusions: lexicon.confusions[entry.id] ?? [],
                              foreignish: isForeignish(lower: lower, id: entry.id, ascii: ascii))
        } else {
            lower = spelling.lowercased()
            let syllable = parsed.map { syllable -> RealWordPairs.Neighbour in
                let id = memo.number(syllable.written(style: .old))
                return RealWordPairs.Neighbour(id: id, signature: RealWordPairs.signature(syllable), syllable: syllable)
            }
            facts = WordFacts(spelling: spelling, lower: lower, lowerID: syllable?.id ?? memo.number(lower), syllable: syllable,
                              writtenStyle: parsed?.writtenStyle, unknown: !lexicon.contains(lower: lower), confusions: [],
                              foreignish: isForeignish(lower: lower, id: syllable?.id ?? -1, ascii: ascii))
        }
        memo.words.append(facts)
        memo.bySpelling.insert(raw.bytes, value: memo.words.count - 1)
        return memo.words.count - 1
    }

    public func check(_ text: String) -> [Finding] {
        var findings: [Finding] = []
        let plain = Normalization.isPlainlyNFC(text)
        let nfc = plain ? text : Normalization.nfc(text)
        // String equality is canonical equivalence; the scalars tell NFD from NFC.
        if !plain && !nfc.unicodeScalars.elementsEqual(text.unicodeScalars) { findings += decomposedLines(text) }
        // Lines in a legacy encoding get one note each, not a finding a word.
        let legacyLines = legacyEncodedLines(nfc)
        findings += legacyLines.values

        var pass = Pass(checker: self, legacyLines: legacyLines, findings: findings,
                        memo: Memo(lexicon: lexicon, textSize: nfc.utf8.count))
        Tokenizer.forEachRawToken(in: nfc) { pass.read($0) }
        pass.endText()
        pass.foreign.close()
        findings = pass.findings
        let memo = pass.memo, foreign = pass.foreign
        // English words no fix fitted beside either neighbour: left alone. A press abbreviation is a
        // style note naming the words it stands for there, and their second fix where one fitted.
        if !pass.unconfirmed.isEmpty {
            findings = findings.enumerated().compactMap { offset, finding in
                guard pass.unconfirmed.contains(offset) else { return finding }
                guard let expansion = Self.expansion(ofAbbreviation: finding.word) else { return nil }
                return Finding(line: finding.line, column: finding.column, length: finding.length, word: finding.word,
                               kind: .style, reason: .abbreviation, suggestions: [expansion])
            }
        }
        for index in findings.indices where findings[index].kind == .nonword {
            guard let expansion = Self.expansion(ofAbbreviation: findings[index].word), !findings[index].suggestions.contains(expansion) else { continue }
            findings[index].suggestions.insert(expansion, at: min(1, findings[index].suggestions.count))
        }
        // A name written twice or more the same way is a name, not a slip (a misspelling is a one-off).
        if pass.namesSeen {
            findings.removeAll { finding in
                guard finding.kind == .nonword, finding.word.first?.isUppercase == true,
                      let index = memo.bySpelling.value(for: finding.word) else { return false }
                return memo.words[index].timesAsName >= 2
            }
        }
        if !foreign.spans.isEmpty {
            findings.removeAll { finding in
                (finding.kind == .nonword || finding.kind == .realword) && foreign.spans.contains { $0.covers(finding) }
            }
        }
        findings += toneStyleNotes(pass.styled)
        if !preferredVariants.isEmpty { findings += variantNotes(nfc) }
        return findings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// One check's walk through its text: what it keeps from word to word, and
    /// what it does with each. A struct, its steps mutating methods: the same
    /// state in a closure's captured variables paid a run-time exclusivity
    /// check on every read, a third of a check's time.
    private struct Pass {
        let checker: SpellChecker
        let legacyLines: [Int: Finding]
        var findings: [Finding]
        var memo: Memo
        var styled: [(token: Token, syllable: Syllable, style: ToneStyle)] = []
        var previous: (place: Place, text: String?)?  // a word's text is its facts' spelling
        var recent: [Place] = []  // the last words one space apart, for repeats
        var run: [Place] = []  // the last syllables in a row, for real-word errors
        var lastRealWord: Place?  // the syllable the last real-word finding ends on
        var lastSyllable: (place: Place, id: Int)?  // for the fixes of a non-word after it
        var waiting: Waiting?
        var foreign = ForeignRuns()
        var lastConfusion: Finding?
        /// Whether any word stood capitalised inside a sentence (each one counts its own, `timesAsName`).
        var namesSeen = false
        /// A real-word finding waiting for the syllable after its right neighbour (`settleRealWord`).
        var pendingRealWord: (finding: Finding, mid: Int, right: Place)?
        /// Findings (by index) on English words that need a fix fitting a neighbour, none fitting yet.
        var unconfirmed: Set<Int> = []

        init(checker: SpellChecker, legacyLines: [Int: Finding], findings: [Finding], memo: Memo) {
            (self.checker, self.legacyLines, self.findings, self.memo) = (checker, legacyLines, findings, memo)
        }

        /// Judges the syllable at `index` of the run against the word model, with the neighbours it has there.
        mutating func judge(_ index: Int) {
            let mid = run[index]
            guard !mid.isName, mid != lastRealWord else { return }
            // A syllable inside a phrase the confusion table flagged has its fix already.
            if let covered = lastConfusion, covered.line == mid.line, mid.column >= covered.column,
               mid.column < covered.column + covered.length { return }
            let id = mid.id
            let hasLeft = index > 0 && SpellChecker.adjacent(run[index - 1], mid)
            let hasRight = index + 1 < run.count && SpellChecker.adjacent(mid, run[index + 1])
            guard checker.lexicon.isAttested(entry: id) else { return }
            let left = hasLeft ? run[index - 1].id : nil
            let right = hasRight ? run[index + 1].id : nil
            // Prose repeats its phrases: each three syllables are judged once a check.
            let key = TripleVerdicts.key(left, id, right)
            let fix: Int?
            if let known = memo.triples.verdict(key) {
                fix = known
            } else {
                fix = checker.contextFix(left: left, mid: id, right: right) { checker.contextCandidates(of: id) }
                memo.triples.record(key, fix: fix)
            }
            guard let fix else { return }
            // Three as written with the syllable before the left neighbour, counted by the model, stand.
            if checker.contextBars.outer, let left, index >= 2, SpellChecker.adjacent(run[index - 2], run[index - 1]),
               checker.lexicon.hasTriple(run[index - 2].id, left, id) { return }
            let written = memo.words[mid.facts].spelling
            let suggestion = SpellChecker.matchCase(of: written, checker.lexicon.entries[fix].key, style: checker.style ?? .new)
            let finding = Finding(line: mid.line, column: mid.column, length: mid.length, word: written, kind: .realword,
                                  reason: .unlikelyPair, suggestions: [suggestion])
            // So do three with the syllable after the right neighbour: the finding waits for it.
            if checker.contextBars.outer, hasRight {
                pendingRealWord = (finding, id, run[index + 1])
            } else {
                findings.append(finding)
            }
        }

        /// Settles the real-word finding waiting for the syllable `next` (nil: none follows its
        /// right neighbour): three as written that the model counted stand.
        mutating func settleRealWord(next: Place?) {
            guard let pending = pendingRealWord else { return }
            pendingRealWord = nil
            if let next, next.id >= 0, SpellChecker.adjacent(pending.right, next),
               checker.lexicon.hasTriple(pending.mid, pending.right.id, next.id) { return }
            findings.append(pending.finding)
        }
        /// Keeps the finding on an English word when a fix fits the syllables
        /// beside it (`after`: the one after, nil at a phrase's end); drops it otherwise.
        /// A name is judged by the word before it: most words may follow a name (Sa Đéc và).
        mutating func settle(_ waited: Waiting, after: Int?) {
            if checker.fitsContext(waited.candidates, before: waited.before, after: waited.place.isName ? nil : after) {
                unconfirmed.remove(waited.finding)
            }
        }

        /// The text ends: a finding still waiting for the word after it is settled without one.
        mutating func endText() {
            settleRealWord(next: nil)
            endRun()
            if let waited = waiting, waited.unconfirmed { settle(waited, after: nil) }
            waiting = nil
        }

        /// A phrase ends: its last syllable is judged by the neighbour before it alone.
        mutating func endRun() {
            if !run.isEmpty && !SpellChecker.isSettled(run, at: run.count - 1, known: checker.contextBars.known) {
                judge(run.count - 1)
            }
            run.removeAll(keepingCapacity: true)
        }

        /// Reads the next token of the text.
        mutating func read(_ token: Tokenizer.RawToken) {
            var waited: Waiting?
            if waiting != nil { swap(&waited, &waiting) }
            if let waited, waited.unconfirmed,
               !((token.kind == .word || token.kind == .capitals) && SpellChecker.adjacent(waited.place, Place(token, facts: -1))) {
                settle(waited, after: nil)
            }
            if !legacyLines.isEmpty && legacyLines[token.line] != nil {
                settleRealWord(next: nil)
                return
            }
            let index: Int
            switch token.kind {
            case .word, .capitals:
                index = checker.facts(of: token, memo: &memo)
                if pendingRealWord != nil {
                    var next = Place(token, facts: index)
                    next.id = memo.words[index].id
                    settleRealWord(next: next)
                }
                previous = (Place(token, facts: index), nil)
                foreign.read(token, foreignish: memo.words[index].foreignish)
            default:
                settleRealWord(next: nil)
                if token.kind == .punctuation, let previous, previous.place.line == token.line {
                    let text = previous.text ?? memo.words[previous.place.facts].spelling
                    findings.append(checker.spaceBefore(token.token, after: previous.place, written: text))
                }
                previous = (Place(token, facts: -1), token.text)
                recent.removeAll(keepingCapacity: true)
                endRun()
                return
            }
            let word = memo.words[index]
            var place = Place(token, facts: index)
            place.id = word.id
            if place.isName {
                word.timesAsName += 1
                namesSeen = true
            }
            if let waited, word.id >= 0, SpellChecker.adjacent(waited.place, place) {
                findings[waited.finding].suggestions = checker.ranked(waited.candidates, before: waited.before, after: word.id,
                                                              like: waited.text)
            }
            if let waited, waited.unconfirmed, SpellChecker.adjacent(waited.place, place) { settle(waited, after: word.id >= 0 ? word.id : nil) }
            let before = lastSyllable.flatMap { SpellChecker.adjacent($0.place, place) ? $0.id : nil }
            lastSyllable = word.id >= 0 ? (place, word.id) : nil
            // Capitals that are no syllable are an abbreviation (UBND); those that are, a heading (THÔNG BÁO).
            if token.kind == .capitals && word.id < 0 {
                recent.removeAll(keepingCapacity: true)
                endRun()
                return
            }
            if let last = recent.last, !SpellChecker.adjacent(last, place) { recent.removeAll(keepingCapacity: true) }
            recent.append(place)
            // The checks read the last four at most; older ones go sixteen at a time.
            if recent.count > 20 { recent.removeFirst(16) }
            if let finding = checker.repeated(recent, memo: &memo) { findings.append(finding) }
            let isSyllable = word.id >= 0
            if isSyllable, let style = word.writtenStyle, let syllable = word.syllable { styled.append((token.token, syllable.syllable, style)) }
            if !isSyllable || (word.unknown && checker.lexicon.hasSyllables) {
                // A non-word breaks the run; its fixes wait for the word after it.
                if let unknown = checker.checkUnknown(token.token, index: index, before: before, memo: &memo) {
                    findings.append(unknown.finding)
                    // Settled once the word after it is read (or none is).
                    if unknown.needsContext { unconfirmed.insert(findings.count - 1) }
                    waiting = unknown.waiting.map {
                        Waiting(finding: findings.count - 1, place: place, text: unknown.finding.word, candidates: $0, before: before,
                                unconfirmed: unknown.needsContext)
                    }
                    endRun()
                    return
                }
                if !isSyllable {
                    endRun()
                    return
                }
            }
            // A syllable written as a name, though the counted prose never does, one slip from a frequent name (Trầng).
            if place.isName, place.length > 1, checker.lexicon.entries.indices.contains(word.id),
               checker.lexicon.entries[word.id].capitals < SpellChecker.nameBars.rare,
               let name = checker.misspeltName(index, memo: &memo) {
                findings.append(Finding(line: place.line, column: place.column, length: place.length, word: word.spelling,
                                        kind: .nonword, reason: .unattestedSyllable, suggestions: [name]))
            }
            if let last = run.last, !SpellChecker.adjacent(last, place) { endRun() }
            if let last = run.last { place.countAfterPrevious = checker.lexicon.pairCount(last.id, place.id) }
            run.append(place)
            if run.count > 20 { run.removeFirst(20 - Confusions.longest) }
            let previousFlagged = run.count >= 2 && lastRealWord == run[run.count - 2]
            if let finding = (word.confusions.isEmpty ? nil : checker.confusion(in: run, memo: &memo))
                ?? checker.newsroomPair(in: run, previousFlagged: previousFlagged, memo: &memo) {
                findings.append(finding)
                lastRealWord = place
                lastConfusion = finding
            }
            // Asked here, not in `judge`: what a nested function reads pays a run-time exclusivity check.
            if run.count >= 2 && !SpellChecker.isSettled(run, at: run.count - 2, known: checker.contextBars.known) { judge(run.count - 2) }
        }
    }

    // MARK: - Words

    /// A word neither attested nor in the dictionary: a Telex leftover, a
    /// misspelt loanword or a non-word, unless it is most likely a name. A
    /// non-word's fixes are ranked with the syllable `before` it; the
    /// candidates come back to be ranked again once the one after it is read.
    private func checkUnknown(_ token: Token, index: Int, before: Int?, memo: inout Memo)
        -> (finding: Finding, waiting: [Candidate]?, needsContext: Bool)? {
        let verdict: Verdict?
        if let known = memo.verdicts[index] {
            verdict = known
        } else {
            verdict = self.verdict(on: token.text, facts: memo.words[index])
            memo.verdicts[index] = .some(verdict)
        }
        guard let verdict else { return nil }
        if token.isCapitalised && (verdict.reason == .unattestedSyllable || verdict.reason == .invalidSyllable) {
            // A capitalised word inside a sentence is most often a name the lexicon cannot know,
            // unless one slip from a frequent name (Nguyêễn, Huỳng); one in plain letters that
            // is no syllable and no near loanword, a foreign name.
            if !token.startsSentence {
                guard token.length > 1, !looksForeign(memo.words[index].lower), let name = misspeltName(index, memo: &memo)
                else { return nil }
                // An English word (Dec, Jan) is a misspelt name only beside words the name makes one with.
                let waiting = verdict.needsContext ? lexicon.entry(spelt: name.lowercased()).map { [Candidate(key: name, id: $0.id, cost: 0)] } : nil
                return (Finding(line: token.line, column: token.column, length: token.length, word: token.text,
                                kind: .nonword, reason: verdict.reason, suggestions: [name]), waiting, verdict.needsContext)
            }
            if verdict.reason == .invalidSyllable && token.text.unicodeScalars.allSatisfy(\.isASCII) { return nil }
        }
        guard verdict.suggestions.isEmpty else {
            // A Telex reading that is English too waits for the word after it, with its syllable alone.
            let composed = verdict.needsContext ? verdict.suggestions.first.flatMap { lexicon.entry(spelt: $0.lowercased()) } : nil
            return (Finding(line: token.line, column: token.column, length: token.length, word: token.text,
                            kind: .nonword, reason: verdict.reason, suggestions: verdict.suggestions),
                    composed.map { [Candidate(key: lexicon.entries[$0.id].key, id: $0.id, cost: 0)] }, verdict.needsContext)
        }
        let candidates = memo.candidates[index] ?? candidates(for: token.text)
        memo.candidates[index] = candidates
        // Two runs of vowels and no syllable a slip away: a loanword written as one word
        // (nilông, ăcqui, hănggô), not a typo of a syllable.
        if candidates.isEmpty && verdict.reason == .invalidSyllable && Self.vowelRuns(memo.words[index].lower) >= 2 { return nil }
        return (Finding(line: token.line, column: token.column, length: token.length, word: token.text, kind: .nonword,
                        reason: verdict.reason, suggestions: ranked(candidates, before: before, after: nil, like: token.text)),
                candidates, verdict.needsContext)
    }

    /// The words a press abbreviation written in lower case stands for (sv: sinh viên); nil for
    /// any other word, a capitalised one included (a name or a heading's word).
    private static func expansion(ofAbbreviation word: String) -> String? {
        guard word.first?.isLowercase == true else { return nil }
        return NewsroomDictionary.pressAbbreviations[word.lowercased()]
    }

    /// What `checkUnknown` finds of a word wherever it stands; nil when it is fine.
    private func verdict(on word: String, facts: WordFacts) -> Verdict? {
        // One letter alone is a list item (a, b), a unit (m) or a sign (x), not a misspelling.
        if facts.syllable == nil && (word.count == 1 || lexicon.contains(lower: facts.lower)) { return nil }
        // A word the counted prose writes often in lower case, no syllable, is a loanword (taxi,
        // kilômet, ôtô); written with a capital it may be a misspelt name.
        if facts.syllable == nil, word.first?.isLowercase == true, lexicon.isCountedLoanword(facts.lower) { return nil }
        // Keys that compose a Vietnamese syllable are a Telex leftover before they are a loanword
        // typo ("Thur" is Thủ, not "tour"), even when they spell a syllable of their own (khoong).
        if let composed = telexReading(word) {
            // Unless it is English too (Mar, bus): then only where the syllable fits ("Thur trưởng").
            return Verdict(reason: .telexLeftover,
                           suggestions: [composed] + suggestions(for: word).filter { $0 != composed }.prefix(3),
                           needsContext: lexicon.isEnglish(word))
        }
        if facts.syllable == nil, let loan = closestLoanword(facts.lower) {
            return Verdict(reason: .misspelledLoanword, suggestions: [loan])
        }
        // A word the English list knows (hey, slot, Dec, IBM), not a slip of the newsroom's loanwords
        // (logistic for logistics), or a press abbreviation (sv, đt), is a slip only where a fix fits
        // its neighbours (`fitsContext`).
        let abbreviation = Self.expansion(ofAbbreviation: word) != nil
        if abbreviation || lexicon.isEnglish(word) {
            if !abbreviation && facts.syllable == nil && looksForeign(facts.lower) { return nil }
            return Verdict(reason: facts.syllable == nil ? .invalidSyllable : .unattestedSyllable, suggestions: [], needsContext: true)
        }
        if facts.syllable == nil && looksForeign(facts.lower) { return nil }
        // A syllable its other i/y spelling attests is a variant (quĩ beside quỹ), not a typo;
        // a name keeps its own spelling (Mý is a slip of Mỹ).
        if facts.syllable != nil, word.first?.isLowercase == true, let other = Self.iyVariant(facts.lower), let id = lexicon.entry(spelt: other)?.id,
           lexicon.isAttested(entry: id) { return nil }
        return Verdict(reason: facts.syllable == nil ? .invalidSyllable : .unattestedSyllable, suggestions: [])
    }

    /// The word read as Telex keys, when that gives an attested syllable ("vieejt" → "việt").
    func telexReading(_ word: String) -> String? {
        guard word.count >= 2 else { return nil }
        // Keys left as typed come from a keyboard not set to Vietnamese: a word bearing
        // marks was typed with it on, and a letter after them is a slip (Bìnj, đĩz).
        if !word.unicodeScalars.allSatisfy(\.isASCII) { return nil }
        var composer = WordComposer(method: .telex, style: style ?? .new)
        for key in word { composer.type(key) }
        let composed = composer.text
        guard composed != word, let key = Lexicon.syllableKey(composed), lexicon.isAttested(syllableKey: key) else { return nil }
        return composed
    }

    private func closestLoanword(_ lower: String) -> String? {
        lower.count >= 4 ? lexicon.loanwords.value(for: lower) { nearestLoanword(lower) } : nil
    }

    private func nearestLoanword(_ lower: String) -> String? {
        var best: (String, Int)?
        for candidate in lexicon.words.keys where abs(candidate.count - lower.count) <= 2 && candidate.count >= 4 {
            let d = Self.editDistance(lower, candidate, limit: 2)
            if d > 0 && d <= (lower.count >= 7 ? 2 : 1) && (best == nil || d < best!.1) { best = (candidate, d) }
        }
        return best.map { lexicon.words[$0.0] ?? $0.0 }
    }

    // MARK: - Real words used wrongly

    /// The phrase ending at the last syllable of `run`, when it is a known confusion.
    private func confusion(in run: [Place], memo: inout Memo) -> Finding? {
        guard let last = run.last else { return nil }
        for candidate in memo.words[last.facts].confusions where run.count >= candidate.wrong.count {
            let window = run.suffix(candidate.wrong.count)
            guard let first = window.first, first.line == last.line, zip(window, candidate.wrong).allSatisfy({ memo.words[$0.facts].id == $1 })
            else { continue }
            let written = window.map { memo.words[$0.facts].spelling }.joined(separator: " ")
            return Finding(line: first.line, column: first.column, length: last.column + last.length - first.column,
                           word: written, kind: .realword, reason: .confusion,
                           suggestions: [Self.matchCase(of: written, candidate.right, style: style ?? .new)])
        }
        return nil
    }

    /// `replacement` (lower case) in the tone style asked for and in the case
    /// of `original`: all capitals (SỬ LÝ → XỬ LÝ), a capital first, or none.
    static func matchCase(of original: String, _ replacement: String, style: ToneStyle) -> String {
        let words = replacement.split(separator: " ").map { Syllable.parse(String($0))?.written(style: style) ?? String($0) }
        let text = words.joined(separator: " ")
        let letters = original.filter(\.isLetter)
        if letters.count > 1 && letters.allSatisfy(\.isUppercase) { return text.uppercased() }
        if original.first?.isUppercase == true, let first = text.first { return String(first).uppercased() + text.dropFirst() }
        return text
    }

    // MARK: - Style

    private func toneStyleNotes(_ styled: [(token: Token, syllable: Syllable, style: ToneStyle)]) -> [Finding] {
        if let style {
            return styled.filter { $0.style != style }.map { item in
                let capitals = item.token.text.map(\.isUppercase)
                return Finding(line: item.token.line, column: item.token.column, length: item.token.length,
                               word: item.token.text, kind: .style, reason: .toneStyle,
                               suggestions: [item.syllable.written(style: style, capitals: capitals)])
            }
        }
        let old = styled.filter { $0.style == .old }
        let new = styled.filter { $0.style == .new }
        guard !old.isEmpty, !new.isEmpty else { return [] }
        // One note, at the first syllable of the style used less.
        let minority = old.count <= new.count ? old : new
        let majority: ToneStyle = old.count <= new.count ? .new : .old
        let item = minority[0]
        return [Finding(line: item.token.line, column: item.token.column, length: item.token.length,
                        word: item.token.text, kind: .style, reason: .mixedToneStyles,
                        suggestions: [item.syllable.written(style: majority, capitals: item.token.text.map(\.isUppercase))],
                        counts: Finding.StyleCounts(old: old.count, new: new.count))]
    }

    /// One finding for each line holding words in the legacy encoding the text is detected to be in.
    private func legacyEncodedLines(_ text: String) -> [Int: Finding] {
        guard let encoding = LegacyEncoding.detect(text) else { return [:] }
        var found: [Int: Finding] = [:]
        for (index, line) in text.textLines.enumerated() {
            guard let first = encoding.firstEncodedWord(in: line) else { continue }
            found[index + 1] = Finding(line: index + 1, column: first.column, length: first.word.count, word: first.word,
                                       kind: .encoding, reason: .legacyEncoding,
                                       suggestions: [encoding.convert(first.word)], legacyEncoding: encoding)
        }
        return found
    }

    private func decomposedLines(_ text: String) -> [Finding] {
        var findings: [Finding] = []
        for (index, line) in text.textLines.enumerated() {
            let s = String(line)
            guard !Normalization.isNFC(s) else { continue }
            // The first character whose scalars change under NFC.
            var column = 1
            var word = ""
            for ch in s {
                if !Normalization.isNFC(String(ch)) {
                    word = String(ch)
                    break
                }
                column += 1
            }
            findings.append(Finding(line: index + 1, column: column, length: 1, word: word, kind: .encoding,
                                    reason: .decomposed, suggestions: [Normalization.nfc(word)]))
        }
        return findings
    }

    /// "đồng ," → "đồng,".
    private func spaceBefore(_ mark: Token, after previous: Place, written: String) -> Finding {
        Finding(line: mark.line, column: previous.column, length: mark.column + 1 - previous.column,
                word: written + " " + mark.text, kind: .style, reason: .spaceBeforePunctuation,
                suggestions: [written + mark.text])
    }

    /// A word or a two-word phrase typed twice (của của; nội dung nội dung),
    /// ending at the last of `recent`: both copies, with the one to keep as the fix.
    private func repeated(_ recent: [Place], memo: inout Memo) -> Finding? {
        let n = recent.count
        func id(_ i: Int) -> Int { memo.words[recent[i].facts].lowerID }
        let size: Int
        if n >= 2 && id(n - 2) == id(n - 1) {
            guard !Self.reduplications.contains(memo.words[recent[n - 1].facts].lower) else { return nil }
            // Reduplicatives the counted prose writes (xanh xanh, đều đều, từ từ) are words, not slips.
            let id = memo.words[recent[n - 1].facts].id
            if id >= 0 && id < lexicon.entries.count, lexicon.pairCount(id, id) >= Self.reduplicativeCount,
               lexicon.pairCount(id, id) * 1_000 >= lexicon.entries[id].count {
                return nil
            }
            size = 1
        } else if n >= 4 && id(n - 4) == id(n - 2) && id(n - 3) == id(n - 1) {
            size = 2
        } else {
            return nil
        }
        let copies = recent.suffix(2 * size)
        guard let first = copies.first, let last = copies.last else { return nil }
        let words = copies.map { memo.words[$0.facts].spelling }
        return Finding(line: first.line, column: first.column, length: last.column + last.length - first.column,
                       word: words.joined(separator: " "), kind: .style, reason: .repeatedWord,
                       suggestions: [words.prefix(size).joined(separator: " ")])
    }

    /// A syllable the counted prose doubles this often, and once in a thousand uses or
    /// more, is a reduplicative (xanh xanh, đều đều); "và và" is a slip the prose kept.
    static let reduplicativeCount = 3

    /// Words Vietnamese doubles on purpose (ngày ngày, dần dần, người người).
    static let reduplications: Set<String> = [
        "từ", "dần", "ngày", "người", "nhà", "đời", "mãi", "đâu", "ai", "gì", "thường", "xa", "năm", "tháng", "lâu",
        "đêm", "chiều", "sáng", "trưa", "tối", "vừa", "nhiều", "ít", "khắp", "cao", "thật", "đều", "chầm", "lần", "nơi",
        "luôn", "riêng", "rồi", "đang", "hàng", "tầng", "lớp", "đợt", "bước", "chút", "xanh", "đỏ", "vàng", "trắng",
    ]
}
