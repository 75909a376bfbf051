import Foundation
import NewsroomKit
import VietText

/// One contributor's statement for a month (bảng kê nhuận bút): each item paid for with its
/// date, site, genre, coefficient, share and amount; the total, the tax withheld, what is
/// received and that in words.
public struct StatementFile: Sendable {
    public var payee: Payee
    /// `YYYY-MM`.
    public var month: String
    /// Their lines of the month, shown oldest first.
    public var entitlements: [RoyaltyEntitlement]
    /// Personal income tax withheld from the month's payment, in đồng.
    public var tax: Int64

    public init(payee: Payee, month: String, entitlements: [RoyaltyEntitlement], tax: Int64) {
        self.payee = payee
        self.month = month
        self.entitlements = entitlements
        self.tax = tax
    }

    /// The statement behind one line of a payment list.
    public init(line: PaymentList.Line, month: String, entitlements: [RoyaltyEntitlement]) {
        self.init(payee: line.payee, month: month, entitlements: entitlements, tax: line.tax)
    }

    /// The file's bytes in `format`.
    public func data(_ format: ExportFormat) throws -> Data {
        try sheet().data(format)
    }

    /// A name to save it under: `bang-ke-2026-10-42.csv` (42: the contributor's id).
    public func fileName(_ format: ExportFormat) -> String {
        ExportFileName.make(["bang-ke", month, String(payee.contributorId)], format)
    }

    static let columns: [Sheet.Column] = [
        .init(heading: "STT", kind: .integer, width: 5),
        .init(heading: "Tiêu đề", kind: .text, width: 48),
        .init(heading: "Ngày đăng", kind: .day, width: 11),
        .init(heading: "Trang", kind: .text, width: 20),
        .init(heading: "Thể loại", kind: .text, width: 16),
        .init(heading: "Hệ số", kind: .decimal, width: 7),
        .init(heading: "Tỷ lệ (%)", kind: .integer, width: 8),
        .init(heading: "Thành tiền", kind: .integer, width: 13),
    ]

    func sheet() throws -> Sheet {
        let ordered = entitlements.sorted { ($0.publishedAt, $0.id) < ($1.publishedAt, $1.id) }
        let rows: [[Sheet.Cell]] = ordered.enumerated().map { index, line in
            [
                .integer(Int64(index + 1)), .text(line.itemTitle), .day(VietnamDay(containing: line.publishedAt)), .text(line.siteName),
                .text(line.genreName), line.coefficient.map { .decimal($0) } ?? .empty, .integer(Int64(line.sharePercent)),
                .integer(line.amount),
            ]
        }
        let gross = try Sheet.checkedSum(ordered.map(\.amount), column: "Thành tiền")
        let (net, overflow) = gross.subtractingReportingOverflow(tax)
        if overflow { throw ExportError.totalOverflow(column: "Thực nhận") }
        let blank = [Sheet.Cell](repeating: .empty, count: 6)
        let pen = payee.penName.map { " (bút danh: \($0))" } ?? ""
        return Sheet(name: "Bảng kê",
                     title: ["BẢNG KÊ NHUẬN BÚT THÁNG \(Sheet.monthHeading(month))",
                             "Họ và tên: \(payee.fullName)\(pen)", "Đơn vị: \(payee.unit)"],
                     columns: Self.columns, rows: rows,
                     totals: [.empty, .text("Tổng cộng")] + blank.dropLast() + [.columnSum(gross)],
                     after: [[.empty, .text("Thuế TNCN")] + blank.dropLast() + [.integer(tax)],
                             [.empty, .text("Thực nhận")] + blank.dropLast() + [.integer(net)],
                             [.text(Sheet.inWords(VietNumber.amountInWords(Int(net))))]],
                     signatures: Sheet.signatories)
    }
}
