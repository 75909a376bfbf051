import NewsroomKit

/// How a post's status reads on the desk, and back. WordPress has no claim and no approval
/// of its own: a claimed post stays pending (the desk's "in review" is not kept), and there
/// is nothing between pending and scheduled.
///
/// | WordPress | desk |
/// |---|---|
/// | pending | submitted (waiting) |
/// | draft | returned (back with its author) |
/// | future | scheduled |
/// | publish, private | published |
/// | trash | rejected |
enum WordPressStatus {
    static func desk(_ status: String) -> SubmissionStatus {
        switch status {
        case "draft", "auto-draft": return .returned
        case "future": return .scheduled
        case "publish", "private": return .published
        case "trash": return .rejected
        default: return .submitted
        }
    }

    /// The WordPress statuses a desk tab lists; empty when none of them exists there.
    static func wordPress(_ statuses: [SubmissionStatus]) -> [String] {
        var out: [String] = []
        for status in statuses.isEmpty ? SubmissionStatus.allCases : statuses {
            let names: [String]
            switch status {
            case .submitted, .resubmitted: names = ["pending"]
            case .returned: names = ["draft"]
            case .scheduled: names = ["future"]
            case .published: names = ["publish"]
            case .rejected: names = ["trash"]
            case .inReview, .approved, .withdrawn, .unpublished: names = []
            }
            for name in names where !out.contains(name) { out.append(name) }
        }
        return out
    }
}
