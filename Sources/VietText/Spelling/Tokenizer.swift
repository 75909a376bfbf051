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
    /// In characters.
    public var length: Int
    /// Whether a sentence starts with this token (first of the text, or after . ! ? or a blank line).
    public var startsSentence: Bool
    /// Whether its first letter is a capital.
    public var isCapitalised: Bool
}

/// Splits prose into tokens, leaving alone what is not prose: numbers,
/// dates, document numbers, abbreviations, e-mail addresses, URLs and
/// Markdown markup.
///
/// The spell checker's speed is the tokenizer's: it walks the text's UTF-8
/// bytes, a line at a time, and looks at each character through its first
/// scalar (which is what Unicode's character properties look at) with the
/// table lookups of `Unicode.Scalar+Classes.swift`. Asking `Character` cost
/// more than all the rest of the checker.
public enum Tokenizer {
    public static func tokens(in text: String) -> [Token] {
        var result: [Token] = []
        forEachToken(in: text) { result.append($0) }
        return result
    }

    /// Calls `body` with each token of `text`, in order, without holding them all.
    public static func forEachToken(in text: String, _ body: (Token) -> Void) {
        forEachRawToken(in: text) { body($0.token) }
    }

    /// A token whose text is still bytes of the text being read: the spell
    /// checker looks most words up without making a `String` of them.
    /// `bytes` is valid only during the call it is handed to.
    struct RawToken {
        var bytes: UnsafeBufferPointer<UInt8>
        var kind: Token.Kind
        var line: Int
        var column: Int
        var length: Int
        var startsSentence: Bool
        var isCapitalised: Bool

        var text: String { String(decoding: bytes, as: UTF8.self) }

        var token: Token {
            Token(text: text, kind: kind, line: line, column: column, length: length, startsSentence: startsSentence,
                  isCapitalised: isCapitalised)
        }
    }

