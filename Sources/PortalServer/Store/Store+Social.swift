import Foundation
import NewsroomKit
import NIOCore
import SocialChannels
import SQLKit
import VietText

/// The social outbox: posts queued with the decision that chose their channels, claimed by
/// dispatchers under a lease, and the channels' credentials.
extension Store {
    /// A post the outbox will not queue: it breaks its channel's limits (told to the editor at approval).
    public struct SocialPostRefused: Error, Sendable, Hashable {
        public var channel: String
        public var problems: [String]
    }

    /// How a change to one post went.
    public enum SocialPostChange: Sendable {
        case done(SocialPost)
        case notFound
        /// The post's status does not allow it.
        case wrongStatus(SocialPostStatus)
    }

    /// The filter of a list of posts.
    public struct SocialPostQuery: Sendable {
        public var statuses: [SocialPostStatus] = []
        public var channel: String?
        /// Only these sites' posts (nil: every site).
        public var sites: Set<String>?
        public var submission: Int64?
        public var limit = 500

        public init(statuses: [SocialPostStatus] = [], channel: String? = nil, sites: Set<String>? = nil, submission: Int64? = nil, limit: Int = 500) {
            self.statuses = statuses
            self.channel = channel
            self.sites = sites
            self.submission = submission
            self.limit = limit
        }
    }

    /// A post a dispatcher has claimed, with what sending it needs.
    public struct ClaimedSocialPost: Sendable, Hashable {
        public var id: Int64
        public var submissionID: Int64
        public var channel: String
        public var title: String
        public var message: String
        /// The item's public path (`/SITE/SLUG-ID.html`), nil when it has none.
        public var publicPath: String?
        /// The number of the item's first photo, its cover.
        public var coverNumber: Int?
        /// Attempts so far, this one included.
        public var attempts: Int
    }

    /// How one attempt ended, as the outbox records it.
    public enum SocialAttemptResult: Sendable, Hashable {
        case posted(remoteID: String, link: String?)
        case retry(at: Date, kind: String, error: String)
        case failed(kind: String, error: String)
        case uncertain(kind: String, error: String)
    }

    static let socialColumns = """
        p.id, p.submission_id, p.channel, p.status, p.message, p.due_at, p.attempts, p.claimed_by, p.remote_id, p.remote_link,
        p.error_kind, p.last_error, p.posted_at, p.views, p.reactions, p.shares, p.engagement_at, p.updated_at,
        s.title, si.code AS site_code
        """
    static let socialTables = " FROM social_posts p JOIN submissions s ON s.id = p.submission_id JOIN sites si ON si.id = s.site_id"

    static func socialPost(_ row: any SQLRow) throws -> SocialPost {
        let engagementAt = try row.decode(column: "engagement_at", as: Int64?.self)
        return SocialPost(
            id: try row.decode(column: "id", as: Int64.self), submissionId: try row.decode(column: "submission_id", as: Int64.self),
            site: try row.decode(column: "site_code", as: String.self), channel: try row.decode(column: "channel", as: String.self),
            status: SocialPostStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
            title: try row.decode(column: "title", as: String.self), message: try row.decode(column: "message", as: String.self),
            dueAt: try row.decode(column: "due_at", as: Int64?.self).map(Store.date), attempts: try row.decode(column: "attempts", as: Int.self),
            claimedBy: try row.decode(column: "claimed_by", as: String?.self), remoteId: try row.decode(column: "remote_id", as: String?.self),
            remoteLink: try row.decode(column: "remote_link", as: String?.self), errorKind: try row.decode(column: "error_kind", as: String?.self),
            lastError: try row.decode(column: "last_error", as: String?.self),
            postedAt: try row.decode(column: "posted_at", as: Int64?.self).map(Store.date),
            engagement: engagementAt.map { at in
                SocialEngagement(views: (try? row.decode(column: "views", as: Int?.self)) ?? nil,
                                 reactions: (try? row.decode(column: "reactions", as: Int?.self)) ?? nil,
                                 shares: (try? row.decode(column: "shares", as: Int?.self)) ?? nil, fetchedAt: Store.date(at))
            },
            updatedAt: Store.date(try row.decode(column: "updated_at", as: Int64.self)))
    }

