@testable import VietText
import XCTest

final class PairSetTests: XCTestCase {
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
}
