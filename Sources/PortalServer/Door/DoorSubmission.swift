import Crypto
import Foundation
import NewsroomKit
import PublicWeb

/// A door form turned into what the API takes, and the API's refusals into the door's words.
enum DoorSubmission {
    /// The draft a new-item form asks for (nil when a field cannot be read), and what is wrong
    /// in it that the API's own checks would not say in a contributor's words.
    static func draft(from form: DoorForm, sites: Set<String>, words: DoorWords) -> (draft: SubmissionDraft?, problems: [String]) {
        var problems: [String] = []
        var texts: [(String, String)] = [("title", form["title"] ?? ""), ("sapo", form["sapo"] ?? ""), ("body", form["body"] ?? "")]
        let site = form["site"] ?? ""
        if !sites.contains(site) { problems.append(words.badSite) }
        let category = Category(rawValue: form["category"] ?? "") ?? .news
        var shares: [CoAuthorShare] = []
        for n in 1...DoorView.Compose.coAuthorSlotLimit {
            guard let chosen = form["coauthor\(n)"], !chosen.isEmpty else { continue }
            guard let id = Int64(chosen), let share = CoAuthorShare.percent(form["share\(n)"] ?? "") else {
                problems.append(words.badShare)
                continue
            }
            shares.append(CoAuthorShare(contributorId: id, share: share))
        }
        var photos: [AttachmentUpload] = []
        for n in 1...DoorView.Compose.photoSlotLimit {
            guard let file = form.files.first(where: { $0.field == "photo\(n)" }) else { continue }
            let caption = form["caption\(n)"] ?? "", credit = form["credit\(n)"] ?? ""
            texts += [("caption\(n)", caption), ("credit\(n)", credit)]
            photos.append(AttachmentUpload(filename: filename(file.filename, number: n), data: file.data, caption: caption, credit: credit))
        }
        if let problem = textProblem(Dictionary(texts, uniquingKeysWith: { first, _ in first }), words: words) { problems.insert(problem, at: 0) }
        let draft = SubmissionDraft(site: site, title: form["title"] ?? "", sapo: form["sapo"] ?? "", body: form["body"] ?? "", category: category,
                                    coAuthors: shares.isEmpty ? nil : shares, attachments: photos.isEmpty ? nil : photos)
        return (draft, problems)
    }

    /// The first control character in `fields` (by name), named with its field, as the API
    /// refuses it (`invalid_text`); tab and newline are text.
    static func textProblem(_ fields: [String: String], words: DoorWords) -> String? {
        for (name, text) in fields.sorted(by: { $0.key < $1.key }) {
            if let scalar = PlainText.firstForbidden(in: text) { return words.controlCharacter(PlainText.name(scalar.value), field: name) }
        }
        return nil
    }

    /// A file's name as a browser may send it (a whole Windows path, control characters,
    /// `..`) made a plain name within the API's rule (no `/`, at most 200 characters); it is
    /// only ever shown, escaped, never used as a path.
    static func filename(_ sent: String, number: Int) -> String {
        let last = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: last.unicodeScalars.filter { $0.value >= 0x20 && PlainText.isAllowed($0.value) })
        let name = String(String(kept).trimmingCharacters(in: .whitespaces).prefix(200))
        return name.isEmpty || name == "." || name == ".." ? "anh-\(number)" : name
    }

    /// The form's one-time key as the API's `Idempotency-Key`: a form sent twice files once.
    static func idempotencyKey(_ formKey: String?, principal: Principal, asking: Data) -> Store.IdempotencyKey? {
        guard let formKey, !formKey.isEmpty, formKey.count <= 100 else { return nil }
        return Store.IdempotencyKey(userID: principal.userID, key: "door:" + formKey, requestHash: Hex.string(SHA256.hash(data: asking)))
    }

    /// An API refusal of a draft or an edit in a contributor's words.
    static func problem(_ failure: APIFailure, words: DoorWords) -> String {
        let detail = failure.detail ?? ""
        switch failure.code {
        case .payloadTooLarge:
            return words.tooLarge
        case .tooManyRequests, .serverBusy:
            return words.busy
        case .invalidField:
            if detail == "title" { return words.emptyTitle() }
            if detail.hasPrefix("co_authors") { return words.badShare }
            if detail.hasPrefix("attachments > ") { return words.tooManyPhotos(SubmissionDraft.attachmentLimit) }
            let parts = detail.components(separatedBy: " > ")
            if parts.count == 2, let limit = Int(parts[1]) { return words.tooLong(field: parts[0], limit: limit) }
            if detail.hasPrefix("attachments["), let index = Int(detail.dropFirst("attachments[".count).prefix(while: \.isNumber)) {
                if detail.contains(".data:") && detail.contains("image") { return words.notAnImage(photo: index + 1) }
                if detail.contains(".data:") { return words.tooLarge }
                return words.invalid(field: detail.components(separatedBy: ":")[0], detail: detail)
            }
            return words.invalid(field: detail.components(separatedBy: ":")[0], detail: detail)
        default:
            return words.malformed
        }
    }
}
