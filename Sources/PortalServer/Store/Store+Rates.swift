import Foundation
import NewsroomKit
import SQLKit
import VietText

/// Royalty rate tables: stored as their JSON, found by site and day.
extension Store {
    public struct InvalidRateTable: Error, CustomStringConvertible {
        public var problem: String
        public var description: String { problem }
    }

    /// Stores a table (checked first); its id.
    @discardableResult
    public func addRateTable(_ table: RateTable, now: Date = Date()) async throws -> Int64 {
        if let problem = table.problem { throw InvalidRateTable(problem: problem) }
        if let site = table.site { try await checkSites([Grant(role: .admin, site: site)]) }
        let body = String(decoding: try WireFormat.encoder().encode(table), as: UTF8.self)
        return try await sql.raw("""
            INSERT INTO rate_tables (site_code, effective_from, name, body, created_at)
            VALUES (\(bind: table.site), \(bind: table.effectiveFrom), \(bind: Normalization.nfc(table.name)), \(bind: Normalization.nfc(body)),
                    \(bind: Store.millis(now)))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    /// The table in force for `site` on the day `at` falls on in Vietnam: the site's own
    /// newest one begun by then, else the newest one for every site.
    public func activeRateTable(site: String, at: Date = Date()) async throws -> RateTable? {
        let day = VietnamDay(containing: at).text
        guard let row = try await sql.raw("""
            SELECT body FROM rate_tables
            WHERE (site_code = \(bind: site) OR site_code IS NULL) AND effective_from <= \(bind: day)
            ORDER BY CASE WHEN site_code IS NULL THEN 1 ELSE 0 END, effective_from DESC, id DESC LIMIT 1
            """).first() else { return nil }
        return try WireFormat.decoder().decode(RateTable.self, from: Data(try row.decode(column: "body", as: String.self).utf8))
    }

    /// Every stored table, newest first.
    public func rateTables() async throws -> [RateTable] {
        try await sql.raw("SELECT body FROM rate_tables ORDER BY effective_from DESC, id DESC").all().map {
            try WireFormat.decoder().decode(RateTable.self, from: Data(try $0.decode(column: "body", as: String.self).utf8))
        }
    }

    /// Inside migration 8's transaction: the default table, so approvals can be graded from the start.
    func addDefaultRateTable() async throws {
        try await addRateTable(DefaultRateTable.table)
    }
}
