import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// How an act on a social post ended, in words for the person: the post as it is now, and
/// whether the act was refused (its state did not allow it) rather than done (now, or before).
public struct SocialActOutcome: Sendable {
    public var post: SocialPost
    public var words: String
    public var refused: Bool

    public init(post: SocialPost, words: String, refused: Bool) {
        self.post = post
        self.words = words
        self.refused = refused
    }
}

/// The portal calls behind the social queue screen, each ending in the message that answers
/// its effect. They block: the app runs them on its read or write lane.
public enum SocialWork {
    /// Every post of the sites the user is on the board of, newest first; filtered on the desk,
    /// so the counts per state stay whole whatever is shown.
    public static func posts(_ client: any PortalAPI) -> AppMessage {
        let result = Result { try client.socialPosts(statuses: [], channel: nil, site: nil, limit: SocialScreen.listLimit) }
            .mapError(PortalError.wrap)
        return .socialPostsLoaded(result)
    }

    /// Does `act` on post `id` as `bientap social` does: a repeat that finds it done says so.
    public static func act(_ client: any PortalAPI, language: UILanguage, id: Int64, _ act: DeskCommands.SocialAct) -> AppMessage {
        let desk = DeskCommands(client: client, language: language, attempts: 1)
        let result = Result { () throws -> SocialActOutcome in
            do {
                let outcome = try desk.social(act, id: id)
                switch outcome {
                case .done(let post), .doneAlready(let post): return SocialActOutcome(post: post, words: desk.report(outcome), refused: false)
                }
            } catch let refusal as DeskCommands.SocialPostStateRefusal {
                return SocialActOutcome(post: refusal.post, words: desk.explain(refusal), refused: true)
            }
        }.mapError(PortalError.wrap)
        return .socialPostActed(id: id, result)
    }
}
