import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// The social queue on the desk (Zalo OA, Facebook Page): the portal's outbox, a post a row —
/// the item's title, the channel, the state, when it goes (or went), the attempts, and its link
/// or why it did not go — narrowed by channel and by state, the selected post in full below.
/// Failed and uncertain posts are drawn in the theme's error and warning colours: a person has
/// to act on them. Everything a network sent back is drawn through `TerminalSafeText`.
struct SocialScreen {
    /// Every post read, newest first as the portal lists them.
    var posts: [SocialPost] = []
    /// Those the filters let through, in the same order: the table's rows.
    private(set) var shown: [SocialPost] = []
    /// nil: every channel.
    var channel: String?
    /// nil: every state.
    var status: SocialPostStatus?
    var table = TableState()
    var isLoading = true
    var hasLoaded = false
    /// The listing stopped at the portal's limit: older posts are not on screen.
    var truncated = false
    /// Posts an act was sent for and not yet answered.
    var acting: Set<Int64> = []
    /// When the posts were last read.
    var loadedAt: Date?

    /// The channels the filter steps through (others a portal may add come after, as seen).
    static let knownChannels = ["zalo", "facebook"]
    /// The most posts read at once (the portal's own limit).
    static let listLimit = DeskCommands.socialListLimit
    /// Zalo OA's limit on an article's description (the post's text), as the portal checks it
    /// when the text changes (SocialChannels.ZaloLimits; the title is the item's, checked when queued).
    static let zaloTextLimit = 300
    /// States in the order a person looks at them: what needs them first.
    static let attentionOrder: [SocialPostStatus] = [.failed, .uncertain, .retryWait, .sending, .queued, .posted, .cancelled]

    var selected: SocialPost? { table.selectedSourceRow.flatMap { shown.indices.contains($0) ? shown[$0] : nil } }

    /// Characters as the portal counts them for Zalo: Unicode scalars of the NFC text.
    static func characters(_ text: String) -> Int { Normalization.nfc(text).unicodeScalars.count }

    var channels: [String] {
        Self.knownChannels + posts.map(\.channel).reduce(into: [String]()) { seen, c in
            if !Self.knownChannels.contains(c) && !seen.contains(c) { seen.append(c) }
        }
    }

    /// Takes the posts as read; the cursor stays on the same post when it is still shown.
    mutating func replace(_ posts: [SocialPost], at now: Date, visibleRows: Int) {
        self.posts = posts
        loadedAt = now
        truncated = posts.count >= Self.listLimit
        isLoading = false
        hasLoaded = true
        refilter(visibleRows: visibleRows)
    }

    /// One post as the portal answered an act on it.
    mutating func update(_ post: SocialPost, visibleRows: Int) {
        guard let index = posts.firstIndex(where: { $0.id == post.id }) else { return }
        posts[index] = post
        refilter(visibleRows: visibleRows)
    }

    mutating func refilter(visibleRows: Int) {
        let keep = selected?.id
        shown = posts.filter { (channel == nil || $0.channel == channel) && (status == nil || $0.status == status) }
        let rows = TableRows(count: shown.count, columnCount: 1, text: { _, _ in "" }, sortKey: { row, _ in .number(Double(row)) })
        table.reload(rows, keeping: keep.flatMap { id in shown.firstIndex { $0.id == id } }, visibleRows: visibleRows)
    }

    /// The next (or previous) value of a filter: every one, then each in turn.
    static func step<T: Equatable>(_ value: T?, in values: [T], forward: Bool) -> T? {
        let all: [T?] = [nil] + values.map { Optional($0) }
        let index = all.firstIndex { $0 == value } ?? 0
        return all[(index + (forward ? 1 : all.count - 1)) % all.count]
    }

    /// The posts of the channel on screen, counted per state, in the order a person looks at them; the empty ones left out.
    var counts: [(status: SocialPostStatus, count: Int)] {
        let posts = self.posts.filter { channel == nil || $0.channel == channel }
        return Self.attentionOrder.compactMap { state in
            let count = posts.filter { $0.status == state }.count
            return count > 0 ? (state, count) : nil
        }
    }

    func countsText(_ language: UILanguage) -> String {
        counts.map { Strings.socialCount(Strings.socialStatus($0.status)(language), $0.count)(language) }.joined(separator: " · ")
    }

    // MARK: - Drawing

    enum Column: CaseIterable { case title, channel, status, when, attempts, engagement, outcome }

    /// The columns that fit `width`: the title, the state and the link or reason always; the
    /// engagement and the attempts give way first (the post below the table has them).
    static func columns(width: Int) -> [Column] {
        if width >= wide { return Column.allCases }
        if width >= 110 { return [.title, .channel, .status, .when, .attempts, .outcome] }
        return [.title, .channel, .status, .when, .outcome]
    }

