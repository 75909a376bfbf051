import Foundation
@testable import PublicWeb
import Testing

/// The public pages' templates and text rules, without a server.
struct PageTemplateTests {
    /// Mustache escapes `{{name}}`; `{{{name}}}` and `{{&name}}` do not. Only the sanitiser's
    /// HTML of a publication may go in raw.
    @Test func onlyThePublicationsHTMLIsInsertedUnescaped() throws {
        var raw: [String] = []
        for (name, text) in PageTemplates.all {
            for opener in ["{{{", "{{&"] {
                var rest = Substring(text)
                while let start = rest.range(of: opener) {
                    let tail = rest[start.upperBound...]
                    raw.append(name + ": " + String(tail.prefix(while: { $0 != "}" })).trimmingCharacters(in: .whitespaces))
                    rest = tail
                }
            }
        }
        #expect(raw == ["article: article.html"])
        // No script, and no event handler attribute (onload=, onclick=, …).
        #expect(!PageTemplates.all.values.contains { $0.lowercased().contains("<script") || $0.range(of: #" on[a-z]+="#, options: .regularExpression) != nil })
        let renderer = try PageRenderer()
        #expect(renderer.render("teaser", ["title": "<b>\"x\" & 'y'</b>", "address": "/a\"b"])?
            .contains("<a href=\"/a&quot;b\">&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</a>") == true)
    }

    @Test func documentNumbersAreFoundInTitles() {
        #expect(DocumentNumber.find(in: "Kế hoạch số 12/KH-UBND triển khai chuyển đổi số năm 2027") == "12/KH-UBND")
        #expect(DocumentNumber.find(in: "Hướng dẫn thực hiện Nghị định 43/2026/NĐ-CP về y tế") == "43/2026/NĐ-CP")
        #expect(DocumentNumber.find(in: "Quyết định (số 7/2025/QĐ-UBND) phê duyệt") == "7/2025/QĐ-UBND")
        #expect(DocumentNumber.find(in: "Tỷ lệ đạt 3/4 chỉ tiêu, ngày 24/11") == nil)
        #expect(DocumentNumber.find(in: "Thông báo kết luận của Chủ tịch UBND tỉnh") == nil)
    }

    @Test func datesAreWrittenForHTTPFeedsAndVietnam() throws {
        let date = Date(timeIntervalSince1970: 1_764_960_844)  // 2025-12-05 18:54:04 UTC
        #expect(HTTPDate.string(date) == "Fri, 05 Dec 2025 18:54:04 GMT")
        #expect(HTTPDate.parse(HTTPDate.string(date)) == date)
        #expect(HTTPDate.parse("Fri, 32 Dec 2025 18:54:04 GMT") == nil)
        #expect(HTTPDate.parse("yesterday") == nil)
        #expect(HTTPDate.iso(date) == "2025-12-05T18:54:04Z")
        #expect(HTTPDate.vietnam(date) == "06/12/2025 01:54", "Vietnam is UTC+7: past midnight there")
        #expect(HTTPDate.vietnamISO(date) == "2025-12-06T01:54:04+07:00")
    }

    @Test func textIsNFCWithoutControlsAndWithVietnameseQuotes() {
        let decomposed = "Hoa\u{300} Bi\u{300}nh"
        #expect(PublicText.clean(decomposed + "\u{1B}[0m\u{07}\u{85}") == "Hoà Bình[0m")
        #expect(PublicText.typographic("Ông nói: \"Tốt\" (\"rất tốt\")") == "Ông nói: “Tốt” (“rất tốt”)")
        #expect(PublicText.line("  một\n\thai   ba ") == "một hai ba")
    }
}
