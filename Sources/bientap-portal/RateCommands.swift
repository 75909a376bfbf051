import ArgumentParser
import Foundation
import NewsroomKit
import PortalServer

struct RatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rates", abstract: "Royalty rate tables.",
                                                    subcommands: [RatesImport.self, RatesList.self])
}

struct RatesImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add a rate table from a JSON file (see Docs/rate-tables/: the decree's frame, a province's table, a component site's share).")

    @Argument(help: "The table, as JSON.")
    var file: String

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let table: RateTable
        do {
            table = try WireFormat.decoder().decode(RateTable.self, from: try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw Failed(PortalMessages.badRateTable(file, (error as? CocoaError).map { $0.localizedDescription } ?? WireFormat.problem(of: error)))
        }
        do {
            _ = try await withStore(database) { try await $0.addRateTable(table) }
        } catch let invalid as Store.InvalidRateTable {
            throw Failed(PortalMessages.badRateTable(file, invalid.problem))
        }
        PortalOutput.say(PortalMessages.rateTableAdded(table.name, site: table.site, from: table.effectiveFrom))
    }
}

struct RatesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List rate tables, newest first (day, site, name, genres, share of another site's).")

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        for table in try await withStore(database, { try await $0.rateTables() }) {
            let share = table.percentOf.map { "\(String(format: "%g", $0.percent))% \($0.site)" } ?? ""
            PortalOutput.row([table.effectiveFrom, table.site ?? "*", table.name, table.genres.map(\.code).joined(separator: ","), share])
        }
    }
}
