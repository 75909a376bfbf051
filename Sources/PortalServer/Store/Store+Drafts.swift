import Crypto
import Foundation
import NIOCore
import NIOFoundationCompat
import NewsroomKit
import SQLKit
import VietText

/// New submissions: the one way a submission row and its original revision are written.
extension Store {
    /// Text a diacritic-insensitive search looks in.
    static func searchText(title: String, sapo: String, body: String) -> String {
        Diacritics.searchKey(title + "\n" + sapo + "\n" + body)
    }

    /// What a text decides for the queue and the search: its word count, its search text and the
    /// spell checker's findings (most of a save's work; made outside the write transaction, and
    /// once per distinct text when seeding).
    struct TextFacts: Sendable {
        var words: Int
        /// Empty unless asked for: only a store that keeps it (PostgreSQL) needs it, and on SQLite
        /// it was a tenth of a save's time for nothing.
        var searchText: String
        var spellFindings: Int?

        init(title: String, sapo: String, body: String, language: String, keepingSearchText: Bool) {
            words = WordCount.of(sapo + "\n" + body)
            searchText = keepingSearchText ? Store.searchText(title: title, sapo: sapo, body: body) : ""
            spellFindings = Store.spellFindings(title: title, sapo: sapo, body: body, language: language)
        }

        /// Worked out on a thread of their own: the spell checker takes a millisecond of a
        /// thread, and on Swift's two cooperative threads it kept the transaction that holds
        /// the writer from going on between its statements (saves took turns at 500 a second).
        static func off(title: String, sapo: String, body: String, language: String, keepingSearchText: Bool) async -> TextFacts {
            await withCheckedContinuation { done in
                DispatchQueue.global().async {
                    done.resume(returning: TextFacts(title: title, sapo: sapo, body: body, language: language, keepingSearchText: keepingSearchText))
                }
            }
        }
    }

    /// Inside a transaction: a submission (text already NFC) and its revision 1 by `author`; its id.
    /// `facts`: those of this text when already known.
    func insertSubmission(siteID: Int64, contributorID: Int64, title: String, sapo: String, body: String, category: Category,
                          language: String, status: SubmissionStatus, received: Date, author: String, authorShare: Int = 100,
                          publishAt: Date? = nil, publishedAt: Date? = nil, facts: TextFacts? = nil) async throws -> Int64 {
        let millis = Store.millis(received)
        let facts = facts ?? TextFacts(title: title, sapo: sapo, body: body, language: language, keepingSearchText: keepsSearchText)
        let id = try await returning("""
            INSERT INTO submissions (site_id, contributor_id, title, sapo, body, category, language, status,
                                     received_at, updated_at, words, revision, search_text, author_share, publish_at, published_at,
                                     spell_findings)
            VALUES (\(bind: siteID), \(bind: contributorID), \(bind: title), \(bind: sapo), \(bind: body), \(bind: category.rawValue),
                    \(bind: language), \(bind: status.rawValue), \(bind: millis), \(bind: millis), \(bind: facts.words), 1,
                    \(bind: storedSearchText(facts)), \(bind: authorShare),
                    \(bind: publishAt.map(Store.millis)), \(bind: publishedAt.map(Store.millis)), \(bind: facts.spellFindings))
            RETURNING id
            """).decode(column: "id", as: Int64.self)
        // Its text is the submission's until a second revision (migration 16).
        try await sql.raw("""
            INSERT INTO revisions (submission_id, number, title, sapo, body, author, created_at, text_in)
            VALUES (\(bind: id), 1, '', '', '', \(bind: author), \(bind: millis), 'submission')
            """).run()
        return id
    }

    /// The spell checker behind the queue's count of findings, loaded on first use.
    private static let spellChecker = SpellChecker(lexicon: Lexicon.standard())

    /// How many findings the spell checker has in a text; nil for one not in Vietnamese.
    static func spellFindings(title: String, sapo: String, body: String, language: String) -> Int? {
        guard language.lowercased().hasPrefix("vi") else { return nil }
        return spellChecker.check(title + "\n" + sapo + "\n\n" + body).count
    }