    // MARK: Queueing, with the decision

    /// What keeps a post from its channel, checked when it is queued; empty when nothing does.
    static func socialLimitProblems(channel: String, title: String, message: String, hasCover: Bool) -> [String] {
        guard channel == SocialChannel.zalo.rawValue else { return [] }
        // The cover's address is made when the post is sent; here it only matters that there is one.
        return ZaloLimits.problems(title: title, description: message, hasCover: hasCover).map(words)
    }

    /// A limit problem in words, for the editor.
    static func words(_ problem: LimitProblem) -> String {
        switch problem {
        case .titleMissing: return "title: empty"
        case .titleTooLong(let characters, let maximum): return "title: \(characters) characters, at most \(maximum)"
        case .descriptionTooLong(let characters, let maximum): return "description: \(characters) characters, at most \(maximum)"
        case .coverMissing: return "cover: a cover image is required"
        case .coverNotAWebAddress: return "cover: not a web address"
        }
    }

    /// Inside the decision's transaction: one post per channel of `channels` for item `id` with
    /// `message`; posts not sent yet take the new text, those of channels no longer chosen are
    /// cancelled. Throws `SocialPostRefused` (rolling the decision back) when a post breaks its channel's limits.
    func queueSocialPosts(for id: Int64, title: String, channels: [String], message: String?, now: Date) async throws {
        let millis = Store.millis(now)
        let chosen = message == nil ? [] : channels
        if let message, !chosen.isEmpty {
            let hasCover = try await sql.raw("SELECT number FROM attachments WHERE submission_id = \(bind: id) LIMIT 1").first() != nil
            for channel in chosen {
                let problems = Self.socialLimitProblems(channel: channel, title: title, message: message, hasCover: hasCover)
                guard problems.isEmpty else { throw SocialPostRefused(channel: channel, problems: problems) }
            }
        }
        let published = try await sql.raw("SELECT published_at FROM submissions WHERE id = \(bind: id) AND status = 'published'").first()
            .flatMap { try $0.decode(column: "published_at", as: Int64?.self) }
        let existing = try await sql.raw("SELECT channel, status FROM social_posts WHERE submission_id = \(bind: id)").all().map {
            (channel: try $0.decode(column: "channel", as: String.self), status: try $0.decode(column: "status", as: String.self))
        }
        let unsent = Self.bindList([SocialPostStatus.queued.rawValue, SocialPostStatus.retryWait.rawValue])
        for old in existing where !chosen.contains(old.channel) {
            try await sql.raw("""
                UPDATE social_posts SET status = 'cancelled', updated_at = \(bind: millis)
                WHERE submission_id = \(bind: id) AND channel = \(bind: old.channel) AND status IN (
                """ + unsent + ")").run()
        }
        guard let message else { return }
        for channel in chosen {
            if existing.contains(where: { $0.channel == channel }) {
                // A cancelled post is queued again; one that went out (or may have) stays as it is.
                try await sql.raw("""
                    UPDATE social_posts SET message = \(bind: message), updated_at = \(bind: millis),
                        status = CASE WHEN status = 'cancelled' THEN 'queued' ELSE status END
                    WHERE submission_id = \(bind: id) AND channel = \(bind: channel) AND status IN (
                    """ + unsent + ", 'cancelled')").run()
            } else {
                try await sql.raw("""
                    INSERT INTO social_posts (submission_id, channel, status, message, created_at, updated_at)
                    VALUES (\(bind: id), \(bind: channel), 'queued', \(bind: message), \(bind: millis), \(bind: millis))
                    """).run()
            }
        }
        if let published { try await scheduleSocialPosts(of: id, publishedAt: Store.date(published)) }
    }

