import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// The portal calls behind the accountant's screens, each ending in the message that
/// answers its effect. They block: the app runs them on a lane of its own (the benchmark
/// calls them as the app does).
public enum LedgerWork {
    /// A site's month: its batch (closed? paid?) and the payment list (tax by the payment day
    /// once paid). Without a site: the first the user keeps the ledger of,
    /// and the list of them.
    public static func month(_ client: any PortalAPI, site: String?, month: String) -> AppMessage {
        let result = Result { () throws -> LedgerMonth in
            var sites: [SiteRef]?
            var code = site
            if site == nil {
                let me = try client.me()
                let kept = try client.sites().filter { me.keepsLedger(of: $0.code) }.map(\.ref)
                sites = kept
                code = kept.first?.code
            }
            guard let code else {
                let empty = PaymentList(month: month, site: nil, paidOn: "", lines: [], gross: 0, tax: 0, net: 0, netInWords: "")
                return LedgerMonth(sites: sites, site: "", month: month, list: empty, batch: nil, budget: nil)
            }
            let batch = try client.royaltyBatches(site: code).first { $0.month == month }
            let paidOn = batch?.paidAt.map { VietnamDay(containing: $0).text }
            let list = try client.paymentList(site: code, month: month, paidOn: paidOn)
            return LedgerMonth(sites: sites, site: code, month: month, list: list, batch: batch, budget: nil)
        }.mapError(PortalError.wrap)
        return .ledgerMonthLoaded(site: site, month: month, result)
    }

    /// The year's budget of a site, read after the month is drawn (it sums the whole year). The
    /// libcurl portal's (a WordPress site has none): nil when there is none to read.
    public static func budget(_ client: any PortalAPI, site: String, year: Int) -> AppMessage {
        .royaltyBudgetLoaded(site: site, year: year, try? (client as? AdminClient)?.royaltyBudget(site: site, year: year))
    }

    public static func statement(_ client: any PortalAPI, site: String, month: String, contributor: Int64, paidOn: String?) -> AppMessage {
        let result = Result { try client.royaltyStatement(site: site, month: month, contributor: contributor, paidOn: paidOn) }
            .mapError(PortalError.wrap)
        return .royaltyStatementLoaded(contributor: contributor, result)
    }

    /// Closes a month, or records its payment; a repeat that finds it done says so (as the scripts' commands do).
    public static func act(_ client: any PortalAPI, language: UILanguage, site: String, month: String, reference: String?) -> AppMessage {
        let desk = DeskCommands(client: client, language: language, attempts: 1)
        let result = Result { () throws -> DeskCommands.LedgerOutcome in
            if let reference { return try desk.recordPayment(site: site, month: month, reference: reference) }
            return try desk.closeMonth(site: site, month: month)
        }.mapError { error -> LedgerFailure in
            if let refusal = error as? DeskCommands.LedgerRefusal { return .refused(refusal) }
            return .portal(PortalError.wrap(error))
        }
        return .ledgerActed(paying: reference != nil, result)
    }

    /// The payment list downloaded and saved in `folder` under the portal's name for it (or
    /// `nhuan-but-MONTH.csv`), never over a file already there: a name taken gets a number.
    public static func export(_ client: any PortalAPI, site: String, month: String, paidOn: String?, format: SpreadsheetFormat,
                       folder: String) -> AppMessage {
        let file: DownloadedFile
        do {
            file = try client.paymentListFile(site: site, month: month, paidOn: paidOn, format: format)
        } catch {
            return .paymentListExported(.failure(.portal(PortalError.wrap(error))))
        }
        let name = file.suggestedName ?? "nhuan-but-\(month).\(format.rawValue)"
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        for attempt in 1...100 {
            let candidate = attempt == 1 ? name : "\(stem)-\(attempt)" + (ext.isEmpty ? "" : "." + ext)
            do {
                let path = try DeskCommands.save(file, to: folder + "/" + candidate, in: folder, fallbackName: candidate, force: false)
                return .paymentListExported(.success(SavedExport(path: path, bytes: file.data.count)))
            } catch is SafeFile.FileExists {
                continue
            } catch {
                return .paymentListExported(.failure(.cannotSave(path: folder + "/" + candidate, reason: FileFailure(error))))
            }
        }
        return .paymentListExported(.failure(.cannotSave(path: folder + "/" + name, reason: .exists)))
    }

    public static func activity(_ client: any PortalAPI, year: Int) -> AppMessage {
        let span = DeskCommands.yearSpan(year)
        let result = Result { try client.activityReport(from: span.from, to: span.to) }.mapError(PortalError.wrap)
        return .activityLoaded(year: year, result)
    }
}
