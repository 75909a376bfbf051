import Foundation

/// One line of the royalty ledger: what one person is owed for one published item (or a
/// correction of an earlier line), with everything the amount was reckoned from, so an
/// audit can redo it. Created when the item is published; never changed once its month is
/// closed (a later correction is an adjustment line in a later batch).
public struct RoyaltyEntitlement: Codable, Sendable, Hashable {
    public var id: Int64
    public var submissionId: Int64
    public var title: String
    public var siteCode: String
    public var siteName: String
    public var contributorId: Int64
    /// The genre's code and name in the rate table used.
    public var genre: String
    public var genreName: String
    /// Nil for a fixed-amount genre.
    public var coefficient: Double?
    /// This person's share of the item, in percent.
    public var sharePercent: Int
    /// What the whole item earned, and this line's part of it (đồng; negative for an adjustment that takes back).
    public var itemAmount: Int64
    public var amount: Int64
    /// The base salary and unit value the amount was reckoned from, and the rules it followed.
    public var baseSalary: Int64
    public var unitValue: Int64
    /// The rate table's name and legal basis, and the base salary's decree.
    public var basis: String
    public var publishedAt: Date
    /// The month (`YYYY-MM`, Vietnam's calendar) whose payment list carries it.
    public var month: String
    /// The closed batch that paid it; nil while its month is open.
    public var batchId: Int64?
    /// An adjustment of a line in a closed month (the item unpublished, or its grading corrected).
    public var adjusts: Int64?
    /// When its batch was paid; nil while unpaid.
    public var paidAt: Date?
    /// For a photo's line, the photo's number in its item and its caption; nil for the item's own lines.
    public var photo: Int?
    public var photoCaption: String?

    public init(id: Int64, submissionId: Int64, title: String, siteCode: String, siteName: String, contributorId: Int64,
                genre: String, genreName: String, coefficient: Double?, sharePercent: Int, itemAmount: Int64, amount: Int64,
                baseSalary: Int64, unitValue: Int64, basis: String, publishedAt: Date, month: String, batchId: Int64? = nil,
                adjusts: Int64? = nil, paidAt: Date? = nil, photo: Int? = nil, photoCaption: String? = nil) {
        self.paidAt = paidAt
        self.photo = photo
        self.photoCaption = photoCaption
        self.id = id
        self.submissionId = submissionId
        self.title = title
        self.siteCode = siteCode
        self.siteName = siteName
        self.contributorId = contributorId
        self.genre = genre
        self.genreName = genreName
        self.coefficient = coefficient
        self.sharePercent = sharePercent
        self.itemAmount = itemAmount
        self.amount = amount
        self.baseSalary = baseSalary
        self.unitValue = unitValue
        self.basis = basis
        self.publishedAt = publishedAt
        self.month = month
        self.batchId = batchId
        self.adjusts = adjusts
    }
}

extension RoyaltyEntitlement {
    /// What the line pays for, as statements list it: the item's title, or for a photo
    /// "Ảnh: caption" under the item's title, so a photographer's statement names the article.
    public var itemTitle: String {
        guard let photo else { return title }
        let caption = (photoCaption ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return "\(title) — Ảnh: \(caption.isEmpty ? "#\(photo)" : caption)"
    }

    /// How late an unpaid line is: the law gives 60 days from publication (Nghị định
    /// 18/2014/NĐ-CP Điều 4.10); a line is flagged at 45 so it is paid in time.
    public enum Lateness: String, Codable, Sendable {
        /// 45 days or more unpaid.
        case due
        /// 60 days or more unpaid: past the law's limit.
        case overdue
    }

    public static let dueAfterDays = 45
    public static let overdueAfterDays = 60

    /// Nil when paid, when it takes back an earlier line (nothing is owed to anyone by it),
    /// or when fewer than 45 days have passed since publication by `now`.
    public func lateness(at now: Date) -> Lateness? {
        guard paidAt == nil, adjusts == nil else { return nil }
        return Lateness.of(unpaidSince: publishedAt, at: now)
    }
}

extension RoyaltyEntitlement.Lateness {
    /// How late something owed since `published` (a publication's moment) is at `now`:
    /// whole days passed, 45 or more `due`, 60 or more `overdue`; nil before that.
    public static func of(unpaidSince published: Date, at now: Date) -> RoyaltyEntitlement.Lateness? {
        let days = Int(now.timeIntervalSince(published) / 86_400)
        if days >= RoyaltyEntitlement.overdueAfterDays { return .overdue }
        if days >= RoyaltyEntitlement.dueAfterDays { return .due }
        return nil
    }
}
