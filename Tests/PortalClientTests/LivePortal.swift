import Dispatch
import Foundation
import HummingbirdTesting
import Logging
import NewsroomKit
@testable import PortalServer

/// The real portal application on a loopback port, over a sample-seeded store in `directory`.
enum LivePortal {
    /// Runs `prepare` on the store, then `body` (off the server's threads: libcurl blocks) with
    /// the portal's base URL and the token of a user with `grants`.
    static func run(in directory: URL, grants: [Grant], prepare: @Sendable (Store) async throws -> Void = { _ in },
                    _ body: @escaping @Sendable (String, String, Store) throws -> Void) async throws {
        let store = try await Store.open(.sqlite(path: directory.appendingPathComponent("p.sqlite").path))
        do {
            try await Seeder.seedSample(into: store)
            let token = try await store.addUser(name: "editor", displayName: "Biên tập viên", grants: grants)
            try await prepare(store)
            var logger = Logger(label: "test")
            logger.logLevel = .error
            let app = PortalApplication.make(store: store, host: "127.0.0.1", port: 0, logger: logger)
            try await app.test(.live) { client in
                let url = "http://127.0.0.1:\(client.port ?? 0)"
                try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Error>) in
                    DispatchQueue.global().async {
                        done.resume(with: Result { try body(url, token, store) })
                    }
                }
            }
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}
