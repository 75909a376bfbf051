import Foundation
import NewsroomKit
import SQLKit
import VietText

/// Sites and submissions as the admin API reads them.
extension Store {
    public func sites() async throws -> [Site] {
        try await sql.raw("SELECT id, code, name, kind, language, parent_code FROM sites ORDER BY id").all().map { row in
            Site(id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
                 name: try row.decode(column: "name", as: String.self),
                 kind: Site.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .department,
                 language: try row.decode(column: "language", as: String.self),
                 parentCode: try row.decode(column: "parent_code", as: String?.self))
        }
    }

    /// What a list asks for.
    public struct SubmissionQuery: Sendable, Hashable {
        public var statuses: [SubmissionStatus] = []
        public var site: String?
        /// What the reader may see.
        public var scope: Scope
        public var categories: [Category] = []
        public var contributor: Int64?
        /// Received at or after / before these moments.
        public var receivedFrom: Date?
        public var receivedBefore: Date?
        /// Published at or after this moment.
        public var publishedFrom: Date?
        /// Words that must all appear in the title, sapo or body, diacritics and case ignored.
        public var text: String?
        public var sort: ListSort = .newest
        public var after: ListCursor?
        public var limit: Int = 50

        public init(statuses: [SubmissionStatus] = [], site: String? = nil, scope: Scope = .everything,
                    after: ListCursor? = nil, limit: Int = 50) {
            self.statuses = statuses
            self.site = site
            self.scope = scope
            self.after = after
            self.limit = limit
        }
    }

    private static let summaryColumns = """
        s.id, s.title, s.category, s.language, s.status, s.received_at, s.words, s.revision, s.publish_at, s.published_at, s.spell_findings,
        si.id AS site_id, si.code AS site_code, si.name AS site_name,
        c.id AS contributor_id, c.full_name, c.pen_name,
        l.holder AS lease_holder, l.holder_name AS lease_holder_name, l.acquired_at AS lease_acquired_at, l.expires_at AS lease_expires_at
        """
    private static let summaryJoins = """
         JOIN sites si ON si.id = s.site_id JOIN contributors c ON c.id = s.contributor_id
         LEFT JOIN leases l ON l.submission_id = s.id
        """
    private static let summaryTables = " FROM submissions s" + summaryJoins
    /// What the filters read: the submission, and its site and contributor when a filter names them
    /// (a row always has both: without such a filter the joins only cost two look-ups a row).
    private static func filterTables(_ query: SubmissionQuery) -> String {
        guard query.site != nil || query.scope.allOn != nil else { return " FROM submissions s" }
        return " FROM submissions s JOIN sites si ON si.id = s.site_id JOIN contributors c ON c.id = s.contributor_id"
    }
    /// What the walk that picks a page reads: the id, the list version and the sort key, all held by the
    /// index `submissions_listed` (migrations 16 and 19) when the order is by time received, so that a
    /// page is picked without reading the rows themselves (SQLite reaches a column stored after the body
    /// only by walking the row's overflow pages, and most of a list's time went there).
    private static let pickedColumns = "s.id, s.list_version"

    /// A page's rows as a list index gives them, in order: ids and list versions, and the cursor to the next page.
    public struct PickedPage: Sendable {
        public var rows: [(id: Int64, version: Int64)]
        public var nextCursor: String?
    }

    private static func column(_ key: ListSort.Key) -> String {
        switch key {
        case .received: return "s.received_at"
        case .updated: return "s.updated_at"
        case .words: return "s.words"
        }
    }

    /// One page in the query's order, after the cursor (which must be of that order).
    public func submissions(_ query: SubmissionQuery) async throws -> Page<SubmissionSummary> {
        let picked = try await pick(query)
        let found = try await listedSummaries(ids: picked.rows.map(\.id))
        let now = clock.now()
        return Page(items: picked.rows.compactMap { row in found[row.id].map { query.scope.shown(Self.leaseRunning($0.summary, at: now)) } },
                    nextCursor: picked.nextCursor)
    }

