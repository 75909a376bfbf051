/// A site of the portal: the provincial portal itself or one of its component sites.
public struct Site: Codable, Sendable, Hashable, Identifiable {
    public enum Kind: String, Codable, Sendable {
        case portal, department, district, language
    }

    public var id: Int64
    /// Short stable code, e.g. `so-xay-dung`.
    public var code: String
    public var name: String
    public var kind: Kind
    /// BCP 47 language of the site's pages: `vi` or `en`.
    public var language: String
    public var parentCode: String?

    public init(id: Int64, code: String, name: String, kind: Kind, language: String, parentCode: String?) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.language = language
        self.parentCode = parentCode
    }

    public var ref: SiteRef { SiteRef(id: id, code: code, name: name) }
}

/// The part of a site a list row needs.
public struct SiteRef: Codable, Sendable, Hashable {
    public var id: Int64
    public var code: String
    public var name: String

    public init(id: Int64, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}
