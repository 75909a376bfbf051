/// The word model's verdict on each three neighbouring syllables a check has
/// judged (left, syllable, right → the fix, or none): prose repeats its
/// phrases, and this is looked up for most syllables of a long text.
/// Open addressing with a multiplicative hash, like `PairSet`: a `Dictionary`'s
/// SipHash cost more than the judgement it saved.
struct TripleVerdicts {
    /// Keys plus one (0 marks an empty slot); a power of two, at most half full.
    private var keys = [Int](repeating: 0, count: 1 << 12)
    private var fixes = [Int32](repeating: 0, count: 1 << 12)
    private var count = 0

    /// The key of three entry numbers, each below 2^21 (-1, no neighbour, as all ones).
    static func key(_ left: Int?, _ mid: Int, _ right: Int?) -> Int {
        ((left ?? 0x1F_FFFF) & 0x1F_FFFF) << 42 | (mid & 0x1F_FFFF) << 21 | ((right ?? 0x1F_FFFF) & 0x1F_FFFF)
    }

    /// nil: never judged; .some(nil): the syllable stands.
    func verdict(_ key: Int) -> Int?? {
        let mask = keys.count - 1
        var i = Self.slot(key, mask)
        while true {
            let slot = keys[i]
            if slot == 0 { return nil }
            if slot == key &+ 1 { return fixes[i] < 0 ? .some(nil) : .some(Int(fixes[i])) }
            i = (i + 1) & mask
        }
    }

    mutating func record(_ key: Int, fix: Int?) {
        if (count + 1) * 2 > keys.count {
            let (oldKeys, oldFixes) = (keys, fixes)
            keys = [Int](repeating: 0, count: oldKeys.count * 2)
            fixes = [Int32](repeating: 0, count: oldKeys.count * 2)
            count = 0
            for (k, f) in zip(oldKeys, oldFixes) where k != 0 { record(k &- 1, fix: f < 0 ? nil : Int(f)) }
        }
        let mask = keys.count - 1
        var i = Self.slot(key, mask)
        while keys[i] != 0 && keys[i] != key &+ 1 { i = (i + 1) & mask }
        if keys[i] == 0 { count += 1 }
        keys[i] = key &+ 1
        fixes[i] = Int32(truncatingIfNeeded: fix ?? -1)
    }

    private static func slot(_ key: Int, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
