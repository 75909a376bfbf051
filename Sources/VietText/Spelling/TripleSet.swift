import Foundation

/// Three syllables in a row that the word model's prose has often
/// (`Scripts/spelling-model.py`'s vi-triples.bin), kept as the file has them:
/// by the syllables' lines in the model, sorted. Read straight into arrays —
/// hashing 350,000 triples at load cost more than the rest of the load — and
/// found by the first syllable's run, then a binary search within it.
struct TripleSet: Sendable {
    /// Each triple's second and third lines (second << bits | third), sorted within each first line's run.
    private var rest: [UInt32] = []
    /// Where each first line's run starts in `rest`; one more than the lines.
    private var starts: [Int32] = []
    /// Each entry's line in the model (-1: none): the line its triples were written with.
    private var lineOf: [Int32] = []
    /// Triples written with a spelling whose entry has another line (hoà beside hòa), by entries.
    private var others: Set<UInt64> = []
    private var bits = 0

    var count: Int { rest.count + others.count }

    init() {}

    /// Reads `data`: a line "bientap-triples count bits min", then each three lines packed in one
    /// number (first << 2·bits | second << bits | third), sorted, as the step from the one before
    /// in LEB128. `entries` maps a model line to its entry (-1: none). Nil when malformed.
    init?(data: Data, entries: [Int]) {
        let parsed: Bool = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let end = bytes.firstIndex(of: 0x0A) else { return false }
            let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self).split(separator: " ")
            guard header.count == 4, header[0] == "bientap-triples", let count = Int(header[1]), count >= 0,
                  let bits = Int(header[2]), (1...15).contains(bits), entries.count <= 1 << bits else { return false }
            self.bits = bits
            var lineOf = [Int32](repeating: -1, count: (entries.max() ?? -1) + 1)
            for (line, entry) in entries.enumerated() where entry >= 0 && lineOf[entry] < 0 { lineOf[entry] = Int32(line) }
            self.lineOf = lineOf
            rest.reserveCapacity(min(count, bytes.count))
            starts = [Int32](repeating: 0, count: entries.count + 1)
            let mask = (1 << bits) - 1
            var key = 0, step = 0, shift = 0, first = 0
            for byte in bytes[(end + 1)...] {
                guard shift < 56 else { return false }
                step |= Int(byte & 0x7F) << shift
                if byte & 0x80 != 0 { shift += 7; continue }
                key &+= step
                (step, shift) = (0, 0)
                let a = key >> (2 * bits), b = key >> bits & mask, c = key & mask
                guard a < entries.count, a >= first, b < entries.count, c < entries.count else { return false }
                let ids = (entries[a], entries[b], entries[c])
                guard ids.0 >= 0, ids.1 >= 0, ids.2 >= 0 else { continue }
                if Int(lineOf[ids.0]) != a || Int(lineOf[ids.1]) != b || Int(lineOf[ids.2]) != c {
                    others.insert(Self.key(ids.0, ids.1, ids.2))
                    continue
                }
                while first < a { first += 1; starts[first] = Int32(rest.count) }
                rest.append(UInt32(key & (1 << (2 * bits) - 1)))
            }
            while first < entries.count { first += 1; starts[first] = Int32(rest.count) }
            return shift == 0
        }
        guard parsed else { return nil }
    }

    private static func key(_ a: Int, _ b: Int, _ c: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: a) << 42 | UInt64(truncatingIfNeeded: b) << 21 | UInt64(truncatingIfNeeded: c)
    }

    /// Whether the model counted entries `a`, `b`, `c` in a row often.
    func contains(_ a: Int, _ b: Int, _ c: Int) -> Bool {
        guard a >= 0, b >= 0, c >= 0, a < lineOf.count, b < lineOf.count, c < lineOf.count else { return false }
        if !others.isEmpty && others.contains(Self.key(a, b, c)) { return true }
        let first = Int(lineOf[a]), second = lineOf[b], third = lineOf[c]
        guard first >= 0, second >= 0, third >= 0 else { return false }
        let wanted = UInt32(second) << UInt32(bits) | UInt32(third)
        return rest.withUnsafeBufferPointer { rest in
            var low = Int(starts[first]), high = Int(starts[first + 1])
            while low < high {
                let middle = (low + high) / 2
                if rest[middle] < wanted { low = middle + 1 } else { high = middle }
            }
            return low < rest.count && low < Int(starts[first + 1]) && rest[low] == wanted
        }
    }
}
