import Foundation

/// What can happen to a submission, each from some statuses to one, by some roles:
/// `submitted → in_review → (returned ↔ resubmitted) → approved → scheduled → published`,
/// plus `rejected` and `withdrawn`, and `published → unpublished` when an item is taken down.
public enum WorkflowAction: String, Codable, Sendable, CaseIterable {
    case claim
    case `return`
    case resubmit
    case approve
    case schedule
    case unschedule
    case publish
    case reject
    case withdraw
    /// Takes a published item down: its page answers 410, its unsent social posts are cancelled.
    case unpublish

    /// The statuses the action starts from.
    public var from: Set<SubmissionStatus> {
        switch self {
        case .claim: return [.submitted, .resubmitted]
        case .return, .approve: return [.inReview]
        case .resubmit: return [.returned]
        case .schedule: return [.approved]
        case .unschedule: return [.scheduled]
        case .publish: return [.approved, .scheduled]
        case .reject: return [.submitted, .inReview, .resubmitted]
        case .withdraw: return [.submitted, .returned, .resubmitted]
        case .unpublish: return [.published]
        }
    }

    /// The status it leads to.
    public var to: SubmissionStatus {
        switch self {
        case .claim: return .inReview
        case .return: return .returned
        case .resubmit: return .resubmitted
        case .approve, .unschedule: return .approved
        case .schedule: return .scheduled
        case .publish: return .published
        case .reject: return .rejected
        case .withdraw: return .withdrawn
        case .unpublish: return .unpublished
        }
    }

    /// Roles that may take it (on the submission's site); an admin may take any.
    /// A contributor resubmits or withdraws only their own item.
    public var roles: Set<Role> {
        switch self {
        case .claim, .return, .approve, .reject: return [.editor, .admin]
        case .schedule, .unschedule, .publish, .unpublish: return [.publisher, .admin]
        case .resubmit, .withdraw: return [.contributor, .admin]
        }
    }

    /// Actions that must say why: a return needs a note, a rejection a reason.
    public var needsNote: Bool { self == .return || self == .reject }
}

/// How an approval grades an item for royalties: a genre of the active rate
/// table and a coefficient within its range, or a fixed amount.
public struct Grading: Codable, Sendable, Hashable {
    public var genre: String
    public var coefficient: Double?
    /// In đồng.
    public var amount: Int64?

    public init(genre: String, coefficient: Double? = nil, amount: Int64? = nil) {
        self.genre = genre
        self.coefficient = coefficient
        self.amount = amount
    }
}

/// An approval's grading of one photo (by its number), and optionally the contributor its
/// credit names (replacing the one the draft named).
public struct PhotoGrading: Codable, Sendable, Hashable {
    public var number: Int
    public var grading: Grading
    public var creditContributorId: Int64?

    public init(number: Int, grading: Grading, creditContributorId: Int64? = nil) {
        self.number = number
        self.grading = grading
        self.creditContributorId = creditContributorId
    }

    /// The genre a photo is graded by unless told otherwise: the decree's Ảnh.
    public static let defaultGenre = "anh"

    /// A grading as the command line writes it, `N=COEF[:GENRE]` ("1=1,5" or "2=0.8:anh"), the
    /// genre `defaultGenre` when not given; nil for anything else.
    public static func option(_ text: String) -> PhotoGrading? {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let number = Int(parts[0]), number >= 1 else { return nil }
        let grade = parts[1].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = grade.first, let coefficient = Double(first.replacingOccurrences(of: ",", with: ".")), coefficient.isFinite else {
            return nil
        }
        let genre = grade.count == 2 ? grade[1] : defaultGenre
        guard !genre.isEmpty else { return nil }
        return PhotoGrading(number: number, grading: Grading(genre: genre, coefficient: coefficient))
    }

