import ArgumentParser
import BienTapApp
import Console
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
        subcommands: [Open.self, Demo.self, Login.self, Logout.self, Queue.self, Show.self, Submit.self, Approve.self, Return.self,
                      Reject.self, Schedule.self, Publish.self, Unpublish.self, Royalties.self, Report.self, Social.self, Edit.self, Keys.self, Spell.self,
                      Normalize.self],
        defaultSubcommand: Open.self)
}

struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Portal base URL, e.g. http://127.0.0.1:8080.", valueName: "url"))
    var portal: String?

    @Option(name: .long, help: ArgumentHelp("Bearer token of your portal account (other users of the machine see command lines in ps: prefer `bientap login` or BIENTAP_TOKEN).", valueName: "token"))
    var token: String?

    @Option(name: .long, help: ArgumentHelp("Key binding file applied over the defaults (default: ~/.config/bientap/keymap).", valueName: "file"))
    var keymap: String?

    @Option(name: .long, help: ArgumentHelp("The portal's API: bientap, wordpress (token: login:application-password) or auto (default).", valueName: "backend"))
    var backend: String?
}

extension ConnectionOptions {
    /// The configuration these options settle, with the portal and token it must name;
    /// a bad config file or a missing portal or token fails with `usageStatus`.
    func resolved(usageStatus: Int32 = 1) throws -> (ClientConfiguration, portal: String, token: String) {
        let config: ClientConfiguration
        do {
            config = try ClientConfiguration.resolve(portalFlag: portal, tokenFlag: token, keymapFlag: keymap,
                                                     environment: ProcessInfo.processInfo.environment, backendFlag: backend)
        } catch {
            throw Failed(message: "\(error)", status: usageStatus)
        }
        guard let portal = config.portal else { throw Failed(message: Strings.missingPortal(config.language), status: usageStatus) }
        guard let token = config.token else { throw Failed(message: Strings.missingToken(config.language), status: usageStatus) }
        return (config, portal, token)
    }
}

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the editorial queue in the terminal (the default).")

    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let (config, portal, token) = try connection.resolved()
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
        try Terminal.check(language: language)
        guard let executable = LocalPortal.locateExecutable() else {
            throw Failed(message: Strings.demoFailed("bientap-portal not found beside bientap or on PATH")(language))
        }
        ConsoleError.write(Strings.demoStarting(language) + "\n")
        let demo: LocalPortal
        let url: String
        do {
            demo = try LocalPortal(executable: executable, editorDisplayName: Strings.demoEditorName(language))
            // The demo shows every screen: its editor also keeps the ledger (K opens it).
            _ = try LocalPortal.run(executable, ["user", "grant", "demo", "--role", "accountant", "--db", demo.database])
            url = try demo.startServer(socialFakes: true)
        } catch {
            throw Failed(message: Strings.demoFailed("\(error)")(language))
        }
        defer { demo.stop() }
        ConsoleError.write(Strings.demoReady(portal: url, token: demo.token, command: CommandLine.arguments.first ?? "bientap")(language) + "\n")
        try Session.run(portal: url, token: demo.token, configuration: config, isDemo: true)
    }
}

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit a text file in the built-in editor, typing Vietnamese with Telex or VNI.",
        discussion: """
        The editor starts in the input method of `input_method` in config.toml (telex, vni or \
        off; Telex when unset); Ctrl-T switches Telex → VNI → off. Ctrl-S saves (the file is \
        replaced whole, never half written), Ctrl-Q closes, F1 lists the keys, Ctrl-P finds any \
        command. If the terminal goes away with unsaved changes, they are written to FILE.save. \
        Unsaved words are also kept in ~/.local/state/bientap/journal within a second of \
        typing them; after a crash or kill -9, the next `bientap edit FILE` offers them back.
        """)

    @Option(name: .long, help: ArgumentHelp("telex, vni or off.", valueName: "method"))
    var inputMethod: String?

    @Option(name: .long, help: ArgumentHelp("Key binding file applied over the defaults.", valueName: "file"))
    var keymap: String?

    @Argument(help: ArgumentHelp("The file; created when saved if it does not exist.", valueName: "file"))
    var file: String

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let config: ClientConfiguration
        do {
            config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: keymap, environment: environment)
        } catch {
            throw Failed(message: "\(error)", status: 2)
        }
        let language = config.language
        var method = config.inputMethod
        if let inputMethod {
            do { method = try ClientConfiguration.inputMethod(named: inputMethod) } catch { throw Failed(message: "--input-method: telex | vni | off", status: 2) }
        }
        var text: String?
        if FileManager.default.fileExists(atPath: file) {
            text = try SpellInputs.read([file], language: language, eightBit: .refused)[0].text
        }
        var (keymap, notice) = Terminal.keymap(config.keymapPath, language: language)
        if notice == nil, FileManager.default.fileExists(atPath: file + ".save") {
            notice = Strings.interruptedCopy(file)(language)
        }
        let screen = try Terminal.open(language: language, mouse: config.mouse)
        defer { screen.shutdown() }
        let journal = Journal(environment: environment)
        let state = EditorState(language: language, document: .file(path: file), text: text, keymap: keymap, theme: config.theme,
                                inputMethod: method, width: screen.width, height: screen.height, notice: notice, journals: true,
                                leftover: journal.leftover(for: Journal.key(file: file), base: text ?? ""))
        FileEditorApp.run(state, on: screen, journal: journal, environment: environment)
    }
}

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Check a keymap file, or list the key bindings in force.",
        discussion: """
        --check FILE reports every mistake as FILE:LINE: message and exits 1 when there is one, \
        0 when the file is valid. --list prints each binding as a line of keymap syntax \
        (bind CONTEXT KEYS ACTION  # description): the defaults with ~/.config/bientap/keymap \
        (or --keymap FILE) applied.
        """)

    @Option(name: .long, help: ArgumentHelp("Keymap file to check.", valueName: "file"))
    var check: String?

    @Flag(name: .long, help: "Print the bindings in force.")
    var list = false

    @Option(name: .long, help: ArgumentHelp("Keymap file applied over the defaults for --list.", valueName: "file"))
    var keymap: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = UILanguage.fromEnvironment(environment)
        if let check {
            let text = try SpellInputs.read([check], language: language, eightBit: .refused)[0].text
            var scratch = DeskKeymap()
            let problems = scratch.load(text, file: check, catalogue: AppActions.catalogue)
            for problem in problems { print(problem) }
            if !problems.isEmpty { throw ExitCode(1) }
            print(Strings.keymapValid(check)(language))
            return
        }
        guard list else { throw Failed(message: "keys: --check FILE | --list", status: 2) }
        let config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: keymap, environment: environment)
        let (bindings, problems) = KeyBindings.load(userFile: config.keymapPath)
        for problem in problems { ConsoleError.write("bientap: \(problem)\n") }
        print(KeyBindings.listing(bindings, language: language), terminator: "")
    }
}

