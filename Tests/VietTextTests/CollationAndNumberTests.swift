import VietText
import XCTest

final class CollationAndNumberTests: XCTestCase {
    func testAlphabetOrderPutsMarkedLettersAfterTheirBase() {
        let shuffled = ["đá", "ơn", "bà", "ăn", "ân", "an", "ôm", "om", "ưa", "ua", "dê", "êm", "em", "yêu", "xa"]
        XCTAssertEqual(Collation.sorted(shuffled),
                       ["an", "ăn", "ân", "bà", "dê", "đá", "em", "êm", "om", "ôm", "ơn", "ua", "ưa", "xa", "yêu"])
    }

    func testTonesInDictionaryOrderAndLettersBeforeTones() {
        XCTAssertEqual(Collation.sorted(["mạ", "má", "mã", "mả", "mà", "ma"]), ["ma", "mà", "mả", "mã", "má", "mạ"])
        // Letters over the whole word come first: "mác" after "mạ", "mà" before "mai".
        XCTAssertEqual(Collation.sorted(["mai", "mác", "mạ", "mà"]), ["mà", "mạ", "mác", "mai"])
        XCTAssertTrue(Collation.areInIncreasingOrder("Hà Nội", "Hải Phòng"))
        XCTAssertTrue(Collation.areInIncreasingOrder("hoà", "Hòa"), "lower case first when only case differs")
        XCTAssertTrue(Collation.areInIncreasingOrder("Huế", "hỷ"))
        XCTAssertTrue(Collation.areInIncreasingOrder("Quận 1", "Quận Ba Đình"), "digits before letters")
        XCTAssertTrue(Collation.areInIncreasingOrder("Đà", "Đà Lạt"), "a prefix first")
    }

    func testOldAndNewToneStylesAndNFDCollateAlike() {
        XCTAssertEqual(Collation.key("hoà"), Collation.key("hòa"))
        XCTAssertEqual(Collation.key("Việt".decomposedStringWithCanonicalMapping), Collation.key("Việt"))
    }

    func testPeopleByGivenNameThenFamilyName() {
        let people = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Bình", "Nguyễn An", "Phạm Thị Ánh", "Đặng Văn Bình"]
        XCTAssertEqual(Collation.sortedPeople(people),
                       ["Nguyễn An", "Trần Thị An", "Phạm Thị Ánh", "Đặng Văn Bình", "Lê Bình", "Nguyễn Văn Bình"])
        XCTAssertTrue(Collation.personPrecedes("Trần Văn An", "Lê Thị Bình"))
    }

    func testGroupingWithDotsAndDecimalComma() {
        XCTAssertEqual(VietNumber.grouped(1_250_000), "1.250.000")
        XCTAssertEqual(VietNumber.grouped(999), "999")
        XCTAssertEqual(VietNumber.grouped(1000), "1.000")
        XCTAssertEqual(VietNumber.grouped(-26_500), "-26.500")
        XCTAssertEqual(VietNumber.grouped(0), "0")
        XCTAssertEqual(VietNumber.grouped(1234.5, fractionDigits: 2), "1.234,50")
        XCTAssertEqual(VietNumber.grouped(0.125, fractionDigits: 1), "0,1")
        XCTAssertEqual(VietNumber.grouped(-2.5, fractionDigits: 0), "-3")
    }

    func testParsingAmounts() {
        XCTAssertEqual(VietNumber.parse("1.250.000"), 1_250_000)
        XCTAssertEqual(VietNumber.parse(" 1.250.000 đồng "), 1_250_000)
        XCTAssertEqual(VietNumber.parse("1.250.000đ"), 1_250_000)
        XCTAssertEqual(VietNumber.parse("1 250 000 VNĐ"), 1_250_000)
        XCTAssertEqual(VietNumber.parse("250000"), 250_000)
        XCTAssertEqual(VietNumber.parse("-26.500"), -26_500)
        for bad in ["", "1.25", "1.2500.000", "12,5", "abc", "1..000", "đồng", ".500"] {
            XCTAssertNil(VietNumber.parse(bad), bad)
        }
    }

    func testNumbersInWords() {
        let cases: [(Int, String)] = [
            (0, "không"), (5, "năm"), (10, "mười"), (11, "mười một"), (15, "mười lăm"), (21, "hai mươi mốt"),
            (24, "hai mươi tư"), (25, "hai mươi lăm"), (105, "một trăm lẻ năm"), (110, "một trăm mười"),
            (1_000, "một nghìn"), (1_005, "một nghìn không trăm lẻ năm"), (10_500, "mười nghìn năm trăm"),
            (1_250_000, "một triệu hai trăm năm mươi nghìn"), (2_000_000, "hai triệu"),
            (1_000_005, "một triệu không trăm lẻ năm"), (1_005_000, "một triệu không trăm lẻ năm nghìn"),
            (3_000_000_000, "ba tỷ"), (1_000_000_000_000, "một nghìn tỷ"), (-21, "âm hai mươi mốt"),
        ]
        for (value, spoken) in cases { XCTAssertEqual(VietNumber.words(value), spoken, "\(value)") }
        XCTAssertEqual(VietNumber.words(105, zeroTens: "linh"), "một trăm linh năm")
    }

    func testAmountInWordsForPaymentLists() {
        XCTAssertEqual(VietNumber.amountInWords("1.250.000"), "Một triệu hai trăm năm mươi nghìn đồng")
        XCTAssertEqual(VietNumber.amountInWords("0"), "Không đồng")
        XCTAssertEqual(VietNumber.amountInWords(350_000), "Ba trăm năm mươi nghìn đồng")
        XCTAssertNil(VietNumber.amountInWords("một triệu"))
    }
}
