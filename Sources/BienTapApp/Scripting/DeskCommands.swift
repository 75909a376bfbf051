import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// The desk without the screen, for scripts and cron: the queue as a table or JSON
/// lines, one item as text or JSON, a contributor's new draft, and the decisions.
/// Every decision carries one Idempotency-Key through its retries, so a retry after a
/// timeout never acts twice.
public struct DeskCommands {
    public enum Format: String, CaseIterable, Sendable { case table, jsonl, text, json }

    let client: any PortalAPI
    let language: UILanguage
    /// Attempts of a decision when the portal cannot be reached or the answer is lost.
    let attempts: Int
    let pause: TimeInterval
    /// Waits the `pause` between attempts (tests pass a `ManualClock` and move it).
    let clock: any WallClock
    /// Told of each retry (the command line says it on stderr; the screen says nothing).
    let onRetry: @Sendable (String) -> Void

    public init(client: any PortalAPI, language: UILanguage, attempts: Int = 3, pause: TimeInterval = 1,
                clock: any WallClock = SystemClock(),
                onRetry: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data("bientap: \($0)\n".utf8)) }) {
        self.client = client
        self.language = language
        self.attempts = attempts
        self.pause = pause
        self.clock = clock
        self.onRetry = onRetry
    }

    // MARK: - Reading

    /// Every item of the statuses (the waiting ones when none is given), all pages.
    public func queue(statuses: [SubmissionStatus], site: String?, format: Format, width: Int? = nil) throws -> String {
        let items = try client.allSubmissions(statuses: statuses.isEmpty ? [.submitted, .resubmitted] : statuses, site: site)
        switch format {
        case .jsonl, .json:
            let encoder = WireFormat.encoder()
            return try items.map { TerminalSafeText.json(String(decoding: try encoder.encode($0), as: UTF8.self)) + "\n" }.joined()
        case .table, .text:
            return Self.table(items, language: language, width: width)
        }
    }

    /// Columns aligned by display width (a Vietnamese letter is one column, CJK two);
    /// the title takes what is left of `width`, or all it needs when there is no terminal.
    /// The counts of findings and the lease holder are left out when no row has one.
    /// What the portal sent is shown as `TerminalSafeText` sees it, so it can neither act
    /// on the terminal nor throw the columns out of line.
    static func table(_ items: [SubmissionSummary], language: UILanguage, width: Int?) -> String {
        typealias Column = (title: String, numeric: Bool, cell: (SubmissionSummary) -> String)
        var columns: [Column] = [
            ("ID", true, { String($0.id) }),
            (Strings.columnReceived(language), false, { DateText.short($0.receivedAt) }),
            (Strings.columnSite(language), false, { $0.site.code }),
            (Strings.columnContributor(language), false, { $0.contributor.penName ?? $0.contributor.fullName }),
            (Strings.fieldCategory(language), false, { Strings.category($0.category)(language) }),
            (Strings.columnStatus(language), false, { Strings.status($0.status)(language) }),
            (Strings.columnWords(language), true, { String($0.words) }),
        ]
        if items.contains(where: { $0.spellFindings != nil }) {
            columns.append((Strings.columnSpelling(language), true, { QueueScreen.findingsCell($0) }))
        }
        if items.contains(where: { $0.lease != nil }) {
            columns.append((Strings.columnLease(language), false, { $0.lease?.holderName ?? "" }))
        }
        columns.append((Strings.columnTitle(language), false, \.title))
        let rows = items.map { item in columns.map { $0.cell(item) } }
        return aligned([columns.map(\.title)] + rows, numeric: columns.map(\.numeric), width: width)
    }

    /// `rows` (the first the heading) in columns two spaces apart, each as wide as its
    /// widest cell by display width, numbers to the right. Every cell passes
    /// `TerminalSafeText`. With a `width`, the last column takes what is left of it (at
    /// least 10) and longer cells are cut; the last column is never padded.
    static func aligned(_ rows: [[String]], numeric: [Bool], width: Int?) -> String {
        let all = rows.map { $0.map(TerminalSafeText.line) }
        guard let header = all.first, !header.isEmpty else { return "" }
        var widths = (0..<header.count).map { column in all.map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0 }
        let fixed = widths.dropLast().reduce(0, +) + 2 * (widths.count - 1)
        if let width { widths[widths.count - 1] = max(10, width - fixed) }
        return all.map { row in
            row.enumerated().map { column, cell in
                let isLast = column == row.count - 1
                let fitted = isLast && width != nil ? DisplayWidth.truncate(cell, to: widths[column]) : cell
                if isLast && !(column < numeric.count && numeric[column]) { return fitted }
                return DisplayWidth.fit(fitted, to: widths[column], alignRight: column < numeric.count && numeric[column])
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// One item for a terminal: everything in it from the portal passes `TerminalSafeText`.
    public func show(id: Int64, format: Format) throws -> String {
        let item = try client.submission(id: id)
        if format == .json || format == .jsonl {
            return TerminalSafeText.json(String(decoding: try WireFormat.encoder().encode(item), as: UTF8.self)) + "\n"
        }
        let s = item.summary
        let title = TerminalSafeText.line(s.title)
        var lines = [title, String(repeating: "=", count: max(3, DisplayWidth.of(title))), ""]
        let byline = s.contributor.penName.map { "\(s.contributor.fullName) (\($0))" } ?? s.contributor.fullName
        lines.append(Strings.readerMeta(site: s.site.name, byline: byline, received: DateText.full(s.receivedAt), words: s.words,
                                        status: Strings.status(s.status)(language))(language))
        lines.append(Strings.showRevision(s.revision, category: Strings.category(s.category)(language))(language))
        if let lease = s.lease { lines.append(Strings.showLease(lease.holderName, until: DateText.full(lease.expiresAt))(language)) }
        for author in item.coAuthors { lines.append(Strings.showCoAuthor(author.contributor.fullName, share: author.share)(language)) }
        lines += Strings.approvalDetails(item).map { $0(language) }
        for photo in item.attachments {
            lines.append(Strings.showPhoto(photo.number, caption: photo.caption, credit: photo.credit)(language)
                         + " (" + Strings.photoPayee(photo.creditContributor?.byline)(language) + ")")
        }
        lines += ["", item.sapo, "", item.body]
        return TerminalSafeText.lines(lines.joined(separator: "\n") + "\n")
    }

    // MARK: - Writing

    /// A contributor's new draft; one Idempotency-Key for all attempts.
    public func submit(_ draft: SubmissionDraft) throws -> Submission {
        let key = UUID().uuidString.lowercased()
        return try retrying { try client.create(draft, idempotencyKey: key) }
    }

    /// Takes `request` on item `id` as it is now, with the step a person would take first:
    /// an approval or a return of an item still waiting claims it (a rejection needs no
    /// claim); scheduling an item already scheduled moves it (unschedules it first).
    public func decide(id: Int64, _ request: TransitionRequest) throws -> Submission {
        var item = try retrying { try client.submission(id: id) }
        let status = item.summary.status
        if [.approve, .return].contains(request.action), WorkflowAction.claim.from.contains(status) {
            item = try act(id: id, TransitionRequest(action: .claim), base: item.summary.revision)
        } else if request.action == .schedule, status == .scheduled {
            item = try act(id: id, TransitionRequest(action: .unschedule), base: item.summary.revision)
        }
        return try act(id: id, request, base: item.summary.revision)
    }

    /// Opens item `id` for editing: its edit lease taken (or renewed) first, then the item
    /// claimed when it is still waiting. A failed claim gives the lease back.
    public func openForEditing(id: Int64) throws -> (Submission, Lease) {
        let lease = try retrying { try client.acquireLease(id: id) }
        do {
            var item = try retrying { try client.submission(id: id) }
            if WorkflowAction.claim.from.contains(item.summary.status) {
                item = try act(id: id, TransitionRequest(action: .claim), base: item.summary.revision)
            }
            return (item, lease)
        } catch {
            try? client.releaseLease(id: id)
            throw error
        }
    }

    private func act(id: Int64, _ request: TransitionRequest, base: Int) throws -> Submission {
        let key = UUID().uuidString.lowercased()
        return try retrying { try client.transition(id: id, request, base: base, idempotencyKey: key) }
    }

    /// `body` again while the portal cannot be reached or the answer was lost on the way.
    func retrying<T>(_ body: () throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try body()
            } catch PortalError.transport(let failure) where attempt < attempts {
                onRetry(TerminalSafeText.line(Strings.retrying(attempt: attempt, of: attempts, reason: Strings.transportReason(failure.kind)(language))(language)))
                attempt += 1
                clock.sleepThread(seconds: pause)
            }
        }
    }

    // MARK: - Reading what people type

    /// A moment as people type it, in Vietnam's time: `07:00 24/11/2026` and the other
    /// forms of `DateText.parse`, RFC 3339 (`2026-11-24T07:00:00+07:00`), `+30s`, `+90m`, `+2h`,
    /// `+1d`, `tomorrow`/`ngày mai` (07:00 tomorrow) and `monday`/`thứ hai` (07:00 next Monday).
    public static func moment(_ text: String, now: Date = Date()) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("+"), let unit = lower.last, let n = Int(lower.dropFirst().dropLast()), n >= 0 {
            switch unit {
            case "s": return now.addingTimeInterval(Double(n))
            case "m": return now.addingTimeInterval(Double(n) * 60)
            case "h": return now.addingTimeInterval(Double(n) * 3600)
            case "d": return now.addingTimeInterval(Double(n) * 86_400)
            default: return nil
            }
        }
        switch Normalization.nfc(lower) {
        case "tomorrow", "ngày mai", "mai": return QuickTime.tomorrowMorning.moment(now: now)
        case "monday", "thứ hai": return QuickTime.mondayMorning.moment(now: now)
        default: break
        }
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        return DateText.parse(trimmed, now: now)
    }
}

/// The moments a schedule is most often set for, offered as quick choices (in the order of
/// `Strings.quickTimes`) and named by words in scripts.
enum QuickTime: CaseIterable {
    case inAnHour, tomorrowMorning, mondayMorning

    /// The moment, from `now`: an hour on, or 07:00 in Vietnam tomorrow or next Monday.
    func moment(now: Date) -> Date? {
        let today = DateText.Fields(now)
        let todayNumber = CivilDate.days(year: today.year, month: today.month, day: today.day)
        func sevenOClock(daysAhead: Int) -> Date? {
            let (year, month, day) = CivilDate.fields(days: todayNumber + daysAhead)
            return DateText.date(DateText.Fields(year: year, month: month, day: day, hour: 7))
        }
        switch self {
        case .inAnHour:
            return now.addingTimeInterval(3600)
        case .tomorrowMorning:
            return sevenOClock(daysAhead: 1)
        case .mondayMorning:
            // 1970-01-01 was a Thursday: Monday is day number 4 modulo 7.
            let ahead = ((4 - todayNumber) % 7 + 7) % 7
            return sevenOClock(daysAhead: ahead == 0 ? 7 : ahead)
        }
    }
}
