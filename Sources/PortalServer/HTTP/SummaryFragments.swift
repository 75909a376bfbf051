import Foundation
import NewsroomKit
import NIOCore

/// List rows' summaries kept as the bytes a page is written from, by id with the row's list
/// version (migration 19): a page no one asked for before is its ids and versions, picked from
/// the list index alone, and these bytes put together — only the rows not kept, or kept at an
/// older version, are read whole. A write that changes anything a summary shows changes the
/// row's version (triggers, on both databases), so a kept summary at the version picked is
/// the row as stored; another process's writes show as soon as they are committed.
///
/// A summary is kept before a reader's scope and the clock are applied to it: its lease is
/// written per page, shown while it runs, with the holder's login or name as `Scope.shown` says.
/// At most `capacity` summaries (about 1 KB each with their bytes); when full, all are dropped.
final class SummaryFragments: @unchecked Sendable {
    /// More than the rows waiting in the benchmark's 100,000 submissions (27,563 submitted or
    /// resubmitted), which its random pages over two years reach only a few hundred of: some 30 MB.
    static let defaultCapacity = 30_000

    /// A class, so that a page takes one reference to each kept summary, not a copy of its texts.
    final class Fragment: Sendable {
        let version: Int64
        let summary: SubmissionSummary
        /// `{"category":…` to "language", and "publish_at" to the object's end.
        let head: [UInt8]
        let tail: [UInt8]

        init(version: Int64, summary: SubmissionSummary, head: [UInt8], tail: [UInt8]) {
            self.version = version
            self.summary = summary
            self.head = head
            self.tail = tail
        }
    }

    let clock: any WallClock
    let capacity: Int
    // `lock` guards `kept`, the only mutable field.
    private let lock = NSLock()
    private var kept: [Int64: Fragment] = [:]

    init(clock: any WallClock, capacity: Int = SummaryFragments.defaultCapacity) {
        self.clock = clock
        self.capacity = capacity
    }

    /// How many summaries are kept.
    var count: Int { lock.withLock { kept.count } }

    /// The page of `picked`'s rows as `scope` sees them now, and the leases it shows.
    func page(_ picked: Store.PickedPage, scope: Scope, store: Store) async throws -> (body: ByteBuffer, leases: [Lease]) {
        var fragments = lock.withLock { picked.rows.map { row in kept[row.id].flatMap { $0.version == row.version ? $0 : nil } } }
        let missing = zip(picked.rows, fragments).compactMap { $1 == nil ? $0.id : nil }
        if !missing.isEmpty {
            // Read at the version stored now, which may be newer than the one picked: kept under its own.
            let read = try await store.listedSummaries(ids: missing).mapValues(Self.fragment)
            lock.withLock {
                if kept.count + read.count > capacity { kept.removeAll(keepingCapacity: true) }
                kept.merge(read) { _, new in new }
            }
            for (i, row) in picked.rows.enumerated() where fragments[i] == nil { fragments[i] = read[row.id] }
        }
        let now = clock.now()
        var out: [UInt8] = []
        out.reserveCapacity(fragments.reduce(64) { $0 + ($1.map { $0.head.count + $0.tail.count + 200 } ?? 0) })
        var leases: [Lease] = []
        SummaryJSON.pageStart(&out)
        var first = true
        for fragment in fragments {
            guard let fragment else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out += fragment.head
            if fragment.summary.lease != nil, let lease = scope.shown(Store.leaseRunning(fragment.summary, at: now)).lease {
                SummaryJSON.lease(lease, &out)
                leases.append(lease)
            }
            out += fragment.tail
        }
        SummaryJSON.pageEnd(nextCursor: picked.nextCursor, &out)
        return (ByteBuffer(bytes: out), leases)
    }

    private static func fragment(_ read: (version: Int64, summary: SubmissionSummary)) -> Fragment {
        var head: [UInt8] = [], tail: [UInt8] = []
        SummaryJSON.head(read.summary, &head)
        SummaryJSON.tail(read.summary, &tail)
        return Fragment(version: read.version, summary: read.summary, head: head, tail: tail)
    }
}