    /// The ids and list versions of one page in the query's order, after the cursor.
    public func pick(_ query: SubmissionQuery) async throws -> PickedPage {
        if query.scope.isEmpty { return PickedPage(rows: [], nextCursor: nil) }
        let column = Self.column(query.sort.key)
        let direction = query.sort.descending ? "DESC" : "ASC"
        let order = SQLQueryString(" ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), s.id \(unsafeRaw: direction) LIMIT \(bind: query.limit + 1)")
        let picked: SQLQueryString
        if query.statuses.count > 1 && query.sort.key == .received {
            // The index (status, received_at, id) gives each status in order: one short walk per
            // status, merged, instead of sorting every waiting item on each request.
            var branches = SQLQueryString("")
            for (i, status) in query.statuses.enumerated() {
                branches = branches + (i == 0 ? "" : " UNION ALL ") + "SELECT * FROM (SELECT " + SQLQueryString(Self.pickedColumns)
                    + ", s.received_at AS sort_key" + SQLQueryString(Self.filterTables(query))
                    + " WHERE s.status = \(bind: status.rawValue)" + filters(query) + order + ") AS b\(unsafeRaw: String(i))"
            }
            picked = "SELECT pick.id, pick.list_version, pick.sort_key FROM (" + branches + ") AS pick"
                + " ORDER BY pick.sort_key \(unsafeRaw: direction), pick.id \(unsafeRaw: direction) LIMIT \(bind: query.limit + 1)"
        } else {
            var whereStatus = SQLQueryString(" WHERE 1 = 1")
            if !query.statuses.isEmpty {
                whereStatus = whereStatus + " AND s.status IN (" + Self.bindList(query.statuses.map(\.rawValue)) + ")"
            }
            picked = "SELECT " + SQLQueryString(Self.pickedColumns) + ", \(unsafeRaw: column) AS sort_key"
                + SQLQueryString(Self.filterTables(query)) + whereStatus + filters(query) + order
        }
        var rows: [(id: Int64, version: Int64)] = []
        var keys: [Int64] = []
        for row in try await sql.raw(picked).all() {
            rows.append((try row.decode(column: "id", as: Int64.self), try row.decode(column: "list_version", as: Int64.self)))
            keys.append(try row.decode(column: "sort_key", as: Int64.self))
        }
        var next: String?
        if rows.count > query.limit {
            rows.removeLast(rows.count - query.limit)
            if let id = rows.last?.id {
                next = ListCursor(sort: query.sort, key: keys[query.limit - 1], id: id).encoded
            }
        }
        return PickedPage(rows: rows, nextCursor: next)
    }

    /// The summaries of `ids` as stored now, by id, each with its row's list version: a lease
    /// shows whether or not it still runs, and logins whoever reads (`Scope.shown` and
    /// `leaseRunning` make of it what a reader sees at a moment). Ids not stored are left out.
    public func listedSummaries(ids: [Int64]) async throws -> [Int64: (version: Int64, summary: SubmissionSummary)] {
        guard !ids.isEmpty else { return [:] }
        var found: [Int64: (version: Int64, summary: SubmissionSummary)] = [:]
        for row in try await sql.raw("SELECT " + SQLQueryString(Self.summaryColumns) + ", s.list_version" + SQLQueryString(Self.summaryTables)
                                       + " WHERE s.id IN (" + Self.bindList(ids) + ")").all() {
            let summary = try Self.summary(row, now: .distantPast)
            found[summary.id] = (try row.decode(column: "list_version", as: Int64.self), summary)
        }
        return found
    }

    /// The summary as a reader sees it at `now`: its lease only while it runs.
    static func leaseRunning(_ summary: SubmissionSummary, at now: Date) -> SubmissionSummary {
        guard summary.lease != nil, running(summary.lease, at: now) == nil else { return summary }
        var summary = summary
        summary.lease = nil
        return summary
    }

    /// A lease while it runs at `now`; nil once it has run out. The one rule for every reader of one.
    static func running(_ lease: Lease?, at now: Date) -> Lease? {
        guard let lease, lease.expiresAt > now else { return nil }
        return lease
    }

