import TerminalUI
import VietText
import XCTest

/// The actions of these tests' small application.
private enum TestAction: String, ActionID {
    case down, open, top, spare
}

final class KeymapTests: XCTestCase {
    private let catalogue = ActionCatalogue([
        Action(id: TestAction.down, contexts: ["list", "text"], description: Localized(vi: "Xuống", en: "Down")),
        Action(id: TestAction.open, contexts: ["list"], description: Localized(vi: "Mở", en: "Open")),
        Action(id: TestAction.top, contexts: ["list", "text"], description: Localized(vi: "Lên đầu", en: "Top")),
        Action(id: TestAction.spare, contexts: ["list"], description: Localized(vi: "Dự phòng", en: "Spare")),
    ])

    func testKeyNamesRoundTrip() {
        let keys: [Key] = [.char("j"), .char("G"), .char("?"), .char(" "), .char("<"), .char("ư"), .ctrl("f"), .alt("x"),
                           .enter, .escape, .tab, .backTab, .backspace, .delete, .insert, .up, .down, .left, .right,
                           .home, .end, .pageUp, .pageDown, .function(1), .function(12)]
        for key in keys {
            XCTAssertEqual(Key(name: key.name), key, key.name)
        }
        XCTAssertEqual(Key(name: "<pgdn>"), .pageDown)
        XCTAssertEqual(Key(name: "<C-F>"), .ctrl("f"))
        XCTAssertNil(Key(name: "<Nope>"))
        XCTAssertNil(Key(name: "jj"))
        XCTAssertNil(Key(name: "<F99>"))
    }

    func testBindingsContextsAndGlobalFallback() {
        var keymap = Keymap<TestAction>()
        let problems = keymap.load("""
            # comment
            bind global j down
            bind global g g top   # trailing comment
            bind list <Enter> open
            bind text j top
            """, file: "k", catalogue: catalogue)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(keymap.action(for: [.char("j")], in: "list"), .down)
        XCTAssertEqual(keymap.action(for: [.char("j")], in: "text"), .top, "a context overrides global")
        XCTAssertEqual(keymap.action(for: [.enter], in: "text"), nil)
        XCTAssertEqual(keymap.keys(for: .down, in: "list"), [[.char("j")]])
        XCTAssertEqual(keymap.keys(for: .down, in: "text"), [], "the global j is shadowed in text")
        XCTAssertEqual(keymap.keys(for: .top, in: "text"), [[.char("j")], [.char("g"), .char("g")]])
    }

    func testAFileSavedOnWindowsReadsLineByLine() {
        var keymap = Keymap<TestAction>()
        let problems = keymap.load("# from Windows\r\nbind global j down\r\nbind list <Enter> open\r\nfrobnicate\r\n",
                                   file: "win.keymap", catalogue: catalogue)
        XCTAssertEqual(problems.map(\.line), [4])
        XCTAssertEqual(keymap.action(for: [.char("j")], in: "list"), .down)
        XCTAssertEqual(keymap.action(for: [.enter], in: "list"), .open)
    }

    func testMistakesAreReportedWithLineAndTheRestApplies() {
        var keymap = Keymap<TestAction>()
        let problems = keymap.load("""
            bind list x open
            bind nowhere j down
            bind list <Bogus> down
            bind text o open
            bind list z no-such
            frobnicate
            bind list
            unbind list x
            bind list y open
            """, file: "my.keymap", catalogue: catalogue)
        XCTAssertEqual(problems.map(\.line), [2, 3, 4, 5, 6, 7])
        XCTAssertTrue(problems[0].description.hasPrefix("my.keymap:2: unknown context 'nowhere'"), problems[0].description)
        XCTAssertTrue(problems[2].message.contains("does nothing in context 'text'"))
        XCTAssertNil(keymap.action(for: [.char("x")], in: "list"), "unbound on line 8")
        XCTAssertEqual(keymap.action(for: [.char("y")], in: "list"), .open)
    }

    func testPrintableKeysCannotBeBoundWhereTheyAreText() {
        let texty = ActionCatalogue(catalogue.all, textContexts: ["text"])
        var keymap = Keymap<TestAction>()
        let problems = keymap.load("bind text j down\nbind text <Space> top\nbind text <C-j> down\nbind list j down\n",
                                   file: "k", catalogue: texty)
        XCTAssertEqual(problems.map(\.line), [1, 2])
        XCTAssertTrue(problems[0].message.contains("types text in context 'text'"), problems[0].message)
        XCTAssertEqual(keymap.action(for: [.ctrl("j")], in: "text"), .down)
        XCTAssertEqual(keymap.action(for: [.char("j")], in: "list"), .down)
        XCTAssertNil(keymap.action(for: [.char(" ")], in: "text"))
    }

    func testSequenceMatcher() {
        var keymap = Keymap<TestAction>()
        _ = keymap.load("bind global g g top\nbind global j down\n", file: "k", catalogue: catalogue)
        var matcher = KeySequenceMatcher()
        XCTAssertEqual(matcher.feed(.char("g"), context: "list", keymap: keymap), .pending)
        XCTAssertEqual(matcher.pending, [.char("g")])
        XCTAssertEqual(matcher.feed(.char("g"), context: "list", keymap: keymap), .action(.top))
        XCTAssertEqual(matcher.pending, [])
        // A broken sequence is dropped and the new key read on its own.
        XCTAssertEqual(matcher.feed(.char("g"), context: "list", keymap: keymap), .pending)
        XCTAssertEqual(matcher.feed(.char("j"), context: "list", keymap: keymap), .action(.down))
        XCTAssertEqual(matcher.feed(.char("x"), context: "list", keymap: keymap), .unbound)
    }

    func testHelpListsEveryActionWithItsKeys() {
        var keymap = Keymap<TestAction>()
        _ = keymap.load("bind global j down\nbind global <PgDn> down\nbind list <Enter> open\nbind global g g top\n",
                        file: "k", catalogue: catalogue)
        let lines = HelpView.lines(catalogue: catalogue, keymap: keymap, contexts: ["global", "list"],
                                   contextTitles: ["global": Localized(vi: "Mọi màn hình", en: "Everywhere")], language: .vi)
        let text = lines.map(\.text)
        XCTAssertEqual(text.first, "Mọi màn hình")
        XCTAssertTrue(text.contains { $0.contains("j, <PgDn>") && $0.hasSuffix("Xuống") }, text.joined(separator: "\n"))
        XCTAssertTrue(text.contains { $0.contains("g g") && $0.hasSuffix("Lên đầu") })
        XCTAssertTrue(text.contains("list"), "untitled context falls back to its id")
        XCTAssertTrue(text.contains { $0.contains("<Enter>") && $0.hasSuffix("Mở") })
        XCTAssertTrue(text.contains { $0.contains("(chưa gán phím)") && $0.hasSuffix("Dự phòng") })
        let english = HelpView.lines(catalogue: catalogue, keymap: keymap, contexts: ["global"], contextTitles: [:], language: .en)
        XCTAssertTrue(english.contains { $0.text.contains("(no key)") && $0.text.hasSuffix("Spare") })
    }
}
