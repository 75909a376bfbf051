import Foundation
import Logging
@testable import PortalServer
import Testing

/// The text log handler writes StreamLogHandler's lines, with the metadata set on the logger.
struct TextLogHandlerTests {
    /// Lines written, kept (`@unchecked Sendable`: `lock` guards `text`).
    final class Lines: TextOutputStream, @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        var written: String { lock.withLock { text } }
        func write(_ string: String) { lock.withLock { text += string } }
    }

    /// A `TextOutputStream` is mutated through a value: this forwards to the shared lines.
    struct Output: TextOutputStream, Sendable {
        let lines: Lines
        mutating func write(_ string: String) { lines.write(string) }
    }

    @Test func metadataSetOnTheLoggerIsInTheLinesItWrites() {
        let lines = Lines()
        var logger = Logger(label: "test") { TextLogHandler(label: $0, output: Output(lines: lines)) }
        logger.logLevel = .info
        logger[metadataKey: "hb.request.id"] = "42"
        logger.debug("not written at info")
        #expect(lines.written.isEmpty)
        logger[metadataKey: "route"] = "/api"
        logger.info("saved", metadata: ["id": "7"])
        let line = lines.written
        #expect(line.contains("info"))
        #expect(line.contains("hb.request.id=42"))
        #expect(line.contains("route=/api"))
        #expect(line.contains("id=7"))
        #expect(line.contains("saved"))
        logger[metadataKey: "route"] = nil
        logger.info("again")
        #expect(!(lines.written.split(separator: "\n").last ?? "").contains("route="))
    }
}
