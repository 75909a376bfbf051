import Foundation
import NewsroomKit

/// What the accountant's screen reads besides the ledger calls the scripts use.
extension AdminClient {
    /// `GET /api/v1/royalties/budget`: a site's royalty budget for `year` and what the ledger has used of it.
    public func royaltyBudget(site: String, year: Int) throws -> RoyaltyBudget {
        try get("/api/v1/royalties/budget", query: [("site", site), ("year", String(year))])
    }
}
