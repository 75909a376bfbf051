import Foundation
import NewsroomKit
import SQLKit

/// Reports over what was published.
extension Store {
    /// Per site in `sites` (codes; nil: all), what was published from the start of `from` to
    /// the end of `to`, and in the same days a year earlier.
    public func activity(sites: Set<String>?, from: VietnamDay, to: VietnamDay) async throws -> ActivityReport {
        let current = try await publishedCounts(start: from.start, end: to.adding(days: 1).start)
        let earlier = try await publishedCounts(start: from.adding(years: -1).start, end: to.adding(years: -1).adding(days: 1).start)
        let social = try await socialReach(start: from.start, end: to.adding(days: 1).start)
        let rows = try await self.sites().filter { sites?.contains($0.code) ?? true }.map { site in
            ActivityReport.Row(site: SiteRef(id: site.id, code: site.code, name: site.name),
                               current: current[site.id] ?? .init(), yearEarlier: earlier[site.id] ?? .init(),
                               social: social[site.id] ?? .init())
        }
        return ActivityReport(from: from.text, to: to.text, rows: rows)
    }

    private func publishedCounts(start: Date, end: Date) async throws -> [Int64: ActivityReport.Counts] {
        let range = SQLQueryString("s.status = \(bind: SubmissionStatus.published.rawValue) AND s.published_at >= \(bind: Store.millis(start)) AND s.published_at < \(bind: Store.millis(end))")
        var counts: [Int64: ActivityReport.Counts] = [:]
        for row in try await sql.raw("SELECT s.site_id, s.category, COUNT(*) AS n FROM submissions s WHERE " + range + " GROUP BY s.site_id, s.category").all() {
            guard let category = Category(rawValue: try row.decode(column: "category", as: String.self)) else { continue }
            counts[try row.decode(column: "site_id", as: Int64.self), default: .init()].add(category, try row.decode(column: "n", as: Int.self))
        }
        let photos = SQLQueryString("SELECT s.site_id, COUNT(*) AS n FROM attachments a JOIN submissions s ON s.id = a.submission_id WHERE ")
        for row in try await sql.raw(photos + range + " GROUP BY s.site_id").all() {
            counts[try row.decode(column: "site_id", as: Int64.self), default: .init()].photos += try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// Per site, the social posts sent from `start` to `end` and their engagement as last read
    /// (a channel that reports none adds nothing).
    private func socialReach(start: Date, end: Date) async throws -> [Int64: ActivityReport.Social] {
        var reach: [Int64: ActivityReport.Social] = [:]
        let query: SQLQueryString = """
            SELECT s.site_id, COUNT(*) AS posts, CAST(SUM(COALESCE(p.views, 0)) AS BIGINT) AS views,
                   CAST(SUM(COALESCE(p.reactions, 0)) AS BIGINT) AS reactions, CAST(SUM(COALESCE(p.shares, 0)) AS BIGINT) AS shares
            FROM social_posts p JOIN submissions s ON s.id = p.submission_id
            WHERE p.status = 'posted' AND p.posted_at >= \(bind: Store.millis(start)) AND p.posted_at < \(bind: Store.millis(end))
            GROUP BY s.site_id
            """
        for row in try await sql.raw(query).all() {
            // PostgreSQL sums bigints as numeric, hence the casts; COUNT is a bigint there.
            func number(_ column: String) throws -> Int { Int(try row.decode(column: column, as: Int64?.self) ?? 0) }
            reach[try row.decode(column: "site_id", as: Int64.self)] = ActivityReport.Social(
                posts: try number("posts"), views: try number("views"), reactions: try number("reactions"), shares: try number("shares"))
        }
        return reach
    }
}
