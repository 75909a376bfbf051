import Foundation

/// Why an export file could not be written.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    /// libxlsxwriter refused: the function, its error code and its message.
    case xlsx(function: String, code: UInt32, message: String)
    /// The private temporary file libxlsxwriter writes to could not be made or read.
    case temporaryFile(String)
    /// A total does not fit in 64 bits.
    case totalOverflow(column: String)

    public var description: String {
        switch self {
        case let .xlsx(function, code, message): return "libxlsxwriter: \(function) failed (\(code)): \(message)"
        case let .temporaryFile(reason): return "XLSX temporary file: \(reason)"
        case let .totalOverflow(column): return "the total of \(column) is too large"
        }
    }
}
