@testable import BienTapApp
import Dispatch
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText
import XCTest

/// `NewsroomApp.execute` itself: effects run through the event loop on the in-memory
/// screen against the real `bientap-portal`, and the messages that come back. Each
/// portal effect is run twice, with only its lane (Docs/architecture.md's table) reaching
/// the portal and with only the other one: it must succeed the first time and fail the
/// second. The journal goes through the real files.
final class NewsroomAppTests: XCTestCase {
    private var portal: LocalPortal!
    private var url = ""
    /// Nothing listens on the discard port: a lane sent there fails at once.
    private let nowhere = "http://127.0.0.1:9"

    override func setUpWithError() throws {
        portal = try LocalPortal(executable: QueueEndToEndTests.portalExecutable, editorDisplayName: "Kiểm thử")
        url = try portal.startServer()
        // The payment list's file is the accountant's.
        try PortalProcess.portal(["user", "grant", "demo", "--role", "accountant", "--db", portal.database])
    }

    override func tearDownWithError() throws {
        portal?.stop()
    }

    private enum Lane { case read, write }

    private var journal: Journal { Journal(directory: portal.directory.appendingPathComponent("journal").path) }

    /// Runs `effects` in a new app whose `live` lane reaches the portal (the other reaches
    /// nothing) and returns the messages that came back once `enough` holds of them, or
    /// after 30 s without.
    private func messages(_ effects: [Effect], live: Lane, journal: Journal? = nil, input: [InputEvent] = [],
                          until enough: ([AppMessage]) -> Bool) throws -> [AppMessage] {
        let reads = try AdminClient(baseURL: live == .read ? url : nowhere, token: portal.token)
        let writes = try AdminClient(baseURL: live == .write ? url : nowhere, token: portal.token)
        let state = AppState(language: .vi, portal: url, keymap: KeyBindings.load(userFile: nil).keymap, width: 100, height: 30,
                             journal: journal, inputMethod: nil)
        let app = NewsroomApp(portal: PortalLanes(reads: reads, writes: writes), state: state,
                              environment: ["HOME": portal.directory.path])
        let screen = MemoryScreen(width: 100, height: 30)
        // The loop waits for input or a message: a lost one ends it as a lost terminal would.
        nonisolated(unsafe) let watched = screen
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) { watched.enqueue(.terminate) }
        var received: [AppMessage] = []
        app.run(on: screen, starting: effects) { message in
            received.append(message)
            if case .openedForEditing(_, .success) = message, !input.isEmpty {
                for event in input { screen.enqueue(event) }
            }
            return enough(received) ? .quit : .proceed
        }
        return received
    }

    private func waitingItem() throws -> Submission {
        let client = try AdminClient(baseURL: url, token: portal.token)
        let item = try XCTUnwrap(client.allSubmissions(statuses: SubmissionStatus.pending).first, "the sample has no waiting item")
        return try client.submission(id: item.id)
    }

    func testReadsGoOnTheReadLane() throws {
        let item = try waitingItem()
        let effects: [Effect] = [.loadQueue(tab: 0, statuses: SubmissionStatus.pending), .loadSubmission(item.id)]
        let read = try messages(effects, live: .read) { $0.count == 3 }
        guard read.count == 3, case .queueLoaded(0, .success(let items)) = read[0], case .submissionLoaded(item.id, .success(let loaded)) = read[1],
              case .historyLoaded(item.id, .success(let history)) = read[2] else {
            return XCTFail("expected the queue, the item and its history, got \(read)")
        }
        XCTAssertTrue(items.contains { $0.id == item.id })
        XCTAssertEqual(loaded.body, item.body)
        XCTAssertEqual(history.revisions.map(\.number).max(), item.summary.revision, "the item's history, to its latest revision")

        let written = try messages(effects, live: .write) { $0.count == 2 }
        guard written.count == 2, case .queueLoaded(0, .failure(.transport)) = written[0],
              case .submissionLoaded(item.id, .failure(.transport)) = written[1] else {
            return XCTFail("a read reached the portal on the write lane: \(written)")
        }
    }

    func testOpeningSavingRenewingAndDecidingGoOnTheWriteLane() throws {
        let item = try waitingItem()
        let refused = try messages([.openForEditing(item.id)], live: .read) { !$0.isEmpty }
        guard case .openedForEditing(item.id, .failure(.transport))? = refused.first else {
            return XCTFail("opening for editing reached the portal on the read lane: \(refused)")
        }

        let opened = try messages([.openForEditing(item.id)], live: .write) { !$0.isEmpty }
        guard case .openedForEditing(item.id, .success(let start))? = opened.first else { return XCTFail("not opened: \(opened)") }
        XCTAssertEqual(start.submission.summary.status, .inReview, "opening claims a waiting item")
        XCTAssertNil(start.leftover, "no journal: nothing left over")

        let edit = SubmissionEdit(title: start.submission.summary.title, sapo: start.submission.sapo, body: start.submission.body + "\n\nThêm một đoạn.")
        let revision = start.submission.summary.revision
        let saving: [Effect] = [.save(id: item.id, edit: edit, base: revision), .renewLease(item.id),
                                .decide(id: item.id, TransitionRequest(action: .return, note: "Bổ sung nguồn."))]
        let down = try messages(saving, live: .read) { $0.count == 3 }
        guard down.count == 3, case .saved(item.id, .failure(.transport)) = down[0], case .leaseRenewed(item.id, .failure(.transport)) = down[1],
              case .decided(item.id, .return, .failure(.transport)) = down[2] else {
            return XCTFail("a write reached the portal on the read lane: \(down)")
        }

        let done = try messages(saving, live: .write) { $0.count == 3 }
        guard done.count == 3, case .saved(item.id, .success(let saved)) = done[0], case .leaseRenewed(item.id, .success(let lease)) = done[1],
              case .decided(item.id, .return, .success(let decided)) = done[2] else {
            return XCTFail("expected the save, the lease and the decision in order, got \(done)")
        }
        XCTAssertEqual(saved.summary.revision, revision + 1)
        XCTAssertTrue(saved.body.hasSuffix("Thêm một đoạn."))
        XCTAssertEqual(lease.holder, start.lease.holder)
        XCTAssertEqual(decided.summary.status, .returned)
    }

    func testAPaymentListIsSavedAsAFileFromTheReadLane() throws {
        let client = try AdminClient(baseURL: url, token: portal.token)
        let site = try XCTUnwrap(client.sites().first).code
        let month = try XCTUnwrap(RoyaltyScreen.shift(String(VietnamDay(containing: Date()).text.prefix(7)), by: -1))
        let folder = portal.directory.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let export: [Effect] = [.exportPaymentList(site: site, month: month, paidOn: nil, format: .csv, folder: folder.path)]

        let refused = try messages(export, live: .write) { !$0.isEmpty }
        guard case .paymentListExported(.failure(.portal(.transport)))? = refused.first else {
            return XCTFail("the file was read on the write lane: \(refused)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "nothing saved when nothing came")

        let saved = try messages(export, live: .read) { !$0.isEmpty }
        guard case .paymentListExported(.success(let file))? = saved.first else { return XCTFail("not saved: \(saved)") }
        XCTAssertTrue(file.path.hasPrefix(folder.path + "/"), file.path)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file.path)).count, file.bytes)
        XCTAssertGreaterThan(file.bytes, 0)
    }

    func testAWordAddedGoesToTheUsersDictionaryFile() throws {
        let added = try messages([.addToDictionary("Lýsơn")], live: .read) { !$0.isEmpty }
        guard case .wordAdded("Lýsơn", let path, nil)? = added.first else { return XCTFail("the word was not added: \(added)") }
        XCTAssertTrue(path.hasPrefix(portal.directory.path + "/"), "in the configuration directory of the app's HOME: " + path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "Lýsơn\n")
    }

    func testJournalWritesReachTheDiskInOrderAndAreReadBehindThemWhenOpening() throws {
        let item = try waitingItem()
        let key = Journal.key(portal: url, submission: item.id)
        func entry(_ text: String, at seconds: TimeInterval) -> Journal.Entry {
            Journal.Entry(key: key, label: "#\(item.id)", base: "Cũ.", revision: item.summary.revision, text: text,
                          savedAt: Date(timeIntervalSince1970: 1_795_000_000 + seconds))
        }
        // Kept, replaced, dropped (a save went through), kept again: the last one is what opening finds.
        let opened = try messages([.keepJournal(entry("Một.", at: 0)), .keepJournal(entry("Một. Hai.", at: 1)), .dropJournal(key: key),
                                   .keepJournal(entry("Ba.", at: 2)), .openForEditing(item.id)],
                                  live: .write, journal: journal) { !$0.isEmpty }
        guard case .openedForEditing(item.id, .success(let start))? = opened.first else { return XCTFail("not opened: \(opened)") }
        XCTAssertEqual(start.leftover, entry("Ba.", at: 2))

        // Dropped last: nothing is offered, and nothing is left on the disk.
        let dropped = try messages([.keepJournal(entry("Bốn.", at: 3)), .dropJournal(key: key), .openForEditing(item.id)],
                                   live: .write, journal: journal) { !$0.isEmpty }
        guard case .openedForEditing(item.id, .success(let again))? = dropped.first else { return XCTFail("not opened: \(dropped)") }
        XCTAssertNil(again.leftover)
        XCTAssertEqual(journal.entries(), [])

        // A journal that cannot be written says why.
        let blocked = portal.directory.appendingPathComponent("not-a-directory")
        try Data("x".utf8).write(to: blocked)
        let failed = try messages([.keepJournal(entry("Năm.", at: 4))], live: .write,
                                  journal: Journal(directory: blocked.appendingPathComponent("journal").path)) { !$0.isEmpty }
        guard case .journalFailed(let lost, let reason)? = failed.first else { return XCTFail("no failure came back: \(failed)") }
        XCTAssertEqual(lost, entry("Năm.", at: 4))
        XCTAssertEqual(reason, .notAFolder, "a file where the journal's folder should be")
    }

    func testALostTerminalLeavesTheWordsTypedInTheJournalBeforeTheAppReturns() throws {
        let item = try waitingItem()
        // Typed in one go, the words after the first letter reach the journal only on the way out.
        let words = "Chữ chưa lưu. "
        let input = words.map { InputEvent.key(.char($0)) } + [.terminate]
        _ = try messages([.openForEditing(item.id)], live: .write, journal: journal, input: input) { _ in false }
        let kept = try XCTUnwrap(journal.entry(for: Journal.key(portal: url, submission: item.id)), "the words never reached the journal")
        XCTAssertTrue(kept.text.hasPrefix(words + "Tiêu đề: "), kept.text)
    }
}
