import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// A tab of the queue: the submissions in some statuses (the published ones of today only).
struct QueueTab {
    let statuses: [SubmissionStatus]
    let title: Localized
    var screen = QueueScreen()
    var publishedToday = false

    /// What reads this tab, the `index`th.
    func load(_ index: Int) -> Effect { .loadQueue(tab: index, statuses: statuses, publishedToday: publishedToday) }

    static let all: [QueueTab] = [
        QueueTab(statuses: SubmissionStatus.pending, title: Strings.tabPending),
        QueueTab(statuses: [.inReview], title: Strings.tabInReview, screen: QueueScreen.showingLeases),
        QueueTab(statuses: [.returned], title: Strings.tabReturned),
        QueueTab(statuses: [.approved, .scheduled], title: Strings.tabScheduled),
        QueueTab(statuses: [.published], title: Strings.tabPublished, screen: QueueScreen.showingPublication, publishedToday: true),
        QueueTab(statuses: [.rejected], title: Strings.tabRejected),
    ]
}

/// The queue with its tabs: the base of the desk, under every other screen. It owns its tabs,
/// the one shown and when that is read again by itself, and acts, answers and draws as the
/// screens over it do, lent the desk's context by `AppState.withQueue`. The bottom line's
/// search and filter, shared with the pagers, stay the desk's.
struct QueueDesk {
    var tabs = QueueTab.all
    var tab = 0
    /// When the tab on screen is next read again.
    var nextRefresh: Date?
    /// Tabs being read again in the background, without a spinner.
    var refreshing: Set<Int> = []

    init(language: UILanguage) {
        for index in tabs.indices { tabs[index].screen.language = language }
    }

    /// The queue of the selected tab.
    var queue: QueueScreen {
        get { tabs[tab].screen }
        set { tabs[tab].screen = newValue }
    }

    /// The table, below the title and the tabs, on a terminal of `width` × `height`.
    static func tableRect(width: Int, height: Int) -> Rect { Rect(row: 2, col: 0, width: width, height: max(0, height - 3)) }
    /// Data rows of the table (its header takes one).
    static func tableRows(width: Int, height: Int) -> Int { max(1, tableRect(width: width, height: height).height - 1) }
    private static func tableRows(_ desk: DeskContext) -> Int { tableRows(width: desk.width, height: desk.height) }

    func tabBar(_ language: UILanguage) -> TabBar {
        TabBar(titles: tabs.map { Strings.tabTitle($0.title(language), count: $0.screen.hasLoaded ? $0.screen.items.count : nil)(language) },
               selected: tab)
    }

    /// Who the user is: the in-review tab names their own leases "tôi".
    mutating func know(_ me: Me, language: UILanguage) {
        for index in tabs.indices { tabs[index].screen.me = (me.name, Strings.leaseMine(language)) }
    }

    mutating func load(tab index: Int, in desk: inout DeskContext) -> Effect {
        tabs[index].screen.isLoading = true
        desk.loading()
        return tabs[index].load(index)
    }

    /// The tab on screen read again in the background (after a decision, or the editor closed).
    mutating func reloadQuietly() -> [Effect] {
        refreshing.insert(tab)
        return [tabs[tab].load(tab)]
    }

    /// Shows another tab, reloading it (the cursor stays on the same submission).
    private mutating func select(tab index: Int, in desk: inout DeskContext) -> [Effect] {
        tab = index
        queue.table.keepCursorVisible(visibleRows: Self.tableRows(desk))
        return queue.isLoading ? [] : [load(tab: index, in: &desk)]
    }

    private func announceSort(in desk: inout DeskContext) {
        let columns = queue.columns(desk.language)
        desk.notify(queue.table.sort.map { Strings.sortedBy(columns[$0.column].title, ascending: $0.ascending)(desk.language) }
                    ?? Strings.unsorted(desk.language))
    }

    // MARK: - Actions

