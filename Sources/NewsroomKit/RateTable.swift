import Foundation

/// A royalty rate table: per genre, a coefficient range (paid at the unit value) or a
/// range of fixed amounts; effective from a date (Vietnam's calendar), for one site or all;
/// optionally paying only a percentage of what the same grading earns on another site (a
/// component site's share of the provincial portal's rates, as in Ninh Thuận's QĐ 2157/QĐ-UBND).
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

    /// A table paid as a share of another site's: `percent` of what its genres earn there.
    public struct PercentOf: Codable, Sendable, Hashable {
        /// The code of the site whose rates this one pays a share of (the provincial portal).
        public var site: String
        /// In percent, above 0 and at most 100.
        public var percent: Double

        public init(site: String, percent: Double) {
            self.site = site
            self.percent = percent
        }
    }

    public var name: String
    /// The decision or decree the table follows, precisely enough to find the article it copies.
    public var basis: String
    /// First day it applies, `YYYY-MM-DD`.
    public var effectiveFrom: String
    /// The site it is for; nil: every site without a table of its own.
    public var site: String?
    /// One coefficient unit as a percentage of the base salary; nil: 10, as Nghị định
    /// 18/2014/NĐ-CP Điều 7.3 has it.
    public var unitPercentOfBaseSalary: Double?
    /// Older tables named one fixed base salary; it is not used: the dated `BaseSalary`
    /// table in force on the publication day decides.
    public var baseSalary: Int64?
    /// When set, every amount this table grades is paid at `percent` of itself (the genres are
    /// the source site's, copied so an editor grades by them).
    public var percentOf: PercentOf?
    public var genres: [Genre]

    public init(name: String, basis: String, effectiveFrom: String, site: String? = nil, unitPercentOfBaseSalary: Double? = nil,
                baseSalary: Int64? = nil, percentOf: PercentOf? = nil, genres: [Genre]) {
        self.name = name
        self.basis = basis
        self.effectiveFrom = effectiveFrom
        self.site = site
        self.unitPercentOfBaseSalary = unitPercentOfBaseSalary
        self.baseSalary = baseSalary
        self.percentOf = percentOf
        self.genres = genres
    }

    /// The decree's unit: 10% of the base salary.
    public static let decreeUnitPercent: Double = 10

    /// One coefficient unit as a percentage of the base salary, the decree's when the table names none.
    public var unitPercent: Double { unitPercentOfBaseSalary ?? Self.decreeUnitPercent }

    /// The percentage of a grading's amount this table pays: 100, or its `percentOf` share.
    public var payPercent: Double { percentOf?.percent ?? 100 }

    /// What is wrong with the table itself; nil when it is usable.
    public var problem: String? {
        guard VietnamDay(effectiveFrom) != nil else { return "effective_from: \(effectiveFrom) (YYYY-MM-DD)" }
        if let unit = unitPercentOfBaseSalary, !(unit.isFinite && unit > 0 && unit <= 100) {
            return "unit_percent_of_base_salary: \(unit) (above 0, at most 100)"
        }
        if let share = percentOf {
            guard !share.site.isEmpty, share.site != site else { return "percent_of.site: another site's code" }
            guard share.percent.isFinite, share.percent > 0, share.percent <= 100 else {
                return "percent_of.percent: \(share.percent) (above 0, at most 100)"
            }
        }
        guard !genres.isEmpty else { return "genres: none" }
        var codes = Set<String>()
        for genre in genres {
            guard !genre.code.isEmpty, codes.insert(genre.code).inserted else { return "genres: code '\(genre.code)' empty or twice" }
            // The decree sets only maxima: a coefficient range may start at 0. A fixed amount is a payment: above 0.
            switch (genre.coefficient, genre.amount) {
            case (let c?, nil) where c.min >= 0 && c.min <= c.max && c.max > 0 && c.max.isFinite: continue
            case (nil, let a?) where a.min > 0 && a.min <= a.max: continue
            default: return "genres: '\(genre.code)' needs one range, a coefficient (from 0 or more up to above 0) or an amount (above 0)"
            }
        }
        return nil
    }

    /// Why this table cannot pay a share of `source` (the table in force for `percentOf.site`);
    /// nil when it can: it grades by the same genres and ranges, so a grading means the same on both.
    public func problem(asShareOf source: RateTable) -> String? {
        guard let share = percentOf else { return "percent_of: none" }
        guard source.site == share.site else { return "percent_of.site: '\(share.site)', but the source table is for '\(source.site ?? "*")'" }
        guard source.percentOf == nil else { return "percent_of.site: '\(share.site)' pays a share of another site itself" }
        guard genres == source.genres else { return "genres: not those of '\(share.site)' (\(source.name))" }
        return nil
    }

    /// Why `grading` does not fit this table; nil when it does.
    public func problem(with grading: Grading) -> String? {
        guard let genre = genres.first(where: { $0.code == grading.genre }) else {
            return "genre '\(grading.genre)' is not in \(name); use: \(genres.map(\.code).joined(separator: ", "))"
        }
        if let range = genre.coefficient {
            guard grading.amount == nil, let value = grading.coefficient, value.isFinite, range.contains(value) else {
                return range.min == 0 ? "'\(genre.code)' is graded by a coefficient of at most \(range.max)"
                    : "'\(genre.code)' is graded by a coefficient from \(range.min) to \(range.max)"
            }
        } else if let range = genre.amount {
            guard grading.coefficient == nil, let value = grading.amount, range.contains(value) else {
                return "'\(genre.code)' is paid a fixed amount from \(range.min) to \(range.max) đồng"
            }
        }
        return nil
    }
}
