@testable import BienTapApp
import Foundation
import NewsroomKit
import TerminalUI
import VietText
import XCTest

/// How the desk composes its screens: results reach the screen they are for wherever it is,
/// and a decision is told to every screen that shows the item.
final class ScreenCompositionTests: XCTestCase {
    /// 10:00 on Tuesday 24 November 2026, Vietnam time.
    private let now = DateText.date(DateText.Fields(year: 2026, month: 11, day: 24, hour: 10))!
    private let yte = SiteRef(id: 1, code: "so-y-te", name: "Sở Y tế")

    private func item(_ id: Int64, title: String) -> SubmissionSummary {
        SubmissionSummary(id: id, site: yte, contributor: ContributorRef(id: 1, fullName: "Lê Hồng", penName: nil), title: title,
                          category: .news, language: "en", status: .scheduled, receivedAt: now, words: 100, revision: 1,
                          publishAt: now.addingTimeInterval(3600))
    }

    /// The duty view with items 1 and 2, and the reader open on item 1 over it.
    private func readerOverDuty() -> AppState {
        var s = AppState(language: .vi, portal: "http://127.0.0.1:9", keymap: KeyBindings.load(userFile: nil).keymap, width: 80, height: 24)
        s.now = now
        XCTAssertEqual(s.handle(input: .key(.char("D"))), [.loadDuty])
        _ = s.handle(message: .dutyLoaded(.success(DutyData(sites: [yte], items: [item(1, title: "Bài một"), item(2, title: "Bài hai")]))))
        XCTAssertEqual(s.handle(input: .key(.enter)), [.loadSubmission(1)])
        XCTAssertEqual(s.context, AppActions.reader)
        return s
    }

    func testAResultReachesTheScreenItIsForUnderAnother() {
        var s = readerOverDuty()
        _ = s.handle(message: .dutyLoaded(.success(DutyData(sites: [yte], items: [item(2, title: "Bài hai")]))))
        XCTAssertEqual(s.context, AppActions.reader, "the reader stays on top")
        guard case .duty(let duty)? = s.overlays.first else { return XCTFail("no duty view below") }
        XCTAssertEqual(duty.items.map(\.id), [2])
        XCTAssertEqual(duty.selected?.id, 2, "the item that went gives its place to its neighbour")
        // The reader's own answer still reaches it.
        _ = s.handle(message: .submissionLoaded(1, .success(Submission(summary: item(1, title: "Bài một"), sapo: "", body: "Nội dung."))))
        XCTAssertTrue(s.render().text.contains("Nội dung."))
    }

    func testADecisionIsToldToEveryScreenThatShowsIt() {
        var s = readerOverDuty()
        let decided = Submission(summary: item(1, title: "Bài một, đã lên lịch"), sapo: "", body: "Nội dung.")
        let effects = s.handle(message: .decided(1, .schedule, .success(decided)))
        XCTAssertTrue(effects.contains(.loadDuty), "\(effects)")
        XCTAssertTrue(effects.contains(.loadSubmission(1)), "\(effects)")
        XCTAssertTrue(effects.contains { if case .loadQueue = $0 { true } else { false } }, "\(effects)")
        XCTAssertTrue(s.render().rowText(0).contains("Bài một, đã lên lịch"), s.render().rowText(0))
    }

    func testBackLeavesTheReaderForTheScreenBelowWhichKeepsItsPlace() {
        var s = readerOverDuty()
        XCTAssertEqual(s.handle(input: .key(.char("q"))), [])
        XCTAssertEqual(s.context, AppActions.duty)
        guard case .duty(let duty)? = s.overlays.last else { return XCTFail("no duty view") }
        XCTAssertEqual(duty.selected?.id, 1)
    }
}
