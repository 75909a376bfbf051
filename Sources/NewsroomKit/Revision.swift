import Foundation

/// What an editor sends to save a submission: its new text and why.
/// Sent with `If-Match: "r<revision>"` naming the revision it was made from.
public struct SubmissionEdit: Codable, Sendable, Hashable {
    public var title: String
    public var sapo: String
    public var body: String
    /// Why it changed ("sửa chính tả"); may be empty.
    public var note: String

    public init(title: String, sapo: String, body: String, note: String = "") {
        self.title = title
        self.sapo = sapo
        self.body = body
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case title, sapo, body, note }

    /// `note` may be left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        sapo = try c.decode(String.self, forKey: .sapo)
        body = try c.decode(String.self, forKey: .body)
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
    }

    /// Longest title, sapo and body a save accepts, in characters.
    public static let titleLimit = 500
    public static let sapoLimit = 5_000
    public static let bodyLimit = 200_000
}

/// One saved version of a submission; immutable once written.
public struct RevisionInfo: Codable, Sendable, Hashable {
    /// 1 is the contributor's original.
    public var number: Int
    /// Who saved it: the editor's user name, or the contributor's name for the original.
    public var author: String
    public var createdAt: Date
    public var note: String

    public init(number: Int, author: String, createdAt: Date, note: String) {
        self.number = number
        self.author = author
        self.createdAt = createdAt
        self.note = note
    }
}

/// A revision with its text.
public struct Revision: Codable, Sendable, Hashable {
    public var info: RevisionInfo
    public var title: String
    public var sapo: String
    public var body: String

    public init(info: RevisionInfo, title: String, sapo: String, body: String) {
        self.info = info
        self.title = title
        self.sapo = sapo
        self.body = body
    }
}

/// The answer to a save made from an old revision (412): the error, and the
/// submission as it now is, so the client can merge instead of losing words.
public struct StaleRevisionBody: Codable, Sendable, Hashable, Error {
    public var error: APIErrorBody.Payload
    public var current: Submission

    public init(current: Submission) {
        error = APIErrorBody(code: .staleRevision, detail: "r\(current.summary.revision)").error
        self.current = current
    }
}

/// The `ETag` / `If-Match` value naming a revision: `"r3"`.
public enum RevisionTag {
    public static func make(_ revision: Int) -> String { "\"r\(revision)\"" }

    /// The revision an `If-Match` names; nil when it names none (or several, or `*`).
    public static func parse(_ value: String) -> Int? {
        var text = Substring(value.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        guard text.count >= 4, text.first == "\"", text.last == "\"" else { return nil }
        text = text.dropFirst().dropLast()
        guard text.first == "r", let number = Int(text.dropFirst()), number >= 1 else { return nil }
        return number
    }
}
