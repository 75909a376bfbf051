import Foundation
import NewsroomKit
@testable import PortalServer
import Testing
import VietText

struct SampleCorpusTests {
    private let now = Date(timeIntervalSince1970: 1_795_400_000)

    @Test func theProvinceHasItsPortalDepartmentsDistrictsAndEnglishPage() {
        let sites = SampleCorpus.sites()
        #expect(sites.filter { $0.kind == .portal }.count == 1)
        let names = Set(sites.map(\.name))
        for expected in ["Sở Xây dựng", "Sở Giao thông vận tải", "Ban Dân tộc", "UBND huyện Ba Tơ", "UBND huyện Trà Bồng", "UBND huyện Lý Sơn"] {
            #expect(names.contains(expected), "\(expected)")
        }
        #expect(sites.first { $0.code == "english" }?.language == "en")
        #expect(Set(sites.map(\.code)).count == sites.count, "codes are unique")
    }

    @Test func contributorsHaveVietnameseNamesAndPenNames() {
        let people = SampleCorpus.contributors()
        #expect(people.count >= 30)
        #expect(people.filter { $0.penName != nil }.count >= 12)
        #expect(people.allSatisfy { $0.fullName.split(separator: " ").count >= 3 })
        #expect(people.filter { Diacritics.strip($0.fullName) != $0.fullName }.count > 25)
    }

    @Test func submissionsCoverEveryStateLanguageAndKind() {
        let items = SampleCorpus.submissions(now: now)
        #expect(items.count >= 200)
        // Every state, one taken down after publication (unpublished) included.
        #expect(Set(items.map(\.status)) == Set(SubmissionStatus.allCases))
        #expect(items.filter { $0.status == .unpublished }.count == 1)
        #expect(items.filter { SubmissionStatus.pending.contains($0.status) }.count >= 60)
        #expect(Set(items.map(\.category)) == Set(Category.allCases))
        let english = items.filter { $0.language == "en" }
        #expect(english.count >= 10)
        #expect(english.allSatisfy { $0.siteCode == "english" })
        #expect(items.filter { $0.language == "vi" }.allSatisfy { Diacritics.strip($0.body) != $0.body })
        #expect(items.filter { $0.status != .published }.allSatisfy { $0.receivedAt < now && $0.receivedAt > now.addingTimeInterval(-61 * 86_400) })
        #expect(items.allSatisfy { $0.receivedAt < now && $0.receivedAt > now.addingTimeInterval(-Double(SampleCorpus.royaltyMonths) * 31 * 86_400) })
        let words = items.filter { $0.language == "vi" }.map { WordCount.of($0.body) }
        #expect((words.min() ?? 0) >= 120)
        #expect((words.max() ?? .max) <= 1_000)
        #expect(Set(items.map(\.title)).count > 150, "titles vary")
    }

    @Test func plantedMisspellingsAreInTheText() {
        let planted = SampleCorpus.submissions(now: now).filter { $0.misspelling != nil }
        #expect(planted.count >= 6)
        for item in planted {
            #expect(item.body.contains(item.misspelling!.wrong), "\(item.misspelling!.wrong)")
        }
        #expect(Set(planted.map { $0.misspelling!.wrong }).count == planted.count, "each mistake is a different one")
        let waiting = planted.filter { [.submitted, .resubmitted].contains($0.status) }
        #expect(waiting.count >= 4, "the pending tab has mistakes for an editor to find")
        #expect(planted.count - waiting.count >= 2, "so do the other tabs")
    }

    @Test func someItemsHaveCoAuthorsWhoAreNotTheirAuthor() {
        let items = SampleCorpus.submissions(now: now)
        let shared = items.filter { !$0.coAuthors.isEmpty }
        #expect(shared.count > 20)
        #expect(shared.contains { [.submitted, .resubmitted].contains($0.status) }, "the pending tab has some")
        for item in shared {
            #expect(item.coAuthors[item.contributor] == nil, "\(item.title)")
            #expect(CoAuthorShare.areValid(item.coAuthors.map { CoAuthorShare(contributorId: Int64($0.key), share: $0.value) }))
        }
    }

    @Test func theSampleIsTheSameOnEveryRunAndNFC() {
        let a = SampleCorpus.submissions(now: now)
        let b = SampleCorpus.submissions(now: now)
        #expect(a == b)
        #expect(a.allSatisfy { Normalization.isNFC($0.title) && Normalization.isNFC($0.sapo) && Normalization.isNFC($0.body) })
    }

    @Test func publishedItemsAreGradedWithinTheDecreeAndSpreadOverFourteenMonths() throws {
        let items = SampleCorpus.submissions(now: now)
        let published = items.filter { $0.status == .published }
        #expect(published.count + 1 == SampleCorpus.statusMix.first { $0.0 == .published }?.1, "the published tab but the one taken down")
        #expect(items.filter { ![.published, .unpublished].contains($0.status) }.allSatisfy { $0.grading == nil },
                "graded when published: the one taken down since too")
        for item in published {
            guard let grading = item.grading else {
                #expect(item.category == .document, "only a document posted is not paid: \(item.title)")
                continue
            }
            let genre = try #require(RateTable.decree18.genres.first { $0.code == grading.genre }, "\(grading.genre)")
            let coefficient = try #require(grading.coefficient), range = try #require(genre.coefficient)
            #expect(coefficient > 0 && coefficient <= range.max, "\(grading)")
        }
        var months: [String: Int] = [:]
        for item in published { months[String(VietnamDay(containing: item.receivedAt).text.prefix(7)), default: 0] += 1 }
        #expect(months.count == SampleCorpus.royaltyMonths, "\(months)")
        #expect(published.filter { !$0.coAuthors.isEmpty }.count >= 30)
    }

    @Test func paymentDetailsLookLikeAnAccountantsRecords() {
        let details = SampleCorpus.paymentDetails(now: now)
        #expect(details.count == SampleCorpus.contributors().count)
        #expect(details == SampleCorpus.paymentDetails(now: now))
        #expect(details.allSatisfy { $0.idNumber.count == 12 && $0.idNumber.hasPrefix("051") && $0.taxCode.count == 10 })
        #expect(Set(details.map(\.idNumber)).count == details.count)
        #expect(details.allSatisfy { (12...14).contains($0.bankAccount.count) && $0.bank.hasPrefix("Ngân hàng") })
        let staff = details.filter { $0.kind == .staff }.count
        #expect((8...16).contains(staff), "a mix of staff and outside collaborators: \(staff)")
        let committed = details.filter { $0.commitmentSignedOn != nil }
        #expect(!committed.isEmpty)
        #expect(committed.allSatisfy { $0.kind == .outside && $0.commitmentSignedOn?.hasPrefix("2026-") == true })
    }
}
