import CSQLite
import Foundation
import NIOCore

/// A value a statement's placeholder takes.
protocol SQLiteBindable {
    /// SQLite's result code.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

enum SQLiteBinding {
    /// Binds `value` to placeholder `index`: one of the types below, an optional of one (nil is
    /// NULL), or a raw-value enum of one; any other type is an error.
    static func bind(_ value: any Encodable & Sendable, to statement: OpaquePointer, at index: Int32, handle: OpaquePointer) throws {
        let bindable: any SQLiteBindable
        if let optional = value as? any OptionalValue, optional.isNone {
            bindable = Int64?.none
        } else if let direct = value as? any SQLiteBindable {
            bindable = direct
        } else if let raw = value as? any RawRepresentable, let direct = raw.rawValue as? any SQLiteBindable {
            bindable = direct
        } else {
            throw SQLiteError(code: SQLITE_MISMATCH, message: "a value of type \(type(of: value)) cannot be bound")
        }
        let status = bindable.bind(to: statement, at: index)
        guard status == SQLITE_OK else { throw SQLiteConnection.error(status, handle, or: "cannot bind placeholder \(index)") }
    }

    static func bindBytes(_ bytes: UnsafeRawBufferPointer, to statement: OpaquePointer, at index: Int32) -> Int32 {
        // An empty blob is a blob, not NULL: SQLite reads a null pointer as NULL.
        sqlite3_bind_blob64(statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), sqlite3_uint64(bytes.count),
                            csqlite_transient())
    }
}

extension String: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        var text = self
        return text.withUTF8 { utf8 in
            // An empty text is a text, not NULL: SQLite reads a null pointer as NULL.
            let base = utf8.baseAddress.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(bitPattern: 1)
            return sqlite3_bind_text64(statement, index, base?.assumingMemoryBound(to: CChar.self), sqlite3_uint64(utf8.count),
                                       csqlite_transient(), UInt8(SQLITE_UTF8))
        }
    }
}

extension Substring: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { String(self).bind(to: statement, at: index) }
}

extension Int64: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, self) }
}

extension Int: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, Int64(self)) }
}

extension Int32: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, Int64(self)) }
}

extension Double: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_double(statement, index, self) }
}

extension Bool: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, self ? 1 : 0) }
}

extension ByteBuffer: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        withUnsafeReadableBytes { SQLiteBinding.bindBytes($0, to: statement, at: index) }
    }
}

extension Array: SQLiteBindable where Element == UInt8 {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        withUnsafeBytes { SQLiteBinding.bindBytes($0, to: statement, at: index) }
    }
}

extension Data: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        withUnsafeBytes { SQLiteBinding.bindBytes($0, to: statement, at: index) }
    }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .none: return sqlite3_bind_null(statement, index)
        case .some(let value): return value.bind(to: statement, at: index)
        }
    }
}

/// An optional, whatever it wraps: a nil of a type not bindable itself is still NULL (here
/// and in `PreparedPostgresDatabase`).
protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    var isNone: Bool { self == nil }
}
