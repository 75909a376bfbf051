import Foundation
import TerminalUI

/// How the app composes its screens: it lends one (by its place among the overlays) the
/// desk's context, and takes back the notices, modals, status and screens it opened.
extension AppState {
    /// The context a screen acts in, as the app is now.
    var desk: DeskContext {
        DeskContext(language: language, portal: portal, keymap: keymap, theme: theme, cursorStyle: cursorStyle,
                    inputMethod: inputMethod, now: now, width: width, height: height, keyContext: context, me: me,
                    deciding: Set(deciding.keys), opening: opening, refreshInterval: refreshInterval,
                    toasts: toasts, modals: modals, formPurpose: formPurpose, statusError: statusError,
                    errorText: errorText, loadStarted: loadStarted)
    }

    /// Takes back what a screen changed of the app's parts; what it opened goes on top.
    private mutating func adopt(_ desk: DeskContext) {
        toasts = desk.toasts
        modals = desk.modals
        formPurpose = desk.formPurpose
        statusError = desk.statusError
        errorText = desk.errorText
        loadStarted = desk.loadStarted
        overlays += desk.opened
    }

    /// Runs `body` on the app's context alone (no screen).
    mutating func withDesk<Result>(_ body: (inout DeskContext) -> Result) -> Result {
        var desk = self.desk
        let result = body(&desk)
        adopt(desk)
        return result
    }

    /// Lends the screen at `index` and the context to `body`.
    mutating func on<Result>(_ index: Int, _ body: (inout any DeskScreen, inout DeskContext) -> Result) -> Result {
        var desk = self.desk
        desk.isOnTop = index == overlays.count - 1
        let result = overlays[index].update { body(&$0, &desk) }
        adopt(desk)
        return result
    }

    /// Lends the queue under the overlays.
    mutating func withQueue<Result>(_ body: (inout QueueDesk, inout DeskContext) -> Result) -> Result {
        var desk = self.desk
        let result = body(&queueDesk, &desk)
        adopt(desk)
        return result
    }

    /// Lends the screen on top; nil when the queue is.
    mutating func onTop<Result>(_ body: (inout any DeskScreen, inout DeskContext) -> Result) -> Result? {
        guard let last = overlays.indices.last else { return nil }
        return on(last, body)
    }

    /// What the screen on top makes of something that may be its own; nil: not its own, or
    /// the queue is on top.
    mutating func topTakes(_ body: (inout any DeskScreen, inout DeskContext) -> [Effect]?) -> [Effect]? {
        onTop(body).flatMap { $0 }
    }

    /// A result goes to the screens, from the top down, until one takes it; nil: none did.
    mutating func deliver(_ message: AppMessage) -> [Effect]? {
        for index in overlays.indices.reversed() {
            if let effects = on(index, { $0.receive(message, in: &$1) }) { return effects }
        }
        return nil
    }

    /// Shows a screen of type `Screen`: the one already open below brought to the top, else
    /// the one `open` makes (nil: the user may not, and was told why).
    mutating func present<Screen: DeskScreen>(_ open: (inout DeskContext) -> (Screen, [Effect])?) -> [Effect] {
        if let index = overlays.lastIndex(where: { $0.screen is Screen }) {
            overlays.append(overlays.remove(at: index))
            return onTop { $0.reopened(in: &$1) } ?? []
        }
        guard let (screen, effects) = withDesk(open) else { return [] }
        overlays.append(screen.overlay)
        return effects
    }
}