struct Spell: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spell",
        abstract: "Check the Vietnamese spelling of files (or standard input: -).",
        discussion: """
        One finding a line: FILE:LINE:COL: WORD: message (suggestions: a, b); lines and columns \
        count from 1, columns in characters. Exit status 0 when there is no misspelling or \
        misused word (style notes do not count), 1 when there is, 2 on a usage or I/O error. \
        Words in ~/.config/bientap/dictionary.txt (one a line) are accepted.
        """)

    @Option(name: .long, help: "text (one finding a line) or jsonl (one JSON object a line).")
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("""
        House style, comma-separated: old (hoà) or new (hòa) tone marks, and the spelling to \
        write where two are right (hằng or hàng năm, tỷ or tỉ, lý or lí, kỹ or kĩ, kỷ or kỉ, mỹ or mĩ, \
        sỹ or sĩ, quý or quí); what it leaves out is accepted either way (a mix of tone styles \
        is noted). The other spelling draws a style note.
        """, valueName: "old|new,hằng|hàng,tỷ|tỉ,…"))
    var style: String?

    @Argument(help: ArgumentHelp("Files to check; - reads standard input.", valueName: "file"))
    var files: [String] = []

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = UILanguage.fromEnvironment(environment)
        guard let format = SpellReport.Format(rawValue: format) else {
            throw Failed(message: "--format: text | jsonl", status: 2)
        }
        let houseStyle = try SpellInputs.houseStyle(style, language: language)
        let inputs = try SpellInputs.read(files.isEmpty ? ["-"] : files, language: language)
        let userDictionary = ClientConfiguration.configDirectory(environment: environment).appendingPathComponent("dictionary.txt").path
        let lexicon = Lexicon.standard(user: userDictionary)
        if !lexicon.hasSyllables { ConsoleError.write("bientap: \(Strings.spellNoDictionary(language))\n") }
        var checker = SpellChecker(lexicon: lexicon, style: houseStyle.tone)
        checker.preferredVariants = houseStyle.variants
        var errors = 0
        var out = ""
        for (name, text) in inputs {
            for finding in checker.check(text) {
                if SpellReport.isError(finding) { errors += 1 }
                out += (format == .text ? SpellReport.textLine(finding, file: name, language: language)
                    : SpellReport.jsonLine(finding, file: name, language: language)) + "\n"
                if out.utf8.count > 1 << 16 { print(out, terminator: ""); out = "" }
            }
        }
        print(out, terminator: "")
        ConsoleOutput.flush()
        if errors > 0 { throw ExitCode(1) }
    }
}

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Write a file (or standard input: -) back as NFC Unicode, tone marks in one style if asked.",
        discussion: """
        Text typed with the old TCVN3 (.VnTime) or VNI-Windows fonts, pasted as Unicode or saved \
        as 8-bit bytes, is converted to Unicode: detected by itself (--from auto, the default), \
        or named with --from tcvn3 / --from vni; --from unicode converts nothing.
        """)

    @Option(name: .long, help: ArgumentHelp("Encoding of the input: auto, tcvn3, vni or unicode.", valueName: "auto|tcvn3|vni|unicode"))
    var from: String = "auto"

    @Option(name: .long, help: ArgumentHelp("Place tone marks in this style: old (hoà) or new (hòa).", valueName: "old|new"))
    var style: String?

    @Argument(help: ArgumentHelp("The file; - reads standard input.", valueName: "file"))
    var file: String = "-"

    func run() throws {
        let language = UILanguage.fromEnvironment(ProcessInfo.processInfo.environment)
        let houseStyle = try SpellInputs.style(style, language: language)
        let named: LegacyEncoding?
        switch from {
        case "auto", "unicode": named = nil
        default:
            guard let encoding = LegacyEncoding(rawValue: from) else {
                throw Failed(message: "--from: auto | tcvn3 | vni | unicode", status: 2)
            }
            named = encoding
        }
        let eightBit: SpellInputs.EightBit = named != nil ? .accepted : from == "unicode" ? .refused : .ifRecognised
        var text = try SpellInputs.read([file], language: language, eightBit: eightBit)[0].text
        if let encoding = named ?? (from == "auto" ? LegacyEncoding.detect(text) : nil) {
            text = encoding.convert(text)
            if named == nil { ConsoleError.write("bientap: \(file): \(Strings.normalizeConverted(encoding)(language))\n") }
        }
        print(houseStyle.map { Normalization.nfc(text, toneStyle: $0) } ?? Normalization.nfc(text), terminator: "")
        ConsoleOutput.flush()
    }
}

