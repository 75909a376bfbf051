import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// The queue's tabs, sorting, the filter form and the mouse.
extension AppState {
    var tabBar: TabBar {
        TabBar(titles: tabs.map { Strings.tabTitle($0.title(language), count: $0.screen.hasLoaded ? $0.screen.items.count : nil)(language) },
               selected: tab)
    }

    /// Shows another tab, reloading it (the cursor stays on the same submission).
    mutating func select(tab index: Int) -> [Effect] {
        tab = index
        queue.table.keepCursorVisible(visibleRows: tableRows)
        return queue.isLoading ? [] : [load(tab: index)]
    }

    mutating func announceSort() {
        let columns = queue.columns(language)
        notify(queue.table.sort.map { Strings.sortedBy(columns[$0.column].title, ascending: $0.ascending)(language) }
               ?? Strings.unsorted(language))
    }

    /// Sites offered by the filter form: those of the queue's items, in Vietnamese order.
    var siteChoices: [String] {
        Set(queue.items.map(\.site.name)).sorted { Collation.key($0).lexicographicallyPrecedes(Collation.key($1)) }
    }

    func filterForm() -> Form<FormKey> {
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
        ], labels: formLabels(dates: true), now: now)
    }

    /// A form's labels; the hint names the date keys only where there are dates.
    func formLabels(dates: Bool = false) -> FormLabels {
        desk.formLabels(dates: dates)
    }

    /// A form answered: what it was for takes its values (and may put it back, saying why).
    mutating func formSubmitted(_ values: [FormKey: FormValue], form before: Form<FormKey>) -> [Effect] {
        switch formPurpose {
        case .decision(let draft): return submit(draft, values, form: before)
        case .note, .compare, .postText: return topTakes { $0.formSubmitted(values, form: before, in: &$1) } ?? []
        case .filter: break
        }
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
        queue.setCriteria(c, visibleRows: tableRows)
        notify(Strings.filtered(queue.table.rowCount, of: queue.items.count)(language))
        return []
    }

    /// The criteria of the filter form in a few words, for the status bar.
    var criteriaSummary: String? {
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

    // MARK: - Mouse

    /// A click selects a row (two open it), a tab or a column to sort by; the wheel scrolls.
    mutating func handleMouse(_ mouse: MouseEvent) -> [Effect] {
        if let delta = mouse.wheelDelta {
            if var pager {
                pager.scroll(by: delta, lineCount: pagerLines().count, visibleRows: bodyRows)
                self.pager = pager
            } else {
                queue.table.moveCursor(by: delta, visibleRows: tableRows)
            }
            return []
        }
        guard case .press(let clicks) = mouse.action, overlays.isEmpty else { return [] }
        if mouse.row == 1 {
            return tabBar.tab(atColumn: mouse.col, width: width).map { select(tab: $0) } ?? []
        }
        switch TableView.hit(row: mouse.row, col: mouse.col, columns: queue.columns(language), state: queue.table,
                             in: tableRect, cursorStyle: cursorStyle) {
        case .header(let column)?:
            queue.table.cycleSort(column: column, rows: queue.rows, visibleRows: tableRows)
            announceSort()
        case .row(let position)?:
            queue.table.cursor = position
            queue.table.keepCursorVisible(visibleRows: tableRows)
            if clicks >= 2 { return perform(.open) }
        case nil:
            break
        }
        return []
    }
}
