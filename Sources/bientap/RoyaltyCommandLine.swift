import ArgumentParser
import BienTapApp
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

struct Royalties: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "royalties",
        abstract: "Royalties (nhuận bút) for accountants: a month's payment list, statements, closing, payment, files.",
        discussion: """
        Every subcommand takes --month YYYY-MM and --site CODE. Nothing asks a question: close \
        and pay are for scripts, and running them again is safe (a month closed, or paid with \
        the same reference, is reported as done, exit status 0).
        """,
        subcommands: [RoyaltyList.self, RoyaltyStatementCommand.self, RoyaltyClose.self, RoyaltyPay.self, RoyaltyExport.self])
}

/// The month and site every royalty subcommand works on.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The month, as YYYY-MM.", valueName: "month"))
    var month: String

    @Option(name: .long, help: ArgumentHelp("The site's code.", valueName: "code"))
    var site: String

    /// The month, checked; a usage error (status 2) in `language` when it is not one.
    func checkedMonth(_ language: UILanguage) throws -> String {
        guard let month = DeskCommands.month(self.month) else { throw Failed(message: Strings.badMonth(self.month)(language), status: 2) }
        return month
    }
}

/// Where a file goes: `-o FILE`, or the portal's name for it in the current folder.
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The file to write (default: the name the portal gives, in the current folder).",
                                                              valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Replace the file if it exists.")
    var force = false

    /// Saves `file`, refusing to replace one without --force; says where on stdout.
    /// The name a ledger file is saved under when the portal names none: a statement
    /// (bảng kê) when it is one person's, else the payment list; whichever command saved it.
    static func ledgerName(month: String, contributor: Int64?, kind: SpreadsheetFormat) -> String {
        (contributor.map { "bang-ke-\($0)-\(month)" } ?? "nhuan-but-\(month)") + "." + kind.rawValue
    }

    func save(_ file: DownloadedFile, fallbackName: String, language: UILanguage) throws {
        let saved: String
        do {
            saved = try DeskCommands.save(file, to: output, in: FileManager.default.currentDirectoryPath, fallbackName: fallbackName, force: force)
        } catch let exists as SafeFile.FileExists {
            throw Failed(message: Strings.fileExists(exists.path)(language))
        } catch {
            throw Failed(message: Strings.cannotSave(output ?? fallbackName, "\(error)")(language))
        }
        print(TerminalSafeText.line(Strings.saved(saved, bytes: file.data.count)(language)))
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

/// The optional `--paid-on`, checked.
private func paymentDay(_ text: String?, _ language: UILanguage) throws -> String? {
    guard let text else { return nil }
    guard let day = DeskCommands.day(text) else { throw Failed(message: Strings.badDay(text)(language), status: 2) }
    return day
}

struct RoyaltyList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The month's payment list: one line a person, totals and the net in words (or JSON lines, or a file).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var ledger: LedgerOptions

    @Option(name: .long, help: ArgumentHelp("The payment day the tax is reckoned by (default: today).", valueName: "YYYY-MM-DD"))
    var paidOn: String?

    @Option(name: .long, help: ArgumentHelp("table, jsonl (one person a line), csv or xlsx (saved as a file).", valueName: "format"))
    var format: String = "table"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let desk = try Desk(connection)
        let (month, day, format) = (try ledger.checkedMonth(desk.language), try paymentDay(paidOn, desk.language), try LedgerFormat.parse(format))
        switch format {
        case .screen(let shown):
            print(try desk.run { try desk.commands.paymentList(site: ledger.site, month: month, paidOn: day, format: shown) }, terminator: "")
        case .file(let kind):
            let file = try desk.run { try desk.commands.royaltyFile(site: ledger.site, month: month, contributor: nil, paidOn: day, format: kind) }
            try output.save(file, fallbackName: OutputOptions.ledgerName(month: month, contributor: nil, kind: kind), language: desk.language)
        }
    }
}

struct RoyaltyStatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "One person's statement of the month: each item and its amount, then tax and net (or JSON, or a file).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var ledger: LedgerOptions

    @Option(name: .long, help: ArgumentHelp("The contributor's number.", valueName: "id"))
    var contributor: Int64?

    @Option(name: .long, help: ArgumentHelp("The payment day the tax is reckoned by (default: today).", valueName: "YYYY-MM-DD"))
    var paidOn: String?

    @Option(name: .long, help: ArgumentHelp("table, jsonl, csv or xlsx (saved as a file).", valueName: "format"))
    var format: String = "table"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let desk = try Desk(connection)
        let (month, day, format) = (try ledger.checkedMonth(desk.language), try paymentDay(paidOn, desk.language), try LedgerFormat.parse(format))
        guard let contributor, contributor > 0 else { throw Failed(message: Strings.contributorRequired(desk.language), status: 2) }
        switch format {
        case .screen(let shown):
            print(try desk.run { try desk.commands.statement(site: ledger.site, month: month, contributor: contributor, paidOn: day, format: shown) },
                  terminator: "")
        case .file(let kind):
            let file = try desk.run {
                try desk.commands.royaltyFile(site: ledger.site, month: month, contributor: contributor, paidOn: day, format: kind)
            }
            try output.save(file, fallbackName: OutputOptions.ledgerName(month: month, contributor: contributor, kind: kind), language: desk.language)
        }
    }
}

