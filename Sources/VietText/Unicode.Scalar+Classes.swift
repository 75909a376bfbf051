extension Unicode.Scalar {
    /// Whether this scalar is a character on its own whatever stands beside
    /// it: true of ASCII, Latin-1, the Latin Extended and Vietnamese blocks,
    /// general punctuation and currency signs; false of combining marks,
    /// joiners and the scripts whose characters are built of several scalars.
    var standsAlone: Bool {
        switch value {
        case 0..<0x300, 0x1E00..<0x1F00, 0x2000..<0x200C, 0x200E..<0x2070, 0x20A0..<0x20D0: return true
        default: return false
        }
    }

    /// Unicode's White_Space, answered from its short list.
    var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// What `Character.isLetter` asks (Alphabetic), Latin letters from `LetterTable`.
    var isLetter: Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        return LetterTable.letter(self) != nil || properties.isAlphabetic
    }

    /// What `Character.isUppercase` asks, Latin letters from `LetterTable`.
    var isUppercase: Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) }
        if let letter = LetterTable.letter(self) { return letter.upper }
        return properties.isUppercase
    }

    /// What `Character.isNumber` asks (a numeric type): digits, ², ½, Ⅻ…
    var isNumber: Bool {
        if value < 0x80 { return (0x30...0x39).contains(value) }
        return LetterTable.letter(self) == nil && properties.numericType != nil
    }
}
