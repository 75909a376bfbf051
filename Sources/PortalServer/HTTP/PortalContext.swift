import Hummingbird

/// Per-request context: Hummingbird's core, the peer's address and the authenticated user.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var principal: Principal?
    /// The peer's IP address ("unknown" when the transport has none), for sign-in limits.
    public let peer: String
    /// Hash of the bearer token the request came with, so sign-out can revoke exactly it.
    public var tokenHash: String?

    /// The signed-in user. Routes behind `BearerAuthentication` always have one; a route
    /// mounted outside it by mistake answers 401 instead of trapping.
    public func authenticated() throws -> Principal {
        guard let principal else { throw APIFailure(.unauthorized) }
        return principal
    }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
