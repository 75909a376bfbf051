import Dispatch
import Foundation
import VietText

/// The desk's spell checker, on a queue of its own: the lexicon is loaded at the first
/// check (it takes a moment), and words added to the user's dictionary count at once.
/// `@unchecked Sendable`: the serial `queue` guards `checker`, the only mutable field.
final class SpellService: @unchecked Sendable {
    private let queue = DispatchQueue(label: "bientap.spelling")
    /// Touched only on `queue`.
    private var checker: SpellChecker?
    /// `dictionary.txt` in the configuration directory: one word a line, as `bientap spell` reads it.
    let userDictionary: String

    init(userDictionary: String) {
        self.userDictionary = userDictionary
    }

    private func loaded() -> SpellChecker {
        if let checker { return checker }
        let made = SpellChecker(lexicon: Lexicon.standard(user: userDictionary))
        checker = made
        return made
    }

    /// Checks `text` off the UI thread; `answer` gets the findings.
    func check(_ text: String, answer: @escaping @Sendable ([Finding]) -> Void) {
        queue.async {
            answer(self.loaded().check(text))
        }
    }

    /// Adds `word` to the user's dictionary file and to the checker; `answer` gets the
    /// reason when the file could not be written.
    func add(_ word: String, answer: @escaping @Sendable (FileFailure?) -> Void) {
        queue.async {
            var checker = self.loaded()
            checker.lexicon.add(word: word)
            self.checker = checker
            do {
                let directory = URL(fileURLWithPath: self.userDictionary).deletingLastPathComponent().path
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                if !FileManager.default.fileExists(atPath: self.userDictionary) {
                    // A failure shows at the open below.
                    _ = FileManager.default.createFile(atPath: self.userDictionary, contents: nil)
                }
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: self.userDictionary))
                defer { try? handle.close() }
                let end = try handle.seekToEnd()
                var line = Normalization.nfc(word) + "\n"
                if end > 0, let reader = FileHandle(forReadingAtPath: self.userDictionary) {
                    // A last line without its newline would run into the new word.
                    try reader.seek(toOffset: end - 1)
                    if reader.readData(ofLength: 1) != Data("\n".utf8) { line = "\n" + line }
                    try? reader.close()
                }
                try handle.write(contentsOf: Data(line.utf8))
                answer(nil)
            } catch {
                answer(FileFailure(error))
            }
        }
    }

    /// Returns once the words asked to be added are in the file (and the check under way done).
    func finish() {
        queue.sync {}
    }
}
