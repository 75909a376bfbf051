import Foundation
import NewsroomKit
import SQLKit
import VietText

/// Workflow transitions: checked against the status, written with their audit
/// event in one transaction, and answered once per Idempotency-Key.
extension Store {
    public enum TransitionOutcome: Sendable {
        case done(Submission)
        /// The submission changed since the revision the decision was made on.
        case stale(current: Submission)
        /// The action cannot be taken from `status`.
        case illegal(status: SubmissionStatus)
        /// A field names what cannot be (a co-author who is not a contributor, or the author).
        case invalid(field: String)
        case notFound
        /// The same request was answered before: its first answer.
        case replay(status: Int, body: Data)
        /// The key was used for another request.
        case keyReused
    }

    /// A request's Idempotency-Key, with a digest of what it asked, per user.
    public struct IdempotencyKey: Sendable {
        public var userID: Int64
        public var key: String
        public var requestHash: String

        public init(userID: Int64, key: String, requestHash: String) {
            self.userID = userID
            self.key = key
            self.requestHash = requestHash
        }
    }

    /// Takes `request.action` on submission `id` at revision `expected` for `actor`;
    /// `answer` encodes the result as the response stored for the key's retries.
    public func transition(id: Int64, expected: Int, request: TransitionRequest, actor: String, scope: Scope,
                           idempotency: IdempotencyKey?, now: Date? = nil,
                           answer: @Sendable (Submission) throws -> Data) async throws -> TransitionOutcome {
        let now = now ?? clock.now()
        return try await transaction {
            switch try await remembered(idempotency) {
            case .replay(let status, let body)?: return .replay(status: status, body: body)
            case .keyReused?: return .keyReused
            case nil: break
            }
            let lock: SQLQueryString = dialect == .postgres ? " FOR UPDATE" : ""
            guard let row = try await sql.raw("SELECT status, revision FROM submissions WHERE id = \(bind: id)" + lock).first(),
                  let current = try await submission(id: id, scope: scope) else { return .notFound }
            guard try row.decode(column: "revision", as: Int.self) == expected else { return .stale(current: current) }
            let status = current.summary.status
            guard request.action.from.contains(status) else { return .illegal(status: status) }
            let millis = Store.millis(now)
            var update = SQLQueryString("UPDATE submissions SET status = \(bind: request.action.to.rawValue), updated_at = \(bind: millis)")
            var message: String?
            switch request.action {
            case .schedule:
                update = update + ", publish_at = \(bind: request.publishAt.map(Store.millis))"
            case .unschedule:
                update = update + ", publish_at = NULL"
            case .publish:
                update = update + ", published_at = \(bind: millis)"
            case .approve:
                let grading = try request.grading.map { String(decoding: try WireFormat.encoder().encode($0), as: UTF8.self) }
                // Posted with the link: the editor's words (checked by the route), or the sapo.
                message = request.channels.isEmpty ? nil
                    : Normalization.nfc(request.socialMessage.flatMap(TransitionRequest.socialMessage) ?? current.defaultSocialMessage)
                // Checked before anything is written: a refusal leaves the item as it was.
                if let wrong = try await unfitPhoto(in: request.photos ?? [], of: current) { return .invalid(field: wrong) }
                update = update + ", grading = \(bind: grading), channels = \(bind: request.channels.joined(separator: ",")), social_message = \(bind: message)"
                if let shares = request.coAuthors {
                    if let wrong = try await unfitCoAuthor(in: shares, author: current.summary.contributor.id, namedOn: nil) {
                        return .invalid(field: "co_authors: \(wrong)")
                    }
                    try await setCoAuthors(of: id, shares, confirmed: true)
                    update = update + ", author_share = \(bind: CoAuthorShare.authorShare(leftBy: shares))"
                } else {
                    // Approving confirms the shares the contributor named, as they stand.
                    try await sql.raw("UPDATE coauthors SET confirmed = 1 WHERE submission_id = \(bind: id)").run()
                }
                try await gradePhotos(of: id, request.photos ?? [])
            default:
                break
            }
            try await sql.raw(update + " WHERE id = \(bind: id)").run()
            switch request.action {
            case .approve:
                // The outbox: the chosen channels' posts are written with the decision, or not at all.
                try await queueSocialPosts(for: id, title: current.summary.title, channels: request.channels, message: message, now: now)
            case .publish:
                // The page and the royalties owed for it come into being together, or not at all.
                try await writePublication(of: current, now: now)
                try await writeEntitlements(of: current, publishedAt: now, now: now)
                try await scheduleSocialPosts(of: id, publishedAt: now)
            case .reject, .withdraw, .unpublish:
                // Taken down: no post may still link to the page (which now answers 410).
                try await cancelSocialPosts(of: id, now: now)
            default:
                break
            }
            try await insertEvent(of: id, actor: actor, action: request.action, from: status, note: Normalization.nfc(request.note), at: now)
            guard let after = try await submission(id: id, scope: scope) else { return .notFound }
            if let idempotency { try await remember(idempotency, status: 200, body: try answer(after), now: now) }
            return .done(after)
        }
    }

    /// Inside a transaction: the audit event of `action` taken on submission `id` from `status` (note already NFC).
    func insertEvent(of id: Int64, actor: String, action: WorkflowAction, from status: SubmissionStatus, note: String, at date: Date) async throws {
        try await sql.raw("""
            INSERT INTO events (submission_id, actor, action, from_status, to_status, note, at)
            VALUES (\(bind: id), \(bind: actor), \(bind: action.rawValue), \(bind: status.rawValue), \(bind: action.to.rawValue),
                    \(bind: note), \(bind: Store.millis(date)))
            """).run()
    }

