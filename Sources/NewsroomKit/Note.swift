import Foundation

/// An editorial note on a submission: threaded by `parentId`; seen by the editorial
/// board only, or shared with the contributor too.
public struct Note: Codable, Sendable, Hashable, Identifiable {
    public enum Visibility: String, Codable, Sendable, CaseIterable {
        /// Ban Biên tập only: editors, publishers, admins.
        case editors
        /// The contributor sees it too, and may answer.
        case shared
    }

    public var id: Int64
    public var parentId: Int64?
    public var author: String
    public var authorName: String
    public var body: String
    public var visibility: Visibility
    public var createdAt: Date

    public init(id: Int64, parentId: Int64?, author: String, authorName: String, body: String, visibility: Visibility, createdAt: Date) {
        self.id = id
        self.parentId = parentId
        self.author = author
        self.authorName = authorName
        self.body = body
        self.visibility = visibility
        self.createdAt = createdAt
    }

    /// Longest note, in characters.
    public static let bodyLimit = 10_000
}

/// `POST /api/v1/submissions/{id}/notes`.
public struct NoteRequest: Codable, Sendable, Hashable {
    public var body: String
    public var visibility: Note.Visibility
    /// The note this one answers.
    public var parentId: Int64?

    public init(body: String, visibility: Note.Visibility, parentId: Int64? = nil) {
        self.body = body
        self.visibility = visibility
        self.parentId = parentId
    }
}
