import Foundation

/// Removal of Vietnamese diacritics, for slugs and diacritic-insensitive search.
public enum Diacritics {
    /// `text` with every tone and vowel mark removed and đ/Đ turned into d/D.
    public static func strip(_ text: String) -> String {
        // Vietnamese letters straight from the vowel table; anything else by decomposition.
        var fast = ""
        fast.reserveCapacity(text.utf8.count)
        for ch in text {
            if let v = VowelTable.split(ch) {
                fast.append(v.upper ? Character(String(VowelTable.plain(v.base)).uppercased()) : VowelTable.plain(v.base))
            } else if ch == "đ" {
                fast.append("d")
            } else if ch == "Đ" {
                fast.append("D")
            } else if ch.isASCII {
                fast.append(ch)
            } else {
                return decomposing(text)
            }
        }
        return fast
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
