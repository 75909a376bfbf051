/// The signed-in user, as `GET /api/v1/me` answers.
public struct Me: Codable, Sendable, Hashable {
    public var name: String
    public var displayName: String
    public var grants: [Grant]

    public init(name: String, displayName: String, grants: [Grant]) {
        self.name = name
        self.displayName = displayName
        self.grants = grants
    }
}

/// The answer of `GET /healthz`.
public struct Health: Codable, Sendable, Hashable {
    public var status: String
    public init(status: String) { self.status = status }
}
