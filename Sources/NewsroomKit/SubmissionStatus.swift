import Foundation

/// Where a submission stands in the editorial workflow.
public enum SubmissionStatus: String, Codable, Sendable, CaseIterable {
    case submitted
    case inReview = "in_review"
    case returned
    case resubmitted
    case approved
    case scheduled
    case published
    case rejected
    case withdrawn
    /// Published, then taken down (`unpublish`): its address answers 410 Gone.
    case unpublished

    /// Statuses that wait for an editor: the "Chờ duyệt" queue.
    public static let pending: [SubmissionStatus] = [.submitted, .resubmitted]

    /// Parses a comma-separated list such as `submitted,resubmitted`;
    /// nil when any element is not a status.
    public static func parseList(_ text: String) -> [SubmissionStatus]? {
        var result: [SubmissionStatus] = []
        for part in text.split(separator: ",") {
            // Most lists name statuses without spaces: Foundation's trimming only when a name is not found as it is.
            guard let status = SubmissionStatus(rawValue: String(part))
                    ?? SubmissionStatus(rawValue: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            if !result.contains(status) { result.append(status) }
        }
        return result.isEmpty ? nil : result
    }
}
