import Foundation
import Hummingbird
import NewsroomKit

/// The portal's public face, mounted on its router: the province's home, each site's home
/// and category pages, articles at their recorded paths, photos, feeds and sitemaps. Pages
/// come from `PageRenderer`'s templates, are kept in a `PageCache`, and answer conditional
/// requests with 304.
public struct PublicPages: Sendable {
    let content: any PublicContent
    /// The public address before every path.
    let address: PublicAddress
    var base: String { address.base }
    let renderer: PageRenderer
    let cache: PageCache
    /// Items per category on a site's home page, and per category page.
    static var homeSection: Int { 5 }
    static var pageSize: Int { 20 }
    static var feedSize: Int { 30 }

    public init(content: any PublicContent, address: PublicAddress, renderer: PageRenderer, cache: PageCache) {
        self.content = content
        self.address = address
        self.renderer = renderer
        self.cache = cache
    }

    /// The paths served, as the router writes them.
    public func add<Context: RequestContext>(to router: Router<Context>) {
        router.get(RouterPath(Stylesheet.path)) { request, _ in
            let page = cache.remember(Stylesheet.text, status: .ok, contentType: "text/css; charset=utf-8", lastModified: nil,
                                      for: Stylesheet.path, version: 0)
            return Self.answer(page, to: request, maxAge: 86_400)
        }
        router.get("/") { request, _ in try await cached(request) { try await portalHome() } }
        router.get("sitemap.xml") { request, _ in try await cached(request) { try await sitemapIndex() } }
        router.get(":site") { request, context in
            let site = context.parameters.get("site") ?? ""
            return try await cached(request) {
                guard let page = Self.pageNumber(request) else { return try await notFound() }
                return try await siteHome(site, page: page)
            }
        }
        router.get(":site/rss.xml") { request, context in
            let site = context.parameters.get("site") ?? ""
            return try await cached(request) { try await feed(site: site, category: nil, atom: false) }
        }
        router.get(":site/atom.xml") { request, context in
            let site = context.parameters.get("site") ?? ""
            return try await cached(request) { try await feed(site: site, category: nil, atom: true) }
        }
        router.get(":site/sitemap.xml") { request, context in
            let site = context.parameters.get("site") ?? ""
            return try await cached(request) { try await sitemap(site: site) }
        }
        router.get(":site/chuyen-muc/:category") { request, context in
            let site = context.parameters.get("site") ?? "", category = context.parameters.get("category") ?? ""
            return try await cached(request) {
                guard let page = Self.pageNumber(request) else { return try await notFound() }
                return try await categoryPage(site, category, page: page)
            }
        }
        router.get(":site/chuyen-muc/:category/rss.xml") { request, context in
            let site = context.parameters.get("site") ?? "", category = context.parameters.get("category") ?? ""
            return try await cached(request) { try await feed(site: site, category: category, atom: false) }
        }
        router.get(":site/chuyen-muc/:category/atom.xml") { request, context in
            let site = context.parameters.get("site") ?? "", category = context.parameters.get("category") ?? ""
            return try await cached(request) { try await feed(site: site, category: category, atom: true) }
        }
        router.get(":site/{slug}.html") { request, context in
            let path = "/" + (context.parameters.get("site") ?? "") + "/" + (context.parameters.get("slug") ?? "") + ".html"
            return try await cached(request) { try await article(at: path) }
        }
        router.get("media/:id/:number") { request, context in
            guard let id = context.parameters.get("id", as: Int64.self), let number = context.parameters.get("number", as: Int.self),
                  let media = try await content.media(item: id, number: number) else {
                return try await cached(request) { try await notFound() }
            }
            return Self.answer(media, to: request)
        }
    }

    // MARK: Answers

    /// What one rendering produced.
    struct Rendered {
        var status: HTTPResponse.Status
        var text: String
        var contentType: String
        var lastModified: Date?
    }

    /// The page for `request` from the cache, or made by `make` and kept.
    func cached(_ request: Request, make: () async throws -> Rendered) async throws -> Response {
        let key = request.uri.path + "?" + (request.uri.query ?? "")
        let version = content.version
        if let page = cache.page(for: key, version: version) { return Self.answer(page, to: request) }
        let made = try await make()
        let page = cache.remember(made.text, status: made.status, contentType: made.contentType, lastModified: made.lastModified,
                                  for: key, version: version)
        return Self.answer(page, to: request)
    }

