/// The two keyboard conventions for typing Vietnamese on a plain keyboard.
public enum InputMethod: String, CaseIterable, Sendable {
    /// aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, dd đ; s f r x j tones, z removes.
    case telex
    /// 6 hat, 7 horn, 8 breve, 9 đ; 1–5 tones, 0 removes.
    case vni
}

/// Composes one word from key presses, the way Unikey or the system's input
/// method would, for an editor on a machine that has neither (a server over SSH).
///
/// Feed every key of the word to `type`; `text` is the word to show. A key
/// that cannot modify the word is kept as a letter; pressing a modifier twice
/// undoes it and keeps the key ("ass" gives "as"). The tone is a property of
/// the word and is placed by the syllable rules in the chosen style as the
/// word grows ("hoas" → "hoá" or "hóa", then "hoang" + "s" → "hoáng").
public struct WordComposer: Sendable {
    public var method: InputMethod
    public var style: ToneStyle

    private struct Letter: Sendable {
        var base: Character   // lower case, with its hat, horn or breve
        var upper: Bool
    }

    private var letters: [Letter] = []
    private var tone: Tone = .level
    /// The key that last changed the word rather than adding to it, for "press twice to undo".
    private var lastModifier: Character?

    public init(method: InputMethod = .telex, style: ToneStyle = .new) {
        self.method = method
        self.style = style
    }

    public var isEmpty: Bool { letters.isEmpty }

    /// Starts a new word.
    public mutating func reset() {
        letters.removeAll(keepingCapacity: true)
        tone = .level
        lastModifier = nil
    }

    /// Starts from a word already on screen (after the cursor moved into it, or a backspace).
    public mutating func load(_ word: String) {
        reset()
        for ch in word { appendLiteral(ch) }
    }

    /// Whether `key` belongs to a word (a letter, or a VNI digit): anything
    /// else ends the word and is inserted as it is.
    public func takes(_ key: Character) -> Bool {
        if key.isLetter { return true }
        return method == .vni && key.isASCII && key.isNumber && !letters.isEmpty
    }

    /// Applies one key press to the word.
    public mutating func type(_ key: Character) {
        let lower = Syllable.lowercase(key)
        let upper = lower != key
        switch method {
        case .telex:
            switch lower {
            case "s": if applyTone(.acute, key: lower) { return }
            case "f": if applyTone(.grave, key: lower) { return }
            case "r": if applyTone(.hook, key: lower) { return }
            case "x": if applyTone(.tilde, key: lower) { return }
            case "j": if applyTone(.dot, key: lower) { return }
            case "z": if applyTone(.level, key: lower) { return }
            case "a", "e", "o": if applyHat(on: lower, key: lower) { return }
            case "w": if applyHorn(key: lower) || applyShortcutU(upper: upper) { return }
            case "d": if applyStroke(key: lower) { return }
            default: break
            }
        case .vni:
            switch lower {
            case "1": if applyTone(.acute, key: lower) { return }
            case "2": if applyTone(.grave, key: lower) { return }
            case "3": if applyTone(.hook, key: lower) { return }
            case "4": if applyTone(.tilde, key: lower) { return }
            case "5": if applyTone(.dot, key: lower) { return }
            case "0": if applyTone(.level, key: lower) { return }
            case "6": if applyHat(on: nil, key: lower) { return }
            case "7": if applyHorn(key: lower) { return }
            case "8": if applyBreve(key: lower) { return }
            case "9": if applyStroke(key: lower) { return }
            default: break
            }
        }
        appendLiteral(key)
    }

    /// Removes the last letter shown.
    public mutating func deleteBackward() {
        let shown = text
        guard !shown.isEmpty else { return }
        load(String(shown.dropLast()))
    }

    /// The word as it should be shown, NFC.
    public var text: String {
        var out = ""
        out.reserveCapacity(letters.count * 2)
        let mark = tone == .level ? -1 : toneIndex()
        let openUO = openHornedUO()
        for (i, letter) in letters.enumerated() {
            if i == openUO {
                out.append(letter.upper ? "U" : "u")
                continue
            }
            if i == mark {
                out.append(VowelTable.compose(letter.base, tone, upper: letter.upper))
            } else if letter.upper {
                out += String(letter.base).uppercased()
            } else {
                out.append(letter.base)
            }
        }
        return out
    }

