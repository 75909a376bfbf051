import Foundation

/// The 8-bit Vietnamese encodings of the fonts old Word files still use:
/// TCVN3 (ABC, the ".Vn" fonts such as .VnTime) and VNI-Windows (the "VNI-"
/// fonts). Pasted into a Unicode program, such text arrives as Latin-1
/// letters standing for the font's bytes: "ViÖt Nam" (TCVN3) and
/// "Vieät Nam" (VNI) both mean "Việt Nam".
public enum LegacyEncoding: String, CaseIterable, Sendable {
    case tcvn3
    case vni

    /// The encoding's name as people write it.
    public var displayName: String {
        switch self {
        case .tcvn3: return "TCVN3"
        case .vni: return "VNI"
        }
    }

    /// The font family people know the encoding by.
    public var fontName: String {
        switch self {
        case .tcvn3: return ".VnTime"
        case .vni: return "VNI-Times"
        }
    }

    /// `text`, whose Latin-1 letters stand for this encoding's bytes, in Unicode NFC.
    public func convert(_ text: String) -> String {
        switch self {
        case .tcvn3: return Self.convertTCVN3(text)
        case .vni: return Self.convertVNI(text)
        }
    }

    /// The bytes of a file saved in this encoding, in Unicode NFC. Bytes below
    /// 0x80 are ASCII in both; the others are read as Windows-1252 first, as
    /// Word does when it pastes text set in such a font.
    public func decode(_ bytes: [UInt8]) -> String {
        convert(Self.windows1252(bytes))
    }

    // MARK: - Detection

    /// The legacy encoding `text` is most likely written in, when at least a
    /// few of its words, wrong as they stand, become Vietnamese syllables once
    /// converted (and more of them than under the other encoding).
    public static func detect(_ text: String) -> LegacyEncoding? {
        // Unicode Vietnamese uses only some Latin-1 letters (à, é, ô…); both
        // encodings need others (¸, Ö, ø, ï…). Without those, nothing to weigh.
        let words = wordsWithForeignLatin1(text)
        guard !words.isEmpty else { return nil }
        var votes: [LegacyEncoding: Int] = [:]
        var suspects = 0
        // Suspects: words holding such a sign, wrong as they stand.
        for word in words {
            let core = Self.core(of: word).text
            guard !core.isEmpty, Syllable.parse(core) == nil else { continue }
            suspects += 1
            for encoding in allCases where encoding.becomesSyllable(core) { votes[encoding, default: 0] += 1 }
            if suspects >= 400 { break }
        }
        guard let best = votes.max(by: { $0.value < $1.value }), best.value >= 2,
              best.value * 4 >= suspects, votes.values.filter({ $0 == best.value }).count == 1 else { return nil }
        return best.key
    }

