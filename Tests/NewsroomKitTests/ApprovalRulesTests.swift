import Foundation
import NewsroomKit
import XCTest

/// The rules of an approval the client and the portal both hold to: shares and the social text.
final class ApprovalRulesTests: XCTestCase {
    func testSharesAreReadAsTypedAndLeaveTheContributorSome() {
        XCTAssertEqual(CoAuthorShare.percent(" 30 % "), 30)
        XCTAssertEqual(CoAuthorShare.percent("30"), 30)
        XCTAssertNil(CoAuthorShare.percent("ba mươi"))
        XCTAssertNil(CoAuthorShare.percent(""))
        let shares = [CoAuthorShare(contributorId: 2, share: 30), CoAuthorShare(contributorId: 3, share: 25)]
        XCTAssertEqual(CoAuthorShare.authorShare(leftBy: shares), 45)
        XCTAssertTrue(CoAuthorShare.areValid(shares))
        XCTAssertFalse(CoAuthorShare.areValid(shares + [CoAuthorShare(contributorId: 4, share: 45)]), "nothing left to the contributor")
        XCTAssertFalse(CoAuthorShare.areValid([CoAuthorShare(contributorId: 2, share: 10), CoAuthorShare(contributorId: 2, share: 10)]))
        XCTAssertFalse(CoAuthorShare.areValid([CoAuthorShare(contributorId: 2, share: 0)]))
    }

    func testTheSocialTextIsTrimmedAndHeldToItsLimitAndDefaultsToTheSapoOrTitle() {
        XCTAssertEqual(TransitionRequest.socialMessage("  Mời đọc \n"), "Mời đọc")
        XCTAssertNil(TransitionRequest.socialMessage(" \n "))
        XCTAssertNotNil(TransitionRequest.socialMessage(String(repeating: "á", count: TransitionRequest.socialMessageLimit)))
        XCTAssertNil(TransitionRequest.socialMessage(String(repeating: "á", count: TransitionRequest.socialMessageLimit + 1)))
        let summary = SubmissionSummary(id: 1, site: SiteRef(id: 1, code: "s", name: "S"), contributor: ContributorRef(id: 1, fullName: "A", penName: nil),
                                        title: "Tiêu đề", category: .news, language: "vi", status: .inReview, receivedAt: Date(), words: 1, revision: 1)
        XCTAssertEqual(Submission(summary: summary, sapo: " Sa pô. ", body: "").defaultSocialMessage, "Sa pô.")
        XCTAssertEqual(Submission(summary: summary, sapo: "  ", body: "").defaultSocialMessage, "Tiêu đề")
    }
}
