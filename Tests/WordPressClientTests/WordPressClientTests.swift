import BienTapApp
import NewsroomKit
import PortalClient
import VietText
@testable import WordPressClient
import XCTest

/// The backend against a real WordPress (Debian's, brought up by Scripts/with-wordpress):
/// its queue, its words kept byte for byte, its conflicts, decisions, lock and refusals.
final class WordPressClientTests: XCTestCase {
    /// Every post the site has, in every status the desk lists.
    private func everyPost(_ client: WordPressClient) throws -> [SubmissionSummary] {
        try client.allSubmissions(statuses: [.submitted, .returned, .scheduled, .published], pageSize: 100)
    }

    /// A pending post of the contributor's, made for one test.
    private func newPost(_ site: TestSite, title: String, body: String) throws -> Submission {
        try site.client("congtacvien").create(SubmissionDraft(site: "", title: title, sapo: "Sa pô của \(title)", body: body, category: .news),
                                              idempotencyKey: UUID().uuidString)
    }

    func testSavingEveryPostUnchangedKeepsItsContentByteForByte() throws {
        let site = try TestSite.current()
        let editor = try site.client("bientap")
        let posts = try everyPost(editor)
        XCTAssertGreaterThanOrEqual(posts.count, 6, "the seeded samples")
        var plain = 0
        for row in posts {
            let before = try editor.post(row.id)
            let item = try editor.submission(id: row.id)
            if WordPressContent(raw: before.content?.raw ?? "").isPlain { plain += 1 }
            let saved = try editor.save(id: row.id, edit: SubmissionEdit(title: item.summary.title, sapo: item.sapo, body: item.body),
                                        base: item.summary.revision)
            let after = try editor.post(row.id)
            XCTAssertEqual(Data((after.content?.raw ?? "").utf8), Data((before.content?.raw ?? "").utf8), "content of post \(row.id)")
            XCTAssertEqual(after.title?.raw, before.title?.raw, "title of post \(row.id)")
            XCTAssertEqual(after.excerpt?.raw, before.excerpt?.raw, "excerpt of post \(row.id)")
            XCTAssertEqual(saved.body, item.body)
        }
        XCTAssertGreaterThan(plain, 0, "some samples are edited as plain paragraphs")
        XCTAssertLessThan(plain, posts.count, "and some as HTML")
    }

    func testTheQueueListsPendingPostsWithAuthorsAndAsksAgainGently() throws {
        let site = try TestSite.current()
        let editor = try site.client("bientap")
        let first = try editor.submissions(statuses: [.submitted], site: nil, publishedFrom: nil, cursor: nil, limit: 20)
        XCTAssertEqual(first.items.count, 20)
        XCTAssertNotNil(first.nextCursor)
        XCTAssertTrue(first.items.allSatisfy { $0.status == .submitted })
        let all = try editor.allSubmissions(statuses: [.submitted], pageSize: 20)
        XCTAssertEqual(Set(all.map(\.id)).count, all.count, "no post twice across pages")
        let sample = try XCTUnwrap(all.first { $0.title == "Lý Sơn đón đoàn khảo sát du lịch biển đảo" })
        XCTAssertEqual(sample.contributor.fullName, "Nguyễn Văn Hải")
        XCTAssertEqual(sample.site.name, "Cổng thông tin thử nghiệm")
        let cachedBefore = editor.cachedPageCount
        let again = try editor.submissions(statuses: [.submitted], site: nil, publishedFrom: nil, cursor: nil, limit: 20)
        XCTAssertEqual(again.items.map(\.id), first.items.map(\.id))
        XCTAssertEqual(editor.cachedPageCount, cachedBefore + 1, "a list that did not move is answered from the cache")
        // A new post moves the list: the next poll reads it.
        let added = try newPost(site, title: "Tin mới trong hàng chờ", body: "Một đoạn.")
        let moved = try editor.submissions(statuses: [.submitted], site: nil, publishedFrom: nil, cursor: nil, limit: 20)
        XCTAssertEqual(moved.items.first?.id, added.id)
        XCTAssertEqual(try editor.submissions(statuses: [.inReview], site: nil, publishedFrom: nil, cursor: nil, limit: 20).items.count, 0)
    }

