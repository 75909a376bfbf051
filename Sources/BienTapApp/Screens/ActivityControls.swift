import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// The yearly activity report as a desk screen: its year, read again when asked.
extension ActivityScreen: DeskScreen {
    var overlay: Overlay { .activity(self) }
    var keyContext: String { AppActions.activity }
    func heading(_ desk: DeskContext) -> String { Strings.activityTitle(desk.language) }
    func isBusy(_ desk: DeskContext) -> Bool? { isLoading }

    func render(into frame: inout Frame, in body: Rect, desk: DeskContext) -> String {
        render(into: &frame, in: body, theme: desk.theme, language: desk.language)
        return ""
    }

    /// Last year's: the report offices send at the start of a year.
    static func start(in desk: inout DeskContext) -> (ActivityScreen, [Effect]) {
        let year = Int(VietnamDay(containing: desk.now).text.prefix(4)).map { $0 - 1 } ?? 2025
        desk.loading()
        return (ActivityScreen(year: year), [.loadActivity(year: year)])
    }

    private static func siteRows(_ desk: DeskContext) -> Int { siteRows(bodyHeight: desk.bodyRows) }

    mutating func perform(_ action: DeskAction, in desk: inout DeskContext) -> [Effect]? {
        switch action {
        case .previousYear, .nextYear:
            let year = year + (action == .nextYear ? 1 : -1)
            guard VietnamDay.years.contains(year), year > VietnamDay.years.lowerBound else { return [] }
            return load(year, in: &desk)
        case .goToYear:
            desk.ask(.year, label: Strings.askYear(desk.language), text: String(year))
        case .refresh:
            return load(year, in: &desk)
        case .back, .quit, .help, .redraw, .suspend, .palette, .royalties, .activityReport:
            return nil
        default:
            if let move = action.move { scroll(move, visibleRows: Self.siteRows(desk)) }
        }
        return []
    }

    private mutating func load(_ year: Int, in desk: inout DeskContext) -> [Effect] {
        self.year = year
        isLoading = true
        desk.loading()
        return [.loadActivity(year: year)]
    }

    /// A year typed on the bottom line.
    mutating func promptSubmitted(_ question: AppState.Asking, _ text: String, in desk: inout DeskContext) -> [Effect]? {
        guard question.ask == .year else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let year = Int(trimmed), VietnamDay.years.contains(year), year > VietnamDay.years.lowerBound else {
            desk.notify(Strings.badYearTyped(text)(desk.language), kind: .warning)
            return []
        }
        return load(year, in: &desk)
    }

    /// The wheel scrolls; a click does nothing.
    mutating func mouse(_ mouse: MouseEvent, in desk: inout DeskContext) -> [Effect]? {
        if let delta = mouse.wheelDelta { scroll(delta > 0 ? .down : .up, visibleRows: Self.siteRows(desk)) }
        return []
    }

    mutating func receive(_ message: AppMessage, in desk: inout DeskContext) -> [Effect]? {
        guard case .activityLoaded(let year, let result) = message else { return nil }
        guard self.year == year else { return [] }
        isLoading = false
        switch result {
        case .success(let report):
            self.report = report
            hasLoaded = true
            top = 0
            desk.clearError()
        case .failure(let error):
            desk.showError(error)
        }
        return []
    }
}
