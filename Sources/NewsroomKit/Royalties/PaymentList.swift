import Foundation
import VietText

/// The monthly payment list (danh sách chi trả nhuận bút): one line per person with what
/// they earned in the month, the tax withheld and what they receive, in Vietnamese
/// alphabetical order by given name then family name, with totals and the total in words.
public struct PaymentList: Codable, Sendable, Hashable {
    public struct Line: Codable, Sendable, Hashable {
        public var payee: Payee
        /// Items (tin, bài, ảnh) paid for, adjustments not counted.
        public var items: Int
        /// The sum of the coefficients of this person's shares (each weighted by the share; a
        /// take-back subtracts what it takes back).
        public var coefficientTotal: Double
        public var gross: Int64
        public var tax: Int64
        public var net: Int64
        /// When the item of this person's oldest unpaid line (take-backs aside) was published;
        /// nil when all is paid. What the 45- and 60-day flags are reckoned from.
        public var unpaidSince: Date?

        public init(payee: Payee, items: Int, coefficientTotal: Double, gross: Int64, tax: Int64, net: Int64, unpaidSince: Date? = nil) {
            self.payee = payee
            self.items = items
            self.coefficientTotal = coefficientTotal
            self.gross = gross
            self.tax = tax
            self.net = net
            self.unpaidSince = unpaidSince
        }

        /// How late this person's oldest unpaid line is at `now` (Nghị định 18/2014 Điều 4.10).
        public func lateness(at now: Date) -> RoyaltyEntitlement.Lateness? {
            unpaidSince.flatMap { RoyaltyEntitlement.Lateness.of(unpaidSince: $0, at: now) }
        }
    }

    /// `YYYY-MM`.
    public var month: String
    /// The site it is for; nil: every site the reader pays for.
    public var site: String?
    /// The payment day the tax was reckoned by, `YYYY-MM-DD`.
    public var paidOn: String
    public var lines: [Line]
    public var gross: Int64
    public var tax: Int64
    public var net: Int64
    /// `net` in words, capitalised, ending in "đồng" ("Một triệu hai trăm nghìn đồng"); an
    /// export writes it as "Bằng chữ: … đồng chẵn.".
    public var netInWords: String

    /// What one person earned in a month, summed from their ledger lines.
    public struct Totals: Sendable, Hashable {
        /// Items paid for (an article and each of its photos), adjustments not counted.
        public var items: Int
        /// Coefficients weighted by each share, a take-back's subtracted.
        public var coefficients: Double
        public var gross: Int64
        /// The publication of the oldest unpaid line that is not a take-back; nil when none.
        public var unpaidSince: Date?

        public init(items: Int, coefficients: Double, gross: Int64, unpaidSince: Date? = nil) {
            self.items = items
            self.coefficients = coefficients
            self.gross = gross
            self.unpaidSince = unpaidSince
        }

        /// One person's totals from their lines: the database's `GROUP BY` in `Store.paymentList` must agree.
        public init(_ owed: [RoyaltyEntitlement]) {
            // A photo is an item of its own (Số tin/bài/ảnh), beside the article it illustrates.
            items = Set(owed.filter { $0.adjusts == nil }.map { "\($0.submissionId):\($0.photo.map(String.init) ?? "")" }).count
            coefficients = owed.reduce(0.0) { $0 + ($1.coefficient ?? 0) * Double($1.sharePercent) / 100 * ($1.adjusts == nil ? 1 : -1) }
            gross = owed.reduce(0) { $0 + $1.amount }
            unpaidSince = owed.filter { $0.paidAt == nil && $0.adjusts == nil }.map(\.publishedAt).min()
        }
    }

    /// The list of `entitlements` (one month's), one line a person, tax by the regime on `paidOn`.
    /// A person without payment details is listed by the contributor's name from `names`.
    public static func make(month: String, site: String?, paidOn: VietnamDay, entitlements: [RoyaltyEntitlement],
                            payees: [Int64: Payee], names: [Int64: String] = [:],
                            regimes: [WithholdingRegime] = WithholdingRegime.vietnam) -> PaymentList {
        var byPerson: [Int64: [RoyaltyEntitlement]] = [:]
        for line in entitlements { byPerson[line.contributorId, default: []].append(line) }
        let totals = byPerson.mapValues(Totals.init)
        return make(month: month, site: site, paidOn: paidOn, totals: totals, payees: payees, names: names, regimes: regimes)
    }

    /// The list from each person's `totals` (as a database sums them, without reading every line).
    public static func make(month: String, site: String?, paidOn: VietnamDay, totals: [Int64: Totals],
                            payees: [Int64: Payee], names: [Int64: String] = [:],
                            regimes: [WithholdingRegime] = WithholdingRegime.vietnam) -> PaymentList {
        var lines: [Line] = []
        for (person, owed) in totals {
            let payee = payees[person] ?? Payee(contributorId: person, fullName: names[person] ?? "#\(person)")
            let tax = WithholdingRegime.withheld(from: owed.gross, to: payee, on: paidOn, in: regimes)
            lines.append(Line(payee: payee, items: owed.items, coefficientTotal: owed.coefficients, gross: owed.gross, tax: tax,
                              net: owed.gross - tax, unpaidSince: owed.unpaidSince))
        }
        // Names that collate alike (the same name twice, or written in another Unicode form)
        // fall back to the contributor's id, so the order never depends on hashing. Each
        // name's key is computed once (a month may pay thousands of people).
        lines = lines.map { (Collation.personKey($0.payee.fullName), $0) }.sorted {
            $0.0 == $1.0 ? $0.1.payee.contributorId < $1.1.payee.contributorId : $0.0.lexicographicallyPrecedes($1.0)
        }.map(\.1)
        let gross = lines.reduce(0) { $0 + $1.gross }, tax = lines.reduce(0) { $0 + $1.tax }
        return PaymentList(month: month, site: site, paidOn: paidOn.text, lines: lines, gross: gross, tax: tax, net: gross - tax,
                           netInWords: VietNumber.amountInWords(Int(gross - tax)))
    }

    public init(month: String, site: String?, paidOn: String, lines: [Line], gross: Int64, tax: Int64, net: Int64, netInWords: String) {
        self.month = month
        self.site = site
        self.paidOn = paidOn
        self.lines = lines
        self.gross = gross
        self.tax = tax
        self.net = net
        self.netInWords = netInWords
    }
}
