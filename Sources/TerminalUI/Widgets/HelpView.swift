import VietText

/// The key help, generated from the action catalogue and the keymap in force.
public enum HelpView {
    private static let noKey = Localized(vi: "(chưa gán phím)", en: "(no key)")
    private static let keyColumn = 22

    /// One section per context: its title, then each action with its keys and description.
    public static func lines<ID>(catalogue: ActionCatalogue<ID>, keymap: Keymap<ID>, contexts: [String],
                             contextTitles: [String: Localized], language: UILanguage,
                             theme: Theme = .default) -> [StyledLine] {
        var out: [StyledLine] = []
        var listed = Set<ID>()
        for context in contexts {
            var rows: [StyledLine] = []
            for action in catalogue.all {
                let keys = keymap.ownKeys(for: action.id, in: context)
                guard !keys.isEmpty else { continue }
                listed.insert(action.id)
                rows.append(row(keys: keys.map { $0.map(\.name).joined(separator: " ") }.joined(separator: ", "),
                                description: action.description(language), theme: theme))
            }
            guard !rows.isEmpty else { continue }
            if !out.isEmpty { out.append(StyledLine("")) }
            out.append(StyledLine(contextTitles[context]?(language) ?? context, style: theme.accent))
            out += rows
        }
        let unbound = catalogue.all.filter { !listed.contains($0.id) }
        if !unbound.isEmpty {
            if !out.isEmpty { out.append(StyledLine("")) }
            for action in unbound {
                out.append(row(keys: noKey(language), description: action.description(language), theme: theme))
            }
        }
        return out
    }

    private static func row(keys: String, description: String, theme: Theme) -> StyledLine {
        StyledLine("  " + DisplayWidth.fit(keys, to: keyColumn) + "  " + description)
    }
}
