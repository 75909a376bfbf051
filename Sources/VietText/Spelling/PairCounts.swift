/// How often each two syllables stood side by side in the counted prose, by
/// pair number (first entry << 32 | second entry): the word model's context.
/// Open addressing like `PairSet`, with a count beside each key.
struct PairCounts: Sendable {
    /// Keys plus one (0 marks an empty slot); the size a power of two, at most half full.
    private var keys: [Int]
    private var counts: [UInt32]
    private(set) var count = 0

    init(capacity: Int = 0) {
        var size = 1 << 10
        while size < capacity * 2 { size <<= 1 }
        keys = [Int](repeating: 0, count: size)
        counts = [UInt32](repeating: 0, count: size)
    }

    /// How often `first` came before `second`; 0 for a pair never counted.
    func callAsFunction(_ first: Int, _ second: Int) -> Int {
        guard first >= 0, second >= 0 else { return 0 }
        let key = first << 32 | second
        let mask = keys.count - 1
        var i = Self.slot(key, mask)
        while true {
            let slot = keys[i]
            if slot == 0 { return 0 }
            if slot == key &+ 1 { return Int(counts[i]) }
            i = (i + 1) & mask
        }
    }

    /// Adds `amount` to the pair's count.
    mutating func add(_ first: Int, _ second: Int, _ amount: Int) {
        let key = first << 32 | second
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = Self.slot(key, mask)
        while keys[i] != 0 && keys[i] != key &+ 1 { i = (i + 1) & mask }
        if keys[i] == 0 {
            keys[i] = key &+ 1
            count += 1
        }
        counts[i] = UInt32(min(Int(UInt32.max), Int(counts[i]) + amount))
    }

    private mutating func grow() {
        let (oldKeys, oldCounts) = (keys, counts)
        keys = [Int](repeating: 0, count: oldKeys.count * 2)
        counts = [UInt32](repeating: 0, count: oldKeys.count * 2)
        count = 0
        for (key, value) in zip(oldKeys, oldCounts) where key != 0 {
            add((key &- 1) >> 32, (key &- 1) & 0xFFFF_FFFF, Int(value))
        }
    }

    private static func slot(_ key: Int, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
