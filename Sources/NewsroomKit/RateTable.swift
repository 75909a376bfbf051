import Foundation

/// A royalty rate table: per genre, a coefficient range (paid at the unit value) or a
/// range of fixed amounts; effective from a date (Vietnam's calendar), for one site or all.
public struct RateTable: Codable, Sendable, Hashable {
    public struct Range<Value: Codable & Sendable & Hashable & Comparable>: Codable, Sendable, Hashable {
        public var min: Value
        public var max: Value
        public init(min: Value, max: Value) {
            self.min = min
            self.max = max
        }
        public func contains(_ value: Value) -> Bool { min <= value && value <= max }
    }

    public struct Genre: Codable, Sendable, Hashable {
        /// What a grading names: `tin`, `phong-su`, ….
        public var code: String
        public var name: String
        public var coefficient: Range<Double>?
        /// In đồng.
        public var amount: Range<Int64>?

        public init(code: String, name: String, coefficient: Range<Double>? = nil, amount: Range<Int64>? = nil) {
            self.code = code
            self.name = name
            self.coefficient = coefficient
            self.amount = amount
        }
    }

    public var name: String
    /// The decision or decree the table follows.
    public var basis: String
    /// First day it applies, `YYYY-MM-DD`.
    public var effectiveFrom: String
    /// The site it is for; nil: every site without a table of its own.
    public var site: String?
    /// One coefficient unit as a percentage of the base salary (10 under Nghị định 18/2014/NĐ-CP).
    public var unitPercentOfBaseSalary: Double?
    /// The base salary in đồng the unit is reckoned from, as last known.
    public var baseSalary: Int64?
    public var genres: [Genre]

    public init(name: String, basis: String, effectiveFrom: String, site: String? = nil, unitPercentOfBaseSalary: Double? = nil,
                baseSalary: Int64? = nil, genres: [Genre]) {
        self.name = name
        self.basis = basis
        self.effectiveFrom = effectiveFrom
        self.site = site
        self.unitPercentOfBaseSalary = unitPercentOfBaseSalary
        self.baseSalary = baseSalary
        self.genres = genres
    }

    /// What is wrong with the table itself; nil when it is usable.
    public var problem: String? {
        guard VietnamDay(effectiveFrom) != nil else { return "effective_from: \(effectiveFrom) (YYYY-MM-DD)" }
        guard !genres.isEmpty else { return "genres: none" }
        var codes = Set<String>()
        for genre in genres {
            guard !genre.code.isEmpty, codes.insert(genre.code).inserted else { return "genres: code '\(genre.code)' empty or twice" }
            switch (genre.coefficient, genre.amount) {
            case (let c?, nil) where c.min > 0 && c.min <= c.max && c.max.isFinite: continue
            case (nil, let a?) where a.min > 0 && a.min <= a.max: continue
            default: return "genres: '\(genre.code)' needs one positive range, coefficient or amount"
            }
        }
        return nil
    }

    /// Why `grading` does not fit this table; nil when it does.
    public func problem(with grading: Grading) -> String? {
        guard let genre = genres.first(where: { $0.code == grading.genre }) else {
            return "genre '\(grading.genre)' is not in \(name); use: \(genres.map(\.code).joined(separator: ", "))"
        }
        if let range = genre.coefficient {
            guard grading.amount == nil, let value = grading.coefficient, value.isFinite, range.contains(value) else {
                return "'\(genre.code)' is graded by a coefficient from \(range.min) to \(range.max)"
            }
        } else if let range = genre.amount {
            guard grading.coefficient == nil, let value = grading.amount, range.contains(value) else {
                return "'\(genre.code)' is paid a fixed amount from \(range.min) to \(range.max) đồng"
            }
        }
        return nil
    }
}
