import Foundation
import NewsroomKit
import SQLKit

extension Seeder {
    /// Inside the seed's transaction: the social queue as a working week leaves it, a post in
    /// every state — queued for approved and scheduled items, and for published ones posted,
    /// waiting to retry, failed, uncertain, cancelled and one being sent.
    static func seedSocialPosts(in store: Store, now: Date) async throws {
        let sql = store.sql
        func items(_ status: SubmissionStatus, _ count: Int) async throws -> [(id: Int64, sapo: String, publishedAt: Int64?)] {
            try await sql.raw("""
                SELECT id, sapo, published_at FROM submissions WHERE status = \(bind: status.rawValue) AND language = 'vi'
                ORDER BY id DESC LIMIT \(bind: count)
                """).all().map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "sapo", as: String.self),
                                  try $0.decode(column: "published_at", as: Int64?.self)) }
        }
        let millis = Store.millis(now)
        let minute: Int64 = 60_000
        var rows: [(item: Int64, sapo: String, channel: String, status: SocialPostStatus, due: Int64?, attempts: Int, set: SQLQueryString)] = []
        for item in try await items(.approved, 2) + items(.scheduled, 2) {
            rows.append((item.id, item.sapo, "facebook", .queued, nil, 0, ""))
        }
        let published = try await items(.published, 8)
        let plans: [(SocialPostStatus, String, Int, SQLQueryString)] = [
            (.posted, "facebook", 1, ", remote_id = 'sample_page_1001', remote_link = 'https://www.facebook.com/sample_page/posts/1001', views = 1840, reactions = 126, shares = 14, engagement_at = \(bind: millis - 30 * minute)"),
            (.posted, "zalo", 1, ", remote_id = 'za_sample_2002', remote_link = 'https://oa.zalo.me/article/2002'"),
            (.retryWait, "facebook", 2, ", error_kind = 'rate_limited', last_error = 'rate-limited by the network (code 4): Application request limit reached'"),
            (.failed, "facebook", 1, ", error_kind = 'expired_token', last_error = 'the access token expired or was revoked: an admin must set a new one (code 190/463)'"),
            (.uncertain, "zalo", 1, ", error_kind = 'connection_dropped', last_error = 'the connection dropped after the request was sent; check the page before sending again'"),
            (.cancelled, "facebook", 0, ""),
            (.sending, "facebook", 1, ", claimed_by = 'sample', lease_until = \(bind: millis + 10 * minute)"),
            (.queued, "facebook", 0, ""),
        ]
        for (item, plan) in zip(published, plans) {
            // The demo's queue moves within minutes of its start: the queued post goes out after 3,
            // the one waiting to retry after 6 (through the fakes; failed where no channel is set).
            let due: Int64? = plan.0 == .retryWait ? millis + 6 * minute : plan.0 == .queued ? millis + 3 * minute : item.publishedAt
            rows.append((item.id, item.sapo, plan.1, plan.0, due, plan.2, plan.3))
        }
        for row in rows {
            let message = row.sapo.isEmpty ? "Mời bạn đọc tin mới trên Cổng thông tin điện tử." : String(row.sapo.prefix(280))
            let id = try await store.returning("""
                INSERT INTO social_posts (submission_id, channel, status, message, due_at, attempts, created_at, updated_at)
                VALUES (\(bind: row.item), \(bind: row.channel), \(bind: row.status.rawValue), \(bind: message), \(bind: row.due),
                        \(bind: row.attempts), \(bind: millis), \(bind: millis))
                RETURNING id
                """).decode(column: "id", as: Int64.self)
            let posted: SQLQueryString = row.status == .posted ? ", posted_at = \(bind: row.due ?? millis)" : ""
            try await sql.raw("UPDATE social_posts SET updated_at = \(bind: millis)" + row.set + posted + " WHERE id = \(bind: id)").run()
            try await sql.raw("UPDATE submissions SET channels = \(bind: row.channel), social_message = \(bind: message) WHERE id = \(bind: row.item)").run()
        }
    }
}
