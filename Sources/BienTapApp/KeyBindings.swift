import Foundation
import TerminalUI
import VietText

/// The effective keymap: the shipped `Keymaps/default.keymap` (compiled in)
/// with the user's file applied on top.
public enum KeyBindings {
    /// Loads the defaults and, when given, the user's keymap file; problems
    /// in the user's file are returned with file:line and the rest still applies.
    public static func load(userFile: String?) -> (keymap: Keymap, problems: [KeymapError]) {
        var keymap = Keymap()
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

    /// The bindings in force as keymap lines, a context at a time, each with
    /// the action's description as a comment.
    public static func listing(_ keymap: Keymap, language: UILanguage) -> String {
        var out = ""
        for context in [Keymap.global, AppActions.queue, AppActions.reader, AppActions.help, AppActions.editor] {
            let bindings = keymap.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            out += "# \(AppActions.contextTitles[context]?(language) ?? context)\n"
            for (keys, action) in bindings {
                let keyText = keys.map(\.name).joined(separator: " ")
                let line = "bind \(context) \(keyText) \(action)"
                let description = AppActions.catalogue.action(id: action)?.description(language) ?? ""
                out += line.padding(toLength: max(line.count, 44), withPad: " ", startingAt: 0) + "  # " + description + "\n"
            }
            out += "\n"
        }
        return out
    }
}
