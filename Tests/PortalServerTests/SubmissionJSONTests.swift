import Foundation
import NewsroomKit
import NIOCore
@testable import PortalServer
import Testing

/// The item's own JSON writer must say exactly what Foundation's encoder says.
struct SubmissionJSONTests {
    @Test func submissionsAreByteForByteWhatTheEncoderWrites() throws {
        let ascii = String(String.UnicodeScalarView((0..<128).compactMap(Unicode.Scalar.init)))
        let texts = [ascii, "Tòa soạn hội nghị", "Tòa soạn".decomposedStringWithCanonicalMapping, "北京 🇻🇳 👩‍👩‍👧 a\u{2028}b\u{7F}", ""]
        let moment = Date(timeIntervalSince1970: 1_795_000_000.999)
        let person = ContributorRef(id: 41, fullName: "Nguyễn Thị \"Ánh\"", penName: "Bút / danh")
        let grading = Grading(genre: "tin-\"b\"", coefficient: 1.5, amount: 150_000)
        var checked = 0
        for (i, text) in texts.enumerated() {
            for variant in 0..<4 {
                var summary = SubmissionSummary(
                    id: Int64(i * 10 + variant), site: SiteRef(id: 3, code: "so-\(i)", name: "Sở \(text.prefix(5))"),
                    contributor: ContributorRef(id: 40, fullName: text, penName: variant % 2 == 0 ? nil : "Bút \(i)"),
                    title: text, category: Category.allCases[(i + variant) % Category.allCases.count], language: variant == 3 ? "en" : "vi",
                    status: SubmissionStatus.allCases[(i + variant) % SubmissionStatus.allCases.count],
                    receivedAt: moment, words: i * 37, revision: variant + 1,
                    lease: variant == 1 ? Lease(holder: "bt", holderName: text, acquiredAt: moment, expiresAt: moment.addingTimeInterval(300)) : nil)
                if variant >= 2 { summary.publishAt = moment.addingTimeInterval(3600.5); summary.publishedAt = moment }
                summary.spellFindings = variant == 3 ? nil : i
                // The plain item most are; then co-authors, photos, a grading, channels and a message in turn.
                let item = Submission(
                    summary: summary, sapo: text, body: String(repeating: text + "\n", count: 3), authorShare: 100 - variant * 10,
                    coAuthors: variant >= 1 ? [CoAuthor(contributor: person, share: 10, confirmed: variant == 1)] : [],
                    attachments: variant >= 2 ? [Attachment(number: 1, filename: "ảnh \(i).jpg", contentType: "image/jpeg", size: 12,
                                                            sha256: "ab", caption: text, credit: "Ảnh: \(i)", creditContributor: person,
                                                            grading: variant == 3 ? grading : nil)] : [],
                    grading: variant >= 2 ? grading : nil, channels: variant >= 2 ? ["zalo", "facebook"] : [],
                    socialMessage: variant == 3 ? text : nil)
                let expected = try WireFormat.encoder().encode(item)
                let written = try SubmissionJSON.write(item)
                #expect(String(buffer: written) == String(decoding: expected, as: UTF8.self))
                checked += 1
            }
        }
        #expect(checked == texts.count * 4)
    }
}
