import CurlHTTP
import Foundation
import NewsroomKit

/// A spreadsheet the portal makes: CSV (UTF-8 with a byte-order mark) or XLSX.
public enum SpreadsheetFormat: String, CaseIterable, Sendable {
    case csv, xlsx

    /// What the client asks for in `Accept`.
    var mediaType: String {
        switch self {
        case .csv: return "text/csv"
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}

/// A file the portal sent to be saved: its bytes, and the name its `Content-Disposition` gives.
public struct DownloadedFile: Sendable, Hashable {
    public var data: Data
    /// The server's name for it, reduced to a plain file name; nil when it gave none usable.
    public var suggestedName: String?

    public init(data: Data, suggestedName: String?) {
        self.data = data
        self.suggestedName = suggestedName
    }

    /// `filename="…"` (or unquoted) of a `Content-Disposition` header, as a bare name: no
    /// folder, no leading dot, no control character, so saving it cannot leave the folder.
    public static func fileName(fromDisposition header: String?) -> String? {
        guard let header, let range = header.range(of: "filename=", options: .caseInsensitive) else { return nil }
        let rest = header[range.upperBound...].drop { $0 == " " }
        let value = rest.hasPrefix("\"") ? String(rest.dropFirst().prefix { $0 != "\"" }) : String(rest.prefix { $0 != ";" })
        let base = value.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(base.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty, !clean.hasPrefix("."), clean.utf8.count <= 255 else { return nil }
        return clean
    }
}

/// The royalty ledger (nhuận bút) and the yearly activity report, for accountants.
extension AdminClient {
    private enum Path {
        static let entitlements = "/api/v1/royalties/entitlements"
        static let paymentList = "/api/v1/royalties/payment-list"
        static let statement = "/api/v1/royalties/statement"
        static let batches = "/api/v1/royalties/batches"
        static let payments = "/api/v1/royalties/payments"
    }

    private struct MonthBody: Encodable {
        var site: String
        var month: String
    }

    private struct PaymentBody: Encodable {
        var site: String
        var month: String
        var reference: String
    }

    /// `GET /api/v1/royalties/entitlements`: a month's ledger lines on `site`, oldest first
    /// (a contributor gets their own).
    public func royaltyEntitlements(site: String, month: String) throws -> [RoyaltyEntitlement] {
        try get(Path.entitlements, query: [("site", site), ("month", month)])
    }

    /// `GET /api/v1/royalties/payment-list`: the month's list, tax by the regime of `paidOn`
    /// (`YYYY-MM-DD`; the portal's today when nil).
    public func paymentList(site: String, month: String, paidOn: String? = nil) throws -> PaymentList {
        try get(Path.paymentList, query: Self.monthQuery(site: site, month: month, paidOn: paidOn))
    }

    /// The payment list as a file to save.
    public func paymentListFile(site: String, month: String, paidOn: String? = nil, format: SpreadsheetFormat) throws -> DownloadedFile {
        try download(Path.paymentList, query: Self.monthQuery(site: site, month: month, paidOn: paidOn) + [("format", format.rawValue)],
                     format: format)
    }

    /// `GET /api/v1/royalties/statement`: one contributor's month, item by item.
    public func royaltyStatement(site: String, month: String, contributor: Int64, paidOn: String? = nil) throws -> RoyaltyStatement {
        try get(Path.statement, query: Self.monthQuery(site: site, month: month, paidOn: paidOn) + [("contributor", String(contributor))])
    }

    /// One contributor's statement as a file to save.
    public func royaltyStatementFile(site: String, month: String, contributor: Int64, paidOn: String? = nil,
                                     format: SpreadsheetFormat) throws -> DownloadedFile {
        try download(Path.statement, query: Self.monthQuery(site: site, month: month, paidOn: paidOn)
                        + [("contributor", String(contributor)), ("format", format.rawValue)], format: format)
    }

    /// `GET /api/v1/royalties/batches`: the site's closed months, newest first.
    public func royaltyBatches(site: String) throws -> [RoyaltyBatch] {
        try get(Path.batches, query: [("site", site)])
    }

    /// `POST /api/v1/royalties/batches`: closes a month that has ended. A month closed
    /// already, or not yet over, is a 409 (`illegal_transition`).
    public func closeRoyaltyMonth(site: String, month: String) throws -> RoyaltyBatch {
        try request("POST", Path.batches, headers: [("Content-Type", "application/json")],
                    body: try WireFormat.encoder().encode(MonthBody(site: site, month: month)))
    }

    /// `POST /api/v1/royalties/payments`: records that a closed month was paid, with the
    /// transfer's reference. A month not closed, or paid already, is a 409.
    public func recordRoyaltyPayment(site: String, month: String, reference: String) throws -> RoyaltyBatch {
        try request("POST", Path.payments, headers: [("Content-Type", "application/json")],
                    body: try WireFormat.encoder().encode(PaymentBody(site: site, month: month, reference: reference)))
    }

    /// `GET /api/v1/reports/activity`: what each site published from `from` to `to`
    /// (`YYYY-MM-DD`, both included, less than a year apart) against a year earlier.
    public func activityReport(from: String, to: String) throws -> ActivityReport {
        try get(APIPath.activityReport, query: [("from", from), ("to", to)])
    }

    /// The activity report as CSV to save.
    public func activityReportCSV(from: String, to: String) throws -> DownloadedFile {
        try activityReportFile(from: from, to: to, format: .csv)
    }

    /// The activity report as a file to save: CSV, or XLSX (totals as formulas).
    public func activityReportFile(from: String, to: String, format: SpreadsheetFormat) throws -> DownloadedFile {
        try download(APIPath.activityReport, query: [("from", from), ("to", to), ("format", format.rawValue)], format: format)
    }

    /// `PUT /api/v1/submissions/{id}/grading`: corrects a published item's grading (editors,
    /// admins). The item's ledger lines as they now are, oldest first: lines of closed months
    /// stay and are taken back by adjustment lines in the first open month. Safe to repeat.
    public func regrade(id: Int64, grading: Grading) throws -> [RoyaltyEntitlement] {
        try request("PUT", "/api/v1/submissions/\(id)/grading", headers: [("Content-Type", "application/json")],
                    body: try WireFormat.encoder().encode(grading))
    }

    private func download(_ path: String, query: [(String, String)], format: SpreadsheetFormat) throws -> DownloadedFile {
        let response = try send("GET", path + QueryString.make(query), accept: format.mediaType)
        return DownloadedFile(data: response.body, suggestedName: DownloadedFile.fileName(fromDisposition: response.headers["content-disposition"]))
    }

    private static func monthQuery(site: String, month: String, paidOn: String?) -> [(String, String)] {
        [("site", site), ("month", month)] + (paidOn.map { [("paid_on", $0)] } ?? [])
    }
}
