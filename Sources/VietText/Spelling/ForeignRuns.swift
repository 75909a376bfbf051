/// Runs of words in another language inside Vietnamese text (an English
/// quotation, a licence, a title): words in plain ASCII letters, side by side
/// on a line, enough of them no Vietnamese word or an English function word.
/// Their findings are dropped: they are never Vietnamese misspellings.
struct ForeignRuns {
    struct Span {
        var line: Int
        var start: Int
        var end: Int

        func covers(_ finding: Finding) -> Bool {
            finding.line == line && finding.column >= start && finding.column < end
        }
    }

    private(set) var spans: [Span] = []
    private var current: (span: Span, words: Int, foreign: Int)?

    /// Reads the next word: `foreignish` when it is plain ASCII and no Vietnamese
    /// word (or an English function word); nil when it is no plain ASCII.
    mutating func read(_ token: Tokenizer.RawToken, foreignish: Bool?) {
        guard let foreignish else {
            close()
            return
        }
        if let run = current, run.span.line != token.line { close() }
        let end = token.column + token.length
        if var run = current {
            run.span.end = end
            run.words += 1
            run.foreign += foreignish ? 1 : 0
            current = run
        } else {
            current = (Span(line: token.line, start: token.column, end: end), 1, foreignish ? 1 : 0)
        }
    }

    /// Ends the run being read; it counts as foreign with two foreign words or
    /// more, two in five of its words at least.
    mutating func close() {
        if let run = current, run.foreign >= 2, run.foreign * 5 >= run.words * 2 { spans.append(run.span) }
        current = nil
    }

    /// English words that a Vietnamese sentence in plain letters has no use for.
    static let englishFunctionWords: Set<String> = [
        "the", "of", "and", "to", "in", "is", "are", "was", "were", "be", "been", "for", "with", "as", "by", "on", "at",
        "from", "that", "this", "these", "those", "it", "its", "or", "not", "any", "all", "such", "which", "who", "under",
        "other", "will", "shall", "has", "have", "had", "does", "an", "you", "your", "their", "they", "we", "our", "if",
        "than", "into", "each", "so", "can", "also", "more", "most", "what", "when", "where", "there", "here", "about",
    ]
}
