import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// The queue's part in the desk's forms and clicks: a form goes to what it was for, and a
/// click to the pager on top or the queue.
extension AppState {
    /// A form's labels; the hint names the date keys only where there are dates.
    func formLabels(dates: Bool = false) -> FormLabels {
        desk.formLabels(dates: dates)
    }

    /// A form answered: what it was for takes its values (and may put it back, saying why).
    mutating func formSubmitted(_ values: [FormKey: FormValue], form before: Form<FormKey>) -> [Effect] {
        switch formPurpose {
        case .decision(let draft): return submit(draft, values, form: before)
        case .note, .compare, .postText: return topTakes { $0.formSubmitted(values, form: before, in: &$1) } ?? []
        case .filter: return withQueue { $0.filterSubmitted(values, in: &$1) }
        }
    }

    // MARK: - Mouse

    /// The wheel scrolls the pager on top, else the queue; clicks on the queue are its own.
    mutating func handleMouse(_ mouse: MouseEvent) -> [Effect] {
        if let delta = mouse.wheelDelta, var pager {
            pager.scroll(by: delta, lineCount: pagerLines().count, visibleRows: bodyRows)
            self.pager = pager
            return []
        }
        guard mouse.wheelDelta != nil || overlays.isEmpty else { return [] }
        return withQueue { $0.mouse(mouse, in: &$1) }
    }
}
