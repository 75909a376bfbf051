import Foundation
import Hummingbird
import NewsroomKit

/// Bounds what uploads (new submissions, photos in base64) cost the server at once:
/// the bytes held across all users, and one creation in flight per user. Eight 45 MB
/// bodies at once took a server from 46 MB to 630 MB resident before there was one.
final class UploadGate: @unchecked Sendable {
    /// Bytes of request bodies held at once, reserved by `Content-Length` (or the route's
    /// limit when the length is not told) before any is read.
    let capacity: Int
    // `lock` guards `held` and `users`.
    private let lock = NSLock()
    private var held = 0
    private var users: Set<Int64> = []

    static let defaultCapacity = 64 << 20

    init(capacity: Int = UploadGate.defaultCapacity) {
        self.capacity = capacity
    }

    /// Runs `body` with room for `request`'s body reserved for `user`: 429 when the user has
    /// an upload in flight, 503 when the server holds as much as it will.
    func admit<T>(_ request: Request, user: Int64, limit: Int, _ body: () async throws -> T) async throws -> T {
        let told = request.headers[.contentLength].flatMap { Int($0) }
        let bytes = min(max(told ?? limit, 0), limit)
        let refusal: APIFailure? = lock.withLock {
            if users.contains(user) { return APIFailure(.tooManyRequests, detail: "one upload at a time", retryAfter: 1) }
            if held + bytes > capacity && held > 0 { return APIFailure(.serverBusy, retryAfter: 2) }
            users.insert(user)
            held += bytes
            return nil
        }
        if let refusal { throw refusal }
        defer {
            lock.withLock {
                users.remove(user)
                held -= bytes
            }
        }
        return try await body()
    }
}
