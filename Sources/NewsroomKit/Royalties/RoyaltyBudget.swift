import Foundation

/// A site's royalty budget for a year (set by an admin), and how much of it the ledger has
/// used: every line of the year's months, adjustments included.
public struct RoyaltyBudget: Codable, Sendable, Hashable {
    public var site: String
    public var year: Int
    /// In đồng; nil while no budget is set.
    public var amount: Int64?
    public var used: Int64
    /// What is left; nil without a budget, negative when overspent.
    public var left: Int64? { amount.map { $0 - used } }

    public init(site: String, year: Int, amount: Int64?, used: Int64) {
        self.site = site
        self.year = year
        self.amount = amount
        self.used = used
    }

    private enum CodingKeys: String, CodingKey { case site, year, amount, used, left }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        site = try c.decode(String.self, forKey: .site)
        year = try c.decode(Int.self, forKey: .year)
        amount = try c.decodeIfPresent(Int64.self, forKey: .amount)
        used = try c.decode(Int64.self, forKey: .used)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(site, forKey: .site)
        try c.encode(year, forKey: .year)
        try c.encodeIfPresent(amount, forKey: .amount)
        try c.encode(used, forKey: .used)
        try c.encodeIfPresent(left, forKey: .left)
    }
}
