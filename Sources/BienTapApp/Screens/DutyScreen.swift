import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// What the duty view shows: the sites one may publish on, and what is approved or scheduled.
public struct DutyData: Sendable {
    public var sites: [SiteRef]
    public var items: [SubmissionSummary]

    public init(sites: [SiteRef], items: [SubmissionSummary]) {
        self.sites = sites
        self.items = items
    }
}

/// The duty view (Trực): per site, what is scheduled for the next 72 hours, day by day in
/// Vietnam's time, with the days a site has nothing highlighted, late items flagged, and
/// what is approved but not yet scheduled on top. The cursor walks the items only; the
/// decisions (publish now, reschedule) act on the one under it.
struct DutyScreen {
    /// The window looked at.
    static let hours: TimeInterval = 72

    var sites: [SiteRef] = []
    var items: [SubmissionSummary] = []
    var isLoading = true
    var hasLoaded = false
    /// The selected item's id (kept across readings), and the first row shown.
    var selectedID: Int64?
    var top = 0

    enum Row: Equatable {
        case heading(String)
        case day(String, empty: Bool)
        /// `time` leads the title with its own spacing: "07:00  ", or the site's name and a dot.
        case item(SubmissionSummary, time: String, late: Bool)
        case blank
    }

    /// The rows, at `now`.
    func rows(now: Date, language: UILanguage) -> [Row] {
        var rows: [Row] = []
        let waiting = items.filter { $0.status == .approved }
        if !waiting.isEmpty {
            rows.append(.heading(Strings.dutyUnscheduled(waiting.count)(language)))
            rows += waiting.map { .item($0, time: $0.site.name + " · ", late: false) }
            rows.append(.blank)
        }
        let end = now.addingTimeInterval(Self.hours * 3600)
        let scheduled = items.filter { $0.status == .scheduled }.sorted { ($0.publishAt ?? .distantPast) < ($1.publishAt ?? .distantPast) }
        let today = Self.dayNumber(now)
        let days = Array(today...Self.dayNumber(end))
        for site in sites {
            let mine = scheduled.filter { $0.site.code == site.code }
            rows.append(.heading(site.name))
            // Late: the time has passed and it is still waiting for the scheduler.
            for item in mine where (item.publishAt ?? now) < now {
                rows.append(.item(item, time: item.publishAt.map { DateText.short($0) + "  " } ?? "", late: true))
            }
            for day in days {
                let onDay = mine.filter { item in
                    guard let at = item.publishAt, at >= now, at < end else { return false }
                    return Self.dayNumber(at) == day
                }
                rows.append(.day(Strings.dutyDay(day - today, weekday: Self.weekday(day), date: Self.dateLabel(day))(language), empty: onDay.isEmpty))
                rows += onDay.map { .item($0, time: $0.publishAt.map { Self.time($0) + "  " } ?? "", late: false) }
            }
            rows.append(.blank)
        }
        return rows
    }

    /// The items in row order: what the cursor walks.
    func selectable(now: Date, language: UILanguage) -> [SubmissionSummary] {
        rows(now: now, language: language).compactMap { if case .item(let item, _, _) = $0 { return item } else { return nil } }
    }

    var selected: SubmissionSummary? { items.first { $0.id == selectedID } }

    mutating func move(by delta: Int, now: Date, language: UILanguage, visibleRows: Int) {
        let list = selectable(now: now, language: language)
        guard !list.isEmpty else { return }
        let index = list.firstIndex { $0.id == selectedID } ?? 0
        selectedID = list[min(max(0, index + delta), list.count - 1)].id
        keepSelectionVisible(now: now, language: language, visibleRows: visibleRows)
    }

    /// A page of rows down (up): the farthest item within a page of the selected one, or the
    /// next item when none is (days without items are rows, not items).
    mutating func page(down: Bool, now: Date, language: UILanguage, visibleRows: Int) {
        let all = rows(now: now, language: language)
        let items: [(row: Int, id: Int64)] = all.enumerated().compactMap { row, content in
            if case .item(let item, _, _) = content { return (row, item.id) } else { return nil }
        }
        guard let current = items.first(where: { $0.id == selectedID })?.row ?? items.first?.row else { return }
        let page = max(1, visibleRows - 1)
        let target = down
            ? items.last { $0.row > current && $0.row <= current + page } ?? items.first { $0.row > current }
            : items.first { $0.row < current && $0.row >= current - page } ?? items.last { $0.row < current }
        if let target { selectedID = target.id }
        keepSelectionVisible(now: now, language: language, visibleRows: visibleRows)
    }

    /// Moves the selection as `move` says (from item to item; the ends are the first and last items).
    mutating func apply(_ move: Move, now: Date, language: UILanguage, visibleRows: Int) {
        switch move {
        case .down: self.move(by: 1, now: now, language: language, visibleRows: visibleRows)
        case .up: self.move(by: -1, now: now, language: language, visibleRows: visibleRows)
        case .first: self.move(by: -Int.max / 2, now: now, language: language, visibleRows: visibleRows)
        case .last: self.move(by: Int.max / 2, now: now, language: language, visibleRows: visibleRows)
        case .pageDown, .pageUp: page(down: move == .pageDown, now: now, language: language, visibleRows: visibleRows)
        }
    }

