/// Vietnamese letters by Unicode scalar, for the code that runs on every
/// word: a letter's base (lower case, keeping its hat, horn or breve), its
/// tone and its case, found by indexing an array rather than by hashing a
/// `Character`. Built from `VowelTable`, which stays the one list of forms.
enum LetterTable {
    struct Letter {
        /// Lower case, without tone: a, ă, â, e, ê … đ, b, c.
        var base: Unicode.Scalar
        var tone: Tone
        var upper: Bool
    }

    /// Scalars below 0x250 (ASCII, Latin-1, Latin Extended-A and -B), then
    /// U+1EA0…U+1EF9 (the precomposed Vietnamese vowels), packed as
    /// base | tone << 21 | upper << 24; 0 is no letter.
    private static let packed: (low: [UInt32], vietnamese: [UInt32]) = {
        var low = [UInt32](repeating: 0, count: 0x250)
        var vietnamese = [UInt32](repeating: 0, count: 0x1EFA - 0x1EA0)
        func put(_ form: Character, base: Character, tone: Tone, upper: Bool) {
            let scalar = form.unicodeScalars.first!.value
            let value = base.unicodeScalars.first!.value | UInt32(tone.rawValue) << 21 | (upper ? 1 << 24 : 0)
            if scalar < 0x250 { low[Int(scalar)] = value } else { vietnamese[Int(scalar) - 0x1EA0] = value }
        }
        for row in VowelTable.rows {
            for (index, form) in row.enumerated() {
                put(form, base: row[0], tone: Tone(rawValue: index)!, upper: false)
                put(Character(String(form).uppercased()), base: row[0], tone: Tone(rawValue: index)!, upper: true)
            }
        }
        for consonant in "bcdghklmnpqrstvxfjwzđ" {
            put(consonant, base: consonant, tone: .level, upper: false)
            put(Character(String(consonant).uppercased()), base: consonant, tone: .level, upper: true)
        }
        return (low, vietnamese)
    }()

    /// The letter `scalar` writes; nil for anything else (digits, marks, other scripts).
    @inline(__always)
    static func letter(_ scalar: Unicode.Scalar) -> Letter? {
        let v = scalar.value
        let value: UInt32
        if v < 0x250 {
            value = packed.low[Int(v)]
        } else if v >= 0x1EA0 && v <= 0x1EF9 {
            value = packed.vietnamese[Int(v) - 0x1EA0]
        } else {
            return nil
        }
        guard value != 0 else { return nil }
        return Letter(base: Unicode.Scalar(value & 0x1F_FFFF)!, tone: Tone(rawValue: Int(value >> 21 & 7))!,
                      upper: value >> 24 != 0)
    }

    /// Lower-case forms by base vowel, one a tone; capitals by lower-case letter.
    private static let forms: [UInt32: [Unicode.Scalar]] = {
        var map: [UInt32: [Unicode.Scalar]] = [:]
        for row in VowelTable.rows { map[row[0].unicodeScalars.first!.value] = row.map { $0.unicodeScalars.first! } }
        return map
    }()

    private static let capitals: [UInt32: Unicode.Scalar] = {
        var map: [UInt32: Unicode.Scalar] = [:]
        for letter in VowelTable.rows.joined() + Array("bcdghklmnpqrstvxfjwzđ") {
            map[letter.unicodeScalars.first!.value] = Character(String(letter).uppercased()).unicodeScalars.first!
        }
        return map
    }()

    /// `base` (a lower-case letter) with `tone`, a capital when asked.
    static func compose(_ base: Unicode.Scalar, _ tone: Tone, upper: Bool) -> Unicode.Scalar {
        let lower = tone == .level ? base : forms[base.value]?[tone.rawValue] ?? base
        return upper ? capitals[lower.value] ?? lower : lower
    }

    /// ă â ê ô ơ ư: the vowels whose own mark claims the tone.
    static func isMarked(_ base: Unicode.Scalar) -> Bool {
        switch base.value {
        case 0x103, 0xE2, 0xEA, 0xF4, 0x1A1, 0x1B0: return true
        default: return false
        }
    }

    /// A base letter without hat, horn or breve, and đ as d: what a search key keeps.
    static func plain(_ base: Unicode.Scalar) -> Unicode.Scalar {
        switch base.value {
        case 0x103, 0xE2: return "a"
        case 0xEA: return "e"
        case 0xF4, 0x1A1: return "o"
        case 0x1B0: return "u"
        case 0x111: return "d"
        default: return base
        }
    }
}
