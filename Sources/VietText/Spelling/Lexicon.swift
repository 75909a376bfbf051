import Foundation

/// What the spell checker knows is written: attested syllables, and single
/// words outside the syllable grammar (loanwords, brand names, abbreviations).
public struct Lexicon: Sendable {
    /// Attested syllables, lower case, tone marks placed in the old style.
    public private(set) var syllables: Set<String> = []
    /// Dictionary words that are no Vietnamese syllable, by their lower case
    /// (website, zalo, ipv6), to the spelling suggestions use (Facebook, IPv6).
    public private(set) var words: [String: String] = [:]
    /// Attested syllables by their letters without marks ("viet": việt, viết…).
    private var bySkeleton: [String: [String]] = [:]

    public init() {}

    /// Where Debian's hunspell-vi keeps its word list.
    public static let hunspellDictionary = "/usr/share/hunspell/vi_VN.dic"

    /// The lexicon bientap checks with: Debian's hunspell-vi syllables (when
    /// installed), the newsroom dictionary shipped with bientap, and the user's.
    public static func standard(hunspell: String? = hunspellDictionary, user: String? = nil) -> Lexicon {
        var lexicon = Lexicon()
        if let hunspell, let text = try? String(contentsOfFile: hunspell, encoding: .utf8) {
            // The first line of a .dic file is its entry count.
            lexicon.add(lines: text.textLines.dropFirst().map(String.init))
        }
        lexicon.add(lines: NewsroomDictionary.text.textLines.map(String.init))
        if let user, let text = try? String(contentsOfFile: user, encoding: .utf8) {
            lexicon.add(lines: text.textLines.map(String.init))
        }
        return lexicon
    }

    /// Adds dictionary lines: one entry a line, `#` starts a comment, an
    /// entry of several words adds each of them.
    public mutating func add(lines: [String]) {
        for line in lines {
            let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            for part in entry.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                add(word: Normalization.nfc(String(part)))
            }
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
