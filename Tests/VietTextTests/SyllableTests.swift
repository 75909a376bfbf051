import VietText
import XCTest

final class SyllableTests: XCTestCase {
    private func parts(_ word: String) -> String? {
        guard let s = Syllable.parse(word) else { return nil }
        return "\(s.onset)|\(s.glide)|\(s.nucleus)|\(s.coda)|\(s.tone.rawValue)"
    }

    func testPartsOfCommonSyllables() {
        XCTAssertEqual(parts("quốc"), "q|u|ô|c|1")
        XCTAssertEqual(parts("người"), "ng||ươ|i|2")
        XCTAssertEqual(parts("nghiêng"), "ngh||iê|ng|0")
        XCTAssertEqual(parts("giữa"), "gi||ưa||4")
        XCTAssertEqual(parts("gì"), "g||i||2")
        XCTAssertEqual(parts("giếng"), "gi||ê|ng|1")
        XCTAssertEqual(parts("khuya"), "kh|u|ya||0")
        XCTAssertEqual(parts("khuỷu"), "kh|u|y|u|3")
        XCTAssertEqual(parts("hoạch"), "h|o|a|ch|5")
        XCTAssertEqual(parts("uyên"), "|u|yê|n|0")
        XCTAssertEqual(parts("yêu"), "||yê|u|0")
        XCTAssertEqual(parts("thuở"), "th|u|ơ||3")
        XCTAssertEqual(parts("xoong"), "x||oo|ng|0")
        XCTAssertEqual(parts("ĐẮK"), nil, "k is no coda")
        XCTAssertEqual(parts("ĐẮC"), "đ||ă|c|1")
        XCTAssertEqual(parts("Nguyễn"), "ng|u|yê|n|4")
    }

    func testEveryWordOfARealSentenceParses() {
        let text = """
        Ủy ban nhân dân tỉnh Quảng Ngãi tổ chức hội nghị tổng kết công tác chuyển đổi số năm hai nghìn
        hai mươi tư và triển khai nhiệm vụ trọng tâm khuyến khích người dân khởi nghiệp thuở trước
        quyết định giải quyết khiếu nại thường xuyên kiểm tra giám sát việc thực hiện nghĩa vụ
        """
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            XCTAssertNotNil(Syllable.parse(String(word)), String(word))
        }
    }

    func testOrthographyRulesRejectWhatVietnameseNeverWrites() {
        for bad in ["ka", "ce", "ghea", "gah", "nge", "ngha", "qa", "cat", "thàp", "ngĩt",
                    "vieejt", "tooi", "website", "UBND", "hóà", "ăa", "iên", "kuy"] {
            XCTAssertNil(Syllable.parse(bad), bad)
        }
        for good in ["gie", "ke", "ghe", "nghe", "kỳ", "ký", "kí", "gì", "ghì", "ca", "ga", "nga", "cát", "thấp", "ngọt"] {
            XCTAssertNotNil(Syllable.parse(good), good)
        }
    }

    func testStopCodasTakeOnlyAcuteOrDot() {
        XCTAssertNotNil(Syllable.parse("tết"))
        XCTAssertNotNil(Syllable.parse("học"))
        XCTAssertNil(Syllable.parse("hòc"))
        XCTAssertNil(Syllable.parse("hoc"))
        XCTAssertNotNil(Syllable.parse("hoc", checkTone: false), "while typing, before the tone key")
    }

    func testBothToneStylesAreValidAndRecognised() {
        for (old, new) in [("hoà", "hòa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("Hoà", "Hòa"), ("oà", "òa")] {
            XCTAssertEqual(Syllable.parse(old)?.writtenStyle, .old, old)
            XCTAssertEqual(Syllable.parse(new)?.writtenStyle, .new, new)
            XCTAssertEqual(Syllable.parse(old)?.written(style: .new), new.lowercased(), old)
            XCTAssertEqual(Syllable.parse(new)?.written(style: .old), old.lowercased(), new)
        }
        // Where both styles agree there is no style to report.
        for word in ["hoàng", "quá", "thuyền", "mía", "của", "người", "khoái", "giá"] {
            let s = Syllable.parse(word)
            XCTAssertNotNil(s, word)
            XCTAssertNil(s?.writtenStyle, word)
            XCTAssertEqual(s?.written(style: .old), word)
            XCTAssertEqual(s?.written(style: .new), word)
        }
        // A mark where neither style puts it is no syllable.
        XCTAssertNil(Syllable.parse("hoàng".replacingOccurrences(of: "oà", with: "òa")))
        XCTAssertNil(Syllable.parse("múa".replacingOccurrences(of: "ú", with: "u").replacingOccurrences(of: "a", with: "á")))
    }

    func testWrittenKeepsCapitals() {
        let s = Syllable.parse("THUỶ")!
        XCTAssertEqual(s.written(style: .new, capitals: [true, true, true, true]), "THỦY")
    }
}
