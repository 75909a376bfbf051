/// A piece of a line of text, as the spell checker sees it.
public struct Token: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// Letters only: what is checked.
        case word
        /// 26.500; 0232.3851206; 1,5; 15%.
        case number
        /// 22/11/2018; 22/11; 22-11-2018.
        case date
        /// 1534/VP-CBTH; 43/2011/NĐ-CP; QĐ-UBND.
        case documentNumber
        /// Capitals: UBND, TTĐT, CNTT&TT; roman numerals (XIV) too.
        case abbreviation
        case email
        case url
        /// Letters and digits mixed (F0, A4, 5G): codes, not prose.
        case code
    }

    public var text: String
    public var kind: Kind
    /// 1-based line and column; the column counts characters.
    public var line: Int
    public var column: Int
    /// Whether a sentence starts with this token (first of the text, or after . ! ? or a blank line).
    public var startsSentence: Bool
}

/// Splits prose into tokens, leaving alone what is not prose: numbers,
/// dates, document numbers, abbreviations, e-mail addresses, URLs and
/// Markdown markup.
public enum Tokenizer {
    static let openers: Set<Character> = ["(", "[", "{", "\"", "'", "“", "‘", "«", "*", "_", "`", "#", ">", "~"]
    static let closers: Set<Character> = [")", "]", "}", "\"", "'", "”", "’", "»", ".", ",", ";", ":", "!", "?", "…",
                                          "*", "_", "`", "~"]

    public static func tokens(in text: String) -> [Token] {
        var result: [Token] = []
        var sentenceStart = true
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Array(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            if line.allSatisfy(\.isWhitespace) { sentenceStart = true; continue }
            var i = 0
            while i < line.count {
                while i < line.count && line[i].isWhitespace { i += 1 }
                let start = i
                while i < line.count && !line[i].isWhitespace { i += 1 }
                guard start < i else { break }
                classify(line[start..<i], line: lineNumber, column: start + 1, sentenceStart: &sentenceStart, into: &result)
            }
        }
        return result
    }

    /// One whitespace-separated chunk: markup and punctuation off its ends, then what it is.
    private static func classify(_ chunk: ArraySlice<Character>, line: Int, column: Int,
                                 sentenceStart: inout Bool, into result: inout [Token]) {
        var lo = chunk.startIndex
        var hi = chunk.endIndex
        let whole = String(chunk)
        // Links and addresses keep their punctuation.
        if let link = whole.range(of: "](") {
            // [text](url): the text is prose, the URL is not.
            let inner = whole[whole.startIndex..<link.lowerBound]
            classify(ArraySlice(Array(inner)), line: line, column: column, sentenceStart: &sentenceStart, into: &result)
            let offset = whole.distance(from: whole.startIndex, to: link.upperBound)
            result.append(Token(text: String(whole[link.upperBound...]).trimmingSuffix(")"), kind: .url, line: line,
                                column: column + offset, startsSentence: false))
            return
        }
        while lo < hi && openers.contains(chunk[lo]) { lo += 1 }
        while hi > lo && closers.contains(chunk[hi - 1]) { hi -= 1 }
        let endsSentence = chunk[hi...].contains(where: { ".!?…".contains($0) })
        defer { if hi > lo || endsSentence { sentenceStart = endsSentence } }
        guard lo < hi else { return }
        let core = String(chunk[lo..<hi])
        let col = column + (lo - chunk.startIndex)
        let first = sentenceStart
        func add(_ text: String, _ kind: Token.Kind, _ c: Int) {
            result.append(Token(text: text, kind: kind, line: line, column: c, startsSentence: first && c == col))
        }
        if core.contains("://") || core.lowercased().hasPrefix("www.") { add(core, .url, col); return }
        if core.contains("@"), core.contains(".") { add(core, .email, col); return }
        let hasDigit = core.contains(where: \.isNumber)
        let hasLetter = core.contains(where: \.isLetter)
        if hasDigit && !hasLetter {
            add(core, isDate(core) ? .date : .number, col)
            return
        }
        if core.contains("/") && hasDigit { add(core, .documentNumber, col); return }
        // Hyphenated and slashed chunks: each part on its own (kinh tế-xã hội, Covid-19, QĐ-UBND).
        let separators: Set<Character> = ["-", "–", "/"]
        if core.contains(where: { separators.contains($0) }) {
            let parts = core.split(omittingEmptySubsequences: true, whereSeparator: { separators.contains($0) })
            if parts.count > 1 && parts.allSatisfy({ isAbbreviation(String($0)) || $0.allSatisfy(\.isNumber) }) {
                add(core, .documentNumber, col)
                return
            }
            var offset = 0
            for part in core.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) }) {
                if !part.isEmpty { add(String(part), kind(of: String(part)), col + offset) }
                offset += part.count + 1
            }
            return
        }
        add(core, kind(of: core), col)
    }

    private static func kind(of text: String) -> Token.Kind {
        let hasDigit = text.contains(where: \.isNumber)
        let hasLetter = text.contains(where: \.isLetter)
        if hasDigit && !hasLetter { return isDate(text) ? .date : .number }
        if hasDigit { return .code }
        if !text.allSatisfy({ $0.isLetter || $0 == "&" || $0 == "'" || $0 == "’" || $0 == "." }) { return .code }
        if isAbbreviation(text) { return .abbreviation }
        return .word
    }

    /// Two or more capitals and no lower-case letter that is not a Vietnamese syllable in capitals.
    static func isAbbreviation(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        guard letters.count >= 2, letters.allSatisfy({ $0.isUppercase }) else {
            // Tp, TPHCM-like mixed forms such as "TTg" are rare; one capital and dots (T.Ư) too.
            return text.contains(".") && text.filter(\.isLetter).allSatisfy(\.isUppercase) && !text.isEmpty
        }
        // HÀ NỘI in a heading is prose; UBND is not.
        return Syllable.parse(text) == nil || text.contains("&")
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" })
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
              let day = Int(parts[0]), let month = Int(parts[1]) else { return false }
        return (1...31).contains(day) && (1...12).contains(month) && (parts.count == 2 || parts[2].count == 4 || parts[2].count == 2)
    }
}

private extension String {
    func trimmingSuffix(_ suffix: Character) -> String {
        last == suffix ? String(dropLast()) : self
    }
}
