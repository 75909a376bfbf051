import Foundation
import NewsroomKit
import VietText

/// Writes the sample corpus into a store, once.
public enum Seeder {
    /// The sample's photos' bytes: one grey pixel, a real PNG, so pages and clients show something.
    static let samplePhoto = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==") ?? Data()
    public struct AlreadySeeded: Error, CustomStringConvertible {
        public var count: Int
        public var description: String { "the database already holds \(count) submissions; seed a fresh one" }
    }

    public struct Summary: Sendable, Hashable {
        public var sites: Int
        public var contributors: Int
        public var submissions: Int
    }

    @discardableResult
    public static func seedSample(into store: Store, now: Date? = nil) async throws -> Summary {
        let now = now ?? store.clock.now()
        let sites = SampleCorpus.sites()
        let contributors = SampleCorpus.contributors()
        let submissions = SampleCorpus.submissions(now: now)
        try await store.transaction {
            let existing = try await store.submissionTotal()
            guard existing == 0 else { throw AlreadySeeded(count: existing) }
            var siteIDs: [String: Int64] = [:]
            for site in sites {
                siteIDs[site.code] = try await store.siteID(site)
            }
            var contributorIDs: [Int64] = []
            for person in contributors {
                contributorIDs.append(try await store.insertContributor(fullName: person.fullName, penName: person.penName, email: person.email))
            }
            for (index, seed) in submissions.enumerated() {
                let shares = seed.coAuthors.sorted { $0.key < $1.key }
                    .map { CoAuthorShare(contributorId: contributorIDs[$0.key], share: $0.value) }
                guard let siteID = siteIDs[seed.siteCode] else { throw UnknownSampleSite(code: seed.siteCode) }
                // A taken-down item was published first: its page (now answering 410) and royalties were written then.
                let wentOut = [.published, .unpublished].contains(seed.status)
                let publishedAt = wentOut ? min(seed.receivedAt.addingTimeInterval(3 * 3600), now.addingTimeInterval(-60)) : nil
                let id = try await store.insertSubmission(
                    siteID: siteID, contributorID: contributorIDs[seed.contributor], title: seed.title, sapo: seed.sapo,
                    body: seed.body, category: seed.category, language: seed.language, status: seed.status, received: seed.receivedAt,
                    author: contributors[seed.contributor].fullName, authorShare: CoAuthorShare.authorShare(leftBy: shares),
                    // Scheduled items go out over the next three days, from two hours on; the
                    // published ones went out three hours after they came in.
                    publishAt: seed.status == .scheduled ? now.addingTimeInterval(Double(2 + (index * 7) % 70) * 3600) : nil,
                    publishedAt: publishedAt, facts: sampleFacts.of(seed))
                // Shares named with an item an editor has approved were confirmed then.
                try await store.setCoAuthors(of: id, shares, confirmed: wentOut || [.approved, .scheduled].contains(seed.status))
                if let grading = seed.grading { try await store.setGrading(of: id, grading) }
                // Photos an editor has approved were graded then: Ảnh 1.5 for the first, 1 for the others.
                let graded = wentOut || [.approved, .scheduled].contains(seed.status)
                for (number, photo) in seed.photos.enumerated() {
                    let upload = AttachmentUpload(filename: "anh-\(number + 1).png", data: Self.samplePhoto, caption: photo.caption,
                                                  credit: photo.credit, creditContributorId: photo.photographer.map { contributorIDs[$0] })
                    try await store.insertAttachment(upload, number: number + 1, of: id,
                                                     grading: graded ? Grading(genre: PhotoGrading.defaultGenre, coefficient: number == 0 ? 1.5 : 1) : nil)
                }
                if let publishedAt, let published = try await store.submission(id: id, scope: .everything) {
                    // As a publication writes them: the page, and the royalties reckoned by the store itself.
                    try await store.writePublication(of: published, now: publishedAt)
                    try await store.writeEntitlements(of: published, publishedAt: publishedAt, now: publishedAt)
                }
            }
            for payee in SampleCorpus.paymentDetails(now: now) {
                var payee = payee
                payee.contributorId = contributorIDs[Int(payee.contributorId)]
                try await store.setPayee(payee, now: now)
            }
            try await settleRoyalties(in: store, now: now)
            try await seedSocialPosts(in: store, now: now)
        }
        return Summary(sites: sites.count, contributors: contributors.count, submissions: submissions.count)
    }

    /// The sample's text facts (word count, search text, spelling count), worked out once per
    /// text in a process: a process that seeds many stores (the tests seed one each) would
    /// otherwise spell-check the same prose again every time. Bounded by the sample's size.
    private final class SampleFacts: @unchecked Sendable {
        private struct Text: Hashable {
            var title: String, sapo: String, body: String, language: String
        }
        /// Guards `known`, the only mutable field.
        private let lock = NSLock()
        private var known: [Text: Store.TextFacts] = [:]

        func of(_ seed: SubmissionSeed) -> Store.TextFacts {
            let text = Text(title: seed.title, sapo: seed.sapo, body: seed.body, language: seed.language)
            if let facts = lock.withLock({ known[text] }) { return facts }
            // With the search text: these facts serve a store of either kind.
            let facts = Store.TextFacts(title: text.title, sapo: text.sapo, body: text.body, language: text.language, keepingSearchText: true)
            lock.withLock { known[text] = facts }
            return facts
        }
    }
    private static let sampleFacts = SampleFacts()

    /// Who closes and pays the sample's months.
    static let sampleAccountant = "ke-toan"