struct RoyaltyClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a month that has ended: its lines join a batch that never changes. Closed already: said, exit status 0.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let desk = try Desk(connection)
        let month = try ledger.checkedMonth(desk.language)
        let outcome = try desk.run {
            do {
                return try desk.commands.closeMonth(site: ledger.site, month: month)
            } catch let refusal as DeskCommands.LedgerRefusal {
                throw Failed(message: desk.commands.explain(refusal))
            }
        }
        print(desk.commands.report(outcome, paying: false))
    }
}

struct RoyaltyPay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Record that a closed month was paid, with the transfer's reference. Recorded already with the same reference: exit status 0.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var ledger: LedgerOptions

    @Option(name: .long, help: ArgumentHelp("The transfer's or voucher's number (ủy nhiệm chi).", valueName: "text"))
    var reference: String?

    func run() throws {
        let desk = try Desk(connection)
        let month = try ledger.checkedMonth(desk.language)
        guard let reference, !reference.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Failed(message: Strings.referenceRequired(desk.language), status: 2)
        }
        let outcome = try desk.run {
            do {
                return try desk.commands.recordPayment(site: ledger.site, month: month, reference: reference)
            } catch let refusal as DeskCommands.LedgerRefusal {
                throw Failed(message: desk.commands.explain(refusal))
            }
        }
        print(desk.commands.report(outcome, paying: true))
    }
}

struct RoyaltyExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Save the month's payment list (or one person's statement, with --contributor) as CSV or XLSX.",
        discussion: """
        The file is written whole or not at all, under -o FILE or the name the portal gives \
        it in the current folder; an existing file is never replaced without --force.
        """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var ledger: LedgerOptions

    @Option(name: .long, help: ArgumentHelp("A statement of this contributor instead of the payment list.", valueName: "id"))
    var contributor: Int64?

    @Option(name: .long, help: ArgumentHelp("The payment day the tax is reckoned by (default: today).", valueName: "YYYY-MM-DD"))
    var paidOn: String?

    @Option(name: .long, help: ArgumentHelp("csv (UTF-8 with a BOM, as Excel wants it) or xlsx.", valueName: "format"))
    var format: String = "csv"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let desk = try Desk(connection)
        let (month, day) = (try ledger.checkedMonth(desk.language), try paymentDay(paidOn, desk.language))
        guard case .file(let kind) = try LedgerFormat.parse(format, screen: false) else { return }
        if let contributor, contributor <= 0 { throw Failed(message: Strings.contributorRequired(desk.language), status: 2) }
        let file = try desk.run { try desk.commands.royaltyFile(site: ledger.site, month: month, contributor: contributor, paidOn: day, format: kind) }
        try output.save(file, fallbackName: OutputOptions.ledgerName(month: month, contributor: contributor, kind: kind), language: desk.language)
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
        --format table prints the counts, the change and a bar per site; csv saves the portal's \
        CSV (-o FILE, or its own name in the current folder; -o - writes it to standard output). \
        XLSX is not made for this report yet: --format xlsx is refused.
        """)

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "The year (default: this year).")
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("table or csv (xlsx: not yet).", valueName: "format"))
    var format: String = "table"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let desk = try Desk(connection)
        let language = desk.language
        let year = self.year ?? Int(VietnamDay(containing: Date()).text.prefix(4)) ?? 2026
        guard (1971...2199).contains(year) else { throw Failed(message: Strings.badYear(year)(language), status: 2) }
        switch format {
        case "table":
            let width = NcursesScreen.terminalSize()?.columns
            print(try desk.run { try desk.commands.activityReport(year: year, width: width) }, terminator: "")
        case "csv":
            let file = try desk.run { try desk.commands.activityReportCSV(year: year) }
            if output.output == "-" {
                FileHandle.standardOutput.write(file.data)
            } else {
                try output.save(file, fallbackName: "bao-cao-hoat-dong-\(year).csv", language: language)
            }
        case "xlsx":
            throw Failed(message: Strings.activityNoXLSX(language), status: 2)
        default:
            throw Failed(message: "--format: table | csv", status: 2)
        }
    }
}
