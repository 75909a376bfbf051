import Foundation
import SocialChannels

/// The connectors' credentials as the portal's store keeps them: read as stored, renewed
/// under a lock on the channel's row that every server process respects.
public struct StoreCredentialVault: CredentialVault {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func credentials(for channel: SocialChannel) async throws -> ChannelCredentials? {
        try await store.socialCredentials(for: channel.rawValue)
    }

    public func renew(_ channel: SocialChannel,
                      using renew: @Sendable (ChannelCredentials) async throws -> ChannelCredentials) async throws -> ChannelCredentials {
        try await store.renewSocialCredentials(channel.rawValue, using: renew)
    }
}
