import VietText

/// An application's actions as one type: a keymap file names them by `id`, and
/// parsing turns each name into a value, so an unknown name stops at the parser.
public protocol ActionID: Hashable, Sendable {
    /// The name keymap files and the command palette use.
    var id: String { get }
    init?(id: String)
}

extension ActionID where Self: RawRepresentable, RawValue == String {
    public var id: String { rawValue }
    public init?(id: String) { self.init(rawValue: id) }
}

/// Something a user can do, declared once; keymaps bind keys to it and
/// the help screen is generated from its description.
public struct Action<ID: ActionID>: Sendable, Hashable {
    public let id: ID
    /// Screen contexts where the action means something.
    public let contexts: [String]
    public let description: Localized

    public init(id: ID, contexts: [String], description: Localized) {
        self.id = id
        self.contexts = contexts
        self.description = description
    }
}

/// The one list of actions of an application, in the order help shows them.
public struct ActionCatalogue<ID: ActionID>: Sendable {
    public let all: [Action<ID>]
    /// Contexts where typing goes into text, so a printable key cannot be bound there.
    public let textContexts: Set<String>
    private let byID: [ID: Action<ID>]

    public init(_ actions: [Action<ID>], textContexts: Set<String> = []) {
        all = actions
        self.textContexts = textContexts
        byID = Dictionary(actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func action(_ id: ID) -> Action<ID>? { byID[id] }

    /// Every context some action names.
    public var contexts: Set<String> { Set(all.flatMap(\.contexts)) }
}

/// A movement in a list or a text view, the same in every one.
public enum Move: Sendable, Hashable, CaseIterable {
    case down, up, pageDown, pageUp, first, last
}
