import VietText
import XCTest

final class TokenizerTests: XCTestCase {
    func testWhatIsNotProseIsLeftAlone() {
        let text = "Theo Quyết định 43/2011/NĐ-CP ngày 22/11/2018, UBND và TTĐT chi 26.500 triệu (0232.3851206; 15%)"
            + " qua https://quangngai.gov.vn/tin hoặc vp@quangngai.gov.vn; CNTT&TT, QĐ-UBND, F0, kinh tế-xã hội."
        let tokens = Tokenizer.tokens(in: text)
        func kind(_ t: String) -> Token.Kind? { tokens.first { $0.text == t }?.kind }
        XCTAssertEqual(kind("43/2011/NĐ-CP"), .documentNumber)
        XCTAssertEqual(kind("22/11/2018"), .date)
        XCTAssertEqual(kind("UBND"), .capitals)
        XCTAssertEqual(kind("TTĐT"), .capitals)
        XCTAssertEqual(kind("26.500"), .number)
        XCTAssertEqual(kind("0232.3851206"), .number)
        XCTAssertEqual(kind("15%"), .number)
        XCTAssertEqual(kind("https://quangngai.gov.vn/tin"), .url)
        XCTAssertEqual(kind("vp@quangngai.gov.vn"), .email)
        XCTAssertEqual(kind("CNTT&TT"), .capitals)
        XCTAssertEqual(kind("QĐ-UBND"), .documentNumber)
        XCTAssertEqual(kind("F0"), .code)
        XCTAssertEqual(kind("tế"), .word)
        XCTAssertEqual(kind("xã"), .word)
        XCTAssertEqual(kind("Quyết"), .word)
        XCTAssertFalse(tokens.contains { $0.kind == .word && $0.text.contains(where: { ",.;()".contains($0) }) })
    }

    func testPositionsAreOneBasedCharacters() {
        let tokens = Tokenizer.tokens(in: "Ủy ban\n  **Tỉnh** đoàn")
        XCTAssertEqual(tokens.map(\.text), ["Ủy", "ban", "Tỉnh", "đoàn"])
        XCTAssertEqual(tokens.map(\.line), [1, 1, 2, 2])
        XCTAssertEqual(tokens.map(\.column), [1, 4, 5, 12])
        XCTAssertTrue(tokens[0].startsSentence)
        XCTAssertFalse(tokens[1].startsSentence)
    }

    func testWindowsLineEndsAndLonePunctuation() {
        let tokens = Tokenizer.tokens(in: "Ủy ban\r\nnhân dân ,\rtỉnh")
        XCTAssertEqual(tokens.map(\.text), ["Ủy", "ban", "nhân", "dân", ",", "tỉnh"])
        XCTAssertEqual(tokens.map(\.line), [1, 1, 2, 2, 2, 3])
        XCTAssertEqual(tokens[4].kind, .punctuation)
        XCTAssertEqual(tokens[4].column, 10)
        // Marks standing alone on every side: a quote, list bullets, a bold marker.
        let marks = Tokenizer.tokens(in: "Ông nói \" chào \" - * ** ( ) _")
        XCTAssertEqual(marks.map(\.text), ["Ông", "nói", "chào"])
    }

    func testLinksAndDottedAbbreviations() {
        let tokens = Tokenizer.tokens(in: "[Cổng TTĐT](https://quangngai.gov.vn) TP.HCM v.v.")
        XCTAssertEqual(tokens.map(\.text), ["Cổng", "TTĐT", "https://quangngai.gov.vn", "TP.HCM", "v.v"])
        XCTAssertEqual(tokens.map(\.kind), [.word, .capitals, .url, .capitals, .code])
        XCTAssertEqual(tokens[2].column, 13)
    }
}

/// Against Debian's hunspell-vi word list, which `make test` installs.
final class SpellCheckerTests: XCTestCase {
    static let lexicon = Lexicon.standard()
    let checker = SpellChecker(lexicon: SpellCheckerTests.lexicon)

    func testTheDictionaryIsThere() {
        XCTAssertTrue(Self.lexicon.hasSyllables, "install hunspell-vi (make test does)")
        XCTAssertGreaterThan(Self.lexicon.attestedCount, 6_000)
    }

