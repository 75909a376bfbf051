import Foundation
import NewsroomKit
import SQLKit

/// Edit leases: who is editing a submission, for how long.
extension Store {
    /// How long a lease lasts without being renewed.
    public static let leaseDuration: TimeInterval = 300

    public enum LeaseOutcome: Sendable {
        /// The caller holds it (taken, renewed) or, after a release, nobody does (nil).
        case mine(Lease?)
        case heldByOther(Lease)
        case notFound
    }

    /// Takes or renews the lease on a visible submission for `user`, unless
    /// someone else holds one that has not expired.
    public func acquireLease(id: Int64, user: String, displayName: String, visibleSites: Set<String>?,
                             now: Date = Date(), duration: TimeInterval = Store.leaseDuration) async throws -> LeaseOutcome {
        try await transaction {
            guard let current = try await lockedLease(id: id, visibleSites: visibleSites) else { return .notFound }
            let held = try current.row.flatMap { try Store.lease($0, now: now) }
            if let held, held.holder != user { return .heldByOther(held) }
            let lease = Lease(holder: user, holderName: displayName, acquiredAt: held?.acquiredAt ?? now,
                              expiresAt: now.addingTimeInterval(duration))
            try await sql.raw("DELETE FROM leases WHERE submission_id = \(bind: id)").run()
            try await sql.raw("""
                INSERT INTO leases (submission_id, holder, holder_name, acquired_at, expires_at)
                VALUES (\(bind: id), \(bind: user), \(bind: displayName), \(bind: Store.millis(lease.acquiredAt)),
                        \(bind: Store.millis(lease.expiresAt)))
                """).run()
            return .mine(lease)
        }
    }

    /// Gives the lease back; releasing one nobody holds (or that expired) is fine.
    public func releaseLease(id: Int64, user: String, visibleSites: Set<String>?, now: Date = Date()) async throws -> LeaseOutcome {
        try await transaction {
            guard let current = try await lockedLease(id: id, visibleSites: visibleSites) else { return .notFound }
            if let held = try current.row.flatMap({ try Store.lease($0, now: now) }), held.holder != user { return .heldByOther(held) }
            try await sql.raw("DELETE FROM leases WHERE submission_id = \(bind: id)").run()
            return .mine(nil)
        }
    }

    /// Inside a transaction: the submission row locked (on PostgreSQL; SQLite
    /// already has one writer at a time) and its lease row, if any; nil when
    /// the submission is not there or not visible.
    private func lockedLease(id: Int64, visibleSites: Set<String>?) async throws -> (submission: Submission, row: (any SQLRow)?)? {
        let lock: SQLQueryString = dialect == .postgres ? " FOR UPDATE" : ""
        guard try await sql.raw("SELECT id FROM submissions WHERE id = \(bind: id)" + lock).first() != nil,
              let submission = try await submission(id: id, visibleSites: visibleSites) else { return nil }
        let row = try await sql.raw("""
            SELECT holder AS lease_holder, holder_name AS lease_holder_name, acquired_at AS lease_acquired_at,
                   expires_at AS lease_expires_at
            FROM leases WHERE submission_id = \(bind: id)
            """).first()
        return (submission, row)
    }
}
