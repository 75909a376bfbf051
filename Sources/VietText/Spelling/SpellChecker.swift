import Foundation

/// One thing the spell checker has to say about a text.
public struct Finding: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case nonword, realword, style, encoding
    }

    /// Why; the words shown to the user come from the app's string catalogue.
    public enum Reason: String, Sendable {
        case invalidSyllable          // not Vietnamese orthography (vieejt, thàp)
        case unattestedSyllable       // well formed, but no such syllable is written
        case telexLeftover            // keys of an input method left in the text
        case misspelledLoanword       // Facebok
        case confusion                // a real word used for another (sử lý)
        case mixedToneStyles          // hoà and hòa in one document
        case toneStyle                // not in the house style asked for
        case decomposed               // NFD text
        case repeatedWord             // của của
        case spaceBeforePunctuation   // "bài ,"
    }

    public var line: Int
    /// 1-based, in characters.
    public var column: Int
    /// In characters.
    public var length: Int
    public var word: String
    public var kind: Kind
    public var reason: Reason
    public var suggestions: [String]
    /// For mixedToneStyles: how many syllables follow each style (old, new).
    public var counts: (old: Int, new: Int)?

    public static func == (a: Finding, b: Finding) -> Bool {
        a.line == b.line && a.column == b.column && a.length == b.length && a.word == b.word && a.kind == b.kind
            && a.reason == b.reason && a.suggestions == b.suggestions && a.counts?.old == b.counts?.old
            && a.counts?.new == b.counts?.new
    }
}

/// The Vietnamese spell checker: non-words, real words used wrongly,
/// misspelled loanwords and style notes, with ranked suggestions.
public struct SpellChecker: Sendable {
    public var lexicon: Lexicon
    /// The house tone style; nil accepts both and only notes a mix.
    public var style: ToneStyle?

    public init(lexicon: Lexicon, style: ToneStyle? = nil) {
        self.lexicon = lexicon
        self.style = style
    }

