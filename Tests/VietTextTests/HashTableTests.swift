import Foundation
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

    func testPairCountsAddUpThroughGrowthAndSaturate() {
        var counts = PairCounts()
        var expected: [Int: Int] = [:]
        // Entry numbers as the lexicon hands them out, past several growths; each pair added twice.
        for n in 0..<12_000 {
            let first = n % 997, second = n * 7919 % 6_600
            for amount in [n % 5 + 1, 3] {
                counts.add(first, second, amount)
                expected[first << 21 | second, default: 0] += amount
            }
        }
        for (key, total) in expected { XCTAssertEqual(counts(key >> 21, key & 0x1F_FFFF), total) }
        XCTAssertEqual(counts.count, expected.count)
        XCTAssertEqual(counts(1_000, 3), 0)
        XCTAssertEqual(counts(-1, 3), 0)
        XCTAssertEqual(counts(3, 1 << 21), 0)
        counts.add(7, 8, Int(UInt32.max))
        counts.add(7, 8, 1)
        XCTAssertEqual(counts(7, 8), (1 << 22) - 1)
    }

    func testTripleSetFindsWhatItsFileHoldsAndNothingElse() throws {
        // Model lines to entries: line 3 has none; lines 4 and 5 are one entry's two spellings (hoà, hòa).
        let entries = [10, 11, 12, -1, 13, 13]
        var bytes = Array("bientap-triples 6 3 5\n".utf8), last = 0
        for (a, b, c) in [(0, 1, 2), (0, 2, 1), (1, 0, 5), (2, 2, 2), (3, 0, 1), (4, 1, 0)] {
            var step = (a << 6 | b << 3 | c) - last
            last += step
            while step >= 0x80 {
                bytes.append(UInt8(step & 0x7F | 0x80))
                step >>= 7
            }
            bytes.append(UInt8(step))
        }
        let triples = try XCTUnwrap(TripleSet(data: Data(bytes), entries: entries))
        XCTAssertTrue(triples.contains(10, 11, 12))
        XCTAssertTrue(triples.contains(10, 12, 11))
        XCTAssertTrue(triples.contains(11, 10, 13))  // written with the entry's other spelling
        XCTAssertTrue(triples.contains(12, 12, 12))
        XCTAssertTrue(triples.contains(13, 11, 10))
        XCTAssertFalse(triples.contains(12, 11, 10))
        XCTAssertFalse(triples.contains(10, 11, 13))
        XCTAssertFalse(triples.contains(-1, 11, 12))
        XCTAssertFalse(triples.contains(10, 11, 99))
        XCTAssertEqual(triples.count, 5)  // line 3's has no entry
        // A file cut inside a number, or another file, is refused.
        XCTAssertNil(TripleSet(data: Data("bientap-triples 1 3 5\n".utf8) + Data([0x80]), entries: entries))
        XCTAssertNil(TripleSet(data: Data("bientap-pairs 1 3 5\n".utf8), entries: entries))
    }

    func testASharedCacheKeyedByWordsStaysWithinItsLimit() {
        let cache = SharedCache<String, Int>(limit: 100)
        var made = 0
        for n in 0..<1_000 { XCTAssertEqual(cache.value(for: "từ\(n)") { made += 1; return n }, n) }
        XCTAssertEqual(made, 1_000)
        // The last ones are kept: asked again, they are not made again.
        XCTAssertEqual(cache.value(for: "từ999") { made += 1; return -1 }, 999)
        XCTAssertEqual(made, 1_000)
        XCTAssertLessThanOrEqual(cache.count, 100)
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
