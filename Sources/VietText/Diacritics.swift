import Foundation

/// Removal of Vietnamese diacritics, for slugs and diacritic-insensitive search.
public enum Diacritics {
    /// `text` with every tone and vowel mark removed and đ/Đ turned into d/D.
    public static func strip(_ text: String) -> String {
        // Vietnamese letters straight from the letter table; anything else by decomposition.
        var fast = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let letter = LetterTable.letter(scalar) {
                let plain = LetterTable.plain(letter.base)  // ASCII
                fast.append(letter.upper ? Unicode.Scalar(UInt8(plain.value) - 32) : plain)
            } else if scalar.isASCII {
                fast.append(scalar)
            } else {
                return decomposing(text)
            }
        }
        return String(fast)
    }

    private static func decomposing(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111: out.append("d")
            case 0x0110: out.append("D")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Lower-cased, diacritic-free form used to compare search terms.
    public static func searchKey(_ text: String) -> String {
        strip(text).lowercased()
    }
}