    /// Inside migration 10's transaction: the count of findings of every row written before it existed.
    func fillSpellFindings() async throws {
        for row in try await sql.raw("SELECT id, title, sapo, body, language FROM submissions").all() {
            let count = Store.spellFindings(title: try row.decode(column: "title", as: String.self),
                                            sapo: try row.decode(column: "sapo", as: String.self),
                                            body: try row.decode(column: "body", as: String.self),
                                            language: try row.decode(column: "language", as: String.self))
            try await sql.raw("UPDATE submissions SET spell_findings = \(bind: count) WHERE id = \(bind: try row.decode(column: "id", as: Int64.self))").run()
        }
    }

    /// Inside migration 7's transaction: the search text of every row written before it existed.
    func fillSearchText() async throws {
        for row in try await sql.raw("SELECT id, title, sapo, body FROM submissions").all() {
            let text = Store.searchText(title: try row.decode(column: "title", as: String.self),
                                        sapo: try row.decode(column: "sapo", as: String.self),
                                        body: try row.decode(column: "body", as: String.self))
            try await sql.raw("UPDATE submissions SET search_text = \(bind: text) WHERE id = \(bind: try row.decode(column: "id", as: Int64.self))").run()
        }
    }

    public enum CreateOutcome: Sendable {
        case created(Submission)
        case replay(status: Int, body: Data)
        case keyReused
        /// A field the database disproves: an unknown site or co-author.
        case invalid(field: String)
        /// The user filed `perHour` submissions in the last hour; the next one fits in this many seconds.
        case throttled(retryAfter: Int)
    }

    /// Writes `draft` (NFC) as a new submitted item by the contributor behind `principal`
    /// (a contributor record is made for them on their first submission).
    public func create(_ draft: SubmissionDraft, by principal: Principal, idempotency: IdempotencyKey?, now: Date? = nil,
                       perHour: Int = SubmissionDraft.creationsPerHour,
                       answer: @Sendable (Submission) throws -> Data) async throws -> CreateOutcome {
        let now = now ?? clock.now()
        let title = Normalization.nfc(draft.title), sapo = Normalization.nfc(draft.sapo), body = Normalization.nfc(draft.body)
        return try await transaction {
            switch try await remembered(idempotency) {
            case .replay(let status, let body)?: return .replay(status: status, body: body)
            case .keyReused?: return .keyReused
            case nil: break
            }
            guard let site = try await sql.raw("SELECT id, language FROM sites WHERE code = \(bind: draft.site)").first() else {
                return .invalid(field: "site")
            }
            let contributor: Int64
            if let row = try await sql.raw("SELECT id FROM contributors WHERE user_id = \(bind: principal.userID) ORDER BY id LIMIT 1").first() {
                contributor = try row.decode(column: "id", as: Int64.self)
            } else {
                contributor = try await returning("""
                    INSERT INTO contributors (full_name, user_id) VALUES (\(bind: Normalization.nfc(principal.displayName)), \(bind: principal.userID))
                    RETURNING id
                    """).decode(column: "id", as: Int64.self)
            }
            // Counted and written as one step, however many requests and servers race.
            try await serialize(on: "create:\(principal.userID)")
            let recent = try await sql.raw("""
                SELECT received_at FROM submissions WHERE contributor_id = \(bind: contributor)
                AND received_at > \(bind: Store.millis(now.addingTimeInterval(-3600))) ORDER BY received_at DESC LIMIT \(bind: perHour)
                """).all()
            if recent.count >= perHour, let oldest = try recent.last?.decode(column: "received_at", as: Int64.self) {
                return .throttled(retryAfter: max(1, Int(Store.date(oldest).addingTimeInterval(3600).timeIntervalSince(now).rounded(.up))))
            }
            let coAuthors = draft.coAuthors ?? []
            let siteCode = draft.site
            if let wrong = try await unfitCoAuthor(in: coAuthors, author: contributor,
                                                   namedOn: principal.has(SubmissionRoutes.board, on: siteCode) ? nil : siteCode) {
                return .invalid(field: "co_authors: \(wrong)")
            }
            let photos = draft.attachments ?? []
            if let wrong = try await unfitPhotographer(in: photos, namedOn: principal.has(SubmissionRoutes.board, on: siteCode) ? nil : siteCode) {
                return .invalid(field: "attachments[\(wrong)].credit_contributor_id")
            }
            let id = try await insertSubmission(
                siteID: try site.decode(column: "id", as: Int64.self), contributorID: contributor, title: title, sapo: sapo, body: body,
                category: draft.category, language: draft.language ?? (try site.decode(column: "language", as: String.self)),
                status: .submitted, received: now, author: principal.name, authorShare: CoAuthorShare.authorShare(leftBy: coAuthors))
            try await setCoAuthors(of: id, coAuthors, confirmed: false)
            for (index, photo) in photos.enumerated() {
                try await insertAttachment(photo, number: index + 1, of: id)
            }
            guard let created = try await submission(id: id, scope: .everything) else { throw CancellationError() }
            if let idempotency { try await remember(idempotency, status: 201, body: try answer(created), now: now) }
            return .created(created)
        }
    }

