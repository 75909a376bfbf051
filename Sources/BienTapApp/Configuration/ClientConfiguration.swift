import Foundation
import TerminalUI
import VietText

/// Where the client finds its portal, token, keymap and language: flags win
/// over environment variables, which win over `config.toml`.
public struct ClientConfiguration: Sendable, Equatable {
    public var portal: String?
    public var token: String?
    /// Extra keymap applied on top of the defaults (the user's `keymap` file or `--keymap`).
    public var keymapPath: String?
    public var language: UILanguage
    /// `theme = "default" | "light" | "high-contrast"`.
    public var theme: Theme = .default
    /// `input_method = "telex" | "vni" | "off"`: how the editor starts.
    public var inputMethod: InputMethod? = .telex
    /// `cursor = "arrow" | "row"`: how a list marks the selected row.
    public var cursorStyle: TableCursorStyle = .arrow
    /// `mouse = true | false`: clicks and the wheel (false leaves the mouse to the terminal's own selection).
    public var mouse = true
    /// `refresh = SECONDS`: how often the queue on screen is read again by itself (0: never).
    public var refreshSeconds: TimeInterval = 15
    /// Whether `refresh` was set; when not, the backend's default applies.
    public var refreshIsSet = false
    /// `--backend`, BIENTAP_BACKEND, `backend = "bientap" | "wordpress" | "auto"`, or what
    /// `bientap login` kept.
    public var backend: PortalBackend = .auto

    public init(portal: String?, token: String?, keymapPath: String?, language: UILanguage) {
        self.portal = portal
        self.token = token
        self.keymapPath = keymapPath
        self.language = language
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// `$XDG_CONFIG_HOME/bientap` or `~/.config/bientap`.
    public static func configDirectory(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("bientap")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/bientap")
    }

    /// Resolves the configuration; a malformed config file is an error, a missing one is not.
    public static func resolve(portalFlag: String?, tokenFlag: String?, keymapFlag: String?,
                               environment: [String: String], backendFlag: String? = nil) throws -> ClientConfiguration {
        let directory = configDirectory(environment: environment)
        let configURL = directory.appendingPathComponent("config.toml")
        let language = UILanguage.fromEnvironment(environment)
        var file = ConfigFile()
        if let data = FileManager.default.contents(atPath: configURL.path) {
            do {
                file = try ConfigFile(parsing: String(decoding: data, as: UTF8.self), file: configURL.path)
            } catch let error as ConfigFile.ParseError {
                throw Invalid(description: error.message(language))
            }
        }
        func wrong(_ key: String, _ value: String, _ choices: String) -> Invalid {
            Invalid(description: "\(configURL.path): " + Strings.configValue(key: key, value: value, choices: choices)(language))
        }
        let userKeymap = directory.appendingPathComponent("keymap").path
        var config = ClientConfiguration(
            portal: nonEmpty(portalFlag) ?? nonEmpty(environment["BIENTAP_PORTAL"]) ?? nonEmpty(file["portal"]),
            token: nonEmpty(tokenFlag) ?? nonEmpty(environment["BIENTAP_TOKEN"]) ?? nonEmpty(file["token"]),
            keymapPath: nonEmpty(keymapFlag) ?? (FileManager.default.fileExists(atPath: userKeymap) ? userKeymap : nil),
            language: language)
        // Last, what `bientap login` kept, for the portal it was kept for.
        if config.token == nil, let kept = Credentials.load(environment: environment), config.portal == nil || config.portal == kept.portal {
            config.portal = kept.portal
            config.token = kept.token
            if let kept = kept.backend.flatMap(PortalBackend.init(rawValue:)) { config.backend = kept }
        }
        if let name = nonEmpty(backendFlag) ?? nonEmpty(environment["BIENTAP_BACKEND"]) ?? nonEmpty(file["backend"]) {
            guard let backend = PortalBackend(rawValue: name) else {
                throw Invalid(description: Strings.configValue(key: "backend", value: name, choices: "auto, bientap, wordpress")(language))
            }
            config.backend = backend
        }
        if let name = nonEmpty(file["theme"]) {
            guard let theme = Theme.named(name) else {
                let known = Theme.named.map(\.name).joined(separator: ", ")
                throw wrong("theme", name, known)
            }
            config.theme = theme
        }
        if let name = nonEmpty(file["input_method"]) {
            do {
                config.inputMethod = try inputMethod(named: name)
            } catch {
                throw wrong("input_method", name, "telex, vni, off")
            }
        }
        if let name = nonEmpty(file["cursor"]) {
            guard let style = TableCursorStyle(rawValue: name) else {
                throw wrong("cursor", name, "arrow, row")
            }
            config.cursorStyle = style
        }
        if let value = nonEmpty(file["refresh"]) {
            guard let seconds = Int(value), (0...3600).contains(seconds) else {
                throw wrong("refresh", value, "0…3600")
            }
            config.refreshSeconds = TimeInterval(seconds)
            config.refreshIsSet = true
        }
        if let value = nonEmpty(file["mouse"]) {
            guard value == "true" || value == "false" else {
                throw wrong("mouse", value, "true, false")
            }
            config.mouse = value == "true"
        }
        return config
    }

    /// `telex`, `vni`, or `off` (nil); anything else is an error.
    public static func inputMethod(named name: String) throws -> InputMethod? {
        if name == "off" { return nil }
        guard let method = InputMethod(rawValue: name) else {
            throw Invalid(description: "input_method = \"\(name)\": telex, vni or off")
        }
        return method
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return s
    }
}
