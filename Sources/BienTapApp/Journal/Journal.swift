import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// Words not yet saved, kept on disk while someone types: one file per document under
/// `$XDG_STATE_HOME/bientap/journal` (or `~/.local/state/bientap/journal`), written
/// whole, synced and renamed into place at most a second after a change. It outlives a
/// dropped SSH session, a `kill -9` or a crash; the next start offers it back. An entry
/// goes only when what it holds has been saved (the file written, the portal's answer
/// received) or the user has chosen to throw it away.
public struct Journal: Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        /// Which document: `file:/absolute/path`, or `submission:PORTAL#ID`.
        public var key: String
        /// What to call it when offering it back.
        public var label: String
        /// The text as it was when editing began.
        public var base: String
        /// The portal's revision `base` is, for a submission: a save of the restored words
        /// names it, so words restored over a newer revision go through the merge.
        public var revision: Int?
        /// The unsaved text.
        public var text: String
        public var savedAt: Date

        public init(key: String, label: String, base: String, revision: Int? = nil, text: String, savedAt: Date) {
            self.key = key
            self.label = label
            self.base = base
            self.revision = revision
            self.text = text
            self.savedAt = savedAt
        }
    }

    public let directory: String

    public init(directory: String) { self.directory = directory }

    public init(environment: [String: String]) {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        self.init(directory: state + "/bientap/journal")
    }

    public static func key(file path: String) -> String {
        "file:" + URL(fileURLWithPath: path).standardizedFileURL.path
    }

    public static func key(portal: String, submission id: Int64) -> String {
        "submission:" + portal + "#" + String(id)
    }

    /// The submission of `portal` an entry is for; nil for other entries.
    public static func submission(of key: String, portal: String) -> Int64? {
        let prefix = "submission:" + portal + "#"
        return key.hasPrefix(prefix) ? Int64(key.dropFirst(prefix.count)) : nil
    }

    /// Every entry, oldest first.
    public func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.compactMap { name in
            FileManager.default.contents(atPath: directory + "/" + name).flatMap { try? WireFormat.decoder().decode(Entry.self, from: $0) }
        }.sorted { $0.savedAt < $1.savedAt }
    }

    /// The file an entry lives in: a digest of its key, so any key makes a safe name.
    private func path(for key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return directory + "/" + String(hash, radix: 16) + ".json"
    }

    public func write(_ entry: Entry) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let data = try WireFormat.encoder().encode(entry)
        try SafeFile.write(String(decoding: data, as: UTF8.self), to: path(for: entry.key), mode: 0o600)
    }

    public func entry(for key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path(for: key)),
              let entry = try? WireFormat.decoder().decode(Entry.self, from: data), entry.key == key else { return nil }
        return entry
    }

    public func remove(key: String) {
        unlink(path(for: key))
    }

    /// The words an earlier session left of a document that opens with `base`, to offer
    /// back; nil when there are none, or when they are `base` itself (saved after all, by
    /// another way: the entry goes).
    public func leftover(for key: String, base: String) -> Entry? {
        guard let kept = entry(for: key) else { return nil }
        guard kept.text != base else {
            remove(key: key)
            return nil
        }
        return kept
    }

}
