import VietText
import XCTest

final class InputMethodTests: XCTestCase {
    /// Types `keys` word by word (spaces end words) and returns what shows.
    private func typed(_ keys: String, _ method: InputMethod = .telex, style: ToneStyle = .new) -> String {
        var composer = WordComposer(method: method, style: style)
        var out = ""
        var word = ""
        for key in keys {
            if composer.takes(key) {
                composer.type(key)
                word = composer.text
            } else {
                out += word
                out.append(key)
                composer.reset()
                word = ""
            }
        }
        return out + word
    }

    func testTelexSentenceFromTheIssue() {
        XCTAssertEqual(typed("Tooi vieets baif"), "Tôi viết bài")
    }

    func testTelexRules() {
        XCTAssertEqual(typed("dduwowngf"), "đường")
        XCTAssertEqual(typed("nguowif"), "người")
        XCTAssertEqual(typed("thuowr"), "thuở")
        XCTAssertEqual(typed("quoocs"), "quốc")
        XCTAssertEqual(typed("hoawcj"), "hoặc")
        XCTAssertEqual(typed("quawng"), "quăng")
        XCTAssertEqual(typed("muwa"), "mưa")
        XCTAssertEqual(typed("Vieetj Nam"), "Việt Nam")
        XCTAssertEqual(typed("giuwax"), "giữa")
        XCTAssertEqual(typed("khuyeens khichs"), "khuyến khích")
        XCTAssertEqual(typed("w"), "ư")
        XCTAssertEqual(typed("tw"), "tư")
        XCTAssertEqual(typed("DDAAKS LAWKS"), "ĐẤK LẮK")
        // The tone may come before the rest of the word; it moves as the word grows.
        XCTAssertEqual(typed("hoasng"), "hoáng")
        XCTAssertEqual(typed("vieset"), "viết")
    }

    func testPressingTwiceUndoes() {
        XCTAssertEqual(typed("ass"), "as")
        XCTAssertEqual(typed("aaa"), "aa")
        XCTAssertEqual(typed("ddd"), "dd")
        XCTAssertEqual(typed("uww"), "uw")
        XCTAssertEqual(typed("az"), "az", "z with no tone to remove is a letter")
        XCTAssertEqual(typed("asz"), "a")
    }

    func testToneStyles() {
        XCTAssertEqual(typed("hoaf", style: .new), "hòa")
        XCTAssertEqual(typed("hoaf", style: .old), "hoà")
        XCTAssertEqual(typed("thuyr", style: .new), "thủy")
        XCTAssertEqual(typed("thuyr", style: .old), "thuỷ")
        XCTAssertEqual(typed("hoafng", style: .old), "hoàng", "a coda settles the place whatever the style")
    }

    func testWhatIsNotVietnameseIsLeftAlone() {
        XCTAssertEqual(typed("Zalo"), "Zalo")
        XCTAssertEqual(typed("email"), "email")
        XCTAssertEqual(typed("2024"), "2024")
    }

    func testVNI() {
        XCTAssertEqual(typed("To6i vie6t1 ba2i", .vni), "Tôi viết bài")
        XCTAssertEqual(typed("d9u7o7ng2", .vni), "đường")
        XCTAssertEqual(typed("hoa8c5", .vni), "hoặc")
        XCTAssertEqual(typed("a11", .vni), "a1")
        XCTAssertEqual(typed("26.500", .vni), "26.500")
    }

    func testOutputIsNFCAndBackspaceWorksOnShownLetters() {
        var composer = WordComposer()
        for key in "vieetj" { composer.type(key) }
        XCTAssertEqual(composer.text, "việt")
        XCTAssertEqual(composer.text, composer.text.precomposedStringWithCanonicalMapping)
        composer.deleteBackward()
        XCTAssertEqual(composer.text, "việ")
        composer.type("c")
        XCTAssertEqual(composer.text, "việc")
        composer.type("s")
        XCTAssertEqual(composer.text, "viếc")
    }
}
