import Foundation

// The seam between the portal's outbox (which decides what is due and records outcomes)
// and the connectors (which speak one social network's API). Connectors never touch the
// database; the outbox never parses a network's answer.

/// A social network bientap posts to.
public enum SocialChannel: String, Sendable, Hashable, CaseIterable, Codable {
    case zalo
    case facebook
}

/// One queued post, as a connector needs it.
public struct OutgoingPost: Sendable, Hashable {
    /// The outbox row; connectors may use it to make a send idempotent where the API allows.
    public var id: Int64
    public var channel: SocialChannel
    /// The item's title (Zalo's article title, at most 150 characters).
    public var title: String
    /// The text to post (Facebook's message; Zalo's description, at most 300 characters).
    public var message: String
    /// The item's public address.
    public var link: String
    /// The cover image's address; Zalo requires one.
    public var coverURL: String?

    public init(id: Int64, channel: SocialChannel, title: String, message: String, link: String, coverURL: String? = nil) {
        self.id = id
        self.channel = channel
        self.title = title
        self.message = message
        self.link = link
        self.coverURL = coverURL
    }
}

/// Why an attempt did not post, in kinds the outbox and a person can act on.
public struct SendFailure: Error, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The token expired or was revoked (Facebook 190, Zalo -216): an admin must renew it.
        case expiredToken
        /// The page or OA does not allow this (Facebook 200–299, Zalo -224).
        case permission
        /// The network blocked the post (Facebook 368).
        case blocked
        /// The network says this post is a duplicate (Facebook 506).
        case duplicate
        /// Too many requests (HTTP 429, Facebook 4, 17, 32, 613, 80001, Zalo's rate limits).
        case rateLimited
        /// The network failed (HTTP 5xx, Facebook 1, 2).
        case serverError
        /// No connection could be made, or it broke before the request was sent.
        case unreachable
        /// The request went out and no answer came back in time.
        case timedOut
        /// The connection dropped after the request was sent.
        case connectionDropped
        /// The post itself is refused (too long, no cover image, bad link).
        case invalidPost
        /// No credentials are stored for the channel.
        case notConfigured
        /// An answer bientap cannot read.
        case unreadableAnswer
        case other
    }

    public var kind: Kind
    /// The network's own error code and subcode, when it gave one.
    public var code: Int?
    public var subcode: Int?
    /// The network's message or trace id, for an admin; untrusted text.
    public var detail: String

    public init(kind: Kind, code: Int? = nil, subcode: Int? = nil, detail: String = "") {
        self.kind = kind
        self.code = code
        self.subcode = subcode
        self.detail = detail
    }
}

/// How one attempt to send ended.
public enum SendOutcome: Sendable, Hashable {
    /// Posted: the network's id for it and, when it gives one, its address.
    case posted(remoteID: String, link: String?)
    /// Nothing was posted; sending again later is safe. `retryAfter` is what the network
    /// asked for (Retry-After, X-Business-Use-Case-Usage), nil when it did not say.
    case transient(SendFailure, retryAfter: Duration?)
    /// Nothing was posted and sending again will not help.
    case permanent(SendFailure)
    /// The request may have been acted on: never resent by itself; a person decides.
    case uncertain(SendFailure)
}

/// What a channel reports about a post once it is out.
public struct Engagement: Sendable, Hashable, Codable {
    public var views: Int?
    public var reactions: Int?
    public var shares: Int?

    public init(views: Int? = nil, reactions: Int? = nil, shares: Int? = nil) {
        self.views = views
        self.reactions = reactions
        self.shares = shares
    }
}

/// A channel's credentials as stored on the portal. Never sent whole to a client.
public struct ChannelCredentials: Sendable, Hashable, Codable {
    /// Where the network's API answers (the real one, or a fake on loopback).
    public var baseURL: String
    /// Facebook's page id; Zalo's OA id.
    public var accountID: String
    public var accessToken: String
    /// Zalo: the refresh token (valid once), the app's id and secret, and when the access token expires.
    public var refreshToken: String?
    public var appID: String?
    public var appSecret: String?
    public var accessTokenExpiresAt: Date?
    /// Zalo: where tokens are renewed (https://oauth.zaloapp.com for the real service); nil: `baseURL`
    /// (a fake serves both).
    public var authBaseURL: String?

    public init(baseURL: String, accountID: String, accessToken: String, refreshToken: String? = nil,
                appID: String? = nil, appSecret: String? = nil, accessTokenExpiresAt: Date? = nil,
                authBaseURL: String? = nil) {
        self.baseURL = baseURL
        self.accountID = accountID
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.appID = appID
        self.appSecret = appSecret
        self.accessTokenExpiresAt = accessTokenExpiresAt
        self.authBaseURL = authBaseURL
    }
}

/// Where connectors read credentials and store renewed ones (the portal's Store).
public protocol CredentialVault: Sendable {
    func credentials(for channel: SocialChannel) async throws -> ChannelCredentials?
    /// Runs `renew` on the stored credentials while holding a lock that excludes every other
    /// renewal of `channel` in every process, stores its result before releasing the lock,
    /// and returns it. A refresh token that works once must be renewed only this way.
    func renew(_ channel: SocialChannel,
               using renew: @Sendable (ChannelCredentials) async throws -> ChannelCredentials) async throws -> ChannelCredentials
}

/// Speaks one social network's API.
public protocol SocialConnector: Sendable {
    var channel: SocialChannel { get }
    /// Makes one attempt to post; never retries by itself.
    func send(_ post: OutgoingPost) async -> SendOutcome
    /// The post's engagement, or nil when the channel does not report it.
    func engagement(remoteID: String) async throws -> Engagement?
}
