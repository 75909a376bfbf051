import ArgumentParser
import BienTapApp
import Console
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

struct Royalties: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "royalties",
        abstract: "Royalties (nhuận bút) for accountants: a month's payment list, statements, closing, payment, files; a grading corrected.",
        discussion: """
        Every ledger subcommand takes --month YYYY-MM; --site CODE names one site, and without \
        it list, statement, export and close work on every site whose ledger you keep, one \
        site after another (each site pays its own batch, so each keeps its own list, tax and \
        file). pay always needs --site: a payment is one transfer from one site's budget. \
        Nothing asks a question: close and pay are for scripts, and running them again is safe \
        (a month closed, or paid with the same reference, is reported as done, exit status 0).
        """,
        subcommands: [RoyaltyList.self, RoyaltyStatementCommand.self, RoyaltyClose.self, RoyaltyPay.self, RoyaltyExport.self,
                      RoyaltyRegrade.self])
}

/// The month and site every royalty subcommand works on.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The month, as YYYY-MM.", valueName: "month"))
    var month: String

    @Option(name: .long, help: ArgumentHelp("The site's code (default: every site whose ledger you keep).", valueName: "code"))
    var site: String?

    /// The month, checked; a usage error (status 2) in `language` when it is not one.
    func checkedMonth(_ language: UILanguage) throws -> String {
        guard let month = DeskCommands.month(self.month) else { throw Failed(message: Strings.badMonth(self.month)(language), status: 2) }
        return month
    }
}

/// The payment day tax is reckoned by, `--paid-on`.
struct PaymentDayOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The payment day the tax is reckoned by (default: today).", valueName: "YYYY-MM-DD"))
    var paidOn: String?

    /// The day, checked; nil for the portal's today; a usage error (status 2) when it is not a day.
    func checked(_ language: UILanguage) throws -> String? {
        guard let paidOn else { return nil }
        guard let day = DeskCommands.day(paidOn) else { throw Failed(message: Strings.badDay(paidOn)(language), status: 2) }
        return day
    }
}

/// Where a file goes: `-o FILE`, or the portal's name for it in the current folder.
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(
        "The file to write (default: the name the portal gives, in the current folder); without --site, the folder to write each site's file in.",
        valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Replace the file if it exists.")
    var force = false

    /// The name a ledger file is saved under when the portal names none: a statement
    /// (bảng kê) when it is one person's, else the payment list; whichever command saved it.
    static func ledgerName(month: String, site: String? = nil, contributor: Int64?, kind: SpreadsheetFormat) -> String {
        ([contributor.map { "bang-ke-\($0)-\(month)" } ?? "nhuan-but-\(month)"] + (site.map { [$0] } ?? [])).joined(separator: "-")
            + "." + kind.rawValue
    }

    /// Saves `file`, refusing to replace one without --force; says where on stdout.
    func save(_ file: DownloadedFile, fallbackName: String, language: UILanguage) throws {
        try save(file, to: output, in: FileManager.default.currentDirectoryPath, fallbackName: fallbackName, language: language)
    }

    /// Saves each site's file under its own name in the folder `-o` names (the current one
    /// without it): what an export without --site writes.
    func saveEach(_ files: [(site: String, file: DownloadedFile)], fallbackName: (String) -> String, language: UILanguage) throws {
        let folder = output ?? FileManager.default.currentDirectoryPath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failed(message: Strings.outputNotAFolder(language), status: 2)
        }
        for (site, file) in files { try save(file, to: nil, in: folder, fallbackName: fallbackName(site), language: language) }
    }

    private func save(_ file: DownloadedFile, to path: String?, in folder: String, fallbackName: String, language: UILanguage) throws {
        let saved: String
        do {
            saved = try DeskCommands.save(file, to: path, in: folder, fallbackName: fallbackName, force: force)
        } catch let exists as SafeFile.FileExists {
            throw Failed(message: Strings.fileExists(exists.path)(language))
        } catch {
            throw Failed(message: Strings.cannotSave(path ?? fallbackName, Strings.fileReason(error)(language))(language))
        }
        print(TerminalSafeText.line(Strings.saved(saved, bytes: file.data.count)(language)))
    }

    /// The payment list (or `contributor`'s statement) of `site` saved where -o says, or without
    /// a site, each site's in the folder -o names.
    func saveLedger(_ desk: Desk, site: String?, month: String, contributor: Int64?, paidOn: String?, kind: SpreadsheetFormat) throws {
        let files = try desk.run { try desk.commands.royaltyFiles(site: site, month: month, contributor: contributor, paidOn: paidOn, format: kind) }
        if site != nil, let (code, file) = files.first {
            try save(file, fallbackName: Self.ledgerName(month: month, site: code, contributor: contributor, kind: kind), language: desk.language)
        } else {
            try saveEach(files, fallbackName: { Self.ledgerName(month: month, site: $0, contributor: contributor, kind: kind) }, language: desk.language)
        }
    }
}

