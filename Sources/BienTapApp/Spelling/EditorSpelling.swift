import Foundation
import VietText

/// The built-in editor's spell check, apart from the text: when to ask for a check (a
/// moment after typing stops, at once the first time), the findings of the last answer and
/// the words let pass, and what waits for the first answer (a step, a fix asked from the reader).
struct EditorSpelling {
    /// Whoever runs the editor checks spelling when asked (`checkSpelling`).
    let enabled: Bool
    /// The findings of the text as it was at change `checkedChanges`.
    private(set) var findings: [Finding] = []
    /// -1 before the first answer.
    private var checkedChanges = -1
    /// The change count of the check under way.
    private var underWay: Int?
    /// When to check again: a moment after typing stops.
    private var due: Date?
    /// The change count last seen, to tell typing from a pause.
    private var seenChanges = -1
    /// Words the user chose to ignore (lower case), or added to the dictionary.
    private var passed: Set<String> = []
    /// The finding whose dialog is open.
    var fixing: Finding?
    /// A step to a finding asked for before the first check answered: taken when it does
    /// (forward or not).
    var stepWhenChecked: Bool?
    /// F8 in the reader: the finding whose fixes are offered once the first check answers.
    var fixWhenChecked: EditorState.FindingToFix?

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Whether a check has answered yet.
    var hasAnswered: Bool { checkedChanges >= 0 }

    /// When a check is to be asked for; nil while one is under way, or none is due.
    var wake: Date? { underWay == nil ? due : nil }

    /// The text is at change `changes`: a check is due a moment after typing stops (at once the first time).
    mutating func saw(changes: Int, now: Date) {
        guard enabled, changes != seenChanges else { return }
        due = now.addingTimeInterval(seenChanges < 0 ? 0 : 0.6)
        seenChanges = changes
    }

    /// Whether to ask now for a check of the text at change `changes`; when so, it is under way.
    mutating func start(changes: Int, now: Date) -> Bool {
        guard let due, now >= due, underWay == nil else { return false }
        self.due = nil
        underWay = changes
        return true
    }

    /// The checker's answer for the text at change `changes`, the text being at `current`
    /// now: when it has changed since, it is checked again.
    mutating func answered(_ found: [Finding], changes: Int, current: Int, now: Date) {
        underWay = nil
        findings = found
        checkedChanges = changes
        if changes != current { due = due ?? now }
    }

    /// The word is not shown as a finding any more (ignored, or added to the dictionary).
    mutating func pass(_ word: String) {
        passed.insert(word.lowercased())
    }

    /// Findings to show: not passed, and still on the words they were found on in `lines`
    /// (the text may have changed since the check, elsewhere).
    func visible(in lines: [[Character]]) -> [Finding] {
        findings.filter { finding in
            guard !passed.contains(finding.word.lowercased()), finding.line >= 1, finding.line <= lines.count else { return false }
            let line = lines[finding.line - 1]
            let start = finding.column - 1, end = start + finding.length
            return start >= 0 && end <= line.count && String(line[start..<end]) == finding.word
        }
    }
}
