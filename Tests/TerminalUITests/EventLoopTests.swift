import Dispatch
import TerminalUI
import XCTest

final class EventLoopTests: XCTestCase {
    func testInputMessagesFromOtherThreadsAndQuit() {
        let screen = MemoryScreen(width: 20, height: 3)
        let loop = EventLoop<String>(screen: screen)
        var seen: [String] = []
        screen.enqueue(.key(.char("a")), .resize(width: 30, height: 4))
        // Another thread holds the loop's mailbox, never the loop. It sends once the frame
        // showing both inputs is being drawn: the loop reads its mailbox only before a
        // frame, so that frame is drawn whatever the other thread's speed.
        let mailbox = loop.mailbox
        var sent = false
        loop.run(render: {
            var frame = Frame(width: screen.width, height: screen.height)
            frame.put(seen.joined(separator: ","), row: 0, col: 0)
            if seen.last == "30x4" && !sent {
                sent = true
                DispatchQueue.global().async { mailbox.send("result") }
            }
            return frame
        }, handle: { event in
            switch event {
            case .input(.key(let key)): seen.append(key.name)
            case .input(.resize(let w, let h)): seen.append("\(w)x\(h)")
            case .input: seen.append("other")
            case .message(let m): seen.append(m); return .quit
            case .tick: break  // an idle tick may come before the message on a loaded machine
            }
            return .proceed
        })
        XCTAssertEqual(seen, ["a", "30x4", "result"])
        XCTAssertEqual(screen.lastFrame?.rowText(0), "a,30x4")
        XCTAssertEqual(screen.width, 30)
        XCTAssertGreaterThanOrEqual(screen.drawCount, 3)
    }

    func testTicksArriveWhenIdle() {
        let screen = MemoryScreen(width: 10, height: 2)
        let loop = EventLoop<Int>(screen: screen)
        loop.tickMilliseconds = 5
        var ticks = 0
        loop.run(render: { Frame(width: 10, height: 2) }, handle: { event in
            if case .tick = event { ticks += 1 }
            return ticks == 3 ? .quit : .proceed
        })
        XCTAssertEqual(ticks, 3)
    }
}
