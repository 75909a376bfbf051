import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// The pagers (the reader, the help): their scroll position, search and moves.
extension AppState {
    /// Scroll position and search of the pager on top (the reader, the help), when the top screen is one.
    var topPager: (pager: PagerState, search: PagerSearch)? {
        get { overlays.last?.screen.pagerPosition }
        set {
            guard let newValue, let last = overlays.indices.last else { return }
            overlays[last].update { $0.pagerPosition = newValue }
        }
    }

    var pager: PagerState? {
        get { topPager?.pager }
        set { if let newValue, let top = topPager { topPager = (newValue, top.search) } }
    }

    var pagerSearch: PagerSearch? {
        get { topPager?.search }
        set { if let newValue, let top = topPager { topPager = (top.pager, newValue) } }
    }

    /// The top pager's text before wrapping and highlighting.
    func pagerSource() -> [StyledLine] {
        overlays.last?.screen.pagerSource(desk) ?? []
    }

    /// The top pager's lines as drawn: search matches highlighted, wrapped to the width.
    func pagerLines() -> [StyledLine] {
        overlays.last.map { desk.pagerLines(of: $0.screen) } ?? []
    }

    @discardableResult
    mutating func stepPagerSearch(_ search: inout PagerSearch, forward: Bool) -> Bool {
        guard var pager else { return false }
        let found = search.step(forward: forward, source: pagerSource(), width: width, pager: &pager, visibleRows: bodyRows)
        self.pager = pager
        return found
    }

    mutating func moveInTopScreen(_ move: Move) {
        if var pager {
            pager.apply(move, lineCount: pagerLines().count, visibleRows: bodyRows)
            self.pager = pager
        } else {
            queue.table.apply(move, visibleRows: tableRows)
        }
    }
}