    /// What the queue does itself; nil: the desk's (back, quit, search, filter, edit, decisions).
    mutating func perform(_ action: DeskAction, in desk: inout DeskContext) -> [Effect]? {
        let rows = Self.tableRows(desk)
        if let move = action.move {
            queue.table.apply(move, visibleRows: rows)
            return []
        }
        switch action {
        case .sort:
            queue.table.cycleSort(rows: queue.rows, visibleRows: rows)
            announceSort(in: &desk)
        case .nextTab, .previousTab:
            var bar = tabBar(desk.language)
            bar.move(by: action == .nextTab ? 1 : -1)
            return select(tab: bar.selected, in: &desk)
        case .filterForm:
            desk.modals.form = filterForm(desk)
            desk.formPurpose = .filter
        case .toggleMark, .toggleMarkAll:
            if action == .toggleMark {
                queue.table.toggleMark()
                queue.table.moveCursor(by: 1, visibleRows: rows)
            } else {
                queue.table.toggleMarkAll()
            }
            desk.notify(Strings.markedCount(queue.table.marked.count)(desk.language))
        case .open:
            guard let item = queue.selected else { return [] }
            return desk.read(item.id, title: item.title)
        case .refresh:
            return [load(tab: tab, in: &desk)]
        default:
            return nil
        }
        return []
    }

    // MARK: - The filter form

    /// Sites offered by the filter form: those of the queue's items, in Vietnamese order.
    private var siteChoices: [String] {
        Set(queue.items.map(\.site.name)).sorted { Collation.key($0).lexicographicallyPrecedes(Collation.key($1)) }
    }

    private func filterForm(_ desk: DeskContext) -> Form<FormKey> {
        let language = desk.language
        let c = queue.criteria
        let any = Strings.anyChoice(language)
        let sites = siteChoices
        let categories = NewsroomKit.Category.allCases
        return Form(title: Strings.filterFormTitle(language), fields: [
            .choice(.site, Strings.fieldSite(language), options: [any] + sites,
                    selected: c.site.flatMap { sites.firstIndex(of: $0).map { $0 + 1 } } ?? 0),
            .choice(.category, Strings.fieldCategory(language), options: [any] + categories.map { Strings.category($0)(language) },
                    selected: c.category.flatMap { categories.firstIndex(of: $0).map { $0 + 1 } } ?? 0),
            // Names are matched without diacritics, so no input method is needed here.
            .text(.contributor, Strings.fieldContributor(language), value: c.contributor),
            .dateTime(.receivedFrom, Strings.fieldReceivedFrom(language), value: c.receivedFrom, optional: true),
            .dateTime(.receivedTo, Strings.fieldReceivedTo(language), value: c.receivedTo, optional: true),
            .checkbox(.markedOnly, Strings.fieldMarkedOnly(language), checked: c.markedOnly),
        ], labels: desk.formLabels(dates: true), now: desk.now)
    }

    /// The filter form answered: the rows narrowed to its criteria.
    mutating func filterSubmitted(_ values: [FormKey: FormValue], in desk: inout DeskContext) -> [Effect] {
        var c = QueueCriteria()
        let sites = siteChoices
        if case .choice(let i)? = values[.site], i > 0, sites.indices.contains(i - 1) { c.site = sites[i - 1] }
        if case .choice(let i)? = values[.category], i > 0 { c.category = NewsroomKit.Category.allCases[i - 1] }
        if case .text(let t)? = values[.contributor] { c.contributor = t.trimmingCharacters(in: .whitespaces) }
        if case .date(let d)? = values[.receivedFrom] { c.receivedFrom = d }
        if case .date(let d)? = values[.receivedTo], let d {
            // "until 24/11" means until that day is over.
            let f = DateText.Fields(d)
            c.receivedTo = f.hour == 0 && f.minute == 0 ? d.addingTimeInterval(86_399) : d
        }
        if case .checkbox(let b)? = values[.markedOnly] { c.markedOnly = b }
        queue.setCriteria(c, visibleRows: Self.tableRows(desk))
        desk.notify(Strings.filtered(queue.table.rowCount, of: queue.items.count)(desk.language))
        return []
    }

    /// The criteria of the filter form in a few words, for the status bar.
    private func criteriaSummary(_ language: UILanguage) -> String? {
        let c = queue.criteria
        guard !c.isEmpty else { return nil }
        var parts: [String] = []
        if let site = c.site { parts.append(site) }
        if let category = c.category { parts.append(Strings.category(category)(language)) }
        if !c.contributor.isEmpty { parts.append(c.contributor) }
        if let from = c.receivedFrom { parts.append(Strings.fromDate(DateText.full(from))(language)) }
        if let to = c.receivedTo { parts.append(Strings.toDate(DateText.full(to))(language)) }
        if c.markedOnly { parts.append(Strings.markedOnly(language)) }
        return Strings.criteriaShown(parts)(language)
    }

