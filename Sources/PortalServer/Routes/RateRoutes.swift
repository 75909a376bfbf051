import Foundation
import Hummingbird
import NewsroomKit

/// Royalty rate tables: the one in force for a site (anyone who sees the site, so the
/// approval form can offer its genres and ranges), and new ones (admins).
enum RateRoutes {
    static func add(to group: RouterGroup<AuthenticatedContext>, store: Store) {
        group.get("rate-tables/active") { request, context in
            let principal = context.principal
            guard let site = QueryParameters(request)["site"], !site.isEmpty else {
                throw APIFailure(.invalidField, detail: "site")
            }
            guard principal.maySee(site: site) else { throw APIFailure(.forbidden, detail: site) }
            var at = store.clock.now()
            if let text = QueryParameters(request)["at"] {
                guard let date = WireFormat.date(String(text)) else { throw APIFailure(.invalidField, detail: "at: \(text)") }
                at = date
            }
            guard let table = try await store.activeRateTable(site: site, at: at) else { throw APIFailure(.notFound) }
            return try JSONResponse.make(table)
        }

        group.post("rate-tables") { request, context in
            let principal = context.principal
            let table = try await RequestBody.decode(RateTable.self, request, limit: 256 << 10)
            // A table for every site is every-site admins' business.
            let allowed = table.site.map { principal.has([.admin], on: $0) } ?? principal.grants.contains { $0.role == .admin && $0.site == nil }
            guard allowed else { throw APIFailure(.forbidden, detail: table.site ?? "*") }
            let idempotency = try Idempotency.key(request, principal, asking: try WireFormat.encoder().encode(table))
            let outcome: Store.RateTableOutcome
            do {
                outcome = try await store.addRateTable(table, idempotency: idempotency, answer: { try WireFormat.encoder().encode($0) })
            } catch let invalid as Store.InvalidRateTable {
                throw APIFailure(.invalidField, detail: invalid.problem)
            } catch let unknown as Store.UnknownSite {
                throw APIFailure(.invalidField, detail: "site: \(unknown.code)")
            }
            switch outcome {
            case .added: return try JSONResponse.make(table, status: .created)
            case .replay(let status, let body): return Idempotency.replay(status, body)
            case .keyReused: throw APIFailure(.idempotencyKeyReused)
            }
        }
    }
}
