/// How often each two syllables stood side by side in the counted prose, by
/// their entry numbers: the word model's context. Open addressing like
/// `PairSet`, the pair and its count packed in one word, so that a lookup
/// touches one cache line (two arrays cost two misses on a table this size).
struct PairCounts: Sendable {
    /// (first << 21 | second) + 1 in the low 42 bits (0 marks an empty slot), the
    /// count above them; the size a power of two, at most half full.
    private var slots: [UInt64]
    private(set) var count = 0

    /// Entry numbers are below 2^21; counts saturate at 2^22 - 1.
    private static let keyBits: UInt64 = 42
    private static let keyMask: UInt64 = (1 << keyBits) - 1
    private static let maxCount = (1 << (64 - keyBits)) - 1

    init(capacity: Int = 0) {
        var size = 1 << 10
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
    }

    private static func key(_ first: Int, _ second: Int) -> UInt64? {
        guard first >= 0, second >= 0, first < 1 << 21, second < 1 << 21 else { return nil }
        return UInt64(first << 21 | second) + 1
    }

    /// How often `first` came before `second`; 0 for a pair never counted.
    func callAsFunction(_ first: Int, _ second: Int) -> Int {
        guard let key = Self.key(first, second) else { return 0 }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Self.slot(key, mask)
            while true {
                let slot = slots[i]
                if slot == 0 { return 0 }
                if slot & Self.keyMask == key { return Int(slot >> Self.keyBits) }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds `amount` to the pair's count.
    mutating func add(_ first: Int, _ second: Int, _ amount: Int) {
        guard let key = Self.key(first, second) else { return }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Self.slot(key, mask)
        while slots[i] != 0 && slots[i] & Self.keyMask != key { i = (i + 1) & mask }
        if slots[i] == 0 { count += 1 }
        let total = min(Self.maxCount, Int(slots[i] >> Self.keyBits) + max(amount, 0))
        slots[i] = UInt64(total) << Self.keyBits | key
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot != 0 {
            var i = Self.slot(slot & Self.keyMask, mask)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
