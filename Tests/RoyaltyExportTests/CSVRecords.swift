import Foundation

/// Reads RFC 4180 text back into records, independently of the writer: quoted fields may hold
/// commas, doubled quotes and line breaks; records end with CRLF or LF.
enum CSVRecords {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, afterQuote = false
        for scalar in text.unicodeScalars {
            if quoted {
                if scalar == "\"" { quoted = false; afterQuote = true } else { field.unicodeScalars.append(scalar) }
                continue
            }
            switch scalar {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true
            case ",":
                record.append(field); field = ""
            case "\r":
                break
            case "\n":
                record.append(field); field = ""
                records.append(record); record = []
            default:
                field.unicodeScalars.append(scalar)
            }
            afterQuote = false
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
