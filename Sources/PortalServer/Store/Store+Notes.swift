import Foundation
import NewsroomKit
import SQLKit
import VietText

/// Editorial notes on a submission.
extension Store {
    /// The notes of a submission, oldest first; the board's own only when `includeEditors`.
    public func notes(of id: Int64, includeEditors: Bool) async throws -> [Note] {
        var text = SQLQueryString("""
            SELECT id, parent_id, author, author_name, body, visibility, created_at FROM notes WHERE submission_id = \(bind: id)
            """)
        if !includeEditors { text = text + " AND visibility = \(bind: Note.Visibility.shared.rawValue)" }
        return try await sql.raw(text + " ORDER BY id").all().map(Self.note)
    }

    public enum NoteOutcome: Sendable {
        case added(Note)
        case replay(status: Int, body: Data)
        case keyReused
        /// The parent is not a note of this submission, or is narrower than the answer.
        case invalidParent
    }

    /// Adds a note (NFC) by `principal`; a reply is never seen more widely than what it answers.
    public func addNote(to id: Int64, _ request: NoteRequest, by principal: Principal, idempotency: IdempotencyKey?, now: Date? = nil,
                        answer: @Sendable (Note) throws -> Data) async throws -> NoteOutcome {
        let now = now ?? clock.now()
        return try await transaction {
            switch try await remembered(idempotency) {
            case .replay(let status, let body)?: return .replay(status: status, body: body)
            case .keyReused?: return .keyReused
            case nil: break
            }
            if let parent = request.parentId {
                guard let row = try await sql.raw("SELECT visibility FROM notes WHERE id = \(bind: parent) AND submission_id = \(bind: id)").first() else {
                    return .invalidParent
                }
                let parentVisibility = try row.decode(column: "visibility", as: String.self)
                guard request.visibility == .editors || parentVisibility == Note.Visibility.shared.rawValue else { return .invalidParent }
            }
            let row = try await returning("""
                INSERT INTO notes (submission_id, parent_id, author, author_name, body, visibility, created_at)
                VALUES (\(bind: id), \(bind: request.parentId), \(bind: principal.name), \(bind: principal.displayName),
                        \(bind: Normalization.nfc(request.body)), \(bind: request.visibility.rawValue), \(bind: Store.millis(now)))
                RETURNING id, parent_id, author, author_name, body, visibility, created_at
                """)
            let note = try Self.note(row)
            if let idempotency { try await remember(idempotency, status: 201, body: try answer(note), now: now) }
            return .added(note)
        }
    }

    private static func note(_ row: any SQLRow) throws -> Note {
        Note(id: try row.decode(column: "id", as: Int64.self), parentId: try row.decode(column: "parent_id", as: Int64?.self),
             author: try row.decode(column: "author", as: String.self), authorName: try row.decode(column: "author_name", as: String.self),
             body: try row.decode(column: "body", as: String.self),
             visibility: Note.Visibility(rawValue: try row.decode(column: "visibility", as: String.self)) ?? .editors,
             createdAt: Store.date(try row.decode(column: "created_at", as: Int64.self)))
    }
}