    public func check(_ text: String) -> [Finding] {
        var findings: [Finding] = []
        let nfc = text.precomposedStringWithCanonicalMapping
        // String equality is canonical equivalence; the bytes tell NFD from NFC.
        if !nfc.utf8.elementsEqual(text.utf8) { findings += decomposedLines(text) }
        findings += spacesBeforePunctuation(nfc)

        let tokens = Tokenizer.tokens(in: nfc)
        var styled: [(token: Token, syllable: Syllable)] = []
        var previousWord: Token?
        var run: [(token: Token, key: String)] = []  // consecutive syllables, for confusions

        for token in tokens {
            guard token.kind == .word else {
                previousWord = nil
                run.removeAll()
                continue
            }
            if let previous = previousWord, previous.line == token.line,
               previous.text.lowercased() == token.text.lowercased(),
               Self.functionWords.contains(token.text.lowercased()) {
                findings.append(Finding(line: token.line, column: token.column, length: token.text.count, word: token.text,
                                        kind: .style, reason: .repeatedWord, suggestions: []))
            }
            previousWord = token
            if let syllable = Syllable.parse(token.text) {
                if syllable.writtenStyle != nil { styled.append((token, syllable)) }
                let key = syllable.written(style: .old)
                if let finding = checkAttested(token, key: key) {
                    findings.append(finding)
                    run.removeAll()
                } else {
                    run.append((token, key))
                    if let finding = confusion(in: run) { findings.append(finding) }
                }
                continue
            }
            run.removeAll()
            if let finding = checkNonSyllable(token) { findings.append(finding) }
        }
        findings += toneStyleNotes(styled)
        return findings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    // MARK: - Words

    private func checkAttested(_ token: Token, key: String) -> Finding? {
        guard lexicon.hasSyllables, !lexicon.isAttested(syllableKey: key), !lexicon.contains(word: token.text) else { return nil }
        // A capitalised word inside a sentence is most often a name the lexicon cannot know.
        if token.text.first?.isUppercase == true && !token.startsSentence { return nil }
        return Finding(line: token.line, column: token.column, length: token.text.count, word: token.text,
                       kind: .nonword, reason: .unattestedSyllable, suggestions: suggestions(for: token.text))
    }

    private func checkNonSyllable(_ token: Token) -> Finding? {
        let word = token.text
        if lexicon.contains(word: word) { return nil }
        let lower = word.lowercased()
        if let loan = closestLoanword(lower) {
            return Finding(line: token.line, column: token.column, length: word.count, word: word,
                           kind: .nonword, reason: .misspelledLoanword, suggestions: [loan])
        }
        if let composed = telexReading(word) {
            return Finding(line: token.line, column: token.column, length: word.count, word: word,
                           kind: .nonword, reason: .telexLeftover,
                           suggestions: [composed] + suggestions(for: word).filter { $0 != composed }.prefix(3))
        }
        // A capitalised word that is no syllable and no near loanword: a foreign name.
        if word.first?.isUppercase == true && !token.startsSentence { return nil }
        let isVietnameseLooking = word.contains(where: { !$0.isASCII })
        if !isVietnameseLooking && word.first?.isUppercase == true { return nil }
        return Finding(line: token.line, column: token.column, length: word.count, word: word,
                       kind: .nonword, reason: .invalidSyllable, suggestions: suggestions(for: word))
    }

    /// The word read as Telex keys, when that gives an attested syllable ("vieejt" → "việt").
    func telexReading(_ word: String) -> String? {
        guard word.count >= 2, word.contains(where: { "sfrxjzwaeod".contains(Syllable.lowercase($0)) }) else { return nil }
        var composer = WordComposer(method: .telex, style: style ?? .new)
        for key in word { composer.type(key) }
        let composed = composer.text
        guard composed != word, let key = Lexicon.syllableKey(composed), lexicon.isAttested(syllableKey: key) else { return nil }
        return composed
    }

    private func closestLoanword(_ lower: String) -> String? {
        guard lower.count >= 4 else { return nil }
        var best: (String, Int)?
        for candidate in lexicon.words where abs(candidate.count - lower.count) <= 2 && candidate.count >= 4 {
            let d = Self.editDistance(lower, candidate, limit: 2)
            if d > 0 && d <= (lower.count >= 7 ? 2 : 1) && (best == nil || d < best!.1) { best = (candidate, d) }
        }
        return best.map { lexicon.wordForms[$0.0] ?? $0.0 }
    }

    // MARK: - Suggestions

    /// Attested syllables near `word`: same letters with other marks first,
    /// then one letter added, removed or changed; at most five.
    public func suggestions(for word: String) -> [String] {
        let lower = word.lowercased()
        let skeleton = Diacritics.searchKey(lower)
        var ranked: [(String, Int)] = []
        var seen: Set<String> = []
        func consider(_ candidate: String, _ base: Int) {
            guard seen.insert(candidate).inserted, candidate != lower else { return }
            ranked.append((candidate, base + Self.editDistance(lower, candidate, limit: 6)))
        }
        for candidate in lexicon.syllables(withSkeleton: skeleton) { consider(candidate, 0) }
        if ranked.count < 5 {
            for variant in Self.edits(of: skeleton) {
                for candidate in lexicon.syllables(withSkeleton: variant) { consider(candidate, 2) }
            }
        }
        let style = self.style ?? .new
        let capitalised = word.first?.isUppercase == true
        return ranked.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(5).map { item in
            var text = Syllable.parse(item.0)?.written(style: style) ?? item.0
            if capitalised, let first = text.first { text = String(first).uppercased() + text.dropFirst() }
            return text
        }
    }

    private static let skeletonLetters = Array("abcdeghiklmnopqrstuvxy")

    /// Strings one edit away from `s` (deletion, insertion, substitution, transposition).
    static func edits(of s: String) -> Set<String> {
        let chars = Array(s)
        var out: Set<String> = []
        for i in 0...chars.count {
            for letter in skeletonLetters {
                var inserted = chars
                inserted.insert(letter, at: i)
                out.insert(String(inserted))
            }
            guard i < chars.count else { continue }
            var deleted = chars
            deleted.remove(at: i)
            out.insert(String(deleted))
            for letter in skeletonLetters where letter != chars[i] {
                var changed = chars
                changed[i] = letter
                out.insert(String(changed))
            }
            if i + 1 < chars.count {
                var swapped = chars
                swapped.swapAt(i, i + 1)
                out.insert(String(swapped))
            }
        }
        return out
    }

    /// Levenshtein distance over characters, giving up above `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous = Array(0...y.count)
        var current = previous
        for i in 1...max(1, x.count) where !x.isEmpty {
            current[0] = i
            var rowMin = current[0]
            for j in 1...max(1, y.count) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return x.isEmpty ? y.count : previous[y.count]
    }

    // MARK: - Real words used wrongly

    /// The phrase ending at the last syllable of `run`, when it is a known confusion.
    private func confusion(in run: [(token: Token, key: String)]) -> Finding? {
        for length in [3, 2] where run.count >= length {
            let window = run.suffix(length)
            let phrase = window.map { $0.key.lowercased() }.joined(separator: " ")
            guard let right = Confusions.table[phrase] else { continue }
            let first = window.first!.token
            let last = window.last!.token
            guard first.line == last.line else { continue }
            let written = window.map(\.token.text).joined(separator: " ")
            return Finding(line: first.line, column: first.column, length: last.column + last.text.count - first.column,
                           word: written, kind: .realword, reason: .confusion,
                           suggestions: [Self.matchCase(of: written, right, style: style ?? .new)])
        }
        return nil
    }

    static func matchCase(of original: String, _ replacement: String, style: ToneStyle) -> String {
        let words = replacement.split(separator: " ").map { Syllable.parse(String($0))?.written(style: style) ?? String($0) }
        var text = words.joined(separator: " ")
        if original.first?.isUppercase == true, let first = text.first { text = String(first).uppercased() + text.dropFirst() }
        return text
    }

    // MARK: - Style

    private func toneStyleNotes(_ styled: [(token: Token, syllable: Syllable)]) -> [Finding] {
        if let style {
            return styled.filter { $0.syllable.writtenStyle != style }.map { item in
                let capitals = item.token.text.map(\.isUppercase)
                return Finding(line: item.token.line, column: item.token.column, length: item.token.text.count,
                               word: item.token.text, kind: .style, reason: .toneStyle,
                               suggestions: [item.syllable.written(style: style, capitals: capitals)])
            }
        }
        let old = styled.filter { $0.syllable.writtenStyle == .old }
        let new = styled.filter { $0.syllable.writtenStyle == .new }
        guard !old.isEmpty, !new.isEmpty else { return [] }
        // One note, at the first syllable of the style used less.
        let minority = old.count <= new.count ? old : new
        let majority: ToneStyle = old.count <= new.count ? .new : .old
        let item = minority[0]
        return [Finding(line: item.token.line, column: item.token.column, length: item.token.text.count,
                        word: item.token.text, kind: .style, reason: .mixedToneStyles,
                        suggestions: [item.syllable.written(style: majority, capitals: item.token.text.map(\.isUppercase))],
                        counts: (old.count, new.count))]
    }

    private func decomposedLines(_ text: String) -> [Finding] {
        var findings: [Finding] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let s = String(line)
            let nfc = s.precomposedStringWithCanonicalMapping
            guard !nfc.utf8.elementsEqual(s.utf8) else { continue }
            // The first character whose scalars change under NFC.
            var column = 1
            var word = ""
            for ch in s {
                if String(ch).precomposedStringWithCanonicalMapping.unicodeScalars.count != ch.unicodeScalars.count {
                    word = String(ch)
                    break
                }
                column += 1
            }
            findings.append(Finding(line: index + 1, column: column, length: 1, word: word, kind: .encoding,
                                    reason: .decomposed, suggestions: [word.precomposedStringWithCanonicalMapping]))
        }
        return findings
    }

