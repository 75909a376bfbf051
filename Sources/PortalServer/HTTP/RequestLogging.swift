import Foundation
import Hummingbird
import Logging

/// Every answer in the API's error shape, and one line per request: method, path (never the query, which could hold secrets someday), status, time.
struct RequestLogging: RouterMiddleware {
    typealias Context = PortalContext

    func handle(_ request: Request, context: PortalContext,
                next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now()
        func log(_ status: Int) {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
            context.logger.info("\(request.method) \(request.uri.path) \(status) \(String(format: "%.1f", ms))ms")
        }
        do {
            let response = try await next(request, context)
            log(response.status.code)
            return response
        } catch let failure as APIFailure {
            log(failure.status.code)
            throw failure
        } catch let failure as HTTPResponseError {
            // Hummingbird's own errors (no such route, bad method) get the API's shape too.
            log(failure.status.code)
            switch failure.status.code {
            case 404, 405: throw APIFailure(.notFound, detail: "\(request.method) \(request.uri.path)")
            case 400..<500: throw APIFailure(.badRequest)
            default: throw APIFailure(.internalError)
            }
        } catch {
            log(500)
            context.logger.error("internal error: \(error)")
            throw APIFailure(.internalError)
        }
    }
}
