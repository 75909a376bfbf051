import ArgumentParser
import BienTapApp
import Console
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText
import WordPressClient

/// The portal and the account a command works with, and the desk over them.
struct Desk {
    let commands: DeskCommands
    let client: any PortalAPI
    let portal: String
    let language: UILanguage

    init(_ options: ConnectionOptions) throws {
        let (config, portal, token) = try options.resolved(usageStatus: 2)
        language = config.language
        self.portal = portal
        do {
            client = try PortalConnection.client(portal: portal, token: token,
                                                 backend: PortalConnection.backend(config.backend, portal: portal, token: token))
        } catch is PortalConnection.WordPressTokenShape {
            throw Failed(message: Strings.wordPressTokenShape(language), status: 2)
        } catch {
            throw Failed(message: Strings.portalError(error, portal: portal)(language), status: 2)
        }
        commands = DeskCommands(client: client, language: language)
    }

    /// `body`, with the portal's refusals and lost connections as one line on stderr.
    func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failed as Failed {
            throw failed
        } catch let refusal as DeskCommands.LedgerRefusal {
            throw Failed(message: commands.explain(refusal))
        } catch is DeskCommands.NoLedgerSite {
            throw Failed(message: Strings.keepsNoLedger(language))
        } catch {
            throw Failed(message: Desk.explain(error, portal: portal, language: language))
        }
    }

    /// A failed call to the portal as one line: what failed, and why when there is more to say.
    static func explain(_ error: Error, portal: String, language: UILanguage) -> String {
        [Strings.portalError(error, portal: portal)(language), Strings.errorDetail(error, language: language)]
            .compactMap { $0 }.joined(separator: " ")
    }

    /// A decision that must say why (a return, a rejection): refused without `text`.
    func decide(_ id: Int64, _ action: WorkflowAction, saying text: String, else missing: Localized) throws {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw Failed(message: missing(language), status: 2) }
        report(try run { try commands.decide(id: id, TransitionRequest(action: action, note: text)) })
    }

    /// Prints what a decision left the item as (`at`: when a scheduled one goes out).
    func report(_ item: Submission, at: Date? = nil) {
        if item.summary.status == .scheduled, let at {
            print(Strings.scheduledFor(item.summary.id, at: DateText.full(at))(language))
        } else {
            print(Strings.decided(item.summary.id, status: item.summary.status)(language))
        }
    }
}

private func language() -> UILanguage { UILanguage.fromEnvironment(ProcessInfo.processInfo.environment) }

