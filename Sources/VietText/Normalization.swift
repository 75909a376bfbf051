import Foundation

/// Unicode normalisation as stored everywhere in bientap: NFC.
public enum Normalization {
    /// The NFC form of `text`.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// True when `text` is already in NFC.
    public static func isNFC(_ text: String) -> Bool {
        text.unicodeScalars.elementsEqual(nfc(text).unicodeScalars)
    }
}