/// `--format` of the royalty reads: a table or JSON lines on stdout, or a file to save.
enum LedgerFormat {
    case screen(DeskCommands.Format)
    case file(SpreadsheetFormat)

    static func parse(_ text: String, screen: Bool = true) throws -> LedgerFormat {
        switch text {
        case "table" where screen: return .screen(.table)
        case "jsonl" where screen: return .screen(.jsonl)
        default:
            guard let format = SpreadsheetFormat(rawValue: text) else {
                throw Failed(message: "--format: " + (screen ? "table | jsonl | csv | xlsx" : "csv | xlsx"), status: 2)
            }
            return .file(format)
        }
    }
}

struct RoyaltyList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The month's payment list: one line a person, 45/60-day flags, totals and the net in words (or JSON lines, or a file).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var payment: PaymentDayOptions

    @Option(name: .long, help: ArgumentHelp("table, jsonl (one person and site a line), csv or xlsx (saved as a file).", valueName: "format"))
    var format: String = "table"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let desk = try Desk(connection)
        let (month, day, format) = (try ledger.checkedMonth(desk.language), try payment.checked(desk.language), try LedgerFormat.parse(format))
        switch format {
        case .screen(let shown):
            print(try desk.run { try desk.commands.paymentList(site: ledger.site, month: month, paidOn: day, format: shown) }, terminator: "")
        case .file(let kind):
            try output.saveLedger(desk, site: ledger.site, month: month, contributor: nil, paidOn: day, kind: kind)
        }
    }
}

struct RoyaltyStatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "One person's statement of the month: each item, its amount and flag, then tax and net (or JSON, or a file).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var ledger: LedgerOptions

    @Option(name: .long, help: ArgumentHelp("The contributor's number.", valueName: "id"))
    var contributor: Int64?

    @OptionGroup var payment: PaymentDayOptions

    @Option(name: .long, help: ArgumentHelp("table, jsonl, csv or xlsx (saved as a file).", valueName: "format"))
    var format: String = "table"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let desk = try Desk(connection)
        let (month, day, format) = (try ledger.checkedMonth(desk.language), try payment.checked(desk.language), try LedgerFormat.parse(format))
        guard let contributor, contributor > 0 else { throw Failed(message: Strings.contributorRequired(desk.language), status: 2) }
        switch format {
        case .screen(let shown):
            print(try desk.run { try desk.commands.statement(site: ledger.site, month: month, contributor: contributor, paidOn: day, format: shown) },
                  terminator: "")
        case .file(let kind):
            try output.saveLedger(desk, site: ledger.site, month: month, contributor: contributor, paidOn: day, kind: kind)
        }
    }
}

struct RoyaltyClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a month that has ended: its lines join a batch that never changes. Closed already: said, exit status 0.",
        discussion: """
        Without --site, the month is closed on every site whose ledger you keep, a line each; \
        a site that refuses (the month not over) is said on stderr and the status is 1.
        """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let desk = try Desk(connection)
        let month = try ledger.checkedMonth(desk.language)
        var refused: Failed?
        for site in try desk.run({ try desk.commands.sites(ledger.site) }) {
            do {
                print(desk.commands.report(try desk.run { try desk.commands.closeMonth(site: site, month: month) }, paying: false))
            } catch let failed as Failed where ledger.site == nil {
                // The other sites are closed all the same; the status says one was not.
                ConsoleError.write("bientap: \(TerminalSafeText.lines(failed.message))\n")
                refused = failed
            }
        }
        if let refused { throw Failed(message: refused.message) }
    }
}

