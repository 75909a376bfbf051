import Hummingbird

/// Resolves `Authorization: Bearer <token>` to a principal; no valid token, no entry.
/// Routes behind it read the principal from `AuthenticatedContext`.
struct BearerAuthentication: RouterMiddleware {
    typealias Context = PortalContext
    let store: Store
    let cache: TokenCache

    func handle(_ request: Request, context: PortalContext,
                next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], let token = Self.token(inAuthorization: header) else {
            throw APIFailure(.unauthorized)
        }
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

    /// The token of `Bearer <token>` (the scheme in any case), without the spaces and tabs
    /// HTTP allows around it; nil for another scheme or an empty token. Bytes only, with no
    /// Foundation string call: this runs on every request of the API.
    static func token(inAuthorization header: String) -> Substring? {
        let scheme = "bearer ".utf8
        let utf8 = header.utf8
        let lowercased = { (byte: UInt8) in (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte }
        guard utf8.count > scheme.count, zip(utf8, scheme).allSatisfy({ lowercased($0) == $1 }) else { return nil }
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let rest = utf8.dropFirst(scheme.count)
        guard let first = rest.firstIndex(where: { !isSpace($0) }), let last = rest.lastIndex(where: { !isSpace($0) }) else { return nil }
        return Substring(header.utf8[first...last])
    }
}
