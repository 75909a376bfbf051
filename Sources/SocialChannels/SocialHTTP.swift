import CurlHTTP
import Foundation

/// The connectors' way to libcurl. A transfer blocks its thread for as long as the network
/// takes, so each one runs on a thread of its own, off Swift's cooperative pool, with a
/// transport of its own (a `CurlTransport` serialises its callers on a lock).
struct SocialHTTP: Sendable {
    /// Answers longer than this are not read: nothing a network says to bientap is that long.
    static let maximumAnswerBytes = 1 << 20

    var timeouts: ConnectorTimeouts

    func perform(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
        var capped = request
        if capped.maximumResponseBytes == nil { capped.maximumResponseBytes = Self.maximumAnswerBytes }
        let request = capped
        let timeouts = self.timeouts
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                let transport = CurlTransport(connectTimeoutSeconds: timeouts.connectSeconds,
                                              totalTimeoutSeconds: timeouts.totalSeconds)
                do {
                    continuation.resume(returning: .success(try transport.perform(request)))
                } catch let failure as TransportError {
                    continuation.resume(returning: .failure(failure))
                } catch {
                    // perform throws only TransportError; anything else is treated as the worst case.
                    continuation.resume(returning: .failure(TransportError(curlCode: -1, message: "\(error)", url: request.url,
                                                                           requestSent: true)))
                }
            }
            thread.name = "bientap-social-http"
            thread.start()
        }
    }
}
