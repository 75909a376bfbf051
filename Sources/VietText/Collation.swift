/// Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q
/// r s t u ư v x y (f j w z, met in loanwords, where English puts them).
/// Letters decide first, over the whole text; then tones, in dictionary order
/// (none, huyền, hỏi, ngã, sắc, nặng: ma, mà, mả, mã, má, mạ); then case.
public enum Collation {
    /// Whether `a` sorts before `b`.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        key(a).lexicographicallyPrecedes(key(b))
    }

    /// `texts` in Vietnamese order.
    public static func sorted(_ texts: [String]) -> [String] {
        sorted(texts, by: key)
    }

    /// Whether person `a` sorts before person `b`, as Vietnamese lists of
    /// names do: by given name (the last word), then family name (the first),
    /// then middle names: "Trần Văn An" before "Lê Thị Bình" before "Nguyễn Bình".
    public static func personPrecedes(_ a: String, _ b: String) -> Bool {
        personKey(a).lexicographicallyPrecedes(personKey(b))
    }

    /// `names` in the order of a Vietnamese list of people.
    public static func sortedPeople(_ names: [String]) -> [String] {
        sorted(names, by: personKey)
    }

    /// `texts` sorted by `key`, each key computed once.
    private static func sorted(_ texts: [String], by key: (String) -> [UInt32]) -> [String] {
        texts.map { (key($0), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    /// The sort key of a person's name (given name, family name, middle names), to compute once
    /// per name when sorting many: `personPrecedes` computes two for every comparison.
    public static func personKey(_ name: String) -> [UInt32] {
        let words = name.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard words.count > 1 else { return key(name) }
        let reordered = [words[words.count - 1], words[0]] + words[1..<(words.count - 1)]
        return key(reordered.joined(separator: " "))
    }

    /// A sort key: letter weights, then tone weights, then case weights, each
    /// level closed by 0 so that a shorter text sorts first.
    public static func key(_ text: String) -> [UInt32] {
        var primary: [UInt32] = [], secondary: [UInt32] = [], tertiary: [UInt32] = []
        primary.reserveCapacity(text.utf8.count)
        // One tone weight a word: a syllable carries one tone, wherever its mark sits (hoà, hòa).
        var wordTone: Tone?
        func endWord() {
            if let tone = wordTone { secondary.append(toneWeight[tone.rawValue]) }
            wordTone = nil
        }
        for ch in Normalization.nfc(text) {
            let upper = ch.isUppercase
            var letter = Character(ch.lowercased())
            var tone = Tone.level
            if let vowel = VowelTable.split(ch) {
                letter = vowel.base
                tone = vowel.tone
            }
            if let index = alphabetIndex[letter] {
                primary.append(letterBase + UInt32(index))
                if wordTone == nil || wordTone == .level { wordTone = tone }
                tertiary.append(upper ? 2 : 1)
                continue
            }
            endWord()
            if let digit = ch.wholeNumberValue, ch.isASCII {
                primary.append(digitBase + UInt32(digit))
            } else if ch.isWhitespace {
                primary.append(spaceWeight)
            } else {
                // Punctuation before digits, other letters and symbols after the alphabet.
                for scalar in ch.unicodeScalars {
                    primary.append((ch.isLetter ? otherBase : punctuationBase) + scalar.value)
                }
            }
        }
        endWord()
        return primary + [0] + secondary + [0] + tertiary
    }

    private static let spaceWeight: UInt32 = 1
    private static let punctuationBase: UInt32 = 0x10
    private static let digitBase: UInt32 = 0x20_0000
    private static let letterBase: UInt32 = 0x20_0100
    private static let otherBase: UInt32 = 0x30_0000

    private static let alphabetIndex: [Character: Int] = {
        let alphabet: [Character] = Array("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
        return Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })
    }()

    /// Indexed by `Tone.rawValue` (level, acute, grave, hook, tilde, dot): the
    /// dictionary order none, grave, hook, tilde, acute, dot.
    private static let toneWeight: [UInt32] = [1, 5, 2, 3, 4, 6]
}
