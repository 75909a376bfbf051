import Foundation
import HTTPTypes
import NewsroomKit
import NIOCore

/// Rendered public pages kept in memory while nothing has changed: a page is kept with
/// the content's version when it was made and answers only while the version is the
/// same (a publication, a take-down, any commit through this server makes every page
/// stale at once), and for no longer than `lifetime` by `clock`, so writes by another
/// process show within it.
public final class PageCache: @unchecked Sendable {
    public static let defaultLifetime: TimeInterval = 30
    private static let capacity = 2_000

    public struct Page: Sendable {
        public var status: HTTPResponse.Status
        public var contentType: String
        public var body: ByteBuffer
        /// A strong validator of the body.
        public var etag: String
        public var lastModified: Date?
        var version: Int
        var until: Date
    }

    let lifetime: TimeInterval
    let clock: any WallClock
    // `lock` guards `pages`, the only mutable field.
    private let lock = NSLock()
    private var pages: [String: Page] = [:]

    public init(lifetime: TimeInterval = PageCache.defaultLifetime, clock: any WallClock) {
        self.lifetime = lifetime
        self.clock = clock
    }

    func page(for key: String, version: Int) -> Page? {
        let now = clock.now()
        return lock.withLock {
            guard let page = pages[key], page.version == version, page.until > now else { return nil }
            return page
        }
    }

    /// A page made when the content was at `version`; kept when caching is on.
    func remember(_ text: String, status: HTTPResponse.Status, contentType: String, lastModified: Date?,
                  for key: String, version: Int) -> Page {
        let body = ByteBuffer(string: text)
        let page = Page(status: status, contentType: contentType, body: body, etag: Self.etag(of: body.readableBytesView),
                        lastModified: lastModified, version: version, until: clock.now().addingTimeInterval(lifetime))
        guard lifetime > 0 else { return page }
        lock.withLock {
            if pages.count >= Self.capacity { pages.removeAll(keepingCapacity: true) }
            pages[key] = page
        }
        return page
    }

    /// FNV-1a, 64 bits, of `bytes`, quoted: the same on every server for the same page.
    static func etag<Bytes: Sequence>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"p-" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }
}
