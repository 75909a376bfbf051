import ArgumentParser
import Console
import Foundation
import NewsroomKit
import PortalServer

/// Role and sites as the user subcommands take them: `--role R [--site S …]`; no site: every site.
struct GrantOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("contributor, editor, publisher, accountant or admin.", valueName: "role"))
    var role: String

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Site code the role applies to; repeat for several; none: every site.", valueName: "code"))
    var site: [String] = []

    func grants() throws -> [Grant] {
        guard let role = Role(rawValue: role) else { throw Failed(PortalMessages.unknownRole(self.role)) }
        return site.isEmpty ? [Grant(role: role, site: nil)] : site.map { Grant(role: role, site: $0) }
    }
}

/// Runs `body` on the opened store, closes it, and turns the store's refusals into one-line messages.
func withStore<T>(_ database: DatabaseOption, _ body: (Store) async throws -> T) async throws -> T {
    let store = try await database.open()
    do {
        let result = try await body(store)
        try await store.close()
        return result
    } catch {
        try? await store.close()
        switch error {
        case let unknown as Store.UnknownSite: throw Failed(PortalMessages.unknownSite(unknown.code, known: unknown.known))
        case let exists as Store.UserExists: throw Failed(PortalMessages.userExists(exists.name))
        case let missing as Store.UnknownUser: throw Failed(PortalMessages.unknownUser(missing.name))
        default: throw error
        }
    }
}

struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create a user and print a new access token (90 days), alone on the last line.")

    @Argument(help: "Login name.")
    var name: String

    @OptionGroup var grant: GrantOptions

    @Option(name: .long, help: ArgumentHelp("Name shown in the interface (default: the login name).", valueName: "text"))
    var displayName: String?

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let grants = try grant.grants()
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(where: { $0.isWhitespace }) else { throw Failed(PortalMessages.badUserName(name)) }
        let token = try await withStore(database) { try await $0.addUser(name: trimmed, displayName: displayName ?? trimmed, grants: grants) }
        PortalOutput.say(PortalMessages.userCreated(trimmed, role: grant.role, sites: grant.site))
        PortalOutput.say(token)
    }
}

struct UserPasswd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Set a user's password (asked twice on a terminal, else the first line of standard input); signs out their sessions.")

    @Argument(help: "Login name.")
    var name: String

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let tooShort = Failed(PortalMessages.passwordTooShort(Store.minimumPasswordLength))
        guard let password = ConsoleInput.hiddenLine(prompt: PortalMessages.passwordPrompt) else { throw tooShort }
        if isatty(STDIN_FILENO) != 0 {
            guard let again = ConsoleInput.hiddenLine(prompt: PortalMessages.passwordAgain) else { throw tooShort }
            guard password == again else { throw Failed(PortalMessages.passwordsDiffer) }
        }
        guard password.count >= Store.minimumPasswordLength else { throw tooShort }
        try await withStore(database) { try await $0.setPassword(name: name, password: password) }
        PortalOutput.say(PortalMessages.passwordSet(name))
    }
}

struct UserGrant: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grant", abstract: "Give a user a role on sites (or on every site).")

    @Argument(help: "Login name.")
    var name: String

    @OptionGroup var grant: GrantOptions
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let grants = try grant.grants()
        let added = try await withStore(database) { try await $0.grant(name: name, grants) }
        PortalOutput.say(PortalMessages.granted(name, added.count))
    }
}

struct UserRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Take a role from a user (--role, --site), or sign out every session and token they have (--tokens).")

    @Argument(help: "Login name.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("The role to take away.", valueName: "role"))
    var role: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Site code; repeat for several; none: the every-site grant.", valueName: "code"))
    var site: [String] = []

    @Flag(name: .long, help: "Revoke every live token of the user instead.")
    var tokens = false

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        if tokens {
            let count = try await withStore(database) { try await $0.revokeTokens(name: name) }
            PortalOutput.say(PortalMessages.tokensRevoked(name, count))
            return
        }
        guard let role else { throw Failed(PortalMessages.revokeWhat) }
        let grants = try GrantOptions.parse(["--role", role] + site.flatMap { ["--site", $0] }).grants()
        let removed = try await withStore(database) { try await $0.revoke(name: name, grants) }
        PortalOutput.say(PortalMessages.revoked(name, removed))
    }
}

struct UserUnlock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Forget a user's failed sign-ins, so their next try does not wait (from every address, or --address).")

    @Argument(help: "Login name.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("Only the failures from this address.", valueName: "ip"))
    var address: String?

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let count = try await withStore(database) { try await $0.clearSignInFailures(name: name, peer: address) }
        PortalOutput.say(PortalMessages.unlocked(name, count))
    }
}

struct UserList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users, their roles per site, and how they sign in.")

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let accounts = try await withStore(database) { try await $0.accounts() }
        for account in accounts {
            let grants = account.grants.map { "\($0.role.rawValue)@\($0.site ?? "*")" }.joined(separator: " ")
            let how = [account.hasPassword ? PortalMessages.hasPassword : nil, account.hasSecondFactor ? "TOTP" : nil].compactMap { $0 }
            PortalOutput.row([account.name, account.displayName, grants.isEmpty ? "-" : grants,
                   how.isEmpty ? "-" : how.joined(separator: "+"), PortalMessages.liveTokens(account.liveTokens)])
        }
    }
}

struct UserToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue a new API token for scripts and cron, alone on the last line.")

    @Argument(help: "Login name.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("Days the token lives (1 to 366).", valueName: "n"))
    var days: Int = 90

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        guard (1...366).contains(days) else { throw Failed(PortalMessages.badDays(days)) }
        let issued = try await withStore(database) { try await $0.issueToken(name: name, lifetime: TimeInterval(days) * 86400) }
        PortalOutput.say(PortalMessages.tokenIssued(name, until: issued.expiresAt))
        PortalOutput.say(issued.token)
    }
}

struct UserSecondFactor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "totp",
        abstract: "Turn on a user's second factor (prints the otpauth:// address for their authenticator app), or off with --off.")

    @Argument(help: "Login name.")
    var name: String

    @Flag(name: .long, help: "Turn the second factor off.")
    var off = false

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let secret = try await withStore(database) { try await $0.setSecondFactor(name: name, enabled: !off) }
        guard let secret else {
            PortalOutput.say(PortalMessages.secondFactorOff(name))
            return
        }
        PortalOutput.say(PortalMessages.secondFactorOn(name, secret: Base32.encode(secret)))
        PortalOutput.say(TOTP(secret: secret).authenticatorURL(account: name, issuer: "bientap"))
    }
}

/// A failure reported as one line on stderr with exit status 1.
struct Failed: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
