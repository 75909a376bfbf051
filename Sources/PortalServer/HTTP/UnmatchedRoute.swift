import HTTPTypes
import Hummingbird
import NewsroomKit

/// The answer to a request no route takes, in the API's error shape: 405 with `Allow`
/// when its path is served for other methods (TRACE or PATCH on a submission), 404
/// otherwise. Added to the router after every route, so it wraps only the router's
/// not-found responder; a route's own 404 (an item out of sight) passes through untouched.
struct UnmatchedRoute: RouterMiddleware {
    typealias Context = PortalContext

    /// Each served path, with its methods.
    private let paths: [(path: RouterPath, methods: [HTTPRequest.Method])]

    init(routes: [Router<PortalContext>.RouteDescription]) {
        var methods: [String: (RouterPath, [HTTPRequest.Method])] = [:]
        for route in routes { methods[route.path.description, default: (route.path, [])].1.append(route.method) }
        paths = methods.values.map { ($0.0, $0.1) }
    }

    /// The methods served at `path`, by the name `Allow` gives them, sorted.
    func allowed(at path: String) -> [String] {
        let segments = path.split(separator: "/")
        // Segment by segment as the router matches them (`{id}` takes any one).
        let served = paths.filter { route in
            route.path.count == segments.count && zip(route.path, segments).allSatisfy { element, segment in element ~= segment }
        }
        return Set(served.flatMap { $0.methods.map(\.rawValue) }).sorted()
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let methods = allowed(at: request.uri.path)
            guard !methods.isEmpty else { throw APIFailure(.notFound) }
            var response = try APIFailure(.methodNotAllowed, detail: request.method.rawValue).response(from: request, context: context)
            response.headers[.allow] = methods.joined(separator: ", ")
            return response
        }
    }
}
