import Foundation

/// What the spell checker knows is written: attested syllables, single
/// words outside the syllable grammar (loanwords, brand names, abbreviations),
/// the pairs of syllables the newsroom's words are made of and the real
/// words written for others (sử lý).
///
/// Syllables are numbered: each one the lexicon meets (attested, or only in
/// its word pairs and confusions) is an `Entry` with its parts worked out
/// once, found from its spelling in one lookup. The checker then judges
/// pairs by number, never parsing a known word again.
public struct Lexicon: Sendable {
    /// A syllable the lexicon knows, by number.
    struct Entry: Sendable {
        /// Lower case, old tone style: the form syllables are compared in.
        var key: String
        var syllable: Syllable
        var signature: Int
        /// In a dictionary (hunspell-vi, the newsroom's, the user's), not only in a word pair.
        var attested: Bool
        /// How many of the newsroom's words it is found in: the frequency list
        /// that breaks ties between equally near fixes.
        var uses = 0
        /// How often the word model's prose writes it, and how often with a
        /// capital inside a sentence (a name: Nguyễn, Huỳnh, Quảng).
        var count = 0
        var capitals = 0
    }

    /// The tables, shared between copies until one changes: a checker and
    /// its copies (one a closure, one a check) cost one reference each.
    ///
    /// A check reads these for every word; only a lexicon that owns them alone
    /// (`owned()`) changes them, so no access overlaps a change and the run-time
    /// exclusivity check (a tenth of a check's time) is left out.
    private final class Tables: @unchecked Sendable {
        @exclusivity(unchecked) var entries: [Entry] = []
        /// Lower-case spellings (the key, and the new-style spelling where the
        /// styles differ) to entry number << 2 | the style written (0 either, 1 old, 2 new).
        @exclusivity(unchecked) var bySpelling = SpellingTable()
        var attestedCount = 0
        @exclusivity(unchecked) var words: [String: String] = [:]
        /// Attested entries by their letters without marks ("viet": việt, viết…).
        @exclusivity(unchecked) var bySkeleton: [String: [Int]] = [:]
        @exclusivity(unchecked) var pairs = RealWordPairs()
        @exclusivity(unchecked) var confusions: [Int: [(wrong: [Int], right: String)]] = [:]
        /// Neighbouring syllables counted in the word model's prose.
        @exclusivity(unchecked) var pairCounts = PairCounts()
        /// Three syllables in a row the word model's prose has 5 times or more.
        @exclusivity(unchecked) var triples = TripleSet()
        var modelWords = 0
        /// Words that are no syllable the counted prose writes in lower case often (taxi, kilômet).
        @exclusivity(unchecked) var countedLoanwords: Set<String> = []
        /// The English word list foreign words are read against (none by default; read when first asked).
        var english = EnglishWords(path: nil)
        /// Each syllable's one-slip neighbours, worked out once for every check that shares the tables.
        let slipNeighbours = SharedCache<Int, [(id: Int, cost: Double)]>()
        /// Each word's nearest loanword, whether it reads as foreign and the syllables near it, the same.
        let loanwords = SharedCache<String, String?>(limit: Lexicon.wordCacheLimit)
        let foreign = SharedCache<String, Bool>(limit: Lexicon.wordCacheLimit)
        let candidates = SharedCache<String, [SpellChecker.Candidate]>(limit: Lexicon.wordCacheLimit)

        func copy() -> Tables {
            let copy = Tables()
            (copy.entries, copy.bySpelling, copy.attestedCount, copy.words) = (entries, bySpelling, attestedCount, words)
            (copy.bySkeleton, copy.pairs, copy.confusions) = (bySkeleton, pairs, confusions)
            (copy.pairCounts, copy.modelWords, copy.countedLoanwords) = (pairCounts, modelWords, countedLoanwords)
            (copy.triples, copy.english) = (triples, english)
            return copy
        }
    }

    private var tables = Tables()

    /// The tables, copied first if another lexicon shares them.
    private mutating func owned() -> Tables {
        if !isKnownUniquelyReferenced(&tables) {
            tables = tables.copy()
        } else {
            // What the caches hold follows from the tables as they were.
            tables.slipNeighbours.removeAll()
            tables.loanwords.removeAll()
            tables.foreign.removeAll()
            tables.candidates.removeAll()
        }
        return tables
    }

