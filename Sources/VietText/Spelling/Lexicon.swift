import Foundation

/// What the spell checker knows is written: attested syllables, single
/// words outside the syllable grammar (loanwords, brand names, abbreviations)
/// and the pairs of syllables the newsroom's words are made of.
public struct Lexicon: Sendable {
    /// Attested syllables, lower case, tone marks placed in the old style.
    public private(set) var syllables: Set<String> = []
    /// Dictionary words that are no Vietnamese syllable, by their lower case
    /// (website, zalo, ipv6), to the spelling suggestions use (Facebook, IPv6).
    public private(set) var words: [String: String] = [:]
    /// Attested syllables by their letters without marks ("viet": việt, viết…).
    private var bySkeleton: [String: [String]] = [:]
    /// The pairs of neighbouring syllables the newsroom's words are made of,
    /// against which real words used wrongly are judged (thực hiên → thực hiện).
    private(set) var pairs = RealWordPairs()
    /// How many of the newsroom's words each syllable (lexicon key) is found
    /// in: the frequency list that breaks ties between equally near fixes.
    private(set) var frequency: [String: Int] = [:]

    public init() {}

    /// Where Debian's hunspell-vi keeps its word list.
    public static let hunspellDictionary = "/usr/share/hunspell/vi_VN.dic"

    /// The lexicon bientap checks with: Debian's hunspell-vi syllables (when
    /// installed), the newsroom dictionary shipped with bientap, and the user's.
    public static func standard(hunspell: String? = hunspellDictionary, user: String? = nil) -> Lexicon {
        var lexicon = Lexicon()
        if let hunspell, let text = try? String(contentsOfFile: hunspell, encoding: .utf8) {
            // The first line of a .dic file is its entry count.
            lexicon.add(dictionary: text, skippingFirstLine: true)
        }
        lexicon.add(dictionary: NewsroomDictionary.text)
        for phrase in NewsroomWords.entries {
            lexicon.pairs.add(phrase: phrase)
            for syllable in phrase { lexicon.frequency[syllable.written(style: .old), default: 0] += 1 }
        }
        if let user, let text = try? String(contentsOfFile: user, encoding: .utf8) {
            lexicon.add(dictionary: text)
        }
        return lexicon
    }

    /// Adds the entries of a dictionary file: one entry a line, `#` starts a
    /// comment, an entry of several words adds each of them. Read byte by
    /// byte: separators are ASCII, and walking by `Character` would cost more
    /// than everything else the load does.
    public mutating func add(dictionary text: String, skippingFirstLine: Bool = false) {
        let bytes = Array(text.utf8)
        var i = 0
        if skippingFirstLine { while i < bytes.count && bytes[i] != 0x0A { i += 1 } }
        var inComment = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D { inComment = false; i += 1; continue }
            if inComment || byte == 0x20 || byte == 0x09 { i += 1; continue }
            if byte == 0x23 { inComment = true; i += 1; continue }  // #
            let start = i
            while i < bytes.count && ![0x0A, 0x0D, 0x20, 0x09, 0x23].contains(bytes[i]) { i += 1 }
            add(word: Normalization.nfc(String(decoding: bytes[start..<i], as: UTF8.self)))
        }
    }

    public mutating func add(word: String) {
        guard !word.isEmpty else { return }
        if let key = Self.syllableKey(word) {
            if syllables.insert(key).inserted {
                bySkeleton[Diacritics.searchKey(key), default: []].append(key)
            }
        } else {
            let lower = word.lowercased()
            if words[lower] == nil { words[lower] = word }
        }
    }

    /// The form syllables are compared in: lower case, old tone style; nil when not a syllable.
    public static func syllableKey(_ word: String) -> String? {
        guard let syllable = Syllable.parse(word) else { return nil }
        return syllable.written(style: .old)
    }

    public var hasSyllables: Bool { !syllables.isEmpty }

    public func isAttested(syllableKey key: String) -> Bool { syllables.contains(key) }

    /// Whether the dictionary has this (lower-case) word.
    public func contains(lower: String) -> Bool { words[lower] != nil }

    /// Attested syllables spelt with the same letters once marks are removed.
    public func syllables(withSkeleton skeleton: String) -> [String] { bySkeleton[skeleton] ?? [] }
}
