import Foundation
import VietText

/// What `bientap spell` prints for a finding: text lines for people and
/// editors' tools, JSON lines for programs.
public enum SpellReport {
    public enum Format: String, CaseIterable, Sendable {
        case text, jsonl
    }

    /// `FILE:LINE:COL: WORD: message (suggestions: a, b)`.
    public static func textLine(_ finding: Finding, file: String, language: UILanguage) -> String {
        var line = "\(file):\(finding.line):\(finding.column): \(finding.word): \(message(finding)(language))"
        if !finding.suggestions.isEmpty {
            line += " (\(Strings.spellSuggestions(language)): \(finding.suggestions.joined(separator: ", ")))"
        }
        return line
    }

    /// One JSON object: file, line, column, length, word, kind, message, suggestions.
    public static func jsonLine(_ finding: Finding, file: String, language: UILanguage) -> String {
        struct Line: Encodable {
            var file: String
            var line: Int
            var column: Int
            var length: Int
            var word: String
            var kind: String
            var reason: String
            var message: String
            var suggestions: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value = Line(file: file, line: finding.line, column: finding.column, length: finding.length, word: finding.word,
                         kind: finding.kind.rawValue, reason: finding.reason.rawValue,
                         message: message(finding)(language), suggestions: finding.suggestions)
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// Whether the finding makes `bientap spell` exit 1.
    public static func isError(_ finding: Finding) -> Bool {
        finding.kind == .nonword || finding.kind == .realword
    }

    public static func message(_ finding: Finding) -> Localized {
        switch finding.reason {
        case .invalidSyllable: return Strings.spellInvalidSyllable
        case .unattestedSyllable: return Strings.spellUnattested
        case .telexLeftover: return Strings.spellTelexLeftover
        case .misspelledLoanword: return Strings.spellLoanword
        case .confusion: return Strings.spellConfusion
        case .unlikelyPair: return Strings.spellUnlikelyPair
        case .mixedToneStyles:
            return Strings.spellMixedStyles(old: finding.counts?.old ?? 0, new: finding.counts?.new ?? 0)
        case .toneStyle: return Strings.spellToneStyle
        case .decomposed: return Strings.spellDecomposed
        case .legacyEncoding: return Strings.spellLegacyEncoding(finding.legacyEncoding ?? .tcvn3)
        case .repeatedWord: return Strings.spellRepeated
        case .spaceBeforePunctuation: return Strings.spellSpaceBeforePunctuation
        case .variantStyle: return Strings.spellVariantStyle
        case .abbreviation: return Strings.spellAbbreviation
        }
    }
}
