import Foundation
import NewsroomKit

/// When the editor's work with the portal is next due, apart from the text: a save the
/// portal could not take is tried again after a wait that doubles from 2 s up to 30 s, and
/// the edit lease is renewed halfway through its time, or 15 s after a renewal failed.
struct SaveSchedule {
    /// When to try the save again.
    private(set) var retryAt: Date?
    /// The last wait before a retry.
    private var retryDelay: TimeInterval = 0
    /// When the edit lease is next renewed; nil while a renewal is under way or there is no lease.
    private(set) var leaseRenewal: Date?

    /// The save could not reach the portal: it is tried again after a wait, longer each
    /// time; the wait in seconds.
    mutating func retryLater(now: Date) -> Int {
        retryDelay = min(30, max(2, retryDelay * 2))
        retryAt = now.addingTimeInterval(retryDelay)
        return Int(retryDelay)
    }

    /// A save is sent, or there is nothing to send: no retry waits.
    mutating func cancelRetry() {
        retryAt = nil
    }

    /// The portal took a save: the next failure waits the shortest time again.
    mutating func saved() {
        retryAt = nil
        retryDelay = 0
    }

    /// Whether the retry is due now; when it is, it no longer waits.
    mutating func retryDue(now: Date) -> Bool {
        guard let retryAt, now >= retryAt else { return false }
        self.retryAt = nil
        return true
    }

    /// The lease is held (taken, or renewed): renewed again halfway through, as the portal counts it.
    mutating func held(_ lease: Lease, now: Date) {
        leaseRenewal = now.addingTimeInterval(max(5, lease.expiresAt.timeIntervalSince(lease.acquiredAt) / 2))
    }

    /// Whether the lease is to be renewed now; when it is, nothing more is due until the portal answers.
    mutating func renewalDue(now: Date) -> Bool {
        guard let leaseRenewal, now >= leaseRenewal else { return false }
        self.leaseRenewal = nil
        return true
    }

    /// A renewal failed on the way (not refused): tried again in 15 s.
    mutating func renewalFailed(now: Date) {
        leaseRenewal = now.addingTimeInterval(15)
    }
}
