/// Real words used for others that no table lists: a pair of neighbouring
/// syllables that is no known word, while one usual slip away lies one that is
/// ("thực hiên" → "thực hiện", "danh sưng" → "danh xưng").
struct RealWordPairs: Sendable {
    /// For each syllable, the known pairs it starts and ends, with the slip
    /// signature of the other syllable: the few candidates worth a closer look.
    private let followers: [String: [(key: String, signature: String)]]
    private let leaders: [String: [(key: String, signature: String)]]

    /// The pairs of the newsroom word list, built once.
    static let newsroom = RealWordPairs(entries: NewsroomWords.entries)

    /// Every two neighbouring syllables of an entry are a known pair.
    init(entries: [[Syllable]]) {
        var followers: [String: [(key: String, signature: String)]] = [:], leaders = followers
        for entry in entries {
            for (first, second) in zip(entry, entry.dropFirst()) {
                let a = first.written(style: .old), b = second.written(style: .old)
                if followers[a]?.contains(where: { $0.key == b }) == true { continue }
                followers[a, default: []].append((b, Self.signature(second)))
                leaders[b, default: []].append((a, Self.signature(first)))
            }
        }
        self.followers = followers
        self.leaders = leaders
    }

    func isKnown(_ first: String, _ second: String) -> Bool {
        followers[first]?.contains(where: { $0.key == second }) ?? false
    }

    /// The fix of an unknown pair: which side to change (0 the first, 1 the
    /// second) and into what; nil when no single slip makes it a known pair.
    /// Syllables are given by lexicon key and `signature(_:)`.
    func fix(_ first: (key: String, signature: String), _ second: (key: String, signature: String),
             lexicon: Lexicon, firstMayChange: Bool) -> (side: Int, key: String)? {
        guard !isKnown(first.key, second.key) else { return nil }
        for candidate in followers[first.key] ?? [] where candidate.signature == second.signature
            && Self.variants(of: second.key).contains(candidate.key) && lexicon.isAttested(syllableKey: candidate.key) {
            return (1, candidate.key)
        }
        guard firstMayChange else { return nil }
        for candidate in leaders[second.key] ?? [] where candidate.signature == first.signature
            && Self.variants(of: first.key).contains(candidate.key) && lexicon.isAttested(syllableKey: candidate.key) {
            return (0, candidate.key)
        }
        return nil
    }

    /// What a syllable keeps through every slip below: its letters with tone,
    /// hats and horns gone and each slip's letters merged (s/x, ch/tr, c/t, n/ng…).
    static func signature(_ syllable: Syllable) -> String {
        let onset: String
        switch syllable.onset {
        case "s", "x": onset = "s"
        case "ch", "tr": onset = "ch"
        case "d", "gi", "r", "v": onset = "d"
        case "n", "l": onset = "n"
        case "ng", "g", "ngh", "gh": onset = "g"
        default: onset = syllable.onset
        }
        let coda: String
        switch syllable.coda {
        case "c", "t", "ch": coda = "t"
        case "n", "ng", "nh": coda = "n"
        default: coda = syllable.coda
        }
        let vowels = String(syllable.vowels.map { $0 == "y" ? "i" : VowelTable.plain($0) })
        return onset + "|" + vowels + "|" + coda
    }

    /// Onsets, codas and vowels that are typed, heard or misread for one another.
    private static let onsetSlips: [String: [String]] = [
        "s": ["x"], "x": ["s"], "ch": ["tr"], "tr": ["ch"], "d": ["gi", "r"], "gi": ["d", "r"], "r": ["d", "gi"],
        "n": ["l"], "l": ["n"], "ng": ["g"], "g": ["ng"], "ngh": ["gh"], "gh": ["ngh"], "v": ["d"],
    ]
    private static let codaSlips: [String: [String]] = [
        "c": ["t"], "t": ["c"], "n": ["ng"], "ng": ["n", "nh"], "nh": ["ng", "n"], "ch": ["t"],
    ]
    /// i/y, and vowels whose hat, horn or breve was lost or misread (OCR, a font change).
    private static let nucleusSlips: [String: [String]] = [
        "i": ["y"], "y": ["i"], "a": ["ă", "â"], "ă": ["a", "â"], "â": ["a", "ă"], "e": ["ê"], "ê": ["e"],
        "o": ["ô", "ơ"], "ô": ["o", "ơ"], "ơ": ["o", "ô"], "u": ["ư"], "ư": ["u"],
    ]

    /// Syllable keys one slip away from `key`: another tone, or one of the slips above.
    static func variants(of key: String) -> [String] {
        guard let syllable = Syllable.parse(key) else { return [] }
        var out: [String] = []
        func add(_ candidate: Syllable) {
            if let parsed = Syllable.parse(candidate.written(style: .old)) {
                let written = parsed.written(style: .old)
                if written != key && !out.contains(written) { out.append(written) }
            }
        }
        for tone in Tone.allCases where tone != syllable.tone {
            var changed = syllable
            changed.tone = tone
            add(changed)
        }
        func slip(_ part: WritableKeyPath<Syllable, String>, _ table: [String: [String]]) {
            for value in table[syllable[keyPath: part]] ?? [] {
                var changed = syllable
                changed[keyPath: part] = value
                add(changed)
            }
        }
        slip(\.onset, onsetSlips)
        slip(\.coda, codaSlips)
        slip(\.nucleus, nucleusSlips)
        return out
    }
}
