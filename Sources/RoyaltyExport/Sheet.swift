import Foundation
import NewsroomKit

/// One export laid out once, for every format: a title, a table with a header row, its totals
/// row and the rows under it, and a signature block. The CSV keeps what a spreadsheet reads
/// (header, rows, totals, the rows under them); the XLSX keeps it all, printable.
struct Sheet {
    enum Cell: Equatable {
        case text(String)
        case integer(Int64)
        case decimal(Double)
        case day(VietnamDay)
        /// The sum of the table's cells in this column, with its value (the CSV writes the
        /// value; the XLSX a `SUM` formula, the value cached for viewers that do not recompute).
        case columnSum(Int64)
        case decimalColumnSum(Double)
        case empty
    }

    struct Column {
        enum Kind { case text, integer, decimal, day }
        var heading: String
        var kind: Kind
        /// In characters, as spreadsheets measure a column.
        var width: Double
    }

    /// The worksheet's name (31 characters at most, none of `[]:*?/\`).
    var name: String
    /// Lines above the table, the first the document's title.
    var title: [String]
    var columns: [Column]
    var rows: [[Cell]]
    var totals: [Cell]
    /// Rows under the totals: the tax, the net, the total in words.
    var after: [[Cell]]
    /// The roles who sign, left to right; each signs with "(Ký, ghi rõ họ tên)".
    var signatures: [String]

    static let signatureHint = "(Ký, ghi rõ họ tên)"
    /// Who signs a payment document: who drew it up, the chief accountant, the head of the agency.
    static let signatories = ["Người lập biểu", "Kế toán trưởng", "Thủ trưởng đơn vị"]

    func data(_ format: ExportFormat) throws -> Data {
        switch format {
        case .csv: return CSVEncoder.encode(self)
        case .xlsx: return try XLSXEncoder.encode(self)
        }
    }
}

extension Sheet {
    /// `YYYY-MM` as a payment list heads it, `MM/YYYY`; anything else as it is.
    static func monthHeading(_ month: String) -> String {
        let parts = month.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2 else { return month }
        return "\(parts[1])/\(parts[0])"
    }

    /// `dd/MM/yyyy`, Vietnam's way of writing a day.
    static func dayText(_ day: VietnamDay) -> String {
        let parts = day.text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return day.text }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// "Bằng chữ: Một triệu … đồng chẵn." from an amount's words ("Một triệu … đồng").
    static func inWords(_ words: String) -> String {
        "Bằng chữ: \(words) chẵn."
    }

    /// The sum of `values`, or an error naming `column` when it does not fit.
    static func checkedSum(_ values: [Int64], column: String) throws -> Int64 {
        var total: Int64 = 0
        for value in values {
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow { throw ExportError.totalOverflow(column: column) }
            total = sum
        }
        return total
    }
}
