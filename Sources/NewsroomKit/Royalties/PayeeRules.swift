import Foundation

/// What payment details must look like before anyone is paid by them: a CCCD of 12 digits,
/// a tax code of 10 digits (or 10-3 for a branch), an account number of digits, a
/// commitment form's day that exists; each within its length. Empty means not known yet.
public enum PayeeRules {
    public static func problem(with payee: Payee) -> String? {
        func digits(_ text: String) -> Bool { text.allSatisfy { $0.isASCII && $0.isNumber } }
        if !payee.idNumber.isEmpty && !(payee.idNumber.count == 12 && digits(payee.idNumber)) { return "id_number: 12 digits (CCCD)" }
        let tax = payee.taxCode.split(separator: "-", omittingEmptySubsequences: false)
        if !payee.taxCode.isEmpty && !(tax[0].count == 10 && digits(String(tax[0]))
                                       && (tax.count == 1 || (tax.count == 2 && tax[1].count == 3 && digits(String(tax[1]))))) {
            return "tax_code: 10 digits, or 10-3"
        }
        if !payee.bankAccount.isEmpty && !(payee.bankAccount.count <= 30 && digits(payee.bankAccount)) { return "bank_account: up to 30 digits" }
        if payee.unit.count > 200 { return "unit: at most 200 characters" }
        if payee.bank.count > 200 { return "bank: at most 200 characters" }
        if let day = payee.commitmentSignedOn, VietnamDay(day) == nil { return "commitment_signed_on: YYYY-MM-DD" }
        if payee.kind == .staff && payee.commitmentSignedOn != nil { return "commitment_signed_on: for outside collaborators only" }
        return nil
    }
}
