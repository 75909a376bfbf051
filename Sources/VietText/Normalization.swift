import Foundation

/// Unicode normalisation as stored everywhere in bientap: NFC.
public enum Normalization {
    /// The NFC form of `text`.
    public static func nfc(_ text: String) -> String {
        isPlainlyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// `text` in NFC with every syllable's tone mark placed in `style` (hoà or
    /// hòa); other words are left as they are.
    public static func nfc(_ text: String, toneStyle style: ToneStyle) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var word = ""
        func flush() {
            if let syllable = Syllable.parse(word), syllable.writtenStyle != nil, syllable.writtenStyle != style {
                out += syllable.written(style: style, capitals: word.map(\.isUppercase))
            } else {
                out += word
            }
            word = ""
        }
        for ch in nfc(text) {
            if ch.isLetter { word.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }

    /// True when `text` is already in NFC.
    public static func isNFC(_ text: String) -> Bool {
        isPlainlyNFC(text) || text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    /// A scan that proves most Vietnamese text NFC without normalising it:
    /// every scalar lies where NFC changes nothing (below the combining marks,
    /// the precomposed Vietnamese letters, general punctuation but the two
    /// quads, the đồng sign). False means "not proven", not "not NFC".
    static func isPlainlyNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x0300, 0x1EA0...0x1EF9, 0x2002...0x206F, 0x20AB: return true
            default: return false
            }
        }
    }
}
