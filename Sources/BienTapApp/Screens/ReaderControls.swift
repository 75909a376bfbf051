import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// The reader as a desk screen: reading the item again, its differences and any two of its
/// revisions compared (`v`), its spelling findings (F7/F6), a note, and the portal's answers.
/// Editing it (e, F8) and deciding on it are the desk's: they concern every screen.
extension ReaderScreen: DeskScreen {
    var overlay: Overlay { .reader(self) }
    var keyContext: String { AppActions.reader }
    var hasLoaded: Bool { submission != nil }
    func isBusy(_ desk: DeskContext) -> Bool? { isLoading || !desk.opening.isEmpty || !desk.deciding.isEmpty }
    var decisionTarget: DecisionTarget? { (id, title, submission?.summary.site.code) }

    func heading(_ desk: DeskContext) -> String {
        Strings.readerTitle(desk.language) + ": " + title + (showsDifferences ? " — " + Strings.differencesTitle(desk.language) : "")
    }

    var pagerPosition: (pager: PagerState, search: PagerSearch)? {
        get { (pager, search) }
        set { if let newValue { (pager, search) = newValue } }
    }

    func pagerSource(_ desk: DeskContext) -> [StyledLine] { sourceLines(theme: desk.theme, language: desk.language) }

    func render(into frame: inout Frame, in body: Rect, desk: DeskContext) -> String {
        let lines = desk.pagerLines(of: self)
        PagerView.render(lines: lines, state: pager, into: &frame, in: body, theme: desk.theme)
        var position = lines.isEmpty ? "" : Strings.position(min(lines.count, pager.top + body.height), of: lines.count)(desk.language)
        if !showsDifferences && !findings.isEmpty {
            position += (position.isEmpty ? "" : " · ") + Strings.findingCount(findings.count)(desk.language)
        }
        return position
    }

    // MARK: - Actions

    /// What shows the item as it is on the portal: the article, or the revisions compared.
    private mutating func reload(in desk: inout DeskContext) -> [Effect] {
        isLoading = true
        desk.loading()
        return [showsDifferences ? .loadDifferences(id, compared) : .loadSubmission(id)]
    }

    mutating func perform(_ action: DeskAction, in desk: inout DeskContext) -> [Effect]? {
        switch action {
        case .back:
            // The differences are a view of the reader's: back is the article.
            guard showsDifferences else { return nil }
            showsDifferences = false
            pager = PagerState()
            return []
        case .refresh:
            return reload(in: &desk)
        case .differences:
            showsDifferences.toggle()
            pager = PagerState()
            guard showsDifferences && differences == nil else { return [] }
            isLoading = true
            desk.loading()
            return [.loadDifferences(id, compared)]
        case .compareRevisions:
            startComparison(in: &desk)
            return []
        case .nextFinding, .previousFinding:
            stepFinding(forward: action == .nextFinding, in: &desk)
            return []
        case .addNote:
            let language = desk.language
            desk.modals.form = Form(title: Strings.noteTitle(id)(language),
                                    fields: [.text(.note, Strings.fieldNoteText(language), inputMethod: desk.inputMethod),
                                             .checkbox(.shared, Strings.fieldShared(language))],
                                    labels: desk.formLabels(), now: desk.now)
            desk.formPurpose = .note(id: id)
            return []
        default:
            return nil
        }
    }

    /// `v`: which two revisions, from the item's history (the older and the newer).
    private func startComparison(in desk: inout DeskContext) {
        let language = desk.language
        guard let history else { return desk.notify(Strings.historyLoading(language)) }
        let revisions = history.revisions.sorted { $0.number < $1.number }
        guard revisions.count >= 2 else { return desk.notify(Strings.oneRevisionOnly(language)) }
        let options = revisions.map { Strings.revisionOption($0)(language) }
        // What was chosen last, else the newest change: the revision before the last against the last.
        let older = compared.flatMap { pair in revisions.firstIndex { $0.number == pair.lowerBound } } ?? revisions.count - 2
        let newer = compared.flatMap { pair in revisions.firstIndex { $0.number == pair.upperBound } } ?? revisions.count - 1
        desk.modals.form = Form(title: Strings.compareTitle(id)(language),
                                fields: [.choice(.olderRevision, Strings.fieldFromRevision(language), options: options, selected: older),
                                         .choice(.newerRevision, Strings.fieldToRevision(language), options: options, selected: newer)],
                                labels: desk.formLabels(), now: desk.now)
        desk.formPurpose = .compare(id: id, revisions: revisions.map(\.number))
    }

