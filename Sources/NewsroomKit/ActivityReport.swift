import Foundation

/// `GET /api/v1/reports/activity?from=YYYY-MM-DD&to=YYYY-MM-DD`: what each site published
/// in those days (Vietnam's calendar, both included) and in the same days a year earlier,
/// the table provincial offices send each year.
public struct ActivityReport: Codable, Sendable, Hashable {
    public struct Counts: Codable, Sendable, Hashable {
        public var news = 0
        public var articles = 0
        public var photoStories = 0
        /// Photos published with the items.
        public var photos = 0
        public var documents = 0

        public init(news: Int = 0, articles: Int = 0, photoStories: Int = 0, photos: Int = 0, documents: Int = 0) {
            self.news = news
            self.articles = articles
            self.photoStories = photoStories
            self.photos = photos
            self.documents = documents
        }

        /// Items published (photos are counted apart, with the items they came with).
        public var items: Int { news + articles + photoStories + documents }

        public mutating func add(_ category: Category, _ n: Int) {
            switch category {
            case .news: news += n
            case .article: articles += n
            case .photoStory: photoStories += n
            case .document: documents += n
            }
        }

        public static func + (a: Counts, b: Counts) -> Counts {
            Counts(news: a.news + b.news, articles: a.articles + b.articles, photoStories: a.photoStories + b.photoStories,
                   photos: a.photos + b.photos, documents: a.documents + b.documents)
        }
    }

    /// What the site's items did on its social channels: the posts that went out in the days
    /// reported and what the channels counted for them (views, reactions, shares) as last read.
    public struct Social: Codable, Sendable, Hashable {
        public var posts = 0
        public var views = 0
        public var reactions = 0
        public var shares = 0

        public init(posts: Int = 0, views: Int = 0, reactions: Int = 0, shares: Int = 0) {
            self.posts = posts
            self.views = views
            self.reactions = reactions
            self.shares = shares
        }

        public static func + (a: Social, b: Social) -> Social {
            Social(posts: a.posts + b.posts, views: a.views + b.views, reactions: a.reactions + b.reactions, shares: a.shares + b.shares)
        }
    }

    public struct Row: Codable, Sendable, Hashable {
        public var site: SiteRef
        public var current: Counts
        public var yearEarlier: Counts
        /// Items now against items a year earlier, in percent; nil when there were none then.
        public var changePercent: Double?
        /// Social posts sent in the days reported, with their engagement summed.
        public var social: Social

        public init(site: SiteRef, current: Counts, yearEarlier: Counts, social: Social = Social()) {
            self.site = site
            self.current = current
            self.yearEarlier = yearEarlier
            self.social = social
            changePercent = ActivityReport.change(current.items, yearEarlier.items)
        }
    }

    public var from: String
    public var to: String
    public var rows: [Row]
    public var total: Counts
    public var totalYearEarlier: Counts
    public var totalChangePercent: Double?
    public var totalSocial: Social

    public init(from: String, to: String, rows: [Row]) {
        self.from = from
        self.to = to
        self.rows = rows
        total = rows.reduce(Counts()) { $0 + $1.current }
        totalYearEarlier = rows.reduce(Counts()) { $0 + $1.yearEarlier }
        totalChangePercent = ActivityReport.change(total.items, totalYearEarlier.items)
        totalSocial = rows.reduce(Social()) { $0 + $1.social }
    }

    static func change(_ now: Int, _ then: Int) -> Double? {
        guard then > 0 else { return nil }
        return ((Double(now - then) / Double(then)) * 1000).rounded() / 10
    }
}
