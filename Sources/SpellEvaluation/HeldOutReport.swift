import Foundation
import VietText

/// The checker on prose nobody in the project wrote (Tests/SpellCorpus/External,
/// built by Scripts/spelling-model.py and Scripts/spelling-inject.py): false
/// flags per 1,000 words for each kind of prose (a file: government, news,
/// encyclopedia, english-inside), recall for each kind of injected error and
/// how often the first suggestion is the right text.
public struct HeldOutReport: Sendable {
    /// The kinds of error the issue asks about, read off an injection's kind and subtype.
    public enum ErrorKind: String, CaseIterable, Sendable {
        case nonword, realword, hoinga, name
    }

    public struct Recall: Sendable {
        public var injected = 0
        public var caught = 0
        public var rate: Double { injected == 0 ? 1 : Double(caught) / Double(injected) }
    }

    /// By prose kind: words of clean text and the error flags raised on it.
    public var prose: [String: (words: Int, falseFlags: [Flag])] = [:]
    public var recall: [ErrorKind: Recall] = [:]
    public var caught = 0
    public var rightFirst = 0
    public var missed: [(file: String, injection: AnnotatedCorpus.Injection)] = []

    public var rightFirstRate: Double { caught == 0 ? 1 : Double(rightFirst) / Double(caught) }

    public func falseFlagsPerThousand(_ kind: String) -> Double {
        guard let entry = prose[kind], entry.words > 0 else { return 0 }
        return Double(entry.falseFlags.count) * 1000 / Double(entry.words)
    }

    public static func errorKind(of injection: AnnotatedCorpus.Injection) -> ErrorKind {
        switch injection.subtype {
        case "hoinga": return .hoinga
        case "name": return .name
        default: return injection.kind == .realword ? .realword : .nonword
        }
    }

    /// Runs `check` (a checker's flags for a text) on every file of `directory`.
    public init(directory: URL, check: (String) -> [Flag]) throws {
        for corpus in try AnnotatedCorpus.load(directory: directory) {
            let kind = String(corpus.name.dropLast(4))
            let clean = check(corpus.clean).filter { $0.kind == nil || $0.kind == .nonword || $0.kind == .realword }
            prose[kind] = (corpus.words, clean)
            var evaluation = Evaluation(kindsMustMatch: false)
            evaluation.add(corpus: corpus, flags: check(corpus.errorful))
            let missedHere = evaluation.missed.map(\.injection)
            missed += evaluation.missed
            for injection in corpus.injections {
                let kind = Self.errorKind(of: injection)
                recall[kind, default: Recall()].injected += 1
                if !missedHere.contains(where: { $0.line == injection.line && $0.column == injection.column }) {
                    recall[kind, default: Recall()].caught += 1
                }
            }
            for score in evaluation.byKind.values {
                caught += score.caught
                rightFirst += score.firstSuggestionRight
            }
        }
    }

    /// The figures as Markdown table rows, for Docs/spelling.md and the benchmark.
    public var summary: String {
        var lines = ["| prose | words | false flags | per 1,000 words |", "|---|---|---|---|"]
        for (kind, entry) in prose.sorted(by: { $0.key < $1.key }) {
            lines.append("| \(kind) | \(entry.words) | \(entry.falseFlags.count) | \(String(format: "%.2f", falseFlagsPerThousand(kind))) |")
        }
        lines += ["", "| error | injected | caught | recall |", "|---|---|---|---|"]
        for kind in ErrorKind.allCases {
            let r = recall[kind] ?? Recall()
            lines.append("| \(kind.rawValue) | \(r.injected) | \(r.caught) | \(String(format: "%.1f %%", r.rate * 100)) |")
        }
        lines.append("")
        lines.append("Right fix first: \(rightFirst) of \(caught) caught (\(String(format: "%.1f %%", rightFirstRate * 100))).")
        return lines.joined(separator: "\n")
    }
}