    /// A note for the board (or, ticked, for the contributor too), or the two revisions to compare.
    mutating func formSubmitted(_ values: [FormKey: FormValue], form before: Form<FormKey>, in desk: inout DeskContext) -> [Effect]? {
        func refuse(_ why: String) -> [Effect] {
            desk.modals.form = before
            desk.notify(why, kind: .warning)
            return []
        }
        switch desk.formPurpose {
        case .note(let id):
            guard case .text(let typed)? = values[.note] else { return [] }
            let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return refuse(Strings.noteEmpty(desk.language)) }
            return [.addNote(id: id, NoteRequest(body: text, visibility: values[.shared] == .checkbox(true) ? .shared : .editors))]
        case .compare(let id, let revisions) where id == self.id:
            guard case .choice(let a)? = values[.olderRevision], case .choice(let b)? = values[.newerRevision],
                  revisions.indices.contains(a), revisions.indices.contains(b) else { return [] }
            guard a != b else { return refuse(Strings.sameRevision(desk.language)) }
            let pair = min(revisions[a], revisions[b])...max(revisions[a], revisions[b])
            compared = pair
            showsDifferences = true
            differences = nil
            isLoading = true
            pager = PagerState()
            desk.loading()
            return [.loadDifferences(id, pair)]
        default:
            return nil
        }
    }

    /// F7/F6: the next (previous) finding, brought into view and said in a notice; asked before
    /// the checker answered, it is taken when it does.
    private mutating func stepFinding(forward: Bool, in desk: inout DeskContext) {
        guard !showsDifferences else { return }
        let language = desk.language
        guard !findings.isEmpty else {
            if isBeingChecked(language: language) {
                stepWhenChecked = forward
                desk.notify(Strings.spellCheckRunning(language))
            } else {
                desk.notify(Strings.noFindings(language))
            }
            return
        }
        let count = findings.count
        let next = currentFinding.map { (($0 + (forward ? 1 : -1)) % count + count) % count } ?? (forward ? 0 : count - 1)
        currentFinding = next
        let lines = desk.pagerLines(of: self)
        if let line = PagerView.wrappedLine(of: findingMatches[next], in: lines) {
            pager.reveal(line: line, lineCount: lines.count, visibleRows: desk.bodyRows)
        }
        let finding = findings[next]
        desk.notify(Strings.findingHint(finding.word, SpellReport.message(finding)(language), suggestions: finding.suggestions,
                                        fix: desk.keyNames(for: .fixFinding).first ?? "F8")(language))
    }

    /// The article goes to the spell checker when it is in Vietnamese and not the text already
    /// checked (a reload of the same text asks nothing).
    private mutating func checkSpelling(_ desk: DeskContext) -> [Effect] {
        textToCheck(language: desk.language).map { [.checkReaderSpelling(id: id, text: $0)] } ?? []
    }

    // MARK: - Answers

    mutating func receive(_ message: AppMessage, in desk: inout DeskContext) -> [Effect]? {
        switch message {
        case .submissionLoaded(let id, let result) where id == self.id:
            isLoading = false
            switch result {
            case .success(let submission): self.submission = submission
            case .failure(let error): desk.showError(error)
            }
            return checkSpelling(desk)
        case .historyLoaded(let id, let result) where id == self.id:
            if case .success(let history) = result { self.history = history }
            return []
        case .differencesLoaded(let id, let result) where id == self.id:
            isLoading = false
            switch result {
            case .success(let differences):
                self.differences = differences
                pager = PagerState()
            case .failure(let error):
                showsDifferences = false
                desk.showError(error)
            }
            return []
        case .noteAdded(let id, .success) where id == self.id:
            // The note is in its history now: read again.
            desk.notify(Strings.noteAdded(desk.language))
            isLoading = true
            return [.loadSubmission(id)]
        case .readerSpellChecked(let id, let text, let findings) where id == self.id:
            // Kept while that is still the text shown; a step asked for meanwhile is taken now.
            guard spellingText(language: desk.language) == text else { return [] }
            self.findings = findings
            checkedText = text
            currentFinding = nil
            let step = stepWhenChecked
            stepWhenChecked = nil
            if let step, desk.isOnTop { stepFinding(forward: step, in: &desk) }
            return []
        default:
            return nil
        }
    }

    /// A decision on its item: shown as decided, and read again (its history has the decision now).
    mutating func decided(_ item: Submission, in desk: inout DeskContext) -> [Effect] {
        guard item.summary.id == id else { return [] }
        submission = item
        differences = nil
        return checkSpelling(desk) + [.loadSubmission(id)]
    }
}