    /// The words of `text` (between ASCII spaces, controls and no-break
    /// spaces) that hold a sign `isForeignLatin1` finds. Walked by byte: most
    /// of a text has none.
    private static func wordsWithForeignLatin1(_ text: String) -> [Substring] {
        var text = text
        return text.withUTF8 { bytes in
            var words: [Substring] = []
            var start = 0
            var suspect = false
            func endWord(at end: Int, next: Int) {
                if suspect { words.append(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))) }
                suspect = false
                start = next
            }
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte <= 0x20 { endWord(at: i, next: i + 1) }
                    i += 1
                    continue
                }
                let (scalar, width) = bytes.scalar(at: i)
                if scalar == "\u{A0}" {
                    endWord(at: i, next: i + width)
                } else if isForeignLatin1(scalar) {
                    suspect = true
                }
                i += width
            }
            endWord(at: bytes.count, next: bytes.count)
            return words
        }
    }

    /// The first word of `line` written in this encoding: its 1-based column
    /// (in characters) and the word without the punctuation around it.
    public func firstEncodedWord(in line: Substring) -> (column: Int, word: String)? {
        // By scalar, as most words hold no Latin-1 letter and are passed over at a glance;
        // the column, in characters, is counted once for the word found.
        let scalars = line.unicodeScalars
        var start = scalars.startIndex
        while start < scalars.endIndex {
            let end = scalars[start...].firstIndex(of: " ") ?? scalars.endIndex
            let word = scalars[start..<end]
            if word.contains(where: Self.isLatin1Letter) {
                let core = Self.core(of: Substring(word))
                if Syllable.parse(core.text) == nil, becomesSyllable(core.text) {
                    return (line[line.startIndex..<start].count + 1 + core.offset, core.text)
                }
            }
            start = end < scalars.endIndex ? scalars.index(after: end) : end
        }
        return nil
    }

    /// Whether converting `word` changes it into a Vietnamese syllable.
    private func becomesSyllable(_ word: String) -> Bool {
        let converted = convert(word)
        return converted != word && Syllable.parse(converted) != nil
    }

    private static func isLatin1Letter(_ scalar: Unicode.Scalar) -> Bool {
        (0xA1...0xFE).contains(scalar.value)
    }

    /// A Latin-1 sign that Unicode Vietnamese never uses, and both legacy encodings do.
    private static func isForeignLatin1(_ scalar: Unicode.Scalar) -> Bool {
        isLatin1Letter(scalar) && !vietnameseLatin1.contains(scalar.value)
    }

    private static let vietnameseLatin1: Set<UInt32> = Set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ".unicodeScalars.map(\.value))

    /// A word without the punctuation around it, and how many characters were
    /// taken off its start. Only ASCII and typographic punctuation is taken:
    /// TCVN3 writes letters with Latin-1 signs (¸ is á, « is ô, » is ằ).
    static func core(of word: Substring) -> (offset: Int, text: String) {
        // The punctuation is single scalars, each a character of its own.
        let scalars = word.unicodeScalars
        var lo = scalars.startIndex, hi = scalars.endIndex
        var offset = 0
        while lo < hi && punctuation.contains(scalars[lo]) {
            lo = scalars.index(after: lo)
            offset += 1
        }
        while hi > lo && punctuation.contains(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        return (offset, String(scalars[lo..<hi]))
    }

    private static let punctuation: Set<Unicode.Scalar> = Set("()[]{}\"'.,;:!?…“”‘’*_-".unicodeScalars)

    // MARK: - TCVN3

    /// Latin-1 code point → letter. Lower case has a code each; of the capitals
    /// only the marked vowels and Đ do (the rest came from the ".VnTimeH" capitals font).
    private static let tcvn3Letters: [UInt32: Character] = {
        let letters: [(UInt32, Character)] = [
            (0xA1, "Ă"), (0xA2, "Â"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư"), (0xA7, "Đ"),
            (0xA8, "ă"), (0xA9, "â"), (0xAA, "ê"), (0xAB, "ô"), (0xAC, "ơ"), (0xAD, "ư"), (0xAE, "đ"),
            (0xB5, "à"), (0xB6, "ả"), (0xB7, "ã"), (0xB8, "á"), (0xB9, "ạ"),
            (0xBB, "ằ"), (0xBC, "ẳ"), (0xBD, "ẵ"), (0xBE, "ắ"), (0xC6, "ặ"),
            (0xC7, "ầ"), (0xC8, "ẩ"), (0xC9, "ẫ"), (0xCA, "ấ"), (0xCB, "ậ"),
            (0xCC, "è"), (0xCE, "ẻ"), (0xCF, "ẽ"), (0xD0, "é"), (0xD1, "ẹ"),
            (0xD2, "ề"), (0xD3, "ể"), (0xD4, "ễ"), (0xD5, "ế"), (0xD6, "ệ"),
            (0xD7, "ì"), (0xD8, "ỉ"), (0xDC, "ĩ"), (0xDD, "í"), (0xDE, "ị"),
            (0xDF, "ò"), (0xE1, "ỏ"), (0xE2, "õ"), (0xE3, "ó"), (0xE4, "ọ"),
            (0xE5, "ồ"), (0xE6, "ổ"), (0xE7, "ỗ"), (0xE8, "ố"), (0xE9, "ộ"),
            (0xEA, "ờ"), (0xEB, "ở"), (0xEC, "ỡ"), (0xED, "ớ"), (0xEE, "ợ"),
            (0xEF, "ù"), (0xF1, "ủ"), (0xF2, "ũ"), (0xF3, "ú"), (0xF4, "ụ"),
            (0xF5, "ừ"), (0xF6, "ử"), (0xF7, "ữ"), (0xF8, "ứ"), (0xF9, "ự"),
            (0xFA, "ỳ"), (0xFB, "ỷ"), (0xFC, "ỹ"), (0xFD, "ý"), (0xFE, "ỵ"),
        ]
        return Dictionary(uniqueKeysWithValues: letters)
    }()

    private static func convertTCVN3(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let letter = tcvn3Letters[scalar.value] { out.append(letter) } else { out.unicodeScalars.append(scalar) }
        }
        return Normalization.nfc(out)
    }

    // MARK: - VNI

    /// Letters VNI writes with one code of their own.
    private static let vniSingles: [Character: Character] = [
        "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
        "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị",  // í and ì are themselves
        "î": "ỵ", "Î": "Ỵ",
    ]

    /// A code following a vowel: the hat or breve it adds (nil for none) and the tone.
    private static let vniMarks: [Character: (mark: Character?, tone: Tone)] = {
        let lower: [(Character, Character?, Tone)] = [
            ("ù", nil, .acute), ("ø", nil, .grave), ("û", nil, .hook), ("õ", nil, .tilde), ("ï", nil, .dot),
            ("â", "^", .level), ("á", "^", .acute), ("à", "^", .grave), ("å", "^", .hook), ("ã", "^", .tilde), ("ä", "^", .dot),
            ("ê", "˘", .level), ("é", "˘", .acute), ("è", "˘", .grave), ("ú", "˘", .hook), ("ü", "˘", .tilde), ("ë", "˘", .dot),
        ]
        var table: [Character: (Character?, Tone)] = [:]
        for (code, mark, tone) in lower {
            table[code] = (mark, tone)
            table[Character(code.uppercased())] = (mark, tone)
        }
        return table
    }()

    private static func convertVNI(_ text: String) -> String {
        var out: [Character] = []
        out.reserveCapacity(text.utf8.count)
        let chars = Array(Normalization.nfc(text))
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let base: Character? = vniSingles[c].flatMap { "ơƠưƯ".contains($0) ? $0 : nil } ?? ("aeiouyAEIOUY".contains(c) ? c : nil)
            if let base, i + 1 < chars.count, let code = vniMarks[chars[i + 1]], let letter = vniLetter(base, code) {
                out.append(letter)
                i += 2
                continue
            }
            out.append(vniSingles[c] ?? c)
            i += 1
        }
        return Normalization.nfc(String(out))
    }

    /// A vowel and the code after it as one letter; nil when they do not combine (a hat on u).
    private static func vniLetter(_ base: Character, _ code: (mark: Character?, tone: Tone)) -> Character? {
        let upper = base.isUppercase
        var lower = Character(base.lowercased())
        switch code.mark {
        case "^":
            switch lower {
            case "a": lower = "â"
            case "e": lower = "ê"
            case "o": lower = "ô"
            default: return nil
            }
        case "˘":
            guard lower == "a" else { return nil }
            lower = "ă"
        default:
            break
        }
        return VowelTable.compose(lower, code.tone, upper: upper)
    }

    // MARK: - Bytes

    /// Windows-1252, which differs from Latin-1 in 0x80–0x9F.
    public static func windows1252(_ bytes: [UInt8]) -> String {
        let high: [Unicode.Scalar] = [
            "\u{20AC}", "\u{81}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
            "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{8D}", "\u{017D}", "\u{8F}",
            "\u{90}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
            "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{9D}", "\u{017E}", "\u{0178}",
        ]
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            scalars.append((0x80..<0xA0).contains(byte) ? high[Int(byte) - 0x80] : Unicode.Scalar(byte))
        }
        return String(scalars)
    }
}
