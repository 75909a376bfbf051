import Foundation
import VietText
import XCTest

/// The rules that came with the word model counted from real prose (issue 23):
/// each one on a sentence of its own.
final class WordModelTests: XCTestCase {
    static let checker = SpellChecker(lexicon: Lexicon.standard())

    private func findings(_ text: String) -> [Finding] { Self.checker.check(text) }

    private func errors(_ text: String) -> [Finding] {
        findings(text).filter { $0.kind == .nonword || $0.kind == .realword }
    }

    func testTheInventoryHoldsSyllablesHunspellLacks() {
        let withModel = Lexicon.standard()
        let without = Lexicon.standard(hunspell: Lexicon.hunspellDictionary, user: nil, model: nil)
        XCTAssertGreaterThan(withModel.attestedCount, without.attestedCount)
        XCTAssertEqual(without.modelWords, 0)
    }

    func testARealWordIsFlaggedWhenTheModelPrefersASlipBesideBothNeighbours() {
        let found = errors("Chính sách của Nhà bước đối với thanh niên.")
        XCTAssertEqual(found.map(\.word), ["bước"])
        XCTAssertEqual(found.first?.suggestions.first, "nước")
    }

    func testAFixCountedBetweenBothNeighboursTogetherNeedsALowerBar() {
        let text = "Sở đã tổ chức tật huấn cho cán bộ xã."
        let found = errors(text)
        XCTAssertEqual(found.map(\.word), ["tật"])
        XCTAssertEqual(found.first?.suggestions.first, "tập")
        // By its pairs alone (the triples' bar as high as the pairs'), "tật" stands.
        var pairsOnly = Self.checker
        pairsOnly.contextBars.tripleRatio = pairsOnly.contextBars.ratio
        XCTAssertEqual(pairsOnly.check(text).filter { $0.kind == .realword }.map(\.word), [])
    }

    func testThreeAsWrittenWithTheSyllableBeyondANeighbourStand() {
        // "xuất ban chủ" is rare, "xuất bản" common; "ban chủ nhiệm" the model counted.
        let text = "Hội đồng đề xuất ban chủ nhiệm xem lại kế hoạch."
        XCTAssertEqual(errors(text).map(\.word), [])
        var threeOnly = Self.checker
        threeOnly.contextBars.outer = false
        XCTAssertEqual(threeOnly.check(text).filter { $0.kind == .realword }.map(\.word), ["ban"])
    }

    func testAtAPhrasesStartHowOftenEachIsWrittenCounts() {
        let found = errors("Cọ thể nói rằng năm nay mùa màng tốt.")
        XCTAssertEqual(found.map(\.word), ["Cọ"])
        XCTAssertEqual(found.first?.suggestions.first, "Có")
        XCTAssertEqual(errors("Cà phê sáng nay ngon. Bà con trong xóm đến chơi.").map(\.word), [])
    }

    func testCorrectProseWithRareButRightPairsStands() {
        XCTAssertEqual(errors("Luật này quy định về quyền tự do báo chí, quyền tự do ngôn luận trên báo chí của công dân.").map(\.word), [])
        XCTAssertEqual(errors("Ông ta làm công sứ ở Sơn La rồi lên thay ông Hùng.").map(\.word), [])
    }

    func testEnglishInsideVietnameseDrawsNoVietnameseFinding() {
        let text = """
        Anh ấy nói: This is the best thing that has happened to us in years, and we will keep it.
        Giấy phép ghi: You may not offer or impose any additional or different terms on the Licensed Material.
        """
        XCTAssertEqual(errors(text).map(\.word), [])
    }

    func testLowercaseForeignWordsAndAbbreviationsAreLeftAlone() {
        XCTAssertEqual(errors("Bộ nhớ memory của máy chủ giá 5 usd, dung lượng storage lớn.").map(\.word), [])
    }

    func testWordsTheEnglishListKnowsAreForeignUnlessAFixFitsBesideThem() throws {
        // `make test` installs it; without it this test fails rather than passing unseen.
        guard FileManager.default.fileExists(atPath: Lexicon.englishWordList) else {
            return XCTFail("wamerican is not installed (\(Lexicon.englishWordList)): run the tests with `make test`")
        }
        let text = "Anh ấy nói hey rồi bỏ đi. Ổ cắm slot thứ hai của máy IBM đã hỏng; hợp đồng ký tháng 20-Dec và hết hạn."
        XCTAssertEqual(errors(text).map(\.word), [])
        // Without the list they are Vietnamese non-words and a name one slip from Đéc.
        var lexicon = Lexicon.standard()
        lexicon.readEnglish(from: nil)
        XCTAssertEqual(SpellChecker(lexicon: lexicon).check(text).filter { $0.kind == .nonword }.map(\.word), ["hey", "slot", "Dec"])
        // A list that cannot be read knows no word.
        lexicon.readEnglish(from: "/nonexistent/american-english")
        XCTAssertEqual(SpellChecker(lexicon: lexicon).check(text).filter { $0.kind == .nonword }.map(\.word), ["hey", "slot", "Dec"])
        // An English word where a syllable a slip away fits its neighbour is a slip (tip for tiếp; Thur, keys for Thủ).
        let slips = errors("Công việc vẫn tip tục như cũ. Thur trưởng các cơ quan họp.")
        XCTAssertEqual(slips.map(\.word), ["tip", "Thur"])
        XCTAssertEqual(slips.map { $0.suggestions.first }, ["tiếp", "Thủ"])
    }

