import Foundation
import Logging
import PostgresKit
import SQLKit

/// A PostgreSQL read connection whose statements are prepared once and then only executed.
///
/// PostgresKit sends every statement unnamed, so the server parses and plans it anew each
/// time; for the list page that planning took three times as long as running the plan
/// (Docs/performance.md). Here each statement text, with the types of its values, is
/// prepared under a name of its own on first use; after five runs PostgreSQL may keep one
/// generic plan for it (`plan_cache_mode` auto), and a run costs only the execution.
///
/// The values are encoded as PostgresKit encodes them (a nil optional as NULL, anything else
/// by its own PostgreSQL encoding); a value PostgresKit would encode another way (by
/// `Encodable`), and any statement past `capacity` distinct ones, go the unnamed way, so the
/// server holds a bounded number of statements a connection.
///
/// Only the store's read connections use it: they are opened after the migrations, so no
/// statement prepared here outlives a change to the tables it reads. A statement that fails
/// is not run by its name again (PostgresNIO fails every later use of a name whose preparation
/// failed): the next use prepares it under a new one, and the names ever made count toward
/// `capacity`, so failures cannot make the server hold more.
final class PreparedPostgresDatabase: SQLDatabase, @unchecked Sendable {
    /// How many statements one connection prepares at most.
    static let defaultCapacity = 256

    let connection: PostgresConnection
    let capacity: Int
    private let plain: any SQLDatabase
    // `lock` guards `names` and `made`, the only mutable fields.
    private let lock = NSLock()
    /// A statement's text and its values' types → the name it is prepared under.
    private var names: [String: String] = [:]
    /// How many names were ever made on this connection.
    private var made = 0

    init(connection: PostgresConnection, capacity: Int = PreparedPostgresDatabase.defaultCapacity) {
        self.connection = connection
        self.capacity = capacity
        self.plain = connection.sql()
    }

    var logger: Logger { plain.logger }
    var eventLoop: any EventLoop { plain.eventLoop }
    var dialect: any SQLDialect { plain.dialect }
    var queryLogLevel: Logger.Level? { plain.queryLogLevel }

    /// How many statements are run by name on this connection (the tests look at it).
    var preparedCount: Int { lock.withLock { names.count } }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        plain.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (text, binds) = serialize(query)
        guard let (bindings, types) = Self.bindings(binds) else { return try await plain.execute(sql: query, onRow) }
        let key = types + "\u{0}" + text
        guard let name = name(for: key) else { return try await plain.execute(sql: query, onRow) }
        do {
            let rows = try await NamedStatement.$current.withValue(NamedStatement.Identity(name: name, sql: text)) {
                try await connection.execute(NamedStatement(bindings: bindings), logger: logger)
            }
            for try await row in rows { onRow(row.sql()) }
        } catch {
            lock.withLock { if names[key] == name { names[key] = nil } }
            throw error
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// The name a statement (its values' types and its text) is prepared under; nil once
    /// `capacity` names were made.
    private func name(for key: String) -> String? {
        lock.withLock {
            if let name = names[key] { return name }
            guard made < capacity else { return nil }
            made += 1
            let name = "bientap_\(made)"
            names[key] = name
            return name
        }
    }

    /// The values as PostgresKit would bind them, with their types in a text (a statement is
    /// prepared for one set of types); nil when one of them is not a plain PostgreSQL value.
    static func bindings(_ binds: [any Encodable & Sendable]) -> (PostgresBindings, String)? {
        var bindings = PostgresBindings(capacity: binds.count)
        var types = ""
        for bind in binds {
            if let optional = bind as? any OptionalValue, optional.isNone {
                bindings.appendNull()
                types += "n,"
            } else if let value = bind as? any PostgresThrowingDynamicTypeEncodable {
                guard (try? bindings.append(value, context: .default)) != nil else { return nil }
                types += "\(value.psqlType.rawValue),"
            } else {
                return nil
            }
        }
        return (bindings, types)
    }
}

/// The statement PostgresNIO prepares and executes by name. Its protocol wants the name and
/// text as static properties, one type per statement; ours are made at run time, so they
/// are read from the task that executes it: `execute` reads them before it first suspends,
/// and again in its error path, both inside `$current.withValue`.
private struct NamedStatement: PostgresPreparedStatement {
    struct Identity: Sendable {
        var name: String
        var sql: String
    }
    @TaskLocal static var current = Identity(name: "", sql: "")

    static var name: String { current.name }
    static var sql: String { current.sql }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}
