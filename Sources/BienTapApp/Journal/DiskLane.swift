import Dispatch
import Foundation

/// The editors' disk work: journal entries kept and dropped, files written. It runs off
/// the UI thread, so typing never waits on a slow home directory, and one piece at a time
/// in the order asked: a later entry is never overtaken by an earlier one, and an entry
/// dropped after a save is not written back by one asked before it. Whoever ends the
/// program waits for `finish()` first, so nothing asked is lost on the way out.
public final class DiskLane: Sendable {
    private let queue = DispatchQueue(label: "bientap.disk")
    /// Where unsaved words are kept; nil keeps none.
    public let journal: Journal?

    public init(journal: Journal?) {
        self.journal = journal
    }

    /// Writes `entry`; `failed` gets the reason when it could not be written.
    public func keep(_ entry: Journal.Entry, failed: @escaping @Sendable (FileFailure) -> Void) {
        guard let journal else { return }
        queue.async {
            do { try journal.write(entry) } catch { failed(FileFailure(error)) }
        }
    }

    /// Removes the entry of `key`: its words are saved, or were thrown away.
    public func drop(key: String) {
        guard let journal else { return }
        queue.async { journal.remove(key: key) }
    }

    /// Writes `text` to `path` whole or not at all (`SafeFile`); a rescue copy takes the
    /// permissions of the file it rescues. `done` gets nil, or why it could not.
    public func write(_ text: String, to path: String, rescuing original: String? = nil,
                      done: @escaping @Sendable (FileFailure?) -> Void = { _ in }) {
        queue.async {
            do {
                if let original {
                    try SafeFile.write(text, to: path, permissionsOf: original)
                } else {
                    try SafeFile.write(text, to: path)
                }
                done(nil)
            } catch {
                done(FileFailure(error))
            }
        }
    }

    /// Every entry in the journal, oldest first, read after every write asked before.
    public func entries() -> [Journal.Entry] {
        guard let journal else { return [] }
        return queue.sync { journal.entries() }
    }

    /// What an earlier session left of a document opened with `base`, read after every
    /// write asked before (`Journal.leftover`).
    public func leftover(for key: String, base: String) -> Journal.Entry? {
        guard let journal else { return nil }
        return queue.sync { journal.leftover(for: key, base: base) }
    }

    /// Returns once everything asked so far is on the disk.
    public func finish() {
        queue.sync {}
    }
}
