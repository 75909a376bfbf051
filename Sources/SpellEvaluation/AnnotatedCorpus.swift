import Foundation
import VietText

/// A text with errors injected inline as `[[wrong=>right|kind:subtype]]`
/// (see Tests/SpellCorpus/README.md), read into the text with the errors, the
/// text without them, and where each error sits in the first.
public struct AnnotatedCorpus: Sendable {
    public struct Injection: Sendable {
        public var line: Int
        /// 1-based, in characters, in `errorful`.
        public var column: Int
        public var length: Int
        public var wrong: String
        public var right: String
        public var kind: Finding.Kind
        public var subtype: String
    }

    public var name: String
    public var errorful: String
    public var clean: String
    public var injections: [Injection]

    public enum Problem: Error, CustomStringConvertible {
        case malformed(file: String, line: Int, text: String)
        public var description: String {
            switch self {
            case .malformed(let file, let line, let text): return "\(file):\(line): malformed injection \(text)"
            }
        }
    }

    public init(name: String, annotated: String) throws {
        self.name = name
        var errorfulLines: [String] = [], cleanLines: [String] = [], found: [Injection] = []
        for (index, line) in annotated.textLines.enumerated() {
            var wrongLine = "", rightLine = ""
            var column = 1
            var rest = Substring(line)
            while let open = rest.range(of: "[[") {
                let before = rest[..<open.lowerBound]
                wrongLine += before
                rightLine += before
                column += before.count
                guard let close = rest[open.upperBound...].range(of: "]]") else {
                    throw Problem.malformed(file: name, line: index + 1, text: String(rest[open.lowerBound...]))
                }
                let body = rest[open.upperBound..<close.lowerBound]
                let halves = body.components(separatedBy: "=>")
                let tail = halves.count == 2 ? halves[1].components(separatedBy: "|") : []
                let kindParts = tail.count == 2 ? tail[1].split(separator: ":").map(String.init) : []
                guard kindParts.count == 2, let kind = Finding.Kind(rawValue: kindParts[0]) else {
                    throw Problem.malformed(file: name, line: index + 1, text: String(body))
                }
                var wrong = halves[0]
                if wrong.hasPrefix("nfd:") { wrong = String(wrong.dropFirst(4)).decomposedStringWithCanonicalMapping }
                found.append(Injection(line: index + 1, column: column, length: wrong.count, wrong: wrong, right: tail[0],
                                       kind: kind, subtype: kindParts[1]))
                wrongLine += wrong
                rightLine += tail[0]
                column += wrong.count
                rest = rest[close.upperBound...]
            }
            errorfulLines.append(wrongLine + rest)
            cleanLines.append(rightLine + rest)
        }
        errorful = errorfulLines.joined(separator: "\n")
        clean = cleanLines.joined(separator: "\n")
        injections = found
    }

    /// Every `*.txt` file of `directory`, in name order.
    public static func load(directory: URL) throws -> [AnnotatedCorpus] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            try AnnotatedCorpus(name: name, annotated: String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// Words of prose, as the portal counts them.
    public var words: Int { WordCount.of(clean) }
}
