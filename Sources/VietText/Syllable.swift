/// The six tones of Vietnamese, in dictionary order.
public enum Tone: Int, CaseIterable, Sendable {
    case level = 0   // ngang: no mark
    case acute       // sắc
    case grave       // huyền
    case hook        // hỏi
    case tilde       // ngã
    case dot         // nặng

    /// Whether a syllable closed by p, t, c or ch may carry this tone.
    public var allowedBeforeStop: Bool { self == .acute || self == .dot }
}

/// Where the tone mark of oa, oe and uy goes in an open syllable:
/// old style "hoà, khoẻ, thuỷ", new style "hòa, khỏe, thủy".
public enum ToneStyle: String, CaseIterable, Sendable {
    case old
    case new
}

/// The vowel letters and their toned forms, and the way back.
public enum VowelTable {
    /// Base vowels; each row holds the level, acute, grave, hook, tilde and dot forms.
    static let rows: [[Character]] = [
        ["a", "á", "à", "ả", "ã", "ạ"], ["ă", "ắ", "ằ", "ẳ", "ẵ", "ặ"], ["â", "ấ", "ầ", "ẩ", "ẫ", "ậ"],
        ["e", "é", "è", "ẻ", "ẽ", "ẹ"], ["ê", "ế", "ề", "ể", "ễ", "ệ"], ["i", "í", "ì", "ỉ", "ĩ", "ị"],
        ["o", "ó", "ò", "ỏ", "õ", "ọ"], ["ô", "ố", "ồ", "ổ", "ỗ", "ộ"], ["ơ", "ớ", "ờ", "ở", "ỡ", "ợ"],
        ["u", "ú", "ù", "ủ", "ũ", "ụ"], ["ư", "ứ", "ừ", "ử", "ữ", "ự"], ["y", "ý", "ỳ", "ỷ", "ỹ", "ỵ"],
    ]

    private static let lookup: [Character: (base: Character, tone: Tone, upper: Bool)] = {
        var map: [Character: (Character, Tone, Bool)] = [:]
        for row in rows {
            for (index, form) in row.enumerated() {
                let tone = Tone(rawValue: index)!
                map[form] = (row[0], tone, false)
                map[Character(String(form).uppercased())] = (row[0], tone, true)
            }
        }
        return map
    }()

    private static let forms: [Character: [Character]] = {
        var map: [Character: [Character]] = [:]
        for row in rows { map[row[0]] = row }
        return map
    }()

    /// The base vowel (lower case, with its hat, horn or breve), the tone and
    /// whether it was a capital; nil for anything that is not a vowel letter.
    public static func split(_ c: Character) -> (base: Character, tone: Tone, upper: Bool)? {
        lookup[c]
    }

    /// `base` (lower-case base vowel) with `tone`, in upper case when asked.
    public static func compose(_ base: Character, _ tone: Tone, upper: Bool = false) -> Character {
        guard let row = forms[base] else { return upper ? Character(String(base).uppercased()) : base }
        let c = row[tone.rawValue]
        return upper ? Character(String(c).uppercased()) : c
    }

    public static func isVowel(_ c: Character) -> Bool { lookup[c] != nil }

    /// ă â ê ô ơ ư: the vowels whose mark claims the tone.
    static func isMarked(_ base: Character) -> Bool { "ăâêôơư".contains(base) }

    /// A base vowel without its hat, horn or breve: ă, â → a; ê → e; ô, ơ → o; ư → u.
    static func plain(_ base: Character) -> Character {
        switch base {
        case "ă", "â": return "a"
        case "ê": return "e"
        case "ô", "ơ": return "o"
        case "ư": return "u"
        default: return base
        }
    }
}

/// One written Vietnamese syllable taken apart: onset, glide, nucleus, coda, tone.
///
/// The spelling is kept as written: "qu" gives onset "q" and glide "u"; "gi"
/// before a vowel is the onset "gi"; "yê" and "iê" are both the nucleus as written.
public struct Syllable: Equatable, Sendable {
    public var onset: String
    public var glide: String
    public var nucleus: String
    public var coda: String
    public var tone: Tone
    /// In the open syllables oa, oe, uy (no onset letter owning the glide):
    /// which tone style the written mark follows; nil where both agree.
    public var writtenStyle: ToneStyle?

