import Hummingbird
import Logging
import NewsroomKit
import ServiceLifecycle
import SQLKit

/// Builds the portal's HTTP application over a store.
public enum PortalApplication {
    public static func router(store: Store) -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        router.add(middleware: RequestLogging())
        router.get(RouterPath(APIPath.health)) { _, _ in
            _ = try await store.sql.raw("SELECT 1 AS ok").first()
            return try JSONResponse.make(Health(status: "ok"))
        }
        let api = router.group("api/v1").add(middleware: BearerAuthentication(store: store))
        AccountRoutes.add(to: api, store: store)
        SubmissionRoutes.add(to: api, store: store)
        return router
    }

    /// The application listening on `host`:`port` (0: any free port); `onRunning`
    /// receives the port actually bound.
    public static func make(store: Store, host: String, port: Int, logger: Logger, services: [any Service] = [],
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(store: store),
                    configuration: .init(address: .hostname(host, port: port), serverName: "bientap-portal"),
                    services: services,
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
                    logger: logger)
    }
}
