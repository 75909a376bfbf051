import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// The social queue for scripts: the portal's outbox as a table or JSON lines, and a
/// person's acts on a post (retry, cancel, resolve an uncertain one, edit the text before it
/// goes). Each act is safe to repeat: when the portal refuses it because the post is already
/// where the act would leave it (a retry whose answer was lost and went again), it is said
/// as done already and succeeds.
extension DeskCommands {
    /// A person's act on one post.
    public enum SocialAct: Sendable, Hashable {
        case retry
        case cancel
        case resolvePosted(link: String)
        case sendAgain
        case edit(text: String)

        /// The statuses a post has once this act went through (checked when the portal refuses a repeat).
        var leaves: Set<SocialPostStatus> {
            switch self {
            case .retry, .sendAgain: return [.queued]
            case .cancel: return [.cancelled]
            case .resolvePosted: return [.posted]
            case .edit: return []
            }
        }
    }

    /// How an act ended: done now, or found done already.
    public enum SocialOutcome: Sendable, Hashable {
        case done(SocialPost)
        case doneAlready(SocialPost)
    }

    /// The act refused because the post's status does not allow it (the portal's 409).
    public struct SocialPostStateRefusal: Error, Sendable, Hashable {
        public var post: SocialPost
        public var act: SocialAct
    }

    /// The most posts one listing asks for (the portal's own limit).
    static let socialListLimit = 1_000

    // MARK: - Reading

    /// The posts of the statuses (every one when empty), on `channel` and `site` when named,
    /// newest first: a table aligned by display width (the title takes what is left of `width`),
    /// or one JSON object a line.
    public func socialPosts(statuses: [SocialPostStatus], channel: String?, site: String?, format: Format,
                            width: Int? = nil) throws -> String {
        let posts = try retrying {
            try client.socialPosts(statuses: statuses, channel: channel, site: site, limit: Self.socialListLimit)
        }
        switch format {
        case .jsonl, .json:
            let encoder = WireFormat.encoder()
            return try posts.map { TerminalSafeText.json(String(decoding: try encoder.encode($0), as: UTF8.self)) + "\n" }.joined()
        case .table, .text:
            guard !posts.isEmpty else { return TerminalSafeText.line(Strings.socialNone(language)) + "\n" }
            return Self.socialTable(posts, language: language, width: width)
        }
    }

    /// ID, channel, site, status, attempts, when (posted, or due), then what went wrong or the
    /// link, and the title last. Every cell passes `TerminalSafeText` (in `aligned`).
    static func socialTable(_ posts: [SocialPost], language: UILanguage, width: Int?) -> String {
        let header = [Strings.columnID, Strings.columnChannel, Strings.columnSite, Strings.columnStatus, Strings.columnAttempts,
                      Strings.columnWhen, Strings.columnOutcome, Strings.columnTitle].map { $0(language) }
        let rows = posts.map { post -> [String] in
            let when = (post.postedAt ?? post.dueAt).map(DateText.short) ?? ""
            let outcome = post.status == .posted ? (post.remoteLink ?? post.remoteId ?? "") : (post.lastError ?? "")
            return [String(post.id), Strings.channelName(post.channel)(language), post.site,
                    Strings.socialStatus(post.status)(language), String(post.attempts), when, Self.clipped(outcome, to: 60), post.title]
        }
        return aligned([header] + rows, numeric: [true, false, false, false, true, false, false, false], width: width)
    }

    /// `text` cut to `columns` display columns, with "…" when it was longer.
    static func clipped(_ text: String, to columns: Int) -> String {
        DisplayWidth.truncate(TerminalSafeText.line(text), to: columns)
    }

    // MARK: - Acting

    /// Does `act` on post `id`. A refusal because the post is already where the act leaves it
    /// is `doneAlready`; any other status refusal throws `SocialPostStateRefusal`.
    public func social(_ act: SocialAct, id: Int64) throws -> SocialOutcome {
        do {
            return .done(try retrying { try perform(act, id: id) })
        } catch let error as PortalError where error.apiCode == .socialPostState {
            let post = try retrying { try client.socialPost(id: id) }
            if act.leaves.contains(post.status) { return .doneAlready(post) }
            throw SocialPostStateRefusal(post: post, act: act)
        }
    }

    private func perform(_ act: SocialAct, id: Int64) throws -> SocialPost {
        switch act {
        case .retry: return try client.retrySocialPost(id: id)
        case .cancel: return try client.cancelSocialPost(id: id)
        case .resolvePosted(let link): return try client.resolveSocialPost(id: id, SocialPostResolution(action: .posted, link: link))
        case .sendAgain: return try client.resolveSocialPost(id: id, SocialPostResolution(action: .resend))
        case .edit(let text): return try client.editSocialPost(id: id, message: text)
        }
    }

    /// One line saying where the post stands after the act.
    public func report(_ outcome: SocialOutcome) -> String {
        switch outcome {
        case .done(let post):
            return TerminalSafeText.line(Strings.socialPostNow(post.id, channel: Strings.channelName(post.channel)(language),
                                                               status: Strings.socialStatus(post.status)(language))(language))
        case .doneAlready(let post):
            return TerminalSafeText.line(Strings.socialPostAlready(post.id, channel: Strings.channelName(post.channel)(language),
                                                                   status: Strings.socialStatus(post.status)(language))(language))
        }
    }

    /// Why the act cannot be done on the post as it stands, in words.
    public func explain(_ refusal: SocialPostStateRefusal) -> String {
        let status = Strings.socialStatus(refusal.post.status)(language)
        let allowed: Localized
        switch refusal.act {
        case .retry: allowed = Strings.socialRetryNeeds
        case .cancel: allowed = Strings.socialCancelNeeds
        case .resolvePosted, .sendAgain: allowed = Strings.socialResolveNeeds
        case .edit: allowed = Strings.socialEditNeeds
        }
        return TerminalSafeText.line(Strings.socialRefused(refusal.post.id, status: status, allowed: allowed(language))(language))
    }
}
