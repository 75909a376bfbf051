import Foundation
import NewsroomKit
import SQLKit

/// Publishing at the time set: what the `Scheduler` asks of the store each time it looks.
extension Store {
    /// An item missed by more than this (the server was down) is flagged late in its history.
    public static let lateAfter: TimeInterval = 60

    /// Publishes scheduled items whose time has come, up to `limit`, each with
    /// its audit event by `actor`; returns their ids. Several servers on one
    /// PostgreSQL never take the same item (`FOR UPDATE SKIP LOCKED`), and an
    /// item once published is no longer due: each is published exactly once.
    @discardableResult
    public func publishDue(now: Date? = nil, actor: String, limit: Int = 100) async throws -> [Int64] {
        let now = now ?? clock.now()
        // Most seconds nothing is due: a look on a read connection then, instead of taking
        // the write lock (and making every cached list page stale) each second for nothing.
        let anyDue = try await sql.raw("""
            SELECT id FROM submissions
            WHERE status = \(bind: SubmissionStatus.scheduled.rawValue) AND publish_at <= \(bind: Store.millis(now)) LIMIT 1
            """).first()
        guard anyDue != nil else { return [] }
        return try await transaction {
            let millis = Store.millis(now)
            let lock: SQLQueryString = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
            let due = try await sql.raw("""
                SELECT id, publish_at FROM submissions
                WHERE status = \(bind: SubmissionStatus.scheduled.rawValue) AND publish_at <= \(bind: millis)
                ORDER BY publish_at, id LIMIT \(bind: limit)
                """ + lock).all().map { row in
                (id: try row.decode(column: "id", as: Int64.self), at: try row.decode(column: "publish_at", as: Int64.self))
            }
            for item in due {
                try await sql.raw("""
                    UPDATE submissions SET status = \(bind: SubmissionStatus.published.rawValue), published_at = \(bind: millis),
                        updated_at = \(bind: millis)
                    WHERE id = \(bind: item.id)
                    """).run()
                if let submission = try await submission(id: item.id, scope: .everything) {
                    try await writePublication(of: submission, now: now)
                    try await writeEntitlements(of: submission, publishedAt: now, now: now)
                }
                try await scheduleSocialPosts(of: item.id, publishedAt: now)
                let late = Double(millis - item.at) / 1000 > Store.lateAfter
                let note = late ? "late: due \(ISO8601DateFormatter().string(from: Store.date(item.at)))" : ""
                try await insertEvent(of: item.id, actor: actor, action: .publish, from: .scheduled, note: note, at: now)
            }
            return due.map(\.id)
        }
    }
}
