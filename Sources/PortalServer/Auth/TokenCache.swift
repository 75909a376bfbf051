import Foundation
import NewsroomKit

/// Who recent tokens belong to, for a moment: most requests then need no database
/// round trip to authenticate. A revocation made through this server (sign-out)
/// takes effect at once; one made elsewhere (another server, the command line, a new
/// password) within `lifetime` by `clock`.
public final class TokenCache: @unchecked Sendable {
    public static let defaultLifetime: TimeInterval = 2
    let lifetime: TimeInterval
    let clock: any WallClock
    private static let capacity = 10_000
    // `lock` guards `entries`, the only mutable field.
    private let lock = NSLock()
    private var entries: [String: (principal: Principal, until: Date)] = [:]

    init(lifetime: TimeInterval = TokenCache.defaultLifetime, clock: any WallClock) {
        self.lifetime = lifetime
        self.clock = clock
    }

    func principal(forHash hash: String) -> Principal? {
        let now = clock.now()
        return lock.withLock {
            guard let entry = entries[hash], entry.until > now else { return nil }
            return entry.principal
        }
    }

    func remember(_ principal: Principal, forHash hash: String) {
        guard lifetime > 0 else { return }
        let until = clock.now().addingTimeInterval(lifetime)
        lock.withLock {
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[hash] = (principal, until)
        }
    }

    func forget(hash: String) {
        _ = lock.withLock { entries.removeValue(forKey: hash) }
    }
}
