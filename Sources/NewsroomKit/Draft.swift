import Foundation

/// `POST /api/v1/submissions`: what a contributor sends. Their own share of the
/// royalty is what the co-authors' shares (percent) leave.
public struct SubmissionDraft: Codable, Sendable, Hashable {
    public var site: String
    public var title: String
    public var sapo: String
    public var body: String
    public var category: Category
    /// `vi` or `en`; the site's language when absent.
    public var language: String?
    public var coAuthors: [CoAuthorShare]?
    public var attachments: [AttachmentUpload]?

    public init(site: String, title: String, sapo: String, body: String, category: Category, language: String? = nil,
                coAuthors: [CoAuthorShare]? = nil, attachments: [AttachmentUpload]? = nil) {
        self.site = site
        self.title = title
        self.sapo = sapo
        self.body = body
        self.category = category
        self.language = language
        self.coAuthors = coAuthors
        self.attachments = attachments
    }

    /// Most photos one submission carries, the largest one and all of them together (bytes).
    public static let attachmentLimit = 20
    public static let attachmentSizeLimit = 8 << 20
    public static let attachmentsTotalLimit = 20 << 20
    /// Largest request body a creation accepts: the photos travel in it, base64-encoded
    /// (4 bytes for 3), with the text beside them.
    public static let bodySizeLimit = 28 << 20
    /// Most submissions one user files in an hour.
    public static let creationsPerHour = 30
}

/// A co-author and their share of the royalty, in percent.
public struct CoAuthorShare: Codable, Sendable, Hashable {
    public var contributorId: Int64
    public var share: Int

    public init(contributorId: Int64, share: Int) {
        self.contributorId = contributorId
        self.share = share
    }

    /// The most co-authors one submission names.
    public static let limit = 10

    /// Shares a submission may have: at most `limit` co-authors, each named once, each
    /// with 1 to 99 percent, together under 100 so the contributor keeps some.
    public static func areValid(_ shares: [CoAuthorShare]) -> Bool {
        shares.count <= limit && Set(shares.map(\.contributorId)).count == shares.count
            && shares.allSatisfy { (1...99).contains($0.share) } && authorShare(leftBy: shares) > 0
    }

    /// What the contributor keeps: the percent the co-authors leave.
    public static func authorShare(leftBy shares: [CoAuthorShare]) -> Int {
        100 - shares.reduce(0) { $0 + $1.share }
    }

    /// A percentage as people type it ("30", " 30 %"); nil for anything else.
    public static func percent(_ text: String) -> Int? {
        Int(text.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces))
    }
}

/// A photo sent with a draft: its bytes (base64 on the wire), caption and credit, and the
/// contributor the credit names, who is paid for the photo once an editor grades it.
public struct AttachmentUpload: Codable, Sendable, Hashable {
    public var filename: String
    public var data: Data
    public var caption: String
    public var credit: String
    public var creditContributorId: Int64?

    public init(filename: String, data: Data, caption: String, credit: String, creditContributorId: Int64? = nil) {
        self.filename = filename
        self.data = data
        self.caption = caption
        self.credit = credit
        self.creditContributorId = creditContributorId
    }
}

/// A stored photo, as a submission lists it; its bytes are at `APIPath.attachment`.
public struct Attachment: Codable, Sendable, Hashable {
    public var number: Int
    public var filename: String
    /// Read from the bytes, not from what the sender said: image/jpeg, image/png, image/webp or image/gif.
    public var contentType: String
    public var size: Int
    public var sha256: String
    public var caption: String
    /// Free text for display ("Ảnh: Nguyễn Văn Hải"), which may name someone with no record.
    public var credit: String
    /// The contributor paid for the photo; nil when no one is (absent in older answers).
    public var creditContributor: ContributorRef?
    /// The photo's own grading, set at approval; a credited, graded photo earns its photographer a line.
    public var grading: Grading?

    public init(number: Int, filename: String, contentType: String, size: Int, sha256: String, caption: String, credit: String,
                creditContributor: ContributorRef? = nil, grading: Grading? = nil) {
        self.number = number
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.caption = caption
        self.credit = credit
        self.creditContributor = creditContributor
        self.grading = grading
    }

    /// The image type `bytes` start with; nil when they are no image the portal takes.
    public static func imageType(of bytes: Data) -> String? {
        let b = [UInt8](bytes.prefix(12))
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if b.count >= 12, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        if b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        return nil
    }
}

/// A co-author of a submission, with their share in percent.
public struct CoAuthor: Codable, Sendable, Hashable {
    public var contributor: ContributorRef
    public var share: Int
    /// Whether an editor has confirmed the share (at approval); a contributor's naming alone
    /// credits no one. Absent in older answers, which were all settled by editors.
    public var confirmed: Bool

    public init(contributor: ContributorRef, share: Int, confirmed: Bool = true) {
        self.contributor = contributor
        self.share = share
        self.confirmed = confirmed
    }

    private enum CodingKeys: String, CodingKey { case contributor, share, confirmed }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contributor = try c.decode(ContributorRef.self, forKey: .contributor)
        share = try c.decode(Int.self, forKey: .share)
        confirmed = try c.decodeIfPresent(Bool.self, forKey: .confirmed) ?? true
    }
}