    var entries: [Entry] { tables.entries }
    /// How many syllables the dictionaries attest.
    public var attestedCount: Int { tables.attestedCount }
    /// Dictionary words that are no Vietnamese syllable, by their lower case
    /// (website, zalo, ipv6), to the spelling suggestions use (Facebook, IPv6).
    public var words: [String: String] { tables.words }
    /// The pairs of neighbouring syllables the newsroom's words are made of,
    /// against which real words used wrongly are judged (thực hiên → thực hiện).
    var pairs: RealWordPairs { tables.pairs }
    /// Known confusions by the entry of the last syllable of their wrong phrase, longest first.
    var confusions: [Int: [(wrong: [Int], right: String)]] { tables.confusions }
    /// How often two syllables stood side by side in the word model's prose.
    var pairCounts: PairCounts { tables.pairCounts }
    /// Each syllable's one-slip neighbours, found once and kept.
    var slipNeighbours: SharedCache<Int, [(id: Int, cost: Double)]> { tables.slipNeighbours }
    /// Each word's nearest loanword, found once and kept.
    var loanwords: SharedCache<String, String?> { tables.loanwords }
    /// Whether each word reads as foreign, found once and kept.
    var foreign: SharedCache<String, Bool> { tables.foreign }
    /// The attested syllables near each word, with their costs, found once and kept.
    var candidates: SharedCache<String, [SpellChecker.Candidate]> { tables.candidates }
    /// How often `first` came before `second` in the word model's prose. Read in place:
    /// `pairCounts` hands out a copy, which costs two references a call.
    func pairCount(_ first: Int, _ second: Int) -> Int { tables.pairCounts(first, second) }
    /// Whether the word model counted entries `a`, `b`, `c` in a row often, read in place.
    func hasTriple(_ a: Int, _ b: Int, _ c: Int) -> Bool { tables.triples.contains(a, b, c) }
    /// Whether the English word list knows `word` (plain letters; the list is read when first asked).
    func isEnglish(_ word: String) -> Bool { tables.english.knows(word) }
    /// How many three syllables in a row the word model holds (0: none loaded).
    public var modelTriples: Int { tables.triples.count }
    /// Whether the newsroom's word list has the two entries as a pair, read in place.
    func isNewsroomPair(_ first: Int, _ second: Int) -> Bool { tables.pairs.isKnown(first, second) }
    /// Whether entry `id` (any number, -1 for none) is an attested syllable.
    func isAttested(entry id: Int) -> Bool { id >= 0 && id < tables.entries.count && tables.entries[id].attested }
    /// How many words of prose the word model was counted from (0: no model loaded).
    public var modelWords: Int { tables.modelWords }

    public init() {}

    /// Where Debian's hunspell-vi keeps its word list.
    public static let hunspellDictionary = "/usr/share/hunspell/vi_VN.dic"

    /// Where Debian's wamerican keeps its English word list.
    public static let englishWordList = EnglishWords.debianList

    /// The lexicon bientap checks with: Debian's hunspell-vi syllables (when
    /// installed), the newsroom dictionary and words shipped with bientap, the
    /// confusion table, the user's dictionary, and Debian's English word list
    /// (when installed) for the foreign words a text quotes.
    public static func standard(hunspell: String? = hunspellDictionary, user: String? = nil) -> Lexicon {
        var lexicon = standard(hunspell: hunspell, user: user, model: bundledModel)
        lexicon.readEnglish(from: englishWordList)
        return lexicon
    }

    /// Reads words in plain letters that are no Vietnamese against the English word list at
    /// `path` (nil: none): read on the first word that asks, so the load does not pay for it.
    public mutating func readEnglish(from path: String?) {
        owned().english = EnglishWords(path: path)
    }

