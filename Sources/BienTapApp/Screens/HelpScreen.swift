import TerminalUI

/// The key bindings of every context, in a pager.
struct HelpScreen {
    var pager = PagerState()
    var search = PagerSearch()
}

extension HelpScreen: DeskScreen {
    var overlay: Overlay { .help(self) }
    var keyContext: String { AppActions.help }
    func heading(_ desk: DeskContext) -> String { Strings.helpTitle(desk.language) }

    var pagerPosition: (pager: PagerState, search: PagerSearch)? {
        get { (pager, search) }
        set { if let newValue { (pager, search) = newValue } }
    }

    func pagerSource(_ desk: DeskContext) -> [StyledLine] {
        HelpView.lines(catalogue: AppActions.catalogue, keymap: desk.keymap, contexts: AppActions.contexts,
                       contextTitles: AppActions.contextTitles, language: desk.language)
    }

    func render(into frame: inout Frame, in body: Rect, desk: DeskContext) -> String {
        PagerView.render(lines: desk.pagerLines(of: self), state: pager, into: &frame, in: body, theme: desk.theme)
        return ""
    }
}
