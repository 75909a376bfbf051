/// An older revision's text kept as what differs from the revision after it: for each of
/// title, sapo and body, how many UTF-8 bytes it shares with the newer text at the start and
/// at the end, and the words between (stored in the revision's own text columns). An edit
/// touches one place of an item more often than not, so an older revision costs that place,
/// not a second copy of the item (migration 18, Docs/performance.md).
struct RevisionDelta: Equatable, Sendable {
    /// One field's shared start and end, in UTF-8 bytes of the newer text, and its own middle.
    struct Part: Equatable, Sendable {
        var prefix: Int
        var suffix: Int
        var middle: String
    }

    var title: Part
    var sapo: Part
    var body: Part

    /// The delta that turns `newer` back into `older`.
    init(older: (title: String, sapo: String, body: String), newer: (title: String, sapo: String, body: String)) {
        title = Self.part(older: older.title, newer: newer.title)
        sapo = Self.part(older: older.sapo, newer: newer.sapo)
        body = Self.part(older: older.body, newer: newer.body)
    }

    /// A delta as the revisions table holds it: the `delta` column and the three middles; nil
    /// when the column does not say six lengths.
    init?(stored: String, title: String, sapo: String, body: String) {
        let lengths = stored.split(separator: ",").compactMap { Int($0) }
        guard lengths.count == 6, lengths.allSatisfy({ $0 >= 0 }) else { return nil }
        self.title = Part(prefix: lengths[0], suffix: lengths[1], middle: title)
        self.sapo = Part(prefix: lengths[2], suffix: lengths[3], middle: sapo)
        self.body = Part(prefix: lengths[4], suffix: lengths[5], middle: body)
    }

    /// The lengths, for the `delta` column.
    var stored: String {
        [title, sapo, body].map { "\($0.prefix),\($0.suffix)" }.joined(separator: ",")
    }

    /// The older text, from the newer one; nil when the lengths do not fit it (a damaged row).
    func older(than newer: (title: String, sapo: String, body: String)) -> (title: String, sapo: String, body: String)? {
        guard let title = Self.apply(title, to: newer.title), let sapo = Self.apply(sapo, to: newer.sapo),
              let body = Self.apply(body, to: newer.body) else { return nil }
        return (title, sapo, body)
    }

    private static func part(older: String, newer: String) -> Part {
        let old = Array(older.utf8), new = Array(newer.utf8)
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        // The middle starts and ends between characters, so it is text of its own: the bytes
        // shared so far are the same in both, so a boundary in one is a boundary in the other.
        while prefix > 0 && prefix < old.count && isContinuation(old[prefix]) { prefix -= 1 }
        var suffix = 0
        let most = min(old.count, new.count) - prefix
        while suffix < most && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        while suffix > 0 && isContinuation(old[old.count - suffix]) { suffix -= 1 }
        return Part(prefix: prefix, suffix: suffix, middle: String(decoding: old[prefix..<(old.count - suffix)], as: UTF8.self))
    }

    private static func apply(_ part: Part, to newer: String) -> String? {
        let new = Array(newer.utf8)
        guard part.prefix <= new.count, part.suffix <= new.count - part.prefix else { return nil }
        var old = Array(new[0..<part.prefix])
        old.append(contentsOf: part.middle.utf8)
        old.append(contentsOf: new[(new.count - part.suffix)...])
        return String(decoding: old, as: UTF8.self)
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0b1100_0000 == 0b1000_0000 }
}