    /// Inside the publication's transaction: the item's queued posts fall due at `publishedAt`
    /// plus their channel's delay.
    func scheduleSocialPosts(of id: Int64, publishedAt: Date) async throws {
        try await sql.raw("""
            UPDATE social_posts SET due_at = \(bind: Store.millis(publishedAt))
                + 1000 * COALESCE((SELECT c.delay_seconds FROM social_channels c WHERE c.channel = social_posts.channel), 0)
            WHERE submission_id = \(bind: id) AND status = 'queued' AND due_at IS NULL
            """).run()
    }

    /// Inside a transaction: the item will not be published (rejected, withdrawn, taken down):
    /// its posts not sent yet are cancelled.
    func cancelSocialPosts(of id: Int64, now: Date) async throws {
        try await sql.raw("""
            UPDATE social_posts SET status = 'cancelled', updated_at = \(bind: Store.millis(now))
            WHERE submission_id = \(bind: id) AND status IN (
            """ + Self.bindList([SocialPostStatus.queued.rawValue, SocialPostStatus.retryWait.rawValue]) + ")").run()
    }

    /// A later change of an approved item's channels or text: unsent posts take it.
    public func setSocialChoice(of id: Int64, channels: [String], message: String?, scope: Scope, now: Date? = nil) async throws -> Submission? {
        let now = now ?? clock.now()
        return try await transaction {
            guard let current = try await submission(id: id, scope: scope) else { return nil }
            let text = channels.isEmpty ? nil : Normalization.nfc(message.flatMap(TransitionRequest.socialMessage) ?? current.defaultSocialMessage)
            try await sql.raw("""
                UPDATE submissions SET channels = \(bind: channels.joined(separator: ",")), social_message = \(bind: text),
                    updated_at = \(bind: Store.millis(now))
                WHERE id = \(bind: id)
                """).run()
            try await queueSocialPosts(for: id, title: current.summary.title, channels: channels, message: text, now: now)
            return try await submission(id: id, scope: scope)
        }
    }

    // MARK: Reading

    public func socialPosts(_ query: SocialPostQuery) async throws -> [SocialPost] {
        var text = SQLQueryString("SELECT ") + SQLQueryString(Self.socialColumns) + SQLQueryString(Self.socialTables) + " WHERE 1 = 1"
        if !query.statuses.isEmpty { text = text + " AND p.status IN (" + Self.bindList(query.statuses.map(\.rawValue)) + ")" }
        if let channel = query.channel { text = text + " AND p.channel = \(bind: channel)" }
        if let sites = query.sites {
            guard !sites.isEmpty else { return [] }
            text = text + " AND si.code IN (" + Self.bindList(sites.sorted()) + ")"
        }
        if let submission = query.submission { text = text + " AND p.submission_id = \(bind: submission)" }
        text = text + " ORDER BY p.id DESC LIMIT \(bind: query.limit)"
        return try await sql.raw(text).all().map(Self.socialPost)
    }

    public func socialPost(id: Int64) async throws -> SocialPost? {
        try await sql.raw(SQLQueryString("SELECT ") + SQLQueryString(Self.socialColumns) + SQLQueryString(Self.socialTables)
                          + " WHERE p.id = \(bind: id)").first().map(Self.socialPost)
    }

