import Foundation

/// The arithmetic of a royalty (Nghị định 18/2014/NĐ-CP Điều 7): coefficient × one unit,
/// one unit = a percentage (10) of the base salary; or a fixed amount; a component site
/// paid a percentage of what its source table pays; split among co-authors to the đồng.
public enum RoyaltyMath {
    /// One coefficient unit in đồng: `percent` of `baseSalary`, rounded half up to the đồng.
    public static func unitValue(baseSalary: Int64, percent: Double) -> Int64 {
        roundedDong(Double(baseSalary) * percent / 100)
    }

    /// What an item graded `grading` earns in all, before it is split: the coefficient times
    /// the unit, or the fixed amount; then `percentOfSource` of it when the site pays a share of
    /// another site's table. Nil when the grading names neither.
    public static func itemAmount(_ grading: Grading, unitValue: Int64, percentOfSource: Double = 100) -> Int64? {
        let whole: Double
        if let coefficient = grading.coefficient, coefficient.isFinite, coefficient >= 0 {
            whole = coefficient * Double(unitValue)
        } else if let amount = grading.amount, amount >= 0 {
            whole = Double(amount)
        } else {
            return nil
        }
        return roundedDong(whole * percentOfSource / 100)
    }

    /// What one graded item earns, and everything the amount was reckoned from.
    public struct ItemReckoning: Sendable, Hashable {
        /// The base salary in force on the day that picked it.
        public var baseSalary: BaseSalary
        public var unitValue: Int64
        /// The share of the source site's amount paid (100 unless the table is a `percentOf` one).
        public var percentOfSource: Double
        /// The whole item's amount, before it is split among its authors.
        public var amount: Int64
    }

    /// What `grading` earns under `table` for an item whose base salary is picked by `day`
    /// (the publication day by default): the unit from the base salary in force that day, the
    /// coefficient or fixed amount, then the table's `percentOf` share. Nil before the first
    /// base salary of `baseSalaries`, or when the grading names neither a coefficient nor an amount.
    public static func reckon(_ grading: Grading, table: RateTable, on day: VietnamDay,
                              baseSalaries: [BaseSalary] = BaseSalary.vietnam) -> ItemReckoning? {
        guard let base = BaseSalary.inForce(on: day, in: baseSalaries) else { return nil }
        let unit = unitValue(baseSalary: base.amount, percent: table.unitPercent)
        guard let amount = itemAmount(grading, unitValue: unit, percentOfSource: table.payPercent) else { return nil }
        return ItemReckoning(baseSalary: base, unitValue: unit, percentOfSource: table.payPercent, amount: amount)
    }

    /// `total` split by `percents` (the author first, then co-authors; together 100): each
    /// gets their percent rounded down to the đồng, and the first gets what rounding left,
    /// so the parts add up to `total` exactly.
    public static func split(_ total: Int64, percents: [Int]) -> [Int64] {
        guard !percents.isEmpty else { return [] }
        var parts = percents.map { total * Int64($0) / 100 }
        parts[0] += total - parts.reduce(0, +)
        return parts
    }

    /// Half up to the đồng, the way a payment list rounds.
    public static func roundedDong(_ value: Double) -> Int64 {
        guard value.isFinite else { return 0 }
        return Int64((value + 1e-9).rounded(.toNearestOrAwayFromZero))
    }
}