    /// The vowels between onset and coda: glide and nucleus, as written.
    public var vowels: String { glide + nucleus }

    /// Parses a written syllable, whatever its letter case; nil when it is
    /// not valid Vietnamese orthography. `checkTone: false` accepts any tone
    /// with the stop codas p, t, c, ch (a syllable still being typed).
    public static func parse(_ word: String, checkTone: Bool = true) -> Syllable? {
        // At most 8 letters: ngh + o/u + two nucleus letters + two coda letters.
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(8)
        var tone = Tone.level
        var toneIndex = -1
        for scalar in word.unicodeScalars {
            guard let letter = LetterTable.letter(scalar), letters.count < 8 else {
                // Decomposed text (NFD) is parsed in its composed form.
                guard (0x300...0x36F).contains(scalar.value) else { return nil }
                let composed = Normalization.nfc(word)
                return composed.unicodeScalars.elementsEqual(word.unicodeScalars) ? nil : parse(composed, checkTone: checkTone)
            }
            if letter.tone != .level {
                if toneIndex >= 0 { return nil }  // two tone marks
                tone = letter.tone
                toneIndex = letters.count
            }
            letters.append(letter.base)
        }
        guard !letters.isEmpty else { return nil }
        func attempt(_ onset: (letters: [Unicode.Scalar], text: String)) -> Syllable? {
            guard onset.letters.count < letters.count,
                  let rime = parseRime(letters[onset.letters.count...], onset: onset.text) else { return nil }
            var syllable = Syllable(onset: onset.text, glide: rime.glide, nucleus: rime.nucleus, coda: rime.coda,
                                    tone: tone, writtenStyle: nil)
            guard syllable.obeysSpellingRules else { return nil }
            if checkTone && syllable.isClosedByStop && !tone.allowedBeforeStop { return nil }
            if toneIndex >= 0 {
                // The mark must sit where one of the two styles puts it.
                let written = toneIndex - onset.letters.count
                let positions = syllable.tonePositions()
                if written == positions.old && written == positions.new {
                    syllable.writtenStyle = nil
                } else if written == positions.old {
                    syllable.writtenStyle = .old
                } else if written == positions.new {
                    syllable.writtenStyle = .new
                } else {
                    return nil
                }
            }
            return syllable
        }
        // Onsets the letters could start with, longest first, then none; "qu" gives the
        // onset "q", its u being the glide.
        if letters[0] == "q" {
            return letters.count >= 3 && letters[1] == "u" ? attempt(qOnset) : nil
        }
        for onset in onsets where letters.starts(with: onset.letters) {
            if let syllable = attempt(onset) { return syllable }
        }
        return attempt(noOnset)
    }

    /// Index into `vowels` of the letter that carries the tone mark, in each style.
    public func tonePositions() -> (old: Int, new: Int) {
        // Glide and nucleus are lower-case NFC letters: a scalar each.
        var count = glide.isEmpty ? 0 : 1  // the glide is o or u, never marked
        var lastMarked = -1
        for scalar in nucleus.unicodeScalars {
            if LetterTable.isMarked(scalar) { lastMarked = count }
            count += 1
        }
        if lastMarked >= 0 { return (lastMarked, lastMarked) }
        // Closed by a consonant, or ai, ao, oai, uyu, oeo…: the last vowel before the coda
        // (ia, ua… take no coda).
        if !coda.isEmpty { return (count - 1, count - 1) }
        let glideCount = glide.isEmpty ? 0 : 1
        if onset == "q" {
            // qua, quý, què: the u belongs to the onset.
            return (1, 1)
        }
        if glideCount == 1 && count == 2 {
            // oa, oe, uy: the one place the two styles differ.
            return (1, 0)
        }
        // a, ia, ua, ưa, uya: the first letter of the nucleus (mía, múa, khuya).
        return (glideCount, glideCount)
    }