    // MARK: - Modifiers

    private mutating func appendLiteral(_ key: Character) {
        if let v = VowelTable.split(key) {
            letters.append(Letter(base: v.base, upper: v.upper))
            if v.tone != .level { tone = v.tone }
        } else {
            letters.append(Letter(base: Syllable.lowercase(key), upper: Syllable.lowercase(key) != key))
        }
        lastModifier = nil
    }

    /// Vowel letters of the word's (last) run of vowels: their indexes.
    private func vowelRun() -> Range<Int>? {
        guard let last = letters.lastIndex(where: { VowelTable.isVowel($0.base) }) else { return nil }
        var first = last
        while first > 0 && VowelTable.isVowel(letters[first - 1].base) { first -= 1 }
        // qu and gi: the u or i belongs to the onset.
        if first == 1 && last > first {
            let onset = letters[0].base
            if (onset == "q" && letters[1].base == "u") || (onset == "g" && letters[1].base == "i") { first += 1 }
        }
        return first..<(last + 1)
    }

    /// Whether the letters could be (the start of) a Vietnamese syllable:
    /// an onset, one run of vowels, then at most a coda.
    private func looksVietnamese() -> Bool {
        guard let run = vowelRun(), let firstVowel = letters.firstIndex(where: { VowelTable.isVowel($0.base) }) else { return false }
        if letters[firstVowel..<run.upperBound].contains(where: { !VowelTable.isVowel($0.base) }) { return false }
        let onset = String(letters[0..<firstVowel].map(\.base))
        guard Self.onsets.contains(onset) else { return false }
        let coda = String(letters[run.upperBound...].map(\.base))
        return Self.codas.contains(coda)
    }