    /// The same with the word model read from `model` (nil: none).
    public static func standard(hunspell: String?, user: String?, model: String?) -> Lexicon {
        var lexicon = Lexicon()
        // hunspell-vi attests some 6,600 syllables, the word model as many, mostly the same; grown once.
        lexicon.tables.entries.reserveCapacity(9_000)
        lexicon.tables.bySpelling = SpellingTable(capacity: 9_500)
        lexicon.tables.bySkeleton.reserveCapacity(3_500)
        if let hunspell, let text = try? String(contentsOfFile: hunspell, encoding: .utf8) {
            // The first line of a .dic file is its entry count.
            lexicon.add(dictionary: text, skippingFirstLine: true)
        }
        if let model, let data = FileManager.default.contents(atPath: model) {
            // The triples sit beside the model (vi-triples.bin by vi-model.txt).
            let triples = URL(fileURLWithPath: model).deletingLastPathComponent().appendingPathComponent(Self.triplesFile).path
            lexicon.add(model: data, triples: FileManager.default.contents(atPath: triples))
        }
        lexicon.add(dictionary: NewsroomDictionary.text)
        if let user, let text = try? String(contentsOfFile: user, encoding: .utf8) {
            lexicon.add(dictionary: text)
        }
        for phrase in NewsroomWords.entries {
            let ids = phrase.map { lexicon.entryID(for: $0, attested: false) }
            lexicon.tables.pairs.add(phrase: ids.map { lexicon.neighbour($0) })
            for id in ids { lexicon.tables.entries[id].uses += 1 }
            // A newsroom word is a known word however rarely the counted prose has it.
            for (first, second) in zip(ids, ids.dropFirst()) {
                lexicon.tables.pairCounts.add(first, second, Self.newsroomPairCount)
            }
        }
        for confusion in Confusions.entries {
            let wrong = confusion.wrong.map { lexicon.entryID(for: $0, attested: false) }
            lexicon.tables.confusions[wrong.last!, default: []].append((wrong, confusion.right))
        }
        lexicon.tables.confusions = lexicon.confusions.mapValues { $0.sorted { $0.wrong.count > $1.wrong.count } }
        return lexicon
    }

    /// How many words each cache keyed by a text's words holds at most (a few MB).
    static let wordCacheLimit = 20_000

    /// What a pair of the newsroom's word list counts for in the word model.
    static let newsroomPairCount = 20

    /// The word model's triples, beside it.
    static let triplesFile = "vi-triples.bin"

    /// Where the word model built by Scripts/spelling-model.py is: beside the
    /// program (SwiftPM's resource folder), else in the source tree it was built from.
    public static var bundledModel: String? {
        let name = "vi-model.txt"
        let program = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        let places = [
            Bundle.main.bundleURL.appendingPathComponent("bientap_VietText.resources/" + name),
            program.appendingPathComponent("bientap_VietText.resources/" + name),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Resources/" + name),
        ]
        return places.first { FileManager.default.fileExists(atPath: $0.path) }?.path
    }

