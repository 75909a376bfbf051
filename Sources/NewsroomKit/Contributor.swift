/// A person who writes for the portal (correspondent, staff writer, official).
public struct ContributorRef: Codable, Sendable, Hashable {
    public var id: Int64
    public var fullName: String
    /// Bút danh; shown instead of the full name when present.
    public var penName: String?

    public init(id: Int64, fullName: String, penName: String?) {
        self.id = id
        self.fullName = fullName
        self.penName = penName
    }

    /// The name newsrooms use: the pen name when there is one.
    public var byline: String { penName ?? fullName }
}