    /// Posts per status, for the status bar and the metrics.
    public func countSocialPosts() async throws -> [SocialPostStatus: Int] {
        var counts: [SocialPostStatus: Int] = [:]
        for row in try await sql.raw("SELECT status, COUNT(*) AS n FROM social_posts GROUP BY status").all() {
            if let status = SocialPostStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    // MARK: A person's changes

    /// Changes post `id` when its status is one of `from`: `set` is the SQL after `SET`.
    private func changeSocialPost(_ id: Int64, from: Set<SocialPostStatus>, now: Date, set: SQLQueryString) async throws -> SocialPostChange {
        try await transaction {
            let lock: SQLQueryString = dialect == .postgres ? " FOR UPDATE" : ""
            guard let row = try await sql.raw("SELECT status FROM social_posts WHERE id = \(bind: id)" + lock).first() else { return .notFound }
            let status = SocialPostStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed
            guard from.contains(status) else { return .wrongStatus(status) }
            try await sql.raw("UPDATE social_posts SET " + set + ", updated_at = \(bind: Store.millis(now)) WHERE id = \(bind: id)").run()
            guard let post = try await socialPost(id: id) else { return .notFound }
            return .done(post)
        }
    }

    /// The text of a post not sent yet (trimmed, NFC; the route checks its length and the channel's limits).
    public func editSocialPost(_ id: Int64, message: String, now: Date? = nil) async throws -> SocialPostChange {
        let now = now ?? clock.now()
        let text = Normalization.nfc(message.trimmingCharacters(in: .whitespacesAndNewlines))
        if let post = try await socialPost(id: id), post.status.isUnsent {
            let hasCover = try await sql.raw("SELECT number FROM attachments WHERE submission_id = \(bind: post.submissionId) LIMIT 1").first() != nil
            let problems = Self.socialLimitProblems(channel: post.channel, title: post.title, message: text, hasCover: hasCover)
            guard problems.isEmpty else { throw SocialPostRefused(channel: post.channel, problems: problems) }
        }
        return try await changeSocialPost(id, from: [.queued, .retryWait], now: now, set: "message = \(bind: text)")
    }

    /// A failed or uncertain post queued again, due now when its item is out; its attempts start again.
    public func retrySocialPost(_ id: Int64, now: Date? = nil) async throws -> SocialPostChange {
        let now = now ?? clock.now()
        return try await changeSocialPost(id, from: [.failed, .uncertain], now: now, set: requeue(now))
    }

    /// Queued again by a person: due at once if the item is published (else at its publication).
    private func requeue(_ now: Date) -> SQLQueryString {
        """
        status = 'queued', attempts = 0, claimed_by = NULL, lease_until = NULL,
        due_at = CASE WHEN (SELECT s.status FROM submissions s WHERE s.id = social_posts.submission_id) = 'published'
                      THEN \(bind: Store.millis(now)) ELSE NULL END
        """
    }

    /// A post that has not gone out, and may not have, is cancelled.
    public func cancelSocialPost(_ id: Int64, now: Date? = nil) async throws -> SocialPostChange {
        let now = now ?? clock.now()
        return try await changeSocialPost(id, from: [.queued, .retryWait, .failed, .uncertain], now: now, set: "status = 'cancelled'")
    }

    /// A person checked the page for an uncertain post: it is there (`link`), or it goes again.
    public func resolveSocialPost(_ id: Int64, _ resolution: SocialPostResolution, by actor: String, now: Date? = nil) async throws -> SocialPostChange {
        let now = now ?? clock.now()
        switch resolution.action {
        case .posted:
            return try await changeSocialPost(id, from: [.uncertain], now: now, set: """
                status = 'posted', remote_link = \(bind: resolution.link.map(Normalization.nfc)), posted_at = \(bind: Store.millis(now)),
                lease_until = NULL, last_error = \(bind: "marked posted by \(actor)")
                """)
        case .resend:
            return try await changeSocialPost(id, from: [.uncertain], now: now, set: requeue(now))
        }
    }

    // MARK: Posts in bulk, for tests and benchmarks

    /// Queues `count` posts due at `dueAt`, taking `channels` in turn, each on an item of its
    /// own per channel (given a cover photo, which Zalo needs) and each with a message of its
    /// own, by which a fake network counts what it took. Every post queued before is removed;
    /// items are generated when there are too few (a database seeded with the sample).
    /// Post id → its message.
    @discardableResult
    public func queueSocialPostsInBulk(count: Int, channels: [SocialChannel], dueAt: Date) async throws -> [Int64: String] {
        guard !channels.isEmpty, count > 0 else { return [:] }
        let perChannel = (count + channels.count - 1) / channels.count
        func items() async throws -> [Int64] {
            try await sql.raw("SELECT id FROM submissions ORDER BY id LIMIT \(bind: perChannel)").all()
                .map { try $0.decode(column: "id", as: Int64.self) }
        }
        var ids = try await items()
        if ids.count < perChannel {
            try await Seeder.seedBulk(into: self, count: perChannel - ids.count)
            ids = try await items()
        }
        let millis = Store.millis(dueAt)
        return try await transaction {
            try await sql.raw("DELETE FROM social_posts").run()
            var posts: [Int64: String] = [:]
            for index in 0..<min(count, ids.count * channels.count) {
                let item = ids[index / channels.count]
                let message = "Bài đăng thử số \(index) của mục \(item)."
                if index % channels.count == 0 {
                    try await sql.raw("""
                        INSERT INTO attachments (submission_id, number, filename, content_type, size, sha256, caption, credit, data)
                        VALUES (\(bind: item), 99, 'bia.png', 'image/png', 1, '', '', '', \(bind: ByteBuffer(bytes: [0x89])))
                        ON CONFLICT DO NOTHING
                        """).run()
                }
                let id = try await returning("""
                    INSERT INTO social_posts (submission_id, channel, status, message, due_at, created_at, updated_at)
                    VALUES (\(bind: item), \(bind: channels[index % channels.count].rawValue), 'queued', \(bind: message), \(bind: millis),
                            \(bind: millis), \(bind: millis))
                    RETURNING id
                    """).decode(column: "id", as: Int64.self)
                posts[id] = message
            }
            return posts
        }
    }

    /// Makes every queued post due at `at`: what a benchmark starts its clock with.
    public func makeQueuedSocialPostsDue(at: Date) async throws {
        try await transaction {
            try await sql.raw("UPDATE social_posts SET due_at = \(bind: Store.millis(at)) WHERE status = 'queued'").run()
        }
    }

    // MARK: The dispatcher

    /// Claims up to `limit` due posts for `worker` until `leaseUntil`: each becomes `sending`,
    /// its attempt counted. Several servers on one PostgreSQL never claim the same post
    /// (`FOR UPDATE SKIP LOCKED`); on SQLite the write transaction lets one claim at a time.
    public func claimDueSocialPosts(now: Date, worker: String, leaseUntil: Date, limit: Int) async throws -> [ClaimedSocialPost] {
        let millis = Store.millis(now)
        let dueStatuses = Self.bindList([SocialPostStatus.queued.rawValue, SocialPostStatus.retryWait.rawValue])
        // Most ticks nothing is due: a look on a read connection then, without the write lock.
        let anyDue = try await sql.raw("SELECT id FROM social_posts WHERE status IN (" + dueStatuses + ") AND due_at <= \(bind: millis) LIMIT 1").first()
        guard anyDue != nil else { return [] }
        return try await transaction {
            let lock: SQLQueryString = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
            let ids = try await sql.raw("SELECT id FROM social_posts WHERE status IN (" + dueStatuses
                                        + ") AND due_at <= \(bind: millis) ORDER BY due_at, id LIMIT \(bind: limit)" + lock).all()
                .map { try $0.decode(column: "id", as: Int64.self) }
            guard !ids.isEmpty else { return [] }
            let list = Self.bindList(ids)
            try await sql.raw("""
                UPDATE social_posts SET status = 'sending', claimed_by = \(bind: worker), lease_until = \(bind: Store.millis(leaseUntil)),
                    attempts = attempts + 1, updated_at = \(bind: millis)
                WHERE id IN (
                """ + list + ")").run()
            return try await sql.raw("""
                SELECT p.id, p.submission_id, p.channel, p.message, p.attempts, s.title, s.public_path,
                    (SELECT MIN(a.number) FROM attachments a WHERE a.submission_id = p.submission_id) AS cover
                FROM social_posts p JOIN submissions s ON s.id = p.submission_id
                WHERE p.id IN (
                """ + list + ") ORDER BY p.due_at, p.id").all().map { row in
                ClaimedSocialPost(id: try row.decode(column: "id", as: Int64.self), submissionID: try row.decode(column: "submission_id", as: Int64.self),
                                  channel: try row.decode(column: "channel", as: String.self), title: try row.decode(column: "title", as: String.self),
                                  message: try row.decode(column: "message", as: String.self),
                                  publicPath: try row.decode(column: "public_path", as: String?.self),
                                  coverNumber: try row.decode(column: "cover", as: Int?.self), attempts: try row.decode(column: "attempts", as: Int.self))
            }
        }
    }

    /// Records how `worker`'s attempt at post `id` ended. A claim the lease reaper has since
    /// made uncertain still takes a `posted` answer (it is the truth), nothing else.
    @discardableResult
    public func recordSocialAttempt(_ id: Int64, worker: String, _ result: SocialAttemptResult, now: Date) async throws -> Bool {
        let millis = Store.millis(now)
        let set: SQLQueryString
        var from: [String] = [SocialPostStatus.sending.rawValue]
        switch result {
        case .posted(let remoteID, let link):
            from.append(SocialPostStatus.uncertain.rawValue)
            set = """
                status = 'posted', remote_id = \(bind: Self.untrusted(remoteID, limit: 200)), remote_link = \(bind: link.map { Self.untrusted($0, limit: 1000) }),
                posted_at = \(bind: millis), error_kind = NULL, last_error = NULL
                """
        case .retry(let at, let kind, let error):
            set = "status = 'retry_wait', due_at = \(bind: Store.millis(at)), error_kind = \(bind: kind), last_error = \(bind: Self.untrusted(error, limit: 1000))"
        case .failed(let kind, let error):
            set = "status = 'failed', error_kind = \(bind: kind), last_error = \(bind: Self.untrusted(error, limit: 1000))"
        case .uncertain(let kind, let error):
            set = "status = 'uncertain', error_kind = \(bind: kind), last_error = \(bind: Self.untrusted(error, limit: 1000))"
        }
        return try await transaction {
            let changed = try await sql.raw("UPDATE social_posts SET " + set + ", lease_until = NULL, updated_at = \(bind: millis) WHERE id = \(bind: id) AND claimed_by = \(bind: worker) AND status IN ("
                                            + Self.bindList(from) + ") RETURNING id").all()
            return !changed.isEmpty
        }
    }

    /// Posts left `sending` by a server that stopped before it knew the outcome (its lease ran
    /// out): they may have gone out, so they become uncertain, never sent again by themselves.
    @discardableResult
    public func expireSocialLeases(now: Date) async throws -> [Int64] {
        let millis = Store.millis(now)
        let anyExpired = try await sql.raw("SELECT id FROM social_posts WHERE status = 'sending' AND lease_until < \(bind: millis) LIMIT 1").first()
        guard anyExpired != nil else { return [] }
        return try await transaction {
            try await sql.raw("""
                UPDATE social_posts SET status = 'uncertain', error_kind = 'lease_expired', lease_until = NULL, updated_at = \(bind: millis),
                    last_error = 'the server process ' || COALESCE(claimed_by, '?') || ' stopped while sending; check the page before sending again'
                WHERE status = 'sending' AND lease_until < \(bind: millis)
                RETURNING id
                """).all().map { try $0.decode(column: "id", as: Int64.self) }
        }
    }

    /// Posted posts whose engagement is older than `staleBefore` (or never read), posted since `postedSince`.
    public func socialPostsForEngagement(staleBefore: Date, postedSince: Date, limit: Int) async throws -> [(id: Int64, channel: String, remoteID: String)] {
        try await sql.raw("""
            SELECT id, channel, remote_id FROM social_posts
            WHERE status = 'posted' AND remote_id IS NOT NULL AND posted_at >= \(bind: Store.millis(postedSince))
              AND (engagement_at IS NULL OR engagement_at < \(bind: Store.millis(staleBefore)))
            ORDER BY engagement_at NULLS FIRST, id LIMIT \(bind: limit)
            """).all().map { row in
            (id: try row.decode(column: "id", as: Int64.self), channel: try row.decode(column: "channel", as: String.self),
             remoteID: try row.decode(column: "remote_id", as: String.self))
        }
    }

    /// What the channel reported for post `id` (nil: it reports nothing; asked again later all the same).
    public func recordEngagement(_ id: Int64, _ engagement: Engagement?, now: Date) async throws {
        try await transaction {
            try await sql.raw("""
                UPDATE social_posts SET views = \(bind: engagement?.views), reactions = \(bind: engagement?.reactions),
                    shares = \(bind: engagement?.shares), engagement_at = \(bind: Store.millis(now))
                WHERE id = \(bind: id)
                """).run()
        }
    }

    /// Text from a network, kept as plain text: control characters dropped, NFC, at most `limit` characters.
    static func untrusted(_ text: String, limit: Int) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { PlainText.isAllowed($0.value) && $0 != "\n" && $0 != "\t" })
        return String(Normalization.nfc(String(scalars)).prefix(limit))
    }

