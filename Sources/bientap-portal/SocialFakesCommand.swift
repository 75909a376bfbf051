import ArgumentParser
import Console
import Foundation
import SocialFakes

/// Runs the loopback stand-ins for Facebook and Zalo, for the demo and for tests that drive
/// several portal processes. Each fake takes `POST /__control` on its port.
struct SocialFakesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "social-fakes",
        abstract: "Run local fakes of the Facebook Graph API and Zalo OA API on 127.0.0.1 until stopped.",
        discussion: """
            Prints one line per fake, its base URL and the credentials it accepts:
              facebook http://127.0.0.1:P page-id=… page-token=…
              zalo http://127.0.0.1:Q oa-id=… access-token=… refresh-token=… app-id=… secret-key=…
            """)

    @Option(name: .long, help: ArgumentHelp("Port of the Facebook fake; Zalo's is the next one (0 picks free ports).", valueName: "port"))
    var port: Int = 0

    @Option(name: .long, help: ArgumentHelp("Stop when the process with this id ends (used by `bientap demo`).", valueName: "pid"))
    var exitWithParent: Int32?

    func run() async throws {
        guard (0...65534).contains(port) else { throw Failed(PortalMessages.badOption("--port", String(port))) }
        let facebook: FacebookFake
        let zalo: ZaloFake
        do {
            facebook = try FacebookFake(port: port)
            zalo = try ZaloFake(port: port == 0 ? 0 : port + 1)
        } catch {
            throw Failed(PortalMessages.cannotListen("127.0.0.1:\(port)", "\(error)"))
        }
        // Scripts and the demo read these two lines.
        PortalOutput.say("facebook \(facebook.baseURL) page-id=\(facebook.pageID) page-token=\(facebook.pageToken)")
        PortalOutput.say("zalo \(zalo.baseURL) oa-id=\(zalo.oaID) access-token=\(zalo.accessToken) refresh-token=\(zalo.refreshToken) app-id=\(zalo.appID) secret-key=\(zalo.secretKey)")
        ConsoleOutput.flush()
        while true {
            if let parent = exitWithParent, getppid() != parent { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        facebook.stop()
        zalo.stop()
    }
}
