import Foundation

/// Where a post on a social channel stands in the portal's outbox:
/// `queued → sending → posted | retry_wait | failed | uncertain | cancelled`.
public enum SocialPostStatus: String, Codable, Sendable, CaseIterable {
    /// Waiting for its item's publication (and the channel's delay).
    case queued
    /// A dispatcher has claimed it and is sending it now.
    case sending
    case posted
    /// A transient failure: it goes again at `due_at`.
    case retryWait = "retry_wait"
    /// Refused for good; `last_error` says why.
    case failed
    /// It may have gone out: never resent by itself; a person checks the page and resolves it.
    case uncertain
    case cancelled

    /// Not sent yet: its text may still change and it may still be cancelled.
    public var isUnsent: Bool { self == .queued || self == .retryWait }

    /// Parses a comma-separated list such as `failed,uncertain`; nil when any element is not a status.
    public static func parseList(_ text: String) -> [SocialPostStatus]? {
        var result: [SocialPostStatus] = []
        for part in text.split(separator: ",") {
            guard let status = SocialPostStatus(rawValue: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            if !result.contains(status) { result.append(status) }
        }
        return result.isEmpty ? nil : result
    }
}

/// What a channel reports about a post once it is out.
public struct SocialEngagement: Codable, Sendable, Hashable {
    public var views: Int?
    public var reactions: Int?
    public var shares: Int?
    public var fetchedAt: Date

    public init(views: Int? = nil, reactions: Int? = nil, shares: Int? = nil, fetchedAt: Date) {
        self.views = views
        self.reactions = reactions
        self.shares = shares
        self.fetchedAt = fetchedAt
    }
}

/// One post of an approved item on one social channel ("zalo", "facebook").
public struct SocialPost: Codable, Sendable, Hashable {
    public var id: Int64
    public var submissionId: Int64
    public var site: String
    public var channel: String
    public var status: SocialPostStatus
    /// The item's title, as the channel shows it.
    public var title: String
    /// The text posted with the link; editable until sent.
    public var message: String
    /// When it goes out (next): nil until its item is published.
    public var dueAt: Date?
    public var attempts: Int
    /// Which server process claimed it last.
    public var claimedBy: String?
    /// The channel's id for the post and its address, once posted.
    public var remoteId: String?
    public var remoteLink: String?
    /// Why the last attempt did not post: a stable kind (expired_token, rate_limited, …) and the words.
    public var errorKind: String?
    public var lastError: String?
    public var postedAt: Date?
    public var engagement: SocialEngagement?
    public var updatedAt: Date

    public init(id: Int64, submissionId: Int64, site: String, channel: String, status: SocialPostStatus, title: String, message: String,
                dueAt: Date? = nil, attempts: Int = 0, claimedBy: String? = nil, remoteId: String? = nil, remoteLink: String? = nil,
                errorKind: String? = nil, lastError: String? = nil, postedAt: Date? = nil, engagement: SocialEngagement? = nil, updatedAt: Date) {
        self.id = id
        self.submissionId = submissionId
        self.site = site
        self.channel = channel
        self.status = status
        self.title = title
        self.message = message
        self.dueAt = dueAt
        self.attempts = attempts
        self.claimedBy = claimedBy
        self.remoteId = remoteId
        self.remoteLink = remoteLink
        self.errorKind = errorKind
        self.lastError = lastError
        self.postedAt = postedAt
        self.engagement = engagement
        self.updatedAt = updatedAt
    }
}

/// `PATCH /api/v1/social/posts/{id}`: the text of a post not sent yet.
public struct SocialPostEdit: Codable, Sendable, Hashable {
    public var message: String

    public init(message: String) { self.message = message }
}

/// `POST /api/v1/social/posts/{id}/resolve`: what a person found on the page for an uncertain post.
public struct SocialPostResolution: Codable, Sendable, Hashable {
    public enum Action: String, Codable, Sendable, CaseIterable {
        /// It is on the page: record it posted, with its address.
        case posted
        /// It is not: send it again.
        case resend
    }

    public var action: Action
    /// The post's address on the channel (required with `posted`).
    public var link: String?

    public init(action: Action, link: String? = nil) {
        self.action = action
        self.link = link
    }
}

/// A channel's settings as the API shows them: secrets masked, never whole.
public struct SocialChannelSettings: Codable, Sendable, Hashable {
    public var channel: String
    public var configured: Bool
    public var baseUrl: String?
    public var accountId: String?
    /// The last four characters of each secret, after "…"; nil when none is stored.
    public var accessToken: String?
    public var refreshToken: String?
    public var appId: String?
    public var appSecret: String?
    public var accessTokenExpiresAt: Date?
    /// Zalo: where tokens are renewed, when not at `base_url`.
    public var authBaseUrl: String?
    /// Seconds between an item's publication and its post on this channel.
    public var delaySeconds: Int
    public var updatedBy: String?
    public var updatedAt: Date?

    public init(channel: String, configured: Bool, baseUrl: String? = nil, accountId: String? = nil, accessToken: String? = nil,
                refreshToken: String? = nil, appId: String? = nil, appSecret: String? = nil, accessTokenExpiresAt: Date? = nil,
                authBaseUrl: String? = nil, delaySeconds: Int = 0, updatedBy: String? = nil, updatedAt: Date? = nil) {
        self.channel = channel
        self.configured = configured
        self.baseUrl = baseUrl
        self.accountId = accountId
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.appId = appId
        self.appSecret = appSecret
        self.accessTokenExpiresAt = accessTokenExpiresAt
        self.authBaseUrl = authBaseUrl
        self.delaySeconds = delaySeconds
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }

    /// How a secret is shown: "…" and its last four characters (all hidden when it is short).
    public static func mask(_ secret: String?) -> String? {
        guard let secret, !secret.isEmpty else { return nil }
        return secret.count < 12 ? "…" : "…" + secret.suffix(4)
    }
}

/// `PUT /api/v1/social/channels/{channel}`: an admin sets a channel's credentials and delay.
/// A secret left out keeps the one stored.
public struct SocialChannelUpdate: Codable, Sendable, Hashable {
    public var baseUrl: String
    public var accountId: String
    public var accessToken: String?
    public var refreshToken: String?
    public var appId: String?
    public var appSecret: String?
    public var accessTokenExpiresAt: Date?
    /// Zalo: where tokens are renewed (https://oauth.zaloapp.com), when not at `base_url`.
    public var authBaseUrl: String?
    public var delaySeconds: Int?

    /// The longest delay after publication a channel may have: a week.
    public static let delayLimit = 7 * 86_400

    public init(baseUrl: String, accountId: String, accessToken: String? = nil, refreshToken: String? = nil, appId: String? = nil,
                appSecret: String? = nil, accessTokenExpiresAt: Date? = nil, authBaseUrl: String? = nil, delaySeconds: Int? = nil) {
        self.baseUrl = baseUrl
        self.accountId = accountId
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.appId = appId
        self.appSecret = appSecret
        self.accessTokenExpiresAt = accessTokenExpiresAt
        self.authBaseUrl = authBaseUrl
        self.delaySeconds = delaySeconds
    }
}