    /// The field at fault in an approval's photo gradings: a number that is no photo of `item`,
    /// or a credited contributor who does not exist; nil when all are fit.
    private func unfitPhoto(in photos: [PhotoGrading], of item: Submission) async throws -> String? {
        let numbers = Set(item.attachments.map(\.number))
        for (index, photo) in photos.enumerated() {
            guard numbers.contains(photo.number) else { return "photos[\(index)].number: no photo \(photo.number)" }
            if let credited = photo.creditContributorId, !(try await mayName(credited, namedOn: nil)) {
                return "photos[\(index)].credit_contributor_id: \(credited)"
            }
        }
        return nil
    }

    /// Inside an approval's transaction: the photos' gradings become those of `photos` (a photo
    /// left out has none, and earns no one anything), with the credited contributor a grading names.
    private func gradePhotos(of id: Int64, _ photos: [PhotoGrading]) async throws {
        try await sql.raw("UPDATE attachments SET grading = NULL WHERE submission_id = \(bind: id)").run()
        for photo in photos {
            var update = SQLQueryString("UPDATE attachments SET grading = \(bind: try Self.gradingJSON(photo.grading))")
            if let credited = photo.creditContributorId { update = update + ", credit_contributor_id = \(bind: credited)" }
            try await sql.raw(update + " WHERE submission_id = \(bind: id) AND number = \(bind: photo.number)").run()
        }
    }

    /// What an Idempotency-Key was answered before.
    enum Remembered {
        case replay(status: Int, body: Data)
        /// The key was used for another request.
        case keyReused
    }

    /// Inside a transaction: the first answer to `key`, when it has been used.
    func remembered(_ key: IdempotencyKey?) async throws -> Remembered? {
        guard let key, let row = try await sql.raw("""
            SELECT request_hash, status, response FROM idempotency_keys
            WHERE user_id = \(bind: key.userID) AND idem_key = \(bind: key.key)
            """).first() else { return nil }
        guard try row.decode(column: "request_hash", as: String.self) == key.requestHash else { return .keyReused }
        return .replay(status: try row.decode(column: "status", as: Int.self), body: Data(try row.decode(column: "response", as: String.self).utf8))
    }

    /// Inside the transaction that acted: the answer retries with `key` get.
    func remember(_ key: IdempotencyKey, status: Int, body: Data, now: Date) async throws {
        try await sql.raw("""
            INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status, response, created_at)
            VALUES (\(bind: key.userID), \(bind: key.key), \(bind: key.requestHash), \(bind: status),
                    \(bind: String(decoding: body, as: UTF8.self)), \(bind: Store.millis(now)))
            """).run()
    }

    /// The history of a visible submission, oldest first; nil when it is not there.
    public func events(of id: Int64, scope: Scope) async throws -> [AuditEvent]? {
        guard let access = try await access(of: id, scope: scope) else { return nil }
        let knowsLogins = scope.knowsLogins(on: access.site)
        let actor = Self.person("actor", knowsLogins: knowsLogins)
        return try await sql.raw("SELECT " + actor + " AS actor, " + """
            action, from_status, to_status, note, at FROM events WHERE submission_id = \(bind: id) ORDER BY id
            """).all().compactMap { row in
            guard let action = WorkflowAction(rawValue: try row.decode(column: "action", as: String.self)),
                  let from = SubmissionStatus(rawValue: try row.decode(column: "from_status", as: String.self)),
                  let to = SubmissionStatus(rawValue: try row.decode(column: "to_status", as: String.self)) else { return nil }
            var actor = try row.decode(column: "actor", as: String.self)
            // Older servers named their scheduler "scheduler@host:pid": the machine is no contributor's business.
            if !knowsLogins, let at = actor.firstIndex(of: "@") { actor = String(actor[..<at]) }
            return AuditEvent(action: action, actor: actor, from: from, to: to,
                              note: try row.decode(column: "note", as: String.self),
                              at: Store.date(try row.decode(column: "at", as: Int64.self)))
        }
    }

    /// Inside a transaction: renders `submission` for publication and records its slug, path and HTML.
    func writePublication(of submission: Submission, now: Date) async throws {
        let publication = Publication.make(submission, now: now)
        try await sql.raw("""
            UPDATE submissions SET slug = \(bind: publication.slug), public_path = \(bind: publication.path),
                html = \(bind: publication.html)
            WHERE id = \(bind: submission.id)
            """).run()
    }

    /// Inside a transaction: the publication of submission `id` as it now stands (the seeder's
    /// published items, and a correction of a published one).
    func writePublication(of id: Int64, at date: Date) async throws {
        guard let submission = try await submission(id: id, scope: .everything) else { return }
        try await writePublication(of: submission, now: date)
    }

    /// What publishing a visible, published submission made; nil otherwise.
    public func publication(of id: Int64, scope: Scope) async throws -> Publication? {
        guard try await access(of: id, scope: scope) != nil,
              let row = try await sql.raw("""
                  SELECT slug, public_path, html, published_at, corrected_at, correction_note FROM submissions
                  WHERE id = \(bind: id) AND status = 'published'
                  """).first(),
              let slug = try row.decode(column: "slug", as: String?.self),
              let path = try row.decode(column: "public_path", as: String?.self),
              let html = try row.decode(column: "html", as: String?.self),
              let at = try row.decode(column: "published_at", as: Int64?.self) else { return nil }
        return Publication(slug: slug, path: path, html: html, publishedAt: Store.date(at),
                           correctedAt: try row.decode(column: "corrected_at", as: Int64?.self).map(Store.date),
                           correctionNote: try row.decode(column: "correction_note", as: String?.self))
    }

}