    // MARK: Channels and their credentials

    public func socialCredentials(for channel: String) async throws -> ChannelCredentials? {
        guard let row = try await sql.raw("SELECT credentials FROM social_channels WHERE channel = \(bind: channel)").first(),
              let json = try row.decode(column: "credentials", as: String?.self) else { return nil }
        return try JSONDecoder().decode(ChannelCredentials.self, from: Data(json.utf8))
    }

    /// Every channel's settings, secrets masked; a channel never set shows as not configured.
    public func socialChannelSettings() async throws -> [SocialChannelSettings] {
        var stored: [String: SocialChannelSettings] = [:]
        for row in try await sql.raw("SELECT channel, credentials, delay_seconds, updated_by, updated_at FROM social_channels").all() {
            let channel = try row.decode(column: "channel", as: String.self)
            let credentials = try row.decode(column: "credentials", as: String?.self)
                .flatMap { try? JSONDecoder().decode(ChannelCredentials.self, from: Data($0.utf8)) }
            stored[channel] = SocialChannelSettings(
                channel: channel, configured: credentials != nil, baseUrl: credentials?.baseURL, accountId: credentials?.accountID,
                accessToken: SocialChannelSettings.mask(credentials?.accessToken), refreshToken: SocialChannelSettings.mask(credentials?.refreshToken),
                appId: credentials?.appID, appSecret: SocialChannelSettings.mask(credentials?.appSecret),
                accessTokenExpiresAt: credentials?.accessTokenExpiresAt, authBaseUrl: credentials?.authBaseURL, delaySeconds: try row.decode(column: "delay_seconds", as: Int.self),
                updatedBy: try row.decode(column: "updated_by", as: String.self), updatedAt: Store.date(try row.decode(column: "updated_at", as: Int64.self)))
        }
        return SocialChannel.allCases.map { stored[$0.rawValue] ?? SocialChannelSettings(channel: $0.rawValue, configured: false) }
    }