    /// Inside a transaction: `upload` as photo `number` of submission `id`, graded with `grading` when an editor has.
    func insertAttachment(_ upload: AttachmentUpload, number: Int, of id: Int64, grading: Grading? = nil) async throws {
        try await sql.raw("""
            INSERT INTO attachments (submission_id, number, filename, content_type, size, sha256, caption, credit, credit_contributor_id,
                                     grading, data)
            VALUES (\(bind: id), \(bind: number), \(bind: Normalization.nfc(upload.filename)),
                    \(bind: Attachment.imageType(of: upload.data) ?? "application/octet-stream"), \(bind: upload.data.count),
                    \(bind: Hex.string(SHA256.hash(data: upload.data))), \(bind: Normalization.nfc(upload.caption)),
                    \(bind: Normalization.nfc(upload.credit)), \(bind: upload.creditContributorId),
                    \(bind: try grading.map(Store.gradingJSON)), \(bind: ByteBuffer(data: upload.data)))
            """).run()
    }

    /// The first co-author of `shares` who cannot be one: the author, or no contributor the
    /// namer may name. A contributor (`namedOn` their site) names only people known on that
    /// site — who hold a role there or have written for it — so ids cannot be tried to learn
    /// who else exists (an unknown id and a stranger are refused alike); staff name anyone.
    func unfitCoAuthor(in shares: [CoAuthorShare], author: Int64, namedOn site: String?) async throws -> Int64? {
        for share in shares {
            guard share.contributorId != author, try await mayName(share.contributorId, namedOn: site) else { return share.contributorId }
        }
        return nil
    }

    /// The first photographer `photos` credit whom the namer may not name (as `unfitCoAuthor`;
    /// the author may be credited with their own photo), by the photo's index.
    func unfitPhotographer(in photos: [AttachmentUpload], namedOn site: String?) async throws -> Int? {
        for (index, photo) in photos.enumerated() {
            guard let id = photo.creditContributorId else { continue }
            guard try await mayName(id, namedOn: site) else { return index }
        }
        return nil
    }

    /// Whether contributor `id` may be named by someone `namedOn` a site (known there), or by staff (nil: anyone who exists).
    func mayName(_ id: Int64, namedOn site: String?) async throws -> Bool {
        let known: SQLQueryString
        if let site {
            known = """
                SELECT c.id FROM contributors c WHERE c.id = \(bind: id) AND (
                  EXISTS (SELECT 1 FROM grants g WHERE g.user_id = c.user_id AND (g.site_code = \(bind: site) OR g.site_code IS NULL))
                  OR EXISTS (SELECT 1 FROM submissions s JOIN sites si ON si.id = s.site_id
                             WHERE s.contributor_id = c.id AND si.code = \(bind: site))
                  OR EXISTS (SELECT 1 FROM coauthors a JOIN submissions s ON s.id = a.submission_id JOIN sites si ON si.id = s.site_id
                             WHERE a.contributor_id = c.id AND a.confirmed = 1 AND si.code = \(bind: site)))
                """
        } else {
            known = "SELECT id FROM contributors WHERE id = \(bind: id)"
        }
        return try await sql.raw(known).first() != nil
    }

