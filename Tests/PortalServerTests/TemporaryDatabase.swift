import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NewsroomKit
import NIOPosix
import Polling
import PostgresKit
@testable import PortalServer
import SQLKit
import Testing

/// The databases the portal runs on. A test that takes one as its argument,
/// `@Test(arguments: Database.both)`, runs once on each.
enum Database: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static let both = allCases
    var testDescription: String { rawValue }
}

/// A fresh database for one test, removed afterwards: an SQLite file in a directory of its
/// own, or a new database on the PostgreSQL server that `make test` starts
/// (Scripts/with-postgres, which sets BIENTAP_TEST_POSTGRES). Without that server a
/// PostgreSQL case fails, saying so; it is never skipped.
struct TemporaryDatabase: Sendable {
    let database: Database
    /// The test's own directory (the SQLite file lives in it on SQLite).
    let directory: URL
    let location: DatabaseLocation
    private let postgresDatabase: String?

    struct PostgresMissing: Error, CustomStringConvertible {
        var description: String {
            "BIENTAP_TEST_POSTGRES is not set: run the tests with `make test`, which starts a PostgreSQL server for them"
        }
    }

    static func create(_ database: Database) async throws -> TemporaryDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-test-\(UUID().uuidString)")
        guard database == .postgres else {
            return TemporaryDatabase(database: database, directory: directory,
                                     location: .sqlite(path: directory.appendingPathComponent("portal.sqlite").path), postgresDatabase: nil)
        }
        guard let server = ProcessInfo.processInfo.environment["BIENTAP_TEST_POSTGRES"], var url = URLComponents(string: server) else {
            throw PostgresMissing()
        }
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await admin(server) { try await $0.raw("CREATE DATABASE \(unsafeRaw: name) ENCODING 'UTF8'").run() }
        url.path = "/" + name
        return TemporaryDatabase(database: database, directory: directory, location: .postgres(url: url.string ?? server), postgresDatabase: name)
    }

    func remove() async throws {
        try? FileManager.default.removeItem(at: directory)
        if let postgresDatabase, let server = ProcessInfo.processInfo.environment["BIENTAP_TEST_POSTGRES"] {
            try await Self.admin(server) { try await $0.raw("DROP DATABASE IF EXISTS \(unsafeRaw: postgresDatabase) WITH (FORCE)").run() }
        }
    }

    /// Runs `body` with a fresh database of `database`'s kind, removed after it whatever happens.
    static func with<T>(_ database: Database, _ body: (TemporaryDatabase) async throws -> T) async throws -> T {
        let temporary = try await create(database)
        let result: T
        do {
            result = try await body(temporary)
        } catch {
            try? await temporary.remove()
            throw error
        }
        try await temporary.remove()
        return result
    }

    /// Runs `body` on a connection to the server's maintenance database.
    private static func admin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(),
                                                              configuration: configuration.coreConfiguration,
                                                              id: 0, logger: .init(label: "test.postgres"))
        do {
            try await body(connection.sql())
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// A migrated, seeded store (the caller closes it), with two read connections: reads
    /// still run beside the writer, without opening as many connections as a server does.
    /// The sample is dated `now`, by default the time on `clock`, which the store keeps.
    func seededStore(now: Date? = nil, clock: any WallClock = SystemClock()) async throws -> Store {
        let store = try await Store.open(location, readers: 2, clock: clock)
        try await Seeder.seedSample(into: store, now: now ?? clock.now())
        return store
    }

    /// A seeded store for `body`, closed after it whatever happens.
    func withSeededStore(clock: any WallClock = SystemClock(), _ body: (Store) async throws -> Void) async throws {
        let store = try await seededStore(clock: clock)
        do {
            try await body(store)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    /// A seeded portal answering through Hummingbird's router, for `body`.
    /// `clock`: the portal's time (a `ManualClock` lets the test move it instead of waiting).
    func withPortal(signInLimits: Store.SignInLimits = .init(), tokenCacheSeconds: TimeInterval = TokenCache.defaultLifetime,
                    listCacheSeconds: TimeInterval = ListCache.defaultLifetime, clock: any WallClock = SystemClock(),
                    _ body: (Store, any TestClientProtocol) async throws -> Void) async throws {
        try await withSeededStore(clock: clock) { store in
            var logger = Logger(label: "test")
            logger.logLevel = .error
            let app = Application(router: PortalApplication.router(store: store, signInLimits: signInLimits, tokenCacheSeconds: tokenCacheSeconds,
                                                                   listCacheSeconds: listCacheSeconds),
                                  configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
            // `test` wants a @Sendable closure; `body` runs inside it, on this task, and is done when `test` returns.
            nonisolated(unsafe) let body = body
            try await app.test(.router) { client in try await body(store, client) }
        }
    }
}

/// Requests to a test portal and what the tests read from the answers; the portal and a
/// seeded store on a fresh database of the kind asked for.
protocol PortalTesting {}

extension PortalTesting {
    func withPortal(on database: Database, signInLimits: Store.SignInLimits = .init(), tokenCacheSeconds: TimeInterval = TokenCache.defaultLifetime,
                    listCacheSeconds: TimeInterval = ListCache.defaultLifetime, clock: any WallClock = SystemClock(),
                    _ body: (Store, any TestClientProtocol) async throws -> Void) async throws {
        try await TemporaryDatabase.with(database) {
            try await $0.withPortal(signInLimits: signInLimits, tokenCacheSeconds: tokenCacheSeconds, listCacheSeconds: listCacheSeconds,
                                    clock: clock, body)
        }
    }

    func withSeededStore(on database: Database, clock: any WallClock = SystemClock(), _ body: (Store) async throws -> Void) async throws {
        try await TemporaryDatabase.with(database) { try await $0.withSeededStore(clock: clock, body) }
    }

    func get<T: Decodable>(_ client: any TestClientProtocol, _ uri: String, token: String?, as type: T.Type,
                           status: HTTPResponse.Status = .ok, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> (T, HTTPFields) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
        #expect(response.status == status, "\(String(buffer: response.body))", sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8", sourceLocation: sourceLocation)
        return (try WireFormat.decoder().decode(T.self, from: Data(buffer: response.body)), response.headers)
    }

    /// Any request; the body as raw bytes (JSON when it is an Encodable).
    func send(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String?,
              headers extra: [HTTPField.Name: String] = [:], body: Data? = nil) async throws
        -> (status: HTTPResponse.Status, body: Data, headers: HTTPFields) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = "application/json" }
        for (name, value) in extra { headers[name] = value }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
        return (response.status, Data(buffer: response.body), response.headers)
    }

    func json<T: Encodable>(_ value: T) -> Data { try! WireFormat.encoder().encode(value) }

    func errorCode(_ body: Data) -> String? { try? WireFormat.decoder().decode(APIErrorBody.self, from: body).error.code }

    /// Waits until `condition` holds, looking again every 10 ms; fails the test after `timeout`.
    /// For what happens on another task (a service woken by a `ManualClock`), never for time to pass.
    func eventually(_ what: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation,
                    _ condition: () async throws -> Bool) async throws {
        if try await !Polling.eventually(timeout: timeout, condition) {
            Issue.record("timed out waiting for \(what)", sourceLocation: sourceLocation)
        }
    }
}