struct Login: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sign in to a portal with your password (and authentication code); the token is kept for the other commands.",
        discussion: """
        The password is read with echo off on a terminal, or as the first line of standard \
        input (for scripts). The token goes to ~/.config/bientap/credentials (mode 600) and \
        is used when neither --token, BIENTAP_TOKEN nor config.toml gives one. A WordPress \
        site (--backend wordpress, or found by asking its /wp-json/) takes an Application \
        Password made in the user's profile; it is checked, then kept as login:password.
        """)

    @Option(name: .long, help: ArgumentHelp("Portal base URL (default: BIENTAP_PORTAL or config.toml).", valueName: "url"))
    var portal: String?

    @Option(name: .long, help: ArgumentHelp("The portal's API: bientap, wordpress or auto (default: ask the site).", valueName: "backend"))
    var backend: String?

    @Argument(help: ArgumentHelp("Portal base URL (the same as --portal).", valueName: "url"))
    var url: String?

    @Option(name: .long, help: ArgumentHelp("Login name (asked when not given).", valueName: "name"))
    var user: String?

    @Option(name: .long, help: ArgumentHelp("The code of your authenticator app, if your account has one (asked when needed).", valueName: "code"))
    var code: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = language()
        let config = try? ClientConfiguration.resolve(portalFlag: url ?? portal, tokenFlag: nil, keymapFlag: nil, environment: environment)
        guard let portal = url ?? portal ?? config?.portal else { throw Failed(message: Strings.missingPortal(language), status: 2) }
        guard let backend = PortalBackend(rawValue: backend ?? "auto") else {
            throw Failed(message: "--backend: auto | bientap | wordpress", status: 2)
        }
        var name = user
        if name == nil {
            ConsoleError.write(Strings.userPrompt(language))
            name = readLine(strippingNewline: true)
        }
        guard let name, !name.isEmpty else { throw Failed(message: Strings.userRequired(language), status: 2) }
        if backend == .wordpress || (backend == .auto && WordPressClient.detect(baseURL: portal)) {
            try wordPress(portal: portal, name: name, environment: environment, language: language)
            return
        }
        guard let password = ConsoleInput.hiddenLine(prompt: Strings.passwordPrompt(language)) else {
            throw Failed(message: Strings.passwordRequired(language), status: 2)
        }
        var code = self.code
        var answer: SignInAnswer?
        while answer == nil {
            do {
                answer = try AdminClient.signIn(baseURL: portal, name: name, password: password, code: code)
            } catch let error as PortalError where error.apiCode == .secondFactorRequired && code == nil {
                code = ConsoleInput.hiddenLine(prompt: Strings.codePrompt(language)) ?? ""
            } catch {
                throw Failed(message: Desk.explain(error, portal: portal, language: language))
            }
        }
        guard let signedIn = answer else { return }
        let credentials = Credentials(portal: portal, user: name, token: signedIn.token, expiresAt: signedIn.expiresAt)
        do {
            try credentials.save(environment: environment)
        } catch {
            throw Failed(message: "\(Credentials.path(environment: environment)): " + Strings.fileReason(error)(language))
        }
        print(Strings.signedIn(TerminalSafeText.line(signedIn.me.displayName), portal: portal, until: DateText.full(signedIn.expiresAt),
                               file: Credentials.path(environment: environment))(language))
    }

    /// A WordPress site: the Application Password is checked (`users/me`), then kept.
    private func wordPress(portal: String, name: String, environment: [String: String], language: UILanguage) throws {
        guard let password = ConsoleInput.hiddenLine(prompt: Strings.applicationPasswordPrompt(language)), !password.isEmpty else {
            throw Failed(message: Strings.passwordRequired(language), status: 2)
        }
        // WordPress shows the password in groups of four; the spaces are not part of it.
        let token = name + ":" + password.filter { !$0.isWhitespace }
        let me: Me
        do {
            me = try PortalConnection.client(portal: portal, token: token, backend: .wordpress).me()
        } catch is PortalConnection.WordPressTokenShape {
            throw Failed(message: Strings.wordPressTokenShape(language), status: 2)
        } catch {
            throw Failed(message: Desk.explain(error, portal: portal, language: language))
        }
        let credentials = Credentials(portal: portal, user: name, token: token, expiresAt: nil, backend: PortalBackend.wordpress.rawValue)
        do {
            try credentials.save(environment: environment)
        } catch {
            throw Failed(message: "\(Credentials.path(environment: environment)): " + Strings.fileReason(error)(language))
        }
        print(Strings.signedInWordPress(TerminalSafeText.line(me.displayName), portal: portal,
                                        file: Credentials.path(environment: environment))(language))
    }
}

struct Logout: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Sign out: the portal revokes the kept token and the credentials file is removed.")

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = language()
        guard let kept = Credentials.load(environment: environment, now: .distantPast) else {
            print(Strings.notSignedIn(language))
            return
        }
        // Revoked at the portal when it can be reached; forgotten here in any case.
        let backend = kept.backend.flatMap(PortalBackend.init(rawValue:)) ?? .bientap
        try? PortalConnection.client(portal: kept.portal, token: kept.token, backend: backend).signOut()
        Credentials.remove(environment: environment)
        print(Strings.signedOut(language))
    }
}

