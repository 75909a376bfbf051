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

    /// The reader's article goes to the spell checker when it is in Vietnamese and not the
    /// text already checked (a reload of the same text asks nothing).
    func checkSpelling(_ reader: inout ReaderScreen) -> [Effect] {
        reader.textToCheck(language: language).map { [.checkReaderSpelling(id: reader.id, text: $0)] } ?? []
    }

    /// The checker's answer for the reader's article, kept while that is still the text shown;
    /// a step asked for meanwhile is taken now.
    mutating func readerSpellChecked(_ id: Int64, text: String, _ findings: [Finding]) {
        guard case (let index, var reader)? = openReader(id), reader.spellingText(language: language) == text else { return }
        reader.findings = findings
        reader.checkedText = text
        reader.currentFinding = nil
        let step = reader.stepWhenChecked
        reader.stepWhenChecked = nil
        overlays[index] = .reader(reader)
        if let step, index == overlays.count - 1 { stepReaderFinding(forward: step) }
    }

    /// F7/F6 in the reader: the next (previous) finding, brought into view and said in a notice.
    mutating func stepReaderFinding(forward: Bool) {
        guard case .reader(var reader)? = overlays.last, !reader.showsDifferences else { return }
        guard !reader.findings.isEmpty else {
            if reader.isBeingChecked(language: language) {
                reader.stepWhenChecked = forward
                overlays[overlays.count - 1] = .reader(reader)
                notify(Strings.spellCheckRunning(language))
            } else {
                notify(Strings.noFindings(language))
            }
            return
        }
        let count = reader.findings.count
        let next = reader.currentFinding.map { (($0 + (forward ? 1 : -1)) % count + count) % count } ?? (forward ? 0 : count - 1)
        reader.currentFinding = next
        overlays[overlays.count - 1] = .reader(reader)
        let lines = pagerLines()
        if var pager, let line = PagerView.wrappedLine(of: reader.findingMatches[next], in: lines) {
            pager.reveal(line: line, lineCount: lines.count, visibleRows: bodyRows)
            self.pager = pager
        }
        let finding = reader.findings[next]
        notify(Strings.findingHint(finding.word, SpellReport.message(finding)(language), suggestions: finding.suggestions,
                                   fix: keyNames(for: .fixFinding).first ?? "F8")(language))
    }
}