    /// From this width on, every column, the channels by their whole names.
    static let wide = 140

    static func title(_ column: Column, width: Int, _ language: UILanguage) -> TableColumn {
        switch column {
        case .title: return TableColumn(title: Strings.columnTitle(language), width: .flex(min: 14, weight: 4))
        case .channel: return TableColumn(title: Strings.columnChannel(language), width: .fixed(width >= wide ? 13 : 8))
        case .status: return TableColumn(title: Strings.columnStatus(language), width: .fixed(width >= 96 ? 16 : 11))
        case .when: return TableColumn(title: Strings.columnWhen(language), width: .fixed(12))
        case .attempts: return TableColumn(title: Strings.columnAttempts(language), width: .fixed(7), alignRight: true)
        case .engagement: return TableColumn(title: Strings.columnEngagement(language), width: .fixed(17), alignRight: true)
        case .outcome: return TableColumn(title: Strings.columnOutcome(language), width: .flex(min: 12, weight: 3))
        }
    }

    /// A state's mark where it needs a person, so the meaning is not in the colour alone.
    static func statusText(_ status: SocialPostStatus, _ language: UILanguage) -> String {
        let words = Strings.socialStatus(status)(language)
        switch status {
        case .failed: return "! " + words
        case .uncertain: return "? " + words
        default: return words
        }
    }

    /// The colour of a state that needs a person: failed in the error colour; uncertain in the
    /// warning one (the themes have no style of that name: the key names' yellow, which each
    /// theme gives contrast on its background).
    static func alarm(_ status: SocialPostStatus, theme: Theme) -> Style? {
        switch status {
        case .failed: return theme.statusError
        case .uncertain: return theme.keyName
        default: return nil
        }
    }

    static func whenText(_ post: SocialPost, _ language: UILanguage) -> String {
        if let posted = post.postedAt { return DateText.short(posted) }
        if let due = post.dueAt, post.status != .cancelled { return DateText.short(due) }
        return post.status == .queued ? Strings.socialNotDue(language) : ""
    }

    static func engagementText(_ post: SocialPost) -> String {
        guard let e = post.engagement else { return "" }
        return [e.views, e.reactions, e.shares].map { $0.map { VietNumber.grouped($0) } ?? "–" }.joined(separator: " · ")
    }

    /// The post's link once posted; else why it did not go, in the catalogue's words.
    static func outcomeText(_ post: SocialPost, _ language: UILanguage) -> String {
        if post.status == .posted { return TerminalSafeText.line(post.remoteLink ?? post.remoteId ?? "") }
        guard post.errorKind != nil || post.lastError != nil, post.status != .cancelled else { return "" }
        return Strings.socialFailure(post.errorKind)(language)
    }

    static func cell(_ post: SocialPost, _ column: Column, width: Int, language: UILanguage) -> String {
        switch column {
        case .title: return TerminalSafeText.line(post.title)
        case .channel: return (width >= wide ? Strings.channelName(post.channel) : Strings.channelShortName(post.channel))(language)
        case .status: return statusText(post.status, language)
        case .when: return whenText(post, language)
        case .attempts: return String(post.attempts)
        case .engagement: return engagementText(post)
        case .outcome: return outcomeText(post, language)
        }
    }

    /// Rows below the table for the selected post, when the body has room for them.
    static func detailRows(bodyHeight: Int) -> Int { bodyHeight >= 12 ? 3 : 0 }

    /// Data rows of the table in a body of `height` rows: the filters above, the post below.
    static func tableRows(bodyHeight: Int) -> Int { max(1, bodyHeight - 2 - detailRows(bodyHeight: bodyHeight)) }

    /// Where the table is drawn in `body`.
    static func tableRect(in body: Rect) -> Rect {
        Rect(row: body.row + 1, col: body.col, width: body.width, height: max(1, body.height - 1 - detailRows(bodyHeight: body.height)))
    }

    func filtersText(_ language: UILanguage) -> String {
        let channelText = channel.map { Strings.channelName($0)(language) } ?? Strings.everyChannel(language)
        let statusText = status.map { Strings.socialStatus($0)(language) } ?? Strings.everyStatus(language)
        var text = Strings.socialFilters(channel: channelText, status: statusText, shown: shown.count, of: posts.count)(language)
        if truncated { text += " (" + Strings.socialTruncated(Self.listLimit)(language) + ")" }
        return text
    }

