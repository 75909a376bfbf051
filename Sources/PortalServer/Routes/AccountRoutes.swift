import Hummingbird
import NewsroomKit

/// `GET /api/v1/me` and `GET /api/v1/sites`.
enum AccountRoutes {
    static func add(to group: RouterGroup<PortalContext>, store: Store) {
        group.get("me") { _, context in
            try JSONResponse.make(context.principal!.me)
        }
        group.get("sites") { _, context in
            let principal = context.principal!
            return try JSONResponse.make(try await store.sites().filter { principal.maySee(site: $0.code) })
        }
    }
}