    func testCleanGovernmentProseRaisesNothing() {
        let text = """
        Ngày 22/11/2018, UBND tỉnh Quảng Ngãi ban hành Quyết định số 1534/QĐ-UBND về việc phê duyệt kế hoạch
        ứng dụng CNTT trong hoạt động của cơ quan nhà nước. Theo đó, Cổng TTĐT tỉnh phối hợp với Sở Thông tin
        và Truyền thông đăng tải thông tin trên website, fanpage Facebook và Zalo; tổng kinh phí 26.500 triệu đồng.
        Ông Nguyễn Văn Hòa, Chủ tịch UBND huyện Lý Sơn, cho biết công tác thủy lợi, khắc phục hậu quả thiên tai
        được chú trọng; người dân được hỗ trợ kịp thời. Liên hệ: vanphong@quangngai.gov.vn.
        """
        XCTAssertEqual(checker.check(text), [])
    }

    func testBothToneStylesAreAcceptedAlone() {
        XCTAssertEqual(checker.check("Công tác thuỷ lợi, hoà giải và khoẻ mạnh."), [])
        XCTAssertEqual(checker.check("Công tác thủy lợi, hòa giải và khỏe mạnh."), [])
    }

    func testAMixOfStylesIsOneNote() {
        let findings = checker.check("Hòa giải, hòa hợp và thuỷ lợi.")
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?.reason, .mixedToneStyles)
        XCTAssertEqual(findings.first?.word, "thuỷ")
        XCTAssertEqual(findings.first?.suggestions, ["thủy"])
        XCTAssertEqual(findings.first?.kind, .style)
    }

    func testHouseStyleFlagsTheOther() {
        let strict = SpellChecker(lexicon: Self.lexicon, style: .old)
        let findings = strict.check("Hòa bình")
        XCTAssertEqual(findings.map(\.suggestions), [["Hoà"]])
        XCTAssertEqual(findings.first?.reason, .toneStyle)
    }

    func testNonWords() {
        let findings = checker.check("Nông dân thàp tỉnh sẽ vieejt báo cáo về khôngg.")
        XCTAssertEqual(findings.map(\.word), ["thàp", "vieejt", "khôngg"])
        XCTAssertEqual(findings.map(\.kind), [.nonword, .nonword, .nonword])
        XCTAssertEqual(findings[1].reason, .telexLeftover)
        XCTAssertEqual(findings[1].suggestions.first, "việt")
        XCTAssertTrue(findings[0].suggestions.contains("thấp"), "\(findings[0].suggestions)")
        XCTAssertTrue(findings[2].suggestions.contains("không"), "\(findings[2].suggestions)")
        XCTAssertEqual(findings[0].column, 10)
    }

    func testFixesAreRankedByTheWordsBesideThem() {
        // The same misspelling, fixed differently by its neighbours: the syllable after it…
        let after = checker.check("Ông nhận chách nhiệm trước dân.")
        XCTAssertEqual(after.first?.suggestions.first, "trách", "\(after)")
        // …or before it.
        let before = checker.check("Tăng cường công tác bảo đãm an toàn.")
        XCTAssertEqual(before.first?.suggestions.first, "đảm", "\(before)")
        // Alone, marks are cheaper than letters: a lost hat and a tone before a neighbouring key.
        XCTAssertEqual(checker.suggestions(for: "thàp").prefix(3).contains("thấp"), true, "\(checker.suggestions(for: "thàp"))")
        // Telex keys that happen to spell a syllable no one writes are still Telex.
        let telex = checker.check("Hồ sơ khoong hợp lệ.")
        XCTAssertEqual(telex.first?.reason, .telexLeftover)
        XCTAssertEqual(telex.first?.suggestions.first, "không")
    }

    func testOddCapitalsAreTheSameWord() {
        // "nGÀY" is ngày: a reduplication, not a word typed twice, and a known word.
        XCTAssertEqual(checker.check("Hằng ngày nGÀY đều có tin mới.").map(\.reason), [])
        XCTAssertEqual(checker.check("Báo cáo của của vIệt Nam.").map(\.reason), [.repeatedWord])
    }

    func testRealWordConfusions() {
        let findings = checker.check("Sử lý hồ sơ, sắp sếp lại và đẩy mạnh sản suất; chính chắn trong công việc.")
        XCTAssertEqual(findings.map(\.word), ["Sử lý", "sắp sếp", "sản suất", "chính chắn"])
        XCTAssertEqual(findings.map { $0.suggestions.first ?? "" }, ["Xử lý", "sắp xếp", "sản xuất", "chín chắn"])
        XCTAssertTrue(findings.allSatisfy { $0.kind == .realword })
        XCTAssertEqual(checker.check("xử lý, sắp xếp, sản xuất, chín chắn."), [])
        // Merging villages is sáp nhập; "xát" (to rub) never goes with nhập, but "giám sát nhập khẩu" is right.
        XCTAssertEqual(checker.check("Việc xát nhập các thôn.").map { $0.suggestions.first ?? "" }, ["sáp nhập"])
        XCTAssertEqual(checker.check("Tăng cường giám sát nhập khẩu."), [])
    }

    func testLoanwordsAndNames() {
        XCTAssertEqual(checker.check("Trang Facebok và Youtbe của tỉnh.").map(\.suggestions), [["Facebook"], ["YouTube"]])
        // A capitalised foreign name the lexicon cannot know is left alone.
        XCTAssertEqual(checker.check("Ông Trump và bà Merkel."), [])
    }

    func testStyleNotes() {
        let findings = checker.check("Đây là nhiệm vụ của của toàn dân , không phải của riêng ai.")
        XCTAssertEqual(findings.map(\.reason), [.repeatedWord, .spaceBeforePunctuation])
        XCTAssertEqual(findings[0].word, "của của")
        XCTAssertEqual(findings[0].suggestions, ["của"])
        XCTAssertEqual(findings[1].word, "dân ,")
        XCTAssertEqual(findings[1].suggestions, ["dân,"])
        // V/v ("về việc") in a letter's subject line is an abbreviation, not "v" typed twice.
        XCTAssertEqual(checker.check("V/v tăng cường chất lượng thông tin"), [])
        // Reduplication is Vietnamese, not a typing slip.
        XCTAssertEqual(checker.check("Nhà nhà, người người thi đua."), [])
    }

    func testHeadingsInCapitalsAreCheckedAbbreviationsAreNot() {
        XCTAssertEqual(checker.check("THÔNG BÁO KẾT LUẬN CỦA UBND TỈNH"), [])
        XCTAssertEqual(checker.check("THÔNG BÁO KẾT LUẬN SỬ LÝ").map(\.suggestions), [["XỬ LÝ"]])
    }

    func testDecomposedTextIsAnEncodingNote() {
        let nfd = "Việt Nam".decomposedStringWithCanonicalMapping
        let findings = checker.check(nfd)
        XCTAssertEqual(findings.map(\.kind), [.encoding])
        XCTAssertEqual(findings.first?.column, 3, "the ệ of Việt")
        XCTAssertEqual(findings.first?.suggestions, ["ệ"])
    }

    func testNormalizeConvertsStyleAndKeepsCase() {
        let converted = Normalization.nfc("HOÀ BÌNH, hoà giải, Thuỷ".decomposedStringWithCanonicalMapping, toneStyle: .new)
        XCTAssertEqual(converted, "HÒA BÌNH, hòa giải, Thủy")
        XCTAssertTrue(Normalization.isNFC(converted))
    }

    func testPairsOneSlipFromAKnownWordAndRepeats() {
        let checker = SpellChecker(lexicon: Lexicon.standard())
        let findings = checker.check("Đơn vị thực hiên kiện toàng bộ máy, nội dung nội dung và ngày ngày cập nhật Vidoe.")
        XCTAssertEqual(findings.map(\.word), ["hiên", "toàng", "nội dung nội dung", "Vidoe"], "\(findings)")
        XCTAssertEqual(findings.map(\.kind), [.realword, .realword, .style, .nonword])
        XCTAssertEqual(findings[0].suggestions, ["hiện"])
        XCTAssertEqual(findings[1].suggestions, ["toàn"])
        XCTAssertEqual(findings[2].suggestions, ["nội dung"], "the fix keeps one copy")
        XCTAssertEqual(findings[3].suggestions, ["video"])
        // Telex keys that compose a syllable win over a near loanword (tour).
        let thu = checker.check("Thur trưởng các cơ quan")
        XCTAssertEqual(thu.map(\.reason), [.telexLeftover])
        XCTAssertEqual(thu.first?.suggestions.first, "Thủ")
        // Across punctuation and next to a name nothing is paired.
        XCTAssertEqual(checker.check("Việc thực, hiên nhà; ông Trần Hiên đến.").filter { $0.kind == .realword }.count, 0)
    }
}
