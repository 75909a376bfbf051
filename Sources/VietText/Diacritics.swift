import Foundation

/// Removal of Vietnamese diacritics, for slugs and diacritic-insensitive search.
public enum Diacritics {
    /// `text` with every tone and vowel mark removed and đ/Đ turned into d/D.
    public static func strip(_ text: String) -> String {
        // Vietnamese letters straight from the letter table, ASCII as it is; anything
        // else (a decomposed letter, a dash, a CJK character) scalar by scalar.
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let letter = LetterTable.letter(scalar) {
                let plain = LetterTable.plain(letter.base)  // ASCII
                out.append(letter.upper ? Unicode.Scalar(UInt8(plain.value) - 32) : plain)
            } else if scalar.isASCII {
                out.append(scalar)
            } else {
                switch scalar.value {
                case 0x0300...0x036F: continue  // a combining mark of a decomposed letter
                case 0x0111: out.append("d")
                case 0x0110: out.append("D")
                default:
                    for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where !(0x0300...0x036F).contains(part.value) {
                        out.append(part)
                    }
                }
            }
        }
        return String(out)
    }

    /// Lower-cased, diacritic-free form used to compare search terms.
    public static func searchKey(_ text: String) -> String {
        strip(text).lowercased()
    }
}
