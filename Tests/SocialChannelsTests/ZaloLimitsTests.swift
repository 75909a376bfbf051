import NewsroomKit
import SocialChannels
import XCTest

final class ZaloLimitsTests: XCTestCase {
    private let cover = "https://lyson.example.gov.vn/anh/1.jpg"

    func testWithinTheLimits() {
        XCTAssertEqual(ZaloLimits.problems(title: String(repeating: "ệ", count: 150), description: String(repeating: "ữ", count: 300),
                                           coverURL: cover), [])
    }

    func testCharactersAreCountedOnTheNFCText() {
        // "ệ" typed decomposed is three scalars; Zalo gets it composed, one character.
        let decomposed = String(repeating: "e\u{0323}\u{0302}", count: 150)
        XCTAssertEqual(ZaloLimits.characters(decomposed), 150)
        XCTAssertEqual(ZaloLimits.problems(title: decomposed, description: "", coverURL: cover), [])
    }

    func testEveryProblemIsNamed() {
        XCTAssertEqual(ZaloLimits.problems(title: String(repeating: "a", count: 151), description: String(repeating: "b", count: 301), coverURL: nil),
                       [.titleTooLong(characters: 151, maximum: 150), .descriptionTooLong(characters: 301, maximum: 300), .coverMissing])
        XCTAssertEqual(ZaloLimits.problems(title: "  ", description: "", coverURL: "javascript:alert(1)"),
                       [.titleMissing, .coverNotAWebAddress])
        XCTAssertEqual(ZaloLimits.problems(title: "Tin", description: "", coverURL: "/anh/1.jpg"), [.coverNotAWebAddress])
    }
}
