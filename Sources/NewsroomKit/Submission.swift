import Foundation

/// The kind of item a contributor sends.
public enum Category: String, Codable, Sendable, CaseIterable {
    case news          // tin
    case article       // bài
    case photoStory = "photo_story"  // phóng sự ảnh
    case document      // văn bản
}

/// A submission as a list row: everything but the text itself.
public struct SubmissionSummary: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    public var site: SiteRef
    public var contributor: ContributorRef
    public var title: String
    public var category: Category
    /// `vi` or `en`.
    public var language: String
    public var status: SubmissionStatus
    public var receivedAt: Date
    public var words: Int
    /// Number of the current revision (1 for the contributor's original).
    public var revision: Int
    /// Who is editing it now, when someone is.
    public var lease: Lease?
    /// When a scheduled item is to be published.
    public var publishAt: Date?
    /// When it was published.
    public var publishedAt: Date?
    /// What the portal's spell checker finds in the current revision (title, sapo and
    /// body); nil for a text not in Vietnamese.
    public var spellFindings: Int?

    public init(id: Int64, site: SiteRef, contributor: ContributorRef, title: String, category: Category,
                language: String, status: SubmissionStatus, receivedAt: Date, words: Int, revision: Int, lease: Lease? = nil,
                publishAt: Date? = nil, publishedAt: Date? = nil, spellFindings: Int? = nil) {
        self.spellFindings = spellFindings
        self.publishAt = publishAt
        self.publishedAt = publishedAt
        self.id = id
        self.site = site
        self.contributor = contributor
        self.title = title
        self.category = category
        self.language = language
        self.status = status
        self.receivedAt = receivedAt
        self.words = words
        self.revision = revision
        self.lease = lease
    }
}

/// A whole submission: the summary plus sapo (lead), body (Markdown subset),
/// the contributor's share, co-authors and photos.
public struct Submission: Codable, Sendable, Hashable, Identifiable {
    public var summary: SubmissionSummary
    public var sapo: String
    public var body: String
    /// The contributor's share of the royalty in percent; the co-authors have the rest.
    public var authorShare: Int
    public var coAuthors: [CoAuthor]
    public var attachments: [Attachment]
    /// What the approval decided: the royalty grading, the social channels to post on
    /// and the text posted there.
    public var grading: Grading?
    public var channels: [String]
    public var socialMessage: String?

    public var id: Int64 { summary.id }

    /// What the social channels get unless the editor writes otherwise: the sapo, or the
    /// title of an item without one.
    public var defaultSocialMessage: String {
        let sapo = sapo.trimmingCharacters(in: .whitespacesAndNewlines)
        return sapo.isEmpty ? summary.title : sapo
    }

    /// The co-authors' shares as a decision or a draft names them.
    public var coAuthorShares: [CoAuthorShare] {
        coAuthors.map { CoAuthorShare(contributorId: $0.contributor.id, share: $0.share) }
    }

    public init(summary: SubmissionSummary, sapo: String, body: String, authorShare: Int = 100, coAuthors: [CoAuthor] = [],
                attachments: [Attachment] = [], grading: Grading? = nil, channels: [String] = [], socialMessage: String? = nil) {
        self.summary = summary
        self.sapo = sapo
        self.body = body
        self.authorShare = authorShare
        self.coAuthors = coAuthors
        self.attachments = attachments
        self.grading = grading
        self.channels = channels
        self.socialMessage = socialMessage
    }

    // On the wire a submission is one flat object: the summary's keys plus the rest.
    private enum ExtraKeys: String, CodingKey { case sapo, body, authorShare, coAuthors, attachments, grading, channels, socialMessage }

    public init(from decoder: Decoder) throws {
        summary = try SubmissionSummary(from: decoder)
        let c = try decoder.container(keyedBy: ExtraKeys.self)
        sapo = try c.decode(String.self, forKey: .sapo)
        body = try c.decode(String.self, forKey: .body)
        authorShare = try c.decodeIfPresent(Int.self, forKey: .authorShare) ?? 100
        coAuthors = try c.decodeIfPresent([CoAuthor].self, forKey: .coAuthors) ?? []
        attachments = try c.decodeIfPresent([Attachment].self, forKey: .attachments) ?? []
        grading = try c.decodeIfPresent(Grading.self, forKey: .grading)
        channels = try c.decodeIfPresent([String].self, forKey: .channels) ?? []
        socialMessage = try c.decodeIfPresent(String.self, forKey: .socialMessage)
    }

    public func encode(to encoder: Encoder) throws {
        try summary.encode(to: encoder)
        var c = encoder.container(keyedBy: ExtraKeys.self)
        try c.encode(sapo, forKey: .sapo)
        try c.encode(body, forKey: .body)
        try c.encode(authorShare, forKey: .authorShare)
        try c.encode(coAuthors, forKey: .coAuthors)
        try c.encode(attachments, forKey: .attachments)
        try c.encodeIfPresent(grading, forKey: .grading)
        try c.encode(channels, forKey: .channels)
        try c.encodeIfPresent(socialMessage, forKey: .socialMessage)
    }
}