    /// The conditions of a list other than its statuses, each starting " AND", over `s`, `si` and `c`.
    private func filters(_ query: SubmissionQuery) -> SQLQueryString {
        var sqlText = SQLQueryString("")
        if let site = query.site {
            sqlText = sqlText + " AND si.code = \(bind: site)"
        }
        if let all = query.scope.allOn {
            // Sites seen whole, or the reader's own items where they only contribute.
            var visible = all.isEmpty ? SQLQueryString("1 = 0") : "si.code IN (" + Self.bindList(all.sorted()) + ")"
            if let user = query.scope.userID {
                if let own = query.scope.ownOn {
                    if !own.isEmpty { visible = visible + " OR (c.user_id = \(bind: user) AND si.code IN (" + Self.bindList(own.sorted()) + "))" }
                } else {
                    visible = visible + " OR c.user_id = \(bind: user)"
                }
            }
            sqlText = sqlText + " AND (" + visible + ")"
        }
        if !query.categories.isEmpty {
            sqlText = sqlText + " AND s.category IN (" + Self.bindList(query.categories.map(\.rawValue)) + ")"
        }
        if let contributor = query.contributor {
            sqlText = sqlText + " AND s.contributor_id = \(bind: contributor)"
        }
        if let from = query.receivedFrom {
            sqlText = sqlText + " AND s.received_at >= \(bind: Store.millis(from))"
        }
        if let before = query.receivedBefore {
            sqlText = sqlText + " AND s.received_at < \(bind: Store.millis(before))"
        }
        if let from = query.publishedFrom {
            sqlText = sqlText + " AND s.published_at >= \(bind: Store.millis(from))"
        }
        if let after = query.after {
            let column = Self.column(query.sort.key), comparison = query.sort.descending ? "<" : ">"
            sqlText = sqlText + " AND (\(unsafeRaw: column) \(unsafeRaw: comparison) \(bind: after.key) OR (\(unsafeRaw: column) = \(bind: after.key) AND s.id \(unsafeRaw: comparison) \(bind: after.id)))"
        }
        // Last: on SQLite it works the search text out of each row the other conditions left.
        sqlText = sqlText + searchCondition(Diacritics.searchKey(query.text ?? "").split(whereSeparator: { $0.isWhitespace }).map(String.init))
        return sqlText
    }

    /// A whole submission's row, with whether it has co-authors and photos to read besides.
    private static let wholeSubmission = "SELECT " + summaryColumns + """
        , s.sapo, s.body, s.author_share, s.grading, s.channels, s.social_message, c.user_id AS contributor_user,
        CASE WHEN EXISTS (SELECT 1 FROM coauthors ca WHERE ca.submission_id = s.id) THEN 1 ELSE 0 END AS has_coauthors,
        CASE WHEN EXISTS (SELECT 1 FROM attachments ph WHERE ph.submission_id = s.id) THEN 1 ELSE 0 END AS has_attachments
        """ + summaryTables

    /// One whole submission, when it exists and its site is visible.
    public func submission(id: Int64, scope: Scope) async throws -> Submission? {
        try await submission(id: id, scope: scope, forUpdate: false)
    }

    /// `forUpdate`: inside a transaction, the row stays locked until it ends (PostgreSQL, where
    /// several servers may write; SQLite's one writer at a time needs nothing).
    func submission(id: Int64, scope: Scope, forUpdate: Bool) async throws -> Submission? {
        try await storedSubmission(id: id, scope: scope, forUpdate: forUpdate)?.submission
    }

    /// One whole submission for its answer, its body and sapo as the row holds them: on SQLite
    /// their bytes, which `SubmissionJSON` writes with no `String` made between.
    func storedSubmission(id: Int64, scope: Scope, forUpdate: Bool = false) async throws -> StoredSubmission? {
        let lock: SQLQueryString = forUpdate && dialect == .postgres ? " FOR UPDATE OF s" : ""
        guard let row = try await sql.raw(SQLQueryString(Self.wholeSubmission) + " WHERE s.id = \(bind: id)" + lock).first() else { return nil }
        let summary = scope.shown(try Self.summary(row, now: clock.now()))
        guard scope.admits(site: summary.site.code, contributorUser: try row.decode(column: "contributor_user", as: Int64?.self)) else { return nil }
        let credits = try await credits(of: id, coAuthors: try row.decode(column: "has_coauthors", as: Int.self) != 0,
                                        attachments: try row.decode(column: "has_attachments", as: Int.self) != 0)
        let rest = Submission(summary: summary, sapo: "", body: "", authorShare: try row.decode(column: "author_share", as: Int.self),
                              coAuthors: credits.coAuthors, attachments: credits.attachments,
                              grading: try row.decode(column: "grading", as: String?.self)
                                .flatMap { try? WireFormat.decoder().decode(Grading.self, from: Data($0.utf8)) },
                              channels: try row.decode(column: "channels", as: String.self).split(separator: ",").map(String.init),
                              socialMessage: try row.decode(column: "social_message", as: String?.self))
        return StoredSubmission(rest: rest, body: try Self.storedText(row, column: "body"), sapo: try Self.storedText(row, column: "sapo"))
    }

