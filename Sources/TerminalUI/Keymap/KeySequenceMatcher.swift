/// The outcome of one key press.
public enum KeyMatch<ID: ActionID>: Sendable, Hashable {
    case action(ID)
    /// The keys so far start a longer binding; wait for the next.
    case pending
    case unbound
}

/// Turns key presses into actions, following multi-key sequences such as `g g`.
/// A complete binding wins over a longer one that starts with it.
public struct KeySequenceMatcher: Sendable {
    public private(set) var pending: [Key] = []

    public init() {}

    public mutating func feed<ID>(_ key: Key, context: String, keymap: Keymap<ID>) -> KeyMatch<ID> {
        let sequence = pending + [key]
        if let action = keymap.action(for: sequence, in: context) {
            pending = []
            return .action(action)
        }
        if keymap.isPrefix(sequence, in: context) {
            pending = sequence
            return .pending
        }
        if pending.isEmpty { return .unbound }
        // The sequence broke off: drop it and read this key on its own.
        pending = []
        return feed(key, context: context, keymap: keymap)
    }

    public mutating func reset() { pending = [] }
}
