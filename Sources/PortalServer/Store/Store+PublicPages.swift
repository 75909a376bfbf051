import Foundation
import NewsroomKit
import NIOCore
import PublicWeb
import SQLKit

/// What the public pages read: published items only, whoever asks.
extension Store {
    private static let entryColumns = """
        s.id, s.title, s.sapo, s.category, s.public_path, s.published_at, s.corrected_at,
        si.id AS site_id, si.code AS site_code, si.name AS site_name, c.full_name, c.pen_name
        """
    private static let entryTables = " FROM submissions s JOIN sites si ON si.id = s.site_id JOIN contributors c ON c.id = s.contributor_id"

    /// Published items, newest first: of site `code` (nil: all), of `categories` (nil: all).
    public func publicEntries(site code: String?, categories: [NewsroomKit.Category]?, offset: Int, limit: Int) async throws -> [PublicEntry] {
        var query = SQLQueryString("SELECT ") + SQLQueryString(Self.entryColumns) + SQLQueryString(Self.entryTables)
            + " WHERE s.status = 'published' AND s.public_path IS NOT NULL"
        if let code { query = query + " AND si.code = \(bind: code)" }
        if let categories {
            guard !categories.isEmpty else { return [] }
            query = query + " AND s.category IN (" + Self.bindList(categories.map(\.rawValue)) + ")"
        }
        query = query + " ORDER BY s.published_at DESC, s.id DESC LIMIT \(bind: max(0, limit)) OFFSET \(bind: max(0, offset))"
        return try await sql.raw(query).all().compactMap(Self.publicEntry)
    }

    /// The latest publication or correction among site `code`'s published items.
    public func publicLastChange(site code: String) async throws -> Date? {
        let row = try await sql.raw("""
            SELECT MAX(s.published_at) AS published, MAX(s.corrected_at) AS corrected FROM submissions s JOIN sites si ON si.id = s.site_id
            WHERE si.code = \(bind: code) AND s.status = 'published' AND s.public_path IS NOT NULL
            """).first()
        let published = try row?.decode(column: "published", as: Int64?.self)
        let corrected = try row?.decode(column: "corrected", as: Int64?.self)
        return [published, corrected].compactMap { $0 }.max().map(Store.date)
    }

    /// Inside a save's transaction: published item `saved` corrected at `date` with `note` (NFC):
    /// its page rendered again from the new text at the address it was published at.
    func writeCorrection(of saved: Submission, note: String, at date: Date) async throws {
        let html = Publication.make(saved, now: date).html
        try await sql.raw("""
            UPDATE submissions SET html = \(bind: html), corrected_at = \(bind: Store.millis(date)), correction_note = \(bind: note)
            WHERE id = \(bind: saved.id)
            """).run()
    }

    /// What `path` leads to: a published item's page, a taken-down item (410), or nothing.
    public func publicArticle(path: String) async throws -> ArticleLookup {
        guard let row = try await sql.raw(SQLQueryString("SELECT s.status, s.html, s.correction_note, ") + SQLQueryString(Self.entryColumns)
                                          + SQLQueryString(Self.entryTables) + " WHERE s.public_path = \(bind: path)").first() else {
            return .missing
        }
        let status = try row.decode(column: "status", as: String.self)
        if status == SubmissionStatus.unpublished.rawValue {
            return .removed(site: SiteRef(id: try row.decode(column: "site_id", as: Int64.self),
                                          code: try row.decode(column: "site_code", as: String.self),
                                          name: try row.decode(column: "site_name", as: String.self)))
        }
        guard status == SubmissionStatus.published.rawValue, var entry = try Self.publicEntry(row),
              let html = try row.decode(column: "html", as: String?.self) else { return .missing }
        let coAuthors = try await sql.raw("""
            SELECT c.full_name, c.pen_name FROM coauthors ca JOIN contributors c ON c.id = ca.contributor_id
            WHERE ca.submission_id = \(bind: entry.id) ORDER BY c.id
            """).all().map { row in
            try row.decode(column: "pen_name", as: String?.self) ?? row.decode(column: "full_name", as: String.self)
        }
        entry.byline = ([entry.byline] + coAuthors).joined(separator: ", ")
        let photos = try await sql.raw("""
            SELECT number, caption, credit FROM attachments WHERE submission_id = \(bind: entry.id) ORDER BY number
            """).all().map { row in
            PublicPhoto(number: try row.decode(column: "number", as: Int.self), caption: try row.decode(column: "caption", as: String.self),
                        credit: try row.decode(column: "credit", as: String.self))
        }
        let correction = try row.decode(column: "correction_note", as: String?.self)
        return .published(PublicArticle(entry: entry, html: html, photos: photos, correctionNote: entry.correctedAt == nil ? nil : correction))
    }

    /// Photo `number` of item `id`, when the item is published.
    public func publicMedia(item id: Int64, number: Int) async throws -> PublicMedia? {
        guard let row = try await sql.raw("""
            SELECT a.content_type, a.sha256, a.data FROM attachments a JOIN submissions s ON s.id = a.submission_id
            WHERE a.submission_id = \(bind: id) AND a.number = \(bind: number) AND s.status = 'published'
            """).first() else { return nil }
        return PublicMedia(contentType: try row.decode(column: "content_type", as: String.self),
                           data: try row.decode(column: "data", as: ByteBuffer.self),
                           digest: try row.decode(column: "sha256", as: String.self))
    }

    private static func publicEntry(_ row: any SQLRow) throws -> PublicEntry? {
        guard let path = try row.decode(column: "public_path", as: String?.self),
              let published = try row.decode(column: "published_at", as: Int64?.self),
              let category = NewsroomKit.Category(rawValue: try row.decode(column: "category", as: String.self)) else { return nil }
        let title = try row.decode(column: "title", as: String.self)
        return PublicEntry(
            id: try row.decode(column: "id", as: Int64.self),
            site: SiteRef(id: try row.decode(column: "site_id", as: Int64.self), code: try row.decode(column: "site_code", as: String.self),
                          name: try row.decode(column: "site_name", as: String.self)),
            title: title, sapo: try row.decode(column: "sapo", as: String.self), category: category, path: path,
            publishedAt: Store.date(published),
            correctedAt: try row.decode(column: "corrected_at", as: Int64?.self).map(Store.date),
            byline: try row.decode(column: "pen_name", as: String?.self) ?? row.decode(column: "full_name", as: String.self),
            documentNumber: category == .document ? DocumentNumber.find(in: title) : nil)
    }
}

/// The store as the public pages read it.
struct StorePublicContent: PublicContent {
    let store: Store

    var version: Int { store.commitCount }
    func sites() async throws -> [Site] { try await store.sites() }
    func entries(site: String?, categories: [NewsroomKit.Category]?, offset: Int, limit: Int) async throws -> [PublicEntry] {
        try await store.publicEntries(site: site, categories: categories, offset: offset, limit: limit)
    }
    func lastChange(site code: String) async throws -> Date? { try await store.publicLastChange(site: code) }
    func article(path: String) async throws -> ArticleLookup { try await store.publicArticle(path: path) }
    func media(item id: Int64, number: Int) async throws -> PublicMedia? { try await store.publicMedia(item: id, number: number) }
}
