import ArgumentParser
import BienTapApp
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI

struct Social: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "social",
        abstract: "The social queue (Zalo OA, Facebook Page): list the posts; retry, cancel, resolve or edit one.",
        discussion: """
        Without a subcommand, lists the posts (as `bientap social list`). Statuses: queued, \
        sending, posted, retry_wait, failed, uncertain, cancelled. A post the portal could not \
        tell went out is uncertain and never sent again by itself: look at the page, then \
        `resolve ID --posted --link URL` or `resolve ID --send-again`. Running an act again is \
        safe: a post already where it would leave it is said as done, exit status 0.
        """,
        subcommands: [SocialList.self, SocialRetry.self, SocialCancel.self, SocialResolve.self, SocialEdit.self],
        defaultSubcommand: SocialList.self)
}

extension Desk {
    /// `body` for the social queue: a refusal by status, or by role, said in words.
    func social<T>(_ body: () throws -> T) throws -> T {
        try run {
            do {
                return try body()
            } catch let refusal as DeskCommands.SocialPostStateRefusal {
                throw Failed(message: commands.explain(refusal))
            } catch let error as PortalError where error.apiCode == .forbidden {
                throw Failed(message: Strings.socialForbidden(language) + " (" + Desk.explain(error, portal: portal, language: language) + ")")
            }
        }
    }

    /// Does `act` on post `id` and prints where it stands.
    func social(_ act: DeskCommands.SocialAct, id: Int64) throws {
        print(commands.report(try social { try commands.social(act, id: id) }))
    }
}

struct SocialList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the social posts, newest first: every status, or those given.")

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: ArgumentHelp("Statuses to list (comma-separated or repeated; default: every one).", valueName: "status"))
    var status: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only this channel: zalo or facebook.", valueName: "channel"))
    var channel: String?

    @Option(name: .long, help: ArgumentHelp("Only this site (its code).", valueName: "code"))
    var site: String?

    @Option(name: .long, help: ArgumentHelp("table (aligned columns) or jsonl (one JSON object per line).", valueName: "format"))
    var format: String = "table"

    func run() throws {
        let desk = try Desk(connection)
        var statuses: [SocialPostStatus] = []
        for value in status {
            guard let parsed = SocialPostStatus.parseList(value) else {
                throw Failed(message: "--status: \(value) (" + SocialPostStatus.allCases.map(\.rawValue).joined(separator: ", ") + ")", status: 2)
            }
            statuses += parsed.filter { !statuses.contains($0) }
        }
        if let channel, !["zalo", "facebook"].contains(channel) { throw Failed(message: "--channel: zalo | facebook", status: 2) }
        guard let format = DeskCommands.Format(rawValue: format), [.table, .jsonl].contains(format) else {
            throw Failed(message: "--format: table | jsonl", status: 2)
        }
        let width = NcursesScreen.terminalSize()?.columns
        print(try desk.social { try desk.commands.socialPosts(statuses: statuses, channel: channel, site: site, format: format, width: width) },
              terminator: "")
    }
}

/// The portal, the account and the post an act is on.
struct SocialPostArguments: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The post's number.")
    var id: Int64
}

struct SocialRetry: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: "Queue a failed or uncertain post again.")

    @OptionGroup var post: SocialPostArguments

    func run() throws { try Desk(post.connection).social(.retry, id: post.id) }
}

struct SocialCancel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a post that has not gone out.")

    @OptionGroup var post: SocialPostArguments

    func run() throws { try Desk(post.connection).social(.cancel, id: post.id) }
}

struct SocialResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve an uncertain post: it is on the page (--posted --link URL), or it is not (--send-again).")

    @OptionGroup var post: SocialPostArguments

    @Flag(name: .long, help: "The post is on the page: record it posted (needs --link).")
    var posted = false

    @Option(name: .long, help: ArgumentHelp("The post's address on the channel.", valueName: "url"))
    var link: String?

    @Flag(name: .long, help: "The post is not on the page: send it again.")
    var sendAgain = false

    func run() throws {
        let desk = try Desk(post.connection)
        let act: DeskCommands.SocialAct
        switch (posted, sendAgain, link) {
        case (true, false, let link?) where !link.trimmingCharacters(in: .whitespaces).isEmpty: act = .resolvePosted(link: link)
        case (false, true, nil): act = .sendAgain
        default: throw Failed(message: Strings.socialResolveHow(desk.language), status: 2)
        }
        try desk.social(act, id: post.id)
    }
}

struct SocialEdit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change the text of a post not sent yet.")

    @OptionGroup var post: SocialPostArguments

    @Option(name: .long, help: ArgumentHelp("The new text (up to 2,000 characters).", valueName: "text"))
    var text: String?

    func run() throws {
        let desk = try Desk(post.connection)
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Failed(message: Strings.socialTextRequired(desk.language), status: 2)
        }
        try desk.social(.edit(text: text), id: post.id)
    }
}
