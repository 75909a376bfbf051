import Foundation
import NewsroomKit
import SQLKit
import VietText

/// Writes the sample corpus into a store, once.
public enum Seeder {
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
    public static func seedSample(into store: Store, now: Date = Date()) async throws -> Summary {
        let sites = SampleCorpus.sites()
        let contributors = SampleCorpus.contributors()
        let submissions = SampleCorpus.submissions(now: now)
        let sql = store.sql
        try await store.transaction {
            let existing = try await sql.raw("SELECT COUNT(*) AS n FROM submissions").first()!.decode(column: "n", as: Int.self)
            guard existing == 0 else { throw AlreadySeeded(count: existing) }
            var siteIDs: [String: Int64] = [:]
            for site in sites {
                if let row = try await sql.raw("SELECT id FROM sites WHERE code = \(bind: site.code)").first() {
                    siteIDs[site.code] = try row.decode(column: "id", as: Int64.self)
                    continue
                }
                siteIDs[site.code] = try await sql.raw("""
                    INSERT INTO sites (code, name, kind, language, parent_code)
                    VALUES (\(bind: site.code), \(bind: Normalization.nfc(site.name)), \(bind: site.kind.rawValue), \(bind: site.language), \(bind: site.parentCode))
                    RETURNING id
                    """).first()!.decode(column: "id", as: Int64.self)
            }
            var contributorIDs: [Int64] = []
            for person in contributors {
                contributorIDs.append(try await sql.raw("""
                    INSERT INTO contributors (full_name, pen_name, email)
                    VALUES (\(bind: Normalization.nfc(person.fullName)), \(bind: person.penName.map(Normalization.nfc)), \(bind: person.email))
                    RETURNING id
                    """).first()!.decode(column: "id", as: Int64.self))
            }
            for seed in submissions {
                let received = Store.millis(seed.receivedAt)
                let id = try await sql.raw("""
                    INSERT INTO submissions (site_id, contributor_id, title, sapo, body, category, language, status,
                                             received_at, updated_at, words, revision)
                    VALUES (\(bind: siteIDs[seed.siteCode]!), \(bind: contributorIDs[seed.contributor]), \(bind: seed.title),
                            \(bind: seed.sapo), \(bind: seed.body), \(bind: seed.category.rawValue), \(bind: seed.language),
                            \(bind: seed.status.rawValue), \(bind: received), \(bind: received),
                            \(bind: WordCount.of(seed.sapo + "\n" + seed.body)), 1)
                    RETURNING id
                    """).first()!.decode(column: "id", as: Int64.self)
                try await sql.raw("""
                    INSERT INTO revisions (submission_id, number, title, sapo, body, author, created_at)
                    VALUES (\(bind: id), 1, \(bind: seed.title), \(bind: seed.sapo), \(bind: seed.body),
                            \(bind: contributors[seed.contributor].fullName), \(bind: received))
                    """).run()
            }
        }
        return Summary(sites: sites.count, contributors: contributors.count, submissions: submissions.count)
    }
}