    /// Adds the word model (Scripts/spelling-model.py): its syllables, attested,
    /// with their counts, and the counts of the pairs they make. Lines:
    /// comments (#), "syllables pairs attested loanwords", one "syllable count capitals" a
    /// syllable (attested when written in lower case `attested` times or more), one "word count" a
    /// loanword (a word no syllable the prose writes in lower case often), then "=first" before the "step count" of the pairs it starts,
    /// both by their line among the syllables, the second as the step from the one before it in the run. Read as bytes: a few
    /// hundred thousand numbers cost little that way.
    /// With `triples`, the three syllables in a row the model counted often (`TripleSet`).
    public mutating func add(model data: Data, triples: Data? = nil) {
        // Unshared from here on: `entryID` and the lines below change the tables in place.
        _ = owned()
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            func skipLine() {
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                i += 1
            }
            func number() -> Int {
                while i < bytes.count && bytes[i] == 0x20 { i += 1 }
                var value = 0
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                    value = value * 10 + Int(bytes[i] - 0x30)
                    i += 1
                }
                return value
            }
            while i < bytes.count && bytes[i] == 0x23 {
                // "# bientap Vietnamese word model: N words counted."
                let start = i
                skipLine()
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(i, bytes.count)]), as: UTF8.self)
                if let colon = line.firstIndex(of: ":"), tables.modelWords == 0 {
                    tables.modelWords = Int(line[line.index(after: colon)...].prefix { $0 == " " || $0.isNumber }
                        .trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            let syllableCount = number()
            let pairCount = number()
            let floor = number()
            let loanwordCount = number()
            skipLine()
            // With a dictionary read first, a syllable in plain letters that it lacks is a
            // foreign word the pages quote (at, it, lot, queen), not one Vietnamese writes.
            let hadInventory = tables.attestedCount > 0
            func isForeign(_ spelling: UnsafeBufferPointer<UInt8>) -> Bool {
                guard spelling.allSatisfy({ $0 < 0x80 }) else { return false }
                // Unless the dictionary writes it with y for i or i for y (qui, quy).
                let swapped = spelling.map { $0 == 0x69 ? 0x79 : $0 == 0x79 ? 0x69 : $0 }
                return swapped.withUnsafeBufferPointer { tables.bySpelling.value(for: $0) } == nil
            }
            var ids = [Int](repeating: -1, count: syllableCount)
            tables.pairCounts = PairCounts(capacity: pairCount + 4_096)
            for n in 0..<syllableCount where i < bytes.count {
                let start = i
                while i < bytes.count && bytes[i] != 0x20 && bytes[i] != 0x0A { i += 1 }
                let spelling = UnsafeBufferPointer(rebasing: bytes[start..<i])
                let count = number(), capitals = number()
                skipLine()
                let id: Int
                let attested = count - capitals >= floor
                if let found = tables.bySpelling.value(for: spelling) {
                    id = found >> 2
                    if attested && !tables.entries[id].attested { _ = entryID(for: tables.entries[id].syllable, attested: true) }
                } else if let syllable = Syllable.parse(String(decoding: spelling, as: UTF8.self)) {
                    id = entryID(for: syllable, attested: attested && !(hadInventory && isForeign(spelling)))
                } else {
                    continue
                }
                ids[n] = id
                tables.entries[id].count += count
                tables.entries[id].capitals += capitals
            }
            for _ in 0..<loanwordCount where i < bytes.count {
                let start = i
                while i < bytes.count && bytes[i] != 0x20 && bytes[i] != 0x0A { i += 1 }
                tables.countedLoanwords.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                skipLine()
            }
            var first = -1, second = 0
            while i < bytes.count {
                if bytes[i] == 0x3D {  // "="
                    i += 1
                    let n = number()
                    first = n < ids.count ? ids[n] : -1
                    second = 0
                } else {
                    // The second syllable is written as the step from the run's previous one.
                    second += number()
                    let count = number()
                    if first >= 0, second < ids.count, ids[second] >= 0 { tables.pairCounts.add(first, ids[second], count) }
                }
                skipLine()
            }
            if let triples, let read = TripleSet(data: triples, entries: ids) { tables.triples = read }
        }
    }

    /// Adds the entries of a dictionary file: one entry a line, `#` starts a
    /// comment, an entry of several words adds each of them. Read byte by
    /// byte: separators are ASCII, and walking by `Character` would cost more
    /// than everything else the load does.
    public mutating func add(dictionary text: String, skippingFirstLine: Bool = false) {
        let bytes = Array(text.utf8)
        var i = 0
        if skippingFirstLine { while i < bytes.count && bytes[i] != 0x0A { i += 1 } }
        var inComment = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D { inComment = false; i += 1; continue }
            if inComment || byte == 0x20 || byte == 0x09 { i += 1; continue }
            if byte == 0x23 { inComment = true; i += 1; continue }  // #
            let start = i
            while i < bytes.count && ![0x0A, 0x0D, 0x20, 0x09, 0x23].contains(bytes[i]) { i += 1 }
            add(word: Normalization.nfc(String(decoding: bytes[start..<i], as: UTF8.self)))
        }
    }

    public mutating func add(word: String) {
        guard !word.isEmpty else { return }
        if let syllable = Syllable.parse(word) {
            _ = entryID(for: syllable, attested: true)
        } else {
            let lower = word.lowercased()
            let tables = owned()
            if tables.words[lower] == nil { tables.words[lower] = word }
        }
    }

    /// The number of `syllable`'s entry, made when it is new; `attested`
    /// marks it as written in a dictionary.
    private mutating func entryID(for syllable: Syllable, attested: Bool) -> Int {
        let tables = owned()
        let key = syllable.written(style: .old)
        if let found = tables.bySpelling.value(for: key) {
            let id = found >> 2
            if attested && !tables.entries[id].attested {
                tables.entries[id].attested = true
                tables.attestedCount += 1
                tables.bySkeleton[Diacritics.searchKey(key), default: []].append(id)
            }
            return id
        }
        let id = tables.entries.count
        tables.entries.append(Entry(key: key, syllable: syllable, signature: RealWordPairs.signature(syllable), attested: attested))
        let positions = syllable.tonePositions()
        if syllable.tone != .level && positions.old != positions.new {
            tables.bySpelling.insert(key, value: id << 2 | 1)
            tables.bySpelling.insert(syllable.written(style: .new), value: id << 2 | 2)
        } else {
            tables.bySpelling.insert(key, value: id << 2)
        }
        if attested {
            tables.attestedCount += 1
            tables.bySkeleton[Diacritics.searchKey(key), default: []].append(id)
        }
        return id
    }

    private mutating func entryID(for key: String, attested: Bool) -> Int {
        if let found = tables.bySpelling.value(for: key) { return found >> 2 }
        guard let syllable = Syllable.parse(key) else {
            preconditionFailure("bientap's own word lists hold syllables only: \(key)")
        }
        return entryID(for: syllable, attested: attested)
    }

    /// The entry spelt so (lower case, NFC, either tone style) and the style
    /// its tone mark follows, if the two differ for it.
    func entry(spelt lower: String) -> (id: Int, style: ToneStyle?)? {
        guard let found = tables.bySpelling.value(for: lower) else { return nil }
        return (found >> 2, found & 3 == 1 ? .old : found & 3 == 2 ? .new : nil)
    }

    /// Entry `id` as a candidate of the pair model.
    func neighbour(_ id: Int) -> RealWordPairs.Neighbour {
        let entry = tables.entries[id]
        return RealWordPairs.Neighbour(id: id, signature: entry.signature, syllable: entry.syllable)
    }

    /// The form syllables are compared in: lower case, old tone style; nil when not a syllable.
    public static func syllableKey(_ word: String) -> String? {
        guard let syllable = Syllable.parse(word) else { return nil }
        return syllable.written(style: .old)
    }

    public var hasSyllables: Bool { tables.attestedCount > 0 }

    public func isAttested(syllableKey key: String) -> Bool {
        entry(spelt: key).map { tables.entries[$0.id].attested } ?? false
    }

    /// Whether the counted prose writes this (lower-case) word, no syllable, often: a loanword.
    func isCountedLoanword(_ lower: String) -> Bool { tables.countedLoanwords.contains(lower) }

    /// Whether the dictionary has this (lower-case) word.
    public func contains(lower: String) -> Bool { tables.words[lower] != nil }

    /// Attested entries spelt with the same letters once marks are removed.
    func entries(withSkeleton skeleton: String) -> [Int] { tables.bySkeleton[skeleton] ?? [] }
}

/// What a check works out once from the lexicon alone and every later check
/// would work out the same, kept as checks ask: an entry's one-slip
/// neighbours (hundreds of lookups each), a word's nearest loanword (an edit
/// distance to every dictionary word). Shared by the checks of many threads,
/// behind a lock. Keyed by words a text brings, it holds `limit` at most and
/// starts afresh when full: a portal that checks whatever it is sent must not
/// grow without end.
final class SharedCache<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [Key: Value] = [:]
    private let limit: Int

    init(limit: Int = .max) {
        self.limit = limit
    }

    /// How many values it holds.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return found.count
    }

    func removeAll() {
        lock.lock()
        if !found.isEmpty { found.removeAll() }
        lock.unlock()
    }

    func value(for key: Key, making: () -> Value) -> Value {
        lock.lock()
        let known = found[key]
        lock.unlock()
        if let known { return known }
        let made = making()
        lock.lock()
        if found.count >= limit { found.removeAll(keepingCapacity: true) }
        found[key] = made
        lock.unlock()
        return made
    }
}
