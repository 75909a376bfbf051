/// Spellings to numbers, found from their UTF-8 bytes (as the tokenizer
/// hands words over, without first making a `String` of each): open
/// addressing over an FNV-1a hash, the bytes kept in one arena. For NFC
/// text, where equal bytes are what equal spellings are, it does what a
/// `[String: Int]` does at a fraction of the cost of `String`'s normalising
/// hash and comparison.
struct SpellingTable: Sendable {
    private struct Entry {
        var hash: UInt64
        var start: Int
        var count: Int
        var value: Int
    }

    /// Entry numbers plus one (0 marks an empty slot); a power of two, at most half full.
    private var slots: [Int32]
    private var entries: [Entry] = []
    private var arena: [UInt8] = []

    init(capacity: Int = 0) {
        var size = 1 << 10
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
    }

    func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            let entry = entries[Int(slots[i]) - 1]
            if entry.hash == hash && entry.count == key.count
                && arena.withUnsafeBufferPointer({ UnsafeBufferPointer(rebasing: $0[entry.start..<entry.start + entry.count]).elementsEqual(key) }) {
                return entry.value
            }
            i = (i + 1) & mask
        }
        return nil
    }

    var count: Int { entries.count }

    func value(for text: String) -> Int? {
        var text = text
        return text.withUTF8 { value(for: $0) }
    }

    /// Adds `text`, which must not be there yet.
    mutating func insert(_ text: String, value: Int) {
        var text = text
        text.withUTF8 { insert($0, value: value) }
    }

    /// Adds `key`, which must not be there yet.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) {
        if (entries.count + 1) * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for (n, entry) in entries.enumerated() { place(entry.hash, n) }
        }
        let hash = Self.hash(key)
        entries.append(Entry(hash: hash, start: arena.count, count: key.count, value: value))
        arena.append(contentsOf: key)
        place(hash, entries.count - 1)
    }

    private mutating func place(_ hash: UInt64, _ entry: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(entry + 1)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash ^ (hash >> 29)
    }
}