    /// A channel's credentials and delay as an admin sets them; a secret left out keeps the stored one.
    /// Nil when no access token is given and none is stored.
    public func setSocialChannel(_ channel: SocialChannel, _ update: SocialChannelUpdate, by actor: String,
                                 now: Date? = nil) async throws -> SocialChannelSettings? {
        let now = now ?? clock.now()
        let stored = try await transaction { () -> Bool in
            try await lockSocialChannel(channel.rawValue)
            let old = try await socialCredentials(for: channel.rawValue)
            guard let token = update.accessToken ?? old?.accessToken else { return false }
            let credentials = ChannelCredentials(
                baseURL: update.baseUrl, accountID: update.accountId, accessToken: token,
                refreshToken: update.refreshToken ?? old?.refreshToken, appID: update.appId ?? old?.appID,
                appSecret: update.appSecret ?? old?.appSecret,
                accessTokenExpiresAt: update.accessToken == nil ? (update.accessTokenExpiresAt ?? old?.accessTokenExpiresAt) : update.accessTokenExpiresAt,
                authBaseURL: update.authBaseUrl)
            let stored = try await socialDelay(channel.rawValue)
            let delay = update.delaySeconds ?? stored
            try await writeSocialChannel(channel.rawValue, credentials, delay: delay, by: actor, now: now)
            return true
        }
        guard stored else { return nil }
        return try await socialChannelSettings().first { $0.channel == channel.rawValue }
    }

