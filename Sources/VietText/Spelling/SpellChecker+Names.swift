/// Names misspelt: a capitalised word inside a sentence that the counted
/// prose never writes as a name, one slip from one it writes often
/// (Nguyêễn → Nguyễn, Huỳng → Huỳnh, Trầng → Trần).
extension SpellChecker {
    struct NameBars: Sendable {
        /// A name the prose capitalises at least this often, and in one use of `share` or
        /// more, is frequent (Thanh, though thanh niên and âm thanh are commoner still).
        var frequent = 300
        var share = 4
        /// A capitalised syllable the prose capitalises fewer times than this is no name of its own.
        var rare = 3
        /// Candidates farther than this (`candidates(for:)`'s cost) are not one slip; a
        /// letter doubled with its marks (Nguyêễn) costs a letter and a mark.
        var cost = 2.0
    }

    static let nameBars = NameBars()

    /// The frequent name the word of facts `index` is one slip from, in its case; nil when none.
    func misspeltName(_ index: Int, memo: inout Memo) -> String? {
        if let known = memo.names[index] { return known }
        let word = memo.words[index]
        let bars = Self.nameBars
        // The same letters under other marks are one slip however many marks differ.
        let skeleton = Diacritics.searchKey(word.lower)
        let found = candidates(for: word.lower)
            .filter { candidate in
                let entry = lexicon.entries[candidate.id]
                return (candidate.cost <= bars.cost || Diacritics.searchKey(entry.key) == skeleton)
                    && entry.capitals >= bars.frequent && entry.capitals * bars.share >= entry.count
            }
            .min { ($0.cost, -lexicon.entries[$0.id].capitals) < ($1.cost, -lexicon.entries[$1.id].capitals) }
            .map { Self.matchCase(of: word.spelling, $0.key, style: style ?? .new) }
        memo.names[index] = .some(found)
        return found
    }
}
