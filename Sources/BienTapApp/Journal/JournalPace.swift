import Foundation

/// When an editor's words go to the journal: at once when they change after a pause, then
/// at most once a second while typing goes on, and 5 s after a write failed. It knows too
/// whether the journal may hold an entry of the document, so nothing is dropped for naught.
struct JournalPace {
    /// The editor's change count when the text was last asked to be written; -1: write it whatever it is.
    private var changes = 0
    /// The journal may hold an entry: one was asked for, or an earlier session left one.
    var holds = false
    /// When the last entry was asked for (its `savedAt`).
    private var lastWrite = Date.distantPast
    /// When the next write is due, while one waits.
    private(set) var due: Date?

    /// Whether the text at change `current` is to be written now; when it is, it counts as written.
    mutating func write(changes current: Int, now: Date) -> Bool {
        guard current != changes else {
            due = nil
            return false
        }
        let next = lastWrite.addingTimeInterval(1)
        guard now >= next else {
            due = next
            return false
        }
        changes = current
        lastWrite = now
        due = nil
        holds = true
        return true
    }

    /// Nothing is to be written for now (no journal kept, or earlier words being offered).
    mutating func wait() {
        due = nil
    }

    /// The entry goes at change `current` (saved, or thrown away): true when there may be
    /// one to drop. What is typed next is written at once.
    mutating func drop(changes current: Int) -> Bool {
        changes = current
        due = nil
        lastWrite = .distantPast
        defer { holds = false }
        return holds
    }

    /// The next change is written at once (the session is ending).
    mutating func hurry() {
        lastWrite = .distantPast
    }

    /// The text is written again at once, changed or not (the base under it changed).
    mutating func rewrite() {
        lastWrite = .distantPast
        changes = -1
    }

    /// The entry asked for at `savedAt` could not be written: true when it was the last one
    /// asked for, which is then tried again in 5 s; false when a newer one (or a drop) followed.
    mutating func failed(savedAt: Date, now: Date) -> Bool {
        guard savedAt == lastWrite else { return false }
        changes = -1
        due = now.addingTimeInterval(5)
        lastWrite = now.addingTimeInterval(4)
        return true
    }
}
