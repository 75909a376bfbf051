import VietText

/// A mistake in a keymap file, reported with its place.
public struct KeymapError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// Key sequences bound to actions, per context; `global` bindings apply in
/// every context that does not bind the same keys itself.
///
/// File syntax, one command per line, `#` starts a comment:
///     bind <context> <key> [<key> …] <action>
///     unbind <context> <key> [<key> …]
public struct Keymap<ID: ActionID>: Sendable {
    public static var global: String { "global" }

    private struct Binding: Sendable {
        var keys: [Key]
        var action: ID
    }

    private var contexts: [String: [Binding]] = [:]

    public init() {}

    /// Applies the commands in `text`; lines with mistakes are skipped and returned.
    public mutating func load(_ text: String, file: String, catalogue: ActionCatalogue<ID>) -> [KeymapError] {
        var problems: [KeymapError] = []
        let knownContexts = catalogue.contexts.union([Self.global])
        for (index, rawLine) in text.textLines.enumerated() {
            let lineNumber = index + 1
            func problem(_ message: String) { problems.append(KeymapError(file: file, line: lineNumber, message: message)) }
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#"), hash == line.startIndex || line[line.index(before: hash)] == " " {
                line = line[..<hash]
            }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let command = words.first else { continue }
            guard command == "bind" || command == "unbind" else {
                problem("unknown command '\(command)'; use bind or unbind")
                continue
            }
            let minimum = command == "bind" ? 4 : 3
            guard words.count >= minimum else {
                problem(command == "bind" ? "expected: bind <context> <key>… <action>" : "expected: unbind <context> <key>…")
                continue
            }
            let context = words[1]
            guard knownContexts.contains(context) else {
                problem("unknown context '\(context)'; known: \(knownContexts.sorted().joined(separator: ", "))")
                continue
            }
            let keyWords = command == "bind" ? Array(words[2..<(words.count - 1)]) : Array(words[2...])
            var keys: [Key] = []
            for word in keyWords {
                guard let key = Key(name: word) else {
                    problem("unknown key '\(word)'")
                    keys = []
                    break
                }
                keys.append(key)
            }
            if keys.isEmpty { continue }
            if command == "bind", catalogue.textContexts.contains(context), case .char? = keys.first {
                problem("'\(keys[0].name)' types text in context '\(context)'; bind a Control, Alt or named key there")
                continue
            }
            if command == "unbind" {
                contexts[context]?.removeAll { $0.keys == keys }
                continue
            }
            let actionID = words[words.count - 1]
            guard let id = ID(id: actionID), let action = catalogue.action(id) else {
                problem("unknown action '\(actionID)'")
                continue
            }
            if context != Self.global && !action.contexts.contains(context) {
                problem("action '\(actionID)' does nothing in context '\(context)'")
                continue
            }
            bind(keys, to: id, in: context)
        }
        return problems
    }

    /// Binds `keys` to `action` in `context`, replacing what they were bound to.
    public mutating func bind(_ keys: [Key], to action: ID, in context: String) {
        if let i = contexts[context]?.firstIndex(where: { $0.keys == keys }) {
            contexts[context]?[i].action = action
        } else {
            contexts[context, default: []].append(Binding(keys: keys, action: action))
        }
    }

    /// The action `keys` trigger in `context`.
    public func action(for keys: [Key], in context: String) -> ID? {
        if let own = contexts[context]?.first(where: { $0.keys == keys }) { return own.action }
        return contexts[Self.global]?.first(where: { $0.keys == keys })?.action
    }

    /// Whether some binding in `context` starts with `keys` and is longer.
    public func isPrefix(_ keys: [Key], in context: String) -> Bool {
        for ctx in [context, Self.global] {
            for binding in contexts[ctx] ?? [] where binding.keys.count > keys.count && Array(binding.keys.prefix(keys.count)) == keys {
                return true
            }
        }
        return false
    }

    /// Key sequences that trigger `action` in `context`, its own bindings first, in file order.
    public func keys(for action: ID, in context: String) -> [[Key]] {
        var result = ownKeys(for: action, in: context)
        if context != Self.global {
            for binding in contexts[Self.global] ?? [] where binding.action == action
                && !(contexts[context]?.contains { $0.keys == binding.keys } ?? false) {
                result.append(binding.keys)
            }
        }
        return result
    }

    /// Every binding of `context` itself, in file order.
    public func bindings(in context: String) -> [(keys: [Key], action: ID)] {
        (contexts[context] ?? []).map { ($0.keys, $0.action) }
    }

    /// Key sequences bound to `action` in `context` itself, without global ones.
    public func ownKeys(for action: ID, in context: String) -> [[Key]] {
        (contexts[context] ?? []).filter { $0.action == action }.map(\.keys)
    }
}