    func testAnEditedParagraphIsSavedAndTheOtherBlocksKeepTheirBytes() throws {
        let site = try TestSite.current()
        let editor = try site.client("bientap")
        let created = try newPost(site, title: "Đường liên xã", body: "Đoạn một.\n\n## Tiến độ\n\n- Xong nền\n- Đang đổ bê tông\n\nĐoạn cuối.")
        let before = try XCTUnwrap(try editor.post(created.id).content?.raw)
        let item = try editor.submission(id: created.id)
        let saved = try editor.save(id: created.id, edit: SubmissionEdit(title: "Đường liên xã Bình Sơn", sapo: item.sapo,
                                                                         body: item.body.replacingOccurrences(of: "Đoạn cuối.", with: "Đoạn cuối, đã sửa.")),
                                    base: item.summary.revision)
        XCTAssertEqual(saved.summary.title, "Đường liên xã Bình Sơn")
        XCTAssertTrue(saved.body.hasSuffix("Đoạn cuối, đã sửa."))
        let after = try XCTUnwrap(try editor.post(created.id).content?.raw)
        let cut = try XCTUnwrap(before.range(of: "<!-- wp:paragraph -->\n<p>Đoạn cuối."))
        XCTAssertTrue(after.hasPrefix(String(before[..<cut.lowerBound])), "every block before the edited one as it was:\n\(after)")
    }

    func testASaveAfterSomeoneElseSavedIsAConflictCarryingTheirText() throws {
        let site = try TestSite.current()
        let lan = try site.client("bientap")
        let minh = try site.client("bientap2")
        let created = try newPost(site, title: "Hai người cùng sửa", body: "Bản gốc.")
        let lansCopy = try lan.submission(id: created.id)
        let minhsCopy = try minh.submission(id: created.id)
        _ = try minh.save(id: created.id, edit: SubmissionEdit(title: minhsCopy.summary.title, sapo: minhsCopy.sapo, body: "Bản của Minh."),
                          base: minhsCopy.summary.revision)
        // Within the same second as the post was made or not, Lan's save must not go through.
        XCTAssertThrowsError(try lan.save(id: created.id, edit: SubmissionEdit(title: lansCopy.summary.title, sapo: lansCopy.sapo, body: "Bản của Lan."),
                                          base: lansCopy.summary.revision)) { error in
            guard case .staleRevision(let current)? = error as? PortalError else { return XCTFail("\(error)") }
            XCTAssertEqual(current.body, "Bản của Minh.")
        }
        XCTAssertEqual(try lan.submission(id: created.id).body, "Bản của Minh.", "nothing of Lan's was written")
    }

    func testDecisionsScheduleInTheSitesTimeZonePublishReturnAndReject() throws {
        let site = try TestSite.current()
        let editor = try site.client("bientap")
        let toSchedule = try newPost(site, title: "Lên lịch", body: "Nội dung.")
        let at = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60 + 3 * 3600)
        var request = TransitionRequest(action: .schedule)
        request.publishAt = at
        let scheduled = try editor.transition(id: toSchedule.id, request, base: toSchedule.summary.revision, idempotencyKey: "k1")
        XCTAssertEqual(scheduled.summary.status, .scheduled)
        XCTAssertEqual(scheduled.summary.publishAt, at)
        XCTAssertTrue(try editor.allSubmissions(statuses: [.scheduled]).contains { $0.id == toSchedule.id })
        let published = try editor.transition(id: toSchedule.id, TransitionRequest(action: .publish), base: scheduled.summary.revision,
                                              idempotencyKey: "k2")
        XCTAssertEqual(published.summary.status, .published)
        XCTAssertLessThanOrEqual(try XCTUnwrap(published.summary.publishedAt), Date())
        XCTAssertTrue(try editor.allSubmissions(statuses: [.published], publishedFrom: Date().addingTimeInterval(-3600)).contains { $0.id == toSchedule.id })

        let toReturn = try newPost(site, title: "Trả lại", body: "Nội dung.")
        let returned = try editor.transition(id: toReturn.id, TransitionRequest(action: .return, note: "Bổ sung ảnh."),
                                             base: toReturn.summary.revision, idempotencyKey: "k3")
        XCTAssertEqual(returned.summary.status, .returned)
        XCTAssertEqual(try editor.notes(of: toReturn.id).map(\.body), ["Bổ sung ảnh."])

