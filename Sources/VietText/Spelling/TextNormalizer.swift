import Foundation

/// Clean Unicode for storage and publication.
public enum TextNormalizer {
    /// `text` in NFC, with every syllable's tone mark placed in `style` when one is given.
    public static func normalize(_ text: String, style: ToneStyle?) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        guard let style else { return nfc }
        var out = ""
        out.reserveCapacity(nfc.utf8.count)
        var word = ""
        func flush() {
            if !word.isEmpty, let syllable = Syllable.parse(word), syllable.writtenStyle != nil,
               syllable.writtenStyle != style {
                out += syllable.written(style: style, capitals: word.map(\.isUppercase))
            } else {
                out += word
            }
            word = ""
        }
        for ch in nfc {
            if ch.isLetter { word.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }
}
