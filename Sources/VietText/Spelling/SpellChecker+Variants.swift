/// Spellings house styles choose between, both right (hằng năm or hàng năm, tỷ
/// or tỉ): accepted either way unless the checker is asked for one, and then
/// the other draws a style note, never an error.
extension SpellChecker {
    /// One choice a house style makes: each side's name and the words it writes,
    /// word for word the same meaning on the other side.
    public struct VariantChoice: Sendable {
        public let names: (String, String)
        let forms: [(String, String)]
    }

    /// The choices `preferredVariants` names a side of.
    public static let variantChoices: [VariantChoice] = [
        VariantChoice(names: ("hằng", "hàng"), forms: ["năm", "ngày", "tháng", "tuần", "quý", "giờ"].map { ("hằng " + $0, "hàng " + $0) }),
        VariantChoice(names: ("tỷ", "tỉ"), forms: [("tỷ", "tỉ")]),
        VariantChoice(names: ("lý", "lí"), forms: [("lý", "lí")]),
        VariantChoice(names: ("kỹ", "kĩ"), forms: [("kỹ", "kĩ")]),
        VariantChoice(names: ("kỷ", "kỉ"), forms: [("kỷ", "kỉ")]),
        VariantChoice(names: ("mỹ", "mĩ"), forms: [("mỹ", "mĩ")]),
        VariantChoice(names: ("sỹ", "sĩ"), forms: [("sỹ", "sĩ")]),
        VariantChoice(names: ("quý", "quí"), forms: [("quý", "quí"), ("quỹ", "quĩ"), ("quy", "qui")]),
    ]

    /// Every name `preferredVariants` may hold.
    public static var variantNames: [String] { variantChoices.flatMap { [$0.names.0, $0.names.1] } }

    /// What each spelling the house style does not write is written as instead, in
    /// lower case: a word, or two words one space apart.
    private func avoidedVariants() -> [String: String] {
        var avoided: [String: String] = [:]
        for choice in Self.variantChoices {
            for (first, second) in choice.forms {
                if preferredVariants.contains(choice.names.0) { avoided[second] = first }
                if preferredVariants.contains(choice.names.1) { avoided[first] = second }
            }
        }
        return avoided
    }

    /// A style note on each spelling the house style does not write.
    func variantNotes(_ text: String) -> [Finding] {
        let avoided = avoidedVariants()
        guard !avoided.isEmpty else { return [] }
        var notes: [Finding] = []
        var previous: Token?
        Tokenizer.forEachToken(in: text) { token in
            defer { previous = token.kind == .word ? token : nil }
            guard token.kind == .word else { return }
            let lower = token.text.lowercased()
            if let previous, previous.line == token.line, token.column == previous.column + previous.length + 1,
               let preferred = avoided[previous.text.lowercased() + " " + lower] {
                let written = previous.text + " " + token.text
                notes.append(Finding(line: previous.line, column: previous.column, length: previous.length + 1 + token.length,
                                     word: written, kind: .style, reason: .variantStyle,
                                     suggestions: [Self.matchCase(of: written, preferred, style: style ?? .new)]))
            } else if let preferred = avoided[lower] {
                notes.append(Finding(line: token.line, column: token.column, length: token.length,
                                     word: token.text, kind: .style, reason: .variantStyle,
                                     suggestions: [Self.matchCase(of: token.text, preferred, style: style ?? .new)]))
            }
        }
        return notes
    }
}
