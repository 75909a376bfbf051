import ArgumentParser
import Foundation
import NewsroomKit
import PortalServer
import SocialChannels

struct ChannelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "channel", abstract: "Social channels (Zalo OA, Facebook Page): credentials and delay.",
                                                    subcommands: [ChannelSet.self, ChannelList.self])
}

struct ChannelSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Store a channel's credentials (a secret left out keeps the stored one).",
        discussion: "Secrets on a command line show in the process list: prefer the environment, BIENTAP_CHANNEL_ACCESS_TOKEN, BIENTAP_CHANNEL_REFRESH_TOKEN and BIENTAP_CHANNEL_APP_SECRET.")

    @Argument(help: "zalo or facebook.")
    var channel: String

    @Option(name: .long, help: ArgumentHelp("Where the network's API answers (the real one, or a fake).", valueName: "url"))
    var baseURL: String

    @Option(name: .long, help: ArgumentHelp("Facebook's page id; Zalo's OA id.", valueName: "id"))
    var accountID: String

    @Option(name: .long, help: ArgumentHelp("Zalo: where tokens are renewed, when not at --base-url.", valueName: "url"))
    var authBaseURL: String?

    @Option(name: .long, help: ArgumentHelp("Zalo: the app's id.", valueName: "id"))
    var appID: String?

    @Option(name: .long, help: ArgumentHelp("Seconds between an item's publication and its post on this channel.", valueName: "n"))
    var delaySeconds: Int?

    @Option(name: .long, help: ArgumentHelp("The access token (default: $BIENTAP_CHANNEL_ACCESS_TOKEN).", valueName: "token"))
    var accessToken: String?

    @Option(name: .long, help: ArgumentHelp("Zalo: the refresh token (default: $BIENTAP_CHANNEL_REFRESH_TOKEN).", valueName: "token"))
    var refreshToken: String?

    @Option(name: .long, help: ArgumentHelp("Zalo: the app's secret (default: $BIENTAP_CHANNEL_APP_SECRET).", valueName: "secret"))
    var appSecret: String?

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        guard let named = SocialChannel(rawValue: channel) else { throw Failed(PortalMessages.unknownChannel(channel)) }
        // Secrets left out of the arguments come from the environment, kept out of `ps`.
        let environment = ProcessInfo.processInfo.environment
        let update = SocialChannelUpdate(baseUrl: baseURL, accountId: accountID,
                                         accessToken: accessToken ?? environment["BIENTAP_CHANNEL_ACCESS_TOKEN"],
                                         refreshToken: refreshToken ?? environment["BIENTAP_CHANNEL_REFRESH_TOKEN"],
                                         appId: appID, appSecret: appSecret ?? environment["BIENTAP_CHANNEL_APP_SECRET"], authBaseUrl: authBaseURL, delaySeconds: delaySeconds)
        guard let settings = try await withStore(database, { try await $0.setSocialChannel(named, update, by: "bientap-portal") }) else {
            throw Failed(PortalMessages.channelNeedsToken(channel))
        }
        PortalOutput.say(PortalMessages.channelSet(settings.channel, token: settings.accessToken ?? ""))
    }
}

struct ChannelList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Each channel: configured or not, its address, account, masked token and delay.")

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        for settings in try await withStore(database, { try await $0.socialChannelSettings() }) {
            PortalOutput.row([settings.channel, settings.configured ? "configured" : "-", settings.baseUrl ?? "", settings.accountId ?? "",
                   settings.accessToken ?? "", "\(settings.delaySeconds)s"])
        }
    }
}