    private static let onsets: Set<String> = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n",
                                              "ng", "ngh", "nh", "p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x"]
    /// Codas while typing; k for the place names of the Central Highlands (Đắk Lắk).
    private static let codas: Set<String> = ["", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"]

    private mutating func applyTone(_ newTone: Tone, key: Character) -> Bool {
        guard looksVietnamese() else { return false }
        if lastModifier == key && (tone == newTone || newTone == .level) {
            // Pressed twice: undo, and the key stays as a letter.
            if newTone != .level { tone = .level }
            return false
        }
        if newTone == .level && tone == .level { return false }
        tone = newTone
        lastModifier = key
        return true
    }

    /// aa â, ee ê, oo ô (Telex: `target` is the key's letter); VNI's 6 puts
    /// the hat on the run's last a, e or o.
    private mutating func applyHat(on target: Character?, key: Character) -> Bool {
        guard let run = vowelRun(), looksVietnamese() else { return false }
        let hatted: [Character: Character] = ["a": "â", "ă": "â", "e": "ê", "o": "ô", "ơ": "ô"]
        for i in run.reversed() {
            let base = letters[i].base
            guard "aăâeêoơô".contains(base), target == nil || VowelTable.plain(base) == target else { continue }
            if let hat = hatted[base] {
                letters[i].base = hat
                lastModifier = key
                return true
            }
            if lastModifier == key {
                // Pressed twice: the hat comes off and the key stays as a letter.
                letters[i].base = VowelTable.plain(base)
                lastModifier = nil
            }
            return false
        }
        return false
    }

    /// w (Telex) and 7 (VNI): uo ươ, o ơ, u ư; Telex's w also gives ă.
    private mutating func applyHorn(key: Character) -> Bool {
        guard let run = vowelRun() else { return false }
        if lastModifier == key {
            // Pressed twice: take the marks back off.
            var changed = false
            for i in run where "ơưă".contains(letters[i].base) {
                letters[i].base = VowelTable.plain(letters[i].base)
                changed = true
            }
            lastModifier = nil
            if changed { return false }
        }
        guard looksVietnamese() else { return false }
        let bases = run.map { letters[$0].base }
        // uo → ươ (người, thương; shown as uơ while nothing follows: thuở, huơ).
        if let j = bases.indices.dropLast().first(where: { "uư".contains(bases[$0]) && "oơ".contains(bases[$0 + 1]) }) {
            letters[run.lowerBound + j].base = "ư"
            letters[run.lowerBound + j + 1].base = "ơ"
            lastModifier = key
            return true
        }
        let breveAllowed = method == .telex
        // oa → oă (hoặc), qua → quă (quăng); otherwise the last o, u (or a) of the run.
        if breveAllowed, bases.count >= 2, let ai = bases.lastIndex(of: "a"), ai > 0, bases[ai - 1] == "o" {
            letters[run.lowerBound + ai].base = "ă"
            lastModifier = key
            return true
        }
        let quPrefix = letters.count >= 2 && letters[0].base == "q" && letters[1].base == "u"
        if breveAllowed, quPrefix, let ai = bases.lastIndex(of: "a") {
            letters[run.lowerBound + ai].base = "ă"
            lastModifier = key
            return true
        }
        for (offset, base) in bases.enumerated().reversed() {
            let i = run.lowerBound + offset
            switch base {
            case "o": letters[i].base = "ơ"
            case "u": letters[i].base = "ư"
            case "a" where breveAllowed && !bases.contains(where: { "ou".contains($0) }): letters[i].base = "ă"
            default: continue
            }
            lastModifier = key
            return true
        }
        return false
    }

    /// VNI's 8: a → ă.
    private mutating func applyBreve(key: Character) -> Bool {
        guard let run = vowelRun() else { return false }
        for i in run.reversed() {
            if lastModifier == key && letters[i].base == "ă" {
                letters[i].base = "a"
                lastModifier = nil
                return false
            }
            if letters[i].base == "a" || letters[i].base == "â" {
                letters[i].base = "ă"
                lastModifier = key
                return true
            }
        }
        return false
    }

    /// Telex's w on its own (or after an onset): ư, as in "tw" → "tư".
    private mutating func applyShortcutU(upper: Bool) -> Bool {
        guard !letters.contains(where: { VowelTable.isVowel($0.base) }) else { return false }
        let onset = String(letters.map(\.base))
        guard Self.onsets.contains(onset), onset != "q" else { return false }
        letters.append(Letter(base: "ư", upper: upper))
        lastModifier = "w"
        return true
    }

    /// dd (Telex) or d9 (VNI): đ, at the start of the word.
    private mutating func applyStroke(key: Character) -> Bool {
        guard let first = letters.first else { return false }
        if first.base == "đ" && lastModifier == key {
            letters[0].base = "d"
            lastModifier = nil
            return false
        }
        guard first.base == "d", letters.count == 1 || looksVietnamese() else { return false }
        letters[0].base = "đ"
        lastModifier = key
        return true
    }

    /// The index of the ư in a final "ươ" that nothing follows: written "uơ"
    /// (thuở, huơ, quơ), since ươ needs a coda.
    private func openHornedUO() -> Int {
        let n = letters.count
        guard n >= 3, letters[n - 1].base == "ơ", letters[n - 2].base == "ư",
              !VowelTable.isVowel(letters[n - 3].base) else { return -1 }
        return n - 2
    }

    // MARK: - Tone placement

    /// Which letter carries the tone: by the syllable rules when the word is
    /// a syllable, else on the main vowel of the vowel run.
    private func toneIndex() -> Int {
        var bases = letters.map(\.base)
        let openUO = openHornedUO()
        if openUO >= 0 { bases[openUO] = "u" }
        let plain = String(bases)
        if let syllable = Syllable.parse(plain, checkTone: false) {
            let positions = syllable.tonePositions()
            return syllable.onset.count + (style == .old ? positions.old : positions.new)
        }
        guard let run = vowelRun() else { return -1 }
        if let marked = run.last(where: { VowelTable.isMarked(letters[$0].base) }) { return marked }
        return run.count >= 2 && run.upperBound < letters.count ? run.upperBound - 1 : run.lowerBound
    }
}
