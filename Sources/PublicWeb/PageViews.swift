import Foundation
import NewsroomKit

// The values templates are filled with: text already clean (NFC, no control characters,
// typographic quotes), addresses already made; Mustache escapes them all.

/// What every page's layout needs.
struct ChromeView {
    var portalName: String
    var language: String
    var site: SiteChromeView?
    var words: PageWords
}

struct SiteChromeView {
    var name: String
    var home: String
    var feed: String
    var atom: String
    var categories: [LinkView]
    /// Stored, not computed: Mustache sees stored properties only.
    var hasCategories: Bool
}

struct LinkView {
    var name: String
    var address: String
}

struct TeaserView {
    var title: String
    var address: String
    var sapo: String?
    var siteName: String
    var date: String
    var isoDate: String
    var documentNumber: String?

    init(_ entry: PublicEntry) {
        title = PublicText.line(entry.title)
        address = entry.path
        let sapo = PublicText.line(entry.sapo)
        self.sapo = sapo.isEmpty ? nil : sapo
        siteName = PublicText.line(entry.site.name)
        date = HTTPDate.vietnam(entry.publishedAt)
        isoDate = HTTPDate.vietnamISO(entry.publishedAt)
        documentNumber = entry.documentNumber.map(PublicText.line).flatMap { $0.isEmpty ? nil : $0 }
    }
}

struct SectionView {
    var name: String
    var address: String
    var items: [TeaserView]
}

struct PagingView {
    var newer: String?
    var older: String?
}

struct ListingView {
    var chrome: ChromeView
    var heading: String
    var feed: String?
    var sections: [SectionView]
    var items: [TeaserView]
    var paging: PagingView?
    var hasItems: Bool
    /// Neither sections nor items: the page says there is nothing yet.
    var isEmpty: Bool
}

struct PortalView {
    var chrome: ChromeView
    var latest: [TeaserView]
    var sites: [SiteLinkView]
}

struct SiteLinkView {
    var name: String
    var home: String
}

struct PhotoView {
    var address: String
    var caption: String
    var credit: String?
    var alt: String
}

struct CoverView {
    var url: String
}

struct ArticleView {
    var title: String
    var description: String
    var url: String
    var cover: CoverView?
    var category: String
    var categoryAddress: String
    var date: String
    var isoDate: String
    var documentNumber: String?
    var html: String
    var photos: [PhotoView]
    var byline: String
    /// Shown when the text was corrected after publication.
    var correction: CorrectionView?
}

/// A published item's correction notice: when (in Vietnam's time), and why.
struct CorrectionView {
    var date: String
    var isoDate: String
    var note: String
}

struct ArticlePageView {
    var chrome: ChromeView
    var article: ArticleView
}

struct MessageView {
    var chrome: ChromeView
    var heading: String
    var text: String
    var back: String
}

struct FeedEntryView {
    var title: String
    var url: String
    var sapo: String?
    var rfc822: String
    var isoDate: String
    /// Its correction's time when it was corrected, else its publication's.
    var updatedISO: String
    var category: String
    var byline: String
}

struct FeedView {
    var title: String
    var description: String
    var link: String
    var selfURL: String
    var updatedRFC822: String?
    var updatedISO: String
    var entries: [FeedEntryView]
}

struct SitemapURLView {
    var loc: String
    var lastmod: String?
}

struct SitemapView {
    var urls: [SitemapURLView]
}

struct SitemapIndexView {
    var sitemaps: [SitemapURLView]
}