    /// Gradings a decision may carry: at most one per photo, each number a photo's (1 and up).
    public static func areValid(_ photos: [PhotoGrading]) -> Bool {
        photos.count <= SubmissionDraft.attachmentLimit && Set(photos.map(\.number)).count == photos.count
            && photos.allSatisfy { (1...SubmissionDraft.attachmentLimit).contains($0.number) }
    }
}

/// `PUT /api/v1/submissions/{id}/grading`: a published item's grading corrected, or with
/// `photo`, the grading of one of its photos.
public struct Regrade: Codable, Sendable, Hashable {
    public var grading: Grading
    public var photo: Int?

    public init(_ grading: Grading, photo: Int? = nil) {
        self.grading = grading
        self.photo = photo
    }

    // On the wire a grading's own keys, and `photo` beside them.
    private enum CodingKeys: String, CodingKey { case photo }

    public init(from decoder: Decoder) throws {
        grading = try Grading(from: decoder)
        photo = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Int.self, forKey: .photo)
    }

    public func encode(to encoder: Encoder) throws {
        try grading.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(photo, forKey: .photo)
    }
}

/// `POST /api/v1/submissions/{id}/transitions`, with `If-Match` naming the
/// revision the decision was made on and, for a retry, an `Idempotency-Key`.
public struct TransitionRequest: Codable, Sendable, Hashable {
    public var action: WorkflowAction
    /// The note of a return, the reason of a rejection; optional elsewhere.
    public var note: String
    /// When a `schedule` publishes.
    public var publishAt: Date?
    /// An approval's grading, and the social channels to queue it on ("zalo", "facebook").
    public var grading: Grading?
    public var channels: [String]
    /// An approval's text for the social channels; without it they get the sapo.
    public var socialMessage: String?
    /// An approval's co-authors and shares, replacing those the item has; nil keeps them.
    public var coAuthors: [CoAuthorShare]?
    /// An approval's gradings of the item's photos; a photo left out is not paid.
    public var photos: [PhotoGrading]?

    /// The longest social message: what a Zalo Official Account text message holds.
    public static let socialMessageLimit = 2_000

    /// A social message as it is kept: trimmed; nil when that leaves nothing or more than
    /// `socialMessageLimit` characters.
    public static func socialMessage(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || trimmed.count > socialMessageLimit ? nil : trimmed
    }

    public init(action: WorkflowAction, note: String = "", publishAt: Date? = nil, grading: Grading? = nil, channels: [String] = [],
                socialMessage: String? = nil, coAuthors: [CoAuthorShare]? = nil, photos: [PhotoGrading]? = nil) {
        self.action = action
        self.note = note
        self.publishAt = publishAt
        self.grading = grading
        self.channels = channels
        self.socialMessage = socialMessage
        self.coAuthors = coAuthors
        self.photos = photos
    }

    private enum CodingKeys: String, CodingKey { case action, note, publishAt, grading, channels, socialMessage, coAuthors, photos }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        action = try c.decode(WorkflowAction.self, forKey: .action)
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
        publishAt = try c.decodeIfPresent(Date.self, forKey: .publishAt)
        grading = try c.decodeIfPresent(Grading.self, forKey: .grading)
        channels = try c.decodeIfPresent([String].self, forKey: .channels) ?? []
        socialMessage = try c.decodeIfPresent(String.self, forKey: .socialMessage)
        coAuthors = try c.decodeIfPresent([CoAuthorShare].self, forKey: .coAuthors)
        photos = try c.decodeIfPresent([PhotoGrading].self, forKey: .photos)
    }
}

/// One entry of a submission's history: who did what, when, from which status to which.
public struct AuditEvent: Codable, Sendable, Hashable {
    public var action: WorkflowAction
    public var actor: String
    public var from: SubmissionStatus
    public var to: SubmissionStatus
    public var note: String
    public var at: Date

    public init(action: WorkflowAction, actor: String, from: SubmissionStatus, to: SubmissionStatus, note: String, at: Date) {
        self.action = action
        self.actor = actor
        self.from = from
        self.to = to
        self.note = note
        self.at = at
    }
}
