import BienTapApp
import Foundation
import NewsroomKit
import Polling
import PortalClient
import XCTest

/// A command's retries wait on the clock it is given, and say why in the desk's words.
final class DeskRetryTests: XCTestCase {
    func testADecisionIsTriedAgainAfterEachPauseThenFails() throws {
        // Nothing listens on the discard port: each attempt is refused at once.
        let client = try AdminClient(baseURL: "http://127.0.0.1:9", token: "x")
        let clock = ManualClock()
        let said = Said()
        let finished = DispatchSemaphore(value: 0)
        let failure = Said()
        DispatchQueue.global().async {
            let desk = DeskCommands(client: client, language: .en, attempts: 3, pause: 4, clock: clock, onRetry: said.add)
            do {
                _ = try desk.decide(id: 1, TransitionRequest(action: .approve))
                failure.add("no error")
            } catch PortalError.transport {
                failure.add("transport")
            } catch {
                failure.add("\(error)")
            }
            finished.signal()
        }
        for pause in 1...2 {
            XCTAssertTrue(eventually { clock.sleepers == 1 }, "no pause \(pause)")
            XCTAssertEqual(said.lines.count, pause, "each retry is said before its pause")
            // The pause lasts the length asked, by the clock.
            clock.advance(by: 3.9)
            XCTAssertEqual(clock.sleepers, 1, "pause \(pause) ended early")
            clock.advance(by: 0.1)
        }
        XCTAssertEqual(finished.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(failure.lines, ["transport"])
        XCTAssertEqual(clock.sleepers, 0, "three attempts, two pauses")
        XCTAssertEqual(said.lines.count, 2)
        XCTAssertTrue(said.lines.allSatisfy { $0.contains("refused the connection") }, "\(said.lines)")
    }
}

/// What a command said of its retries.
private final class Said: @unchecked Sendable {
    // `lock` guards `said`.
    private let lock = NSLock()
    private var said: [String] = []

    var lines: [String] { lock.withLock { said } }

    func add(_ line: String) { lock.withLock { said.append(line) } }
}