        let toReject = try newPost(site, title: "Từ chối", body: "Nội dung.")
        let rejected = try editor.transition(id: toReject.id, TransitionRequest(action: .reject, note: "Trùng tin."),
                                             base: toReject.summary.revision, idempotencyKey: "k4")
        XCTAssertEqual(rejected.summary.status, .rejected)
        // Taken again (a retry whose answer was lost), a decision in effect acts once.
        XCTAssertEqual(try editor.transition(id: toReject.id, TransitionRequest(action: .reject, note: "Trùng tin."),
                                             base: toReject.summary.revision, idempotencyKey: "k4").summary.status, .rejected)
    }

    func testTheEditLockShowsWhoHoldsItAndKeepsOthersOut() throws {
        let site = try TestSite.current()
        let lan = try site.client("bientap")
        let minh = try site.client("bientap2")
        let created = try newPost(site, title: "Khóa sửa", body: "Nội dung.")
        let lease = try lan.acquireLease(id: created.id)
        XCTAssertEqual(lease.holder, "bientap")
        XCTAssertEqual(lease.holderName, "Lê Thị Lan")
        XCTAssertEqual(lease.expiresAt.timeIntervalSince(lease.acquiredAt), 150)
        XCTAssertThrowsError(try minh.acquireLease(id: created.id)) { error in
            guard case .leaseHeld(let held)? = error as? PortalError else { return XCTFail("\(error)") }
            XCTAssertEqual(held.holderName, "Lê Thị Lan")
        }
        XCTAssertEqual(try minh.submission(id: created.id).summary.lease?.holder, "bientap", "lists and items show the holder")
        XCTAssertNoThrow(try lan.acquireLease(id: created.id), "the holder renews")
        try lan.releaseLease(id: created.id)
        XCTAssertEqual(try minh.acquireLease(id: created.id).holder, "bientap2")
    }

    func testRevisionsAndTheirDifferences() throws {
        let site = try TestSite.current()
        let editor = try site.client("bientap")
        let created = try newPost(site, title: "Có lịch sử", body: "Câu đầu tiên.")
        let item = try editor.submission(id: created.id)
        _ = try editor.save(id: created.id, edit: SubmissionEdit(title: item.summary.title, sapo: item.sapo, body: "Câu đầu tiên đã sửa."),
                            base: item.summary.revision)
        let revisions = try editor.revisions(of: created.id)
        XCTAssertGreaterThanOrEqual(revisions.count, 2)
        XCTAssertEqual(revisions.map(\.number), Array(1...revisions.count))
        XCTAssertEqual(try editor.revision(revisions.count, of: created.id).body, "Câu đầu tiên đã sửa.")
        let diff = try editor.diff(of: created.id, from: nil, to: nil)
        XCTAssertTrue(diff.body.plain.contains("sửa"), diff.body.plain)
    }

    func testWhatWordPressLacksIsSaidInWordsNotBroken() throws {
        let site = try TestSite.current()
        let admin = try site.client("quantri")
        let refusals: [(WordPressUnavailable.Feature, () throws -> Void)] = [
            (.royalties, { _ = try admin.paymentList(site: "x", month: "2026-11", paidOn: nil) }),
            (.royalties, { _ = try admin.activeRateTable(site: "x") }),
            (.activityReport, { _ = try admin.activityReport(from: "2026-01-01", to: "2026-12-31") }),
            (.socialQueue, { _ = try admin.socialPosts(statuses: [], channel: nil, site: nil, limit: 10) }),
        ]
        for (feature, call) in refusals {
            XCTAssertThrowsError(try call()) { error in
                XCTAssertEqual(WordPressUnavailable.feature(of: error), feature)
                let words = Strings.portalError(error, portal: site.url)(.vi)
                XCTAssertTrue(words.contains("WordPress"), words)
                XCTAssertFalse(words.contains(WordPressUnavailable.code), words)
            }
        }
        XCTAssertTrue(try admin.me().grants.contains { $0.role == .admin })
        XCTAssertEqual(try site.client("congtacvien").me().grants.map(\.role), [.contributor])
    }

    func testPlainHTTPOnlyToThisMachineAndTheSiteIsRecognised() throws {
        let site = try TestSite.current()
        XCTAssertThrowsError(try WordPressClient(baseURL: "http://portal.example.gov.vn", user: "a", applicationPassword: "b"))
        XCTAssertNoThrow(try WordPressClient(baseURL: "https://portal.example.gov.vn", user: "a", applicationPassword: "b"))
        XCTAssertTrue(WordPressClient.detect(baseURL: site.url))
        XCTAssertThrowsError(try WordPressClient(baseURL: site.url, user: "bientap", applicationPassword: "wrong").me()) { error in
            XCTAssertEqual((error as? PortalError)?.apiCode, .unauthorized)
        }
    }
}