    /// The syllable spelt again with its tone mark placed in `style`; `capitals`
    /// says, letter by letter, which ones were upper case.
    public func written(style: ToneStyle, capitals: [Bool] = []) -> String {
        // Without tone or capitals, the parts as they are (the lexicon writes thousands this way).
        if tone == .level && !capitals.contains(true) { return onset + glide + nucleus + coda }
        let positions = tonePositions()
        let mark = tone == .level ? -1 : onset.unicodeScalars.count + (style == .old ? positions.old : positions.new)
        var out = String.UnicodeScalarView()
        var i = 0
        func append(_ part: String) {
            for scalar in part.unicodeScalars {
                let upper = i < capitals.count && capitals[i]
                out.append(i == mark || upper ? LetterTable.compose(scalar, i == mark ? tone : .level, upper: upper) : scalar)
                i += 1
            }
        }
        append(onset)
        append(glide)
        append(nucleus)
        append(coda)
        return String(out)
    }

    static func lowercase(_ c: Character) -> Character {
        if c.isASCII, let a = c.asciiValue, a >= 65, a <= 90 { return Character(Unicode.Scalar(a + 32)) }
        if c == "Đ" { return "đ" }
        return c
    }

    /// Closed by p, t, c or ch: only the acute and dot tones may stand.
    var isClosedByStop: Bool { coda == "c" || coda == "t" || coda == "p" || coda == "ch" }

    // MARK: - Tables