/// Files named on the command line, read whole; a failure is exit status 2.
enum SpellInputs {
    /// `bientap spell`'s --style option: a tone style (old or new) and the spellings
    /// the house writes where two are right (`SpellChecker.variantNames`), comma-separated;
    /// anything else, or both sides of one choice, is a usage error.
    static func houseStyle(_ option: String?, language: UILanguage) throws -> (tone: ToneStyle?, variants: Set<String>) {
        guard let option else { return (nil, []) }
        var tone: ToneStyle?
        var variants: Set<String> = []
        let pairs = ["old|new"] + SpellChecker.variantChoices.map { $0.names.0 + "|" + $0.names.1 }
        for part in option.split(separator: ",") {
            let name = Normalization.nfc(part.trimmingCharacters(in: .whitespaces).lowercased())
            if let style = ToneStyle(rawValue: name) {
                guard tone == nil || tone == style else {
                    throw Failed(message: Strings.styleBothSides("old", "new")(language), status: 2)
                }
                tone = style
            } else if SpellChecker.variantNames.contains(name) {
                variants.insert(name)
            } else {
                throw unknownStyle(name, choices: pairs, language: language)
            }
        }
        for choice in SpellChecker.variantChoices where variants.contains(choice.names.0) && variants.contains(choice.names.1) {
            throw Failed(message: Strings.styleBothSides(choice.names.0, choice.names.1)(language), status: 2)
        }
        return (tone, variants)
    }

    /// The --style option: nil, old or new; anything else is a usage error.
    static func style(_ option: String?, language: UILanguage) throws -> ToneStyle? {
        guard let option else { return nil }
        guard let style = ToneStyle(rawValue: option) else { throw unknownStyle(option, choices: ["old|new"], language: language) }
        return style
    }

    /// A --style naming no choice: quoted back (cut short; the terminal's safety is `Failed`'s), with the choices.
    private static func unknownStyle(_ name: String, choices: [String], language: UILanguage) -> Failed {
        let shown = name.count > 40 ? name.prefix(40) + "…" : name
        return Failed(message: Strings.styleUnknown(shown, choices: choices.joined(separator: ", "))(language), status: 2)
    }

    /// What becomes of a file that is not UTF-8: read as 8-bit text in a
    /// legacy Vietnamese encoding the caller named, when one is recognised, or refused.
    enum EightBit { case accepted, ifRecognised, refused }