    /// `page`, or 304 when the request's validators say the client has it.
    static func answer(_ page: PageCache.Page, to request: Request, maxAge: Int = 60) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = page.contentType
        headers[.cacheControl] = page.status == .ok || page.status == .gone ? "public, max-age=\(maxAge)" : "public, max-age=10"
        headers[.eTag] = page.etag
        if let modified = page.lastModified { headers[.lastModified] = HTTPDate.string(modified) }
        if page.status == .ok, notModified(request, etag: page.etag, lastModified: page.lastModified) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: page.status, headers: headers, body: .init(byteBuffer: page.body))
    }

    static func answer(_ media: PublicMedia, to request: Request) -> Response {
        var headers = HTTPFields()
        let etag = "\"m-" + media.digest.prefix(32) + "\""
        // A photo's bytes never change under its digest; the item's take-down stops serving them.
        headers[.contentType] = media.contentType
        headers[.cacheControl] = "public, max-age=3600"
        headers[.eTag] = etag
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        if notModified(request, etag: etag, lastModified: nil) { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: media.data))
    }

    /// `If-None-Match` decides when present; otherwise `If-Modified-Since` against `lastModified`.
    static func notModified(_ request: Request, etag: String, lastModified: Date?) -> Bool {
        if let tags = request.headers[.ifNoneMatch] {
            return tags.split(separator: ",").contains { candidate in
                var tag = candidate.trimmingCharacters(in: .whitespaces)
                if tag.hasPrefix("W/") { tag.removeFirst(2) }
                return tag == "*" || tag == etag
            }
        }
        guard let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse), let lastModified else { return false }
        return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
    }

    /// `?trang=N`, 1 to 10,000; 1 without it; nil for anything else (a page that is not there).
    static func pageNumber(_ request: Request) -> Int? {
        guard let text = request.uri.queryParameters.get("trang") else { return 1 }
        guard let n = Int(text), (1...10_000).contains(n) else { return nil }
        return n
    }

    static let html = "text/html; charset=utf-8"

    func page(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok, lastModified: Date? = nil,
              contentType: String = Self.html) -> Rendered {
        // Every template is compiled in and parsed at start: a missing one is a programming error shown as such.
        let text = renderer.render(template, view) ?? "template \(template) missing"
        return Rendered(status: status, text: text, contentType: contentType, lastModified: lastModified)
    }

    // MARK: Pages

    func sites() async throws -> (portal: Site?, all: [Site]) {
        let all = try await content.sites()
        return (all.first { $0.kind == .portal }, all)
    }

    func chrome(for site: Site?, portal: Site?) -> ChromeView {
        let words = PageWords.of(language: site?.language ?? "vi")
        let siteChrome = site.map { site in
            let categories = NewsroomKit.Category.allCases.map {
                LinkView(name: words.name(of: $0), address: "/\(site.code)/chuyen-muc/\($0.publicSlug)")
            }
            return SiteChromeView(name: PublicText.line(site.name), home: "/\(site.code)", feed: "/\(site.code)/rss.xml",
                                  atom: "/\(site.code)/atom.xml", categories: categories, hasCategories: !categories.isEmpty)
        }
        return ChromeView(portalName: PublicText.line(portal?.name ?? site?.name ?? "bientap"), language: words.language,
                          site: siteChrome, words: words)
    }

    func notFound(site: Site? = nil) async throws -> Rendered {
        let (portal, _) = try await sites()
        let chrome = chrome(for: site, portal: portal)
        return page("message", MessageView(chrome: chrome, heading: chrome.words.notFound, text: chrome.words.notFoundText,
                                           back: site.map { "/\($0.code)" } ?? "/"), status: .notFound)
    }

    func portalHome() async throws -> Rendered {
        let (portal, all) = try await sites()
        let latest = try await content.entries(site: nil, categories: nil, offset: 0, limit: Self.pageSize)
        let view = PortalView(chrome: chrome(for: nil, portal: portal), latest: latest.map(TeaserView.init),
                              sites: all.filter { $0.kind != .portal }.map { SiteLinkView(name: PublicText.line($0.name), home: "/\($0.code)") })
        return page("portal", view, lastModified: Self.newest(latest))
    }

    func siteHome(_ code: String, page number: Int) async throws -> Rendered {
        let (portal, all) = try await sites()
        guard let site = all.first(where: { $0.code == code }) else { return try await notFound() }
        let chrome = chrome(for: site, portal: portal)
        var sections: [SectionView] = []
        var more = false
        var newest: Date?
        for category in NewsroomKit.Category.allCases {
            let entries = try await content.entries(site: code, categories: [category],
                                                    offset: (number - 1) * Self.homeSection, limit: Self.homeSection + 1)
            more = more || entries.count > Self.homeSection
            guard !entries.isEmpty else { continue }
            newest = max(newest ?? .distantPast, Self.newest(entries) ?? .distantPast)
            sections.append(SectionView(name: chrome.words.name(of: category), address: "/\(code)/chuyen-muc/\(category.publicSlug)",
                                        items: entries.prefix(Self.homeSection).map(TeaserView.init)))
        }
        guard !sections.isEmpty || number == 1 else { return try await notFound(site: site) }
        let paging = Self.paging(base: "/\(code)", page: number, more: more)
        let view = ListingView(chrome: chrome, heading: PublicText.line(site.name), feed: "/\(code)/rss.xml", sections: sections,
                               items: [], paging: paging, hasItems: false, isEmpty: sections.isEmpty)
        return page("listing", view, lastModified: newest)
    }

    func categoryPage(_ code: String, _ slug: String, page number: Int) async throws -> Rendered {
        let (portal, all) = try await sites()
        guard let site = all.first(where: { $0.code == code }) else { return try await notFound() }
        guard let category = NewsroomKit.Category(publicSlug: slug) else { return try await notFound(site: site) }
        let entries = try await content.entries(site: code, categories: [category], offset: (number - 1) * Self.pageSize,
                                                limit: Self.pageSize + 1)
        guard !entries.isEmpty || number == 1 else { return try await notFound(site: site) }
        let chrome = chrome(for: site, portal: portal)
        let items = entries.prefix(Self.pageSize).map(TeaserView.init)
        let address = "/\(code)/chuyen-muc/\(slug)"
        let view = ListingView(chrome: chrome, heading: chrome.words.name(of: category) + " – " + PublicText.line(site.name),
                               feed: address + "/rss.xml", sections: [], items: Array(items),
                               paging: Self.paging(base: address, page: number, more: entries.count > Self.pageSize),
                               hasItems: !items.isEmpty, isEmpty: items.isEmpty)
        return page("listing", view, lastModified: Self.newest(entries.prefix(Self.pageSize)))
    }

    /// When the newest change among `entries` was made (a correction included): a list's `Last-Modified`.
    static func newest<Entries: Sequence>(_ entries: Entries) -> Date? where Entries.Element == PublicEntry {
        entries.map(\.updatedAt).max()
    }

    static func paging(base: String, page: Int, more: Bool) -> PagingView? {
        guard page > 1 || more else { return nil }
        return PagingView(newer: page > 1 ? (page == 2 ? base : "\(base)?trang=\(page - 1)") : nil,
                          older: more ? "\(base)?trang=\(page + 1)" : nil)
    }

    func article(at path: String) async throws -> Rendered {
        let (portal, all) = try await sites()
        switch try await content.article(path: path) {
        case .missing:
            let code = path.split(separator: "/").first.map(String.init)
            return try await notFound(site: all.first { $0.code == code })
        case .removed(let ref):
            let site = all.first { $0.id == ref.id }
            let chrome = chrome(for: site, portal: portal)
            return page("message", MessageView(chrome: chrome, heading: chrome.words.removed, text: chrome.words.removedText,
                                               back: "/\(ref.code)"), status: .gone)
        case .published(let article):
            let entry = article.entry
            let site = all.first { $0.id == entry.site.id }
            let chrome = chrome(for: site, portal: portal)
            let sapo = PublicText.line(entry.sapo)
            let photos = article.photos.map { photo in
                let caption = PublicText.line(photo.caption), credit = PublicText.line(photo.credit)
                return PhotoView(address: "/media/\(entry.id)/\(photo.number)", caption: caption, credit: credit.isEmpty ? nil : credit,
                                 alt: caption.isEmpty ? PublicText.line(entry.title) : caption)
            }
            let view = ArticleView(
                title: PublicText.line(entry.title), description: sapo.isEmpty ? PublicText.line(entry.title) : sapo,
                url: base + entry.path, cover: photos.first.map { CoverView(url: base + $0.address) },
                category: chrome.words.name(of: entry.category),
                categoryAddress: "/\(entry.site.code)/chuyen-muc/\(entry.category.publicSlug)",
                date: HTTPDate.vietnam(entry.publishedAt), isoDate: HTTPDate.vietnamISO(entry.publishedAt),
                documentNumber: entry.documentNumber.map(PublicText.line).flatMap { $0.isEmpty ? nil : $0 },
                html: PublicText.typographicHTML(article.html), photos: photos, byline: PublicText.line(entry.byline),
                correction: entry.correctedAt.map { at in
                    CorrectionView(date: HTTPDate.vietnam(at), isoDate: HTTPDate.vietnamISO(at), note: PublicText.line(article.correctionNote ?? ""))
                })
            return page("article", ArticlePageView(chrome: chrome, article: view), lastModified: entry.updatedAt)
        }
    }

    // MARK: Feeds and sitemaps

    static let rssType = "application/rss+xml; charset=utf-8"
    static let atomType = "application/atom+xml; charset=utf-8"
    static let xmlType = "application/xml; charset=utf-8"

    func feed(site code: String, category slug: String?, atom: Bool) async throws -> Rendered {
        let (portal, all) = try await sites()
        guard let site = all.first(where: { $0.code == code }) else { return try await notFound() }
        var categories: [NewsroomKit.Category]?
        if let slug {
            guard let category = NewsroomKit.Category(publicSlug: slug) else { return try await notFound(site: site) }
            categories = [category]
        }
        let words = PageWords.of(language: site.language)
        let entries = try await content.entries(site: code, categories: categories, offset: 0, limit: Self.feedSize)
        let link = base + "/\(code)" + (slug.map { "/chuyen-muc/\($0)" } ?? "")
        let name = PublicText.line(site.name)
        let title = categories.map { words.name(of: $0[0]) + " – " + name } ?? name
        let updated = Self.newest(entries)
        let view = FeedView(
            title: title, description: title + " – " + PublicText.line(portal?.name ?? site.name), link: link,
            selfURL: link + (atom ? "/atom.xml" : "/rss.xml"), updatedRFC822: updated.map(HTTPDate.string),
            updatedISO: HTTPDate.iso(updated ?? Date(timeIntervalSince1970: 0)),
            entries: entries.map { entry in
                let sapo = PublicText.line(entry.sapo)
                return FeedEntryView(title: PublicText.line(entry.title), url: base + entry.path, sapo: sapo.isEmpty ? nil : sapo,
                                     rfc822: HTTPDate.string(entry.publishedAt), isoDate: HTTPDate.iso(entry.publishedAt),
                                     updatedISO: HTTPDate.iso(entry.updatedAt),
                                     category: words.name(of: entry.category), byline: PublicText.line(entry.byline))
            })
        return page(atom ? "atom" : "rss", view, lastModified: updated, contentType: atom ? Self.atomType : Self.rssType)
    }

    /// The most a sitemap lists: the protocol's limit is 50,000.
    static var sitemapSize: Int { 50_000 }

    func sitemap(site code: String) async throws -> Rendered {
        let (_, all) = try await sites()
        guard let site = all.first(where: { $0.code == code }) else { return try await notFound() }
        let entries = try await content.entries(site: code, categories: nil, offset: 0, limit: Self.sitemapSize - 1)
        let newest = Self.newest(entries)
        var urls = [SitemapURLView(loc: base + "/\(site.code)", lastmod: newest.map(HTTPDate.iso))]
        urls += entries.map { SitemapURLView(loc: base + $0.path, lastmod: HTTPDate.iso($0.updatedAt)) }
        return page("sitemap", SitemapView(urls: urls), lastModified: newest, contentType: Self.xmlType)
    }

    func sitemapIndex() async throws -> Rendered {
        let (_, all) = try await sites()
        var sitemaps: [SitemapURLView] = []
        var newest: Date?
        for site in all {
            // A correction of an older item counts as well as the newest publication.
            let latest = try await content.lastChange(site: site.code)
            if let latest { newest = max(newest ?? latest, latest) }
            sitemaps.append(SitemapURLView(loc: base + "/\(site.code)/sitemap.xml", lastmod: latest.map(HTTPDate.iso)))
        }
        return page("sitemapIndex", SitemapIndexView(sitemaps: sitemaps), lastModified: newest, contentType: Self.xmlType)
    }
}
