import Foundation
import NewsroomKit
import SQLKit
import VietText

/// The rows only the sample seeder and the benchmarks' bulk seeding write (`Seeder` decides
/// what they hold): sites and contributors straight from the corpus, posts in every state of
/// the social queue, and royalty lines by the thousand in one statement.
extension Store {
    /// How many submissions the database holds.
    func submissionTotal() async throws -> Int {
        try await returning("SELECT COUNT(*) AS n FROM submissions").decode(column: "n", as: Int.self)
    }

    /// Inside a transaction: the id of the site `seed.code`, written from `seed` when there is none yet.
    func siteID(_ seed: SiteSeed) async throws -> Int64 {
        if let row = try await sql.raw("SELECT id FROM sites WHERE code = \(bind: seed.code)").first() {
            return try row.decode(column: "id", as: Int64.self)
        }
        return try await returning("""
            INSERT INTO sites (code, name, kind, language, parent_code)
            VALUES (\(bind: seed.code), \(bind: Normalization.nfc(seed.name)), \(bind: seed.kind.rawValue), \(bind: seed.language), \(bind: seed.parentCode))
            RETURNING id
            """).decode(column: "id", as: Int64.self)
    }

    /// Inside a transaction: a contributor with no account; its id.
    func insertContributor(fullName: String, penName: String?, email: String) async throws -> Int64 {
        try await returning("""
            INSERT INTO contributors (full_name, pen_name, email)
            VALUES (\(bind: Normalization.nfc(fullName)), \(bind: penName.map(Normalization.nfc)), \(bind: email))
            RETURNING id
            """).decode(column: "id", as: Int64.self)
    }

    /// The contributors without an account, oldest first: the sample's people, in the corpus' order.
    func contributorsWithoutAccount() async throws -> [Int64] {
        try await sql.raw("SELECT id FROM contributors WHERE user_id IS NULL ORDER BY id").all()
            .map { try $0.decode(column: "id", as: Int64.self) }
    }

    /// Inside a transaction: the grading an editor gave submission `id` on approving it.
    func setGrading(of id: Int64, _ grading: Grading) async throws {
        try await sql.raw("UPDATE submissions SET grading = \(bind: try Store.gradingJSON(grading)) WHERE id = \(bind: id)").run()
    }

    /// The months and sites that have royalty lines, in order.
    func entitlementMonths() async throws -> [(month: String, site: String)] {
        try await sql.raw("SELECT DISTINCT month, site_code FROM entitlements ORDER BY month, site_code").all().map {
            (try $0.decode(column: "month", as: String.self), try $0.decode(column: "site_code", as: String.self))
        }
    }

    /// The lowest and highest submission id; nil in a database without one.
    func submissionIDs() async throws -> ClosedRange<Int64>? {
        guard let row = try await sql.raw("SELECT MIN(id) AS lo, MAX(id) AS hi FROM submissions").first(),
              let low = try row.decode(column: "lo", as: Int64?.self), let high = try row.decode(column: "hi", as: Int64?.self) else { return nil }
        return low...high
    }

    /// The `limit` newest submissions in `status` written in Vietnamese, newest first.
    func newestVietnamese(_ status: SubmissionStatus, limit: Int) async throws -> [(id: Int64, sapo: String, publishedAt: Date?)] {
        try await sql.raw("""
            SELECT id, sapo, published_at FROM submissions WHERE status = \(bind: status.rawValue) AND language = 'vi'
            ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "sapo", as: String.self),
                              try $0.decode(column: "published_at", as: Int64?.self).map(Store.date)) }
    }

    /// A social post as the sample leaves it, in any state, with what that state has recorded.
    struct SeededSocialPost: Sendable {
        var submission: Int64
        var channel: String
        var status: SocialPostStatus
        var message: String
        var dueAt: Date?
        var attempts: Int
        var remoteID: String?
        var remoteLink: String?
        var engagement: SocialEngagement?
        var errorKind: String?
        var lastError: String?
        var claimedBy: String?
        var leaseUntil: Date?
        var postedAt: Date?
    }

    /// Inside a transaction: `post`, written at `now`, and its item's social choice made to match it.
    func insertSeededSocialPost(_ post: SeededSocialPost, now: Date) async throws {
        let millis = Store.millis(now)
        try await sql.raw("""
            INSERT INTO social_posts (submission_id, channel, status, message, due_at, attempts, claimed_by, lease_until, remote_id,
                                      remote_link, error_kind, last_error, posted_at, views, reactions, shares, engagement_at,
                                      created_at, updated_at)
            VALUES (\(bind: post.submission), \(bind: post.channel), \(bind: post.status.rawValue), \(bind: post.message),
                    \(bind: post.dueAt.map(Store.millis)), \(bind: post.attempts), \(bind: post.claimedBy), \(bind: post.leaseUntil.map(Store.millis)),
                    \(bind: post.remoteID), \(bind: post.remoteLink), \(bind: post.errorKind), \(bind: post.lastError),
                    \(bind: post.postedAt.map(Store.millis)), \(bind: post.engagement?.views), \(bind: post.engagement?.reactions),
                    \(bind: post.engagement?.shares), \(bind: post.engagement.map { Store.millis($0.fetchedAt) }), \(bind: millis), \(bind: millis))
            """).run()
        try await sql.raw("""
            UPDATE submissions SET channels = \(bind: post.channel), social_message = \(bind: post.message) WHERE id = \(bind: post.submission)
            """).run()
    }

    /// Inside a transaction: `count` royalty lines in `month` on `site` for benchmarks, in one
    /// statement: line i names item `items.lowerBound + i % items.count` and contributor
    /// `payees.lowerBound + i % payees.count` (both ranges of contiguous ids), Tin at 1 to 3
    /// units of 253,000 đ, published at `day`'s start plus i milliseconds.
    func insertBenchEntitlements(count: Int, items: ClosedRange<Int64>, payees: ClosedRange<Int64>, site: String, month: String,
                                 day: VietnamDay, now: Date) async throws {
        try await sql.raw("""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < \(bind: count))
            INSERT INTO entitlements (submission_id, contributor_id, site_code, genre, genre_name, coefficient, share_percent,
                                      item_amount, amount, base_salary, unit_value, basis, published_at, month, adjusts, created_at)
            SELECT \(bind: items.lowerBound) + n.i % \(bind: Int64(items.count)), \(bind: payees.lowerBound) + n.i % \(bind: Int64(payees.count)),
                   \(bind: site), 'tin', 'Tin; Trả lời bạn đọc', 1 + n.i % 3, 100, 253000 * (1 + n.i % 3), 253000 * (1 + n.i % 3), 2530000,
                   253000, 'bench', \(bind: Store.millis(day.start)) + n.i, \(bind: month), NULL, \(bind: Store.millis(now))
            FROM n
            """).run()
    }
}
