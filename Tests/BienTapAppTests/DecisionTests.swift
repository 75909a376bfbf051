@testable import BienTapApp
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText
import XCTest

/// Decisions from the queue: the forms, what they refuse, and what goes to the portal.
final class DecisionTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_763_950_000)
    private let table = RateTable(name: "Khung", basis: "NĐ 18", effectiveFrom: "2014-06-01", genres: [
        .init(code: "tin", name: "Tin", coefficient: .init(min: 1, max: 10)),
        .init(code: "van-ban", name: "Văn bản", amount: .init(min: 20_000, max: 200_000)),
    ])

    private func queue(language: UILanguage = .vi) -> AppState {
        var s = AppState(language: language, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap, width: 100, height: 24)
        s.now = now
        let item = SubmissionSummary(id: 7, site: SiteRef(id: 1, code: "so-y-te", name: "Sở Y tế"),
                                     contributor: ContributorRef(id: 1, fullName: "Lê Hồng", penName: nil), title: "Tin số 7",
                                     category: .news, language: "vi", status: .inReview, receivedAt: now, words: 100, revision: 3)
        _ = s.handle(message: .queueLoaded(tab: 0, .success([item])))
        return s
    }

    private func keys(_ s: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { s.handle(input: .key($0)) }
    }

    private func type(_ s: inout AppState, _ text: String) {
        for c in text { _ = s.handle(input: .key(.char(c))) }
    }

    private func screen(_ s: AppState) -> String {
        let frame = s.render()
        return (0..<frame.height).map { frame.rowText($0) }.joined(separator: "\n")
    }

    func testGradesAreReadAsPeopleTypeThemAndHeldToTheGenresRange() {
        XCTAssertEqual(AppState.grading(table.genres[0], "1,5"), Grading(genre: "tin", coefficient: 1.5))
        XCTAssertEqual(AppState.grading(table.genres[0], " 10 "), Grading(genre: "tin", coefficient: 10))
        XCTAssertNil(AppState.grading(table.genres[0], "11"))
        XCTAssertNil(AppState.grading(table.genres[0], "một"))
        XCTAssertEqual(AppState.grading(table.genres[1], "50.000 đ"), Grading(genre: "van-ban", amount: 50_000))
        XCTAssertNil(AppState.grading(table.genres[1], "5.000"))
    }

    /// The item as the portal sends it for an approval: a sapo, and co-authors when given.
    /// An item in review; with `photo`, one photo credited to no one (a cover for Zalo, a field
    /// in the form that pays nobody).
    private func basis(_ coAuthors: [CoAuthor] = [], photo: Bool = true) -> ApprovalBasis {
        var summary = queueItem()
        summary.status = .inReview
        let photos = photo ? [Attachment(number: 1, filename: "1.jpg", contentType: "image/jpeg", size: 3, sha256: "", caption: "Khám bệnh",
                                         credit: "Ảnh: cộng tác viên")] : []
        return ApprovalBasis(table: table, item: Submission(summary: summary, sapo: "Sở Y tế khám miễn phí cho 500 người.", body: "Nội dung.",
                                                            authorShare: 100 - coAuthors.reduce(0) { $0 + $1.share }, coAuthors: coAuthors,
                                                            attachments: photos))
    }

    func testApprovingLoadsTheRateTableAndTheItemAndSendsTheGradingAndChannels() {
        var s = queue()
        XCTAssertEqual(keys(&s, .char("a")), [.prepareApproval(id: 7, site: "so-y-te")])
        _ = s.handle(message: .approvalPrepared(id: 7, .success(basis())))
        XCTAssertTrue(screen(s).contains("Duyệt bài #7"), screen(s))
        XCTAssertTrue(screen(s).contains("hệ số 1–10 · Tin"), screen(s))
        XCTAssertFalse(screen(s).contains("Phần của"), "no co-authors, no shares to settle")
        _ = keys(&s, .tab)
        type(&s, "12")
        XCTAssertEqual(keys(&s, .enter), [], "out of range: refused")
        XCTAssertTrue(screen(s).contains("Duyệt bài #7"), "the form stays, as filled in")
        XCTAssertTrue(screen(s).contains("là một số từ 1 đến 10"), screen(s))
        _ = keys(&s, .backspace, .backspace)
        type(&s, "2,5")
        // Past the photo (credited to no one); Zalo ticked; the social text starts as the sapo; then the note.
        _ = keys(&s, .tab, .tab, .char(" "), .tab, .tab, .tab)
        type(&s, "Đăng sáng mai")
        let expected = TransitionRequest(action: .approve, note: "Đăng sáng mai", grading: Grading(genre: "tin", coefficient: 2.5), channels: ["zalo"],
                                         socialMessage: "Sở Y tế khám miễn phí cho 500 người.")
        XCTAssertEqual(keys(&s, .enter), [.decide(id: 7, expected)])
        XCTAssertEqual(keys(&s, .char("a")), [], "one decision at a time on an item")
        // Answered: said, and the queue read again.
        var item = SubmissionSummary(id: 7, site: SiteRef(id: 1, code: "so-y-te", name: "Sở Y tế"),
                                     contributor: ContributorRef(id: 1, fullName: "Lê Hồng", penName: nil), title: "Tin số 7",
                                     category: .news, language: "vi", status: .approved, receivedAt: now, words: 100, revision: 3)
        item.status = .approved
        XCTAssertEqual(s.handle(message: .decided(7, .approve, .success(Submission(summary: item, sapo: "", body: "")))),
                       [.loadQueue(tab: 0, statuses: SubmissionStatus.pending)])
        XCTAssertTrue(screen(s).contains("Đã duyệt #7 Tin số 7"), screen(s))
        // A second approval reads the table and the item again: either may have changed.
        _ = s.handle(message: .queueLoaded(tab: 0, .success([item])))
        XCTAssertEqual(keys(&s, .char("a")), [.prepareApproval(id: 7, site: "so-y-te")])
    }

    func testAnApprovalSettlesCoAuthorsSharesAndTheSocialText() {
        var s = queue()
        _ = keys(&s, .char("a"))
        let lan = ContributorRef(id: 5, fullName: "Trần Lan", penName: nil), minh = ContributorRef(id: 6, fullName: "Lê Minh", penName: "Minh Lê")
        _ = s.handle(message: .approvalPrepared(id: 7, .success(basis([CoAuthor(contributor: lan, share: 30), CoAuthor(contributor: minh, share: 20)]))))
        XCTAssertTrue(screen(s).contains("Phần của Trần Lan (%)"), screen(s))
        XCTAssertTrue(screen(s).contains("Phần của Minh Lê (%)"), screen(s))
        _ = keys(&s, .tab)
        type(&s, "1")
        // Lan's share: 120 is no percentage.
        _ = keys(&s, .tab, .backspace, .backspace)
        type(&s, "120")
        XCTAssertEqual(keys(&s, .enter), [])
        XCTAssertTrue(screen(s).contains("Phần của Trần Lan là một số từ 0 đến 99"), screen(s))
        // 60 + 50 leaves the author nothing.
        _ = keys(&s, .backspace, .backspace, .backspace)
        type(&s, "60")
        _ = keys(&s, .tab, .backspace, .backspace)
        type(&s, "50")
        XCTAssertEqual(keys(&s, .enter), [])
        XCTAssertTrue(screen(s).contains("cộng lại phải dưới 100%"), screen(s))
        // Minh taken off (0); past the photo; Facebook ticked and the social text added to.
        _ = keys(&s, .backspace, .backspace)
        type(&s, "0")
        _ = keys(&s, .tab, .tab, .tab, .char(" "), .tab)
        type(&s, " Mời bạn đọc.")
        let expected = TransitionRequest(action: .approve, grading: Grading(genre: "tin", coefficient: 1), channels: ["facebook"],
                                         socialMessage: "Sở Y tế khám miễn phí cho 500 người. Mời bạn đọc.",
                                         coAuthors: [CoAuthorShare(contributorId: 5, share: 60)])
        XCTAssertEqual(keys(&s, .enter), [.decide(id: 7, expected)])
    }

    func testZaloWithoutACoverPhotoIsRefusedBeforeThePortalIsAsked() {
        var s = queue()
        _ = keys(&s, .char("a"))
        _ = s.handle(message: .approvalPrepared(id: 7, .success(basis(photo: false))))
        _ = keys(&s, .tab)
        type(&s, "2")
        _ = keys(&s, .tab, .char(" "))
        XCTAssertEqual(keys(&s, .enter), [], "Zalo without a photo: nothing sent")
        XCTAssertTrue(screen(s).contains("Zalo cần ảnh bìa"), screen(s))
        XCTAssertTrue(screen(s).contains("Duyệt bài #7"), "the form stays, as filled in")
        // Zalo unticked, Facebook ticked: it goes.
        _ = keys(&s, .char(" "), .tab, .char(" "))
        XCTAssertEqual(keys(&s, .enter), [.decide(id: 7, TransitionRequest(action: .approve, grading: Grading(genre: "tin", coefficient: 2),
                                                                           channels: ["facebook"], socialMessage: "Sở Y tế khám miễn phí cho 500 người."))])
    }

    func testSharesLeftAsTheyWereAreNotSentAndAnEmptySocialTextIsRefused() {
        var s = queue()
        _ = keys(&s, .char("a"))
        _ = s.handle(message: .approvalPrepared(id: 7, .success(basis([CoAuthor(contributor: ContributorRef(id: 5, fullName: "Trần Lan", penName: nil), share: 30)]))))
        _ = keys(&s, .tab)
        type(&s, "2")
        _ = keys(&s, .tab, .tab, .tab, .char(" "), .tab, .tab)
        for _ in 0..<60 { _ = keys(&s, .backspace) }
        XCTAssertEqual(keys(&s, .enter), [], "Zalo ticked with nothing to post")
        XCTAssertTrue(screen(s).contains("Lời đăng mạng xã hội từ 1 đến 2.000 ký tự"), screen(s))
        type(&s, "Tin mới")
        XCTAssertEqual(keys(&s, .enter), [.decide(id: 7, TransitionRequest(action: .approve, grading: Grading(genre: "tin", coefficient: 2),
                                                                           channels: ["zalo"], socialMessage: "Tin mới"))])
    }

    func testAReturnMustSayWhyAndAScheduleTakesQuickChoicesOrATypedTime() {
        var s = queue()
        _ = keys(&s, .char("R"))
        XCTAssertEqual(keys(&s, .enter), [])
        XCTAssertTrue(screen(s).contains("trả lại phải nói lý do"), screen(s))
        type(&s, "Thiếu ảnh")
        XCTAssertEqual(keys(&s, .enter), [.decide(id: 7, TransitionRequest(action: .return, note: "Thiếu ảnh"))])
        _ = s.handle(message: .decided(7, .return, .failure(.api(status: 403, body: APIErrorBody(code: .forbidden, detail: "so-y-te")))))
        XCTAssertTrue(screen(s).contains("403"), screen(s))

        _ = keys(&s, .char("S"))
        XCTAssertTrue(screen(s).contains("1 giờ nữa"), screen(s))
        XCTAssertEqual(keys(&s, .enter), [.decide(id: 7, TransitionRequest(action: .schedule, publishAt: now.addingTimeInterval(3600)))])
        _ = s.handle(message: .decided(7, .schedule, .success(Submission(summary: queueItem(), sapo: "", body: ""))))
        _ = keys(&s, .char("S"), .tab)
        type(&s, "hôm kia")
        XCTAssertEqual(keys(&s, .enter), [])
        XCTAssertTrue(screen(s).contains("Không hiểu giờ «hôm kia»"), screen(s))
        _ = keys(&s, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        type(&s, "+10s")
        XCTAssertEqual(keys(&s, .enter), [.decide(id: 7, TransitionRequest(action: .schedule, publishAt: now.addingTimeInterval(10)))])
    }

    /// The screen's form has no --note or --reason: what it says is the form's, in either language.
    func testAMissingNoteIsSaidInTheScreensWordsNotTheCommandLines() {
        for (language, returnText, rejectText) in [(UILanguage.vi, "Chưa có ghi chú", "Chưa có lý do"), (.en, "No note", "No reason")] {
            var s = queue(language: language)
            _ = keys(&s, .char("R"))
            XCTAssertEqual(keys(&s, .enter), [])
            XCTAssertTrue(screen(s).contains(returnText), screen(s))
            XCTAssertFalse(screen(s).contains("--note"), screen(s))
            _ = keys(&s, .escape, .char("X"))
            XCTAssertEqual(keys(&s, .enter), [])
            XCTAssertTrue(screen(s).contains(rejectText), screen(s))
            XCTAssertFalse(screen(s).contains("--reason"), screen(s))
        }
    }

    func testPublishingNowAsksFirst() {
        var s = queue()
        XCTAssertEqual(keys(&s, .char("P")), [])
        XCTAssertTrue(screen(s).contains("Đăng ngay bài #7 «Tin số 7»"), screen(s))
        XCTAssertEqual(keys(&s, .escape), [], "cancelled")
        XCTAssertFalse(screen(s).contains("Đăng ngay bài"), screen(s))
        _ = keys(&s, .char("P"))
        XCTAssertEqual(keys(&s, .char("l")), [.decide(id: 7, TransitionRequest(action: .publish))])
    }

    private func queueItem() -> SubmissionSummary {
        SubmissionSummary(id: 7, site: SiteRef(id: 1, code: "so-y-te", name: "Sở Y tế"),
                          contributor: ContributorRef(id: 1, fullName: "Lê Hồng", penName: nil), title: "Tin số 7",
                          category: .news, language: "vi", status: .scheduled, receivedAt: now, words: 100, revision: 3)
    }
}

