import NewsroomKit
import TerminalUI

/// Word-level differences as pager lines: inserted words in the theme's added style,
/// deleted ones in its removed style, each kept on the line it belongs to.
enum DiffLines {
    static func lines(_ diff: WordDiff, theme: Theme) -> [StyledLine] {
        var lines: [StyledLine] = []
        var text = "", spans: [TextSpan] = [], length = 0
        for span in diff.spans {
            let style: Style? = span.kind == .inserted ? theme.added : span.kind == .deleted ? theme.removed : nil
            for (i, piece) in span.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 {
                    lines.append(StyledLine(text, spans: spans))
                    (text, spans, length) = ("", [], 0)
                }
                let count = piece.count
                if let style, count > 0 { spans.append(TextSpan(length..<length + count, style: style)) }
                text += piece
                length += count
            }
        }
        lines.append(StyledLine(text, spans: spans))
        return lines
    }

    static func lines(from old: String, to new: String, theme: Theme) -> [StyledLine] {
        lines(WordDiff(from: old, to: new), theme: theme)
    }
}
