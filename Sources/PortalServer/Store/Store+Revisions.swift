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
        /// The saver may not change the item's text in `status` (a contributor's item not returned to them).
        case refused(status: SubmissionStatus)
        /// The item is published: its text changes only as a correction, which says why in its note.
        case correctionNeedsNote
    }

    /// Who saves, as the rule of what may be saved sees them.
    public enum Saver: Sendable {
        /// The editorial board (an editor or admin of the item's site): any item; a published one
        /// only as a correction.
        case board
        /// The item's own contributor: only while it is returned to them, to revise it before resubmitting.
        case contributor
    }

    /// Writes `edit` (NFC) as revision `expected + 1` by `author` (a user name), when the
    /// submission is visible, still at revision `expected`, and `saver` may change it now. A
    /// published item's new text is a correction: its page is rendered again at the same
    /// address, with the note and the time (`corrected_at`) it shows.
    public func save(id: Int64, expected: Int, edit: SubmissionEdit, author: String, scope: Scope, as saver: Saver = .board,
                     now: Date? = nil) async throws -> SaveOutcome {
        let now = now ?? clock.now()
        let title = Normalization.nfc(edit.title), sapo = Normalization.nfc(edit.sapo), body = Normalization.nfc(edit.body)
        // What the text alone decides (the spell checker's count above all) is worked out before
        // the write lock is taken: saves of different items then overlap in their slowest part.
        // The site and language of an item never change, so a reader may answer them.
        guard let item = try await sql.raw("""
                  SELECT s.language, si.code, c.user_id FROM submissions s JOIN sites si ON si.id = s.site_id
                  JOIN contributors c ON c.id = s.contributor_id WHERE s.id = \(bind: id)
                  """).first(),
              scope.admits(site: try item.decode(column: "code", as: String.self), contributorUser: try item.decode(column: "user_id", as: Int64?.self))
        else { return .notFound }
        let language = try item.decode(column: "language", as: String.self)
        let facts = await TextFacts.off(title: title, sapo: sapo, body: body, language: language, keepingSearchText: keepsSearchText)
        return try await transaction {
            // The row is locked until the end of the transaction, so concurrent saves on
            // PostgreSQL (several servers) take turns; SQLite's writer lock does the same.
            guard let current = try await submission(id: id, scope: scope, forUpdate: true) else { return .notFound }
            let revision = current.summary.revision
            guard revision == expected else { return .stale(current: current) }
            let status = current.summary.status
            let note = Normalization.nfc(edit.note)
            guard saver == .board || status == .returned else { return .refused(status: status) }
            // What went out is changed in the open only: the page says it was corrected, and why.
            let correcting = status == .published
            if correcting {
                guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .correctionNeedsNote }
                // The same words again correct nothing, and the page keeps saying nothing was.
                guard title != current.summary.title || sapo != current.sapo || body != current.body else { return .saved(current) }
            }
            let millis = Store.millis(now)
            // One statement for both revision rows: the one that was newest keeps in its own row what
            // its text has that the new one has not (a delta, migration 18), and the new one points
            // at the submission, whose text it is.
            let delta = RevisionDelta(older: (current.summary.title, current.sapo, current.body), newer: (title, sapo, body))
            try await sql.raw("""
                INSERT INTO revisions (submission_id, number, title, sapo, body, author, created_at, note, text_in, delta)
                VALUES (\(bind: id), \(bind: revision), \(bind: delta.title.middle), \(bind: delta.sapo.middle), \(bind: delta.body.middle),
                        '', 0, '', 'delta', \(bind: delta.stored)),
                       (\(bind: id), \(bind: revision + 1), '', '', '', \(bind: author), \(bind: millis), \(bind: note), 'submission', NULL)
                ON CONFLICT (submission_id, number) DO UPDATE SET title = excluded.title, sapo = excluded.sapo, body = excluded.body,
                    text_in = excluded.text_in, delta = excluded.delta
                WHERE revisions.text_in = 'submission'
                """).run()
            try await sql.raw("""
                UPDATE submissions SET title = \(bind: title), sapo = \(bind: sapo), body = \(bind: body),
                    words = \(bind: facts.words), revision = \(bind: revision + 1), updated_at = \(bind: millis),
                    search_text = \(bind: storedSearchText(facts)), spell_findings = \(bind: facts.spellFindings)
                WHERE id = \(bind: id)
                """).run()
            // The item as saved, without reading it again: only what this statement wrote changed.
            var saved = current
            saved.summary.title = title
            saved.summary.words = facts.words
            saved.summary.revision = revision + 1
            saved.summary.spellFindings = facts.spellFindings
            saved.sapo = sapo
            saved.body = body
            if correcting { try await writeCorrection(of: saved, note: note, at: now) }
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
        let author = Self.person("r.author", knowsLogins: scope.knowsLogins(on: access.site))
        var to = to
        if to == nil {
            to = try await sql.raw("SELECT revision FROM submissions WHERE id = \(bind: id)").first()?.decode(column: "revision", as: Int.self)
        }
        guard let to else { return nil }
        let revisions = try await revisions([from, to], of: id, author: author)
        guard let old = revisions[from], let new = revisions[to] else { return nil }
        return RevisionDiff(from: old, to: new)
    }

    /// One revision with its text; nil when the submission or the revision is not there.
    public func revision(_ number: Int, of id: Int64, scope: Scope) async throws -> Revision? {
        guard let access = try await access(of: id, scope: scope) else { return nil }
        let author = Self.person("r.author", knowsLogins: scope.knowsLogins(on: access.site))
        return try await revisions([number], of: id, author: author)[number]
    }

    /// Revisions `numbers` of item `id` with their text, by number (those that are there).
    private func revisions(_ numbers: Set<Int>, of id: Int64, author: SQLQueryString) async throws -> [Int: Revision] {
        guard let oldest = numbers.min() else { return [:] }
        // A delta's text comes from the revision after it, so every row from the oldest asked for up.
        let rows = try await sql.raw("SELECT r.number, " + author + " AS author, " + SQLQueryString(Self.revisionText)
            + " WHERE r.submission_id = \(bind: id) AND r.number >= \(bind: oldest) ORDER BY r.number DESC").all()
        var found: [Int: Revision] = [:]
        for (row, text) in try Self.texts(newestFirst: rows) where numbers.contains(try row.decode(column: "number", as: Int.self)) {
            found[try row.decode(column: "number", as: Int.self)] = Revision(info: try Self.revisionInfo(row), title: text.title,
                                                                              sapo: text.sapo, body: text.body)
        }
        return found
    }

    typealias RevisionText = (title: String, sapo: String, body: String)

    /// A revision's text cannot be worked out from its row: a delta without the revision after
    /// it, or lengths that do not fit that revision's text.
    struct DamagedRevision: Error, CustomStringConvertible {
        var submission: Int64, number: Int
        var description: String { "revision \(number) of submission \(submission) cannot be read back" }
    }

    /// The text of each of an item's revision rows (read with `revisionText`, newest first, numbers
    /// running without a gap from the newest down), in the same order.
    private static func texts(newestFirst rows: [any SQLRow]) throws -> [(row: any SQLRow, text: RevisionText)] {
        var texts: [(row: any SQLRow, text: RevisionText)] = []
        var newer: (number: Int, text: RevisionText)?
        for row in rows {
            let number = try row.decode(column: "number", as: Int.self)
            var text = (title: try row.decode(column: "title", as: String.self), sapo: try row.decode(column: "sapo", as: String.self),
                        body: try row.decode(column: "body", as: String.self))
            if try row.decode(column: "text_in", as: String.self) == "delta" {
                guard let newer, newer.number == number + 1,
                      let delta = RevisionDelta(stored: try row.decode(column: "delta", as: String?.self) ?? "",
                                                title: text.title, sapo: text.sapo, body: text.body),
                      let older = delta.older(than: newer.text)
                else { throw DamagedRevision(submission: try row.decode(column: "submission_id", as: Int64.self), number: number) }
                text = older
            }
            newer = (number, text)
            texts.append((row, text))
        }
        return texts
    }

    /// A revision's remaining columns and what its row holds of its text: for the newest its
    /// submission's (`text_in`, migration 16), so that an item's current words are stored once;
    /// for an older one what it has that the revision after it has not (a delta, migration 18),
    /// or, from before that, the whole text.
    private static let revisionText = """
        r.submission_id, r.created_at, r.note, r.text_in, r.delta,
        CASE WHEN r.text_in = 'submission' THEN s.title ELSE r.title END AS title,
        CASE WHEN r.text_in = 'submission' THEN s.sapo ELSE r.sapo END AS sapo,
        CASE WHEN r.text_in = 'submission' THEN s.body ELSE r.body END AS body
        FROM revisions r JOIN submissions s ON s.id = r.submission_id
        """

    /// Inside migration 16's transaction: the newest revision of each item gives up its copy of the
    /// words its submission holds (only where the two are the same, so nothing reads otherwise).
    func keepNewestRevisionTextOnce() async throws {
        try await sql.raw("""
            UPDATE revisions SET title = '', sapo = '', body = '', text_in = 'submission'
            WHERE text_in = 'row' AND EXISTS (SELECT 1 FROM submissions s WHERE s.id = revisions.submission_id
                AND s.revision = revisions.number AND s.title = revisions.title AND s.sapo = revisions.sapo AND s.body = revisions.body)
            """).run()
    }

    /// Inside migration 18's transaction: every revision kept whole that has one after it keeps
    /// only what differs from that one (its text reads the same, worked out from the newer one).
    func keepOlderRevisionsAsDeltas() async throws {
        let items = try await sql.raw("""
            SELECT DISTINCT r.submission_id FROM revisions r JOIN submissions s ON s.id = r.submission_id
            WHERE r.text_in = 'row' AND r.number < s.revision
            """).all().map { try $0.decode(column: "submission_id", as: Int64.self) }
        for id in items {
            let rows = try await sql.raw("SELECT r.number, r.author, " + SQLQueryString(Self.revisionText)
                + " WHERE r.submission_id = \(bind: id) ORDER BY r.number DESC").all()
            var newer: (number: Int, text: RevisionText)?
            for (row, text) in try Self.texts(newestFirst: rows) {
                let number = try row.decode(column: "number", as: Int.self)
                if let newer, newer.number == number + 1, try row.decode(column: "text_in", as: String.self) == "row" {
                    let delta = RevisionDelta(older: text, newer: newer.text)
                    try await sql.raw("""
                        UPDATE revisions SET title = \(bind: delta.title.middle), sapo = \(bind: delta.sapo.middle),
                            body = \(bind: delta.body.middle), delta = \(bind: delta.stored), text_in = 'delta'
                        WHERE submission_id = \(bind: id) AND number = \(bind: number)
                        """).run()
                }
                newer = (number, text)
            }
        }
    }

    private static func revisionInfo(_ row: any SQLRow) throws -> RevisionInfo {
        RevisionInfo(number: try row.decode(column: "number", as: Int.self), author: try row.decode(column: "author", as: String.self),
                     createdAt: Store.date(try row.decode(column: "created_at", as: Int64.self)),
                     note: try row.decode(column: "note", as: String.self))
    }
}
