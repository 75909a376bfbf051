import Foundation

/// Removal of Vietnamese diacritics, for slugs and diacritic-insensitive search.
public enum Diacritics {
    /// `text` with every tone and vowel mark removed and đ/Đ turned into d/D.
    public static func strip(_ text: String) -> String {
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
