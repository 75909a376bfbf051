import BienTapApp
import Foundation
import XCTest

/// `bientap-portal` and `psql` for tests that need the real server on a database of
/// their own: LocalPortal's process handling, plus the PostgreSQL server `make test` starts.
enum PortalProcess {
    /// `bientap-portal ARGUMENTS…`; its standard output.
    @discardableResult
    static func portal(_ arguments: [String]) throws -> String {
        try LocalPortal.run(QueueEndToEndTests.portalExecutable, arguments)
    }

    /// Runs one SQL statement with psql; its output, one value per line.
    @discardableResult
    static func psql(_ url: String, _ statement: String) throws -> String {
        try LocalPortal.run(URL(fileURLWithPath: "/usr/bin/psql"), [url, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", statement])
    }

    /// The PostgreSQL server `make test` started (Scripts/with-postgres).
    static func postgresServer() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["BIENTAP_TEST_POSTGRES"] else {
            XCTFail("BIENTAP_TEST_POSTGRES is not set: run the tests with `make test`, which starts a PostgreSQL server for them")
            throw CancellationError()
        }
        return url
    }

    /// A new empty database on that server; its URL.
    static func createDatabase(on server: String, prefix: String) throws -> String {
        let name = prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try psql(server, "CREATE DATABASE \(name)")
        var components = URLComponents(string: server)!
        components.path = "/" + name
        return components.string!
    }

    static func dropDatabase(_ url: String, on server: String) {
        guard let name = URLComponents(string: url)?.path.dropFirst() else { return }
        _ = try? psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// `bientap-portal serve` on `db` and a free loopback port, its output under `files`.
    static func serve(db: String, files: URL) throws -> (process: Process, url: String) {
        try LocalPortal.serve(QueueEndToEndTests.portalExecutable, database: db, files: files)
    }
}
