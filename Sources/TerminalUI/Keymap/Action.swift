import VietText

/// Something a user can do, declared once; keymaps bind keys to its id and
/// the help screen is generated from its description.
public struct Action: Sendable, Hashable {
    public let id: String
    /// Screen contexts where the action means something.
    public let contexts: [String]
    public let description: Localized

    public init(id: String, contexts: [String], description: Localized) {
        self.id = id
        self.contexts = contexts
        self.description = description
    }
}

/// The one list of actions of an application, in the order help shows them.
public struct ActionCatalogue: Sendable {
    public let all: [Action]
    /// Contexts where typing goes into text, so a printable key cannot be bound there.
    public let textContexts: Set<String>
    private let byID: [String: Action]

    public init(_ actions: [Action], textContexts: Set<String> = []) {
        all = actions
        self.textContexts = textContexts
        byID = Dictionary(actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func action(id: String) -> Action? { byID[id] }

    /// Every context some action names.
    public var contexts: Set<String> { Set(all.flatMap(\.contexts)) }
}
