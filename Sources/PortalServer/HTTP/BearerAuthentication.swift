import Hummingbird

/// Resolves `Authorization: Bearer <token>` to a principal; no valid token, no entry.
struct BearerAuthentication: RouterMiddleware {
    typealias Context = PortalContext
    let store: Store

    func handle(_ request: Request, context: PortalContext,
                next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.count > 7,
              header.prefix(7).lowercased() == "bearer " else {
            throw APIFailure(.unauthorized)
        }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard let principal = try await store.principal(forToken: token) else {
            throw APIFailure(.unauthorized)
        }
        var context = context
        context.principal = principal
        context.tokenHash = AccessToken.hash(token)
        return try await next(request, context)
    }
}
