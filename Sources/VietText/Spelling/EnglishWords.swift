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
    private var words: Set<String>?

    init(path: String?) {
        self.path = path
    }

    /// Whether the list has `word` (plain ASCII letters) as written, in lower case (a
    /// capital starting a sentence), or, written in lower case and 3 letters or more, in
    /// capitals (ibm, hiv): what a two-letter typo would match too often (lp for LP).
    func knows(_ word: String) -> Bool {
        guard path != nil, word.utf8.allSatisfy({ Self.isLetter($0) }) else { return false }
        let list = loaded()
        if list.contains(word) { return true }
        let lower = word.lowercased()
        if lower != word { return list.contains(lower) }
        return word.utf8.count >= 3 && list.contains(word.uppercased())
    }

    /// A to Z in either case.
    private static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }

    private func loaded() -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        if let words { return words }
        var read: Set<String> = []
        if let path, let data = FileManager.default.contents(atPath: path) {
            read.reserveCapacity(80_000)
            // One word a line; those with an apostrophe or letters past ASCII (the possessives,
            // café) are never asked about.
            for line in data.split(separator: 0x0A) where !line.isEmpty && line.allSatisfy({ Self.isLetter($0) }) {
                read.insert(String(decoding: line, as: UTF8.self))
            }
        }
        words = read
        return read
    }
}