extension DecisionTests {
    func testInReviewSaysWhoIsEditingEachItemMeOrTheirName() {
        var s = queue()
        _ = s.handle(input: .key(.tab))
        let lease = { (holder: String, name: String) in Lease(holder: holder, holderName: name, acquiredAt: self.now, expiresAt: self.now.addingTimeInterval(300)) }
        let items = [("lan", "Lan Phạm"), ("hoa", "Hoa Trần")].enumerated().map { i, holder in
            SubmissionSummary(id: Int64(20 + i), site: SiteRef(id: 1, code: "so-y-te", name: "Sở Y tế"),
                              contributor: ContributorRef(id: 1, fullName: "Lê Hồng", penName: nil), title: "Bài \(i)", category: .news,
                              language: "vi", status: .inReview, receivedAt: now.addingTimeInterval(Double(-i) * 60), words: 100,
                              revision: 1, lease: lease(holder.0, holder.1))
        }
        _ = s.handle(message: .queueLoaded(tab: 1, .success(items)))
        XCTAssertTrue(screen(s).contains("Đang sửa"), screen(s))
        XCTAssertTrue(screen(s).contains("Lan Phạm"), screen(s))
        _ = s.handle(message: .meLoaded(Me(name: "lan", displayName: "Lan Phạm", grants: [])))
        let rows = screen(s).split(separator: "\n").map(String.init)
        XCTAssertTrue(rows.contains { $0.contains("Bài 0") && $0.hasSuffix("tôi") }, rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains { $0.contains("Bài 1") && $0.contains("Hoa Trần") }, rows.joined(separator: "\n"))
        // The waiting tab keeps its five columns.
        _ = s.handle(input: .key(.backTab))
        XCTAssertFalse(screen(s).contains("Đang sửa"), screen(s))
    }
}
