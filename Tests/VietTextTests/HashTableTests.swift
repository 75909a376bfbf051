@testable import VietText
import XCTest

final class HashTableTests: XCTestCase {
    func testHoldsWhatWasAddedThroughGrowthAndNothingElse() {
        var set = PairSet()
        // Pair numbers as the pair model makes them (first << 32 | second), past several growths.
        let pairs = (0..<20_000).map { ($0 % 997) << 32 | ($0 * 7919 % 6_600) }
        var distinct = Set<Int>()
        for pair in pairs { XCTAssertEqual(set.insert(pair), distinct.insert(pair).inserted) }
        for pair in distinct { XCTAssertTrue(set.contains(pair)) }
        for probe in (0..<5_000).map({ 1_000 << 32 | $0 }) { XCTAssertEqual(set.contains(probe), distinct.contains(probe)) }
        XCTAssertFalse(set.contains(-1))
    }

    func testSpellingTableFindsSpellingsByTheirBytesThroughGrowth() {
        var table = SpellingTable()
        let words = (0..<5_000).map { "từ\($0)" } + ["hoà", "hòa", "Việt", "việt", ""]
        for (n, word) in words.enumerated() {
            XCTAssertNil(table.value(for: word), word)
            table.insert(word, value: n)
        }
        for (n, word) in words.enumerated() { XCTAssertEqual(table.value(for: word), n, word) }
        // Bytes, not canonical equivalence: the checker hands it NFC text only.
        XCTAssertNil(table.value(for: "hoa\u{300}"))
        XCTAssertNil(table.value(for: "tu0"))
        XCTAssertEqual(table.count, words.count)
    }
}
