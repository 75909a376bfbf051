import Foundation
import NewsroomKit
import SQLKit
import VietText

/// Saving a submission as a new revision, never over one another has saved
/// since (the revision the edit was made from must still be the current one).
extension Store {
    public enum SaveOutcome: Sendable {
        case saved(Submission)
        /// Someone saved first; the submission as it now is.
        case stale(current: Submission)
        case notFound
        /// The item is published: its text is what went out.
        case published
    }

    /// Writes `edit` (NFC) as revision `expected + 1` by `author` (a user name), when the
    /// submission is visible and still at revision `expected`.
    public func save(id: Int64, expected: Int, edit: SubmissionEdit, author: String, scope: Scope,
                     now: Date? = nil) async throws -> SaveOutcome {
        let now = now ?? clock.now()
        let title = Normalization.nfc(edit.title), sapo = Normalization.nfc(edit.sapo), body = Normalization.nfc(edit.body)
        return try await transaction {
            // The row is locked until the end of the transaction, so concurrent saves on
            // PostgreSQL (several servers) take turns; SQLite's writer lock does the same.
            let lock: SQLQueryString = dialect == .postgres ? " FOR UPDATE" : ""
            guard let row = try await sql.raw("SELECT revision FROM submissions WHERE id = \(bind: id)" + lock).first(),
                  let current = try await submission(id: id, scope: scope) else { return .notFound }
            let revision = try row.decode(column: "revision", as: Int.self)
            guard revision == expected else { return .stale(current: current) }
            // What went out stays as it went out: a silent change would leave the published
            // page and the audit trail saying otherwise. (Corrections come with the public pages.)
            guard current.summary.status != .published else { return .published }
            let millis = Store.millis(now)
            try await sql.raw("""
                INSERT INTO revisions (submission_id, number, title, sapo, body, author, created_at, note)
                VALUES (\(bind: id), \(bind: revision + 1), \(bind: title), \(bind: sapo), \(bind: body),
                        \(bind: author), \(bind: millis), \(bind: Normalization.nfc(edit.note)))
                """).run()
            try await sql.raw("""
                UPDATE submissions SET title = \(bind: title), sapo = \(bind: sapo), body = \(bind: body),
                    words = \(bind: WordCount.of(sapo + "\n" + body)), revision = \(bind: revision + 1), updated_at = \(bind: millis),
                    search_text = \(bind: Store.searchText(title: title, sapo: sapo, body: body)),
                    spell_findings = \(bind: Store.spellFindings(title: title, sapo: sapo, body: body, language: current.summary.language))
                WHERE id = \(bind: id)
                """).run()
            guard let saved = try await submission(id: id, scope: scope) else { return .notFound }
            return .saved(saved)
        }
    }

    /// Every revision of a visible submission, oldest first; nil when it is not there.
    public func revisions(of id: Int64, scope: Scope) async throws -> [RevisionInfo]? {
        guard let access = try await access(of: id, scope: scope) else { return nil }
        let author = Self.person("author", knowsLogins: scope.knowsLogins(on: access.site))
        return try await sql.raw("SELECT number, " + author + " AS author, " + """
            created_at, note FROM revisions WHERE submission_id = \(bind: id) ORDER BY number
            """).all().map(Self.revisionInfo)
    }

    /// Revision `from` against `to` (nil: the current one) of a visible submission, word by
    /// word; nil when the submission or either revision is not there.
    public func diff(of id: Int64, from: Int, to: Int?, scope: Scope) async throws -> RevisionDiff? {
        guard let access = try await access(of: id, scope: scope) else { return nil }
        let author = Self.person("author", knowsLogins: scope.knowsLogins(on: access.site))
        var to = to
        if to == nil {
            to = try await sql.raw("SELECT revision FROM submissions WHERE id = \(bind: id)").first()?.decode(column: "revision", as: Int.self)
        }
        guard let to else { return nil }
        let rows = try await sql.raw("SELECT number, " + author + " AS author, " + """
            created_at, note, title, sapo, body FROM revisions
            WHERE submission_id = \(bind: id) AND number IN (\(bind: from), \(bind: to))
            """).all()
        let revisions = try rows.map(Self.revision)
        guard let old = revisions.first(where: { $0.info.number == from }), let new = revisions.first(where: { $0.info.number == to }) else {
            return nil
        }
        return RevisionDiff(from: old, to: new)
    }

    /// One revision with its text; nil when the submission or the revision is not there.
    public func revision(_ number: Int, of id: Int64, scope: Scope) async throws -> Revision? {
        guard let access = try await access(of: id, scope: scope) else { return nil }
        let author = Self.person("author", knowsLogins: scope.knowsLogins(on: access.site))
        guard let row = try await sql.raw("SELECT number, " + author + " AS author, " + """
                  created_at, note, title, sapo, body FROM revisions
                  WHERE submission_id = \(bind: id) AND number = \(bind: number)
                  """).first() else { return nil }
        return try Self.revision(row)
    }

    private static func revision(_ row: any SQLRow) throws -> Revision {
        Revision(info: try revisionInfo(row), title: try row.decode(column: "title", as: String.self),
                 sapo: try row.decode(column: "sapo", as: String.self), body: try row.decode(column: "body", as: String.self))
    }

    private static func revisionInfo(_ row: any SQLRow) throws -> RevisionInfo {
        RevisionInfo(number: try row.decode(column: "number", as: Int.self), author: try row.decode(column: "author", as: String.self),
                     createdAt: Store.date(try row.decode(column: "created_at", as: Int64.self)),
                     note: try row.decode(column: "note", as: String.self))
    }
}
