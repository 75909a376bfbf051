import Foundation

/// Unicode normalisation as stored everywhere in bientap: NFC.
public enum Normalization {
    /// The NFC form of `text`.
    public static func nfc(_ text: String) -> String {
        if isPlainlyNFC(text) { return text }
        // Only the words holding what the scan cannot prove go through Foundation, which
        // normalises at a tenth of the checker's speed. Cutting before ASCII whitespace is
        // safe: a space is a starter that nothing before it composes with.
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var plain = true
        var i = scalars.startIndex
        func flush(upTo end: String.Index) {
            let piece = Substring(scalars[start..<end])
            out += plain ? String(piece) : String(piece).precomposedStringWithCanonicalMapping
            start = end
            plain = true
        }
        while i < scalars.endIndex {
            let scalar = scalars[i]
            if scalar.value <= 0x20 && i > start { flush(upTo: i) }
            plain = plain && isPlainlyNFC(scalar)
            i = scalars.index(after: i)
        }
        flush(upTo: scalars.endIndex)
        return out
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
        // Read off the UTF-8 bytes: the scan runs on every text checked.
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                if bytes[i] < 0x80 { i += 1; continue }
                let (scalar, width) = bytes.scalar(at: i)
                guard isPlainlyNFC(scalar) else { return false }
                i += width
            }
            return true
        }
    }

    private static func isPlainlyNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x0300, 0x1EA0...0x1EF9, 0x2002...0x206F, 0x20AB: return true
        default: return false
        }
    }
}
