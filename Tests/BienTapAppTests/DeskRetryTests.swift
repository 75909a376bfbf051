import BienTapApp
import Foundation
import NewsroomKit
import PortalClient
import XCTest

/// A command's retries wait through the sleeper it is given, and say why in the desk's words.
final class DeskRetryTests: XCTestCase {
    func testADecisionIsTriedAgainAfterEachPauseThenFails() throws {
        // Nothing listens on the discard port: each attempt is refused at once.
        let client = try AdminClient(baseURL: "http://127.0.0.1:9", token: "x")
        let sleeper = CountingSleeper()
        let said = Said()
        let desk = DeskCommands(client: client, language: .en, attempts: 3, pause: 4, sleeper: sleeper, onRetry: said.add)
        XCTAssertThrowsError(try desk.decide(id: 1, TransitionRequest(action: .approve))) { error in
            guard case .transport? = error as? PortalError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(sleeper.pauses, [4, 4])
        XCTAssertEqual(said.lines.count, 2)
        XCTAssertTrue(said.lines.allSatisfy { $0.contains("refused the connection") }, "\(said.lines)")
    }
}

/// Records each pause and returns at once.
private final class CountingSleeper: Sleeper, @unchecked Sendable {
    // `lock` guards `asked`.
    private let lock = NSLock()
    private var asked: [TimeInterval] = []

    var pauses: [TimeInterval] { lock.withLock { asked } }

    func sleep(seconds: TimeInterval) { lock.withLock { asked.append(seconds) } }
}

/// What a command said of its retries.
private final class Said: @unchecked Sendable {
    // `lock` guards `said`.
    private let lock = NSLock()
    private var said: [String] = []

    var lines: [String] { lock.withLock { said } }

    func add(_ line: String) { lock.withLock { said.append(line) } }
}
