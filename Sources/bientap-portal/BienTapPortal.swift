import ArgumentParser
import Console
import Foundation
import Logging
import NewsroomKit
import PortalServer
import PublicWeb
import VietText

/// Where the database is, shared by every subcommand.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Database: sqlite:PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: $BIENTAP_DB, else sqlite:$XDG_DATA_HOME/bientap/portal.sqlite).", valueName: "url"))
    var db: String = DatabaseLocation.defaultLocation(environment: ProcessInfo.processInfo.environment)

    /// `readers`: connections for reads outside transactions (0 for one-shot commands,
    /// which read through their one connection; nil: the store's default for a server).
    func open(readers: Int? = 0) async throws -> Store {
        let location: DatabaseLocation
        do {
            location = try DatabaseLocation(db)
        } catch let invalid as DatabaseLocation.Invalid {
            throw Failed(PortalMessages.badDatabase(db, invalid.description))
        }
        do {
            return try await Store.open(location, readers: readers)
        } catch {
            throw Failed(PortalMessages.cannotOpen(db, "\(error)"))
        }
    }
}

@main
struct BienTapPortal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bientap-portal",
        abstract: "The reference portal server of bientap: the admin API over SQLite.",
        subcommands: [Serve.self, Migrate.self, Seed.self, UserCommand.self, RatesCommand.self, SocialFakesCommand.self, ChannelCommand.self])

    /// Runs the command; failures become one line on stderr and exit status 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as Failed {
            ConsoleError.write("bientap-portal: \(TerminalSafeText.lines(failure.message))\n")
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the admin API (migrates the database first).")

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: ArgumentHelp("Address to listen on; port 0 picks a free one (default: $BIENTAP_LISTEN, else 127.0.0.1:8080).", valueName: "host:port"))
    var listen: String = ProcessInfo.processInfo.environment["BIENTAP_LISTEN"] ?? "127.0.0.1:8080"

    @Option(name: .long, help: ArgumentHelp("Log lines as text or json, one object per line (default: $BIENTAP_LOG_FORMAT, else text).", valueName: "format"))
    var logFormat: String = ProcessInfo.processInfo.environment["BIENTAP_LOG_FORMAT"] ?? "text"

    @Option(name: .long, help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (default: $BIENTAP_LOG_LEVEL, else info).", valueName: "level"))
    var logLevel: String = ProcessInfo.processInfo.environment["BIENTAP_LOG_LEVEL"] ?? "info"

    @Option(name: .long, help: ArgumentHelp("Database connections serving reads beside the one for writes (default: $BIENTAP_DB_READERS, else one per core and two more on SQLite, two per core on PostgreSQL).", valueName: "n"))
    var dbReaders: Int?

    @Option(name: .long, help: ArgumentHelp("Stop when the process with this id ends (used by `bientap demo`).", valueName: "pid"))
    var exitWithParent: Int32?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Address of a reverse proxy in front of the portal, whose X-Forwarded-For names the client for sign-in limits; repeat for several (default: $BIENTAP_TRUSTED_PROXIES, comma-separated; else none: the header is ignored).", valueName: "ip"))
    var trustedProxy: [String] = (ProcessInfo.processInfo.environment["BIENTAP_TRUSTED_PROXIES"] ?? "")
        .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }

    @Option(name: .long, help: ArgumentHelp("The public portal's address, before each item's path in social posts, feeds, sitemaps and Open Graph tags (default: $BIENTAP_PUBLIC_URL, else http://HOST:PORT of --listen).", valueName: "url"))
    var publicURL: String?

    func run() async throws {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
              (0...65535).contains(port), colon != listen.startIndex else {
            throw Failed(PortalMessages.badListen(listen))
        }
        let host = String(listen[..<colon])
        guard let level = Logger.Level(rawValue: logLevel) else { throw Failed(PortalMessages.badOption("--log-level", logLevel)) }
        switch logFormat {
        case "text":
            LoggingSystem.bootstrap { label in
                var handler = TextLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        case "json":
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        default:
            throw Failed(PortalMessages.badOption("--log-format", logFormat))
        }
        // Options left out fall back to the environment, read here rather than as the options' defaults.
        let environment = ProcessInfo.processInfo.environment
        let dbReaders = self.dbReaders ?? environment["BIENTAP_DB_READERS"].flatMap { Int($0) }
        let publicURL = self.publicURL ?? environment["BIENTAP_PUBLIC_URL"]
        if let dbReaders, !(0...64).contains(dbReaders) { throw Failed(PortalMessages.badOption("--db-readers", String(dbReaders))) }
        let store = try await database.open(readers: dbReaders)
        let logger = Logger(label: "bientap-portal")
        // The audit trail names the scheduler, not the machine and process (which anyone reading events would learn).
        let scheduler = Scheduler(store: store, actor: "scheduler", logger: logger)
        // Each process names itself in the posts it claims, so a stuck claim says whose it was.
        // The pages' address and the links posts carry: one, set to the bound port when none is given.
        let address = PublicAddress(publicURL ?? "http://\(listen)")
        let dispatcher = SocialDispatcher.standard(store: store, worker: "\(ProcessInfo.processInfo.hostName):\(getpid())",
                                                   publicBase: address, logger: logger)
        let app = PortalApplication.make(store: store, host: host, port: port, logger: logger, services: [scheduler, dispatcher],
                                         clients: ClientAddress(trustedProxies: Set(trustedProxy)), publicBase: publicURL,
                                         publicAddress: address) { bound in
            // Scripts and `bientap demo` wait for this exact line.
            PortalOutput.say("bientap-portal listening on http://\(host):\(bound)")
            ConsoleOutput.flush()
        }
        if let parent = exitWithParent {
            // A parent killed outright cannot stop us; notice it is gone and shut down gracefully.
            Thread.detachNewThread {
                while getppid() == parent { usleep(250_000) }
                kill(getpid(), SIGTERM)
            }
        }
        do {
            try await app.runService()
        } catch {
            try? await store.close()
            throw Failed(PortalMessages.cannotListen(listen, "\(error)"))
        }
        try await store.close()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema.")

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let store = try await database.open()
        try await store.close()
        PortalOutput.say(PortalMessages.migrated(database.db))
    }
}

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Fill an empty database with the sample province.")

    @Flag(name: .long, help: "The sample: a provincial portal, its sites, contributors and 240 submissions.")
    var sample = false

    @Option(name: .long, help: ArgumentHelp("Add this many more generated submissions to a sample database (for benchmarks).", valueName: "n"))
    var bulk: Int?

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        if let bulk {
            guard bulk > 0 else { throw Failed(PortalMessages.seedNeedsSample) }
            do {
                try await withStore(database) { try await Seeder.seedBulk(into: $0, count: bulk) }
            } catch is Seeder.EmptyForBulk {
                throw Failed(PortalMessages.seedNeedsSample)
            }
            PortalOutput.say(PortalMessages.seededBulk(bulk))
            return
        }
        guard sample else { throw Failed(PortalMessages.seedNeedsSample) }
        let store = try await database.open()
        do {
            let summary = try await Seeder.seedSample(into: store)
            try await store.close()
            PortalOutput.say(PortalMessages.seeded(summary))
        } catch let already as Seeder.AlreadySeeded {
            try? await store.close()
            throw Failed(PortalMessages.alreadySeeded(already.count))
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage portal accounts.",
                                                    subcommands: [UserAdd.self, UserPasswd.self, UserGrant.self, UserRevoke.self, UserUnlock.self, UserList.self,
                                                                  UserToken.self, UserSecondFactor.self])
}
