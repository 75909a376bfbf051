import Foundation
import SocialChannels

/// A credential vault in memory with the contract of the portal's: renewals of a channel
/// exclude one another and store their result before returning it.
final class MemoryVault: CredentialVault, @unchecked Sendable {
    // `lock` guards `stored`, `renewing`, `waiting` and `renewalCount`.
    private let lock = NSLock()
    private var stored: [SocialChannel: ChannelCredentials]
    private var renewing: Set<SocialChannel> = []
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var renewalCount = 0

    struct NothingStored: Error {}

    init(_ credentials: [SocialChannel: ChannelCredentials] = [:]) {
        stored = credentials
    }

    var renewals: Int { lock.withLock { renewalCount } }

    func stored(_ channel: SocialChannel) -> ChannelCredentials? {
        lock.withLock { stored[channel] }
    }

    func credentials(for channel: SocialChannel) async throws -> ChannelCredentials? {
        lock.withLock { stored[channel] }
    }

    func renew(_ channel: SocialChannel,
               using renew: @Sendable (ChannelCredentials) async throws -> ChannelCredentials) async throws -> ChannelCredentials {
        await acquire(channel)
        defer { release(channel) }
        guard let current = lock.withLock({ stored[channel] }) else { throw NothingStored() }
        let renewed = try await renew(current)
        lock.withLock {
            stored[channel] = renewed
            renewalCount += 1
        }
        return renewed
    }

    private func acquire(_ channel: SocialChannel) async {
        while true {
            let acquired: Bool = lock.withLock { renewing.insert(channel).inserted }
            if acquired { return }
            await withCheckedContinuation { continuation in
                let free: Bool = lock.withLock {
                    if renewing.contains(channel) {
                        waiting.append(continuation)
                        return false
                    }
                    return true
                }
                if free { continuation.resume() }
            }
        }
    }

    private func release(_ channel: SocialChannel) {
        let woken: [CheckedContinuation<Void, Never>] = lock.withLock {
            renewing.remove(channel)
            defer { waiting = [] }
            return waiting
        }
        for continuation in woken { continuation.resume() }
    }
}
