import Foundation
import Hummingbird
import Logging

/// Every answer in the API's error shape, a log line per request (method,
/// path — never the query, which could hold secrets someday —, status, time),
/// and the request counted in the metrics under its route's pattern.
///
/// The line is at debug level, except for server errors and answers slower than
/// `slowAnswer`, which are at info: a line for each of thousands of requests a second
/// cost the server a tenth of its time and wrote 164 MB in one benchmark, and the
/// metrics count every request anyway. `--log-level debug` logs them all.
struct RequestLogging: RouterMiddleware {
    typealias Context = PortalContext
    let metrics: Metrics
    static let slowAnswer = 1.0

    func handle(_ request: Request, context: PortalContext,
                next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now()
        func log(_ status: Int) {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000_000
            let level: Logger.Level = status >= 500 || seconds >= Self.slowAnswer ? .info : .debug
            // The line's texts are made only when it is written (at info level, most are not).
            if context.logger.logLevel <= level {
                let tenths = Int((seconds * 10_000).rounded())
                let milliseconds = "\(tenths / 10).\(tenths % 10)"
                context.logger.log(level: level, "\(request.method) \(request.uri.path) \(status) \(milliseconds)ms", metadata: [
                    "method": .string(request.method.rawValue), "path": .string(request.uri.path), "status": .stringConvertible(status),
                    "ms": .string(milliseconds), "peer": .string(context.peer),
                ])
            }
            metrics.record(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: status, seconds: seconds)
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
        } catch let locked as SQLiteError where locked.isBusy {
            // Another process held the database's write lock for the whole wait: try again soon.
            log(503)
            context.logger.warning("database busy: \(locked)")
            throw APIFailure(.serverBusy, retryAfter: 1)
        } catch {
            log(500)
            context.logger.error("internal error: \(error)")
            throw APIFailure(.internalError)
        }
    }
}
