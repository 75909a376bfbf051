import Hummingbird

/// Resolves `Authorization: Bearer <token>` to a principal; no valid token, no entry.
/// Routes behind it read the principal from `AuthenticatedContext`.
struct BearerAuthentication: RouterMiddleware {
    typealias Context = PortalContext
    let store: Store
    let cache: TokenCache

    func handle(_ request: Request, context: PortalContext,
                next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.count > 7,
              header.prefix(7).lowercased() == "bearer " else {
            throw APIFailure(.unauthorized)
        }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        let hash = AccessToken.hash(token)
        let principal: Principal
        if let known = cache.principal(forHash: hash) {
            principal = known
        } else {
            guard let found = try await store.principal(forTokenHash: hash) else { throw APIFailure(.unauthorized) }
            cache.remember(found, forHash: hash)
            principal = found
        }
        var context = context
        context.bearer = Bearer(principal: principal, tokenHash: hash)
        return try await next(request, context)
    }
}
