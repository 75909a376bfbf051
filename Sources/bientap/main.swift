import ArgumentParser
import BienTapApp
import Foundation
import PortalClient
import TerminalUI
import VietText

struct BienTap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bientap",
        abstract: "A terminal newsroom for Vietnamese government web portals.",
        discussion: """
        Without a subcommand, opens the editorial queue of the portal given by --portal / \
        BIENTAP_PORTAL / `portal` in ~/.config/bientap/config.toml, signed in with --token / \
        BIENTAP_TOKEN / `token`. The interface is in Vietnamese; set LANG=en_US.UTF-8 for English.
        """,
        subcommands: [Open.self, Demo.self],
        defaultSubcommand: Open.self)
}

struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Portal base URL, e.g. http://127.0.0.1:8080.", valueName: "url"))
    var portal: String?

    @Option(name: .long, help: ArgumentHelp("Bearer token of your portal account.", valueName: "token"))
    var token: String?

    @Option(name: .long, help: ArgumentHelp("Key binding file applied over the defaults (default: ~/.config/bientap/keymap).", valueName: "file"))
    var keymap: String?
}

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the editorial queue in the terminal (the default).")

    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let config: ClientConfiguration
        do {
            config = try ClientConfiguration.resolve(portalFlag: connection.portal, tokenFlag: connection.token,
                                                     keymapFlag: connection.keymap, environment: environment)
        } catch {
            throw Failed(message: "\(error)")
        }
        let language = config.language
        guard let portal = config.portal else { throw Failed(message: Strings.missingPortal(language)) }
        guard let token = config.token else { throw Failed(message: Strings.missingToken(language)) }
        try Session.run(portal: portal, token: token, configuration: config)
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start a sample portal on a free loopback port with a temporary database, sign in as a demo editor and open the queue; everything is stopped and removed on exit.")

    @Option(name: .long, help: ArgumentHelp("Key binding file applied over the defaults.", valueName: "file"))
    var keymap: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: keymap, environment: environment)
        let language = config.language
        guard let executable = LocalPortal.locateExecutable() else {
            throw Failed(message: Strings.demoFailed("bientap-portal not found beside bientap or on PATH")(language))
        }
        fputs(Strings.demoStarting(language) + "\n", stderr)
        let demo: LocalPortal
        let url: String
        do {
            demo = try LocalPortal(executable: executable, editorDisplayName: Strings.demoEditorName(language))
            url = try demo.startServer()
        } catch {
            throw Failed(message: Strings.demoFailed("\(error)")(language))
        }
        defer { demo.stop() }
        try Session.run(portal: url, token: demo.token, configuration: config)
    }
}

/// Opens the terminal, runs the app, and restores the terminal.
enum Session {
    static func run(portal: String, token: String, configuration: ClientConfiguration) throws {
        let language = configuration.language
        let client: AdminClient
        do {
            client = try AdminClient(baseURL: portal, token: token)
        } catch {
            throw Failed(message: Strings.portalError(error, portal: portal)(language))
        }
        let (keymap, problems) = KeyBindings.load(userFile: configuration.keymapPath)
        for problem in problems {
            fputs("bientap: \(problem)\n", stderr)
        }
        let notice = problems.first.map { Strings.keymapProblems(problems.count, first: $0.description)(language) }
        let screen: NcursesScreen
        do {
            screen = try NcursesScreen()
        } catch {
            throw Failed(message: Strings.notATerminal("\(error)")(language))
        }
        defer { screen.shutdown() }
        let state = AppState(language: language, portal: portal, keymap: keymap,
                             width: screen.width, height: screen.height, startupNotice: notice)
        NewsroomApp(client: client, state: state).run(on: screen)
    }
}

/// A failure reported as one line on stderr with exit status 1, never a stack trace.
struct Failed: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

do {
    var command = try BienTap.parseAsRoot()
    try command.run()
} catch let failure as Failed {
    fputs("bientap: \(failure.message)\n", stderr)
    exit(1)
} catch {
    BienTap.exit(withError: error)
}
