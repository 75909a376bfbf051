import Foundation
@testable import NewsroomKit
import XCTest

final class WireContractTests: XCTestCase {
    private func sample() -> Submission {
        let summary = SubmissionSummary(
            id: 42, site: SiteRef(id: 3, code: "ly-son", name: "UBND huyện Lý Sơn"),
            contributor: ContributorRef(id: 7, fullName: "Nguyễn Văn An", penName: "Hải Đăng"),
            title: "Lý Sơn đón 5.000 lượt khách", category: .photoStory, language: "vi",
            status: .inReview, receivedAt: Date(timeIntervalSince1970: 1_763_800_000), words: 312, revision: 2)
        return Submission(summary: summary, sapo: "Sapo.", body: "Thân bài.")
    }

    func testSubmissionIsOneFlatSnakeCaseObject() throws {
        let data = try WireFormat.encoder().encode(sample())
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["status"] as? String, "in_review")
        XCTAssertEqual(object["category"] as? String, "photo_story")
        XCTAssertEqual(object["received_at"] as? String, "2025-11-22T08:26:40Z")
        XCTAssertEqual(object["sapo"] as? String, "Sapo.")
        XCTAssertEqual((object["contributor"] as? [String: Any])?["pen_name"] as? String, "Hải Đăng")
        let back = try WireFormat.decoder().decode(Submission.self, from: data)
        XCTAssertEqual(back, sample())
    }

    func testOnlyTimesThatExistAreDates() {
        for text in ["2026-02-28T00:00:00Z", "2028-02-29T12:30:59.5Z", "2026-02-28T23:59:59+07:00", "1970-01-01T00:00:00Z", "2199-12-31T23:59:59Z"] {
            XCTAssertNotNil(WireFormat.date(text), text)
        }
        for text in ["2026-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z",
                     "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "2026-1-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T17:00:00Z",
                     "10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "-1", "2026-02-28", "2200-01-01T00:00:00Z"] {
            XCTAssertNil(WireFormat.date(text), text)
        }
    }

    /// The arithmetic for `YYYY-MM-DDThh:mm:ssZ` answers what Foundation's parser answers, for
    /// times that exist, times that do not (29 February, 31 April, 24:00, month 13) and years
    /// out of range, and leaves every other form to the parser.
    func testTheUTCSecondFormReadsAsTheParserReadsIt() {
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        for _ in 0..<20_000 {
            let year = [Int.random(in: 1960...2210, using: &generator), [1970, 1999, 2000, 2024, 2100, 2199, 2200][Int.random(in: 0..<7, using: &generator)]]
                .randomElement(using: &generator) ?? 2000
            let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, Int.random(in: 0...13, using: &generator),
                              Int.random(in: 0...32, using: &generator), Int.random(in: 0...24, using: &generator),
                              Int.random(in: 0...60, using: &generator), Int.random(in: 0...60, using: &generator))
            XCTAssertEqual(WireFormat.utcSecond(text), WireFormat.parsedDate(text), text)
            if WireFormat.utcSecond(text) != nil { accepted += 1 }
        }
        XCTAssertGreaterThan(accepted, 5_000)
        for text in ["2026-02-28T00:00:00.5Z", "2026-02-28T00:00:00+07:00", "2026-02-28T00:00:00z", "2026-02-28 00:00:00Z", "2026-02-2800:00:00Z",
                     "２026-02-28T00:00:00Z", "2026-02-28T00:00:0٠Z", "+026-02-28T00:00:00Z", "2026-02-28T00:00:00Z\0"] {
            XCTAssertNil(WireFormat.utcSecond(text), text)
        }
        XCTAssertEqual(WireFormat.date("2025-11-22T08:26:40Z"), Date(timeIntervalSince1970: 1_763_800_000))
    }

    func testStatusListParsing() {
        XCTAssertEqual(SubmissionStatus.parseList("submitted,resubmitted"), [.submitted, .resubmitted])
        XCTAssertEqual(SubmissionStatus.parseList("in_review, in_review"), [.inReview])
        XCTAssertNil(SubmissionStatus.parseList("submitted,bogus"))
        XCTAssertNil(SubmissionStatus.parseList(""))
    }

    func testCursorRoundTripsAndRejectsGarbage() {
        for sort in [ListSort.newest, ListSort(.words, descending: false), ListSort(.updated, descending: true)] {
            let cursor = ListCursor(sort: sort, key: -1_763_800_000_123, id: 99)
            XCTAssertEqual(ListCursor(encoded: cursor.encoded), cursor)
            XCTAssertFalse(cursor.encoded.contains("="))
        }
        // The hand-written base64url is Foundation's with "+/" as "-_" and no padding, for every length's remainder.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let sorts = [ListSort.newest, ListSort(.words, descending: false), ListSort(.updated, descending: false)]
            let cursor = ListCursor(sort: sorts[Int.random(in: 0..<3, using: &generator)],
                                    key: Int64.random(in: Int64.min...Int64.max, using: &generator) >> Int64.random(in: 0...62, using: &generator),
                                    id: Int64.random(in: 0...Int64.max, using: &generator) >> Int64.random(in: 0...62, using: &generator))
            let foundation = Data("\(cursor.sort.text):\(cursor.key):\(cursor.id)".utf8).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            XCTAssertEqual(cursor.encoded, foundation)
            XCTAssertEqual(ListCursor(encoded: cursor.encoded), cursor)
        }
        XCTAssertEqual(ListSort("-received"), .newest)
        XCTAssertEqual(ListSort("words")?.descending, false)
        XCTAssertNil(ListSort("title"))
        XCTAssertNil(ListCursor(encoded: Data("title:1:2".utf8).base64EncodedString()))
        XCTAssertNil(ListCursor(encoded: "not a cursor"))
        XCTAssertNil(ListCursor(encoded: Data("12:abc".utf8).base64EncodedString()))
    }

    func testDecodingProblemsNameTheFieldInWireCase() {
        func problem(_ json: String) -> String {
            do {
                _ = try WireFormat.decoder().decode(SubmissionDraft.self, from: Data(json.utf8))
                return "decoded"
            } catch {
                return WireFormat.problem(of: error)
            }
        }
        XCTAssertEqual(problem(#"{"site": "a"}"#), "missing 'title'")
        XCTAssertEqual(problem(#"{"site": 3, "title": "t", "sapo": "", "body": "", "category": "news"}"#), "wrong type at 'site'")
        XCTAssertEqual(problem(#"{"site": "a", "title": "t", "sapo": "", "body": "", "category": "tin"}"#), "invalid value at 'category'")
        XCTAssertEqual(problem(#"{"site": "a", "title": "t", "sapo": "", "body": "", "category": "news", "co_authors": [{"share": 1}]}"#),
                       "missing 'co_authors[0].contributor_id'")
        XCTAssertEqual(problem("{nope"), "not JSON (or not UTF-8)")
    }

    func testErrorBodyCarriesBothLanguagesAndStatus() throws {
        let body = APIErrorBody(code: .invalidLimit, detail: "limit=0")
        XCTAssertEqual(body.error.code, "invalid_limit")
        XCTAssertTrue(body.message(in: .vi).contains("limit=0"))
        XCTAssertTrue(body.message(in: .en).hasPrefix("The page size"))
        XCTAssertEqual(APIErrorCode.invalidLimit.httpStatus, 400)
        XCTAssertEqual(APIErrorCode.unauthorized.httpStatus, 401)
        let json = String(decoding: try WireFormat.encoder().encode(body), as: UTF8.self)
        XCTAssertTrue(json.contains("\"message_en\""), json)
        for code in APIErrorCode.allCases {
            XCTAssertFalse(code.message.vi.isEmpty)
            XCTAssertNotEqual(code.message.vi, code.message.en)
        }
    }

    func testBylinePrefersPenName() {
        XCTAssertEqual(ContributorRef(id: 1, fullName: "Trần Thị Bích", penName: "Bích Ngọc").byline, "Bích Ngọc")
        XCTAssertEqual(ContributorRef(id: 1, fullName: "Trần Thị Bích", penName: nil).byline, "Trần Thị Bích")
    }

    func testRevisionTagsAndEdits() throws {
        XCTAssertEqual(RevisionTag.make(3), "\"r3\"")
        XCTAssertEqual(RevisionTag.parse("\"r3\""), 3)
        XCTAssertEqual(RevisionTag.parse(" W/\"r12\" "), 12)
        for bad in ["*", "r3", "\"3\"", "\"r0\"", "\"r-1\"", "\"r3\", \"r4\"", "\"\"", "\"rx\""] {
            XCTAssertNil(RevisionTag.parse(bad), bad)
        }
        let edit = try WireFormat.decoder().decode(SubmissionEdit.self, from: Data(#"{"title":"T","sapo":"","body":"B"}"#.utf8))
        XCTAssertEqual(edit.note, "", "the note may be left out")
        XCTAssertThrowsError(try WireFormat.decoder().decode(SubmissionEdit.self, from: Data(#"{"title":"T"}"#.utf8)))
        XCTAssertEqual(APIErrorCode.staleRevision.httpStatus, 412)
        XCTAssertEqual(APIErrorCode.ifMatchRequired.httpStatus, 428)
    }
}
