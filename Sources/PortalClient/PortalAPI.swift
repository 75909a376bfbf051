import Foundation
import NewsroomKit

/// Everything the desk asks of a portal: the seam between the newsroom (its screens and
/// its commands for scripts) and a portal's API. `AdminClient` speaks to bientap-portal
/// over libcurl; another backend (WordPress' REST API) or an in-memory portal for tests
/// stands behind the same calls.
///
/// Every call blocks the calling thread until the portal has answered, and throws
/// `PortalError`. A conforming type is `Sendable`: the desk calls it from its background
/// queues, and two calls on one value may be serialised (one connection) — work that must
/// not wait behind another takes a value of its own (see `PortalLanes`).
public protocol PortalAPI: Sendable {
    // MARK: Who and where

    /// Whether the portal is up (`GET /healthz`); needs no token.
    func health() throws -> Health
    /// Who the token belongs to, with their roles and sites.
    func me() throws -> Me
    /// The sites (the portal and its component sites) the token may see.
    func sites() throws -> [Site]
    /// Revokes this client's token.
    func signOut() throws

    // MARK: Submissions

    /// One page of submissions, newest first; `cursor` from the page before.
    func submissions(statuses: [SubmissionStatus], site: String?, publishedFrom: Date?,
                     cursor: String?, limit: Int) throws -> Page<SubmissionSummary>
    /// One submission as it is now.
    func submission(id: Int64) throws -> Submission
    /// Saves `edit` as a new revision made from revision `base`; throws
    /// `PortalError.staleRevision` when someone saved since.
    func save(id: Int64, edit: SubmissionEdit, base: Int) throws -> Submission
    /// A decision taken on revision `base`; one `idempotencyKey` per decision, kept across retries.
    func transition(id: Int64, _ request: TransitionRequest, base: Int, idempotencyKey: String) throws -> Submission
    /// Files a contributor's draft; one `idempotencyKey` per draft, kept across retries.
    func create(_ draft: SubmissionDraft, idempotencyKey: String) throws -> Submission

    // MARK: Edit leases

    /// Takes or renews the edit lease; throws `PortalError.leaseHeld` when someone else edits.
    func acquireLease(id: Int64) throws -> Lease
    /// Gives the edit lease back.
    func releaseLease(id: Int64) throws

    // MARK: History

    /// The item's audit events, oldest first.
    func events(of id: Int64) throws -> [AuditEvent]
    /// The item's revisions, oldest first.
    func revisions(of id: Int64) throws -> [RevisionInfo]
    /// One revision's text.
    func revision(_ number: Int, of id: Int64) throws -> Revision
    /// Revision `from` against `to`, word by word; nil for the original and the current one.
    func diff(of id: Int64, from: Int?, to: Int?) throws -> RevisionDiff
    /// The board's notes on the item, oldest first.
    func notes(of id: Int64) throws -> [Note]
    /// Adds a note; one `idempotencyKey` per note, kept across retries.
    func addNote(to id: Int64, _ note: NoteRequest, idempotencyKey: String) throws -> Note

    // MARK: Royalties (nhuận bút) and reports

    /// The rate table an approval on `site` is graded by.
    func activeRateTable(site: String) throws -> RateTable
    /// A month's ledger lines on `site`, oldest first.
    func royaltyEntitlements(site: String, month: String) throws -> [RoyaltyEntitlement]
    /// The month's payment list, tax by the regime of `paidOn` (`YYYY-MM-DD`; the portal's today when nil).
    func paymentList(site: String, month: String, paidOn: String?) throws -> PaymentList
    /// The payment list as a file to save.
    func paymentListFile(site: String, month: String, paidOn: String?, format: SpreadsheetFormat) throws -> DownloadedFile
    /// One contributor's month, item by item.
    func royaltyStatement(site: String, month: String, contributor: Int64, paidOn: String?) throws -> RoyaltyStatement
    /// One contributor's statement as a file to save.
    func royaltyStatementFile(site: String, month: String, contributor: Int64, paidOn: String?,
                              format: SpreadsheetFormat) throws -> DownloadedFile
    /// The site's closed months, newest first.
    func royaltyBatches(site: String) throws -> [RoyaltyBatch]
    /// Closes a month that has ended.
    func closeRoyaltyMonth(site: String, month: String) throws -> RoyaltyBatch
    /// Records that a closed month was paid, with the transfer's reference.
    func recordRoyaltyPayment(site: String, month: String, reference: String) throws -> RoyaltyBatch
    /// What each site published from `from` to `to` (`YYYY-MM-DD`) against a year earlier.
    func activityReport(from: String, to: String) throws -> ActivityReport
    /// The activity report as CSV to save.
    func activityReportCSV(from: String, to: String) throws -> DownloadedFile
    /// The activity report as a file to save, CSV or XLSX.
    func activityReportFile(from: String, to: String, format: SpreadsheetFormat) throws -> DownloadedFile
    /// Corrects a published item's grading; the item's ledger lines as they now are.
    func regrade(id: Int64, grading: Grading) throws -> [RoyaltyEntitlement]
    /// A site's royalty budget for `year` and what the ledger has used of it.
    func royaltyBudget(site: String, year: Int) throws -> RoyaltyBudget

    // MARK: The social queue (Zalo OA, Facebook Page)

    /// The outbox's posts of the statuses (every one when empty), on one channel and site when named, newest first.
    func socialPosts(statuses: [SocialPostStatus], channel: String?, site: String?, limit: Int) throws -> [SocialPost]
    /// One post as it is now.
    func socialPost(id: Int64) throws -> SocialPost
    /// A failed or uncertain post queued again.
    func retrySocialPost(id: Int64) throws -> SocialPost
    /// A post that has not gone out, cancelled.
    func cancelSocialPost(id: Int64) throws -> SocialPost
    /// An uncertain post resolved: found on the page (with its link), or sent again.
    func resolveSocialPost(id: Int64, _ resolution: SocialPostResolution) throws -> SocialPost
    /// The text of a post not sent yet.
    func editSocialPost(id: Int64, message: String) throws -> SocialPost
}

extension PortalAPI {
    /// Every submission matching the filter, following cursors to the last page.
    public func allSubmissions(statuses: [SubmissionStatus] = [], site: String? = nil, publishedFrom: Date? = nil,
                               pageSize: Int = 200) throws -> [SubmissionSummary] {
        var items: [SubmissionSummary] = []
        var cursor: String? = nil
        repeat {
            let page = try submissions(statuses: statuses, site: site, publishedFrom: publishedFrom, cursor: cursor, limit: pageSize)
            items += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return items
    }
}

extension AdminClient: PortalAPI {}
