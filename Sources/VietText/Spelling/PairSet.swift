/// A set of pair numbers looked up on every two neighbouring syllables of a
/// text: open addressing with a multiplicative hash, a third of the cost of
/// `Set<Int>`'s SipHash, which guards against inputs chosen to collide that
/// a table built from bientap's own word list never meets.
struct PairSet: Sendable {
    /// Keys plus one (0 marks an empty slot); the size a power of two, at most half full.
    private var slots = [Int](repeating: 0, count: 1 << 12)
    private var count = 0

    func contains(_ key: Int) -> Bool {
        let mask = slots.count - 1
        var i = Self.slot(key, mask)
        while true {
            let slot = slots[i]
            if slot == 0 { return false }
            if slot == key &+ 1 { return true }
            i = (i + 1) & mask
        }
    }

    /// Adds `key`; false when it was there.
    mutating func insert(_ key: Int) -> Bool {
        if contains(key) { return false }
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = [Int](repeating: 0, count: old.count * 2)
            count = 0
            for slot in old where slot != 0 { _ = insert(slot &- 1) }
        }
        let mask = slots.count - 1
        var i = Self.slot(key, mask)
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = key &+ 1
        count += 1
        return true
    }

    private static func slot(_ key: Int, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
