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

    public enum RateTableOutcome: Sendable {
        case added
        case replay(status: Int, body: Data)
        case keyReused
    }

    /// Stores a table (checked first), once per Idempotency-Key; `answer` is the body retries get.
    @discardableResult
    public func addRateTable(_ table: RateTable, idempotency: IdempotencyKey? = nil, now: Date? = nil,
                             answer: @Sendable (RateTable) throws -> Data = { _ in Data() }) async throws -> RateTableOutcome {
        let now = now ?? clock.now()
        if let problem = table.problem { throw InvalidRateTable(problem: problem) }
        if let site = table.site { try await checkSites([Grant(role: .admin, site: site)]) }
        return try await transaction {
            switch try await remembered(idempotency) {
            case .replay(let status, let body)?: return .replay(status: status, body: body)
            case .keyReused?: return .keyReused
            case nil: break
            }
            try await insertRateTable(table, now: now)
            if let idempotency { try await remember(idempotency, status: 201, body: try answer(table), now: now) }
            return .added
        }
    }

    /// Inside a transaction: writes a checked table.
    private func insertRateTable(_ table: RateTable, now: Date) async throws {
        let body = String(decoding: try WireFormat.encoder().encode(table), as: UTF8.self)
        try await sql.raw("""
            INSERT INTO rate_tables (site_code, effective_from, name, body, created_at)
            VALUES (\(bind: table.site), \(bind: table.effectiveFrom), \(bind: Normalization.nfc(table.name)), \(bind: Normalization.nfc(body)),
                    \(bind: Store.millis(now)))
            """).run()
    }

    /// The table in force for `site` on the day `at` falls on in Vietnam: the site's own
    /// newest one begun by then, else the newest one for every site.
    public func activeRateTable(site: String, at: Date? = nil) async throws -> RateTable? {
        let at = at ?? clock.now()
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
        try await insertRateTable(DefaultRateTable.table, now: clock.now())
    }
}
