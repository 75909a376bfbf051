import Foundation
import NewsroomKit
import TerminalUI
import VietText

/// One submission, read-only, in a pager.
struct ReaderScreen {
    let id: Int64
    /// The title in the header: the queue's until the item is read, then the item's own.
    var title: String
    var submission: Submission? {
        didSet { if let submission { title = submission.summary.title } }
    }
    var pager = PagerState()
    var search = PagerSearch()
    var isLoading = true
    /// Two revisions word by word, once loaded, and whether they are shown.
    var differences: RevisionDiff?
    var showsDifferences = false
    /// The revisions compared, chosen with `v`; nil: the contributor's original against now.
    var compared: ClosedRange<Int>?
    /// What happened to the item and what the board said about it, once loaded.
    var history: ReaderHistory?
    /// The spell checker's findings in the article as shown (lines of `articleLines`), the
    /// text they are of (nil until the checker answers) and the one F7/F6 last went to.
    var findings: [Finding] = []
    var checkedText: String?
    var currentFinding: Int?
    /// F7/F6 pressed before the checker answered: the step to take when it does (forward or not).
    var stepWhenChecked: Bool?

    /// The article (or its differences) as lines of text, before they are wrapped to the screen.
    func sourceLines(theme: Theme, language: UILanguage) -> [StyledLine] {
        if showsDifferences {
            guard let differences else { return [] }
            var source = [StyledLine(Strings.differencesHeading(from: differences.from, to: differences.to,
                                                                 latest: history?.revisions.map(\.number).max() ?? submission?.summary.revision)(language),
                                     style: theme.dim),
                          StyledLine("")]
            if differences.title.isEmpty && differences.sapo.isEmpty && differences.body.isEmpty {
                source.append(StyledLine(Strings.noDifferences(language)))
                return source
            }
            source += DiffLines.lines(differences.title, theme: theme).map { var line = $0; line.style = theme.title; return line }
            source.append(StyledLine(""))
            source += DiffLines.lines(differences.sapo, theme: theme).map { var line = $0; line.style = theme.header; return line }
            source.append(StyledLine(""))
            source += DiffLines.lines(differences.body, theme: theme)
            return source
        }
        guard let submission else { return [] }
        var source = articleLines(submission, theme: theme, language: language)
        source = PagerView.highlighting(findingMatches, in: source, style: theme.finding, current: currentFinding, currentStyle: theme.selected)
        source += detailLines(submission, theme: theme, language: language)
        return source
    }

    /// Where the findings are, as the pager counts: a line of `articleLines` and its characters.
    var findingMatches: [PagerMatch] {
        findings.map { PagerMatch(line: $0.line - 1, range: ($0.column - 1)..<($0.column - 1 + $0.length)) }
    }

    /// The text to send to the checker when the article shown is not the one the findings
    /// are of (those findings are dropped); nil when they are up to date, or for an article
    /// not in Vietnamese.
    mutating func textToCheck(language: UILanguage) -> String? {
        guard let text = spellingText(language: language), text != checkedText else { return nil }
        findings = []
        currentFinding = nil
        checkedText = nil
        return text
    }

    /// Whether the checker has yet to answer for the article shown.
    func isBeingChecked(language: UILanguage) -> Bool {
        checkedText == nil && spellingText(language: language) != nil
    }

    /// What the spell checker reads: the article's lines as shown, the line under the title
    /// left blank, so that a finding's line is the line on the screen; nil for an article in
    /// another language than Vietnamese.
    func spellingText(language: UILanguage) -> String? {
        guard let submission, submission.summary.language.lowercased().hasPrefix("vi") else { return nil }
        var lines = articleLines(submission, theme: .default, language: language).map(\.text)
        if lines.count > 1 { lines[1] = "" }
        return lines.joined(separator: "\n")
    }

