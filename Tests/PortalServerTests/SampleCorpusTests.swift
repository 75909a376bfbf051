import Foundation
import NewsroomKit
@testable import PortalServer
import VietText
import XCTest

final class SampleCorpusTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_795_400_000)

    func testTheProvinceHasItsPortalDepartmentsDistrictsAndEnglishPage() {
        let sites = SampleCorpus.sites()
        XCTAssertEqual(sites.filter { $0.kind == .portal }.count, 1)
        let names = Set(sites.map(\.name))
        for expected in ["Sở Xây dựng", "Sở Giao thông vận tải", "Ban Dân tộc", "UBND huyện Ba Tơ", "UBND huyện Trà Bồng", "UBND huyện Lý Sơn"] {
            XCTAssertTrue(names.contains(expected), expected)
        }
        XCTAssertEqual(sites.first { $0.code == "english" }?.language, "en")
        XCTAssertEqual(Set(sites.map(\.code)).count, sites.count, "codes are unique")
    }

    func testContributorsHaveVietnameseNamesAndPenNames() {
        let people = SampleCorpus.contributors()
        XCTAssertGreaterThanOrEqual(people.count, 30)
        XCTAssertGreaterThanOrEqual(people.filter { $0.penName != nil }.count, 12)
        XCTAssertTrue(people.allSatisfy { $0.fullName.split(separator: " ").count >= 3 })
        XCTAssertGreaterThan(people.filter { Diacritics.strip($0.fullName) != $0.fullName }.count, 25)
    }

    func testSubmissionsCoverEveryStateLanguageAndKind() {
        let items = SampleCorpus.submissions(now: now)
        XCTAssertGreaterThanOrEqual(items.count, 200)
        // Every state, one taken down after publication (unpublished) included.
        XCTAssertEqual(Set(items.map(\.status)), Set(SubmissionStatus.allCases))
        XCTAssertEqual(items.filter { $0.status == .unpublished }.count, 1)
        XCTAssertGreaterThanOrEqual(items.filter { SubmissionStatus.pending.contains($0.status) }.count, 60)
        XCTAssertEqual(Set(items.map(\.category)), Set(Category.allCases))
        let english = items.filter { $0.language == "en" }
        XCTAssertGreaterThanOrEqual(english.count, 10)
        XCTAssertTrue(english.allSatisfy { $0.siteCode == "english" })
        XCTAssertTrue(items.filter { $0.language == "vi" }.allSatisfy { Diacritics.strip($0.body) != $0.body })
        XCTAssertTrue(items.filter { $0.status != .published }.allSatisfy { $0.receivedAt < now && $0.receivedAt > now.addingTimeInterval(-61 * 86_400) })
        XCTAssertTrue(items.allSatisfy { $0.receivedAt < now && $0.receivedAt > now.addingTimeInterval(-Double(SampleCorpus.royaltyMonths) * 31 * 86_400) })
        let words = items.filter { $0.language == "vi" }.map { WordCount.of($0.body) }
        XCTAssertGreaterThanOrEqual(words.min()!, 120)
        XCTAssertLessThanOrEqual(words.max()!, 1_000)
        XCTAssertGreaterThan(Set(items.map(\.title)).count, 150, "titles vary")
    }

    func testPlantedMisspellingsAreInTheText() {
        let planted = SampleCorpus.submissions(now: now).filter { $0.misspelling != nil }
        XCTAssertGreaterThanOrEqual(planted.count, 6)
        for item in planted {
            XCTAssertTrue(item.body.contains(item.misspelling!.wrong), item.misspelling!.wrong)
        }
        XCTAssertEqual(Set(planted.map { $0.misspelling!.wrong }).count, planted.count, "each mistake is a different one")
        let waiting = planted.filter { [.submitted, .resubmitted].contains($0.status) }
        XCTAssertGreaterThanOrEqual(waiting.count, 4, "the pending tab has mistakes for an editor to find")
        XCTAssertGreaterThanOrEqual(planted.count - waiting.count, 2, "so do the other tabs")
    }

    func testSomeItemsHaveCoAuthorsWhoAreNotTheirAuthor() {
        let items = SampleCorpus.submissions(now: now)
        let shared = items.filter { !$0.coAuthors.isEmpty }
        XCTAssertGreaterThan(shared.count, 20)
        XCTAssertTrue(shared.contains { [.submitted, .resubmitted].contains($0.status) }, "the pending tab has some")
        for item in shared {
            XCTAssertNil(item.coAuthors[item.contributor], item.title)
            XCTAssertTrue(CoAuthorShare.areValid(item.coAuthors.map { CoAuthorShare(contributorId: Int64($0.key), share: $0.value) }))
        }
    }

    func testTheSampleIsTheSameOnEveryRunAndNFC() {
        let a = SampleCorpus.submissions(now: now)
        let b = SampleCorpus.submissions(now: now)
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.allSatisfy { Normalization.isNFC($0.title) && Normalization.isNFC($0.sapo) && Normalization.isNFC($0.body) })
    }

    func testPublishedItemsAreGradedWithinTheDecreeAndSpreadOverFourteenMonths() throws {
        let items = SampleCorpus.submissions(now: now)
        let published = items.filter { $0.status == .published }
        XCTAssertEqual(published.count + 1, SampleCorpus.statusMix.first { $0.0 == .published }?.1, "the published tab but the one taken down")
        XCTAssertTrue(items.filter { ![.published, .unpublished].contains($0.status) }.allSatisfy { $0.grading == nil },
                      "graded when published: the one taken down since too")
        for item in published {
            guard let grading = item.grading else {
                XCTAssertEqual(item.category, .document, "only a document posted is not paid: \(item.title)")
                continue
            }
            let genre = try XCTUnwrap(RateTable.decree18.genres.first { $0.code == grading.genre }, grading.genre)
            let coefficient = try XCTUnwrap(grading.coefficient), range = try XCTUnwrap(genre.coefficient)
            XCTAssertTrue(coefficient > 0 && coefficient <= range.max, "\(grading)")
        }
        var months: [String: Int] = [:]
        for item in published { months[String(VietnamDay(containing: item.receivedAt).text.prefix(7)), default: 0] += 1 }
        XCTAssertEqual(months.count, SampleCorpus.royaltyMonths, "\(months)")
        XCTAssertGreaterThanOrEqual(published.filter { !$0.coAuthors.isEmpty }.count, 30)
    }

    func testPaymentDetailsLookLikeAnAccountantsRecords() {
        let details = SampleCorpus.paymentDetails(now: now)
        XCTAssertEqual(details.count, SampleCorpus.contributors().count)
        XCTAssertEqual(details, SampleCorpus.paymentDetails(now: now))
        XCTAssertTrue(details.allSatisfy { $0.idNumber.count == 12 && $0.idNumber.hasPrefix("051") && $0.taxCode.count == 10 })
        XCTAssertEqual(Set(details.map(\.idNumber)).count, details.count)
        XCTAssertTrue(details.allSatisfy { (12...14).contains($0.bankAccount.count) && $0.bank.hasPrefix("Ngân hàng") })
        let staff = details.filter { $0.kind == .staff }.count
        XCTAssertTrue((8...16).contains(staff), "a mix of staff and outside collaborators: \(staff)")
        let committed = details.filter { $0.commitmentSignedOn != nil }
        XCTAssertFalse(committed.isEmpty)
        XCTAssertTrue(committed.allSatisfy { $0.kind == .outside && $0.commitmentSignedOn?.hasPrefix("2026-") == true })
    }
}