struct RoyaltyPay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Record that a closed month was paid, with the transfer's reference. Recorded already with the same reference: exit status 0.",
        discussion: "--site is needed: one transfer (ủy nhiệm chi) pays one site's batch, from that site's budget.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var ledger: LedgerOptions

    @Option(name: .long, help: ArgumentHelp("The transfer's or voucher's number (ủy nhiệm chi).", valueName: "text"))
    var reference: String?

    func run() throws {
        let desk = try Desk(connection)
        let month = try ledger.checkedMonth(desk.language)
        guard let site = ledger.site else { throw Failed(message: Strings.paySiteRequired(desk.language), status: 2) }
        guard let reference, !reference.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Failed(message: Strings.referenceRequired(desk.language), status: 2)
        }
        print(desk.commands.report(try desk.run { try desk.commands.recordPayment(site: site, month: month, reference: reference) }, paying: true))
    }
}

struct RoyaltyExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Save the month's payment list (or one person's statement, with --contributor) as CSV or XLSX.",
        discussion: """
        The file is written whole or not at all, under -o FILE or the name the portal gives \
        it in the current folder; an existing file is never replaced without --force. Without \
        --site, each site with something to pay gets its own file, under its portal name, in \
        the folder -o names (the current folder without it).
        """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var ledger: LedgerOptions

    @Option(name: .long, help: ArgumentHelp("A statement of this contributor instead of the payment list.", valueName: "id"))
    var contributor: Int64?

    @OptionGroup var payment: PaymentDayOptions

    @Option(name: .long, help: ArgumentHelp("csv (UTF-8 with a BOM, as Excel wants it) or xlsx.", valueName: "format"))
    var format: String = "csv"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let desk = try Desk(connection)
        let (month, day) = (try ledger.checkedMonth(desk.language), try payment.checked(desk.language))
        guard case .file(let kind) = try LedgerFormat.parse(format, screen: false) else { return }
        if let contributor, contributor <= 0 { throw Failed(message: Strings.contributorRequired(desk.language), status: 2) }
        try output.saveLedger(desk, site: ledger.site, month: month, contributor: contributor, paidOn: day, kind: kind)
    }
}

struct RoyaltyRegrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regrade",
        abstract: "Correct a published item's grading (editors): its royalty lines are reckoned again.",
        discussion: """
        Lines of months still open are written anew. Lines of closed months never change: \
        each is taken back by an adjustment line in the first open month, beside the new lines, \
        and the month's payment list pays the difference when it closes. Running it again with \
        the same grading changes nothing more.
        """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The item's number.")
    var id: Int64

    @OptionGroup var grading: GradingOptions

    @Option(name: .long, help: ArgumentHelp("table or jsonl (the item's ledger lines, one a line).", valueName: "format"))
    var format: String = "table"

    func run() throws {
        let desk = try Desk(connection)
        let grading = try self.grading.checked(desk.language)
        guard case .screen(let shown) = try LedgerFormat.parse(format), id > 0 else { throw Failed(message: "--format: table | jsonl", status: 2) }
        print(try desk.run { try desk.commands.regrade(id: id, grading: grading, format: shown) }, terminator: "")
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports of the portal's activity.",
        subcommands: [ActivityReportCommand.self])
}

struct ActivityReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "What each site published in a year (news, articles, photo stories, photos, documents) against the year before.",
        discussion: """
        --format table prints the counts, the change and a bar per site; csv and xlsx save the \
        portal's file (-o FILE, or its own name in the current folder; -o - writes it to \
        standard output).
        """)

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "The year (default: this year).")
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("table, csv or xlsx.", valueName: "format"))
    var format: String = "table"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let desk = try Desk(connection)
        let language = desk.language
        let year = self.year ?? Int(VietnamDay(containing: Date()).text.prefix(4)) ?? 2026
        guard (1971...2199).contains(year) else { throw Failed(message: Strings.badYear(year)(language), status: 2) }
        if format == "table" {
            let width = NcursesScreen.terminalSize()?.columns
            print(try desk.run { try desk.commands.activityReport(year: year, width: width) }, terminator: "")
            return
        }
        guard let kind = SpreadsheetFormat(rawValue: format) else { throw Failed(message: "--format: table | csv | xlsx", status: 2) }
        let file = try desk.run { try desk.commands.activityReportFile(year: year, format: kind) }
        if output.output == "-" {
            FileHandle.standardOutput.write(file.data)
        } else {
            try output.save(file, fallbackName: "bao-cao-hoat-dong-\(year).\(kind.rawValue)", language: language)
        }
    }
}
