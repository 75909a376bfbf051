import Foundation
import NewsroomKit

/// The monthly payment list (danh sách chi trả nhuận bút) as a file to hand on: one row a
/// person in the list's order, the totals, the total in words and the signature block.
public struct PaymentListFile: Sendable {
    public var list: PaymentList
    /// What the title calls the site; the list's site code when nil, every site when that is nil too.
    public var siteName: String?

    public init(_ list: PaymentList, siteName: String? = nil) {
        self.list = list
        self.siteName = siteName
    }

    /// The file's bytes in `format`.
    public func data(_ format: ExportFormat) throws -> Data {
        try sheet().data(format)
    }

    /// A name to save it under: `nhuan-but-2026-10.xlsx`, `nhuan-but-2026-10-tinhuy.csv`.
    public func fileName(_ format: ExportFormat) -> String {
        ExportFileName.make(["nhuan-but", list.month, list.site], format)
    }

    static let columns: [Sheet.Column] = [
        .init(heading: "STT", kind: .integer, width: 5),
        .init(heading: "Họ và tên", kind: .text, width: 24),
        .init(heading: "Bút danh", kind: .text, width: 16),
        .init(heading: "Đơn vị", kind: .text, width: 20),
        .init(heading: "CCCD/MST", kind: .text, width: 16),
        .init(heading: "Số tin/bài/ảnh", kind: .integer, width: 9),
        .init(heading: "Tổng hệ số", kind: .decimal, width: 9),
        .init(heading: "Thành tiền", kind: .integer, width: 13),
        .init(heading: "Thuế TNCN", kind: .integer, width: 12),
        .init(heading: "Thực nhận", kind: .integer, width: 13),
        .init(heading: "Số tài khoản", kind: .text, width: 18),
        .init(heading: "Ngân hàng", kind: .text, width: 18),
        .init(heading: "Ký nhận", kind: .text, width: 14),
    ]

    func sheet() throws -> Sheet {
        let rows: [[Sheet.Cell]] = list.lines.enumerated().map { index, line in
            let payee = line.payee
            let identity = [payee.idNumber, payee.taxCode].filter { !$0.isEmpty }.joined(separator: " / ")
            return [
                .integer(Int64(index + 1)), .text(payee.fullName), .text(payee.penName ?? ""), .text(payee.unit), .text(identity),
                .integer(Int64(line.items)), .decimal(line.coefficientTotal), .integer(line.gross), .integer(line.tax),
                .integer(line.net), .text(payee.bankAccount), .text(payee.bank), .empty,
            ]
        }
        let items = try Sheet.checkedSum(list.lines.map { Int64($0.items) }, column: "Số tin/bài/ảnh")
        let coefficients = list.lines.reduce(0.0) { $0 + $1.coefficientTotal }
        let totals: [Sheet.Cell] = [
            .empty, .text("Tổng cộng"), .empty, .empty, .empty, .columnSum(items), .decimalColumnSum(coefficients),
            .columnSum(list.gross), .columnSum(list.tax), .columnSum(list.net), .empty, .empty, .empty,
        ]
        let site = siteName ?? list.site.map { "Trang: \($0)" } ?? "Tất cả các trang"
        let paidOn = VietnamDay(list.paidOn).map(Sheet.dayText) ?? list.paidOn
        return Sheet(name: "Danh sách chi trả",
                     title: ["DANH SÁCH CHI TRẢ NHUẬN BÚT THÁNG \(Sheet.monthHeading(list.month))", site, "Ngày chi trả: \(paidOn)"],
                     columns: Self.columns, rows: rows, totals: totals,
                     after: [[.text(Sheet.inWords(list.netInWords))]],
                     signatures: Sheet.signatories)
    }
}
