import Foundation

/// A `Sheet` as CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), RFC 4180
/// quoting, CRLF line ends. One header row, the table, the totals, the rows under them;
/// amounts as plain integers so a spreadsheet reads numbers.
enum CSVEncoder {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func encode(_ sheet: Sheet) -> Data {
        var records: [[String]] = [sheet.columns.map(\.heading)]
        records += sheet.rows.map { $0.map(field) }
        records.append(sheet.totals.map(field))
        records += sheet.after.map { $0.map(field) }
        var text = ""
        for record in records {
            text += record.map(quoted).joined(separator: ",")
            text += "\r\n"
        }
        return Data(byteOrderMark) + Data(text.utf8)
    }

    static func field(_ cell: Sheet.Cell) -> String {
        switch cell {
        case let .text(text): return neutralised(text)
        case let .integer(value), let .columnSum(value): return String(value)
        case let .decimal(value), let .decimalColumnSum(value): return decimalText(value)
        case let .day(day): return Sheet.dayText(day)
        case .empty: return ""
        }
    }

    /// A text a spreadsheet would take for a formula (it starts with = + - @, a tab or a
    /// carriage return) prefixed with an apostrophe, as OWASP advises against CSV injection.
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Up to three decimals, a decimal point, no trailing zeros: 12.5, 3, 0.495. Empty when not finite.
    static func decimalText(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
