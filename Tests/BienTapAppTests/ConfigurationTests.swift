@testable import BienTapApp
import Foundation
import XCTest

final class ConfigurationTests: XCTestCase {
    func testConfigFileSubset() throws {
        let file = try ConfigFile(parsing: """
        # bientap
        portal = "http://127.0.0.1:8080"   # the province's portal
        token = 'abc#def'
        [ui]
        theme = "high-contrast"
        mouse = true
        """, file: "config.toml")
        XCTAssertEqual(file["portal"], "http://127.0.0.1:8080")
        XCTAssertEqual(file["token"], "abc#def")
        XCTAssertEqual(file["ui.theme"], "high-contrast")
        XCTAssertEqual(file["ui.mouse"], "true")
    }

    func testConfigFileSavedOnWindows() throws {
        let file = try ConfigFile(parsing: "portal = \"http://127.0.0.1:8080\"\r\ntoken = \"abc\"\r\n", file: "config.toml")
        XCTAssertEqual(file["portal"], "http://127.0.0.1:8080")
        XCTAssertEqual(file["token"], "abc")
    }

    func testConfigFileErrorsNameTheLine() {
        XCTAssertThrowsError(try ConfigFile(parsing: "portal = \"x\"\n\ntoken = unquoted\n", file: "c.toml")) { error in
            XCTAssertEqual((error as? ConfigFile.ParseError)?.message(.en), "c.toml:3: invalid value for token: unquoted (strings need quotes)")
            XCTAssertEqual("\(error)", "c.toml:3: giá trị của token không hợp lệ: unquoted (chuỗi cần đặt trong ngoặc kép)")
        }
        XCTAssertThrowsError(try ConfigFile(parsing: "[ui\n", file: "c.toml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("c.toml:1:"))
        }
        XCTAssertThrowsError(try ConfigFile(parsing: "just words\n", file: "c.toml"))
    }

    func testFlagsBeatEnvironmentBeatFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("bientap"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "portal = \"http://file:1\"\ntoken = \"file-token\"\n"
            .write(to: dir.appendingPathComponent("bientap/config.toml"), atomically: true, encoding: .utf8)
        var env = ["XDG_CONFIG_HOME": dir.path]

        var config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env)
        XCTAssertEqual(config.portal, "http://file:1")
        XCTAssertEqual(config.token, "file-token")
        XCTAssertNil(config.keymapPath)
        XCTAssertEqual(config.language, .vi)

        env["BIENTAP_PORTAL"] = "http://env:2"
        env["LANG"] = "en_US.UTF-8"
        config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env)
        XCTAssertEqual(config.portal, "http://env:2")
        XCTAssertEqual(config.token, "file-token")
        XCTAssertEqual(config.language, .en)

        config = try ClientConfiguration.resolve(portalFlag: "http://flag:3", tokenFlag: "flag-token", keymapFlag: nil, environment: env)
        XCTAssertEqual(config.portal, "http://flag:3")
        XCTAssertEqual(config.token, "flag-token")

        try "bind queue x open\n".write(to: dir.appendingPathComponent("bientap/keymap"), atomically: true, encoding: .utf8)
        config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env)
        XCTAssertEqual(config.keymapPath, dir.appendingPathComponent("bientap/keymap").path)
    }

    func testASignInKeptByLoginIsUsedLastAndOnlyForItsPortal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["XDG_CONFIG_HOME": dir.path]
        let now = Date()
        try Credentials(portal: "http://kept:1", user: "lan", token: "bt_kept \"quoted\"", expiresAt: now.addingTimeInterval(3600)).save(environment: env)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: Credentials.path(environment: env))[.posixPermissions] as? Int, 0o600)
        var config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env)
        XCTAssertEqual(config.portal, "http://kept:1")
        XCTAssertEqual(config.token, "bt_kept \"quoted\"")
        config = try ClientConfiguration.resolve(portalFlag: "http://other:2", tokenFlag: nil, keymapFlag: nil, environment: env)
        XCTAssertNil(config.token, "a token is never sent to another portal than the one that gave it")
        config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: "flag", keymapFlag: nil, environment: env)
        XCTAssertEqual(config.token, "flag")
        XCTAssertNil(Credentials.load(environment: env, now: now.addingTimeInterval(7200)), "an expired sign-in is not offered")
        XCTAssertTrue(Credentials.remove(environment: env))
        XCTAssertNil(Credentials.load(environment: env))
    }

    func testMalformedConfigFileIsAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("bientap"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "portal = http://no-quotes\n".write(to: dir.appendingPathComponent("bientap/config.toml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil,
                                                             environment: ["XDG_CONFIG_HOME": dir.path]))
    }

    func testThemeAndInputMethodFromTheConfigFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("bientap"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bientap/config.toml")
        let env = ["XDG_CONFIG_HOME": dir.path]
        var config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env)
        XCTAssertEqual(config.theme, .default)
        XCTAssertEqual(config.inputMethod, .telex, "Telex unless said otherwise")

        try "theme = \"high-contrast\"\ninput_method = \"off\"\n".write(to: file, atomically: true, encoding: .utf8)
        config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env)
        XCTAssertEqual(config.theme, .highContrast)
        XCTAssertNil(config.inputMethod)

        try "input_method = \"vni\"\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env).inputMethod, .vni)

        try "theme = \"solarized\"\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env)) {
            XCTAssertTrue("\($0)".contains("theme = \"solarized\": không hợp lệ; chọn một trong: default, light, high-contrast"), "\($0)")
        }
        var english = env
        english["LANG"] = "en_GB.UTF-8"
        XCTAssertThrowsError(try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: english)) {
            XCTAssertTrue("\($0)".contains("not valid; one of: default, light, high-contrast"), "\($0)")
        }
        try "input_method = \"unikey\"\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env))

        // The cursor mark and the mouse.
        XCTAssertEqual(config.cursorStyle, .arrow, "the light mark unless said otherwise")
        XCTAssertTrue(config.mouse)
        try "cursor = \"row\"\nmouse = false\n".write(to: file, atomically: true, encoding: .utf8)
        config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env)
        XCTAssertEqual(config.cursorStyle, .row)
        XCTAssertFalse(config.mouse)
        XCTAssertEqual(config.refreshSeconds, 15, "the queue reads itself again every 15 s unless said otherwise")
        try "refresh = 0\n".write(to: file, atomically: true, encoding: .utf8)
        config = try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env)
        XCTAssertEqual(config.refreshSeconds, 0)
        for bad in ["cursor = \"bar\"", "mouse = \"yes\"", "refresh = -1", "refresh = 2.5", "refresh = \"often\""] {
            try (bad + "\n").write(to: file, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try ClientConfiguration.resolve(portalFlag: nil, tokenFlag: nil, keymapFlag: nil, environment: env), bad)
        }
    }
}
