import Foundation
import NewsroomKit

/// The site's `/wp-json/` index, read once: its name (the desk's one site) and time zone.
/// `@unchecked Sendable`: `lock` guards `index`.
final class SiteInfoCache: @unchecked Sendable {
    private let lock = NSLock()
    private var index: WPIndex?

    func get(_ load: () throws -> WPIndex) throws -> WPIndex {
        if let index = lock.withLock({ index }) { return index }
        let loaded = try load()
        lock.withLock { index = loaded }
        return loaded
    }
}

/// The pages of the lists the desk polls, with what identified them: how many posts the
/// list had and which was modified last. A poll first asks for just that (one row, a few
/// fields); when it has not moved, the pages come from here — WordPress answers no
/// conditional requests on its collections. `modified_gmt` counts whole seconds, so every
/// write this process makes to a site forgets that site's pages (the desk saves on one
/// client and lists on another: the cache is the process's). (A lock taken or given back,
/// or another's save within the second of the newest change, does not move the
/// signature: such a page can be one poll late.)
/// `@unchecked Sendable`: `lock` guards `lists`.
final class ListCache: @unchecked Sendable {
    /// The one cache of the process.
    static let shared = ListCache()

    struct Signature: Equatable {
        var total: String
        var newest: String
    }

    private struct Entry {
        var signature: Signature
        var pages: [Int: Page<SubmissionSummary>]
    }

    private let lock = NSLock()
    private var lists: [String: Entry] = [:]
    private var hitCount = 0

    /// Pages answered from here (for tests and the curious).
    var hits: Int { lock.withLock { hitCount } }

    /// The cached page `page` of list `key` when the list still has `signature`.
    func page(_ page: Int, of key: String, signature: Signature) -> Page<SubmissionSummary>? {
        lock.withLock {
            guard let entry = lists[key], entry.signature == signature, let found = entry.pages[page] else { return nil }
            hitCount += 1
            return found
        }
    }

    /// Forgets the pages of every list whose key starts with `prefix` (a site's address).
    func forget(_ prefix: String) {
        lock.withLock { lists = lists.filter { !$0.key.hasPrefix(prefix) } }
    }

    func store(_ found: Page<SubmissionSummary>, page: Int, of key: String, signature: Signature) {
        lock.withLock {
            if lists[key]?.signature != signature { lists[key] = Entry(signature: signature, pages: [:]) }
            lists[key]?.pages[page] = found
            if lists.count > 32, let first = lists.keys.first(where: { $0 != key }) { lists[first] = nil }
        }
    }
}

/// What this client last read or wrote of each post, at which revision: `modified_gmt`
/// counts whole seconds, so two saves within one second leave it the same; a save whose
/// revision still matches but whose text is not the one opened is a conflict all the same.
/// `@unchecked Sendable`: `lock` guards `seen`.
final class OpenedTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int64: (revision: Int, text: String)] = [:]

    func remember(_ id: Int64, revision: Int, text: String) {
        lock.withLock {
            seen[id] = (revision, text)
            if seen.count > 512, let first = seen.keys.first(where: { $0 != id }) { seen[first] = nil }
        }
    }

    /// False when this client saw another text at `revision`.
    func agrees(_ id: Int64, revision: Int, text: String) -> Bool {
        lock.withLock {
            guard let known = seen[id], known.revision == revision else { return true }
            return known.text == text
        }
    }
}
