import Foundation
import SpellEvaluation
import VietText
import XCTest

/// The checker on the test split of prose nobody in the project wrote
/// (Tests/SpellCorpus/External/test): the word model and its bars were chosen
/// on the development split only. Where issue 23's targets are not met yet
/// (news: 0.5 false flags per 1,000 words; 85 % of misused words), the floor
/// is what the checker reaches now (Docs/spelling.md), so that a change that
/// loses ground fails.
final class HeldOutCorpusTests: XCTestCase {
    static let external = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SpellCorpus/External")
    nonisolated(unsafe) static var cached: HeldOutReport?

    /// One run for all the assertions: the split is some 45,000 words.
    private func report() throws -> HeldOutReport {
        if let cached = Self.cached { return cached }
        let checker = SpellChecker(lexicon: Lexicon.standard())
        // BIENTAP_SPELL_SPLIT=dev prints the development split's figures and findings: what the bars
        // are tuned on. BIENTAP_SPELL_SPLIT=test prints the test split's figures alone, to report.
        let asked = ProcessInfo.processInfo.environment["BIENTAP_SPELL_SPLIT"]
        let split = asked ?? "test"
        let made = try HeldOutReport(directory: Self.external.appendingPathComponent(split)) { text in
            checker.check(text).map(Flag.init)
        }
        if asked != nil { print(made.summary) }
        if split != "test" {
            for (kind, entry) in made.prose { for flag in entry.falseFlags { print("false \(kind):\(flag.line):\(flag.column) \(flag.kind?.rawValue ?? "") \(flag.word) → \(flag.suggestions.first ?? "")") } }
            for missed in made.missed { print("missed \(missed.file):\(missed.injection.line) \(missed.injection.wrong)=>\(missed.injection.right) \(missed.injection.subtype)") }
        }
        Self.cached = made
        return made
    }

    private func describe(_ flags: [Flag]) -> String {
        flags.prefix(20).map { "\($0.line):\($0.column) \($0.word) → \($0.suggestions.first ?? "")" }.joined(separator: "; ")
    }

    func testTheWordModelIsLoaded() throws {
        let lexicon = Lexicon.standard()
        XCTAssertGreaterThan(lexicon.modelWords, 17_000_000)
        XCTAssertGreaterThan(lexicon.attestedCount, 6_650)
        XCTAssertGreaterThan(lexicon.modelTriples, 350_000)
    }

    func testGovernmentProseDrawsAtMostHalfAFalseFlagPerThousandWordsAndNewsFewerThanFour() throws {
        let report = try report()
        XCTAssertLessThanOrEqual(report.falseFlagsPerThousand("government"), 0.5, describe(report.prose["government"]?.falseFlags ?? []))
        XCTAssertLessThanOrEqual(report.falseFlagsPerThousand("news"), 3.2, describe(report.prose["news"]?.falseFlags ?? []))
        XCTAssertLessThanOrEqual(report.falseFlagsPerThousand("encyclopedia"), 1.4, describe(report.prose["encyclopedia"]?.falseFlags ?? []))
        XCTAssertGreaterThanOrEqual(report.prose.values.map(\.words).reduce(0, +), 20_000)
    }

    func testAPageOfEnglishDrawsNoVietnameseFinding() throws {
        let report = try report()
        XCTAssertEqual(report.prose["english-inside"]?.falseFlags.count, 0, describe(report.prose["english-inside"]?.falseFlags ?? []))
    }

    func testRecallOfEveryKindOfInjectedError() throws {
        let report = try report()
        let missed = report.missed.map { "\($0.injection.wrong)→\($0.injection.right)" }.prefix(30).joined(separator: " ")
        XCTAssertEqual(report.recall[.nonword]?.rate ?? 0, 1, missed)
        XCTAssertGreaterThanOrEqual(report.recall[.realword]?.rate ?? 0, 0.64, missed)
        XCTAssertGreaterThanOrEqual(report.recall[.hoinga]?.rate ?? 0, 0.90)
        XCTAssertGreaterThanOrEqual(report.recall[.name]?.rate ?? 0, 0.80)
    }

    func testTheRightFixComesFirstForMostErrorsCaught() throws {
        XCTAssertGreaterThanOrEqual(try report().rightFirstRate, 0.90)
    }
}
