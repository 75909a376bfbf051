import Crypto
import Foundation
import NIOCore
import NIOFoundationCompat
import NewsroomKit
import SQLKit
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
            let sql = store.sql
            let existing = try await store.returning("SELECT COUNT(*) AS n FROM submissions").decode(column: "n", as: Int.self)
            guard existing == 0 else { throw AlreadySeeded(count: existing) }
            var siteIDs: [String: Int64] = [:]
            for site in sites {
                if let row = try await sql.raw("SELECT id FROM sites WHERE code = \(bind: site.code)").first() {
                    siteIDs[site.code] = try row.decode(column: "id", as: Int64.self)
                    continue
                }
                siteIDs[site.code] = try await store.returning("""
                    INSERT INTO sites (code, name, kind, language, parent_code)
                    VALUES (\(bind: site.code), \(bind: Normalization.nfc(site.name)), \(bind: site.kind.rawValue), \(bind: site.language), \(bind: site.parentCode))
                    RETURNING id
                    """).decode(column: "id", as: Int64.self)
            }
            var contributorIDs: [Int64] = []
            for person in contributors {
                contributorIDs.append(try await store.returning("""
                    INSERT INTO contributors (full_name, pen_name, email)
                    VALUES (\(bind: Normalization.nfc(person.fullName)), \(bind: person.penName.map(Normalization.nfc)), \(bind: person.email))
                    RETURNING id
                    """).decode(column: "id", as: Int64.self))
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
                if let grading = seed.grading {
                    try await sql.raw("UPDATE submissions SET grading = \(bind: try Store.gradingJSON(grading)) WHERE id = \(bind: id)").run()
                }
                // Photos an editor has approved were graded then: Ảnh 1.5 for the first, 1 for the others.
                let graded = wentOut || [.approved, .scheduled].contains(seed.status)
                for (number, photo) in seed.photos.enumerated() {
                    let grading = graded ? try Store.gradingJSON(Grading(genre: PhotoGrading.defaultGenre, coefficient: number == 0 ? 1.5 : 1)) : nil
                    try await sql.raw("""
                        INSERT INTO attachments (submission_id, number, filename, content_type, size, sha256, caption, credit,
                                                 credit_contributor_id, grading, data)
                        VALUES (\(bind: id), \(bind: number + 1), \(bind: "anh-\(number + 1).png"), 'image/png', \(bind: Self.samplePhoto.count),
                                \(bind: Hex.string(SHA256.hash(data: Self.samplePhoto))), \(bind: Normalization.nfc(photo.caption)),
                                \(bind: Normalization.nfc(photo.credit)), \(bind: photo.photographer.map { contributorIDs[$0] }), \(bind: grading),
                                \(bind: ByteBuffer(data: Self.samplePhoto)))
                        """).run()
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
            let facts = Store.TextFacts(title: text.title, sapo: text.sapo, body: text.body, language: text.language)
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
        let months = try await store.sql.raw("SELECT DISTINCT month, site_code FROM entitlements ORDER BY month, site_code").all()
        var transfer = 100
        for row in months {
            let month = try row.decode(column: "month", as: String.self), site = try row.decode(column: "site_code", as: String.self)
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
        let sql = store.sql
        var siteIDs: [String: Int64] = [:]
        for site in try await store.sites() { siteIDs[site.code] = site.id }
        let contributorIDs = try await sql.raw("SELECT id FROM contributors WHERE user_id IS NULL ORDER BY id").all()
            .map { try $0.decode(column: "id", as: Int64.self) }
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
            let sql = store.sql
            let items = try await sql.raw("SELECT MIN(id) AS lo, MAX(id) AS hi FROM submissions").first()
            guard let items, let low = try items.decode(column: "lo", as: Int64?.self), let high = try items.decode(column: "hi", as: Int64?.self),
                  payees > 0, let day = VietnamDay(month + "-15") else { throw EmptyForBulk() }
            var first: Int64?
            for i in 0..<payees {
                let name = "\(families[i % families.count]) \(middles[i / families.count % middles.count]) \(givens[i / 7 % givens.count])"
                let id = try await store.returning("""
                    INSERT INTO contributors (full_name, pen_name, email) VALUES (\(bind: Normalization.nfc(name)), NULL, \(bind: "ctv\(i)@bench.invalid"))
                    RETURNING id
                    """).decode(column: "id", as: Int64.self)
                first = first ?? id
                try await sql.raw("""
                    INSERT INTO payees (contributor_id, unit, id_number, tax_code, bank_account, bank, kind, commitment_signed_on, updated_at)
                    VALUES (\(bind: id), 'Cộng tác viên tự do', \(bind: String(format: "0510%08d", i)), \(bind: String(format: "80%08d", i)),
                            \(bind: String(format: "0541000%06d", i)), 'Vietcombank – CN Quảng Ngãi', \(bind: i % 4 == 0 ? "staff" : "outside"),
                            NULL, \(bind: Store.millis(now)))
                    """).run()
            }
            guard let first else { throw EmptyForBulk() }
            // The sample's submissions have contiguous ids: each line names one of them.
            try await sql.raw("""
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < \(bind: count))
                INSERT INTO entitlements (submission_id, contributor_id, site_code, genre, genre_name, coefficient, share_percent,
                                          item_amount, amount, base_salary, unit_value, basis, published_at, month, adjusts, created_at)
                SELECT \(bind: low) + n.i % \(bind: high - low + 1), \(bind: first) + n.i % \(bind: Int64(payees)), \(bind: site), 'tin',
                       'Tin; Trả lời bạn đọc', 1 + n.i % 3, 100, 253000 * (1 + n.i % 3), 253000 * (1 + n.i % 3), 2530000, 253000, 'bench',
                       \(bind: Store.millis(day.start)) + n.i, \(bind: month), NULL, \(bind: Store.millis(now))
                FROM n
                """).run()
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
