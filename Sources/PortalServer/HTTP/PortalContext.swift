import Hummingbird

/// Per-request context: Hummingbird's core plus the authenticated user.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var principal: Principal?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