    private func spacesBeforePunctuation(_ text: String) -> [Finding] {
        var findings: [Finding] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line)
            for i in 1..<max(1, chars.count) where ",.;:!?".contains(chars[i]) && chars[i - 1] == " " {
                // Not "…", ".NET" or a lone mark starting a line.
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                guard next == " " || next == "\"" || next == "”" || i + 1 == chars.count,
                      i >= 2, chars[i - 2] != " ", !(chars[i] == "." && next == ".") else { continue }
                // Shown with the word before it: "đồng ," → "đồng,".
                var start = i - 1
                while start > 0 && !chars[start - 1].isWhitespace { start -= 1 }
                let before = String(chars[start..<(i - 1)])
                findings.append(Finding(line: index + 1, column: start + 1, length: i + 1 - start,
                                        word: before + " " + String(chars[i]), kind: .style,
                                        reason: .spaceBeforePunctuation, suggestions: [before + String(chars[i])]))
            }
        }
        return findings
    }

    /// Words an author does not write twice in a row on purpose.
    static let functionWords: Set<String> = [
        "của", "và", "là", "các", "những", "được", "bị", "trong", "cho", "với", "đã", "sẽ", "đang", "để", "có",
        "này", "đó", "khi", "thì", "mà", "tại", "theo", "về", "từ", "một", "không", "cũng", "the", "a", "of", "and",
    ]
}
