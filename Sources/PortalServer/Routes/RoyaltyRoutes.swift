import Foundation
import HTTPTypes
import Hummingbird
import NewsroomKit
import RoyaltyExport
import VietText

/// The royalty ledger over HTTP: a month's entitlements (accountants and admins; a
/// contributor their own), its payment list, closing a month and recording its payment.
enum RoyaltyRoutes {
    /// Who keeps the ledger: sees everyone's lines, closes months, records payments.
    static let ledger: Set<Role> = [.accountant, .admin]

    /// `YYYY-MM` from 1970-01 to 2199-12.
    static func month(_ text: String?) throws -> String {
        guard let text, let day = VietnamDay(text + "-01"), day.text.hasPrefix(text) else {
            throw APIFailure(.invalidField, detail: "month: YYYY-MM")
        }
        return text
    }

    /// A ledger keeper's site (which they must keep the ledger of) and month, from a request body.
    static func ledgerMonth(site text: String, month text2: String, _ principal: Principal) throws -> (site: String, month: String) {
        let site = try site(text, principal)
        guard principal.has(ledger, on: site) else { throw APIFailure(.forbidden, detail: site) }
        return (site, try month(text2))
    }

    /// The payment day tax is reckoned by: `paid_on`, or the day in Vietnam at `now`.
    static func paymentDay(_ text: String?, now: Date) throws -> VietnamDay {
        guard let text else { return VietnamDay(containing: now) }
        guard let day = VietnamDay(text) else { throw APIFailure(.invalidField, detail: "paid_on: YYYY-MM-DD") }
        return day
    }

    /// `format`: nil for JSON (the default), else a file format.
    static func exportFormat(_ text: String?) throws -> ExportFormat? {
        switch text {
        case nil, "json": return nil
        case let text?:
            guard let format = ExportFormat(rawValue: text) else { throw APIFailure(.invalidField, detail: "format: json, csv or xlsx") }
            return format
        }
    }

    /// A file to save, under the name the export gives it.
    static func download(_ data: Data, name: String, format: ExportFormat) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = format.mediaType
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    /// The `site` parameter, which the reader must see.
    static func site(_ text: String?, _ principal: Principal) throws -> String {
        guard let site = text, !site.isEmpty else { throw APIFailure(.invalidField, detail: "site") }
        guard principal.maySee(site: site) else { throw APIFailure(.forbidden, detail: site) }
        return site
    }

    /// 409 illegal_transition about a month closed (or paid) already, with its batch: a
    /// client retrying a close or a payment learns from the answer what is there.
    static func conflict(_ detail: String, batch: RoyaltyBatch) throws -> Response {
        try JSONResponse.make(APIErrorBody(code: .illegalTransition, detail: detail, batch: batch), status: .conflict)
    }

    struct MonthRequest: Codable, Sendable {
        var site: String
        var month: String
    }

    struct BudgetRequest: Codable, Sendable {
        var site: String
        var year: Int
        /// In đồng.
        var amount: Int64
    }

    /// A year from 1970 to 2199.
    static func year(_ text: String?) throws -> Int {
        try year(text.flatMap { Int($0) })
    }

    static func year(_ value: Int?) throws -> Int {
        guard let value, VietnamDay.years.contains(value) else { throw APIFailure(.invalidField, detail: "year: 1970 to 2199") }
        return value
    }

    struct PaymentRequest: Codable, Sendable {
        var site: String
        var month: String
        /// The transfer's or voucher's number.
        var reference: String
    }

