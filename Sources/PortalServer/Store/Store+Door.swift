import Foundation
import NewsroomKit
import SQLKit

/// What the contributors' door reads that the admin API does not: one's own contributor
/// record and the people one may name as co-authors on a site.
extension Store {
    /// The contributor record of account `userID` (the one its submissions are filed under), if it has one yet.
    public func contributorID(ofUser userID: Int64) async throws -> Int64? {
        try await sql.raw("SELECT id FROM contributors WHERE user_id = \(bind: userID) ORDER BY id LIMIT 1").first()?
            .decode(column: "id", as: Int64.self)
    }

    /// Contributors a contributor on `site` may name as co-authors, by name, but `except`
    /// (the namer): those with a role on the site or who have written for it — people
    /// `mayName` admits; `create` checks each one named again.
    public func namableContributors(on site: String, except: Int64?, limit: Int = 500) async throws -> [ContributorRef] {
        try await sql.raw("""
            SELECT c.id, c.full_name, c.pen_name FROM contributors c
            WHERE (EXISTS (SELECT 1 FROM grants g WHERE g.user_id = c.user_id AND (g.site_code = \(bind: site) OR g.site_code IS NULL))
                   OR EXISTS (SELECT 1 FROM submissions s JOIN sites si ON si.id = s.site_id WHERE s.contributor_id = c.id AND si.code = \(bind: site)))
            AND c.id <> \(bind: except ?? -1)
            ORDER BY c.full_name, c.id LIMIT \(bind: limit)
            """).all().map { row in
            ContributorRef(id: try row.decode(column: "id", as: Int64.self), fullName: try row.decode(column: "full_name", as: String.self),
                           penName: try row.decode(column: "pen_name", as: String?.self))
        }
    }
}