    /// A text column as the row holds it: on SQLite its bytes, elsewhere the decoded string.
    private static func storedText(_ row: any SQLRow, column: String) throws -> StoredText {
        if let row = row as? SQLiteRow, let bytes = try row.textBytes(column: column) { return .bytes(bytes) }
        return .string(try row.decode(column: column, as: String.self))
    }

    /// What an access check needs of a submission, without its text: its site and
    /// the account of its contributor; nil when it is not there or not visible.
    public func access(of id: Int64, scope: Scope) async throws -> (site: String, contributorUser: Int64?)? {
        guard let row = try await sql.raw("""
            SELECT si.code, c.user_id FROM submissions s JOIN sites si ON si.id = s.site_id
            JOIN contributors c ON c.id = s.contributor_id WHERE s.id = \(bind: id)
            """).first() else { return nil }
        let site = try row.decode(column: "code", as: String.self), user = try row.decode(column: "user_id", as: Int64?.self)
        guard scope.admits(site: site, contributorUser: user) else { return nil }
        return (site, user)
    }

    /// The SQL naming the person whose login name is in `column` to a reader: the login for
    /// staff of the item's site, else their display name (a process such as the scheduler,
    /// which has no account, by its own name).
    static func person(_ column: String, knowsLogins: Bool) -> SQLQueryString {
        if knowsLogins { return "\(unsafeRaw: column)" }
        return "COALESCE((SELECT u.display_name FROM users u WHERE u.name = \(unsafeRaw: column)), \(unsafeRaw: column))"
    }

    /// Submissions in the database, per status.
    public func countSubmissions() async throws -> [SubmissionStatus: Int] {
        var counts: [SubmissionStatus: Int] = [:]
        for row in try await sql.raw("SELECT status, COUNT(*) AS n FROM submissions GROUP BY status").all() {
            if let status = SubmissionStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    /// A list row as a summary; a lease shows while it runs at `now`.
    private static func summary(_ row: any SQLRow, now: Date) throws -> SubmissionSummary {
        SubmissionSummary(
            id: try row.decode(column: "id", as: Int64.self),
            site: SiteRef(id: try row.decode(column: "site_id", as: Int64.self), code: try row.decode(column: "site_code", as: String.self),
                          name: try row.decode(column: "site_name", as: String.self)),
            contributor: ContributorRef(id: try row.decode(column: "contributor_id", as: Int64.self),
                                        fullName: try row.decode(column: "full_name", as: String.self),
                                        penName: try row.decode(column: "pen_name", as: String?.self)),
            title: try row.decode(column: "title", as: String.self),
            category: Category(rawValue: try row.decode(column: "category", as: String.self)) ?? .news,
            language: try row.decode(column: "language", as: String.self),
            status: SubmissionStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .submitted,
            receivedAt: Store.date(try row.decode(column: "received_at", as: Int64.self)),
            words: try row.decode(column: "words", as: Int.self),
            revision: try row.decode(column: "revision", as: Int.self),
            lease: try lease(row, now: now),
            publishAt: try row.decode(column: "publish_at", as: Int64?.self).map(Store.date),
            publishedAt: try row.decode(column: "published_at", as: Int64?.self).map(Store.date),
            spellFindings: try row.decode(column: "spell_findings", as: Int?.self))
    }

    /// The lease columns of a row, when they name one that has not expired by `now`.
    static func lease(_ row: any SQLRow, now: Date) throws -> Lease? {
        guard let holder = try row.decode(column: "lease_holder", as: String?.self),
              let expires = try row.decode(column: "lease_expires_at", as: Int64?.self) else { return nil }
        return running(Lease(holder: holder, holderName: try row.decode(column: "lease_holder_name", as: String.self),
                             acquiredAt: Store.date(try row.decode(column: "lease_acquired_at", as: Int64.self)), expiresAt: Store.date(expires)),
                       at: now)
    }
}