struct Queue: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the queue: the waiting items, or those of the statuses given, every page.",
        discussion: "Statuses: submitted, in_review, returned, resubmitted, approved, scheduled, published, rejected, withdrawn (comma-separated or repeated).")

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: ArgumentHelp("Statuses to list (default: submitted,resubmitted).", valueName: "status"))
    var status: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only this site (its code).", valueName: "code"))
    var site: String?

    @Option(name: .long, help: ArgumentHelp("table (aligned columns) or jsonl (one JSON object per line).", valueName: "format"))
    var format: String = "table"

    func run() throws {
        let desk = try Desk(connection)
        var statuses: [SubmissionStatus] = []
        for value in status {
            guard let parsed = SubmissionStatus.parseList(value) else { throw Failed(message: "--status: \(value)", status: 2) }
            statuses += parsed
        }
        guard let format = DeskCommands.Format(rawValue: format), [.table, .jsonl].contains(format) else {
            throw Failed(message: "--format: table | jsonl", status: 2)
        }
        let width = NcursesScreen.terminalSize()?.columns
        print(try desk.run { try desk.commands.queue(statuses: statuses, site: site, format: format, width: width) }, terminator: "")
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one item: its text and what is known about it.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The item's number.")
    var id: Int64

    @Option(name: .long, help: ArgumentHelp("text or json.", valueName: "format"))
    var format: String = "text"

    func run() throws {
        let desk = try Desk(connection)
        guard let format = DeskCommands.Format(rawValue: format), [.text, .json].contains(format) else {
            throw Failed(message: "--format: text | json", status: 2)
        }
        print(try desk.run { try desk.commands.show(id: id, format: format) }, terminator: "")
    }
}

struct Submit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send a draft to the editorial board (for contributors): the body from FILE (UTF-8, or TCVN3/VNI, which is converted).",
        discussion: "Photos: --photo FILE, with --caption and --credit given in the same order as the photos.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: ArgumentHelp("The body, in the portal's Markdown subset.", valueName: "file"))
    var file: String

    @Option(name: .long, help: "The title.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The site's code.", valueName: "code"))
    var site: String

    @Option(name: .long, help: "The sapo (the summary under the title).")
    var sapo: String = ""

    @Option(name: .long, help: ArgumentHelp("news, article, photo_story, document, …", valueName: "category"))
    var category: String = "news"

    @Option(name: .long, help: ArgumentHelp("A photo to attach (repeat for several).", valueName: "file"))
    var photo: [String] = []

    @Option(name: .long, help: "A photo's caption, in the order of the photos.")
    var caption: [String] = []

    @Option(name: .long, help: "Who took a photo, in the order of the photos.")
    var credit: [String] = []

    func run() throws {
        let desk = try Desk(connection)
        let language = desk.language
        guard let category = NewsroomKit.Category(rawValue: category) else {
            throw Failed(message: "--category: " + NewsroomKit.Category.allCases.map(\.rawValue).joined(separator: " | "), status: 2)
        }
        let body = try SpellInputs.read([file], language: language, eightBit: .ifRecognised)[0].text
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Failed(message: "\(file): " + Strings.emptyFile(language), status: 2) }
        var photos: [AttachmentUpload] = []
        for (i, path) in photo.enumerated() {
            guard let data = FileManager.default.contents(atPath: path) else { throw Failed(message: "\(path): " + Strings.cannotRead(language), status: 2) }
            photos.append(AttachmentUpload(filename: (path as NSString).lastPathComponent, data: data,
                                           caption: i < caption.count ? caption[i] : "", credit: i < credit.count ? credit[i] : ""))
        }
        let draft = SubmissionDraft(site: site, title: title, sapo: sapo, body: body, category: category,
                                    attachments: photos.isEmpty ? nil : photos)
        let item = try desk.run { try desk.commands.submit(draft) }
        print(Strings.submitted(item.summary.id, words: item.summary.words)(language))
    }
}

/// A royalty grading as an approval or a correction names it: a genre of the rate table and
/// a coefficient within its range, or a fixed amount in đồng.
struct GradingOptions: ParsableArguments {
    @Option(name: .long, help: "The genre, as the rate table names it.")
    var genre: String?

    @Option(name: .long, help: "The coefficient, within the genre's range.")
    var coefficient: Double?

    @Option(name: .long, help: "A fixed amount in đồng, for genres paid so.")
    var amount: Int64?

    /// The grading; a usage error (status 2) without a genre and exactly one of the two.
    func checked(_ language: UILanguage) throws -> Grading {
        guard let genre, (coefficient == nil) != (amount == nil) else { throw Failed(message: Strings.gradingRequired(language), status: 2) }
        return Grading(genre: genre, coefficient: coefficient, amount: amount)
    }
}

struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Approve an item with its royalty grading (claiming it first if it is still waiting).",
        discussion: "The grading names a genre of the active rate table and a coefficient within its range, or a fixed amount in đồng.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The item's number.")
    var id: Int64

    @OptionGroup var grading: GradingOptions

    @Option(name: .long, help: ArgumentHelp("A social channel to queue the item on: zalo or facebook (repeat for both).", valueName: "channel"))
    var channel: [String] = []

    @Option(name: .long, help: ArgumentHelp("The text posted on the social channels (the sapo when not given).", valueName: "text"))
    var message: String?

    @Option(name: .long, help: ArgumentHelp("A co-author's share in percent, as contributor number=percent (repeat for each; the shares given replace the item's co-authors).",
                                            valueName: "id=percent"))
    var share: [String] = []

    @Option(name: .long, help: ArgumentHelp("A photo's grading, as photo number=coefficient[:genre], the genre anh when not given (repeat for each; a photo left out, or without a credited contributor, pays no one).",
                                            valueName: "n=coef[:genre]"))
    var photo: [String] = []

    @Option(name: .long, help: "A note for the history.")
    var note: String = ""

    func run() throws {
        let desk = try Desk(connection)
        let grading = try self.grading.checked(desk.language)
        let photos = try photo.map { text in
            guard let graded = PhotoGrading.option(text) else { throw Failed(message: Strings.photoOptionUnreadable(text)(desk.language), status: 2) }
            return graded
        }
        var shares: [CoAuthorShare] = []
        for text in share {
            let parts = text.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let contributor = Int64(parts[0]), let percent = CoAuthorShare.percent(parts[1]) else {
                throw Failed(message: Strings.shareOptionUnreadable(text)(desk.language), status: 2)
            }
            shares.append(CoAuthorShare(contributorId: contributor, share: percent))
        }
        if message != nil && channel.isEmpty { throw Failed(message: Strings.messageWithoutChannel(desk.language), status: 2) }
        let request = TransitionRequest(action: .approve, note: note, grading: grading,
                                        channels: channel, socialMessage: message, coAuthors: share.isEmpty ? nil : shares,
                                        photos: photos.isEmpty ? nil : photos)
        desk.report(try desk.run { try desk.commands.decide(id: id, request) })
    }
}

struct Return: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "return", abstract: "Return an item to its contributor with a note saying what to fix.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The item's number.")
    var id: Int64

    @Option(name: .long, help: "What the contributor should fix.")
    var note: String = ""

    func run() throws {
        try Desk(connection).decide(id, .return, saying: note, else: Strings.noteRequired)
    }
}

struct Reject: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reject an item, saying why.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The item's number.")
    var id: Int64

    @Option(name: .long, help: "Why it is rejected.")
    var reason: String = ""

    func run() throws {
        try Desk(connection).decide(id, .reject, saying: reason, else: Strings.reasonRequired)
    }
}

struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Schedule an approved item (or move a scheduled one) to go out at a time, in Vietnam's time.",
        discussion: "--at: \"07:00 24/11/2026\", \"24/11 07:00\", \"+2h\", \"+30m\", \"tomorrow\"/\"ngày mai\" (07:00), \"monday\"/\"thứ hai\" (07:00), or RFC 3339.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The item's number.")
    var id: Int64

    @Option(name: .long, help: "When it goes out.")
    var at: String

    func run() throws {
        let desk = try Desk(connection)
        guard let moment = DeskCommands.moment(at) else { throw Failed(message: Strings.badMoment(at)(desk.language), status: 2) }
        guard moment > Date() else { throw Failed(message: Strings.pastMoment(desk.language), status: 2) }
        desk.report(try desk.run { try desk.commands.decide(id: id, TransitionRequest(action: .schedule, publishAt: moment)) }, at: moment)
    }
}

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Publish an approved or scheduled item now.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The item's number.")
    var id: Int64

    func run() throws {
        let desk = try Desk(connection)
        desk.report(try desk.run { try desk.commands.decide(id: id, TransitionRequest(action: .publish)) })
    }
}

struct Unpublish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a published item down: its page answers 410 Gone and its unsent social posts are cancelled.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The item's number.")
    var id: Int64

    @Option(name: .long, help: "Why it is taken down (kept in the item's history).")
    var reason: String = ""

    func run() throws {
        let desk = try Desk(connection)
        desk.report(try desk.run { try desk.commands.decide(id: id, TransitionRequest(action: .unpublish, note: reason)) })
    }
}