    // MARK: - The mouse

    /// A click selects a row (two open it), a tab or a column to sort by; the wheel scrolls.
    mutating func mouse(_ mouse: MouseEvent, in desk: inout DeskContext) -> [Effect] {
        let rows = Self.tableRows(desk)
        if let delta = mouse.wheelDelta {
            queue.table.moveCursor(by: delta, visibleRows: rows)
            return []
        }
        guard case .press(let clicks) = mouse.action else { return [] }
        if mouse.row == 1 {
            return tabBar(desk.language).tab(atColumn: mouse.col, width: desk.width).map { select(tab: $0, in: &desk) } ?? []
        }
        switch TableView.hit(row: mouse.row, col: mouse.col, columns: queue.columns(desk.language), state: queue.table,
                             in: Self.tableRect(width: desk.width, height: desk.height), cursorStyle: desk.cursorStyle) {
        case .header(let column)?:
            queue.table.cycleSort(column: column, rows: queue.rows, visibleRows: rows)
            announceSort(in: &desk)
        case .row(let position)?:
            queue.table.cursor = position
            queue.table.keepCursorVisible(visibleRows: rows)
            if clicks >= 2 { return perform(.open, in: &desk) ?? [] }
        case nil:
            break
        }
        return []
    }

    // MARK: - Time and answers

    /// The tab on screen is read again when it is due.
    mutating func tick(in desk: inout DeskContext) -> [Effect] {
        guard let due = nextRefresh, desk.now >= due, !refreshing.contains(tab), !queue.isLoading else { return [] }
        nextRefresh = nil
        return reloadQuietly()
    }

    private mutating func scheduleRefresh(after index: Int, _ desk: DeskContext) {
        guard index == tab, let interval = desk.refreshInterval else { return }
        nextRefresh = desk.now.addingTimeInterval(interval)
    }

    mutating func receive(_ message: AppMessage, in desk: inout DeskContext) -> [Effect]? {
        guard case .queueLoaded(let index, let result) = message else { return nil }
        guard tabs.indices.contains(index) else { return [] }
        switch result {
        case .success(let items):
            let quiet = refreshing.remove(index) != nil
            if quiet, tabs[index].screen.hasLoaded {
                // Announce what came in since the last reading, newest first.
                let known = Set(tabs[index].screen.items.map(\.id))
                let arrivals = items.filter { !known.contains($0.id) }.sorted { $0.receivedAt > $1.receivedAt }
                if let newest = arrivals.first {
                    desk.notify(Strings.newArrivals(arrivals.count, tab: tabs[index].title(desk.language), newest: newest.title)(desk.language))
                }
            }
            tabs[index].screen.replaceItems(items, visibleRows: Self.tableRows(desk))
            desk.clearError()
        case .failure(let error):
            refreshing.remove(index)
            tabs[index].screen.isLoading = false
            desk.showError(error)
        }
        scheduleRefresh(after: index, desk)
        return []
    }

    // MARK: - Drawing

    func heading(_ desk: DeskContext) -> String {
        tabs[tab].title(desk.language) + (queue.hasLoaded ? " (\(Strings.itemsCount(queue.items.count)(desk.language)))" : "")
    }

    /// Draws the tabs and the table; returns the cursor's position.
    func render(into frame: inout Frame, desk: DeskContext) -> String {
        let language = desk.language
        tabBar(language).render(into: &frame, row: 1, width: desk.width, theme: desk.theme)
        queue.render(into: &frame, in: Self.tableRect(width: desk.width, height: desk.height), theme: desk.theme, language: language,
                     cursorStyle: desk.cursorStyle, emptyText: tab == 0 ? Strings.emptyQueue(language) : Strings.emptyTab(language))
        return desk.position(queue.table.cursor, of: queue.table.rowCount)
    }

    /// The filter and the form's criteria, when the rows are narrowed.
    func statusText(_ desk: DeskContext) -> String {
        [queue.filterText.isEmpty ? nil : Strings.filterShown(queue.filterText)(desk.language), criteriaSummary(desk.language)]
            .compactMap { $0 }.joined(separator: " · ")
    }
}