    /// The article as the reader draws it: title, the line about it, sapo and body.
    private func articleLines(_ submission: Submission, theme: Theme, language: UILanguage) -> [StyledLine] {
        let s = submission.summary
        var source: [StyledLine] = [
            StyledLine(s.title, style: theme.title),
            StyledLine(Strings.readerMeta(site: s.site.name, byline: s.contributor.byline,
                                          received: DateText.full(s.receivedAt), words: s.words,
                                          status: Strings.status(s.status)(language))(language), style: theme.dim),
            StyledLine(""),
        ]
        if !submission.sapo.isEmpty {
            source.append(StyledLine(submission.sapo, style: theme.header))
            source.append(StyledLine(""))
        }
        for line in submission.body.textLines {
            let text = String(line)
            if text.hasPrefix("#") {
                let heading = text.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                source.append(StyledLine(heading, style: theme.accent))
            } else if text.hasPrefix("- ") || text.hasPrefix("* ") {
                source.append(StyledLine("• " + text.dropFirst(2)))
            } else {
                source.append(StyledLine(text))
            }
        }
        return source
    }

    /// Below the article: who wrote it and their shares, its photos, its history and the notes.
    private func detailLines(_ submission: Submission, theme: Theme, language: UILanguage) -> [StyledLine] {
        let s = submission.summary
        var lines = [StyledLine(""), StyledLine(Strings.sectionDetails(language), style: theme.accent)]
        lines.append(StyledLine(Strings.detailSite(s.site.name, category: Strings.category(s.category)(language))(language)))
        var authors = [Strings.authorShare(s.contributor.fullName, penName: s.contributor.penName, share: submission.authorShare)(language)]
        authors += submission.coAuthors.map { Strings.authorShare($0.contributor.fullName, penName: $0.contributor.penName, share: $0.share)(language) }
        lines.append(StyledLine(Strings.detailAuthors(authors.joined(separator: "; "))(language)))
        lines += Strings.approvalDetails(submission).map { StyledLine($0(language)) }
        for photo in submission.attachments {
            lines.append(StyledLine(Strings.detailPhoto(photo.number, photo.filename, caption: photo.caption, credit: photo.credit,
                                                        kilobytes: (photo.size + 1023) / 1024)(language)))
        }
        if let lease = s.lease {
            lines.append(StyledLine(Strings.detailLease(lease.holderName, until: DateText.full(lease.expiresAt))(language), style: theme.dim))
        }
        guard let history else {
            lines.append(StyledLine(""))
            lines.append(StyledLine(Strings.historyLoading(language), style: theme.dim))
            return lines
        }
        lines += [StyledLine(""), StyledLine(Strings.sectionHistory(language), style: theme.accent)]
        // Decisions and revisions in one list, in the order they happened.
        var happenings: [(at: Date, line: StyledLine)] = []
        for event in history.events {
            var line = "\(DateText.full(event.at))  \(event.actor): \(Strings.status(event.from)(language)) → \(Strings.status(event.to)(language))"
            if !event.note.isEmpty { line += " — " + event.note }
            happenings.append((event.at, StyledLine(line)))
        }
        for revision in history.revisions where revision.number > 1 {
            var line = "\(DateText.full(revision.createdAt))  \(revision.author): " + Strings.revisionSaved(revision.number)(language)
            if !revision.note.isEmpty { line += " — " + revision.note }
            happenings.append((revision.createdAt, StyledLine(line, style: theme.dim)))
        }
        // A stable sort: what happened in the same instant stays in the portal's order.
        lines += happenings.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element.line)
        lines += [StyledLine(""), StyledLine(Strings.sectionNotes(history.notes.count)(language), style: theme.accent)]
        // Threads: each note, then its answers, indented.
        func thread(_ parent: Int64?, depth: Int) {
            for note in history.notes where note.parentId == parent {
                let mark = note.visibility == .shared ? " " + Strings.sharedMark(language) : ""
                lines.append(StyledLine(String(repeating: "  ", count: depth) + "\(DateText.full(note.createdAt))  \(note.authorName)\(mark):",
                                        style: theme.dim))
                for text in note.body.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append(StyledLine(String(repeating: "  ", count: depth + 1) + text))
                }
                thread(note.id, depth: depth + 1)
            }
        }
        thread(nil, depth: 0)
        return lines
    }
}

/// An item's history for the reader: its decisions, its revisions and its notes.
public struct ReaderHistory: Sendable, Equatable {
    public var events: [AuditEvent]
    public var revisions: [RevisionInfo]
    public var notes: [Note]

    public init(events: [AuditEvent], revisions: [RevisionInfo], notes: [Note]) {
        self.events = events
        self.revisions = revisions
        self.notes = notes
    }
}
