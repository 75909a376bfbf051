import Foundation

/// Shows that work is under way: nothing for the first 200 ms (a quick answer
/// should not flicker), then a turning spinner.
public enum Activity {
    /// How long work runs before it is shown.
    public static let delay: TimeInterval = 0.2
    /// How often the spinner turns, and so how often a screen showing it is redrawn.
    public static let frameInterval: TimeInterval = 0.1
    private static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The spinner's glyph after `elapsed` seconds of work; nil under `delay`.
    public static func spinner(elapsed: TimeInterval) -> String? {
        guard elapsed >= delay else { return nil }
        let step = Int((elapsed - delay) / frameInterval + 1e-9)
        return String(frames[step % frames.count])
    }

    /// How long an event loop may sleep before the screen changes by itself:
    /// a frame while a spinner may turn, else until the next toast expires;
    /// nil when nothing on screen changes with time.
    public static func wakeMilliseconds(spinning: Bool, toasts: Toasts, now: Date) -> Int? {
        if spinning { return Int(frameInterval * 1000) }
        guard let next = toasts.nextExpiry else { return nil }
        return max(1, Int((next.timeIntervalSince(now) * 1000).rounded(.up)))
    }
}
