/// Terminal column widths, computed per grapheme cluster.
///
/// Vietnamese letters (precomposed or decomposed) take one column, East Asian
/// wide and full-width characters and emoji take two, control characters and
/// lone combining marks take none.
public enum DisplayWidth {
    /// Columns one grapheme cluster occupies.
    public static func of(_ grapheme: Character) -> Int {
        if grapheme.isASCII, let v = grapheme.asciiValue {
            return (v < 0x20 || v == 0x7F) ? 0 : 1
        }
        var scalars = grapheme.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        guard let second = scalars.next() else {
            // One scalar, as nearly every grapheme of NFC text.
            let fast = Graphemes.standaloneWidth(first)
            return fast >= 0 ? fast : width(of: first)
        }
        if second.value == 0xFE0F { return 2 }
        while let next = scalars.next() {
            if next.value == 0xFE0F { return 2 }
        }
        return width(of: first)
    }

    /// Columns a whole string occupies.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        Graphemes.forEach(in: String(text)) { _, _, w in
            total += w
            return true
        }
        return total
    }

    /// Columns a single scalar occupies when it starts a grapheme.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v >= 0x200B && v <= 0x200F { return 0 }
        return isWide(v) ? 2 : 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        for range in wideRanges where range.contains(v) { return true }
        return false
    }

    // East Asian Wide (W) and Fullwidth (F) blocks, and emoji with default emoji presentation.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F5, 0x26FA...0x26FD,
        0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C, 0x2753...0x2757,
        0x2795...0x2797, 0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50,
        0x2B55...0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18CFF, 0x1B000...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F251, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C,
        0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
        0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC,
        0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
        0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC,
        0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
        0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// The longest prefix of `text` that fits in `width` columns; when the text
    /// had to be cut, the last column holds `ellipsis` (if it is one column wide).
    public static func truncate(_ text: String, to width: Int, ellipsis: Character? = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let budget = ellipsis == nil ? width : width - 1
        var used = 0
        var out = ""
        for c in text {
            let w = of(c)
            if used + w > budget { break }
            out.append(c)
            used += w
        }
        if let e = ellipsis { out.append(e) }
        return out
    }

    /// `text` cut or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let pad = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? pad + cut : cut + pad
    }

    /// Splits `text` into lines of at most `width` columns, breaking at spaces
    /// where possible and inside a word only when the word alone is too long.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        for paragraph in text.textLines {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var piece = String(word)
                var pieceWidth = of(piece)
                let sep = line.isEmpty ? 0 : 1
                if lineWidth + sep + pieceWidth <= width {
                    if sep == 1 { line.append(" ") }
                    line += piece
                    lineWidth += sep + pieceWidth
                    continue
                }
                if !line.isEmpty { lines.append(line); line = ""; lineWidth = 0 }
                while pieceWidth > width {
                    let head = truncate(piece, to: width, ellipsis: nil)
                    lines.append(head)
                    piece.removeFirst(head.count)
                    pieceWidth = of(piece)
                }
                line = piece
                lineWidth = pieceWidth
            }
            lines.append(line)
        }
        return lines
    }
}

/// Walks a text grapheme by grapheme, with each grapheme's width.
///
/// Text made only of scalars that are graphemes on their own — ASCII,
/// Latin letters, Vietnamese precomposed letters, common punctuation, CJK
/// ideographs — is walked over its UTF-8 bytes, many times faster than
/// Swift's grapheme breaking, which is used for anything else.
public enum Graphemes {
    /// Calls `body(first scalar, further scalars, columns)` for each grapheme
    /// until it returns false.
    public static func forEach(in text: String, _ body: (Unicode.Scalar, String, Int) -> Bool) {
        var text = text
        let walked = text.withUTF8 { bytes -> Bool in
            var i = 0
            while i < bytes.count {
                if bytes[i] < 0x80 {
                    if bytes[i] == 0x0D { return false }
                    i += 1
                    continue
                }
                let (scalar, length) = bytes.scalar(at: i)
                if standaloneWidth(scalar) < 0 { return false }
                i += length
            }
            i = 0
            while i < bytes.count {
                let (scalar, length) = bytes.scalar(at: i)
                if !body(scalar, "", standaloneWidth(scalar)) { break }
                i += length
            }
            return true
        }
        if walked { return }
        for grapheme in text {
            let scalars = grapheme.unicodeScalars
            guard let first = scalars.first else { continue }
            let tail = scalars.count == 1 ? "" : String(scalars.dropFirst())
            if !body(first, tail, DisplayWidth.of(grapheme)) { return }
        }
    }

    /// The columns of `scalar` when it is a grapheme by itself whatever
    /// surrounds it, else -1. Controls take no columns (whoever draws drops
    /// them); CR is not alone, as it joins a following LF.
    @inline(__always)
    static func standaloneWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 { return v == 0x0D ? -1 : 0 }
        if v < 0x7F { return 1 }
        if v < 0xA0 { return 0 }
        if v < 0x300 { return 1 }
        switch v {
        case 0x1E00...0x1EFF,                   // Latin Extended Additional: Vietnamese precomposed letters
             0x2010...0x2027, 0x2030...0x205E:  // dashes, quotes, bullets, ellipsis
            return 1
        case 0x3040...0x3098, 0x309B...0x30FF,  // kana without the combining sound marks
             0x4E00...0x9FFF:                   // CJK ideographs
            return 2
        default:
            return -1
        }
    }
}
