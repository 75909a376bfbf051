import Foundation
import Hummingbird
import NewsroomKit

/// `GET /api/v1/reports/activity`: for the sites where the reader edits, publishes,
/// pays or administers; JSON, or CSV with `format=csv`.
enum ReportRoutes {
    static let readers: Set<Role> = [.editor, .publisher, .accountant, .admin]

    static func add(to group: RouterGroup<PortalContext>, store: Store) {
        group.get("reports/activity") { request, context in
            let principal = context.principal!
            let parameters = request.uri.queryParameters
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
            func day(_ name: String) throws -> (text: String, start: Date) {
                guard let text = parameters[Substring(name)].map(String.init) else { throw APIFailure(.invalidField, detail: "\(name): YYYY-MM-DD") }
                let parts = text.split(separator: "-").compactMap { Int($0) }
                guard parts.count == 3, text.count == 10,
                      let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
                      calendar.component(.day, from: date) == parts[2] else {
                    throw APIFailure(.invalidField, detail: "\(name): \(text)")
                }
                return (text, date)
            }
            let from = try day("from"), to = try day("to")
            guard from.start <= to.start, let end = calendar.date(byAdding: .day, value: 1, to: to.start),
                  end.timeIntervalSince(from.start) <= 400 * 86400 else {
                throw APIFailure(.invalidField, detail: "from..to: at most a year, from before to")
            }
            let earlierStart = calendar.date(byAdding: .year, value: -1, to: from.start)!
            let earlierEnd = calendar.date(byAdding: .year, value: -1, to: end)!
            let sites = Set(try await store.sites().map(\.code).filter { principal.has(readers, on: $0) })
            guard !sites.isEmpty else { throw APIFailure(.forbidden) }
            let report = try await store.activity(sites: sites, from: from.text, to: to.text, start: from.start, end: end,
                                                  yearEarlierStart: earlierStart, yearEarlierEnd: earlierEnd)
            guard parameters["format"] == "csv" else { return try JSONResponse.make(report) }
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"bao-cao-hoat-dong-\(from.text)-\(to.text).csv\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: report.csv)))
        }
    }
}
