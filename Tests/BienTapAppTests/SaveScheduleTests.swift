@testable import BienTapApp
import Foundation
import NewsroomKit
import XCTest

/// The editor's waits on the portal, on a clock the test moves.
final class SaveScheduleTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_795_000_000)

    func testARetryWaitsLongerEachTimeUpToThirtySecondsAndAgainTwoAfterASave() {
        var schedule = SaveSchedule()
        XCTAssertFalse(schedule.retryDue(now: start), "nothing failed")
        let waits = (0..<6).map { _ in schedule.retryLater(now: start) }
        XCTAssertEqual(waits, [2, 4, 8, 16, 30, 30])
        XCTAssertFalse(schedule.retryDue(now: start.addingTimeInterval(29)))
        XCTAssertTrue(schedule.retryDue(now: start.addingTimeInterval(30)))
        XCTAssertFalse(schedule.retryDue(now: start.addingTimeInterval(31)), "once")
        _ = schedule.retryLater(now: start)
        schedule.cancelRetry()
        XCTAssertNil(schedule.retryAt, "a save sent meanwhile: no retry waits")
        schedule.saved()
        XCTAssertEqual(schedule.retryLater(now: start), 2, "after a save the waits start again")
    }

    func testTheLeaseIsRenewedHalfwayThroughOrFifteenSecondsAfterAFailedRenewal() {
        var schedule = SaveSchedule()
        XCTAssertFalse(schedule.renewalDue(now: start), "no lease")
        schedule.held(Lease(holder: "lan", holderName: "Lan", acquiredAt: start, expiresAt: start.addingTimeInterval(300)), now: start)
        XCTAssertFalse(schedule.renewalDue(now: start.addingTimeInterval(149)))
        XCTAssertTrue(schedule.renewalDue(now: start.addingTimeInterval(150)))
        XCTAssertNil(schedule.leaseRenewal, "nothing more until the portal answers")
        schedule.renewalFailed(now: start.addingTimeInterval(151))
        XCTAssertEqual(schedule.leaseRenewal, start.addingTimeInterval(166))
        // A lease of a few seconds is not renewed in a busy loop.
        schedule.held(Lease(holder: "lan", holderName: "Lan", acquiredAt: start, expiresAt: start.addingTimeInterval(2)), now: start)
        XCTAssertEqual(schedule.leaseRenewal, start.addingTimeInterval(5))
    }
}