    /// Inside a transaction: the channel's row exists and is held until the transaction ends,
    /// against every other process (`FOR UPDATE` on PostgreSQL; SQLite's write transaction holds the file).
    private func lockSocialChannel(_ channel: String) async throws {
        try await sql.raw("""
            INSERT INTO social_channels (channel, credentials, delay_seconds, updated_by, updated_at)
            VALUES (\(bind: channel), NULL, 0, '', 0) ON CONFLICT (channel) DO NOTHING
            """).run()
        if dialect == .postgres {
            _ = try await sql.raw("SELECT channel FROM social_channels WHERE channel = \(bind: channel) FOR UPDATE").all()
        }
    }

    private func socialDelay(_ channel: String) async throws -> Int {
        try await sql.raw("SELECT delay_seconds FROM social_channels WHERE channel = \(bind: channel)").first()?
            .decode(column: "delay_seconds", as: Int.self) ?? 0
    }

    private func writeSocialChannel(_ channel: String, _ credentials: ChannelCredentials, delay: Int, by actor: String, now: Date) async throws {
        let json = String(decoding: try JSONEncoder().encode(credentials), as: UTF8.self)
        try await sql.raw("""
            UPDATE social_channels SET credentials = \(bind: json), delay_seconds = \(bind: delay), updated_by = \(bind: actor),
                updated_at = \(bind: Store.millis(now))
            WHERE channel = \(bind: channel)
            """).run()
    }

