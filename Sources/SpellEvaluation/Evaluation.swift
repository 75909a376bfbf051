import Foundation
import VietText

/// One word or phrase a checker flagged: ours (with a kind) or hunspell (without).
public struct Flag: Sendable {
    public var line: Int
    public var column: Int
    public var length: Int
    public var word: String
    public var kind: Finding.Kind?
    public var suggestions: [String]

    public init(line: Int, column: Int, length: Int, word: String, kind: Finding.Kind?, suggestions: [String]) {
        (self.line, self.column, self.length, self.word, self.kind, self.suggestions) = (line, column, length, word, kind, suggestions)
    }

    public init(_ finding: Finding) {
        self.init(line: finding.line, column: finding.column, length: finding.length, word: finding.word,
                  kind: finding.kind, suggestions: finding.suggestions)
    }

    func overlaps(_ injection: AnnotatedCorpus.Injection) -> Bool {
        line == injection.line && column < injection.column + injection.length && injection.column < column + length
    }
}

/// How a checker did on annotated corpora: per kind of injected error, how
/// many it caught and how often its first suggestion was the right text; and
/// what it flagged where nothing was wrong.
public struct Evaluation: Sendable {
    public struct KindScore: Sendable {
        public var injected = 0
        public var caught = 0
        /// Caught and the first suggestion restores the right text.
        public var firstSuggestionRight = 0
        public var anySuggestionRight = 0
        /// Flags of this kind that overlap no injected error of this kind.
        public var falseFlags = 0
        /// Flags of this kind in all.
        public var flags = 0

        public init() {}

        public var recall: Double { injected == 0 ? 1 : Double(caught) / Double(injected) }
        public var precision: Double { flags == 0 ? 1 : Double(flags - falseFlags) / Double(flags) }
    }

    public var words = 0
    public var byKind: [Finding.Kind: KindScore] = [:]
    /// Injections by subtype: (injected, caught).
    public var bySubtype: [String: (injected: Int, caught: Int)] = [:]
    /// Flags (of a kind that is an error: nonword, realword, or no kind) on text with nothing wrong.
    public var falseErrorFlags: [(file: String, flag: Flag)] = []
    public var missed: [(file: String, injection: AnnotatedCorpus.Injection)] = []
    /// For a checker without kinds (hunspell): every flag, and those overlapping no injection.
    public var allFlags = 0
    public var flagsOverlappingNothing = 0
    /// Whether a flag must be of the injection's kind to catch it. The held-out
    /// texts' injector calls a slip real or non by its own inventory ("ược" is
    /// in it, as a page kept that typo): there either error kind catches it.
    public var kindsMustMatch = true

    public init(kindsMustMatch: Bool = true) {
        self.kindsMustMatch = kindsMustMatch
    }

    /// Scores `flags` raised on `corpus.errorful`.
    public mutating func add(corpus: AnnotatedCorpus, flags: [Flag]) {
        words += corpus.words
        allFlags += flags.count
        for injection in corpus.injections {
            var score = byKind[injection.kind] ?? KindScore()
            var sub = bySubtype[injection.subtype] ?? (0, 0)
            score.injected += 1
            sub.injected += 1
            let matching = flags.filter { $0.overlaps(injection) && catches($0.kind, injection.kind) }
            if let first = matching.first {
                score.caught += 1
                sub.caught += 1
                if Self.corrections(of: injection, by: first).first == injection.right { score.firstSuggestionRight += 1 }
                if matching.contains(where: { Self.corrections(of: injection, by: $0).contains(injection.right) }) {
                    score.anySuggestionRight += 1
                }
            } else {
                missed.append((corpus.name, injection))
            }
            bySubtype[injection.subtype] = sub
            byKind[injection.kind] = score
        }
        for flag in flags {
            if let kind = flag.kind {
                byKind[kind, default: KindScore()].flags += 1
                if !corpus.injections.contains(where: { flag.overlaps($0) && catches(kind, $0.kind) }) {
                    byKind[kind, default: KindScore()].falseFlags += 1
                }
            }
            guard !corpus.injections.contains(where: flag.overlaps) else { continue }
            flagsOverlappingNothing += 1
            if flag.kind == nil || flag.kind == .nonword || flag.kind == .realword { falseErrorFlags.append((corpus.name, flag)) }
        }
    }

    /// Whether a flag of `kind` (nil: hunspell's) catches an injected error of `injected` kind.
    private func catches(_ kind: Finding.Kind?, _ injected: Finding.Kind) -> Bool {
        guard let kind, kind != injected else { return true }
        return !kindsMustMatch && Self.errorKinds.contains(kind) && Self.errorKinds.contains(injected)
    }

    private static let errorKinds: Set<Finding.Kind> = [.nonword, .realword]

    /// The injected phrase with the flagged span replaced by each suggestion.
    private static func corrections(of injection: AnnotatedCorpus.Injection, by flag: Flag) -> [String] {
        let wrong = Array(injection.wrong)
        let start = flag.column - injection.column
        guard start >= 0, start + flag.length <= wrong.count else { return flag.suggestions }
        return flag.suggestions.map { String(wrong[..<start]) + $0 + String(wrong[(start + flag.length)...]) }
    }

    /// False error flags per 1,000 words.
    public var falseFlagsPerThousandWords: Double { words == 0 ? 0 : Double(falseErrorFlags.count) * 1000 / Double(words) }
}

/// Runs Debian's hunspell with the vi_VN dictionary on texts, for comparison.
public enum Hunspell {
    /// Flags for each line of `text` (`hunspell -a`, columns in characters); nil when hunspell is not installed.
    public static func flags(_ text: String, dictionary: String = "vi_VN") -> [Flag]? {
        guard let executable = ["/usr/bin/hunspell", "/usr/local/bin/hunspell"].first(where: FileManager.default.isExecutableFile)
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-a", "-d", dictionary]
        process.environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // "^" makes every line plain text to hunspell, whatever it starts with.
        let lines = text.textLines.map { "^" + $0 + "\n" }.joined()
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(Data(lines.utf8))
            try? input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var flags: [Flag] = []
        var line = 1
        // The banner line first; then, for each input line, its results and a blank line.
        for row in String(decoding: data, as: UTF8.self).textLines.dropFirst() {
            if row.isEmpty { line += 1; continue }
            let parts = row.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            switch row.first {
            case "&":
                // & word count offset: suggestions
                guard parts.count >= 4, let offset = Int(parts[3].dropLast()) else { continue }
                let suggestions = row.split(separator: ":", maxSplits: 1).last.map {
                    $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                } ?? []
                flags.append(Flag(line: line, column: offset, length: parts[1].count, word: String(parts[1]),
                                  kind: nil, suggestions: suggestions))
            case "#":
                guard parts.count >= 3, let offset = Int(parts[2]) else { continue }
                flags.append(Flag(line: line, column: offset, length: parts[1].count, word: String(parts[1]),
                                  kind: nil, suggestions: []))
            default:
                continue
            }
        }
        return flags
    }
}
