import NewsroomKit

/// The user a request acts for, with what their grants let them see.
public struct Principal: Sendable, Hashable {
    public var userID: Int64
    public var name: String
    public var displayName: String
    public var grants: [Grant]

    /// Sites where this user holds some role (which of their submissions they may
    /// see is the `scope`'s business); nil means every site.
    public var sites: Set<String>? {
        if grants.contains(where: { $0.site == nil }) { return nil }
        return Set(grants.compactMap(\.site))
    }

    public func maySee(site code: String) -> Bool {
        sites?.contains(code) ?? true
    }

    /// Whether one of `roles` is granted on `site` (or on every site).
    public func has(_ roles: Set<Role>, on site: String) -> Bool {
        grants.contains { roles.contains($0.role) && ($0.site == nil || $0.site == site) }
    }

    /// Whether one of `roles` lets this user act on an item of `site` filed by the account
    /// `contributorUser`: as a contributor only on their own items, any other role on any.
    public func may(_ roles: Set<Role>, on site: String, filedBy contributorUser: Int64?) -> Bool {
        if has(roles.subtracting([.contributor]), on: site) { return true }
        return roles.contains(.contributor) && has([.contributor], on: site) && contributorUser == userID
    }

    public var me: Me { Me(name: name, displayName: displayName, grants: grants) }
}
