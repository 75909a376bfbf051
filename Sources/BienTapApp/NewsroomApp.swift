import CurlHTTP
import Dispatch
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI

/// Runs the newsroom UI: feeds input and results to `AppState`, runs its
/// effects on background lanes so neither the network nor the disk blocks drawing.
public final class NewsroomApp {
    /// Reads on one lane, saves, leases and decisions on the other, each with its own
    /// client and connection: a long queue reading never holds up a save.
    private let portal: PortalLanes
    private var state: AppState
    private let environment: [String: String]
    private let spelling: SpellService
    /// The journal's entries, kept and dropped in the order the editors ask.
    private let disk: DiskLane

    public init(portal: PortalLanes, state: AppState, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.portal = portal
        self.state = state
        self.environment = environment
        spelling = SpellService(userDictionary: ClientConfiguration.configDirectory(environment: environment)
            .appendingPathComponent("dictionary.txt").path)
        disk = DiskLane(journal: state.journal)
    }

    /// Runs until the user quits or the terminal goes away; returns once every journal
    /// write and dictionary word asked for is on the disk.
    public func run(on screen: Screen) {
        run(on: screen, starting: nil)
    }

    /// The loop. `starting` replaces what the app starts with (the state's `start()` and
    /// reading who the user is); `watch` sees each message before the state does and may
    /// end the loop: a test runs effects through the lanes so and reads what comes back.
    func run(on screen: Screen, starting: [Effect]?, watch: (AppMessage) -> LoopControl = { _ in .proceed }) {
        defer {
            disk.finish()
            spelling.finish()
        }
        let loop = EventLoop<AppMessage>(screen: screen)
        state.width = screen.width
        state.height = screen.height
        state.now = Date()
        var quit = false
        for effect in starting ?? state.start(leftovers: disk.entries()) { quit = execute(effect, loop: loop) || quit }
        if starting == nil {
            // Who we are, for "mine" in the lists; nothing is said when it cannot be read.
            portal.read { [mailbox = loop.mailbox] client in if let me = try? client.me() { mailbox.send(.meLoaded(me)) } }
        }
        if quit { return }
        loop.tickMilliseconds = state.wakeMilliseconds
        loop.run(render: { self.state.render() }, handle: { event in
            self.state.now = Date()
            let effects: [Effect]
            switch event {
            case .input(let input): effects = self.state.handle(input: input)
            case .message(let message):
                if watch(message) == .quit { return .quit }
                effects = self.state.handle(message: message)
            case .tick:
                effects = self.state.tick()
            }
            var shouldQuit = false
            for effect in effects { shouldQuit = self.execute(effect, loop: loop) || shouldQuit }
            // While a spinner turns or a toast waits to expire, the screen changes with time alone.
            loop.tickMilliseconds = self.state.wakeMilliseconds
            return shouldQuit ? .quit : .proceed
        })
    }

