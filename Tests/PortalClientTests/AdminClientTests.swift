import CurlHTTP
import Dispatch
import Foundation
import HummingbirdTesting
import Logging
import NewsroomKit
import PortalClient
@testable import PortalServer
import VietText
import XCTest

/// The libcurl client against the real portal application, live on a loopback port.
final class AdminClientTests: XCTestCase {
    private var directory: URL!

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-client-test-\(UUID().uuidString)")
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` with the base URL of a seeded portal and an editor's token for `sites`.
    private func withLivePortal(sites: [String?] = [nil], _ body: @escaping @Sendable (String, String, Store) throws -> Void) async throws {
        try await LivePortal.run(in: directory, grants: sites.map { Grant(role: .editor, site: $0) }, body)
    }

    func testHealthMeAndSites() async throws {
        try await withLivePortal(sites: ["huyen-ly-son", "huyen-ba-to"]) { url, token, _ in
            let client = try AdminClient(baseURL: url, token: token)
            XCTAssertEqual(try client.health().status, "ok")
            let me = try client.me()
            XCTAssertEqual(me.displayName, "Biên tập viên")
            XCTAssertEqual(Set(me.grants.compactMap(\.site)), ["huyen-ly-son", "huyen-ba-to"])
            XCTAssertEqual(Set(try client.sites().map(\.name)), ["UBND huyện Lý Sơn", "UBND huyện Ba Tơ"])
        }
    }

    func testPollingAListAsksIfNoneMatchAndA304AnswersFromTheLastPage() async throws {
        try await withLivePortal { url, token, _ in
            let client = try AdminClient(baseURL: url, token: token)
            let first = try client.submissions(statuses: [.submitted], limit: 20)
            XCTAssertEqual(client.notModifiedCount, 0)
            let again = try client.submissions(statuses: [.submitted], limit: 20)
            XCTAssertEqual(client.notModifiedCount, 1, "the unchanged page was not asked for conditionally")
            XCTAssertEqual(again.items, first.items)
            // Another page is its own URL: asked in full.
            _ = try client.submissions(statuses: [.submitted], limit: 10)
            XCTAssertEqual(client.notModifiedCount, 1)
            // A save changes the page: the new title comes, not the remembered page.
            let item = try client.submission(id: first.items[0].id)
            _ = try client.save(id: item.summary.id,
                                edit: SubmissionEdit(title: "Tiêu đề mới sau khi sửa", sapo: item.sapo, body: item.body),
                                base: item.summary.revision)
            let after = try client.submissions(statuses: [.submitted], limit: 20)
            XCTAssertEqual(client.notModifiedCount, 1)
            XCTAssertEqual(after.items.first { $0.id == item.summary.id }?.title, "Tiêu đề mới sau khi sửa")
            _ = try client.submissions(statuses: [.submitted], limit: 20)
            XCTAssertEqual(client.notModifiedCount, 2)
        }
    }

    func testSaveThroughLibcurlAndAStaleSaveKeepsBothTexts() async throws {
        try await withLivePortal { url, token, _ in
            let client = try AdminClient(baseURL: url, token: token)
            let item = try client.allSubmissions(statuses: [.submitted])[0]
            let opened = try client.submission(id: item.id)
            let mine = SubmissionEdit(title: opened.summary.title, sapo: opened.sapo, body: opened.body + "\n\nĐoạn thêm của tôi.", note: "thêm đoạn")
            let saved = try client.save(id: item.id, edit: mine, base: opened.summary.revision)
            XCTAssertEqual(saved.summary.revision, 2)
            XCTAssertTrue(saved.body.hasSuffix("Đoạn thêm của tôi."))
            // A second editor who opened revision 1 too: the error carries what is there now.
            let theirs = SubmissionEdit(title: "Tiêu đề khác", sapo: opened.sapo, body: opened.body)
            XCTAssertThrowsError(try client.save(id: item.id, edit: theirs, base: 1)) { error in
                guard case .staleRevision(let current)? = error as? PortalError else { return XCTFail("\(error)") }
                XCTAssertEqual(current.summary.revision, 2)
                XCTAssertEqual(current.body, saved.body)
            }
            let revisions = try client.revisions(of: item.id)
            XCTAssertEqual(revisions.map(\.number), [1, 2])
            XCTAssertEqual(revisions[1].note, "thêm đoạn")
            XCTAssertEqual(try client.revision(1, of: item.id).body, opened.body)
        }
    }

    func testLeasesThroughLibcurl() async throws {
        try await withLivePortal { url, token, store in
            let client = try AdminClient(baseURL: url, token: token)
            let items = try client.allSubmissions(statuses: [.submitted])
            let lease = try client.acquireLease(id: items[0].id)
            XCTAssertEqual(lease.holder, "editor")
            XCTAssertEqual(try client.submission(id: items[0].id).summary.lease?.holderName, "Biên tập viên")
            try client.releaseLease(id: items[0].id)
            XCTAssertNil(try client.submission(id: items[0].id).summary.lease)
            // Someone else's lease on another item: the error names them.
            let other = items[1].id
            let inserted = DispatchSemaphore(value: 0)
            Task {
                try? await store.transaction { try await store.sql.raw("""
                    INSERT INTO leases (submission_id, holder, holder_name, acquired_at, expires_at)
                    VALUES (\(bind: other), 'khac', 'Người khác', 0, \(bind: Int64(Date().timeIntervalSince1970 * 1000) + 60_000))
                    """).run() }
                inserted.signal()
            }
            inserted.wait()
            XCTAssertThrowsError(try client.acquireLease(id: other)) { error in
                guard case .leaseHeld(let held)? = error as? PortalError else { return XCTFail("\(error)") }
                XCTAssertEqual(held.holderName, "Người khác")
            }
        }
    }

    func testADecisionRetriedWithItsKeyIsTakenOnce() async throws {
        try await withLivePortal { url, token, _ in
            let client = try AdminClient(baseURL: url, token: token)
            let item = try client.allSubmissions(statuses: [.submitted])[0]
            let key = UUID().uuidString
            let first = try client.transition(id: item.id, TransitionRequest(action: .claim), base: 1, idempotencyKey: key)
            XCTAssertEqual(first.summary.status, .inReview)
            let again = try client.transition(id: item.id, TransitionRequest(action: .claim), base: 1, idempotencyKey: key)
            XCTAssertEqual(again, first, "the retry gets the first answer")
            XCTAssertThrowsError(try client.transition(id: item.id, TransitionRequest(action: .claim), base: 1, idempotencyKey: UUID().uuidString)) {
                XCTAssertEqual(($0 as? PortalError)?.apiCode, .illegalTransition)
            }
            XCTAssertEqual(try client.events(of: item.id).map(\.action), [.claim])
        }
    }

    func testPagingThroughThePendingQueueGetsEveryItemOnce() async throws {
        try await withLivePortal { url, token, _ in
            let client = try AdminClient(baseURL: url, token: token)
            let expected = SampleCorpus.statusMix.filter { SubmissionStatus.pending.contains($0.0) }.map(\.1).reduce(0, +)
            let small = try client.allSubmissions(statuses: SubmissionStatus.pending, pageSize: 9)
            XCTAssertEqual(small.count, expected)
            XCTAssertEqual(Set(small.map(\.id)).count, expected)
            let large = try client.allSubmissions(statuses: SubmissionStatus.pending)
            XCTAssertEqual(large.map(\.id), small.map(\.id), "page size does not change the order")
            let everything = try client.allSubmissions()
            XCTAssertEqual(everything.count, 240)
        }
    }

    func testVietnameseTextArrivesIntactAndNFC() async throws {
        try await withLivePortal { url, token, _ in
            let client = try AdminClient(baseURL: url, token: token)
            let first = try XCTUnwrap(client.submissions(statuses: [.submitted], limit: 1).items.first)
            let whole = try client.submission(id: first.id)
            XCTAssertEqual(whole.summary.title, first.title)
            XCTAssertTrue(Normalization.isNFC(whole.body))
            XCTAssertNotEqual(Diacritics.strip(whole.body), whole.body, "diacritics survive the trip")
            XCTAssertEqual(whole.summary.words, WordCount.of(whole.sapo + "\n" + whole.body))
        }
    }

    func testPortalErrorsAreTyped() async throws {
        try await withLivePortal(sites: ["huyen-ly-son"]) { url, token, _ in
            let wrong = try AdminClient(baseURL: url, token: "not-a-token")
            XCTAssertThrowsError(try wrong.me()) { error in
                guard case .api(let status, let body)? = error as? PortalError else { return XCTFail("\(error)") }
                XCTAssertEqual(status, 401)
                XCTAssertEqual(body.error.code, "unauthorized")
            }
            let client = try AdminClient(baseURL: url, token: token)
            XCTAssertThrowsError(try client.submissions(site: "so-y-te")) { error in
                guard case .api(403, let body)? = error as? PortalError else { return XCTFail("\(error)") }
                XCTAssertEqual(body.error.code, "forbidden")
            }
            XCTAssertThrowsError(try client.submission(id: 987_654)) { error in
                guard case .api(404, _)? = error as? PortalError else { return XCTFail("\(error)") }
            }
        }
    }

    func testSignInFilingNotesDiffsAndRatesThroughLibcurl() async throws {
        try await withLivePortal { url, _, store in
            let ready = DispatchSemaphore(value: 0)
            Task {
                try? await store.setPassword(name: "editor", password: "mật khẩu biên tập", cost: 4)
                ready.signal()
            }
            ready.wait()
            XCTAssertThrowsError(try AdminClient.signIn(baseURL: url, name: "editor", password: "sai")) { error in
                XCTAssertEqual((error as? PortalError)?.apiCode, .invalidCredentials)
            }
            let signedIn = try AdminClient.signIn(baseURL: url, name: "editor", password: "mật khẩu biên tập")
            let client = try AdminClient(baseURL: url, token: signedIn.token)
            XCTAssertEqual(try client.me().name, "editor")

            let draft = SubmissionDraft(site: "so-y-te", title: "Tin gửi qua libcurl", sapo: "Sapo.", body: "Nội dung ban đầu.", category: .news)
            let key = UUID().uuidString
            let created = try client.create(draft, idempotencyKey: key)
            XCTAssertEqual(created.summary.status, .submitted)
            XCTAssertEqual(try client.create(draft, idempotencyKey: key).id, created.id, "a retry files nothing new")

            _ = try client.save(id: created.id, edit: SubmissionEdit(title: draft.title, sapo: draft.sapo, body: "Nội dung đã sửa kỹ.", note: ""),
                                base: 1)
            let diff = try client.diff(of: created.id)
            XCTAssertEqual([diff.from, diff.to], [1, 2])
            XCTAssertEqual([diff.body.deletedWords, diff.body.insertedWords], [2, 3], diff.body.plain)
            XCTAssertTrue(diff.body.plain.hasPrefix("Nội dung [-ban"), diff.body.plain)

            let note = try client.addNote(to: created.id, NoteRequest(body: "Cần thêm nguồn.", visibility: .editors), idempotencyKey: UUID().uuidString)
            XCTAssertEqual(try client.notes(of: created.id).map(\.id), [note.id])
            XCTAssertTrue(try client.activeRateTable(site: "so-y-te").genres.contains { $0.code == "tin" })
        }
    }

    func testUnreachablePortalAndBadURLs() throws {
        // Port 9 (discard) is closed on a test machine: the connection is refused.
        let client = try AdminClient(baseURL: "http://127.0.0.1:9", token: "x")
        XCTAssertThrowsError(try client.health()) { error in
            guard case .transport(let t)? = error as? PortalError else { return XCTFail("\(error)") }
            XCTAssertTrue(t.isUnreachable, "\(t)")
        }
        XCTAssertThrowsError(try AdminClient(baseURL: "ftp://portal", token: "x")) { error in
            guard case .invalidPortalURL? = error as? PortalError else { return XCTFail("\(error)") }
        }
    }
}
