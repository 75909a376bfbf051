import Foundation
import NewsroomKit

/// The social queue (Zalo OA, Facebook Page): the board reads the portal's outbox and acts
/// on its posts. Each change is safe to repeat: a second one finds the post in a status that
/// does not allow it and is refused with 409 (`social_post_state`), never acted on twice.
extension AdminClient {
    private enum SocialPath {
        static let posts = "/api/v1/social/posts"
        static func post(_ id: Int64) -> String { "\(posts)/\(id)" }
    }

    /// `GET /api/v1/social/posts`: the posts of the statuses (every one when empty), on one
    /// channel and site when named, newest first, at most `limit`.
    public func socialPosts(statuses: [SocialPostStatus], channel: String?, site: String?, limit: Int) throws -> [SocialPost] {
        var query: [(String, String)] = [("limit", String(limit))]
        if !statuses.isEmpty { query.append(("status", statuses.map(\.rawValue).joined(separator: ","))) }
        if let channel { query.append(("channel", channel)) }
        if let site { query.append(("site", site)) }
        return try get(SocialPath.posts, query: query)
    }

    /// `GET /api/v1/social/posts/{id}`.
    public func socialPost(id: Int64) throws -> SocialPost {
        try get(SocialPath.post(id))
    }

    /// `POST /api/v1/social/posts/{id}/retry`: a failed or uncertain post queued again.
    public func retrySocialPost(id: Int64) throws -> SocialPost {
        try request("POST", SocialPath.post(id) + "/retry")
    }

    /// `POST /api/v1/social/posts/{id}/cancel`: a post that has not gone out will not.
    public func cancelSocialPost(id: Int64) throws -> SocialPost {
        try request("POST", SocialPath.post(id) + "/cancel")
    }

    /// `POST /api/v1/social/posts/{id}/resolve`: what a person found on the page for an uncertain post.
    public func resolveSocialPost(id: Int64, _ resolution: SocialPostResolution) throws -> SocialPost {
        try request("POST", SocialPath.post(id) + "/resolve", headers: [("Content-Type", "application/json")],
                    body: try WireFormat.encoder().encode(resolution))
    }

    /// `PATCH /api/v1/social/posts/{id}`: the text of a post not sent yet.
    public func editSocialPost(id: Int64, message: String) throws -> SocialPost {
        try request("PATCH", SocialPath.post(id), headers: [("Content-Type", "application/json")],
                    body: try WireFormat.encoder().encode(SocialPostEdit(message: message)))
    }
}
