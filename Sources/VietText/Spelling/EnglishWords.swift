import Foundation

/// An English word list read at run time when one is installed (Debian's
/// wamerican): words in plain letters that it knows are foreign words the
/// text quotes (hey, slot, Dec, kW, IBM), not Vietnamese non-words.
///
/// Read on the first word that asks, not when the lexicon loads: most checks
/// never meet a word that needs it, and reading its 100,000 words costs more
/// than the rest of the load. Absent or unreadable, it knows no word.
final class EnglishWords: @unchecked Sendable {
    /// Where Debian's wamerican keeps its list.
    static let debianList = "/usr/share/dict/american-english"

    private let path: String?
    private let lock = NSLock()
    /// The words' hashes (`hash`), sorted: 75,000 numbers sort in a few milliseconds, where
    /// as many `String`s in a `Set` took 45.
    private var words: [UInt64]?

    init(path: String?) {
        self.path = path
    }

    /// Whether the list has `word` (plain ASCII letters) as written, in lower case (a
    /// capital starting a sentence), or, written in lower case and 3 letters or more, in
    /// capitals (ibm, hiv): what a two-letter typo would match too often (lp for LP).
    func knows(_ word: String) -> Bool {
        guard path != nil, word.utf8.allSatisfy({ Self.isLetter($0) }) else { return false }
        let list = loaded()
        func contains(_ form: String) -> Bool {
            let key = Self.hash(form.utf8)
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid] < key { low = mid + 1 } else { high = mid }
            }
            return low < list.count && list[low] == key
        }
        if contains(word) { return true }
        let lower = word.lowercased()
        if lower != word { return contains(lower) }
        return word.utf8.count >= 3 && contains(word.uppercased())
    }

    /// FNV-1a over the bytes: 64 bits, so two of the list's words share one about never.
    private static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// A to Z in either case.
    private static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }

    private func loaded() -> [UInt64] {
        lock.lock()
        defer { lock.unlock() }
        if let words { return words }
        var read: [UInt64] = []
        if let path, let data = FileManager.default.contents(atPath: path) {
            read.reserveCapacity(80_000)
            data.withUnsafeBytes { raw in
                // One word a line; those with an apostrophe or letters past ASCII (the possessives,
                // café) are never asked about.
                var start = 0
                for (i, byte) in raw.enumerated() where byte == 0x0A {
                    let line = UnsafeRawBufferPointer(rebasing: raw[start..<i])
                    if !line.isEmpty && line.allSatisfy({ Self.isLetter($0) }) { read.append(Self.hash(line)) }
                    start = i + 1
                }
            }
            read.sort()
        }
        words = read
        return read
    }
}
