import Foundation
import Logging
import NewsroomKit
import ServiceLifecycle

/// Publishes scheduled items on time: looks every `interval` by the store's clock (and at
/// once on start, so what came due while the server was down goes out then, flagged late).
public struct Scheduler: Service {
    let store: Store
    let interval: Duration
    let actor: String
    let logger: Logger

    /// `actor` names the scheduler in the history ("scheduler": which machine and process is for the logs).
    public init(store: Store, interval: Duration = .seconds(1), actor: String, logger: Logger) {
        self.store = store
        self.interval = interval
        self.actor = actor
        self.logger = logger
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { [self] in
                var lastTidy = Date.distantPast
                while !Task.isCancelled {
                    do {
                        let published = try await store.publishDue(actor: actor)
                        if !published.isEmpty { logger.info("published \(published.count) scheduled item(s): \(published)") }
                        // Hourly: forget what no longer matters (old idempotency answers, old failed sign-ins).
                        if store.clock.now().timeIntervalSince(lastTidy) > 3600 {
                            try await store.tidy()
                            lastTidy = store.clock.now()
                        }
                    } catch is CancellationError {
                        return
                    } catch {
                        logger.error("scheduler: \(error)")
                    }
                    try await store.clock.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // Shutting down.
        }
    }
}
