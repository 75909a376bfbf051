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
    public func acquireLease(id: Int64, user: String, displayName: String, scope: Scope,
                             now: Date? = nil, duration: TimeInterval = Store.leaseDuration) async throws -> LeaseOutcome {
        let now = now ?? clock.now()
        return try await transaction {
            guard let slot = try await lockedLease(id: id, scope: scope, now: now) else { return .notFound }
            var held: Lease?
            if case .held(let lease) = slot {
                if lease.holder != user { return .heldByOther(lease) }
                held = lease
            }
            let lease = Lease(holder: user, holderName: displayName, acquiredAt: held?.acquiredAt ?? now,
                              expiresAt: now.addingTimeInterval(duration))
            try await sql.raw("""
                INSERT INTO leases (submission_id, holder, holder_name, acquired_at, expires_at)
                VALUES (\(bind: id), \(bind: user), \(bind: displayName), \(bind: Store.millis(lease.acquiredAt)),
                        \(bind: Store.millis(lease.expiresAt)))
                ON CONFLICT (submission_id) DO UPDATE SET holder = excluded.holder, holder_name = excluded.holder_name,
                    acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
                """).run()
            return .mine(lease)
        }
    }

    /// Gives the lease back; releasing one nobody holds (or that expired) is fine.
    public func releaseLease(id: Int64, user: String, scope: Scope, now: Date? = nil) async throws -> LeaseOutcome {
        let now = now ?? clock.now()
        return try await transaction {
            guard let slot = try await lockedLease(id: id, scope: scope, now: now) else { return .notFound }
            if case .held(let lease) = slot, lease.holder != user { return .heldByOther(lease) }
            try await sql.raw("DELETE FROM leases WHERE submission_id = \(bind: id)").run()
            return .mine(nil)
        }
    }

    private enum Slot {
        case free
        case held(Lease)
    }

    /// Inside a transaction: with the submission row locked (on PostgreSQL; SQLite
    /// already has one writer at a time), whether a lease unexpired at `now` holds
    /// it; nil when the submission is not there or not visible.
    private func lockedLease(id: Int64, scope: Scope, now: Date) async throws -> Slot? {
        let lock: SQLQueryString = dialect == .postgres ? " FOR UPDATE" : ""
        guard try await sql.raw("SELECT id FROM submissions WHERE id = \(bind: id)" + lock).first() != nil,
              try await access(of: id, scope: scope) != nil else { return nil }
        let row = try await sql.raw("""
            SELECT holder AS lease_holder, holder_name AS lease_holder_name, acquired_at AS lease_acquired_at,
                   expires_at AS lease_expires_at
            FROM leases WHERE submission_id = \(bind: id)
            """).first()
        return try row.flatMap { try Store.lease($0, now: now) }.map(Slot.held) ?? .free
    }
}