    static func forEachRawToken(in text: String, _ body: (RawToken) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var line = Line()
            var sentenceStart = true
            var lineNumber = 0
            var start = 0
            while start <= bytes.count {
                lineNumber += 1
                let (end, next) = lineEnd(in: bytes, from: start)
                line.load(bytes, start..<end)
                let units = line.firsts
                var i = 0
                var blank = true
                while i < units.count {
                    while i < units.count && units[i].isSpace { i += 1 }
                    let first = i
                    while i < units.count && !units[i].isSpace { i += 1 }
                    guard first < i else { break }
                    blank = false
                    classify(first..<i, of: line, in: bytes, line: lineNumber, sentenceStart: &sentenceStart, emit: body)
                }
                if blank { sentenceStart = true }
                start = next
            }
        }
    }

    /// Where the line starting at `start` ends, and where the next one starts:
    /// the same line ends as `textLines` (LF, CR, CR LF, VT, FF, NEL, U+2028, U+2029).
    private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, next: Int) {
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case 0x0D:
                return (i, i + 1 < bytes.count && bytes[i + 1] == 0x0A ? i + 2 : i + 1)
            case 0x0A, 0x0B, 0x0C:
                return (i, i + 1)
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85:
                return (i, i + 2)
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                return (i, i + 3)
            default:
                i += 1
            }
        }
        return (bytes.count, bytes.count + 1)
    }

    /// A line as the tokenizer walks it: its characters by first scalar, and
    /// the byte offset each starts at (one more, the line's end), to cut
    /// tokens' text from.
    private struct Line {
        var firsts: [Unicode.Scalar] = []
        var offsets: [Int] = []

        mutating func load(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            // Filled through buffers sized for the worst case (a scalar a byte): appending one
            // by one checked the arrays' uniqueness and capacity on every character.
            var alone = true
            var scalars = 0
            firsts = [Unicode.Scalar](unsafeUninitializedCapacity: range.count) { firsts, count in
                offsets = [Int](unsafeUninitializedCapacity: range.count + 1) { offsets, offsetCount in
                    var i = range.lowerBound
                    while i < range.upperBound {
                        let lead = bytes[i]
                        offsets[scalars] = i
                        if lead < 0x80 {
                            firsts[scalars] = Unicode.Scalar(lead)
                            i += 1
                        } else {
                            let (unit, width) = bytes.scalar(at: i)
                            alone = alone && unit.standsAlone
                            firsts[scalars] = unit
                            i += width
                        }
                        scalars += 1
                    }
                    offsets[scalars] = range.upperBound
                    offsetCount = scalars + 1
                }
                count = scalars
            }
            guard !alone else { return }
            // Combining marks, joiners, other scripts: a character may be several scalars.
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            firsts.removeAll()
            offsets.removeAll()
            var offset = range.lowerBound
            for character in text {
                guard let first = character.unicodeScalars.first else { continue }
                firsts.append(first)
                offsets.append(offset)
                offset += character.utf8.count
            }
            offsets.append(range.upperBound)
        }

        func bytes(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]])
        }
    }

    /// One whitespace-separated chunk: markup and punctuation off its ends, then what it is.
    private static func classify(_ chunk: Range<Int>, of line: Line, in bytes: UnsafeBufferPointer<UInt8>, line number: Int,
                                 sentenceStart: inout Bool, emit: (RawToken) -> Void) {
        let units = line.firsts
        // [text](url): the text is prose, the URL is not.
        if let close = chunk.dropLast().first(where: { units[$0] == "]" && units[$0 + 1] == "(" }) {
            classify(chunk.lowerBound..<close, of: line, in: bytes, line: number, sentenceStart: &sentenceStart, emit: emit)
            var url = (close + 2)..<chunk.upperBound
            if url.last.map({ units[$0] }) == ")" { url = url.dropLast() }
            emit(RawToken(bytes: line.bytes(url, in: bytes), kind: .url, line: number, column: close + 3, length: url.count,
                          startsSentence: false, isCapitalised: false))
            return
        }
        var lo = chunk.lowerBound
        var hi = chunk.upperBound
        while lo < hi && units[lo].isOpener { lo += 1 }
        while hi > lo && units[hi - 1].isCloser { hi -= 1 }
        let endsSentence = units[hi..<chunk.upperBound].contains { $0 == "." || $0 == "!" || $0 == "?" || $0 == "…" }
        defer { if hi > lo || endsSentence { sentenceStart = endsSentence } }
        guard lo < hi else {
            if chunk.count == 1, ",.;:!?".unicodeScalars.contains(units[chunk.lowerBound]) {
                emit(RawToken(bytes: line.bytes(chunk, in: bytes), kind: .punctuation, line: number,
                              column: chunk.lowerBound + 1, length: 1, startsSentence: false, isCapitalised: false))
            }
            return
        }
        let core = lo..<hi
        // A quotation opens with a capital wherever it stands (ông nói: "Chẳng ai…").
        let first = sentenceStart || units[chunk.lowerBound..<lo].contains { $0.isQuotationMark }
        func add(_ part: Range<Int>, _ kind: Token.Kind) {
            emit(RawToken(bytes: line.bytes(part, in: bytes), kind: kind, line: number, column: part.lowerBound + 1,
                          length: part.count, startsSentence: first && part.lowerBound == lo,
                          isCapitalised: units[part.lowerBound].isUppercase))
        }
        let shape = Shape(units[core])
        if shape.isURL(units[core]) { add(core, .url); return }
        if shape.hasAt && shape.hasDot { add(core, .email); return }
        if shape.hasDigit && (!shape.hasLetter || shape.hasSlash) {
            add(core, shape.hasLetter ? .documentNumber : (isDate(units[core]) ? .date : .number))
            return
        }
        // Hyphenated and slashed chunks: each part on its own (kinh tế-xã hội, Covid-19),
        // unless every part is capitals or digits (QĐ-UBND) or one letter (V/v, "về việc").
        if shape.hasSeparator {
            let parts = core.split(whereSeparator: { units[$0].isSeparator }).map { $0.lowerBound..<$0.upperBound }
            if parts.count > 1 && parts.allSatisfy({ $0.count == 1 }) {
                add(core, .code)
                return
            }
            if parts.count > 1 && parts.allSatisfy({ Shape(units[$0]).kind == .capitals || units[$0].allSatisfy(\.isNumber) }) {
                add(core, .documentNumber)
                return
            }
            for part in parts { add(part, Shape(units[part]).kind) }
            return
        }
        add(core, shape.kind)
    }

    /// What a chunk is made of, learnt in one pass.
    private struct Shape {
        var hasDigit = false, hasLetter = false, hasLower = false, letters = 0
        var hasAt = false, hasDot = false, hasColon = false, hasSlash = false, hasSeparator = false, hasOther = false

        init(_ text: ArraySlice<Unicode.Scalar>) {
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
        func isURL(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
            if hasColon, let colon = text.firstIndex(of: ":"), text[(colon + 1)...].starts(with: ["/", "/"]) { return true }
            return hasDot && text.count > 4 && zip(text.prefix(4), "www.".unicodeScalars).allSatisfy {
                $0 == $1 || $0.value + 32 == $1.value
            }
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

    private static func isDate(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" })
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
              let day = number(parts[0]), let month = number(parts[1]) else { return false }
        return (1...31).contains(day) && (1...12).contains(month) && (parts.count == 2 || parts[2].count == 4 || parts[2].count == 2)
    }

    private static func number(_ digits: ArraySlice<Unicode.Scalar>) -> Int? {
        Int(String(String.UnicodeScalarView(digits)))
    }
}

private extension Unicode.Scalar {
    var isOpener: Bool {
        switch self {
        case "(", "[", "{", "\"", "'", "“", "‘", "«", "*", "_", "`", "#", ">", "~": return true
        default: return false
        }
    }

    var isQuotationMark: Bool {
        switch self {
        case "\"", "“", "‘", "«": return true
        default: return false
        }
    }

    var isCloser: Bool {
        switch self {
        case ")", "]", "}", "\"", "'", "”", "’", "»", ".", ",", ";", ":", "!", "?", "…", "*", "_", "`", "~": return true
        default: return false
        }
    }

    var isSeparator: Bool { self == "-" || self == "–" || self == "/" }
}