    static func add(to group: RouterGroup<AuthenticatedContext>, store: Store) {
        group.get("royalties/entitlements") { request, context in
            let principal = context.principal
            let parameters = QueryParameters(request)
            let site = try site(parameters["site"], principal)
            let month = try month(parameters["month"])
            var query = Store.RoyaltyQuery(month: month, sites: [site])
            if !principal.has(ledger, on: site) {
                // A contributor reads their own lines, no one else's.
                guard principal.has([.contributor], on: site) else { throw APIFailure(.forbidden, detail: site) }
                query.contributors = try await store.contributorIDs(ofUser: principal.userID)
            }
            return try JSONResponse.make(try await store.entitlements(query))
        }

        group.get("royalties/payment-list") { request, context in
            let principal = context.principal
            let parameters = QueryParameters(request)
            let site = try site(parameters["site"], principal)
            guard principal.has(ledger, on: site) else { throw APIFailure(.forbidden, detail: site) }
            let month = try month(parameters["month"])
            let paidOn = try paymentDay(parameters["paid_on"], now: store.clock.now())
            let list = try await store.paymentList(month: month, sites: [site], site: site, paidOn: paidOn)
            guard let format = try exportFormat(parameters["format"]) else { return try JSONResponse.make(list) }
            let file = PaymentListFile(list, siteName: try await store.siteName(code: site))
            return try download(try file.data(format), name: file.fileName(format), format: format)
        }

        // One person's statement of a month: each item with its amount, then tax and net.
        group.get("royalties/statement") { request, context in
            let principal = context.principal
            let parameters = QueryParameters(request)
            let site = try site(parameters["site"], principal)
            let month = try month(parameters["month"])
            guard let text = parameters["contributor"], let contributor = Int64(text), contributor > 0 else {
                throw APIFailure(.invalidField, detail: "contributor")
            }
            if !principal.has(ledger, on: site) {
                guard principal.has([.contributor], on: site), try await store.contributorIDs(ofUser: principal.userID).contains(contributor) else {
                    throw APIFailure(.forbidden, detail: site)
                }
            }
            let paidOn = try paymentDay(parameters["paid_on"], now: store.clock.now())
            let list = try await store.paymentList(month: month, sites: [site], site: site, paidOn: paidOn, contributors: [contributor])
            let lines = try await store.entitlements(Store.RoyaltyQuery(month: month, sites: [site], contributors: [contributor]))
            // Someone owed nothing this month has a statement all the same: nothing, and why.
            guard let payee = try await store.payees([contributor])[contributor] else { throw APIFailure(.notFound) }
            let line = list.lines.first { $0.payee.contributorId == contributor }
                ?? PaymentList.Line(payee: payee, items: 0, coefficientTotal: 0, gross: 0, tax: 0, net: 0)
            let statement = RoyaltyStatement(line: line, month: month, site: site, entitlements: lines)
            guard let format = try exportFormat(parameters["format"]) else { return try JSONResponse.make(statement) }
            let file = StatementFile(line: line, month: month, entitlements: lines)
            return try download(try file.data(format), name: file.fileName(format), format: format)
        }

        // The site's closed months, newest first: which are paid, which wait.
        group.get("royalties/batches") { request, context in
            let principal = context.principal
            let site = try site(QueryParameters(request)["site"], principal)
            guard principal.has(ledger, on: site) else { throw APIFailure(.forbidden, detail: site) }
            return try JSONResponse.make(try await store.batches(site: site))
        }

        // Payment details: the ledger's keepers read and write those of the people known on the
        // site; a contributor reads their own; no one else, ever (they hold CCCD and bank accounts).
        group.get("royalties/payees") { request, context in
            let principal = context.principal
            let site = try site(QueryParameters(request)["site"], principal)
            let payees = try await store.payees(on: site)
            if principal.has(ledger, on: site) { return try JSONResponse.make(payees) }
            guard principal.has([.contributor], on: site) else { throw APIFailure(.forbidden, detail: site) }
            let own = try await store.contributorIDs(ofUser: principal.userID)
            return try JSONResponse.make(payees.filter { own.contains($0.contributorId) })
        }

        group.put("royalties/payees") { request, context in
            let principal = context.principal
            let site = try site(QueryParameters(request)["site"], principal)
            guard principal.has(ledger, on: site) else { throw APIFailure(.forbidden, detail: site) }
            let payee = try await RequestBody.decode(Payee.self, request, limit: 8192)
            if let problem = PayeeRules.problem(with: payee) { throw APIFailure(.invalidField, detail: problem) }
            guard try await store.isKnown(contributor: payee.contributorId, on: site) else {
                throw APIFailure(.invalidField, detail: "contributor_id: not known on \(site)")
            }
            try await store.setPayee(payee)
            guard let saved = try await store.payees([payee.contributorId])[payee.contributorId] else { throw APIFailure(.notFound) }
            return try JSONResponse.make(saved)
        }

        group.get("royalties/budget") { request, context in
            let principal = context.principal
            let parameters = QueryParameters(request)
            let site = try site(parameters["site"], principal)
            guard principal.has(ledger, on: site) else { throw APIFailure(.forbidden, detail: site) }
            return try JSONResponse.make(try await store.budget(site: site, year: try year(parameters["year"])))
        }

        group.put("royalties/budget") { request, context in
            let principal = context.principal
            let asked = try await RequestBody.decode(BudgetRequest.self, request, limit: 4096)
            let site = try site(asked.site, principal)
            guard principal.has([.admin], on: site) else { throw APIFailure(.forbidden, detail: site) }
            guard (0...1_000_000_000_000_000).contains(asked.amount) else { throw APIFailure(.invalidField, detail: "amount") }
            guard try await store.siteName(code: site) != nil else { throw APIFailure(.invalidField, detail: "site: \(site)") }
            return try JSONResponse.make(try await store.setBudget(site: site, year: try year(asked.year), amount: asked.amount))
        }

        group.post("royalties/batches") { request, context in
            let principal = context.principal
            let asked = try await RequestBody.decode(MonthRequest.self, request, limit: 4096)
            let (site, month) = try ledgerMonth(site: asked.site, month: asked.month, principal)
            guard try await store.siteName(code: site) != nil else { throw APIFailure(.invalidField, detail: "site: \(site)") }
            switch try await store.closeMonth(month, site: site, by: principal.name) {
            case .closed(let batch): return try JSONResponse.make(batch, status: .created)
            case .notOver: throw APIFailure(.illegalTransition, detail: "\(month): the month has not ended")
            case .alreadyClosed(let batch): return try conflict("\(month): closed already", batch: batch)
            }
        }

        group.post("royalties/payments") { request, context in
            let principal = context.principal
            let asked = try await RequestBody.decode(PaymentRequest.self, request, limit: 4096)
            let (site, month) = try ledgerMonth(site: asked.site, month: asked.month, principal)
            let reference = asked.reference.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reference.isEmpty, reference.count <= 200 else { throw APIFailure(.invalidField, detail: "reference: 1 to 200 characters") }
            switch try await store.markPaid(site: site, month: month, reference: Normalization.nfc(reference), by: principal.name) {
            case .paid(let paid): return try JSONResponse.make(paid)
            case .alreadyPaid(let batch): return try conflict("\(month): paid already", batch: batch)
            case .notClosed: throw APIFailure(.illegalTransition, detail: "\(month): not closed yet")
            }
        }
    }
}
