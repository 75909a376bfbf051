import CSQLite
import Foundation
import NIOCore
import SQLKit

/// The names of a statement's result columns, read once per prepared statement.
final class SQLiteColumns: Sendable {
    let names: [String]
    let index: [String: Int]

    init(statement: OpaquePointer) {
        let names = (0..<sqlite3_column_count(statement)).map { column in
            sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
        }
        self.names = names
        // The first of two columns of one name, as SQLite's own `SELECT a.x, b.x` reads.
        index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One row an SQLite statement answered, copied out of SQLite as it stepped: numbers as
/// numbers, and the bytes of every text and blob one after another in one array. A text
/// becomes a Swift `String` only when a column is decoded as one.
struct SQLiteRow: SQLRow {
    enum Value: Sendable {
        case null
        case integer(Int64)
        case real(Double)
        /// Where its bytes are in `bytes`.
        case text(Range<Int>)
        case blob(Range<Int>)
    }

    let columns: SQLiteColumns
    let values: [Value]
    let bytes: [UInt8]

    /// The row `statement` stands on.
    init(statement: OpaquePointer, columns: SQLiteColumns) {
        self.columns = columns
        let count = Int(sqlite3_column_count(statement))
        // The texts' and blobs' sizes first, so their bytes take one allocation.
        var total = 0
        for column in 0..<Int32(count) {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_TEXT, SQLITE_BLOB: total += Int(sqlite3_column_bytes(statement, column))
            default: break
            }
        }
        var values: [Value] = []
        values.reserveCapacity(count)
        bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, filled in
            filled = 0
            for column in 0..<Int32(count) {
                let type = sqlite3_column_type(statement, column)
                switch type {
                case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(statement, column)))
                case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(statement, column)))
                case SQLITE_TEXT, SQLITE_BLOB:
                    let start = filled
                    let source = type == SQLITE_TEXT ? sqlite3_column_text(statement, column).map(UnsafeRawPointer.init)
                        : sqlite3_column_blob(statement, column)
                    // At most what was counted above: the buffer never overflows, whatever SQLite says now.
                    let length = min(Int(sqlite3_column_bytes(statement, column)), total - filled)
                    if let source, length > 0, let base = buffer.baseAddress {
                        (base + filled).update(from: source.assumingMemoryBound(to: UInt8.self), count: length)
                        filled += length
                    }
                    values.append(type == SQLITE_TEXT ? .text(start..<filled) : .blob(start..<filled))
                default: values.append(.null)
                }
            }
        }
        self.values = values
    }

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.index[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        if case .null = try value(column) { return true }
        return false
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = try value(column)
        // The types the store reads most (twenty columns a list row), without a dynamic cast or a
        // look-up of a conformance: where D is the type itself, the bit cast changes nothing. The
        // types are compared by identifiers made once, not by metadata looked up on each call.
        let type = ObjectIdentifier(D.self)
        if type == Self.stringType { return unsafeBitCast(try string(value, column), to: D.self) }
        if type == Self.int64Type { return unsafeBitCast(try integer(value, column), to: D.self) }
        if type == Self.intType { return unsafeBitCast(try Int(value, column: column, of: self), to: D.self) }
        if type == Self.optionalStringType { return unsafeBitCast(try String?(value, column: column, of: self), to: D.self) }
        if type == Self.optionalInt64Type { return unsafeBitCast(try Int64?(value, column: column, of: self), to: D.self) }
        if type == Self.optionalIntType { return unsafeBitCast(try Int?(value, column: column, of: self), to: D.self) }
        return try decodeAny(value, column: column, as: D.self)
    }

    /// Every other type, through its conformance. Apart, so that the paths above do not make
    /// the runtime look up `D?`'s metadata, which this one's cast needs, on every call.
    @inline(never)
    private func decodeAny<D: Decodable>(_ value: Value, column: String, as type: D.Type) throws -> D {
        guard let decodable = D.self as? any SQLiteColumnValue.Type else {
            throw SQLiteDecodingError(column: column, problem: "\(D.self) is not a type an SQLite column decodes to")
        }
        guard let decoded = try decodable.init(value, column: column, of: self) as? D else {
            throw SQLiteDecodingError(column: column, problem: "not a \(D.self)")
        }
        return decoded
    }

    private static let stringType = ObjectIdentifier(String.self), int64Type = ObjectIdentifier(Int64.self),
                       intType = ObjectIdentifier(Int.self), optionalStringType = ObjectIdentifier(String?.self),
                       optionalInt64Type = ObjectIdentifier(Int64?.self), optionalIntType = ObjectIdentifier(Int?.self)

    private func value(_ column: String) throws -> Value {
        guard let index = columns.index[column], index < values.count else {
            throw SQLiteDecodingError(column: column, problem: "no such column in the row")
        }
        return values[index]
    }

    /// The bytes of a text or blob column, as SQLite gave them (not promised to be UTF-8);
    /// nil for a number or NULL.
    func textBytes(column: String) throws -> ArraySlice<UInt8>? {
        switch try value(column) {
        case .text(let range), .blob(let range): return bytes[range]
        case .integer, .real, .null: return nil
        }
    }

    func string(_ value: Value, _ column: String) throws -> String {
        switch value {
        // Invalid UTF-8 (a file another program wrote) reads with U+FFFD in its place.
        case .text(let range), .blob(let range):
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .null: throw SQLiteDecodingError(column: column, problem: "NULL where a text was expected")
        }
    }

    func integer(_ value: Value, _ column: String) throws -> Int64 {
        switch value {
        case .integer(let number): return number
        case .real(let number):
            if let exact = Int64(exactly: number) { return exact }
        case .text:
            if let parsed = Int64(try string(value, column)) { return parsed }
        case .blob, .null: break
        }
        throw SQLiteDecodingError(column: column, problem: "not an integer")
    }

    func real(_ value: Value, _ column: String) throws -> Double {
        switch value {
        case .integer(let number): return Double(number)
        case .real(let number): return number
        case .text:
            if let parsed = Double(try string(value, column)) { return parsed }
        case .blob, .null: break
        }
        throw SQLiteDecodingError(column: column, problem: "not a number")
    }

    func buffer(_ value: Value, _ column: String) throws -> ByteBuffer {
        switch value {
        case .text(let range), .blob(let range):
            return bytes.withUnsafeBufferPointer { ByteBuffer(bytes: UnsafeBufferPointer(rebasing: $0[range])) }
        case .integer, .real, .null: throw SQLiteDecodingError(column: column, problem: "not bytes")
        }
    }
}

