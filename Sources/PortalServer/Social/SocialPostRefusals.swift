import Hummingbird
import NewsroomKit

/// Answers a decision or an edit the outbox refused (a post over its channel's limits) with
/// `social_post_refused` and what is wrong, wherever the store threw it from.
struct SocialPostRefusals: RouterMiddleware {
    typealias Context = PortalContext

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refused as Store.SocialPostRefused {
            throw APIFailure(.socialPostRefused, detail: "\(refused.channel): " + refused.problems.joined(separator: "; "))
        }
    }
}
