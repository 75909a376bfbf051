import TerminalUI

/// Leaving the queue: Escape and q step back out of a filter before they quit, and
/// quitting asks first when something would be left behind (words not yet on the portal,
/// the demo's sample portal), as mutt does with quit=ask-yes: y, or the same key again.
extension AppState {
    /// Clears the queue's filter and the filter form's criteria; false when there were none.
    mutating func clearNarrowing() -> Bool {
        guard !queue.filterText.isEmpty || !queue.criteria.isEmpty else { return false }
        queue.setFilter("", visibleRows: tableRows)
        queue.setCriteria(QueueCriteria(), visibleRows: tableRows)
        notify(Strings.filterCleared(queue.table.rowCount)(language))
        return true
    }

    /// Quits, or asks first when it would leave something behind.
    mutating func quit() -> [Effect] {
        var reasons: [String] = []
        let unsaved = overlays.filter { if case .editor(let editor) = $0 { return editor.editor.isModified } else { return false } }.count
        if unsaved > 0 { reasons.append(Strings.quitUnsavedEditors(unsaved)(language)) }
        let kept = leftoverEdits.count
        if kept > 0 { reasons.append(Strings.quitJournalEntries(kept)(language)) }
        if isDemo { reasons.append(Strings.quitDemo(language)) }
        guard !reasons.isEmpty else { return [.quit] }
        let again = quitKeys.compactMap { keys -> String? in
            guard keys.count == 1, case .char = keys[0] else { return nil }
            return keys[0].name
        }.first ?? "q"
        dialog = Dialog(title: Strings.quitTitle(language),
                        message: reasons.joined(separator: " ") + " " + Strings.quitHint(again: again)(language),
                        choices: [.init(key: "y", label: Strings.quitChoice(language), answer: .quit),
                                  .init(key: "n", label: Strings.stayChoice(language), answer: .dismiss)],
                        cancel: .dismiss)
        return []
    }

    /// Whether leaving the screen on top leaves bientap: the queue, or a screen that says so
    /// alone over it (the royalties an accountant landed on).
    var backQuits: Bool {
        overlays.isEmpty || (overlays.count == 1 && overlays[0].screen.backQuits)
    }

    /// The keys that quit from the queue (back and quit): pressed again, they confirm.
    var quitKeys: [[Key]] {
        keymap.keys(for: .back, in: AppActions.queue) + keymap.keys(for: .quit, in: AppActions.queue)
    }
}
