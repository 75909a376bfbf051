@testable import WordPressClient
import XCTest

/// The content codec on its own: what the desk shows for each shape WordPress stores, and
/// what goes back after an edit — the blocks left alone byte for byte.
final class WordPressContentTests: XCTestCase {
    let blocks = "<!-- wp:paragraph -->\n<p>Sáng 24/11, đoàn đến <strong>đảo Lý Sơn</strong>.</p>\n<!-- /wp:paragraph -->\n\n"
        + "<!-- wp:heading {\"level\":3} -->\n<h3>Điểm đến</h3>\n<!-- /wp:heading -->\n\n"
        + "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Cổng Tò Vò</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Chùa Hang</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n"
        + "<!-- wp:paragraph -->\n<p>Xem <a href=\"https://example.invalid/a?b=1&amp;c=2\">trang</a> &amp; <em>ảnh</em>.</p>\n<!-- /wp:paragraph -->\n"

    func testBlocksReadAsThePlainText() {
        let content = WordPressContent(raw: blocks)
        XCTAssertTrue(content.isPlain)
        XCTAssertEqual(content.text, "Sáng 24/11, đoàn đến **đảo Lý Sơn**.\n\n## Điểm đến\n\n- Cổng Tò Vò\n- Chùa Hang\n\n"
                       + "Xem [trang](https://example.invalid/a?b=1&c=2) & *ảnh*.")
        XCTAssertNil(content.raw(for: content.text), "an unchanged text writes nothing")
    }

    func testAnEditedParagraphIsTheOnlyBlockWrittenAnew() throws {
        let content = WordPressContent(raw: blocks)
        let edited = content.text.replacingOccurrences(of: "- Chùa Hang", with: "- Chùa Hang\n- Hang Câu")
            .replacingOccurrences(of: "Sáng 24/11", with: "Chiều 24/11")
        let raw = try XCTUnwrap(content.raw(for: edited))
        XCTAssertTrue(raw.hasPrefix("<!-- wp:paragraph -->\n<p>Chiều 24/11, đoàn đến <strong>đảo Lý Sơn</strong>.</p>\n<!-- /wp:paragraph -->\n\n"
                                    + "<!-- wp:heading {\"level\":3} -->\n<h3>Điểm đến</h3>\n<!-- /wp:heading -->\n\n"), raw)
        XCTAssertTrue(raw.contains("<li>Hang Câu</li>"), raw)
        XCTAssertTrue(raw.hasSuffix("<!-- wp:paragraph -->\n<p>Xem <a href=\"https://example.invalid/a?b=1&amp;c=2\">trang</a> &amp; <em>ảnh</em>.</p>\n<!-- /wp:paragraph -->\n"),
                      "the last block, untouched, keeps its bytes and the newline after it: \(raw)")
        XCTAssertEqual(WordPressContent(raw: raw).text, edited, "what was written reads back as the edit")
    }

    func testClassicParagraphsStayClassic() throws {
        let raw = "Hội nghị diễn ra tại hội trường.\n\nCác đại biểu đã thảo luận."
        let content = WordPressContent(raw: raw)
        XCTAssertTrue(content.isPlain)
        XCTAssertEqual(content.text, raw)
        XCTAssertEqual(content.raw(for: "Hội nghị diễn ra tại hội trường.\n\nCác đại biểu đã thảo luận kỹ."),
                       "Hội nghị diễn ra tại hội trường.\n\nCác đại biểu đã thảo luận kỹ.")
    }

    func testWhatThePlainTextCannotHoldIsEditedAsHTML() {
        for raw in ["<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>1</td></tr></tbody></table></figure>\n<!-- /wp:table -->",
                    "<!-- wp:paragraph {\"align\":\"center\"} -->\n<p class=\"has-text-align-center\">Giữa</p>\n<!-- /wp:paragraph -->",
                    "<p>Giá * 2 [ước tính]</p>", "<p>Chữ <span style=\"color:red\">đỏ</span></p>", "<h1>Tiêu đề</h1>"] {
            let content = WordPressContent(raw: raw)
            XCTAssertFalse(content.isPlain, raw)
            XCTAssertEqual(content.text, raw)
            XCTAssertNil(content.raw(for: raw))
            XCTAssertEqual(content.raw(for: raw + "\n<p>Thêm</p>"), raw + "\n<p>Thêm</p>")
        }
    }

    func testANewPostIsWrittenAsBlocks() {
        XCTAssertEqual(WordPressContent(raw: "").raw(for: "# Tin\n\nMột **hai** [ba](https://example.invalid/?a=1&b=2)"),
                       "<!-- wp:heading -->\n<h2>Tin</h2>\n<!-- /wp:heading -->\n\n"
                       + "<!-- wp:paragraph -->\n<p>Một <strong>hai</strong> <a href=\"https://example.invalid/?a=1&amp;b=2\">ba</a></p>\n<!-- /wp:paragraph -->")
    }
}
