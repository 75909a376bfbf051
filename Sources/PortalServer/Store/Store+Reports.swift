import Foundation
import NewsroomKit
import SQLKit

/// Reports over what was published.
extension Store {
    /// Per site in `sites` (codes), what was published in [start, end) and in the same span a year earlier.
    public func activity(sites: Set<String>?, from: String, to: String, start: Date, end: Date, yearEarlierStart: Date, yearEarlierEnd: Date)
        async throws -> ActivityReport {
        let current = try await publishedCounts(start: start, end: end)
        let earlier = try await publishedCounts(start: yearEarlierStart, end: yearEarlierEnd)
        let rows = try await self.sites().filter { sites?.contains($0.code) ?? true }.map { site in
            ActivityReport.Row(site: SiteRef(id: site.id, code: site.code, name: site.name),
                               current: current[site.id] ?? .init(), yearEarlier: earlier[site.id] ?? .init())
        }
        return ActivityReport(from: from, to: to, rows: rows)
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
}
