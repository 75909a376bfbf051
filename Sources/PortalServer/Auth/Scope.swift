import NewsroomKit

/// Which submissions a reader may see: every item of the sites where they hold a role
/// other than contributor, and on the sites where they only contribute, their own.
public struct Scope: Sendable, Hashable {
    /// Sites whose every item is visible; nil: every site.
    public var allOn: Set<String>?
    /// Sites where only the reader's own items are visible; nil: every site.
    public var ownOn: Set<String>?
    /// The account whose items are "own".
    public var userID: Int64?

    public init(allOn: Set<String>?, ownOn: Set<String>? = [], userID: Int64? = nil) {
        self.allOn = allOn
        self.ownOn = ownOn
        self.userID = userID
    }

    /// No limit: the scheduler, the store's own reads, the command line.
    public static let everything = Scope(allOn: nil)

    /// Whether an item on `site` filed by the account `contributorUser` is visible.
    public func admits(site: String, contributorUser: Int64?) -> Bool {
        if allOn?.contains(site) ?? true { return true }
        guard let userID, contributorUser == userID else { return false }
        return ownOn?.contains(site) ?? true
    }

    /// Whether the reader is staff on `site` and so may read people's login names there; a
    /// contributor sees display names only (a login name is half of what a guesser needs).
    public func knowsLogins(on site: String) -> Bool {
        allOn?.contains(site) ?? true
    }

    /// The lease of `summary` as the reader may see it: the holder by display name unless they are staff on its site.
    func shown(_ summary: SubmissionSummary) -> SubmissionSummary {
        guard var lease = summary.lease, !knowsLogins(on: summary.site.code) else { return summary }
        var summary = summary
        lease.holder = lease.holderName
        summary.lease = lease
        return summary
    }

    /// Nothing at all is visible.
    var isEmpty: Bool { allOn?.isEmpty ?? false && (ownOn?.isEmpty ?? false || userID == nil) }
}

extension Principal {
    public var scope: Scope {
        let board = grants.filter { $0.role != .contributor }
        let own = grants.filter { $0.role == .contributor }
        return Scope(allOn: board.contains { $0.site == nil } ? nil : Set(board.compactMap(\.site)),
                     ownOn: own.contains { $0.site == nil } ? nil : Set(own.compactMap(\.site)), userID: userID)
    }
}
