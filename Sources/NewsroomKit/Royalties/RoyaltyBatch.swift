import Foundation

/// A month of a site's royalty ledger, closed: its lines never change again. Who closed
/// it and when, and its payment once made (who recorded it, when, the transfer's reference).
public struct RoyaltyBatch: Codable, Sendable, Hashable {
    public var id: Int64
    public var site: String
    /// `YYYY-MM`.
    public var month: String
    public var closedAt: Date
    public var closedBy: String
    public var paidAt: Date?
    public var paidBy: String?
    public var paymentReference: String?
    /// How many ledger lines it holds, and their sum in đồng.
    public var lines: Int
    public var gross: Int64

    public init(id: Int64, site: String, month: String, closedAt: Date, closedBy: String, paidAt: Date? = nil, paidBy: String? = nil,
                paymentReference: String? = nil, lines: Int, gross: Int64) {
        self.id = id
        self.site = site
        self.month = month
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.paidAt = paidAt
        self.paidBy = paidBy
        self.paymentReference = paymentReference
        self.lines = lines
        self.gross = gross
    }
}