/// A column could not be read as the type asked for.
struct SQLiteDecodingError: Error, CustomStringConvertible, Sendable {
    let column: String
    let problem: String
    var description: String { "column \(column): \(problem)" }
}

/// A type an SQLite column's value decodes to.
protocol SQLiteColumnValue {
    init(_ value: SQLiteRow.Value, column: String, of row: SQLiteRow) throws
}

extension String: SQLiteColumnValue {
    init(_ value: SQLiteRow.Value, column: String, of row: SQLiteRow) throws { self = try row.string(value, column) }
}

extension Int64: SQLiteColumnValue {
    init(_ value: SQLiteRow.Value, column: String, of row: SQLiteRow) throws { self = try row.integer(value, column) }
}

extension Int: SQLiteColumnValue {
    init(_ value: SQLiteRow.Value, column: String, of row: SQLiteRow) throws {
        guard let number = Int(exactly: try row.integer(value, column)) else {
            throw SQLiteDecodingError(column: column, problem: "an integer too large")
        }
        self = number
    }
}

extension Int32: SQLiteColumnValue {
    init(_ value: SQLiteRow.Value, column: String, of row: SQLiteRow) throws {
        guard let number = Int32(exactly: try row.integer(value, column)) else {
            throw SQLiteDecodingError(column: column, problem: "an integer too large")
        }
        self = number
    }
}

extension Double: SQLiteColumnValue {
    init(_ value: SQLiteRow.Value, column: String, of row: SQLiteRow) throws { self = try row.real(value, column) }
}

extension Bool: SQLiteColumnValue {
    init(_ value: SQLiteRow.Value, column: String, of row: SQLiteRow) throws {
        switch try row.integer(value, column) {
        case 0: self = false
        case 1: self = true
        default: throw SQLiteDecodingError(column: column, problem: "neither 0 nor 1")
        }
    }
}

extension ByteBuffer: SQLiteColumnValue {
    init(_ value: SQLiteRow.Value, column: String, of row: SQLiteRow) throws { self = try row.buffer(value, column) }
}

extension Optional: SQLiteColumnValue where Wrapped: SQLiteColumnValue {
    init(_ value: SQLiteRow.Value, column: String, of row: SQLiteRow) throws {
        if case .null = value { self = nil } else { self = try Wrapped(value, column: column, of: row) }
    }
}
