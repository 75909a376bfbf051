import CurlHTTP
import Foundation
import VietText

/// `bientap-portal social-fakes` as a process of its own: the loopback stand-ins for Facebook
/// and Zalo that the demo's portal (and the tests and benchmark that run several portal
/// processes) post to. `configure` stores their addresses and credentials as the channels';
/// `stop()` ends the process by its id.
public final class SocialFakesProcess {
    /// One fake as it announced itself: its base URL and the credentials it accepts.
    public struct Fake: Sendable, Hashable {
        public var baseURL: String
        public var credentials: [String: String]
    }

    public let facebook: Fake
    public let zalo: Fake
    private let process: Process

    /// Starts the fakes, their output in `social-fakes.out` under `files`, and waits until
    /// both have said where they listen.
    public init(executable: URL, files: URL, exitWithParent: Int32? = nil) throws {
        let out = files.appendingPathComponent("social-fakes.out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process = Process()
        process.executableURL = executable
        process.arguments = ["social-fakes"] + (exitWithParent.map { ["--exit-with-parent", String($0)] } ?? [])
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var announced: [String: Fake] = [:]
        let deadline = Date().addingTimeInterval(30)
        while announced.count < 2 {
            guard process.isRunning, Date() < deadline else {
                Self.end(process)
                throw LocalPortal.Failure(description: "bientap-portal social-fakes did not start")
            }
            usleep(20_000)
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            for line in text.textLines {
                let words = line.split(separator: " ").map(String.init)
                guard words.count >= 3, ["facebook", "zalo"].contains(words[0]) else { continue }
                let pairs = words.dropFirst(2).compactMap { word -> (String, String)? in
                    guard let equals = word.firstIndex(of: "=") else { return nil }
                    return (String(word[..<equals]), String(word[word.index(after: equals)...]))
                }
                announced[words[0]] = Fake(baseURL: words[1], credentials: Dictionary(pairs) { first, _ in first })
            }
        }
        guard let facebook = announced["facebook"], let zalo = announced["zalo"] else { throw LocalPortal.Failure(description: "social-fakes") }
        self.facebook = facebook
        self.zalo = zalo
    }

    deinit {
        stop()
    }

    /// Stores the fakes as the channels of the portal at `database` (`bientap-portal channel set`).
    public func configure(_ executable: URL, database: String) throws {
        _ = try LocalPortal.run(executable, ["channel", "set", "facebook", "--base-url", facebook.baseURL,
                                             "--account-id", facebook.credentials["page-id"] ?? "",
                                             "--access-token", facebook.credentials["page-token"] ?? "", "--db", database])
        _ = try LocalPortal.run(executable, ["channel", "set", "zalo", "--base-url", zalo.baseURL,
                                             "--account-id", zalo.credentials["oa-id"] ?? "",
                                             "--access-token", zalo.credentials["access-token"] ?? "",
                                             "--refresh-token", zalo.credentials["refresh-token"] ?? "",
                                             "--app-id", zalo.credentials["app-id"] ?? "",
                                             "--app-secret", zalo.credentials["secret-key"] ?? "", "--db", database])
    }

    /// How many posts a fake has accepted (its `GET /__control`).
    public func accepted(_ fake: Fake) throws -> Int {
        guard let count = try summary(fake)["accepted"] as? Int else { throw LocalPortal.Failure(description: "the fake did not say what it accepted") }
        return count
    }

    /// The link of the last post Facebook's fake accepted ("" before any).
    public func lastLink(_ fake: Fake) throws -> String {
        guard let link = try summary(fake)["lastLink"] as? String else { throw LocalPortal.Failure(description: "the fake did not say what it accepted") }
        return link
    }

    /// What the fake says of itself (`GET /__control`).
    private func summary(_ fake: Fake) throws -> [String: Any] {
        let answer = try CurlTransport().perform(HTTPRequest(method: "GET", url: fake.baseURL + "/__control"))
        return (try JSONSerialization.jsonObject(with: answer.body) as? [String: Any]) ?? [:]
    }

    /// Ends the fakes: SIGTERM, then SIGKILL after 5 s.
    public func stop() {
        Self.end(process)
    }

    private static func end(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