    /// Renews `channel`'s credentials with `renew` while no other renewal of the channel runs,
    /// and stores the result before letting the next one in: a refresh token that works once is
    /// used once. Throws `ChannelNotConfigured` when nothing is stored.
    ///
    /// On PostgreSQL the channel's row is held (`FOR UPDATE`) against every process. An SQLite
    /// portal is one process, and its one write transaction would hold every write of the portal
    /// for as long as the network takes: there an in-process lock on the channel spans
    /// read → renew → store, and the store is a short transaction of its own.
    public func renewSocialCredentials(_ channel: String,
                                       using renew: @Sendable (ChannelCredentials) async throws -> ChannelCredentials) async throws -> ChannelCredentials {
        guard dialect == .sqlite else {
            return try await transaction {
                try await lockSocialChannel(channel)
                guard let old = try await socialCredentials(for: channel) else { throw ChannelNotConfigured(channel: channel) }
                let new = try await renew(old)
                try await writeSocialChannel(channel, new, delay: try await socialDelay(channel), by: "renewal", now: clock.now())
                return new
            }
        }
        // Keyed by the database's folder too: two stores on one file in one process (tests) take turns.
        return try await SocialRenewalLocks.shared.gate(for: (fileDirectory ?? "") + "\n" + channel).run {
            guard let old = try await socialCredentials(for: channel) else { throw ChannelNotConfigured(channel: channel) }
            let new = try await renew(old)
            try await transaction {
                try await lockSocialChannel(channel)
                try await writeSocialChannel(channel, new, delay: try await socialDelay(channel), by: "renewal", now: clock.now())
            }
            return new
        }
    }

    public struct ChannelNotConfigured: Error, Sendable, Hashable {
        public var channel: String
    }
}

/// One gate per SQLite database and channel, for the whole process: a channel's renewals
/// take turns without holding the database's write transaction.
final class SocialRenewalLocks: @unchecked Sendable {
    static let shared = SocialRenewalLocks()
    // `lock` guards `gates`, the only mutable field.
    private let lock = NSLock()
    private var gates: [String: AsyncGate] = [:]

    func gate(for key: String) -> AsyncGate {
        lock.withLock {
            if let gate = gates[key] { return gate }
            let gate = AsyncGate()
            gates[key] = gate
            return gate
        }
    }
}
