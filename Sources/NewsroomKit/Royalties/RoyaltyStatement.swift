import Foundation

/// One person's statement of a month (bảng kê): what they were paid for, item by item,
/// and their line of the payment list (gross, tax withheld, net).
public struct RoyaltyStatement: Codable, Sendable, Hashable {
    public var month: String
    public var site: String
    public var line: PaymentList.Line
    public var entitlements: [RoyaltyEntitlement]

    public init(line: PaymentList.Line, month: String, site: String, entitlements: [RoyaltyEntitlement]) {
        self.month = month
        self.site = site
        self.line = line
        self.entitlements = entitlements
    }
}