    /// Inside the seed's transaction: the months more than two before `now`'s closed (on the 5th
    /// of the month after), and those more than three before it paid too (on the 20th), so the
    /// royalty desk shows open, closed and paid months at once.
    private static func settleRoyalties(in store: Store, now: Date) async throws {
        guard let lastClosed = SampleCorpus.monthStart(3, before: now), let lastPaid = SampleCorpus.monthStart(4, before: now) else { return }
        let closeBefore = Store.royaltyMonth(of: lastClosed.start), payBefore = Store.royaltyMonth(of: lastPaid.start)
        var transfer = 100
        for (month, site) in try await store.entitlementMonths() {
            guard month <= closeBefore, let first = VietnamDay(month + "-01") else { continue }
            let next = first.adding(days: 31)
            let closedOn = VietnamDay(String(next.text.prefix(7)) + "-05") ?? next
            guard case .closed = try await store.closeMonth(month, site: site, by: sampleAccountant,
                                                                        now: closedOn.start.addingTimeInterval(9 * 3600)) else { continue }
            guard month <= payBefore else { continue }
            let paidOn = closedOn.adding(days: 15)
            transfer += 7
            try await store.markPaid(site: site, month: month, reference: "UNC \(String(format: "%04d", transfer))/\(paidOn.text.prefix(4))",
                                     by: sampleAccountant, now: paidOn.start.addingTimeInterval(14 * 3600))
        }
    }

    /// Adds `count` more submissions to a database seeded with the sample, for benchmarks:
    /// the sample's items again and again, each round two months further back.
    public static func seedBulk(into store: Store, count: Int, now: Date? = nil) async throws {
        let now = now ?? store.clock.now()
        var siteIDs: [String: Int64] = [:]
        for site in try await store.sites() { siteIDs[site.code] = site.id }
        let contributorIDs = try await store.contributorsWithoutAccount()
        let people = SampleCorpus.contributors()
        guard contributorIDs.count >= people.count, !siteIDs.isEmpty else { throw EmptyForBulk() }
        let sample = SampleCorpus.submissions(now: now)
        // Every round repeats the sample's texts: what they decide is worked out once.
        let facts = sample.map(sampleFacts.of)
        var written = 0, round = 1
        while written < count {
            let seeds = sample.map { seed -> SubmissionSeed in
                var older = seed
                older.receivedAt = seed.receivedAt.addingTimeInterval(-Double(round) * 61 * 86400)
                return older
            }
            for batch in stride(from: 0, to: min(seeds.count, count - written), by: 500) {
                let slice = seeds[batch..<min(batch + 500, seeds.count, batch + count - written)]
                try await store.transaction {
                    for (index, seed) in zip(slice.indices, slice) {
                        guard let siteID = siteIDs[seed.siteCode] else { throw UnknownSampleSite(code: seed.siteCode) }
                        let publishedAt = [.published, .unpublished].contains(seed.status) ? seed.receivedAt.addingTimeInterval(3 * 3600) : nil
                        let id = try await store.insertSubmission(
                            siteID: siteID, contributorID: contributorIDs[seed.contributor], title: seed.title, sapo: seed.sapo,
                            body: seed.body, category: seed.category, language: seed.language, status: seed.status, received: seed.receivedAt,
                            author: people[seed.contributor].fullName, publishedAt: publishedAt, facts: facts[index])
                        if let publishedAt { try await store.writePublication(of: id, at: publishedAt) }
                    }
                }
                written += slice.count
            }
            round += 1
        }
    }

    /// Adds `count` entitlements in `month` on `site` to a database seeded with the sample, for
    /// benchmarks: `payees` more collaborators with payment details, the lines spread over them and
    /// over the sample's items, written by one statement.
    public static func seedRoyaltyBulk(into store: Store, count: Int, payees: Int = 2_000, month: String, site: String,
                                       now: Date? = nil) async throws {
        let now = now ?? store.clock.now()
        let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đinh", "Hồ", "Ngô", "Dương"]
        let middles = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Ngọc", "Hữu", "Thị Kim"]
        let givens = ["An", "Bảo", "Châu", "Dũng", "Hà", "Hải", "Khoa", "Lan", "Linh", "Mai", "Nam", "Phúc", "Quyên", "Sơn",
                      "Tâm", "Thảo", "Trung", "Uyên", "Vy", "Yến", "Ánh", "Đức", "Ỷ Lan"]
        try await store.transaction {
            guard let items = try await store.submissionIDs(), payees > 0, let day = VietnamDay(month + "-15") else { throw EmptyForBulk() }
            var first: Int64?
            for i in 0..<payees {
                let name = "\(families[i % families.count]) \(middles[i / families.count % middles.count]) \(givens[i / 7 % givens.count])"
                let id = try await store.insertContributor(fullName: name, penName: nil, email: "ctv\(i)@bench.invalid")
                first = first ?? id
                try await store.writePayee(Payee(contributorId: id, fullName: name, unit: "Cộng tác viên tự do", idNumber: String(format: "0510%08d", i),
                                               taxCode: String(format: "80%08d", i), bankAccount: String(format: "0541000%06d", i),
                                               bank: "Vietcombank – CN Quảng Ngãi", kind: i % 4 == 0 ? .staff : .outside), now: now)
            }
            // The sample's submissions, and the payees just written, have contiguous ids: each line names one of each.
            guard let first else { throw EmptyForBulk() }
            try await store.insertBenchEntitlements(count: count, items: items, payees: first...(first + Int64(payees) - 1), site: site, month: month, day: day, now: now)
        }
    }

    public struct UnknownSampleSite: Error, CustomStringConvertible {
        public var code: String
        public var description: String { "the sample names a site it does not define: \(code)" }
    }

    public struct EmptyForBulk: Error, CustomStringConvertible {
        public var description: String { "seed the sample first (seed --sample), then add bulk" }
    }
}
