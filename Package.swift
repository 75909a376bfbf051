// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bientap",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bientap", targets: ["bientap"]),
        .executable(name: "bientap-portal", targets: ["bientap-portal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // The portal's public pages and feeds: templates that escape by default.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // Tests only: reading Docs/portal-api.yaml.
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // Already in the graph through Hummingbird and the database kits; named because the
        // portal's own sources import their modules.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    // Every target builds in Swift 6 language mode, tools version 6.0's default.
    targets: [
        // C bindings
        // ncursesw from Debian's libncursesw5-dev (make deps): the module map links it and shim.h
        // sets the wide-character macros. Not through pkg-config: ncursesw.pc adds only -D flags,
        // which SwiftPM refuses with a warning on every build.
        .systemLibrary(name: "CNcursesw"),
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // The portal's embedded database: Debian's libsqlite3, under PortalServer/Store/SQLite.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // Language and domain
        // The text engine is optimised in debug builds too: the portal counts spelling
        // findings on every save and seed, and the tests start many seeded portals.
        .target(name: "VietText", resources: [.copy("Resources/vi-model.txt"), .copy("Resources/vi-triples.bin")], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "NewsroomKit", dependencies: ["VietText"]),
        // The royalty exports (payment list, statements) in CSV and XLSX: served by the portal.
        .target(name: "RoyaltyExport", dependencies: ["NewsroomKit", "VietText", "CXlsxWriter"]),

        // HTTP out over libcurl: the desk to its portal, the portal to social networks.
        .target(name: "CurlHTTP", dependencies: ["CCurl"]),

        // The console both programs' commands read passwords from and write to.
        .target(name: "Console"),

        // Client side
        .target(name: "PortalClient", dependencies: ["NewsroomKit", "CurlHTTP"]),
        // The desk's PortalAPI over a WordPress site's REST API.
        .target(name: "WordPressClient", dependencies: ["PortalClient", "NewsroomKit", "CurlHTTP", "VietText"]),
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "VietText"]),
        .target(name: "BienTapApp", dependencies: ["TerminalUI", "PortalClient", "CurlHTTP", "NewsroomKit", "VietText"]),
        .executableTarget(name: "bientap", dependencies: [
            "BienTapApp",
            "WordPressClient",
            "Console",
            "NewsroomKit", "PortalClient", "TerminalUI", "VietText",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Server side
        // What the portal shows the world: templates, the pages' layout, their routes.
        .target(name: "PublicWeb", dependencies: [
            "NewsroomKit", "VietText",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .target(name: "PortalServer", dependencies: [
            "CSQLite",
            "NewsroomKit",
            "PublicWeb",
            "RoyaltyExport",
            "SocialChannels",
            "VietText",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOFoundationCompat", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "PostgresKit", package: "postgres-kit"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        ]),
        // The social networks the portal posts to (Zalo OA, Facebook Page): connectors only,
        // no database; the portal's outbox drives them.
        .target(name: "SocialChannels", dependencies: ["CurlHTTP", "NewsroomKit"]),
        // Stand-ins for Zalo and Facebook on loopback, for tests and the demo.
        .target(name: "SocialFakes"),
        .executableTarget(name: "bientap-portal", dependencies: [
            "PortalServer",
            "PublicWeb",
            "SocialFakes",
            "SocialChannels",
            "Console",
            "NewsroomKit", "VietText",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmarks (make bench builds them in release)
        .target(name: "SpellEvaluation", dependencies: ["VietText"]),
        .executableTarget(name: "bientap-bench", dependencies: ["BienTapApp", "SpellEvaluation", "PortalServer", "RoyaltyExport", "WordPressClient",
                                                               "NewsroomKit", "PortalClient", "SocialChannels", "TerminalUI", "VietText"],
                          path: "Benchmarks/bientap-bench"),
        // The framework's ceiling that Benchmarks/portal-load measures the portal against.
        .executableTarget(name: "portal-ceiling", dependencies: [.product(name: "Hummingbird", package: "hummingbird"),
                                                                .product(name: "Logging", package: "swift-log")],
                          path: "Benchmarks/portal-ceiling"),

        // Tests; Polling is how every test waits for an outcome.
        .target(name: "Polling", dependencies: ["NewsroomKit"], path: "Tests/Polling"),
        .testTarget(name: "VietTextTests", dependencies: ["VietText", "SpellEvaluation"]),
        .testTarget(name: "NewsroomKitTests", dependencies: ["NewsroomKit"]),
        .testTarget(name: "RoyaltyExportTests", dependencies: ["Polling", "RoyaltyExport", "NewsroomKit"]),
        .testTarget(name: "PortalClientTests", dependencies: ["Polling", 
            "PortalClient", "PortalServer", "CurlHTTP", "NewsroomKit", "VietText",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "VietText"]),
        .testTarget(name: "BienTapAppTests", dependencies: ["Polling", "BienTapApp", "CurlHTTP", "NewsroomKit", "PortalClient", "TerminalUI", "VietText"]),
        .testTarget(name: "PortalServerTests", dependencies: ["Polling", 
            "PortalServer",
            "SocialFakes",
            "NewsroomKit", "PublicWeb", "SocialChannels", "VietText",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "PostgresKit", package: "postgres-kit"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .testTarget(name: "SocialChannelsTests", dependencies: ["Polling", "SocialChannels", "SocialFakes", "CurlHTTP", "NewsroomKit"]),
        // Against a real WordPress: run under Scripts/with-wordpress (make test-wordpress).
        .testTarget(name: "WordPressClientTests", dependencies: ["WordPressClient", "BienTapApp", "Polling", "NewsroomKit", "PortalClient", "VietText"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Polling", "bientap", "bientap-portal", "BienTapApp", "WordPressClient",
                                                        "NewsroomKit", "PortalClient", "TerminalUI", "VietText"]),
    ]
)
