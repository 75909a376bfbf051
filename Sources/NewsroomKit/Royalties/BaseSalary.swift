import Foundation

/// Mức lương cơ sở: the base salary one royalty unit is a share of (10% under Nghị định
/// 18/2014/NĐ-CP Điều 7.3), in force from a day until the next one.
public struct BaseSalary: Codable, Sendable, Hashable {
    /// First day it applies, `YYYY-MM-DD`.
    public var from: String
    /// In đồng a month.
    public var amount: Int64
    /// The decree that set it.
    public var basis: String

    public init(from: String, amount: Int64, basis: String) {
        self.from = from
        self.amount = amount
        self.basis = basis
    }

    /// Vietnam's base salary since 2019, oldest first.
    public static let vietnam: [BaseSalary] = [
        BaseSalary(from: "2019-07-01", amount: 1_490_000, basis: "Nghị định 38/2019/NĐ-CP"),
        BaseSalary(from: "2023-07-01", amount: 1_800_000, basis: "Nghị định 24/2023/NĐ-CP"),
        BaseSalary(from: "2024-07-01", amount: 2_340_000, basis: "Nghị định 73/2024/NĐ-CP"),
        BaseSalary(from: "2026-07-01", amount: 2_530_000, basis: "Nghị định 161/2026/NĐ-CP"),
    ]

    /// The base salary in force on `day` in `table` (oldest first); nil before the first.
    public static func inForce(on day: VietnamDay, in table: [BaseSalary] = vietnam) -> BaseSalary? {
        table.last { VietnamDay($0.from).map { $0 <= day } ?? false }
    }
}
