import NewsroomKit
import TerminalUI
import VietText

/// One submission, read-only, in a pager.
struct ReaderScreen {
    let id: Int64
    let title: String
    var submission: Submission?
    var pager = PagerState()
    var search = PagerSearch()
    var isLoading = true
    /// The contributor's original against the text now, once loaded, and whether it is shown.
    var differences: RevisionDiff?
    var showsDifferences = false

    /// The article (or its differences) as lines of text, before they are wrapped to the screen.
    func sourceLines(theme: Theme, language: UILanguage) -> [StyledLine] {
        if showsDifferences {
            guard let differences else { return [] }
            var source = [StyledLine(Strings.differencesHeading(from: differences.from, to: differences.to)(language), style: theme.dim),
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
}

extension PagerState {
    /// Applies a navigation action id; false when it is not one.
    mutating func apply(_ action: String, lineCount: Int, visibleRows: Int) -> Bool {
        switch action {
        case "move-down": scroll(by: 1, lineCount: lineCount, visibleRows: visibleRows)
        case "move-up": scroll(by: -1, lineCount: lineCount, visibleRows: visibleRows)
        case "page-down": scroll(by: max(1, visibleRows - 1), lineCount: lineCount, visibleRows: visibleRows)
        case "page-up": scroll(by: -max(1, visibleRows - 1), lineCount: lineCount, visibleRows: visibleRows)
        case "first": scroll(by: -top, lineCount: lineCount, visibleRows: visibleRows)
        case "last": scroll(by: lineCount, lineCount: lineCount, visibleRows: visibleRows)
        default: return false
        }
        return true
    }
}
