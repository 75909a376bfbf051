import Foundation
@testable import NewsroomKit
import XCTest

final class PublicationTests: XCTestCase {
    func testSlugsFromVietnameseTitles() {
        XCTAssertEqual(Slug.make("Tòa soạn"), "toa-soan")
        XCTAssertEqual(Slug.make("Đà Nẵng: đường ven biển — khởi công!"), "da-nang-duong-ven-bien-khoi-cong")
        XCTAssertEqual(Slug.make("Nghị định 18/2014/NĐ-CP về nhuận bút"), "nghi-dinh-18-2014-nd-cp-ve-nhuan-but")
        XCTAssertEqual(Slug.make("To\u{0300}a soa\u{0323}n"), "toa-soan", "decomposed input too")
        XCTAssertEqual(Slug.make("  ...  "), "")
        XCTAssertEqual(Slug.make("中文 title"), "title", "letters with no Latin form are dropped")
        let long = Slug.make(String(repeating: "Quảng Ngãi phát triển ", count: 10))
        XCTAssertLessThanOrEqual(long.count, Slug.maxLength)
        XCTAssertFalse(long.hasSuffix("-"))
        XCTAssertTrue(long.hasSuffix("quang") || long.hasSuffix("ngai") || long.hasSuffix("phat") || long.hasSuffix("trien"), long)
    }

    func testMarkdownBecomesHTMLAndNothingRunsInIt() {
        let html = MarkdownHTML.render("""
            ## Mục một
            Đoạn **đậm** và *nghiêng*, xem [cổng](https://quangngai.gov.vn/a?b=1&c="2").
            dòng tiếp của đoạn.

            - ý một
            - ý hai & ba
            """)
        XCTAssertEqual(html, """
            <h3>Mục một</h3>
            <p>Đoạn <strong>đậm</strong> và <em>nghiêng</em>, xem <a href="https://quangngai.gov.vn/a?b=1&amp;c=&quot;2&quot;">cổng</a>. dòng tiếp của đoạn.</p>
            <ul>
            <li>ý một</li>
            <li>ý hai &amp; ba</li>
            </ul>

            """)
        let hostile = MarkdownHTML.render("""
            <script>alert(1)</script>
            <img src=x onerror="alert(2)">
            [bấm](javascript:alert(3)) [bấm](JaVaScRiPt:alert(4)) [bấm](java\tscript:alert(5)) [bấm](data:text/html,x) [bấm](//evil.example/x)
            [trang](/so-y-te/bai-1.html)
            """)
        XCTAssertFalse(hostile.contains("<script"), hostile)
        XCTAssertFalse(hostile.contains("<img"), hostile)
        XCTAssertFalse(hostile.lowercased().contains("href=\"java"), hostile)
        XCTAssertFalse(hostile.contains("href=\"data:") || hostile.contains("href=\"//"), hostile)
        XCTAssertEqual(hostile.components(separatedBy: "<a ").count - 1, 1, "only the path on the portal stays a link:\n\(hostile)")
        XCTAssertTrue(hostile.contains("<a href=\"/so-y-te/bai-1.html\">trang</a>"))
        XCTAssertTrue(hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text, not run")
        XCTAssertFalse(hostile.contains(" onerror=\""), "no attribute survives: \(hostile)")
    }

    func testAPublicationHasItsPathAndHTML() {
        let summary = SubmissionSummary(id: 42, site: SiteRef(id: 1, code: "so-y-te", name: "Sở Y tế"),
                                        contributor: ContributorRef(id: 1, fullName: "A", penName: nil),
                                        title: "Tòa soạn <b>mới</b>", category: .news, language: "vi", status: .published,
                                        receivedAt: Date(), words: 3, revision: 1)
        let publication = Publication.make(Submission(summary: summary, sapo: "Tóm tắt.", body: "Nội dung."), now: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(publication.slug, "toa-soan-b-moi-b")
        XCTAssertEqual(publication.path, "/so-y-te/toa-soan-b-moi-b-42.html")
        XCTAssertEqual(publication.html, "<h1>Tòa soạn &lt;b&gt;mới&lt;/b&gt;</h1>\n<p class=\"sapo\"><strong>Tóm tắt.</strong></p>\n<p>Nội dung.</p>\n")
    }
}