    mutating func keepSelectionVisible(now: Date, language: UILanguage, visibleRows: Int) {
        let all = rows(now: now, language: language)
        guard let row = all.firstIndex(where: { if case .item(let item, _, _) = $0 { return item.id == selectedID } else { return false } }) else { return }
        if row < top { top = max(0, row - 1) }
        if row >= top + visibleRows { top = row - visibleRows + 1 }
    }

    mutating func replace(sites: [SiteRef], items: [SubmissionSummary], now: Date, language: UILanguage, visibleRows: Int) {
        let before = selectable(now: now, language: language)
        let place = before.firstIndex { $0.id == selectedID } ?? 0
        self.sites = sites
        self.items = items
        isLoading = false
        hasLoaded = true
        if selected == nil {
            // The item under the cursor went (published, moved): its neighbour takes its place.
            let after = selectable(now: now, language: language)
            selectedID = after.isEmpty ? nil : after[min(place, after.count - 1)].id
        }
        keepSelectionVisible(now: now, language: language, visibleRows: visibleRows)
    }

    func render(into frame: inout Frame, in rect: Rect, now: Date, theme: Theme, language: UILanguage) {
        let all = rows(now: now, language: language)
        for (offset, row) in all.dropFirst(top).prefix(rect.height).enumerated() {
            let y = rect.row + offset
            switch row {
            case .heading(let text):
                frame.put(" " + text, row: y, col: rect.col, style: theme.header, ellipsis: true)
            case .day(let label, let empty):
                frame.put("   " + label + (empty ? "  " + Strings.dutyGap(language) : ""), row: y, col: rect.col,
                          style: empty ? theme.statusError : theme.dim, ellipsis: true)
            case .item(let item, let time, let late):
                let isSelected = item.id == selectedID
                let mark = late ? Strings.dutyLate(language) + " " : ""
                let text = (isSelected ? "▶ " : "  ") + "   " + time + mark + item.title
                if isSelected { frame.fill(Rect(row: y, col: rect.col, width: rect.width, height: 1), style: theme.selected) }
                frame.put(text, row: y, col: rect.col, style: isSelected ? theme.selected : late ? theme.statusError : theme.normal,
                          ellipsis: true)
            case .blank:
                break
            }
        }
    }

    static func dayNumber(_ date: Date) -> Int {
        let f = DateText.Fields(date)
        return CivilDate.days(year: f.year, month: f.month, day: f.day)
    }

    /// 0 for Sunday … 6 for Saturday (1 January 1970 was a Thursday).
    static func weekday(_ day: Int) -> Int { ((day % 7) + 7 + 4) % 7 }

    static func dateLabel(_ day: Int) -> String {
        let (_, month, d) = CivilDate.fields(days: day)
        return String(format: "%02d/%02d", d, month)
    }

    static func time(_ date: Date) -> String {
        let f = DateText.Fields(date)
        return String(format: "%02d:%02d", f.hour, f.minute)
    }
}

extension DutyScreen: DeskScreen {
    var overlay: Overlay { .duty(self) }
    var keyContext: String { AppActions.duty }
    func heading(_ desk: DeskContext) -> String { Strings.dutyTitle(desk.language) }
    func isBusy(_ desk: DeskContext) -> Bool? { isLoading || !desk.deciding.isEmpty }
    var decisionTarget: DecisionTarget? { selected.map { ($0.id, $0.title, $0.site.code) } }

    /// A new duty view, reading what it shows.
    static func start(in desk: inout DeskContext) -> (DutyScreen, [Effect]) {
        desk.loading()
        return (DutyScreen(), [.loadDuty])
    }

    mutating func perform(_ action: DeskAction, in desk: inout DeskContext) -> [Effect]? {
        if let move = action.move {
            apply(move, now: desk.now, language: desk.language, visibleRows: desk.bodyRows)
            return []
        }
        switch action {
        case .refresh:
            isLoading = true
            desk.loading()
            return [.loadDuty]
        case .open:
            guard let item = selected else { return [] }
            return desk.read(item.id, title: item.title)
        default:
            return nil
        }
    }

    mutating func receive(_ message: AppMessage, in desk: inout DeskContext) -> [Effect]? {
        guard case .dutyLoaded(let result) = message else { return nil }
        switch result {
        case .success(let data):
            replace(sites: data.sites, items: data.items, now: desk.now, language: desk.language, visibleRows: desk.bodyRows)
            desk.clearError()
        case .failure(let error):
            isLoading = false
            desk.showError(error)
        }
        return []
    }

    /// What it shows changes with every decision: it reads itself again.
    mutating func decided(_ item: Submission, in desk: inout DeskContext) -> [Effect] { [.loadDuty] }

    func render(into frame: inout Frame, in body: Rect, desk: DeskContext) -> String {
        render(into: &frame, in: body, now: desk.now, theme: desk.theme, language: desk.language)
        guard let selected else { return "" }
        let list = selectable(now: desk.now, language: desk.language)
        return desk.position(list.firstIndex(of: selected) ?? 0, of: list.count)
    }
}
