import Foundation
import TerminalUI

/// Runs `bientap edit` on a screen.
public enum FileEditorApp {
    /// What the disk lane answers.
    public enum Message: Sendable {
        case journalFailed(Journal.Entry, reason: FileFailure)
        case fileWritten(changes: Int, error: FileFailure?)
    }

    /// Runs until the user leaves or the terminal goes; returns once every write asked
    /// (the journal, the file, FILE.save) is on the disk.
    public static func run(_ state: EditorState, on screen: Screen, journal: Journal?, environment: [String: String]) {
        var state = state
        let disk = DiskLane(journal: journal)
        defer { disk.finish() }
        let loop = EventLoop<Message>(screen: screen)
        let mailbox = loop.mailbox
        func execute(_ effects: [EditorState.Effect]) -> LoopControl {
            var control = LoopControl.proceed
            for effect in effects {
                switch effect {
                case .quit: control = .quit
                case .suspend: screen.suspend()
                case .repaint: screen.repaintAll()
                case .editExternally(let text):
                    state.editedExternally(ExternalEditor.edit(text, environment: environment, screen: screen))
                case .keepJournal(let entry):
                    disk.keep(entry) { mailbox.send(.journalFailed(entry, reason: $0)) }
                case .dropJournal(let key):
                    disk.drop(key: key)
                case .writeFile(let path, let text, let changes):
                    disk.write(text, to: path) { mailbox.send(.fileWritten(changes: changes, error: $0)) }
                case .writeRescueCopy(let path, let original, let text):
                    disk.write(text, to: path, rescuing: original)
                case .save, .renewLease, .checkSpelling, .addToDictionary:
                    break   // a file has no portal, and no checker yet
                }
            }
            return control
        }
        guard execute(state.handle(.resize(width: screen.width, height: screen.height))) == .proceed else { return }
        loop.run(render: { state.render() }, handle: { event in
            state.now = Date()
            defer { loop.tickMilliseconds = state.wakeMilliseconds }
            switch event {
            case .input(let input): return execute(state.handle(input))
            case .tick: return execute(state.tick())
            case .message(.journalFailed(let entry, let reason)):
                state.journalFailed(entry, reason: reason)
                return .proceed
            case .message(.fileWritten(let changes, let error)):
                return execute(state.fileWritten(changes: changes, error: error))
            }
        })
    }
}