    static func read(_ names: [String], language: UILanguage, eightBit: EightBit = .ifRecognised) throws -> [(name: String, text: String)] {
        try names.map { name in
            let data: Data
            if name == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                // Read through a handle, not `FileManager.contents(atPath:)`, which answers nil for
                // what is not a regular file: a pipe (`bientap spell <(…)`) or /dev/stdin.
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory)
                guard exists, !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: name),
                      let contents = try? handle.readToEnd() ?? Data() else {
                    let reason = !exists ? Strings.noSuchFile : isDirectory.boolValue ? Strings.isDirectory : Strings.notReadable
                    throw Failed(message: Strings.spellCannotRead(name, reason)(language), status: 2)
                }
                try? handle.close()
                data = contents
            }
            if let text = String(data: data, encoding: .utf8) { return (name, text) }
            let legacy = LegacyEncoding.windows1252([UInt8](data))
            guard eightBit == .accepted || (eightBit == .ifRecognised && LegacyEncoding.detect(legacy) != nil) else {
                throw Failed(message: Strings.spellCannotRead(name, Strings.notUTF8)(language), status: 2)
            }
            return (name, legacy)
        }
    }
}

/// Opens the terminal, runs the app, and restores the terminal.
enum Session {
    static func run(portal: String, token: String, configuration: ClientConfiguration, isDemo: Bool = false) throws {
        let language = configuration.language
        let lanes: PortalLanes
        let backend = PortalConnection.backend(configuration.backend, portal: portal, token: token)
        do {
            lanes = try PortalConnection.lanes(portal: portal, token: token, backend: backend)
        } catch is PortalConnection.WordPressTokenShape {
            throw Failed(message: Strings.wordPressTokenShape(language))
        } catch {
            throw Failed(message: Strings.portalError(error, portal: portal)(language))
        }
        let (keymap, notice) = Terminal.keymap(configuration.keymapPath, language: language)
        let screen = try Terminal.open(language: language, mouse: configuration.mouse)
        defer { screen.shutdown() }
        let state = AppState(language: language, portal: portal, keymap: keymap, theme: configuration.theme,
                             cursorStyle: configuration.cursorStyle, width: screen.width, height: screen.height,
                             startupNotice: notice,
                             refreshInterval: configuration.refreshIsSet ? configuration.refreshSeconds : backend.defaultRefreshSeconds,
                             journal: Journal(environment: ProcessInfo.processInfo.environment),
                             inputMethod: configuration.inputMethod, isDemo: isDemo)
        NewsroomApp(portal: lanes, state: state).run(on: screen)
    }
}

/// What every full-screen command does before it starts.
enum Terminal {
    /// The keymap in force; its mistakes go to stderr and the first one, for
    /// the status bar, comes back as a notice.
    static func keymap(_ userFile: String?, language: UILanguage) -> (DeskKeymap, String?) {
        let (keymap, problems) = KeyBindings.load(userFile: userFile)
        for problem in problems { ConsoleError.write("bientap: \(problem)\n") }
        return (keymap, problems.first.map { Strings.keymapProblems(problems.count, first: $0)(language) })
    }

    static func open(language: UILanguage, mouse: Bool) throws -> NcursesScreen {
        do {
            return try NcursesScreen(mouse: mouse)
        } catch {
            throw failure(error, language: language)
        }
    }

    /// Refuses, before anything is started or sent, a terminal the full screen cannot be drawn on.
    static func check(language: UILanguage) throws {
        do {
            try NcursesScreen.checkTerminal()
        } catch {
            throw failure(error, language: language)
        }
    }

    private static func failure(_ error: Error, language: UILanguage) -> Failed {
        switch (error as? NcursesScreen.Unavailable)?.reason {
        case .terminalTypeUnset?: return Failed(message: Strings.terminalTypeUnset(language))
        case .terminalTypeUnusable(let name)?: return Failed(message: Strings.terminalTypeUnusable(name)(language))
        default: return Failed(message: Strings.notATerminal("\(error)")(language))
        }
    }
}

/// A failure reported as one line on stderr with an exit status (1 unless
/// said otherwise), never a stack trace.
struct Failed: Error, CustomStringConvertible {
    var message: String
    var status: Int32 = 1
    var description: String { message }
}

do {
    var command = try BienTap.parseAsRoot()
    try command.run()
} catch let failure as Failed {
    // Messages quote what the portal said (its errors, names, addresses): shown safely.
    ConsoleError.write("bientap: \(TerminalSafeText.lines(failure.message))\n")
    exit(failure.status)
} catch {
    // Help, and the exit statuses commands throw, as the parser has them.
    let status = BienTap.exitCode(for: error)
    guard status != .success, !(error is ExitCode) else { BienTap.exit(withError: error) }
    // A mistake on the command line, in the user's language; spell and normalize
    // promise exit status 2 for usage errors.
    let language = UILanguage.fromEnvironment(ProcessInfo.processInfo.environment)
    ConsoleError.write(TerminalSafeText.lines(ArgumentErrorText.report(error, language: language)) + "\n")
    exit(["spell", "normalize"].contains(CommandLine.arguments.dropFirst().first ?? "") ? 2 : status.rawValue)
}