    /// Onsets written before a lone y: kỳ, lý, mỹ, sỹ, tỷ, hy, vỹ, nỷ.
    private static let yOnsets: Set<String> = ["h", "k", "l", "m", "n", "s", "t", "v"]
    private static let onsets: [(letters: [Unicode.Scalar], text: String)] =
        ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr",
         "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"].map { (Array($0.unicodeScalars), $0) }
    private static let qOnset: (letters: [Unicode.Scalar], text: String) = (["q"], "q")
    private static let noOnset: (letters: [Unicode.Scalar], text: String) = ([], "")

    /// Codas each nucleus takes ("" for an open syllable).
    static let nucleusCodas: [String: Set<String>] = [
        "a": ["", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "u", "y"],
        "ă": ["c", "m", "n", "ng", "p", "t"],
        "â": ["c", "m", "n", "ng", "p", "t", "u", "y"],
        "e": ["", "c", "m", "n", "ng", "o", "p", "t"],
        "ê": ["", "ch", "m", "n", "nh", "p", "t", "u"],
        "i": ["", "ch", "m", "n", "nh", "p", "t", "u"],
        "y": [""],
        "o": ["", "c", "i", "m", "n", "ng", "p", "t"],
        "oo": ["c", "ng"],
        "ô": ["", "c", "i", "m", "n", "ng", "p", "t"],
        "ơ": ["", "i", "m", "n", "p", "t"],
        "u": ["", "c", "i", "m", "n", "ng", "p", "t"],
        "ư": ["", "c", "i", "m", "n", "ng", "t", "u"],
        "iê": ["c", "m", "n", "ng", "p", "t", "u"],
        "yê": ["m", "n", "ng", "t", "u"],
        "ia": [""],
        "uô": ["c", "i", "m", "n", "ng", "t"],
        "ua": [""],
        "ươ": ["c", "i", "m", "n", "ng", "p", "t", "u"],
        "ưa": [""],
    ]

    /// After the glide o or u, the nuclei and codas allowed.
    static let glideNuclei: [String: [String: Set<String>]] = [
        "o": ["a": ["", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "y"],
              "ă": ["c", "m", "n", "ng", "t"],
              "e": ["", "n", "o", "t", "m"]],
        "u": ["â": ["c", "n", "ng", "t", "y"],
              "ê": ["", "ch", "n", "nh", "t", "u"],
              "y": ["", "ch", "nh", "t", "u", "n", "p"],
              "yê": ["n", "t"],
              "ya": [""],
              "ơ": [""],
              "a": ["", "c", "ch", "i", "m", "n", "ng", "nh", "o", "t", "y"],
              "ă": ["c", "m", "n", "ng", "t"],
              "e": ["", "n", "o", "t"],
              "i": ["", "t", "n", "nh", "ch"],
              "ô": ["c"]],
    ]

    /// A run of up to three letters as one number, for the tables below.
    private static func key<S: Sequence>(_ letters: S) -> Int where S.Element == Unicode.Scalar {
        letters.reduce(0) { $0 << 21 | Int($1.value) }
    }

    /// `nucleusCodas` and `glideNuclei` by `key(_:)`, with the spellings to hand back.
    private static let tables: (nuclei: [Int: (text: String, codas: Set<Int>)],
                                glided: [Int: [Int: (text: String, codas: Set<Int>)]],
                                codas: [Int: String]) = {
        var codaTexts: [Int: String] = [:]
        func compile(_ table: [String: Set<String>]) -> [Int: (text: String, codas: Set<Int>)] {
            var out: [Int: (text: String, codas: Set<Int>)] = [:]
            for (nucleus, codas) in table {
                for coda in codas { codaTexts[key(coda.unicodeScalars)] = coda }
                out[key(nucleus.unicodeScalars)] = (nucleus, Set(codas.map { key($0.unicodeScalars) }))
            }
            return out
        }
        let nuclei = compile(nucleusCodas)
        let glided = glideNuclei.reduce(into: [Int: [Int: (text: String, codas: Set<Int>)]]()) {
            $0[key($1.key.unicodeScalars)] = compile($1.value)
        }
        return (nuclei, glided, codaTexts)
    }()

    private static let iêCodas = tables.nuclei[key("iê".unicodeScalars)]!.codas
    private static let keyYê = key("yê".unicodeScalars), keyIê = key("iê".unicodeScalars), keyÊ = key("ê".unicodeScalars)
    private static let keyY = key("y".unicodeScalars)
    /// After the glide u, nuclei found only in qu- (qua, quă, que, qui, quốc).
    private static let quOnlyNuclei = Set(["a", "ă", "e", "i", "ô"].map { key($0.unicodeScalars) })

    /// Splits the letters after the onset into glide, nucleus and coda.
    private static func parseRime(_ r: ArraySlice<Unicode.Scalar>, onset: String)
        -> (glide: String, nucleus: String, coda: String)? {
        let start = r.startIndex
        for glideLength in 0...1 where glideLength < r.count {
            let glide = glideLength == 0 ? "" : r[start] == "o" ? "o" : r[start] == "u" ? "u" : nil
            guard let glide else { continue }
            if onset == "q" && glide != "u" { continue }
            for nucleusLength in stride(from: min(2, r.count - glideLength), through: 1, by: -1) {
                let nucleusStart = start + glideLength, codaStart = nucleusStart + nucleusLength
                guard r.endIndex - codaStart <= 2 else { continue }
                let nucleus = key(r[nucleusStart..<codaStart]), coda = key(r[codaStart...])
                let entry = glide.isEmpty ? tables.nuclei[nucleus] : tables.glided[key(glide.unicodeScalars)]?[nucleus]
                if let entry, let codaText = tables.codas[coda],
                   accepts(glide: glide, nucleus: nucleus, coda: coda, codas: entry.codas, onset: onset) {
                    return (glide, entry.text, codaText)
                }
            }
        }
        return nil
    }

    private static func accepts(glide: String, nucleus: Int, coda: Int, codas: Set<Int>, onset: String) -> Bool {
        if glide.isEmpty {
            // giếng, giết: gi + iê with one i written.
            guard codas.contains(coda) || (onset == "gi" && nucleus == keyÊ && iêCodas.contains(coda)) else { return false }
            switch nucleus {
            case keyYê: return onset.isEmpty
            case keyIê: return !onset.isEmpty
            case keyY: return onset.isEmpty || yOnsets.contains(onset)
            default: return true
            }
        }
        guard codas.contains(coda) else { return false }
        // ua, ue, ui…: after u the nuclei a, ă, e, i, ô exist only in qu-.
        if glide == "u" && onset != "q" && quOnlyNuclei.contains(nucleus) { return false }
        return true
    }

    /// c/k/q, g/gh and ng/ngh before front vowels.
    var obeysSpellingRules: Bool {
        let first = glide.unicodeScalars.first ?? nucleus.unicodeScalars.first ?? " "
        let front = first == "i" || first == "y" || first == "e" || first == "ê"
        switch onset {
        case "k": return front
        case "c": return !front && glide.isEmpty
        case "gh", "ngh": return front
        case "g", "ng": return !front || (onset == "g" && first == "i")
        case "gi": return first != "i"
        default: return true
        }
    }
}
