import Foundation
import Logging
import NewsroomKit
@testable import PortalServer
import Testing

/// The Scheduler as the server runs it: it looks, waits on the store's clock, looks again.
/// The test moves the clock instead of waiting for the item's time to come.
@Suite(.serialized)
struct SchedulerServiceTests: PortalTesting {
    @Test(arguments: Database.both)
    func theRunningSchedulerPublishesWhenTheClockReachesTheItemsTime(_ database: Database) async throws {
        let clock = ManualClock()
        try await withPortal(on: database, clock: clock) { store, _ in
            let approved = try await store.submissions(.init(statuses: [.approved], limit: 1)).items
            let item = try #require(approved.first)
            let due = clock.now().addingTimeInterval(600)
            let scheduled = try await store.transition(id: item.id, expected: item.revision,
                                                       request: TransitionRequest(action: .schedule, publishAt: due),
                                                       actor: "bt-publisher", scope: .everything, idempotency: nil, answer: { _ in Data() })
            guard case .done = scheduled else { Issue.record("\(scheduled)"); return }
            var logger = Logger(label: "test.scheduler")
            logger.logLevel = .critical
            let scheduler = Scheduler(store: store, interval: .seconds(5), actor: "scheduler", logger: logger)
            let running = Task { try await scheduler.run() }
            defer { running.cancel() }
            let status = { () async throws -> SubmissionStatus? in try await store.submission(id: item.id, scope: .everything)?.summary.status }

            // It looks at once, then waits for the clock: nothing is due yet.
            try await eventually("the scheduler waiting", timeout: 60) { clock.sleepers == 1 }
            clock.advance(by: 597)
            try await eventually("the scheduler waiting again", timeout: 60) { clock.sleepers == 1 }
            let early = try await status()
            #expect(early == .scheduled, "not before its time")

            // Its time passes: the next look publishes it, dated by the clock.
            clock.advance(by: 5)
            try await eventually("the item published", timeout: 60) { try await status() == .published }
            let published = try await store.submission(id: item.id, scope: .everything)?.summary.publishedAt
            #expect(published == Store.date(Store.millis(due.addingTimeInterval(2))))
            let events = try await store.events(of: item.id, scope: .everything)
            #expect(events?.last?.actor == "scheduler")
            running.cancel()
            try await running.value
        }
    }
}
