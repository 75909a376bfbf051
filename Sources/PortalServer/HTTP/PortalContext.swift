import Hummingbird

/// Per-request context: Hummingbird's core, the peer's address and, behind
/// `BearerAuthentication`, whom the token names.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address ("unknown" when the transport has none), for sign-in limits.
    public let peer: String
    /// Set by `BearerAuthentication` and read only by `AuthenticatedContext`, where routes
    /// find it without the optional.
    var bearer: Bearer?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// The signed-in user a bearer token names, and the token's hash.
struct Bearer: Sendable {
    let principal: Principal
    /// So that sign-out can revoke exactly the token the request came with.
    let tokenHash: String
}

/// The context of a route behind `BearerAuthentication`: its user is not optional.
/// Hummingbird builds it from the `PortalContext` the middleware filled in
/// (`RouterGroup.group(context:)`).
struct AuthenticatedContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let peer: String
    let principal: Principal
    let tokenHash: String

    /// Mounted outside `BearerAuthentication` by mistake, a route answers 401 instead of trapping.
    init(context: PortalContext) throws {
        guard let bearer = context.bearer else { throw APIFailure(.unauthorized) }
        coreContext = context.coreContext
        peer = context.peer
        principal = bearer.principal
        tokenHash = bearer.tokenHash
    }
}
