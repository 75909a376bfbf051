/// Real words used for others that no table lists: a pair of neighbouring
/// syllables that is no known word, while one usual slip away lies one that is
/// ("thực hiên" → "thực hiện", "danh sưng" → "danh xưng").
struct RealWordPairs: Sendable {
    /// A syllable of a pair: its lexicon entry number, slip signature and parts.
    struct Neighbour: Sendable {
        var id: Int
        var signature: Int
        var syllable: Syllable
    }

    /// Known pairs, as first entry << 32 | second entry.
    private var known = PairSet()
    /// For each syllable, the known pairs it starts and ends: the few
    /// candidates worth a closer look.
    private var followers: [Int: [Neighbour]] = [:]
    private var leaders: [Int: [Neighbour]] = [:]

    init() {}

    /// Every two neighbouring syllables of a phrase are a known pair.
    mutating func add(phrase: [Neighbour]) {
        for (first, second) in zip(phrase, phrase.dropFirst()) where known.insert(first.id << 32 | second.id) {
            followers[first.id, default: []].append(second)
            leaders[second.id, default: []].append(first)
        }
    }

    func isKnown(_ first: Int, _ second: Int) -> Bool { known.contains(first << 32 | second) }

    /// The fix of an unknown pair: which side to change (0 the first, 1 the
    /// second) and into which entry; nil when no single slip makes it a known
    /// pair of attested syllables.
    func fix(_ first: Neighbour, _ second: Neighbour, in lexicon: Lexicon, firstMayChange: Bool) -> (side: Int, id: Int)? {
        guard !isKnown(first.id, second.id) else { return nil }
        for candidate in followers[first.id] ?? [] where candidate.signature == second.signature
            && Self.isOneSlip(second.syllable, candidate.syllable) && lexicon.entries[candidate.id].attested {
            return (1, candidate.id)
        }
        guard firstMayChange else { return nil }
        for candidate in leaders[second.id] ?? [] where candidate.signature == first.signature
            && Self.isOneSlip(first.syllable, candidate.syllable) && lexicon.entries[candidate.id].attested {
            return (0, candidate.id)
        }
        return nil
    }

    /// Whether `b` is `a` with one slip: another tone, or one of the onset,
    /// coda or nucleus slips below, everything else alike.
    static func isOneSlip(_ a: Syllable, _ b: Syllable) -> Bool {
        let onset = a.onset == b.onset, glide = a.glide == b.glide, nucleus = a.nucleus == b.nucleus, coda = a.coda == b.coda
        guard glide else { return false }
        switch (onset, nucleus, coda) {
        case (true, true, true): return a.tone != b.tone
        case (false, true, true): return a.tone == b.tone && onsetSlips[a.onset]?.contains(b.onset) == true
        case (true, false, true): return a.tone == b.tone && nucleusSlips[a.nucleus]?.contains(b.nucleus) == true
        case (true, true, false): return a.tone == b.tone && codaSlips[a.coda]?.contains(b.coda) == true
        default: return false
        }
    }

    /// The syllable with one of the slips below in its onset, nucleus or coda
    /// (tones aside); not every result is written Vietnamese.
    static func slips(of syllable: Syllable) -> [Syllable] {
        var out: [Syllable] = []
        func slip(_ part: WritableKeyPath<Syllable, String>, _ table: [String: [String]]) {
            for value in table[syllable[keyPath: part]] ?? [] {
                var changed = syllable
                changed[keyPath: part] = value
                out.append(changed)
            }
        }
        slip(\.onset, onsetSlips)
        slip(\.coda, codaSlips)
        slip(\.nucleus, nucleusSlips)
        return out
    }

    /// What a syllable keeps through every slip below, as a number: its
    /// letters with tone, hats and horns gone and each slip's letters merged
    /// (s/x, ch/tr, c/t, n/ng…). Equal signatures are what `fix` looks closer at.
    static func signature(_ syllable: Syllable) -> Int {
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
        // A running hash of the plain letters, parts kept apart; two signatures that
        // collide only cost `fix` a closer look (`isOneSlip`) that says no.
        var value = 0
        func add(_ part: String) {
            for scalar in part.unicodeScalars {
                let plain = scalar == "y" ? "i" : LetterTable.letter(scalar).map { LetterTable.plain($0.base) } ?? scalar
                value = value &* 131 &+ Int(plain.value)
            }
            value = value &* 131
        }
        add(onset)
        add(syllable.glide)
        add(syllable.nucleus)
        value = value &* 131
        add(coda)
        return value
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
}
