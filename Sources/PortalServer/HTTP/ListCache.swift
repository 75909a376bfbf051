import Crypto
import Foundation
import NewsroomKit
import NIOCore

/// Submission lists as last written, while nothing has changed: the queue is what every
/// editor's terminal polls, so most list requests ask again for a page already made.
///
/// A page is kept with the store's commit count when it was read and answers only
/// while the count is the same — any transaction through this server (a save, a
/// decision, a lease, the scheduler) makes every page stale at once. Writes by another
/// process (a second server on the same PostgreSQL, the command line) show within
/// `lifetime` by `clock`; a page showing a lease is kept no longer than the lease runs.
public final class ListCache: @unchecked Sendable {
    public static let defaultLifetime: TimeInterval = 1
    private static let capacity = 1_000

    struct Entry: Sendable {
        var body: ByteBuffer
        /// A strong validator of the body, the same on every server for the same list.
        var etag: String
        var commits: Int
        var until: Date
    }

    let lifetime: TimeInterval
    let clock: any WallClock
    /// The summaries pages are written from, kept whether or not pages are.
    let summaries: SummaryFragments
    // `lock` guards `pages`, the only mutable field.
    private let lock = NSLock()
    private var pages: [Store.SubmissionQuery: Entry] = [:]

    init(lifetime: TimeInterval = ListCache.defaultLifetime, clock: any WallClock, summaries: SummaryFragments? = nil) {
        self.lifetime = lifetime
        self.clock = clock
        self.summaries = summaries ?? SummaryFragments(clock: clock)
    }

    func page(for query: Store.SubmissionQuery, commits: Int) -> Entry? {
        let now = clock.now()
        return lock.withLock {
            guard let page = pages[query], page.commits == commits, page.until > now else { return nil }
            return page
        }
    }

    /// The page answering `query` when the store had made `commits` commits: the one kept, or one
    /// written from the rows the store picks and their summaries (`summaries`), then kept.
    func answer(_ query: Store.SubmissionQuery, from store: Store, commits: Int) async throws -> Entry {
        if let kept = page(for: query, commits: commits) { return kept }
        let picked = try await store.pick(query)
        let (body, leases) = try await summaries.page(picked, scope: query.scope, store: store)
        return remember(body: body, leases: leases, for: query, commits: commits)
    }

    /// `body`, a page showing `leases`, as the answer to `query` read when the store had made `commits` commits;
    /// kept when caching is on.
    private func remember(body: ByteBuffer, leases: [Lease], for query: Store.SubmissionQuery, commits: Int) -> Entry {
        let digest = body.withUnsafeReadableBytes { SHA256.hash(data: $0) }
        var until = clock.now().addingTimeInterval(lifetime)
        for lease in leases { until = min(until, lease.expiresAt) }
        let page = Entry(body: body, etag: "\"l-" + Hex.string(digest.prefix(12)) + "\"", commits: commits, until: until)
        guard lifetime > 0 else { return page }
        lock.withLock {
            if pages.count >= Self.capacity { pages.removeAll(keepingCapacity: true) }
            pages[query] = page
        }
        return page
    }

    /// Whether an `If-None-Match` header names `etag` (or is `*`).
    static func matches(_ header: String?, _ etag: String) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == "*" || tag == etag
        }
    }
}
