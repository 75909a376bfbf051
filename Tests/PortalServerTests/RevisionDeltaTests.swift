@testable import PortalServer
import Testing

/// The delta an older revision is kept as gives back its text exactly, whatever the two texts.
struct RevisionDeltaTests {
    @Test func aDeltaGivesBackTheOlderTextAndItsMiddleIsText() {
        // Letters sharing their first UTF-8 bytes (ạ ả ặ), a decomposed mark, an emoji, ASCII.
        let pieces = ["a", "ạ", "ả", "ặ", "e\u{0301}", "\u{0301}", "đ", "😀", " ", "\n", "Hà Nội", "x"]
        var seed: UInt64 = 0x6269_656E
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        func text() -> String { (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined() }
        for _ in 0..<2_000 {
            let older = (title: text(), sapo: text(), body: text())
            // Newer texts that share a start, an end, both, or nothing with the older one.
            let newer = (title: older.title + text(), sapo: text() + older.sapo, body: next(2) == 0 ? text() : String(older.body.prefix(next(5))) + text() + String(older.body.suffix(next(5))))
            let delta = RevisionDelta(older: older, newer: newer)
            let stored = RevisionDelta(stored: delta.stored, title: delta.title.middle, sapo: delta.sapo.middle, body: delta.body.middle)
            #expect(stored == delta)
            let back = stored?.older(than: newer)
            #expect(back?.title == older.title)
            #expect(back?.sapo == older.sapo)
            #expect(back?.body == older.body)
            for (part, text) in [(delta.title, older.title), (delta.sapo, older.sapo), (delta.body, older.body)] {
                #expect(part.prefix + part.middle.utf8.count + part.suffix == text.utf8.count, "the middle is what is not shared")
            }
        }
        #expect(RevisionDelta(older: ("Tiêu đề", "", "Bài ạ."), newer: ("Tiêu đề", "", "Bài ả.")).body == .init(prefix: 5, suffix: 1, middle: "ạ"),
                "the middle starts and ends between letters")
        #expect(RevisionDelta(stored: "1,2,3", title: "", sapo: "", body: "") == nil)
        #expect(RevisionDelta(stored: "0,0,0,0,9,9", title: "", sapo: "", body: "")?.older(than: ("", "", "ngắn")) == nil,
                "lengths that do not fit the newer text read as damaged, not as a crash")
    }
}
