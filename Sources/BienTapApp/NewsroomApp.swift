import Dispatch
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI

/// Runs the newsroom UI: feeds input and results to `AppState`, runs its
/// effects on a background queue so the network never blocks drawing.
public final class NewsroomApp {
    private let client: AdminClient
    private var state: AppState
    private let work = DispatchQueue(label: "bientap.portal")

    public init(client: AdminClient, state: AppState) {
        self.client = client
        self.state = state
    }

    /// Runs until the user quits or the terminal goes away.
    public func run(on screen: Screen) {
        let loop = EventLoop<AppMessage>(screen: screen)
        state.width = screen.width
        state.height = screen.height
        state.now = Date()
        var quit = false
        for effect in state.start() { quit = execute(effect, loop: loop) || quit }
        if quit { return }
        loop.tickMilliseconds = state.wakeMilliseconds
        loop.run(render: { self.state.render() }, handle: { event in
            self.state.now = Date()
            let effects: [Effect]
            switch event {
            case .input(let input): effects = self.state.handle(input: input)
            case .message(let message): effects = self.state.handle(message: message)
            case .tick:
                effects = self.state.tick()
            }
            var shouldQuit = false
            for effect in effects { shouldQuit = self.execute(effect, loop: loop) || shouldQuit }
            // While a spinner turns or a toast waits to expire, the screen changes with time alone.
            loop.tickMilliseconds = self.state.wakeMilliseconds
            return shouldQuit ? .quit : .proceed
        })
    }

    /// Starts an effect; returns true when it ends the app.
    private func execute(_ effect: Effect, loop: EventLoop<AppMessage>) -> Bool {
        let client = self.client
        switch effect {
        case .quit:
            return true
        case .suspend:
            loop.screen.suspend()
        case .repaint:
            loop.screen.repaintAll()
        case .loadQueue(let tab, let statuses):
            work.async {
                let result = Result { try client.allSubmissions(statuses: statuses) }.mapError(PortalError.wrap)
                loop.send(.queueLoaded(tab: tab, result))
            }
        case .loadSubmission(let id):
            work.async {
                let result = Result { try client.submission(id: id) }.mapError(PortalError.wrap)
                loop.send(.submissionLoaded(id, result))
            }
        case .loadDifferences(let id):
            work.async {
                let result = Result { try client.diff(of: id) }.mapError(PortalError.wrap)
                loop.send(.differencesLoaded(id, result))
            }
        }
        return false
    }
}

extension PortalError {
    /// Every error the client throws is a PortalError; this keeps Result's type exact.
    static func wrap(_ error: Error) -> PortalError {
        if let e = error as? PortalError { return e }
        if let e = error as? TransportError { return .transport(e) }
        return .malformedResponse(url: "", detail: String(describing: error))
    }
}
