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