    /// Starts an effect; returns true when it ends the app.
    private func execute(_ effect: Effect, loop: EventLoop<AppMessage>) -> Bool {
        let language = state.language
        let clock = portal.clock
        // What the lanes' work holds to hand its result back: safe on any thread.
        let mailbox = loop.mailbox
        switch effect {
        case .quit:
            return true
        case .suspend:
            loop.screen.suspend()
        case .repaint:
            loop.screen.repaintAll()
        case .loadQueue(let tab, let statuses, let publishedToday):
            portal.read { client in
                let since = publishedToday ? DateText.startOfDay(Date()) : nil
                let result = Result { try client.allSubmissions(statuses: statuses, publishedFrom: since) }.mapError(PortalError.wrap)
                mailbox.send(.queueLoaded(tab: tab, result))
            }
        case .loadSubmission(let id):
            portal.read { client in
                let result = Result { try client.submission(id: id) }.mapError(PortalError.wrap)
                mailbox.send(.submissionLoaded(id, result))
                guard case .success = result else { return }
                let history = Result {
                    ReaderHistory(events: try client.events(of: id), revisions: try client.revisions(of: id), notes: try client.notes(of: id))
                }.mapError(PortalError.wrap)
                mailbox.send(.historyLoaded(id, history))
            }
        case .loadDuty:
            portal.read { client in
                let result = Result {
                    DutyData(sites: try client.sites().map(\.ref), items: try client.allSubmissions(statuses: [.approved, .scheduled]))
                }.mapError(PortalError.wrap)
                mailbox.send(.dutyLoaded(result))
            }
        case .addNote(let id, let note):
            let key = UUID().uuidString.lowercased()
            // One key through the retries: a note sent twice is kept once.
            portal.write(attempts: 3, pause: 1, { client in try client.addNote(to: id, note, idempotencyKey: key) }) { result in
                mailbox.send(.noteAdded(id, result.mapError(PortalError.wrap)))
            }
        case .loadDifferences(let id, let revisions):
            portal.read { client in
                let result = Result { try client.diff(of: id, from: revisions?.lowerBound, to: revisions?.upperBound) }
                    .mapError(PortalError.wrap)
                mailbox.send(.differencesLoaded(id, result))
            }
        case .openForEditing(let id):
            let key = Journal.key(portal: state.portal, submission: id)
            portal.write { [disk] client in
                let desk = DeskCommands(client: client, language: language, attempts: 1)
                // The words an earlier session left of it, read behind the journal's writes.
                let result = Result { try desk.openForEditing(id: id) }.map {
                    EditingStart(submission: $0.0, lease: $0.1,
                                 leftover: disk.leftover(for: key, base: SubmissionText.compose($0.0, language: language)))
                }.mapError(PortalError.wrap)
                mailbox.send(.openedForEditing(id, result))
            }
        case .prepareApproval(let id, let site):
            portal.read { client in
                let result = Result { ApprovalBasis(table: try client.activeRateTable(site: site), item: try client.submission(id: id)) }
                    .mapError(PortalError.wrap)
                mailbox.send(.approvalPrepared(id: id, result))
            }
        case .decide(let id, let request):
            portal.write { client in
                // A decision's retries keep their order with the writes: they wait on the lane.
                let desk = DeskCommands(client: client, language: language, clock: clock, onRetry: { _ in })
                let result = Result { try desk.decide(id: id, request) }.mapError(PortalError.wrap)
                mailbox.send(.decided(id, request.action, result))
            }
        case .save(let id, let edit, let base):
            portal.write { client in
                let result = Result { try client.save(id: id, edit: edit, base: base) }.mapError(PortalError.wrap)
                mailbox.send(.saved(id, result))
            }
        case .renewLease(let id):
            portal.write { client in
                let result = Result { try client.acquireLease(id: id) }.mapError(PortalError.wrap)
                mailbox.send(.leaseRenewed(id, result))
            }
        case .releaseLease(let id):
            portal.write { client in try? client.releaseLease(id: id) }
        case .checkSpelling(let id, let text, let changes):
            spelling.check(text) { mailbox.send(.spellChecked(id, changes: changes, $0)) }
        case .checkReaderSpelling(let id, let text):
            spelling.check(text) { mailbox.send(.readerSpellChecked(id, text: text, $0)) }
        case .keepJournal(let entry):
            disk.keep(entry) { mailbox.send(.journalFailed(entry, reason: $0)) }
        case .dropJournal(let key):
            disk.drop(key: key)
        case .addToDictionary(let word):
            let path = spelling.userDictionary
            spelling.add(word) { mailbox.send(.wordAdded(word, path: path, error: $0)) }
        case .loadLedgerMonth(let site, let month):
            portal.read { mailbox.send(LedgerWork.month($0, site: site, month: month)) }
        case .loadRoyaltyBudget(let site, let year):
            portal.read { mailbox.send(LedgerWork.budget($0, site: site, year: year)) }
        case .loadRoyaltyStatement(let site, let month, let contributor, let paidOn):
            portal.read { mailbox.send(LedgerWork.statement($0, site: site, month: month, contributor: contributor, paidOn: paidOn)) }
        case .closeRoyaltyMonth(let site, let month):
            portal.write { mailbox.send(LedgerWork.act($0, language: language, site: site, month: month, reference: nil)) }
        case .recordRoyaltyPayment(let site, let month, let reference):
            portal.write { mailbox.send(LedgerWork.act($0, language: language, site: site, month: month, reference: reference)) }
        case .exportPaymentList(let site, let month, let paidOn, let format, let folder):
            portal.read { mailbox.send(LedgerWork.export($0, site: site, month: month, paidOn: paidOn, format: format, folder: folder)) }
        case .loadActivity(let year):
            portal.read { mailbox.send(LedgerWork.activity($0, year: year)) }
        case .loadSocialPosts:
            portal.read { mailbox.send(SocialWork.posts($0)) }
        case .actOnSocialPost(let id, let act):
            portal.write { mailbox.send(SocialWork.act($0, language: language, id: id, act)) }
        case .editExternally(let text):
            // The terminal is lent to the other editor; nothing else draws meanwhile.
            let result = ExternalEditor.edit(text, environment: environment, screen: loop.screen)
            var quit = false
            for effect in state.handle(message: .editedExternally(result)) { quit = execute(effect, loop: loop) || quit }
            return quit
        }
        return false
    }
}

extension PortalError {
    /// Every error the client throws is a PortalError; this keeps Result's type exact.
    static func wrap(_ error: Error) -> PortalError {
        if let e = error as? PortalError { return e }
        if let e = error as? TransportError { return .transport(e) }
        return .malformedResponse(url: "", detail: String(describing: error))
    }
}