    /// The press's lower-case abbreviations are read as the English list's words are: a slip where
    /// a syllable a slip away fits beside them ("đt" lost the vowel of đất), with the words the
    /// abbreviation stands for as the second fix; elsewhere a style note naming those words.
    func testPressAbbreviationsAreSlipsOnlyWhereAFixFitsBesideThem() {
        let note = findings("Ông là gv dạy toán ở trường.")
        XCTAssertEqual(note.map(\.word), ["gv"])
        XCTAssertEqual(note.first?.kind, .style)
        XCTAssertEqual(note.first?.reason, .abbreviation)
        XCTAssertEqual(note.first?.suggestions, ["giáo viên"])
        let slip = errors("Người dân được cấp giấy chứng nhận quyền sử dụng đt đai.")
        XCTAssertEqual(slip.map(\.word), ["đt"])
        XCTAssertEqual(slip.first?.suggestions.prefix(2), ["đất", "điện thoại"])
        // Capitalised, it is a name or a heading's word, not the press's abbreviation.
        XCTAssertFalse(findings("Gv Nguyễn Văn An dạy toán.").contains { $0.reason == .abbreviation })
    }

    func testTypoedSyllablesInPlainLettersAreStillFound() {
        XCTAssertEqual(errors("Công tác tronh năm qua.").map(\.word), ["tronh"])
        // A list item's letter is no foreign word that would make "giz" part of an English run.
        XCTAssertEqual(errors("g) Tham giz giám sát việc tuân theo pháp luật.").map(\.word), ["giz"])
    }

    func testWordsNoSlipOfASyllableMakesAreForeign() {
        // Three runs of vowels (estándar), or two that no syllable without marks is one letter from (cache).
        XCTAssertEqual(errors("Tiếng Tây Ban Nha chuẩn (estándar, formación) dùng bộ nhớ đệm cache.").map(\.word), [])
        // One letter added to a syllable without marks is still a slip.
        XCTAssertEqual(errors("Đoàn thanha niên họp.").map(\.word), ["thanha"])
    }

    func testPlainLetterSyllablesHunspellLacksAreForeignNotVietnamese() throws {
        guard FileManager.default.fileExists(atPath: Lexicon.hunspellDictionary) else {
            return XCTFail("hunspell-vi is not installed (\(Lexicon.hunspellDictionary)): run the tests with `make test`")
        }
        let lexicon = Lexicon.standard()
        // The pages quote English (lot, queen) often enough to count; "qui" is quy written with i.
        XCTAssertFalse(lexicon.isAttested(syllableKey: "lot"))
        XCTAssertFalse(lexicon.isAttested(syllableKey: "queen"))
        XCTAssertTrue(lexicon.isAttested(syllableKey: "qui"))
        XCTAssertTrue(lexicon.isAttested(syllableKey: "hóa"))
    }

    func testALostLetterTakesDsBarWithIt() {
        let found = errors("Nhà anh cũng kiếm ược 250.000 đồng mỗi ngày.")
        XCTAssertEqual(found.map(\.word), ["ược"])
        XCTAssertEqual(found.first?.suggestions.first, "được")
    }

    func testAQuotationOpensWithACapitalNotAName() {
        XCTAssertEqual(errors("Ông nói: \"Chẳng ai còn gì cả.\" Tôi hỏi: “Mấy hôm rày làm được không em?”").map(\.word), [])
    }

    func testAKeyPressedTwiceIsTheFirstFix() {
        XCTAssertEqual(errors("Anh ấy vvội vàng ra đi.").first?.suggestions.first, "vội")
    }

    func testKeysAfterMarksAreASlipNotTelex() {
        // Telex keys stay in the text when the keyboard is not set to Vietnamese: no marks then.
        XCTAssertEqual(errors("Cái đĩz này vỡ rồi.").first?.suggestions.first, "đĩa")
        XCTAssertEqual(errors("Tôi là người vieejt.").first?.suggestions.first, "việt")
    }

    func testReduplicativesTheProseWritesAreNotNotedAsRepeats() {
        let notes = findings("Họ đi đều đều trên đường, bước từ từ, trời xanh xanh.").filter { $0.reason == .repeatedWord }
        XCTAssertEqual(notes.map(\.word), [])
        XCTAssertEqual(findings("Tôi đọc bài của của anh.").filter { $0.reason == .repeatedWord }.map(\.word), ["của của"])
    }

