import Foundation
import NewsroomKit
import NIOCore
@testable import PortalServer
import SQLKit
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

    /// Texts as SQLite may hold them: well-formed UTF-8 of every length, with controls, quotes
    /// and backslashes, and every way of not being UTF-8 (overlong forms, surrogates, scalars
    /// above U+10FFFF, stray continuation bytes, sequences cut short, at the end and before ASCII).
    static let byteTexts: [[UInt8]] = {
        var texts: [[UInt8]] = [
            [], Array("Tòa soạn \"hội nghị\"\\\n\t\u{0}\u{1F}\u{7F} 北京 🇻🇳".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xBF, 0x41], [0x41, 0xE1, 0xBA], [0xE1, 0xBA, 0x41], [0xC3],
            [0xF0, 0x9F, 0x87], [0xC3, 0xFF, 0x41], [0xEF, 0xBF, 0xBD],
        ]
        // Random mixtures of such pieces, and of random bytes.
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("ạ".utf8), Array("ế".utf8), Array("a".utf8), Array("🇻🇳".utf8), [0x22], [0x5C], [0x0A], [0x00],
                                 [0x80], [0xC3], [0xE1, 0xBA], [0xED, 0xA0], [0xF4, 0x90], [0xFE]]
        for _ in 0..<4_000 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text += Bool.random(using: &generator) ? pieces.randomElement(using: &generator) ?? []
                    : [UInt8.random(in: 0...255, using: &generator)]
            }
            texts.append(text)
        }
        return texts
    }()

    @Test func bytesAreCheckedAsSwiftChecksUTF8() {
        for bytes in Self.byteTexts {
            var out: [UInt8] = []
            let valid = bytes.withUnsafeBufferPointer { SubmissionJSON.validUTF8(string: $0, to: &out) }
            #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    /// The item's answer from bytes as SQLite holds them: exactly what the encoder writes of the
    /// strings those bytes read as (U+FFFD where they are not UTF-8).
    @Test func itemsFromBytesAreByteForByteWhatTheEncoderWritesOfTheirStrings() throws {
        let moment = Date(timeIntervalSince1970: 1_795_000_000)
        let summary = SubmissionSummary(id: 7, site: SiteRef(id: 3, code: "so", name: "Sở"), contributor: ContributorRef(id: 40, fullName: "Ánh", penName: nil),
                                        title: "Tin", category: .news, language: "vi", status: .submitted, receivedAt: moment, words: 3, revision: 2)
        for (i, body) in Self.byteTexts.enumerated() {
            let sapo = Self.byteTexts[(i * 7 + 1) % Self.byteTexts.count]
            let item = Submission(summary: summary, sapo: String(decoding: sapo, as: UTF8.self), body: String(decoding: body, as: UTF8.self))
            let stored = StoredSubmission(rest: item, body: .bytes(body[...]), sapo: .bytes(sapo[...]))
            let written = try SubmissionJSON.write(stored)
            #expect(Array(buffer: written) == Array(try WireFormat.encoder().encode(item)), "\(body) \(sapo)")
        }
    }

    /// Through the store: on SQLite the body and sapo come as the row's bytes, and their answer is
    /// the encoder's of the submission the store reads, bytes that are not UTF-8 included.
    @Test(arguments: Database.both)
    func theStoresItemAnswerIsTheEncodersOfItsSubmission(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in try await temporary.withSeededStore { store in
            let item = try #require(try await store.submissions(.init(statuses: [.submitted], limit: 1)).items.first)
            // PostgreSQL keeps only UTF-8; SQLite keeps what another program wrote.
            let body: SQLQueryString = database == .sqlite ? "CAST(X'41C3FF22E1BA5C0A01F4908080E1BAA1' AS TEXT)" : "'A\"\\' || chr(10) || chr(1) || 'ạ'"
            let sapo: SQLQueryString = database == .sqlite ? "CAST(X'EDA08041' AS TEXT)" : "'Tóm \"tắt\"'"
            try await store.transaction {
                try await store.sql.raw("UPDATE submissions SET body = " + body + ", sapo = " + sapo + " WHERE id = \(bind: item.id)").run()
            }
            let stored = try #require(try await store.storedSubmission(id: item.id, scope: .everything))
            let submission = try #require(try await store.submission(id: item.id, scope: .everything))
            if database == .sqlite {
                guard case .bytes = stored.body else { Issue.record("the body was not read as bytes"); return }
                #expect(submission.body == "A\u{FFFD}\u{FFFD}\"\u{FFFD}\\\n\u{1}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}ạ")
            }
            #expect(submission.body.hasPrefix("A"))
            #expect(Array(buffer: try SubmissionJSON.write(stored)) == Array(try WireFormat.encoder().encode(submission)))
        } }
    }
}
