import Foundation
import NewsroomKit
import NIOCore

/// A published item as lists, feeds and sitemaps show it.
public struct PublicEntry: Sendable, Hashable {
    public var id: Int64
    public var site: SiteRef
    public var title: String
    public var sapo: String
    public var category: NewsroomKit.Category
    /// `/SITE/SLUG-ID.html`, as its publication recorded it.
    public var path: String
    public var publishedAt: Date
    /// When its text was last corrected after publication; nil when never.
    public var correctedAt: Date?
    /// The author's pen name (or full name), and the co-authors'.
    public var byline: String
    /// A document's (văn bản) number, e.g. "12/2026/QĐ-UBND"; nil for other items.
    public var documentNumber: String?

    public init(id: Int64, site: SiteRef, title: String, sapo: String, category: NewsroomKit.Category, path: String,
                publishedAt: Date, correctedAt: Date? = nil, byline: String, documentNumber: String? = nil) {
        self.id = id
        self.site = site
        self.title = title
        self.sapo = sapo
        self.category = category
        self.path = path
        self.publishedAt = publishedAt
        self.correctedAt = correctedAt
        self.byline = byline
        self.documentNumber = documentNumber
    }

    /// When what the page shows last changed: its correction, or else its publication.
    public var updatedAt: Date { max(correctedAt ?? publishedAt, publishedAt) }
}

/// A photo of a published item: served at `/media/ID/NUMBER`.
public struct PublicPhoto: Sendable, Hashable {
    public var number: Int
    public var caption: String
    public var credit: String

    public init(number: Int, caption: String, credit: String) {
        self.number = number
        self.caption = caption
        self.credit = credit
    }
}

/// A published item's page: the entry, the sanitiser's HTML and the photos.
public struct PublicArticle: Sendable, Hashable {
    public var entry: PublicEntry
    /// `Publication.html`: the only HTML a page inserts unescaped.
    public var html: String
    public var photos: [PublicPhoto]
    /// Why the text was corrected after publication (`entry.correctedAt` says when); nil when it was not.
    public var correctionNote: String?

    public init(entry: PublicEntry, html: String, photos: [PublicPhoto], correctionNote: String? = nil) {
        self.entry = entry
        self.html = html
        self.photos = photos
        self.correctionNote = correctionNote
    }
}

/// What a public path leads to.
public enum ArticleLookup: Sendable {
    case published(PublicArticle)
    /// It was published there and has been taken down: 410.
    case removed(site: SiteRef)
    /// Nothing was ever published there (a pending item's future address included): 404.
    case missing
}

/// A photo's bytes, for a published item only.
public struct PublicMedia: Sendable {
    public var contentType: String
    public var data: ByteBuffer
    /// A digest of `data` (the attachment's SHA-256), its validator.
    public var digest: String

    public init(contentType: String, data: ByteBuffer, digest: String) {
        self.contentType = contentType
        self.data = data
        self.digest = digest
    }
}

/// What the public pages read: the portal's store, published items only.
public protocol PublicContent: Sendable {
    /// Changes whenever anything the pages show may have changed (the store's commit count).
    var version: Int { get }
    func sites() async throws -> [Site]
    /// Published items, newest first: of one site (nil: every site), of some categories (nil: all).
    func entries(site: String?, categories: [NewsroomKit.Category]?, offset: Int, limit: Int) async throws -> [PublicEntry]
    /// When site `code`'s published items last changed: the latest publication or correction
    /// among them (nil: none published).
    func lastChange(site code: String) async throws -> Date?
    func article(path: String) async throws -> ArticleLookup
    /// Photo `number` of item `id` when the item is published.
    func media(item id: Int64, number: Int) async throws -> PublicMedia?
}
