import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// The yearly activity report (báo cáo hoạt động): per site, what it published in the year
/// (news, articles, photos, documents), the change against the year before and what its social
/// posts did, as a table with a bar per site scaled to the busiest. Columns are measured per grapheme, so
/// Vietnamese site names keep the numbers aligned.
struct ActivityScreen {
    var year: Int
    var report: ActivityReport?
    var isLoading = true
    var hasLoaded = false
    /// The first site row shown.
    var top = 0

    init(year: Int) {
        self.year = year
    }

    enum Column: CaseIterable { case news, articles, photoStories, photos, documents, items, yearBefore, change, socialPosts, views, interactions }

    /// The columns that fit `width` beside the names and a bar; the total's social figures are
    /// also written below the table, so they may give way first.
    static func columns(width: Int) -> [Column] {
        if width >= 150 { return Column.allCases }
        if width >= 120 { return [.news, .articles, .photos, .documents, .items, .yearBefore, .change, .socialPosts, .views] }
        if width >= 100 { return [.news, .articles, .photos, .documents, .items, .yearBefore, .change] }
        return [.news, .articles, .photos, .documents, .change]
    }

    static func title(_ column: Column, _ language: UILanguage) -> String {
        switch column {
        case .news: return Strings.columnNews(language)
        case .articles: return Strings.columnArticles(language)
        case .photoStories: return Strings.columnPhotoStories(language)
        case .photos: return Strings.columnPhotos(language)
        case .documents: return Strings.columnDocuments(language)
        case .items: return Strings.columnItemsTotal(language)
        case .yearBefore: return Strings.columnYearBefore(language)
        case .change: return Strings.columnChange(language)
        case .socialPosts: return Strings.columnSocialPosts(language)
        case .views: return Strings.columnViews(language)
        case .interactions: return Strings.columnInteractions(language)
        }
    }

    /// The figures of one line of the table: a site's, or the total's.
    struct Figures {
        var counts: ActivityReport.Counts
        var yearBefore: Int
        var change: Double?
        var social: ActivityReport.Social

        init(_ row: ActivityReport.Row) {
            self.init(counts: row.current, yearBefore: row.yearEarlier.items, change: row.changePercent, social: row.social)
        }

        init(total report: ActivityReport) {
            self.init(counts: report.total, yearBefore: report.totalYearEarlier.items, change: report.totalChangePercent, social: report.totalSocial)
        }

        init(counts: ActivityReport.Counts, yearBefore: Int, change: Double?, social: ActivityReport.Social) {
            self.counts = counts
            self.yearBefore = yearBefore
            self.change = change
            self.social = social
        }
    }

    static func cell(_ column: Column, _ figures: Figures) -> String {
        let counts = figures.counts
        switch column {
        case .news: return VietNumber.grouped(counts.news)
        case .articles: return VietNumber.grouped(counts.articles)
        case .photoStories: return VietNumber.grouped(counts.photoStories)
        case .photos: return VietNumber.grouped(counts.photos)
        case .documents: return VietNumber.grouped(counts.documents)
        case .items: return VietNumber.grouped(counts.items)
        case .yearBefore: return VietNumber.grouped(figures.yearBefore)
        case .change: return DeskCommands.changeText(figures.change)
        case .socialPosts: return VietNumber.grouped(figures.social.posts)
        case .views: return VietNumber.grouped(figures.social.views)
        case .interactions: return VietNumber.grouped(figures.social.reactions + figures.social.shares)
        }
    }

    /// What every site's social posts did, in words, for the line below the table.
    static func socialTotal(_ report: ActivityReport, _ language: UILanguage) -> String {
        let social = report.totalSocial
        return Strings.activitySocialTotal(posts: VietNumber.grouped(social.posts), views: VietNumber.grouped(social.views),
                                           reactions: VietNumber.grouped(social.reactions), shares: VietNumber.grouped(social.shares))(language)
    }

