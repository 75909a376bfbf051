import Foundation
import VietText

/// What `bientap login` keeps: the portal signed in to and the token it gave, in
/// `credentials` beside config.toml, readable by its owner only. Flags, environment
/// and config.toml still win over it.
public struct Credentials: Sendable, Equatable {
    public var portal: String
    public var user: String
    public var token: String
    public var expiresAt: Date?
    /// The portal's API when it is not bientap-portal's (`wordpress`; the token is then
    /// `login:application-password`).
    public var backend: String?

    public init(portal: String, user: String, token: String, expiresAt: Date?, backend: String? = nil) {
        self.portal = portal
        self.user = user
        self.token = token
        self.expiresAt = expiresAt
        self.backend = backend
    }

    public static func path(environment: [String: String]) -> String {
        ClientConfiguration.configDirectory(environment: environment).appendingPathComponent("credentials").path
    }

    /// The kept sign-in; nil when there is none or it has expired.
    public static func load(environment: [String: String], now: Date = Date()) -> Credentials? {
        let path = path(environment: environment)
        guard let data = FileManager.default.contents(atPath: path),
              let file = try? ConfigFile(parsing: String(decoding: data, as: UTF8.self), file: path),
              let portal = file["portal"], let token = file["token"], !token.isEmpty else { return nil }
        let expires = file["expires"].flatMap { try? Date($0, strategy: .iso8601) }
        if let expires, expires <= now { return nil }
        return Credentials(portal: portal, user: file["user"] ?? "", token: token, expiresAt: expires, backend: file["backend"])
    }

    public func save(environment: [String: String]) throws {
        let path = Self.path(environment: environment)
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        var text = "# Written by `bientap login`; `bientap logout` removes it. Keep it private.\n"
        text += "portal = \(quoted(portal))\nuser = \(quoted(user))\ntoken = \(quoted(token))\n"
        if let expiresAt { text += "expires = \(quoted(expiresAt.formatted(.iso8601)))\n" }
        if let backend { text += "backend = \(quoted(backend))\n" }
        try SafeFile.write(text, to: path, mode: 0o600)
        chmod(path, 0o600)
    }

    /// Forgets the kept sign-in; true when there was one.
    @discardableResult
    public static func remove(environment: [String: String]) -> Bool {
        unlink(path(environment: environment)) == 0
    }
}