    func render(into frame: inout Frame, in rect: Rect, theme: Theme, language: UILanguage, cursorStyle: TableCursorStyle,
                filterKeys: String, resolveKey: String) {
        guard rect.height > 0, rect.width > 0 else { return }
        let filters = " " + filtersText(language)
        frame.put(filters, row: rect.row, col: rect.col, style: theme.accent, maxWidth: rect.width, ellipsis: true)
        let keysAt = rect.col + DisplayWidth.of(filters) + 3
        if keysAt + DisplayWidth.of(filterKeys) <= rect.right {
            frame.put(filterKeys, row: rect.row, col: keysAt, style: theme.dim, maxWidth: rect.right - keysAt)
        }
        guard rect.height > 2 else { return }
        let tableRect = Self.tableRect(in: rect)
        let kinds = Self.columns(width: rect.width)
        let columns = kinds.map { Self.title($0, width: rect.width, language) }
        let shown = self.shown
        TableView.render(columns: columns, state: table, cell: { row, column in
            Self.cell(shown[row], kinds[column], width: rect.width, language: language)
        }, into: &frame, in: tableRect, theme: theme, cursorStyle: cursorStyle)
        paintAlarms(kinds, columns: columns, in: tableRect, cursorStyle: cursorStyle, into: &frame, theme: theme, language: language)
        if hasLoaded && shown.isEmpty && tableRect.height > 2 {
            let text = posts.isEmpty ? Strings.socialEmpty(language) : Strings.socialNoneShown(language)
            frame.put(text, row: tableRect.row + 2, col: rect.col + 2, style: theme.dim, maxWidth: rect.width - 2, ellipsis: true)
        }
        let details = Self.detailRows(bodyHeight: rect.height)
        guard details > 0, let post = selected else { return }
        let lines = detailLines(post, language: language, resolveKey: resolveKey)
        for (offset, line) in lines.prefix(details).enumerated() {
            let style = [theme.accent, theme.normal, theme.dim][offset]
            frame.put(" " + line, row: rect.bottom - details + offset, col: rect.col, style: style, maxWidth: rect.width, ellipsis: true)
        }
    }

    /// The selected post in full: what it is, then its link and engagement or why it did not
    /// go (the network's own words made visible), then its text.
    func detailLines(_ post: SocialPost, language: UILanguage, resolveKey: String) -> [String] {
        var heading = Strings.socialHeading(post.id, channel: Strings.channelName(post.channel)(language), site: TerminalSafeText.line(post.site),
                                            status: Strings.socialStatus(post.status)(language), attempts: post.attempts)(language)
        if let posted = post.postedAt {
            heading += " · " + Strings.socialPostedAt(DateText.full(posted))(language)
        } else if let due = post.dueAt, post.status.isUnsent {
            heading += " · " + Strings.socialDue(DateText.full(due))(language)
        }
        var second: String
        if post.status == .posted {
            second = Strings.socialLink(TerminalSafeText.line(post.remoteLink ?? post.remoteId ?? ""))(language)
            if let e = post.engagement {
                let number = { (n: Int?) in n.map { VietNumber.grouped($0) } ?? "–" }
                second += " · " + Strings.socialEngagement(views: number(e.views), reactions: number(e.reactions), shares: number(e.shares),
                                                           at: DateText.short(e.fetchedAt))(language)
            }
        } else if post.errorKind != nil || post.lastError != nil {
            second = Strings.socialReason(Strings.socialFailure(post.errorKind)(language), detail: TerminalSafeText.line(post.lastError ?? ""))(language)
            if post.status == .uncertain { second = Strings.socialUncertainHint(resolveKey)(language) + " " + second }
        } else {
            second = ""
        }
        return [heading, second, Strings.socialText(TerminalSafeText.line(post.message))(language)]
    }

    /// Draws again, in its colour, the state cell of each visible post that needs a person.
    private func paintAlarms(_ kinds: [Column], columns: [TableColumn], in rect: Rect, cursorStyle: TableCursorStyle,
                             into frame: inout Frame, theme: Theme, language: UILanguage) {
        guard let column = kinds.firstIndex(of: .status) else { return }
        let gutter = cursorStyle == .arrow ? min(TableView.gutter, rect.width) : 0
        let widths = TableView.layout(columns, total: rect.width - gutter)
        let x = rect.col + gutter + widths[..<column].reduce(0, +) + TableView.separator * column
        for offset in 0..<max(0, rect.height - 1) {
            let position = table.top + offset
            guard position < table.rowCount else { break }
            let post = shown[table.sourceRow(at: position)]
            guard let style = Self.alarm(post.status, theme: theme) else { continue }
            let text = Self.statusText(post.status, language)
            let padded = text + String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(text)))
            frame.put(padded, row: rect.row + 1 + offset, col: x, style: style, maxWidth: widths[column], ellipsis: true)
        }
    }
}
