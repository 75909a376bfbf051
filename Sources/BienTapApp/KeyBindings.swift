import Foundation
import TerminalUI
import VietText

/// The desk's keymap: key sequences bound to `DeskAction`s.
public typealias DeskKeymap = Keymap<DeskAction>
/// The command palette of a desk screen.
typealias DeskPalette = CommandPalette<DeskAction>

/// The effective keymap: the shipped `Keymaps/default.keymap` (compiled in)
/// with the user's file applied on top.
public enum KeyBindings {
    /// Loads the defaults and, when given, the user's keymap file; problems
    /// in the user's file are returned with file:line and the rest still applies.
    public static func load(userFile: String?) -> (keymap: DeskKeymap, problems: [KeymapError]) {
        var keymap = DeskKeymap()
        var problems = keymap.load(DefaultKeymap.text, file: "Keymaps/default.keymap", catalogue: AppActions.catalogue)
        if let userFile {
            if let data = FileManager.default.contents(atPath: userFile) {
                problems += keymap.load(String(decoding: data, as: UTF8.self), file: userFile, catalogue: AppActions.catalogue)
            } else {
                problems.append(KeymapError(file: userFile, line: 0, message: "cannot read the file"))
            }
        }
        return (keymap, problems)
    }

    /// The key (or sequence) to name for `action` in hints and the palette:
    /// the first one bound, but never a printable key in the editor, where it is text.
    static func keyName(for action: DeskAction, in context: String, keymap: DeskKeymap) -> String? {
        keymap.keys(for: action, in: context)
            .first { keys in
                guard context == AppActions.editor, case .char? = keys.first else { return true }
                return false
            }
            .map { $0.map(\.name).joined(separator: " ") }
    }

    /// The editor's command bound to a single key, for the one-line fields
    /// (prompts, the palette) that edit text as the editor does.
    static func editorCommand(for key: Key, keymap: DeskKeymap) -> EditorCommand? {
        keymap.action(for: [key], in: AppActions.editor)?.editorCommand
    }

    /// The command palette of a screen: every action of its context with its key.
    static func palette(context: String, keymap: DeskKeymap, language: UILanguage, inputMethod: InputMethod? = nil) -> DeskPalette {
        let items = AppActions.catalogue.all.filter { $0.contexts.contains(context) && $0.id != .palette }.map { action in
            DeskPalette.Item(id: action.id, title: action.description(language),
                                detail: keyName(for: action.id, in: context, keymap: keymap) ?? "")
        }
        return DeskPalette(items: items, label: Strings.paletteTitle(language), inputMethod: inputMethod)
    }

    /// The bindings in force as keymap lines, a context at a time, each with
    /// the action's description as a comment.
    public static func listing(_ keymap: DeskKeymap, language: UILanguage) -> String {
        var out = ""
        for context in AppActions.contexts {
            let bindings = keymap.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            out += "# \(AppActions.contextTitles[context]?(language) ?? context)\n"
            for (keys, action) in bindings {
                let keyText = keys.map(\.name).joined(separator: " ")
                let line = "bind \(context) \(keyText) \(action.id)"
                let description = action.description(language)
                out += line.padding(toLength: max(line.count, 44), withPad: " ", startingAt: 0) + "  # " + description + "\n"
            }
            out += "\n"
        }
        return out
    }
}
