@testable import PortalServer
import Testing
import VietText

/// The table SQLite's search reads keys from gives what `Diacritics.searchKey` gives.
struct SearchKeyTableTests {
    @Test func theTableGivesTheSearchKeyOfAnyText() {
        // ASCII whole, Vietnamese in both cases, decomposed marks, Greek (ς is no special case),
        // dotted İ, dashes and quotes, CJK and an emoji beyond the table.
        var pieces = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }
        pieces += ["Ạ", "ạ", "Đ", "đ", "Ươ", "ỹ", "e\u{0301}", "\u{0323}", "ΑΣ", "İ", "ß", "–", "“", "…", "ﬁ", "漢", "😀", "Ⅻ", "Å"]
        var seed: UInt64 = 0x6b65_7973
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let text = (0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined()
            var key: [UInt8] = []
            SearchKeyTable.shared.appendKey(of: text, to: &key)
            #expect(key == Array(Diacritics.searchKey(text).utf8), "\(text)")
        }
        #expect(Store.contains(Array("hoi nghi tong ket".utf8), Array("g ke".utf8)))
        #expect(!Store.contains(Array("hoi nghi".utf8), Array("nghi ".utf8)))
        #expect(Store.contains([], []))
    }
}
