import Foundation

/// Why a post cannot go to Zalo as it stands: the desk tells the editor before approving, the
/// portal's outbox refuses it when it queues the post, and the connector checks it again.
public enum LimitProblem: Sendable, Hashable, Codable {
    case titleMissing
    /// Characters counted as Unicode characters of the NFC text.
    case titleTooLong(characters: Int, maximum: Int)
    case descriptionTooLong(characters: Int, maximum: Int)
    case coverMissing
    /// The cover is not an absolute http(s) address.
    case coverNotAWebAddress
}

/// What a Zalo OA article accepts.
public enum ZaloLimits {
    public static let titleMaximum = 150
    public static let descriptionMaximum = 300

    /// Everything wrong with an article of this title, description (the post's text) and cover; empty when it can be sent.
    public static func problems(title: String, description: String, coverURL: String?) -> [LimitProblem] {
        var problems: [LimitProblem] = []
        let titleLength = characters(title)
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.titleMissing)
        } else if titleLength > titleMaximum {
            problems.append(.titleTooLong(characters: titleLength, maximum: titleMaximum))
        }
        let descriptionLength = characters(description)
        if descriptionLength > descriptionMaximum {
            problems.append(.descriptionTooLong(characters: descriptionLength, maximum: descriptionMaximum))
        }
        let cover = coverURL?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if cover.isEmpty {
            problems.append(.coverMissing)
        } else if !isWebAddress(cover) {
            problems.append(.coverNotAWebAddress)
        }
        return problems
    }

    /// The same, where only whether the item has a cover photo is known (its address is made
    /// when the post is sent).
    public static func problems(title: String, description: String, hasCover: Bool) -> [LimitProblem] {
        problems(title: title, description: description, coverURL: hasCover ? "https://cover.invalid/" : nil)
    }

    /// Unicode characters (scalars) of the NFC form: never fewer than what a person sees, so
    /// a text that passes here passes Zalo however it counts.
    public static func characters(_ text: String) -> Int {
        text.precomposedStringWithCanonicalMapping.unicodeScalars.count
    }

    public static func isWebAddress(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else { return false }
        return true
    }
}
