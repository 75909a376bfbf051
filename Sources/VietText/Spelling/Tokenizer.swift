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
        /// Capitals only: UBND, TTĐT, CNTT&TT, roman numerals (XIV), and headings
        /// written in capitals (THÔNG BÁO), which the spell checker tells apart.
        case capitals
        case email
        case url
        /// Letters and digits mixed (F0, A4, 5G): codes, not prose.
        case code
        /// A mark standing alone after a space: the "," of "đồng ,".
        case punctuation
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
        for rawLine in text.textLines {
            lineNumber += 1
            let line = Array(rawLine)
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
        // [text](url): the text is prose, the URL is not.
        if let close = chunk.indices.dropLast().first(where: { chunk[$0] == "]" && chunk[$0 + 1] == "(" }) {
            classify(chunk[chunk.startIndex..<close], line: line, column: column, sentenceStart: &sentenceStart, into: &result)
            var url = chunk[(close + 2)...]
            if url.last == ")" { url = url.dropLast() }
            result.append(Token(text: String(url), kind: .url, line: line, column: column + close + 2 - chunk.startIndex,
                                startsSentence: false))
            return
        }
        var lo = chunk.startIndex
        var hi = chunk.endIndex
        while lo < hi && openers.contains(chunk[lo]) { lo += 1 }
        while hi > lo && closers.contains(chunk[hi - 1]) { hi -= 1 }
        let endsSentence = chunk[hi...].contains(where: { ".!?…".contains($0) })
        defer { if hi > lo || endsSentence { sentenceStart = endsSentence } }
        guard lo < hi else {
            if chunk.count == 1, let mark = chunk.first, ",.;:!?".contains(mark) {
                result.append(Token(text: String(chunk), kind: .punctuation, line: line, column: column, startsSentence: false))
            }
            return
        }
        let core = chunk[lo..<hi]
        let col = column + (lo - chunk.startIndex)
        let first = sentenceStart
        func add(_ part: ArraySlice<Character>, _ kind: Token.Kind) {
            let c = col + (part.startIndex - lo)
            result.append(Token(text: String(part), kind: kind, line: line, column: c, startsSentence: first && c == col))
        }
        let shape = Shape(core)
        if shape.isURL(core) { add(core, .url); return }
        if shape.hasAt && shape.hasDot { add(core, .email); return }
        if shape.hasDigit && (!shape.hasLetter || shape.hasSlash) {
            add(core, shape.hasLetter ? .documentNumber : (isDate(core) ? .date : .number))
            return
        }
        // Hyphenated and slashed chunks: each part on its own (kinh tế-xã hội, Covid-19),
        // unless every part is capitals or digits (QĐ-UBND) or one letter (V/v, "về việc").
        if shape.hasSeparator {
            let parts = core.split(whereSeparator: { separators.contains($0) })
            if parts.count > 1 && parts.allSatisfy({ $0.count == 1 }) {
                add(core, .code)
                return
            }
            if parts.count > 1 && parts.allSatisfy({ Shape($0).kind == .capitals || $0.allSatisfy(\.isNumber) }) {
                add(core, .documentNumber)
                return
            }
            for part in parts { add(part, Shape(part).kind) }
            return
        }
        add(core, shape.kind)
    }

    private static let separators: Set<Character> = ["-", "–", "/"]

    /// What a chunk is made of, learnt in one pass.
    private struct Shape {
        var hasDigit = false, hasLetter = false, hasLower = false, letters = 0
        var hasAt = false, hasDot = false, hasColon = false, hasSlash = false, hasSeparator = false, hasOther = false

        init(_ text: ArraySlice<Character>) {
            for c in text {
                if c.isLetter {
                    hasLetter = true
                    letters += 1
                    if !c.isUppercase { hasLower = true }
                } else if c.isNumber {
                    hasDigit = true
                } else {
                    switch c {
                    case "@": hasAt = true
                    case ".": hasDot = true
                    case ":": hasColon = true
                    case "/": hasSlash = true; hasSeparator = true
                    case "-", "–": hasSeparator = true
                    case "&", "'", "’": break
                    default: hasOther = true
                    }
                }
            }
        }

        /// https://…, mailto:…, www.…
        func isURL(_ text: ArraySlice<Character>) -> Bool {
            if hasColon, let colon = text.firstIndex(of: ":"), text[(colon + 1)...].starts(with: ["/", "/"]) { return true }
            return hasDot && text.prefix(4).map { $0.lowercased() }.joined() == "www."
        }

        /// For a chunk without separators.
        var kind: Token.Kind {
            if hasDigit { return hasLetter ? .code : .number }
            if hasOther || hasAt || hasColon { return .code }
            // Dotted abbreviations: TP.HCM, T.Ư are capitals; v.v, Tp.HCM are not prose either.
            if letters >= 2 && !hasLower { return .capitals }
            return hasDot ? .code : .word
        }
    }

    private static func isDate(_ text: ArraySlice<Character>) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" })
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
              let day = Int(String(parts[0])), let month = Int(String(parts[1])) else { return false }
        return (1...31).contains(day) && (1...12).contains(month) && (parts.count == 2 || parts[2].count == 4 || parts[2].count == 2)
    }
}