    func testVariantSpellingsAreBothAccepted() {
        XCTAssertEqual(errors("Hằng năm và hàng năm, doanh thu đạt 5 tỉ đồng, năm sau 6 tỷ đồng; kỹ thuật, kĩ thuật.").map(\.word), [])
    }

    func testAHouseStyleAsksForOneVariantWithAStyleNote() {
        var checker = SpellChecker(lexicon: Self.checker.lexicon)
        checker.preferredVariants = ["hằng", "tỷ"]
        let notes = checker.check("Hàng năm thu 5 tỉ đồng, hằng ngày 6 tỷ; hàng hóa bán chạy.")
        XCTAssertEqual(notes.map(\.word), ["Hàng năm", "tỉ"])
        XCTAssertEqual(notes.map(\.kind), [.style, .style])
        XCTAssertEqual(notes.map(\.reason), [.variantStyle, .variantStyle])
        XCTAssertEqual(notes.map { $0.suggestions.first ?? "" }, ["Hằng năm", "tỷ"])
        XCTAssertEqual(notes.map(\.length), [8, 2])
        checker.preferredVariants = ["hàng", "quí"]
        XCTAssertEqual(checker.check("Hằng tháng quỹ chi đều.").map { $0.suggestions.first ?? "" }, ["Hàng tháng", "quĩ"])
    }

    func testALoanwordWrittenAsOneWordIsLeftAlone() {
        // Two runs of vowels and no syllable a slip away: Vietnamised loanwords, not typos.
        XCTAssertEqual(errors("Xe chở ăcqui cũ và túi nilông, ông bán kem càrem.").map(\.word), [])
        // A typo with two runs of vowels is still one: a syllable is a slip away.
        XCTAssertEqual(errors("Đoàn thanha niên họp.").map(\.word), ["thanha"])
    }

    func testLoanwordsTheCountedProseWritesOftenAreLeftAlone() {
        XCTAssertEqual(errors("Anh đi taxi ra bến xe bus, giá 30 baht, rồi đi ôtô thêm 5 kilômét.").map(\.word), [])
        // Written with a capital inside a sentence, a word is read as a name first.
        XCTAssertEqual(errors("Tôi gặp ông Nguyêễn hôm qua.").map(\.word), ["Nguyêễn"])
    }

    func testTheOtherIYSpellingOfAWordIsNoSlip() {
        // quĩ beside quỹ, qui hoạch beside quy hoạch: the same words spelt the other way.
        XCTAssertEqual(errors("Tỉnh lập quĩ hỗ trợ và duyệt khu qui hoạch dân cư mới.").map(\.word), [])
        // A name keeps its one spelling.
        XCTAssertEqual(errors("Ông Phạm Văn Huy sinh ở Mý Tho.").map(\.word), ["Mý"])
    }

    func testALetterLostWithItsMarksIsOneSlip() {
        // "đon" is đoàn without its à, "thưng" thương without its ơ.
        let found = errors("Các đon viên thanh niên tham gia. Anh ấy bị thưng nặng ở chân.")
        XCTAssertEqual(found.map(\.word), ["đon", "thưng"])
        XCTAssertEqual(found.map { $0.suggestions.first ?? "" }, ["đoàn", "thương"])
    }

    func testRomanNumeralListMarkersAreAccepted() {
        XCTAssertEqual(errors("Chương II\nMục IV. Điều 3\nI. Mục tiêu\nIII. Giải pháp").map(\.word), [])
    }

    func testANameOneSlipFromAFrequentNameIsAFinding() {
        let found = errors("Ông Nguyêễn Văn An và bà Huỳng Thị Lan dự họp.")
        XCTAssertEqual(found.map(\.word), ["Nguyêễn", "Huỳng"])
        XCTAssertEqual(found.map { $0.suggestions.first ?? "" }, ["Nguyễn", "Huỳnh"])
    }

    func testANameWrittenTwiceTheSameWayIsAName() {
        XCTAssertEqual(errors("Chị Huỳng kể chuyện. Chị Huỳng cười.").map(\.word), [])
    }

    func testAWellFormedNameTheProseNeverCapitalisesIsFoundNearAFrequentOne() {
        XCTAssertEqual(errors("Ông Trầng Văn Bình là giám đốc.").map(\.word), ["Trầng"])
    }

    func testANameCommonAlsoInLowerCaseIsStillAFrequentName() {
        // Thanh is a name, though thanh niên and âm thanh write it in lower case more often.
        let found = errors("Hôm qua chị Thanb Hương đã về.")
        XCTAssertEqual(found.map(\.word), ["Thanb"])
        XCTAssertEqual(found.first?.suggestions.first, "Thanh")
    }
}
