import Foundation
import TerminalUI

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
}