    /// Site rows in a body of `height` rows: the heading, a blank, the column titles, the total
    /// and the social line below.
    static func siteRows(bodyHeight: Int) -> Int { max(1, bodyHeight - 6) }

    /// Scrolls the sites' rows as a pager does.
    mutating func scroll(_ move: Move, visibleRows: Int) {
        var pager = PagerState()
        pager.top = top
        pager.apply(move, lineCount: report?.rows.count ?? 0, visibleRows: visibleRows)
        top = pager.top
    }

    /// One row of the table as cells: the name, then the numbers.
    private typealias Cells = (name: String, numbers: [String], items: Int?)

    func render(into frame: inout Frame, in rect: Rect, theme: Theme, language: UILanguage) {
        guard rect.height > 0, rect.width > 0 else { return }
        frame.put(" " + Strings.activityHeading(year: year)(language), row: rect.row, col: rect.col, style: theme.accent,
                  maxWidth: rect.width, ellipsis: true)
        guard let report, rect.height > 3 else { return }
        guard !report.rows.isEmpty else {
            frame.put("  " + Strings.activityEmpty(language), row: rect.row + 2, col: rect.col, style: theme.dim, maxWidth: rect.width, ellipsis: true)
            return
        }
        let columns = Self.columns(width: rect.width)
        let header: Cells = (Strings.columnSite(language), columns.map { Self.title($0, language) }, nil)
        let sites: [Cells] = report.rows.map { row in
            (row.site.name, columns.map { Self.cell($0, Figures(row)) }, row.current.items)
        }
        let total: Cells = (Strings.totalLabel(language), columns.map { Self.cell($0, Figures(total: report)) }, nil)
        let all = [header] + sites + [total]
        let numberWidths = columns.indices.map { i in all.map { DisplayWidth.of($0.numbers[i]) }.max() ?? 0 }
        let numbers = numberWidths.reduce(0) { $0 + $1 + 2 }
        // The names take what they need, leaving a bar at least 10 columns wide when the terminal allows.
        let longest = all.map { DisplayWidth.of($0.name) }.max() ?? 0
        let nameWidth = max(8, min(longest, rect.width - 2 - numbers - 12))
        let barCol = 1 + nameWidth + numbers + 2
        let barWidth = max(0, min(40, rect.width - barCol - 1))
        let busiest = report.rows.map(\.current.items).max() ?? 0

        func draw(_ cells: Cells, row: Int, style: Style) {
            frame.put(DisplayWidth.fit(DisplayWidth.truncate(cells.name, to: nameWidth), to: nameWidth), row: row, col: rect.col + 1,
                      style: style, maxWidth: nameWidth)
            var x = rect.col + 1 + nameWidth
            for (i, text) in cells.numbers.enumerated() {
                x += 2
                frame.put(text, row: row, col: x + numberWidths[i] - DisplayWidth.of(text), style: style, maxWidth: numberWidths[i])
                x += numberWidths[i]
            }
            if let items = cells.items, barWidth > 0 {
                frame.put(DeskCommands.bar(items, of: busiest, width: barWidth), row: row, col: rect.col + barCol, style: theme.accent,
                          maxWidth: barWidth + 1)
            }
        }
        frame.fill(Rect(row: rect.row + 2, col: rect.col, width: rect.width, height: 1), style: theme.header)
        draw(header, row: rect.row + 2, style: theme.header)
        let visible = Self.siteRows(bodyHeight: rect.height)
        for (offset, cells) in sites.dropFirst(top).prefix(visible).enumerated() {
            draw(cells, row: rect.row + 3 + offset, style: theme.normal)
        }
        let totalRow = rect.row + 3 + min(visible, sites.count - top)
        if totalRow < rect.bottom { draw(total, row: totalRow, style: theme.header) }
        if totalRow + 1 < rect.bottom {
            frame.put(" " + Self.socialTotal(report, language), row: totalRow + 1, col: rect.col, style: theme.dim, maxWidth: rect.width, ellipsis: true)
        }
    }
}
