/// Real words used for others that no table lists: a pair of neighbouring
/// syllables that is no known word, while one usual slip away lies one that is
/// ("thực hiên" → "thực hiện", "danh sưng" → "danh xưng").
struct RealWordPairs: Sendable {
    let known: Set<String>

    init(known: Set<String> = NewsroomWords.pairs) {
        self.known = known
    }

    func isKnown(_ first: String, _ second: String) -> Bool { known.contains(first + " " + second) }

    /// The fix of an unknown pair: which side to change (0 the first, 1 the
    /// second) and into what; nil when no single slip makes it a known pair.
    func fix(_ first: String, _ second: String, lexicon: Lexicon, firstMayChange: Bool) -> (side: Int, key: String)? {
        guard !known.isEmpty, !isKnown(first, second) else { return nil }
        for variant in Self.variants(of: second) where isKnown(first, variant) && lexicon.isAttested(syllableKey: variant) {
            return (1, variant)
        }
        guard firstMayChange else { return nil }
        for variant in Self.variants(of: first) where isKnown(variant, second) && lexicon.isAttested(syllableKey: variant) {
            return (0, variant)
        }
        return nil
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
