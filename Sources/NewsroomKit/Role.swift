/// What a user may do, granted per site.
public enum Role: String, Codable, Sendable, CaseIterable {
    case contributor, editor, publisher, accountant, admin
}

/// One role granted to a user on one site, or on every site when `site` is nil.
public struct Grant: Codable, Sendable, Hashable {
    public var role: Role
    /// Site code; nil means every site.
    public var site: String?

    public init(role: Role, site: String?) {
        self.role = role
        self.site = site
    }
}
