import Foundation

/// A contributor's payment details, as accountants keep them: who is paid, where, and how
/// they are taxed. Accountants and admins edit them; no one else sees another's.
public struct Payee: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Staff of the agency (a labour contract of three months or more): taxed by payroll.
        case staff
        /// An outside collaborator (cộng tác viên): tax withheld per payment.
        case outside
    }

    public var contributorId: Int64
    public var fullName: String
    public var penName: String?
    /// Đơn vị: the agency or unit they belong to.
    public var unit: String
    /// CCCD (citizen identity number).
    public var idNumber: String
    /// Mã số thuế.
    public var taxCode: String
    public var bankAccount: String
    public var bank: String
    public var kind: Kind
    /// When they signed the commitment (mẫu 08/CK-TNCN) that suspends withholding; nil: none.
    public var commitmentSignedOn: String?

    /// Whether their commitment form suspends withholding from a payment on `day`: it is
    /// an estimate of one tax year's income, so it counts from the day it was signed to the
    /// end of that year, and only with a tax code (Thông tư 111/2013/TT-BTC Điều 25.1.i: the
    /// person must have one when they commit).
    public func commitmentSuspendsWithholding(on day: VietnamDay) -> Bool {
        guard let text = commitmentSignedOn, let signed = VietnamDay(text),
              !taxCode.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        return signed <= day && signed.text.prefix(4) == day.text.prefix(4)
    }

    public init(contributorId: Int64, fullName: String, penName: String? = nil, unit: String = "", idNumber: String = "",
                taxCode: String = "", bankAccount: String = "", bank: String = "", kind: Kind = .outside,
                commitmentSignedOn: String? = nil) {
        self.contributorId = contributorId
        self.fullName = fullName
        self.penName = penName
        self.unit = unit
        self.idNumber = idNumber
        self.taxCode = taxCode
        self.bankAccount = bankAccount
        self.bank = bank
        self.kind = kind
        self.commitmentSignedOn = commitmentSignedOn
    }
}
