import NewsroomKit
import PortalClient

/// What a WordPress site cannot serve the desk: it keeps no royalty grading or ledger, no
/// social queue and no activity report. The error is the API's own shape with
/// `code`, answered as status 501, so every screen and command says it as a refusal in
/// words (the desk's catalogue words it by `code`) instead of breaking.
public enum WordPressUnavailable {
    /// The error code of a feature the portal does not have.
    public static let code = "not_available_on_this_portal"

    public enum Feature: String, Sendable, CaseIterable {
        case royalties
        case socialQueue = "social_queue"
        case activityReport = "activity_report"
    }

    static func error(_ feature: Feature) -> PortalError {
        var body = APIErrorBody(code: .notFound)
        body.error = APIErrorBody.Payload(code: code, message: feature.rawValue, messageEn: feature.rawValue)
        return .api(status: 501, body: body)
    }

    /// The feature a refusal names, when it is this one.
    public static func feature(of error: Error) -> Feature? {
        guard case .api(_, let body)? = error as? PortalError, body.error.code == code else { return nil }
        return Feature(rawValue: body.error.message)
    }
}

extension WordPressClient {
    // MARK: Royalties, reports and the social queue: not kept by WordPress

    public func activeRateTable(site: String) throws -> RateTable { throw WordPressUnavailable.error(.royalties) }
    public func royaltyEntitlements(site: String, month: String) throws -> [RoyaltyEntitlement] { throw WordPressUnavailable.error(.royalties) }
    public func paymentList(site: String, month: String, paidOn: String?) throws -> PaymentList { throw WordPressUnavailable.error(.royalties) }
    public func paymentListFile(site: String, month: String, paidOn: String?, format: SpreadsheetFormat) throws -> DownloadedFile {
        throw WordPressUnavailable.error(.royalties)
    }
    public func royaltyStatement(site: String, month: String, contributor: Int64, paidOn: String?) throws -> RoyaltyStatement {
        throw WordPressUnavailable.error(.royalties)
    }
    public func royaltyStatementFile(site: String, month: String, contributor: Int64, paidOn: String?,
                                     format: SpreadsheetFormat) throws -> DownloadedFile {
        throw WordPressUnavailable.error(.royalties)
    }
    public func royaltyBatches(site: String) throws -> [RoyaltyBatch] { throw WordPressUnavailable.error(.royalties) }
    public func closeRoyaltyMonth(site: String, month: String) throws -> RoyaltyBatch { throw WordPressUnavailable.error(.royalties) }
    public func recordRoyaltyPayment(site: String, month: String, reference: String) throws -> RoyaltyBatch {
        throw WordPressUnavailable.error(.royalties)
    }
    public func regrade(id: Int64, grading: Grading) throws -> [RoyaltyEntitlement] { throw WordPressUnavailable.error(.royalties) }
    public func royaltyBudget(site: String, year: Int) throws -> RoyaltyBudget { throw WordPressUnavailable.error(.royalties) }

    public func activityReport(from: String, to: String) throws -> ActivityReport { throw WordPressUnavailable.error(.activityReport) }
    public func activityReportCSV(from: String, to: String) throws -> DownloadedFile { throw WordPressUnavailable.error(.activityReport) }
    public func activityReportFile(from: String, to: String, format: SpreadsheetFormat) throws -> DownloadedFile {
        throw WordPressUnavailable.error(.activityReport)
    }

    public func socialPosts(statuses: [SocialPostStatus], channel: String?, site: String?, limit: Int) throws -> [SocialPost] {
        throw WordPressUnavailable.error(.socialQueue)
    }
    public func socialPost(id: Int64) throws -> SocialPost { throw WordPressUnavailable.error(.socialQueue) }
    public func retrySocialPost(id: Int64) throws -> SocialPost { throw WordPressUnavailable.error(.socialQueue) }
    public func cancelSocialPost(id: Int64) throws -> SocialPost { throw WordPressUnavailable.error(.socialQueue) }
    public func resolveSocialPost(id: Int64, _ resolution: SocialPostResolution) throws -> SocialPost {
        throw WordPressUnavailable.error(.socialQueue)
    }
    public func editSocialPost(id: Int64, message: String) throws -> SocialPost { throw WordPressUnavailable.error(.socialQueue) }
}

extension WordPressClient: PortalAPI {}
