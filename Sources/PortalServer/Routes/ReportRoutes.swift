import Foundation
import Hummingbird
import NewsroomKit
import RoyaltyExport

/// `GET /api/v1/reports/activity`: for the sites where the reader edits, publishes,
/// pays or administers; JSON, or a file to save with `format=csv` or `format=xlsx`.
enum ReportRoutes {
    static let readers: Set<Role> = [.editor, .publisher, .accountant, .admin]

    static func add(to group: RouterGroup<AuthenticatedContext>, store: Store) {
        group.get("reports/activity") { request, context in
            let principal = context.principal
            let parameters = QueryParameters(request)
            func day(_ name: String) throws -> VietnamDay {
                guard let text = parameters[name] else { throw APIFailure(.invalidField, detail: "\(name): YYYY-MM-DD") }
                guard let day = VietnamDay(text) else { throw APIFailure(.invalidField, detail: "\(name): \(text)") }
                return day
            }
            let from = try day("from"), to = try day("to")
            let format = ExportFormat(rawValue: try parameters.format(among: "json", "csv", "xlsx"))
            guard from <= to, to < from.adding(years: 1) else {
                throw APIFailure(.invalidField, detail: "from..to: at most a year, from before to")
            }
            let sites = Set(try await store.sites().map(\.code).filter { principal.has(readers, on: $0) })
            guard !sites.isEmpty else { throw APIFailure(.forbidden) }
            let report = try await store.activity(sites: sites, from: from, to: to)
            guard let format else { return try JSONResponse.make(report) }
            let file = ActivityReportFile(report)
            return try RoyaltyRoutes.download(try file.data(format), name: file.fileName(format), format: format)
        }
    }
}
