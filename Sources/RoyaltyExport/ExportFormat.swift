import Foundation

/// The file formats a royalty export is written in.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// UTF-8 with a byte-order mark, RFC 4180, CRLF: what Excel and LibreOffice open right.
    case csv
    /// Office Open XML, written by libxlsxwriter.
    case xlsx

    /// The media type a download is served with.
    public var mediaType: String {
        switch self {
        case .csv: return "text/csv; charset=utf-8"
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    public var fileExtension: String { rawValue }
}
