import Foundation
import NewsroomKit
import NIOCore
@testable import PortalServer
import Testing

/// The list's own JSON writer must say exactly what Foundation's encoder says.
struct SummaryJSONTests {
    private func summary(_ id: Int64, title: String, penName: String?, lease: Lease?, received: Date) -> SubmissionSummary {
        SubmissionSummary(id: id, site: SiteRef(id: id % 7, code: "so-\(id)", name: "Sở \"Văn hóa\" / Thể thao"),
                          contributor: ContributorRef(id: 40 + id, fullName: "Nguyễn Thị Ánh\\", penName: penName),
                          title: title, category: Category.allCases[Int(id) % Category.allCases.count], language: id % 2 == 0 ? "vi" : "en",
                          status: SubmissionStatus.allCases[Int(id) % SubmissionStatus.allCases.count],
                          receivedAt: received, words: Int(id) * 37, revision: Int(id % 5) + 1, lease: lease)
    }

    @Test func pagesAreByteForByteWhatTheEncoderWrites() throws {
        // Every ASCII character (controls included), Vietnamese in both forms, CJK, emoji, separators.
        let ascii = String(String.UnicodeScalarView((0..<128).compactMap(Unicode.Scalar.init)))
        let titles = [ascii, "Tòa soạn hội nghị", "Tòa soạn".decomposedStringWithCanonicalMapping, "北京 🇻🇳 👩‍👩‍👧", "a\u{2028}b\u{2029}c\u{7F}", ""]
        let moments = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_795_000_000.999),
                       Date(timeIntervalSince1970: 951_782_400.5), // 29 February 2000, leap day
                       Date(timeIntervalSince1970: 4_102_444_799), Date(timeIntervalSince1970: -86_400.25), Date()]
        var items: [SubmissionSummary] = []
        for (i, title) in titles.enumerated() {
            for (j, moment) in moments.enumerated() {
                let lease = j % 2 == 0 ? Lease(holder: "bt.\(i)", holderName: "Biên tập \(title.prefix(3))", acquiredAt: moment,
                                               expiresAt: moment.addingTimeInterval(300.7)) : nil
                var item = summary(Int64(i * 10 + j), title: title, penName: j % 3 == 0 ? nil : "Bút danh \(j)", lease: lease, received: moment)
                // A time to publish, a time published, both, or neither.
                if (i + j) % 4 == 1 || (i + j) % 4 == 3 { item.publishAt = moment.addingTimeInterval(3600.5) }
                if (i + j) % 4 >= 2 { item.publishedAt = moment.addingTimeInterval(-7.25) }
                // A count of spelling findings, zero, or none (not Vietnamese).
                item.spellFindings = j % 3 == 0 ? nil : (j % 3 == 1 ? 0 : i * 7)
                items.append(item)
            }
        }
        for page in [Page(items: items, nextCursor: "cj0xMjM0NTY3fDQy"), Page(items: Array(items.prefix(1)), nextCursor: nil),
                     Page(items: [], nextCursor: nil)] {
            let expected = try WireFormat.encoder().encode(page)
            let written = SummaryJSON.page(page)
            #expect(String(buffer: written) == String(decoding: expected, as: UTF8.self))
            #expect(Array(buffer: written) == Array(expected))
        }
        // The pieces a kept summary is written from (`SummaryFragments`): the head, the lease written per page, the tail.
        for item in items {
            var pieces: [UInt8] = []
            SummaryJSON.head(item, &pieces)
            SummaryJSON.lease(item.lease, &pieces)
            SummaryJSON.tail(item, &pieces)
            #expect(pieces == Array(try WireFormat.encoder().encode(item)))
        }
    }
}

private extension Array where Element == UInt8 {
    init(buffer: ByteBuffer) { self = buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? [] }
}
