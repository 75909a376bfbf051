import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// Someone saved the submission while it was being edited here: their text and mine,
/// hunk by hunk, each side shown word by word against the text both started from, with
/// a choice per hunk (theirs, mine, both, or both sides' words combined).
struct MergeScreen {
    var merge: LineMerge
    /// The portal's revision "theirs" is.
    let theirRevision: Int
    /// The text of that revision, which the merged text is saved over.
    let theirs: String
    /// The hunk the keys act on.
    var current = 0
    var pager = PagerState()

    init(base: String, mine: String, theirs: String, theirRevision: Int) {
        // The title and sapo lines, before the blank line (SubmissionText), are one line each.
        let header = base.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        merge = LineMerge(base: base, mine: mine, theirs: theirs, oneLineFields: header)
        self.theirs = theirs
        self.theirRevision = theirRevision
    }

    var hunkCount: Int { merge.hunks.count }

    /// What a merge-view action leaves the editor to do.
    enum Outcome: Equatable {
        /// Still merging; a notice for the status bar when the action could not be done.
        case stay(notice: String?)
        /// Save the merged text.
        case apply
        /// Back to my text, unmerged.
        case leave
        case help
    }

    /// Does `id` to the view: a choice for the current hunk, a step between hunks, a scroll.
    mutating func perform(_ id: DeskAction, width: Int, visibleRows: Int, theme: Theme, language: UILanguage) -> Outcome {
        switch id {
        case .takeTheirs, .takeMine, .takeBoth, .takeCombined:
            let choice: LineMerge.Choice = id == .takeTheirs ? .theirs : id == .takeMine ? .mine : id == .takeBoth ? .both : .combined
            return .stay(notice: choose(choice) ? nil : (choice == .both ? Strings.bothNotOffered : Strings.notOffered)(language))
        case .nextHunk, .previousHunk:
            step(by: id == .nextHunk ? 1 : -1, width: width, visibleRows: visibleRows, theme: theme, language: language)
        case .applyMerge:
            return .apply
        case .back, .quit:
            return .leave
        case .help:
            return .help
        default:
            let count = layout(width: width, theme: theme, language: language).lines.count
            if let move = id.move { pager.apply(move, lineCount: count, visibleRows: visibleRows) }
        }
        return .stay(notice: nil)
    }

    mutating func choose(_ choice: LineMerge.Choice) -> Bool {
        let hunks = merge.hunks
        guard hunks.indices.contains(current), hunks[current].choices.contains(choice) else { return false }
        merge.choose(choice, hunk: current)
        return true
    }

    /// Moves to another hunk and scrolls it to the top of the view.
    mutating func step(by delta: Int, width: Int, visibleRows: Int, theme: Theme, language: UILanguage) {
        guard hunkCount > 0 else { return }
        current = min(max(0, current + delta), hunkCount - 1)
        let (lines, starts) = layout(width: width, theme: theme, language: language)
        pager.top = 0
        pager.scroll(by: max(0, starts[current] - 1), lineCount: lines.count, visibleRows: visibleRows)
    }

    /// The view, wrapped to `width`, and the row each hunk starts on.
    func layout(width: Int, theme: Theme, language: UILanguage) -> (lines: [StyledLine], hunkStarts: [Int]) {
        var source: [StyledLine] = []
        var starts: [Int] = []
        var wrappedCount = 0
        func add(_ lines: [StyledLine]) {
            source += lines
            wrappedCount += PagerView.wrap(lines, width: width).count
        }
        let conflicts = merge.conflictCount
        add([StyledLine(Strings.mergeIntro(theirRevision, hunks: hunkCount, conflicts: conflicts)(language), style: theme.accent),
             StyledLine("")])
        var index = 0
        let parts = merge.parts
        for (p, part) in parts.enumerated() {
            switch part {
            case .same(let lines):
                // Only the lines next to a hunk, for context.
                let before = p > 0 ? Array(lines.prefix(1)) : []
                let after = p < parts.count - 1 ? Array(lines.suffix(1)) : []
                let skipped = lines.count - before.count - after.count
                var shown = before.map { StyledLine($0, style: theme.dim) }
                if skipped > 0 { shown.append(StyledLine(Strings.sameLines(skipped)(language), style: theme.dim)) }
                else if lines.count > before.count { shown = lines.map { StyledLine($0, style: theme.dim) } }
                if skipped > 0 { shown += after.map { StyledLine($0, style: theme.dim) } }
                add(shown)
            case .hunk(let hunk):
                starts.append(wrappedCount)
                let isCurrent = index == current
                let heading = Strings.hunkHeading(index + 1, of: hunkCount, conflict: hunk.isConflict,
                                                  chosen: Strings.mergeChoice(hunk.choice)(language))(language)
                add([StyledLine(heading, style: isCurrent ? theme.selected : theme.header)])
                let base = hunk.base.joined(separator: "\n")
                for choice in hunk.choices {
                    let mark = hunk.choice == choice ? "▶ " : "  "
                    add([StyledLine(mark + Strings.mergeChoiceLabel(choice, revision: theirRevision)(language),
                                    style: hunk.choice == choice ? theme.accent : theme.normal)])
                    let text: String
                    switch choice {
                    case .theirs: text = hunk.theirs.joined(separator: "\n")
                    case .mine: text = hunk.mine.joined(separator: "\n")
                    case .combined: text = (hunk.combined ?? []).joined(separator: "\n")
                    case .both: continue   // theirs then mine, both already shown
                    }
                    if text.isEmpty {
                        add([StyledLine("    " + Strings.mergeRemoved(language), style: theme.dim)])
                    } else {
                        add(DiffLines.lines(from: base, to: text, theme: theme).map { indent($0) })
                    }
                }
                add([StyledLine("")])
                index += 1
            }
        }
        return (PagerView.wrap(source, width: width), starts)
    }

    private func indent(_ line: StyledLine) -> StyledLine {
        StyledLine("    " + line.text, style: line.style,
                   spans: line.spans.map { TextSpan($0.range.lowerBound + 4..<$0.range.upperBound + 4, style: $0.style) })
    }
}
