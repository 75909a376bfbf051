import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// The yearly activity report (báo cáo hoạt động) the provincial offices send: what each
/// site published in a year, against the year before.
extension DeskCommands {
    /// The first and last day of `year`, as the portal takes them (at most a year apart).
    public static func yearSpan(_ year: Int) -> (from: String, to: String) {
        (String(format: "%04d-01-01", year), String(format: "%04d-12-31", year))
    }

    /// The year's report as a table: a row a site, its counts, the change against the year
    /// before, and a bar of its items against the busiest site's, fitted to `width`.
    public func activityReport(year: Int, width: Int?) throws -> String {
        let span = Self.yearSpan(year)
        let report = try retrying { try client.activityReport(from: span.from, to: span.to) }
        return Self.activityTable(report, year: year, language: language, width: width)
    }

    /// The year's report as the portal's file: CSV, or XLSX.
    public func activityReportFile(year: Int, format: SpreadsheetFormat) throws -> DownloadedFile {
        let span = Self.yearSpan(year)
        return try retrying { try client.activityReportFile(from: span.from, to: span.to, format: format) }
    }

    static func activityTable(_ report: ActivityReport, year: Int, language: UILanguage, width: Int?) -> String {
        // Piped (no width), every column; in a terminal, those that fit as on the screen.
        let columns = ActivityScreen.columns(width: width ?? .max)
        let header = [Strings.columnSite(language)] + columns.map { ActivityScreen.title($0, language) }
        var rows = [header]
        for row in report.rows {
            rows.append([row.site.name] + columns.map { ActivityScreen.cell($0, ActivityScreen.Figures(row)) })
        }
        rows.append([Strings.totalLabel(language)] + columns.map { ActivityScreen.cell($0, ActivityScreen.Figures(total: report)) })
        let numeric = [false] + Array(repeating: true, count: header.count - 1)
        let table = aligned(rows, numeric: numeric, width: nil).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // A bar after each site's row, as long as the room left allows (20 columns without a terminal).
        let used = table.map { DisplayWidth.of($0) }.max() ?? 0
        let room = max(10, min(40, (width ?? used + 22) - used - 2))
        let busiest = report.rows.map(\.current.items).max() ?? 0
        var lines = [TerminalSafeText.line(Strings.activityHeading(year: year)(language)), ""]
        for (index, line) in table.enumerated() where !line.isEmpty {
            let siteIndex = index - 1
            guard siteIndex >= 0, siteIndex < report.rows.count else { lines.append(line); continue }
            let padded = DisplayWidth.fit(line, to: used)
            lines.append(padded + "  " + bar(report.rows[siteIndex].current.items, of: busiest, width: room))
        }
        lines.append(TerminalSafeText.line(ActivityScreen.socialTotal(report, language)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `value` of `maximum` as a bar of at most `width` columns, in eighths of a column.
    static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        guard maximum > 0, value > 0, width > 0 else { return "" }
        let eighths = max(1, Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }

    /// +12,5% / −3,0% / – (nothing the year before to compare with).
    static func changeText(_ change: Double?) -> String {
        guard let change else { return "–" }
        let text = VietNumber.grouped(abs(change), fractionDigits: 1) + "%"
        return change > 0 ? "+" + text : change < 0 ? "−" + text : text
    }
}
