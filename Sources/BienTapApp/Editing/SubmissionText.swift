import NewsroomKit
import VietText

/// A submission as one editable text, the way mail clients hand a message to an
/// editor: a title line and a sapo line, a blank line, then the body.
///
///     Tiêu đề: Hội nghị chuyển đổi số
///     Sa pô: Sáng 24/11, …
///
///     Nội dung, một đoạn một dòng.
///
/// The same text goes to the built-in editor, to `$VISUAL` and to the journal, and a
/// merge works on it whole, so a title changed by one editor and a paragraph by
/// another both survive.
public enum SubmissionText {
    public struct Invalid: Error, Equatable {
        public let message: Localized
    }

    public static func compose(title: String, sapo: String, body: String, language: UILanguage) -> String {
        let labels = language == .en ? ("Title", "Sapo") : ("Tiêu đề", "Sa pô")
        return "\(labels.0): \(oneLine(title))\n\(labels.1): \(oneLine(sapo))\n\n\(body)"
    }

    public static func compose(_ submission: Submission, language: UILanguage) -> String {
        compose(title: submission.summary.title, sapo: submission.sapo, body: submission.body, language: language)
    }

    /// The title, sapo and body of an edited text. The labels may be in either language
    /// and typed without diacritics; a header line without a label continues the field above.
    public static func parse(_ text: String) throws -> (title: String, sapo: String, body: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        var last: WritableKeyPath<(title: String?, sapo: String?), String?>?
        var fields: (title: String?, sapo: String?) = (nil, nil)
        while let line = lines.first, !line.trimmingCharacters(in: .whitespaces).isEmpty {
            lines.removeFirst()
            if let (field, value) = try labelled(line) {
                guard fields[keyPath: field] == nil else { throw Invalid(message: Strings.fieldTwice(label(field))) }
                fields[keyPath: field] = value
                last = field
            } else if let last {
                fields[keyPath: last] = (fields[keyPath: last] ?? "") + " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                throw Invalid(message: Strings.missingTitleLine)
            }
        }
        let sapo = fields.sapo
        guard let title = fields.title, !title.isEmpty else { throw Invalid(message: Strings.missingTitleLine) }
        guard title.count <= SubmissionEdit.titleLimit else { throw Invalid(message: Strings.tooLong(label(\.title), SubmissionEdit.titleLimit)) }
        let body = lines.dropFirst().joined(separator: "\n").trimmingTrailingNewlines()
        guard (sapo ?? "").count <= SubmissionEdit.sapoLimit else { throw Invalid(message: Strings.tooLong(label(\.sapo), SubmissionEdit.sapoLimit)) }
        guard body.count <= SubmissionEdit.bodyLimit else { throw Invalid(message: Strings.tooLong(Strings.bodyLabel, SubmissionEdit.bodyLimit)) }
        return (Normalization.nfc(title), Normalization.nfc(sapo ?? ""), Normalization.nfc(body))
    }

    private static func label(_ field: WritableKeyPath<(title: String?, sapo: String?), String?>) -> Localized {
        field == \.title ? Localized(vi: "Tiêu đề", en: "Title") : Localized(vi: "Sa pô", en: "Sapo")
    }

    /// The field a header line names, and its value. Only the label itself may stand before
    /// the colon: a digit or a sign typed in front of it ("1Tiêu đề:") would not be saved,
    /// so such a line is refused rather than read as the label.
    private static func labelled(_ line: String) throws -> (WritableKeyPath<(title: String?, sapo: String?), String?>, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let typed = line[..<colon]
        let name = Diacritics.strip(String(typed)).lowercased().filter { $0.isLetter }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let field: WritableKeyPath<(title: String?, sapo: String?), String?>
        switch name {
        case "tieude", "title": field = \.title
        case "sapo": field = \.sapo
        default: return nil
        }
        guard typed.allSatisfy({ $0.isLetter || $0.isWhitespace }) else {
            throw Invalid(message: Strings.textBeforeLabel(typed.trimmingCharacters(in: .whitespaces), label(field)))
        }
        return (field, value)
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

private extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last.isNewline || last == " " { s = s.dropLast() }
        return String(s)
    }
}
