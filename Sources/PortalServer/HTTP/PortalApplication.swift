import Foundation
import Hummingbird
import Logging
import NewsroomKit
import PublicWeb
import ServiceLifecycle
import SQLKit

/// Builds the portal's HTTP application over a store.
public enum PortalApplication {
    /// `tokenCacheSeconds`: how long a token's owner is remembered (0: ask the database every time);
    /// `listCacheSeconds`: how long a list page may show what other processes have changed (0: no list cache);
    /// `publicBase`: the public portal's address, before every path in feeds, sitemaps and Open Graph tags;
    /// `pageCacheSeconds`: how long a public page may show what other processes have changed (0: no page cache).
    public static func router(store: Store, metrics: Metrics = Metrics(), signInLimits: Store.SignInLimits = .init(),
                              clients: ClientAddress = ClientAddress(), minimumFreeDisk: Int64 = PortalApplication.minimumFreeDisk,
                              tokenCacheSeconds: TimeInterval = TokenCache.defaultLifetime,
                              listCacheSeconds: TimeInterval = ListCache.defaultLifetime,
                              publicBase: PublicAddress = PublicAddress(PortalApplication.defaultPublicBase),
                              pageCacheSeconds: TimeInterval = PageCache.defaultLifetime) -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        router.add(middleware: RequestLogging(metrics: metrics))
        // Alive: the process answers.
        router.get(RouterPath(APIPath.health)) { _, _ in
            try JSONResponse.make(Health(status: "ok"))
        }
        // Ready: the database answers and its schema is the one this build expects.
        router.get(RouterPath(APIPath.ready)) { _, _ in
            do {
                let versions = try await Migrations.appliedVersions(in: store)
                guard versions.max() == Migrations.latest else {
                    return try JSONResponse.make(Health(status: "schema \(versions.max() ?? 0) of \(Migrations.latest)"), status: .serviceUnavailable)
                }
                // A full disk answers reads but refuses every save: not ready for a load balancer.
                if let directory = store.fileDirectory,
                   let free = (try? FileManager.default.attributesOfFileSystem(forPath: directory))?[.systemFreeSize] as? NSNumber,
                   free.int64Value < minimumFreeDisk {
                    return try JSONResponse.make(Health(status: "disk full: \(free.int64Value) bytes free"), status: .serviceUnavailable)
                }
                return try JSONResponse.make(Health(status: "ready"))
            } catch {
                return try JSONResponse.make(Health(status: "database unavailable"), status: .serviceUnavailable)
            }
        }
        // Prometheus: requests, latencies, queue depths. Unauthenticated, like /healthz:
        // keep the portal's admin port off the public network (it listens on 127.0.0.1 by default).
        router.get("metrics") { _, _ in
            let text = metrics.text(queue: try await store.countSubmissions())
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        AccountRoutes.addPublic(to: router.group("api/v1"), store: store, limits: signInLimits, clients: clients)
        let tokens = TokenCache(lifetime: tokenCacheSeconds, clock: store.clock)
        let api = router.group("api/v1").add(middleware: BearerAuthentication(store: store, cache: tokens))
            .add(middleware: SocialPostRefusals())
            .group(context: AuthenticatedContext.self)
        AccountRoutes.add(to: api, store: store, tokens: tokens)
        // One gate for every upload, the API's and the contributors' door's.
        let uploads = UploadGate()
        SubmissionRoutes.add(to: api, store: store, lists: ListCache(lifetime: listCacheSeconds, clock: store.clock), uploads: uploads)
        RateRoutes.add(to: api, store: store)
        ReportRoutes.add(to: api, store: store)
        RoyaltyRoutes.add(to: api, store: store)
        SocialRoutes.add(to: api, store: store)
        // The contributors' door: web forms over the same accounts, limits and workflow (Sources/PortalServer/Door).
        DoorRoutes.add(to: router, store: store, limits: signInLimits, clients: clients, uploads: uploads, tokens: tokens)
        // The public face: pages, photos, feeds and sitemaps, no token (Sources/PublicWeb).
        PublicPages(content: StorePublicContent(store: store), address: publicBase, renderer: publicPageRenderer,
                    cache: PageCache(lifetime: pageCacheSeconds, clock: store.clock)).add(to: router)
        // Last, so that it wraps only what no route takes: 405 with Allow, or 404.
        router.add(middleware: UnmatchedRoute(routes: router.routes))
        return router
    }

    /// The public address when none is configured (`bientap-portal serve --public-url`).
    public static let defaultPublicBase = "http://127.0.0.1:8080"

    /// The public pages' templates, parsed once per process; they are compiled in, so a
    /// failure to parse is a defect every test shows, and the pages then answer with its text.
    static let publicPageRenderer: PageRenderer = {
        do { return try PageRenderer() } catch { return PageRenderer.failed(error) }
    }()

    /// Free space below which an SQLite store is not ready (a save needs room for its revision and the WAL).
    public static let minimumFreeDisk: Int64 = 64 << 20

    /// The application listening on `host`:`port` (0: any free port); `onRunning`
    /// receives the port actually bound.
    public static func make(store: Store, host: String, port: Int, logger: Logger, services: [any Service] = [],
                            clients: ClientAddress = ClientAddress(), publicBase: String? = nil,
                            publicAddress: PublicAddress? = nil,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        // Without a configured address, the one listened on, once the port is known; `publicAddress`
        // when given, so that what else links to the pages (the social dispatcher) follows it too.
        let address = publicAddress ?? PublicAddress(publicBase ?? "http://\(host):\(port)")
        return Application(router: router(store: store, clients: clients, publicBase: address),
                           configuration: .init(address: .hostname(host, port: port), serverName: "bientap-portal"),
                           services: services,
                           onServerRunning: { channel in
                               let bound = channel.localAddress?.port ?? port
                               if publicBase == nil { address.base = "http://\(host):\(bound)" }
                               await onRunning(bound)
                           },
                           logger: logger)
    }
}
