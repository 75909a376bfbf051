import Foundation

/// Personal income tax withheld from a royalty payment to an outside collaborator (no
/// labour contract, or one under three months): a rate from a single payment of a
/// threshold or more, by the regime in force on the payment day. Staff are taxed with
/// their salary by payroll, and a signed commitment (mẫu 08/CK-TNCN) suspends withholding.
public struct WithholdingRegime: Codable, Sendable, Hashable {
    /// First payment day it applies to, `YYYY-MM-DD`.
    public var from: String
    /// In đồng: a single payment of this or more is withheld from.
    public var threshold: Int64
    public var ratePercent: Int64
    public var basis: String

    public init(from: String, threshold: Int64, ratePercent: Int64, basis: String) {
        self.from = from
        self.threshold = threshold
        self.ratePercent = ratePercent
        self.basis = basis
    }

    /// The regimes since Thông tư 111/2013/TT-BTC, oldest first. When the 2026 threshold
    /// starts to apply is contested (the 2026 tax year, or the decree's effective date): this
    /// ships 2026-07-01, a setting the portal may change (Docs/royalties.md).
    public static let vietnam: [WithholdingRegime] = [
        WithholdingRegime(from: "2013-10-01", threshold: 2_000_000, ratePercent: 10, basis: "Thông tư 111/2013/TT-BTC Điều 25.1.i"),
        WithholdingRegime(from: "2026-07-01", threshold: 5_000_000, ratePercent: 10, basis: "Nghị định 253/2026/NĐ-CP Điều 50.2"),
    ]

    /// The regime in force on `day`; nil before the first.
    public static func inForce(on day: VietnamDay, in table: [WithholdingRegime] = vietnam) -> WithholdingRegime? {
        table.last { VietnamDay($0.from).map { $0 <= day } ?? false }
    }

    /// Tax withheld from one payment of `gross` đồng to `payee` on `day`, whole đồng (rounded down).
    public static func withheld(from gross: Int64, to payee: Payee, on day: VietnamDay, in table: [WithholdingRegime] = vietnam) -> Int64 {
        guard payee.kind == .outside, !payee.commitmentSuspendsWithholding(on: day), gross > 0,
              let regime = inForce(on: day, in: table), gross >= regime.threshold else { return 0 }
        return gross * regime.ratePercent / 100
    }
}