    /// Inside a transaction: the co-authors of `id` and their shares become `shares`, confirmed
    /// (an editor settled them) or pending (a contributor named them).
    func setCoAuthors(of id: Int64, _ shares: [CoAuthorShare], confirmed: Bool) async throws {
        try await sql.raw("DELETE FROM coauthors WHERE submission_id = \(bind: id)").run()
        for share in shares {
            try await sql.raw("""
                INSERT INTO coauthors (submission_id, contributor_id, share, confirmed)
                VALUES (\(bind: id), \(bind: share.contributorId), \(bind: share.share), \(bind: confirmed ? 1 : 0))
                """).run()
        }
    }

    /// Co-authors and photos of a submission, for `submission(id:)`; a query only for what it has
    /// (most items have neither, and a statement is a tenth of reading one).
    func credits(of id: Int64, coAuthors hasCoAuthors: Bool = true, attachments hasAttachments: Bool = true) async throws
        -> (coAuthors: [CoAuthor], attachments: [Attachment]) {
        let coAuthors: [CoAuthor] = !hasCoAuthors ? [] : try await sql.raw("""
            SELECT c.id, c.full_name, c.pen_name, a.share, a.confirmed FROM coauthors a JOIN contributors c ON c.id = a.contributor_id
            WHERE a.submission_id = \(bind: id) ORDER BY a.share DESC, c.id
            """).all().map { row in
            CoAuthor(contributor: ContributorRef(id: try row.decode(column: "id", as: Int64.self),
                                                 fullName: try row.decode(column: "full_name", as: String.self),
                                                 penName: try row.decode(column: "pen_name", as: String?.self)),
                     share: try row.decode(column: "share", as: Int.self), confirmed: try row.decode(column: "confirmed", as: Int.self) != 0)
        }
        let attachments: [Attachment] = !hasAttachments ? [] : try await sql.raw("""
            SELECT a.number, a.filename, a.content_type, a.size, a.sha256, a.caption, a.credit, a.grading,
                   c.id AS credited, c.full_name, c.pen_name
            FROM attachments a LEFT JOIN contributors c ON c.id = a.credit_contributor_id
            WHERE a.submission_id = \(bind: id) ORDER BY a.number
            """).all().map { row in
            let credited = try row.decode(column: "credited", as: Int64?.self)
            return Attachment(number: try row.decode(column: "number", as: Int.self), filename: try row.decode(column: "filename", as: String.self),
                              contentType: try row.decode(column: "content_type", as: String.self), size: try row.decode(column: "size", as: Int.self),
                              sha256: try row.decode(column: "sha256", as: String.self), caption: try row.decode(column: "caption", as: String.self),
                              credit: try row.decode(column: "credit", as: String.self),
                              creditContributor: try credited.map {
                                  ContributorRef(id: $0, fullName: try row.decode(column: "full_name", as: String?.self) ?? "",
                                                 penName: try row.decode(column: "pen_name", as: String?.self))
                              },
                              grading: Self.grading(fromJSON: try row.decode(column: "grading", as: String?.self)))
        }
        return (coAuthors, attachments)
    }

    /// A photo's bytes and type, when the submission is visible.
    public func attachment(_ number: Int, of id: Int64, scope: Scope) async throws -> (contentType: String, data: ByteBuffer)? {
        guard try await access(of: id, scope: scope) != nil,
              let row = try await sql.raw("""
                  SELECT content_type, data FROM attachments WHERE submission_id = \(bind: id) AND number = \(bind: number)
                  """).first() else { return nil }
        return (try row.decode(column: "content_type", as: String.self), try row.decode(column: "data", as: ByteBuffer.self))
    }
}
