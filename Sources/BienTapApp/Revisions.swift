import NewsroomKit
import TerminalUI
import VietText

/// Any two revisions of the item in the reader, word by word: `v` asks which (the older
/// and the newer, from the item's history), and the reader's difference view shows them
/// until another pair is chosen.
extension AppState {
    mutating func startComparison() -> [Effect] {
        guard case .reader(let reader)? = overlays.last else { return [] }
        guard let history = reader.history else {
            notify(Strings.historyLoading(language))
            return []
        }
        let revisions = history.revisions.sorted { $0.number < $1.number }
        guard revisions.count >= 2 else {
            notify(Strings.oneRevisionOnly(language))
            return []
        }
        let options = revisions.map { Strings.revisionOption($0)(language) }
        // What was chosen last, else the newest change: the revision before the last against the last.
        let older = reader.compared.flatMap { pair in revisions.firstIndex { $0.number == pair.lowerBound } } ?? revisions.count - 2
        let newer = reader.compared.flatMap { pair in revisions.firstIndex { $0.number == pair.upperBound } } ?? revisions.count - 1
        form = Form(title: Strings.compareTitle(reader.id)(language),
                    fields: [.choice(.olderRevision, Strings.fieldFromRevision(language), options: options, selected: older),
                             .choice(.newerRevision, Strings.fieldToRevision(language), options: options, selected: newer)],
                    labels: formLabels(), now: now)
        formPurpose = .compare(id: reader.id, revisions: revisions.map(\.number))
        return []
    }

    mutating func submitComparison(_ id: Int64, _ revisions: [Int], _ values: [FormKey: FormValue], form before: Form<FormKey>) -> [Effect] {
        guard case .choice(let a)? = values[.olderRevision], case .choice(let b)? = values[.newerRevision],
              revisions.indices.contains(a), revisions.indices.contains(b) else { return [] }
        guard a != b else {
            form = before
            notify(Strings.sameRevision(language), kind: .warning)
            return []
        }
        guard case (let index, var reader)? = openReader(id) else { return [] }
        let pair = min(revisions[a], revisions[b])...max(revisions[a], revisions[b])
        reader.compared = pair
        reader.showsDifferences = true
        reader.differences = nil
        reader.isLoading = true
        reader.pager = PagerState()
        overlays[index] = .reader(reader)
        loadStarted = now
        return [.loadDifferences(id, pair)]
    }
}
