import Foundation
import NewsroomKit
import SQLKit
import VietText

/// The royalty ledger: entitlements written when an item is published (in the publication's
/// transaction), months closed into batches the database itself keeps unchanged, payments
/// recorded, gradings corrected by adjustment lines, payment lists reckoned.
extension Store {
    /// Inside migration 13's transaction: triggers that refuse any change to a closed batch or
    /// its lines, whoever asks (a bug, a script, a hand in the database console).
    func guardClosedBatches() async throws {
        let statements: [String]
        switch dialect {
        case .sqlite:
            let refuse = "BEGIN SELECT RAISE(ABORT, 'closed royalty batch: it never changes'); END"
            statements = [
                "CREATE TRIGGER entitlements_closed_update BEFORE UPDATE ON entitlements WHEN OLD.batch_id IS NOT NULL " + refuse,
                "CREATE TRIGGER entitlements_closed_delete BEFORE DELETE ON entitlements WHEN OLD.batch_id IS NOT NULL " + refuse,
                "CREATE TRIGGER entitlements_closed_insert BEFORE INSERT ON entitlements WHEN NEW.batch_id IS NOT NULL " + refuse,
                "CREATE TRIGGER batches_no_delete BEFORE DELETE ON royalty_batches " + refuse,
                """
                CREATE TRIGGER batches_fixed BEFORE UPDATE ON royalty_batches
                WHEN OLD.paid_at IS NOT NULL OR NEW.site_code IS NOT OLD.site_code OR NEW.month IS NOT OLD.month
                  OR NEW.closed_at IS NOT OLD.closed_at OR NEW.closed_by IS NOT OLD.closed_by
                """ + " " + refuse,
            ]
        case .postgres:
            let run = "FOR EACH ROW EXECUTE FUNCTION bientap_refuse_closed_batch()"
            statements = [
                """
                CREATE FUNCTION bientap_refuse_closed_batch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'closed royalty batch: it never changes'; END $$
                """,
                "CREATE TRIGGER entitlements_closed_change BEFORE UPDATE OR DELETE ON entitlements FOR EACH ROW WHEN (OLD.batch_id IS NOT NULL) EXECUTE FUNCTION bientap_refuse_closed_batch()",
                "CREATE TRIGGER entitlements_closed_insert BEFORE INSERT ON entitlements FOR EACH ROW WHEN (NEW.batch_id IS NOT NULL) EXECUTE FUNCTION bientap_refuse_closed_batch()",
                "CREATE TRIGGER batches_no_delete BEFORE DELETE ON royalty_batches " + run,
                """
                CREATE TRIGGER batches_fixed BEFORE UPDATE ON royalty_batches FOR EACH ROW
                WHEN (OLD.paid_at IS NOT NULL OR NEW.site_code IS DISTINCT FROM OLD.site_code OR NEW.month IS DISTINCT FROM OLD.month
                      OR NEW.closed_at IS DISTINCT FROM OLD.closed_at OR NEW.closed_by IS DISTINCT FROM OLD.closed_by)
                EXECUTE FUNCTION bientap_refuse_closed_batch()
                """,
            ]
        }
        for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
    }

    /// Inside migration 13's transaction: the decree's own table (maxima only) becomes the
    /// default where an older default, with minima the decree does not have, is in force.
    func refreshDefaultRateTable() async throws {
        let newest = try await sql.raw("SELECT body FROM rate_tables WHERE site_code IS NULL ORDER BY effective_from DESC, id DESC LIMIT 1").first()
        let current = try newest.map { try WireFormat.decoder().decode(RateTable.self, from: Data(try $0.decode(column: "body", as: String.self).utf8)) }
        // Only the default bientap shipped before; a table an admin loaded stays in force.
        guard let current, current != DefaultRateTable.table, current.name == "Khung nhuận bút Cổng thông tin điện tử (mặc định)" else { return }
        try await addDefaultRateTable()
    }

    /// `YYYY-MM` of the Vietnam day `date` falls on.
    static func royaltyMonth(of date: Date) -> String {
        String(VietnamDay(containing: date).text.prefix(7))
    }

    /// The month after `month` (`YYYY-MM`).
    static func month(after month: String) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return month }
        let (year, next) = parts[1] >= 12 ? (parts[0] + 1, 1) : (parts[0], parts[1] + 1)
        return String(format: "%04d-%02d", year, next)
    }

    /// Inside a transaction: the first month from `month` on whose batch for `site` is still open.
    func openMonth(from month: String, site: String) async throws -> String {
        var month = month
        for _ in 0..<240 {
            let closed = try await sql.raw("SELECT id FROM royalty_batches WHERE site_code = \(bind: site) AND month = \(bind: month)").first()
            if closed == nil { return month }
            month = Self.month(after: month)
        }
        return month
    }

    /// What a graded item earns, reckoned once for all of its people.
    struct Reckoned {
        var grading: Grading
        var genreName: String
        var item: RoyaltyMath.ItemReckoning
        /// The rate table and base salary it followed.
        var basis: String
        /// Each person with their percent and part: the author first, then the confirmed co-authors;
        /// for a photo, its photographer alone.
        var lines: [(contributor: Int64, percent: Int, amount: Int64)]
        /// The photo's number, for a photo's line.
        var photo: Int? = nil
    }

    /// What `submission`, graded `grading`, earns each of its people if published at `date`, by
    /// the rate table in force for its site and the base salary of that day (RoyaltyMath.reckon).
    /// Nil when ungraded, or before the first base salary bientap knows (it reckons nothing rather than guess).
    func reckon(_ submission: Submission, grading: Grading?, publishedAt date: Date) async throws -> Reckoned? {
        let coAuthors = submission.coAuthors.filter(\.confirmed)
        let people = [(submission.summary.contributor.id, 100 - coAuthors.reduce(0) { $0 + $1.share })]
            + coAuthors.map { ($0.contributor.id, $0.share) }
        return try await reckon(grading, site: submission.summary.site.code, people: people, publishedAt: date)
    }

    /// What photo `number` of `submission`, graded `grading`, earns the contributor its credit
    /// names (all of it: a photo is priced on its own, Điều 7.1, group Ảnh), by the same day's
    /// table and base salary as its article. Nil when the photo is not there, names no one, or is ungraded.
    func reckon(photo number: Int, of submission: Submission, grading: Grading?, publishedAt date: Date) async throws -> Reckoned? {
        guard let photographer = submission.attachments.first(where: { $0.number == number })?.creditContributor,
              var reckoned = try await reckon(grading, site: submission.summary.site.code, people: [(photographer.id, 100)],
                                              publishedAt: date) else { return nil }
        reckoned.photo = number
        return reckoned
    }

    /// `grading` reckoned by the rate table in force for `site` and the base salary of `date`, split among `people` (id, percent).
    private func reckon(_ grading: Grading?, site: String, people: [(Int64, Int)], publishedAt date: Date) async throws -> Reckoned? {
        guard let grading, let table = try await activeRateTable(site: site, at: date),
              let item = RoyaltyMath.reckon(grading, table: table, on: VietnamDay(containing: date)) else { return nil }
        let amounts = RoyaltyMath.split(item.amount, percents: people.map(\.1))
        return Reckoned(grading: grading, genreName: table.genres.first { $0.code == grading.genre }?.name ?? grading.genre, item: item,
                        basis: "\(table.name) (\(table.basis)); lương cơ sở: \(item.baseSalary.basis)",
                        lines: zip(people, amounts).map { (contributor: $0.0.0, percent: $0.0.1, amount: $0.1) })
    }

    /// Inside the publication's transaction: the entitlements of `submission`, published at `date`,
    /// in its month (or the first open one after it, when that month is closed already): its
    /// people's, then one for each credited, graded photo.
    func writeEntitlements(of submission: Submission, publishedAt date: Date, now: Date? = nil) async throws {
        let now = now ?? clock.now()
        var all: [Reckoned] = []
        if let reckoned = try await reckon(submission, grading: submission.grading, publishedAt: date) { all.append(reckoned) }
        for photo in submission.attachments {
            if let reckoned = try await reckon(photo: photo.number, of: submission, grading: photo.grading, publishedAt: date) {
                all.append(reckoned)
            }
        }
        guard !all.isEmpty else { return }
        let month = try await openMonth(from: Self.royaltyMonth(of: date), site: submission.summary.site.code)
        for reckoned in all { try await insertLines(reckoned, of: submission, publishedAt: date, month: month, now: now) }
    }

    /// Inside a transaction: one ledger line per person of `reckoned` in `month`. A grading of 0
    /// (the decree's tables start there) owes nothing: no line for it.
    private func insertLines(_ reckoned: Reckoned, of submission: Submission, publishedAt: Date, month: String, now: Date) async throws {
        for line in reckoned.lines where line.amount != 0 {
            try await sql.raw("""
                INSERT INTO entitlements (submission_id, contributor_id, site_code, genre, genre_name, coefficient, share_percent, item_amount,
                                          amount, base_salary, unit_value, basis, published_at, month, attachment_number, created_at)
                VALUES (\(bind: submission.id), \(bind: line.contributor), \(bind: submission.summary.site.code), \(bind: reckoned.grading.genre),
                        \(bind: reckoned.genreName), \(bind: reckoned.grading.coefficient), \(bind: line.percent), \(bind: reckoned.item.amount),
                        \(bind: line.amount), \(bind: reckoned.item.baseSalary.amount), \(bind: reckoned.item.unitValue), \(bind: reckoned.basis),
                        \(bind: Store.millis(publishedAt)), \(bind: month), \(bind: reckoned.photo), \(bind: Store.millis(now)))
                """).run()
        }
    }

    public enum RegradeOutcome: Sendable {
        case done([RoyaltyEntitlement])
        case notFound
        /// Only a published item has entitlements to correct.
        case notPublished
        /// The item has no photo of that number.
        case noSuchPhoto
    }

    /// Corrects the grading of a published item, or with `photo` of one of its photos: the
    /// lines it wrote in open months are written anew; each line in a closed batch is taken back
    /// by an adjustment line (its amount negated) in the first open month, beside the new lines
    /// there. The item's and each photo's lines are corrected apart. Nothing already paid changes.
    public func regrade(submission id: Int64, grading: Grading, photo: Int? = nil, now: Date? = nil) async throws -> RegradeOutcome {
        let now = now ?? clock.now()
        return try await transaction {
            guard let submission = try await submission(id: id, scope: .everything) else { return .notFound }
            guard submission.summary.status == .published, let publishedAt = submission.summary.publishedAt else { return .notPublished }
            if let photo, !submission.attachments.contains(where: { $0.number == photo }) { return .noSuchPhoto }
            let site = submission.summary.site.code
            let old = try await entitlements(RoyaltyQuery(submission: id)).filter { $0.photo == photo }
            let sameLines: SQLQueryString = photo.map { " AND attachment_number = \(bind: $0)" } ?? " AND attachment_number IS NULL"
            try await sql.raw("DELETE FROM entitlements WHERE submission_id = \(bind: id) AND batch_id IS NULL" + sameLines).run()
            let open = try await openMonth(from: Self.royaltyMonth(of: now), site: site)
            // Lines already in a batch stay; what they paid is taken back in an open month. A line
            // that took back another is itself paid: it stays, and is not taken back twice.
            let closed = old.filter { $0.batchId != nil }
            let takenBack = Set(closed.compactMap(\.adjusts))
            for line in closed where line.adjusts == nil && !takenBack.contains(line.id) {
                try await sql.raw("""
                    INSERT INTO entitlements (submission_id, contributor_id, site_code, genre, genre_name, coefficient, share_percent,
                                              item_amount, amount, base_salary, unit_value, basis, published_at, month, attachment_number,
                                              adjusts, created_at)
                    SELECT submission_id, contributor_id, site_code, genre, genre_name, coefficient, share_percent, item_amount, -amount,
                           base_salary, unit_value, basis, published_at, \(bind: open), attachment_number, id, \(bind: Store.millis(now))
                    FROM entitlements WHERE id = \(bind: line.id)
                    """).run()
            }
            let reckoned: Reckoned?
            if let photo {
                try await sql.raw("""
                    UPDATE attachments SET grading = \(bind: try Self.gradingJSON(grading)) WHERE submission_id = \(bind: id) AND number = \(bind: photo)
                    """).run()
                reckoned = try await reckon(photo: photo, of: submission, grading: grading, publishedAt: publishedAt)
            } else {
                try await sql.raw("UPDATE submissions SET grading = \(bind: try Self.gradingJSON(grading)) WHERE id = \(bind: id)").run()
                reckoned = try await reckon(submission, grading: grading, publishedAt: publishedAt)
            }
            if let reckoned {
                // The first publication's month when it is still open; else the first open one.
                let month = closed.isEmpty ? try await openMonth(from: Self.royaltyMonth(of: publishedAt), site: site) : open
                try await insertLines(reckoned, of: submission, publishedAt: publishedAt, month: month, now: now)
            }
            return .done(try await entitlements(RoyaltyQuery(submission: id)))
        }
    }

    static func gradingJSON(_ grading: Grading) throws -> String {
        String(decoding: try WireFormat.encoder().encode(grading), as: UTF8.self)
    }

    /// A grading as a column keeps it; nil for none, or for JSON no grading reads from.
    static func grading(fromJSON json: String?) -> Grading? {
        json.flatMap { try? WireFormat.decoder().decode(Grading.self, from: Data($0.utf8)) }
    }

    /// Which ledger lines to read.
    public struct RoyaltyQuery: Sendable, Hashable {
        public var month: String?
        public var sites: Set<String>?
        public var contributors: Set<Int64>?
        public var submission: Int64?

        public init(month: String? = nil, sites: Set<String>? = nil, contributors: Set<Int64>? = nil, submission: Int64? = nil) {
            self.month = month
            self.sites = sites
            self.contributors = contributors
            self.submission = submission
        }
    }

    /// Ledger lines, oldest first.
    public func entitlements(_ query: RoyaltyQuery) async throws -> [RoyaltyEntitlement] {
        var text = SQLQueryString("""
            SELECT e.id, e.submission_id, s.title, e.site_code, si.name AS site_name, e.contributor_id, e.genre, e.genre_name, e.coefficient,
                   e.share_percent, e.item_amount, e.amount, e.base_salary, e.unit_value, e.basis, e.published_at, e.month, e.batch_id, e.adjusts,
                   b.paid_at, e.attachment_number, a.caption AS photo_caption
            FROM entitlements e JOIN submissions s ON s.id = e.submission_id JOIN sites si ON si.code = e.site_code
            LEFT JOIN royalty_batches b ON b.id = e.batch_id
            LEFT JOIN attachments a ON a.submission_id = e.submission_id AND a.number = e.attachment_number WHERE 1 = 1
            """)
        if let month = query.month { text = text + " AND e.month = \(bind: month)" }
        if let submission = query.submission { text = text + " AND e.submission_id = \(bind: submission)" }
        if let sites = query.sites {
            guard !sites.isEmpty else { return [] }
            text = text + " AND e.site_code IN (" + Self.bindList(sites.sorted()) + ")"
        }
        if let contributors = query.contributors {
            guard !contributors.isEmpty else { return [] }
            text = text + " AND e.contributor_id IN (" + Self.bindList(contributors.sorted()) + ")"
        }
        return try await sql.raw(text + " ORDER BY e.published_at, e.id").all().map { row in
            RoyaltyEntitlement(
                id: try row.decode(column: "id", as: Int64.self), submissionId: try row.decode(column: "submission_id", as: Int64.self),
                title: try row.decode(column: "title", as: String.self), siteCode: try row.decode(column: "site_code", as: String.self),
                siteName: try row.decode(column: "site_name", as: String.self), contributorId: try row.decode(column: "contributor_id", as: Int64.self),
                genre: try row.decode(column: "genre", as: String.self), genreName: try row.decode(column: "genre_name", as: String.self),
                coefficient: try row.decode(column: "coefficient", as: Double?.self), sharePercent: try row.decode(column: "share_percent", as: Int.self),
                itemAmount: try row.decode(column: "item_amount", as: Int64.self), amount: try row.decode(column: "amount", as: Int64.self),
                baseSalary: try row.decode(column: "base_salary", as: Int64.self), unitValue: try row.decode(column: "unit_value", as: Int64.self),
                basis: try row.decode(column: "basis", as: String.self), publishedAt: Store.date(try row.decode(column: "published_at", as: Int64.self)),
                month: try row.decode(column: "month", as: String.self), batchId: try row.decode(column: "batch_id", as: Int64?.self),
                adjusts: try row.decode(column: "adjusts", as: Int64?.self),
                paidAt: try row.decode(column: "paid_at", as: Int64?.self).map(Store.date),
                photo: try row.decode(column: "attachment_number", as: Int?.self),
                photoCaption: try row.decode(column: "photo_caption", as: String?.self))
        }
    }

    /// `values` bound one by one, comma-separated, for an `IN (…)`.
    static func bindList<T: Encodable & Sendable>(_ values: [T]) -> SQLQueryString {
        var text = SQLQueryString("")
        for (i, value) in values.enumerated() { text = text + (i == 0 ? "" : ", ") + "\(bind: value)" }
        return text
    }

    public enum CloseOutcome: Sendable {
        case closed(RoyaltyBatch)
        /// The month has not ended yet in Vietnam.
        case notOver
        case alreadyClosed(RoyaltyBatch)
    }

    /// Closes `month` for `site`: its open lines join a batch that never changes again.
    public func closeMonth(_ month: String, site: String, by user: String, now: Date? = nil) async throws -> CloseOutcome {
        let now = now ?? clock.now()
        return try await transaction {
            try await serialize(on: "royalty-batch:\(site):\(month)")
            if let existing = try await batch(site: site, month: month) { return .alreadyClosed(existing) }
            guard month < Self.royaltyMonth(of: now) else { return .notOver }
            let id = try await returning("""
                INSERT INTO royalty_batches (site_code, month, closed_at, closed_by)
                VALUES (\(bind: site), \(bind: month), \(bind: Store.millis(now)), \(bind: user)) RETURNING id
                """).decode(column: "id", as: Int64.self)
            try await sql.raw("""
                UPDATE entitlements SET batch_id = \(bind: id) WHERE site_code = \(bind: site) AND month = \(bind: month) AND batch_id IS NULL
                """).run()
            guard let closed = try await batch(site: site, month: month) else { throw NoRowReturned() }
            return .closed(closed)
        }
    }

    public enum PayOutcome: Sendable {
        case paid(RoyaltyBatch)
        /// The month has no batch: it is not closed.
        case notClosed
        case alreadyPaid(RoyaltyBatch)
    }

    /// Records that the batch of `month` for `site` was paid, by whom and with what reference
    /// (a transfer's number): the batch is read once, and what the update wrote is returned.
    @discardableResult
    public func markPaid(site: String, month: String, reference: String, by user: String, now: Date? = nil) async throws -> PayOutcome {
        let now = now ?? clock.now()
        return try await transaction {
            try await serialize(on: "royalty-batch:\(site):\(month)")
            guard var batch = try await batch(site: site, month: month) else { return .notClosed }
            if batch.paidAt != nil { return .alreadyPaid(batch) }
            try await sql.raw("""
                UPDATE royalty_batches SET paid_at = \(bind: Store.millis(now)), paid_by = \(bind: user), payment_reference = \(bind: reference)
                WHERE id = \(bind: batch.id)
                """).run()
            // As the column keeps it: to the millisecond.
            (batch.paidAt, batch.paidBy, batch.paymentReference) = (Store.date(Store.millis(now)), user, reference)
            return .paid(batch)
        }
    }

    /// The batch of `month` for `site`, when it is closed.
    public func batch(site: String, month: String) async throws -> RoyaltyBatch? {
        try await batches(site: site, month: month).first
    }

    /// The closed batches of `site` (of one month, or all), newest first.
    public func batches(site: String, month: String? = nil) async throws -> [RoyaltyBatch] {
        var text = SQLQueryString("""
            SELECT b.id, b.site_code, b.month, b.closed_at, b.closed_by, b.paid_at, b.paid_by, b.payment_reference,
                   (SELECT COUNT(*) FROM entitlements e WHERE e.batch_id = b.id) AS lines,
                   (SELECT CAST(COALESCE(SUM(e.amount), 0) AS BIGINT) FROM entitlements e WHERE e.batch_id = b.id) AS gross
            FROM royalty_batches b WHERE b.site_code = \(bind: site)
            """)
        if let month { text = text + " AND b.month = \(bind: month)" }
        return try await sql.raw(text + " ORDER BY b.month DESC").all().map { row in
            RoyaltyBatch(id: try row.decode(column: "id", as: Int64.self), site: try row.decode(column: "site_code", as: String.self),
                         month: try row.decode(column: "month", as: String.self),
                         closedAt: Store.date(try row.decode(column: "closed_at", as: Int64.self)),
                         closedBy: try row.decode(column: "closed_by", as: String.self),
                         paidAt: try row.decode(column: "paid_at", as: Int64?.self).map(Store.date),
                         paidBy: try row.decode(column: "paid_by", as: String?.self),
                         paymentReference: try row.decode(column: "payment_reference", as: String?.self),
                         lines: try row.decode(column: "lines", as: Int.self), gross: try row.decode(column: "gross", as: Int64.self))
        }
    }

    /// The name of the site `code`; nil when there is no such site.
    public func siteName(code: String) async throws -> String? {
        try await sql.raw("SELECT name FROM sites WHERE code = \(bind: code)").first()?.decode(column: "name", as: String.self)
    }

    /// The contributor records of an account (a contributor's own lines are theirs).
    public func contributorIDs(ofUser user: Int64) async throws -> Set<Int64> {
        Set(try await sql.raw("SELECT id FROM contributors WHERE user_id = \(bind: user)").all().map { try $0.decode(column: "id", as: Int64.self) })
    }

    /// Payment details of contributors, by contributor id (full name and pen name from their contributor record).
    public func payees(_ ids: Set<Int64>) async throws -> [Int64: Payee] {
        guard !ids.isEmpty else { return [:] }
        var payees: [Int64: Payee] = [:]
        for row in try await sql.raw("""
            SELECT c.id, c.full_name, c.pen_name, p.unit, p.id_number, p.tax_code, p.bank_account, p.bank, p.kind, p.commitment_signed_on
            FROM contributors c LEFT JOIN payees p ON p.contributor_id = c.id WHERE c.id IN (
            """ + Self.bindList(ids.sorted()) + ")").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            payees[id] = Payee(contributorId: id, fullName: try row.decode(column: "full_name", as: String.self),
                               penName: try row.decode(column: "pen_name", as: String?.self),
                               unit: try row.decode(column: "unit", as: String?.self) ?? "",
                               idNumber: try row.decode(column: "id_number", as: String?.self) ?? "",
                               taxCode: try row.decode(column: "tax_code", as: String?.self) ?? "",
                               bankAccount: try row.decode(column: "bank_account", as: String?.self) ?? "",
                               bank: try row.decode(column: "bank", as: String?.self) ?? "",
                               kind: Payee.Kind(rawValue: try row.decode(column: "kind", as: String?.self) ?? "") ?? .outside,
                               commitmentSignedOn: try row.decode(column: "commitment_signed_on", as: String?.self))
        }
        return payees
    }

    /// Writes a contributor's payment details (names stay on the contributor record); false when there is no such contributor.
    @discardableResult
    public func setPayee(_ payee: Payee, now: Date? = nil) async throws -> Bool {
        let now = now ?? clock.now()
        return try await transaction {
            guard try await sql.raw("SELECT id FROM contributors WHERE id = \(bind: payee.contributorId)").first() != nil else { return false }
            try await writePayee(payee, now: now)
            return true
        }
    }

    /// Inside a transaction: `payee`'s details, for a contributor known to exist (replacing what was kept).
    func writePayee(_ payee: Payee, now: Date) async throws {
        try await sql.raw("""
            INSERT INTO payees (contributor_id, unit, id_number, tax_code, bank_account, bank, kind, commitment_signed_on, updated_at)
            VALUES (\(bind: payee.contributorId), \(bind: Normalization.nfc(payee.unit)), \(bind: payee.idNumber), \(bind: payee.taxCode),
                    \(bind: payee.bankAccount), \(bind: Normalization.nfc(payee.bank)), \(bind: payee.kind.rawValue),
                    \(bind: payee.commitmentSignedOn), \(bind: Store.millis(now)))
            ON CONFLICT (contributor_id) DO UPDATE SET unit = excluded.unit, id_number = excluded.id_number, tax_code = excluded.tax_code,
                bank_account = excluded.bank_account, bank = excluded.bank, kind = excluded.kind,
                commitment_signed_on = excluded.commitment_signed_on, updated_at = excluded.updated_at
            """).run()
    }

    /// Who is known on `site`: holds a role there, or has written or been paid for it.
    private static func knownOn(_ site: String) -> SQLQueryString {
        """
        (EXISTS (SELECT 1 FROM grants g WHERE g.user_id = c.user_id AND (g.site_code = \(bind: site) OR g.site_code IS NULL))
         OR EXISTS (SELECT 1 FROM submissions s JOIN sites si ON si.id = s.site_id WHERE s.contributor_id = c.id AND si.code = \(bind: site))
         OR EXISTS (SELECT 1 FROM entitlements e WHERE e.contributor_id = c.id AND e.site_code = \(bind: site)))
        """
    }

    /// Whether contributor `id` is known on `site` (whose payment details its accountant may write).
    public func isKnown(contributor id: Int64, on site: String) async throws -> Bool {
        try await sql.raw("SELECT c.id FROM contributors c WHERE c.id = \(bind: id) AND " + Self.knownOn(site)).first() != nil
    }

    /// Payment details of the people known on `site` (who hold a role there or have written for
    /// it), by name; those without details yet with empty ones.
    public func payees(on site: String) async throws -> [Payee] {
        let ids = try await sql.raw("SELECT c.id FROM contributors c WHERE " + Self.knownOn(site)).all()
            .map { try $0.decode(column: "id", as: Int64.self) }
        return try await payees(Set(ids)).values.map { (Collation.personKey($0.fullName), $0) }.sorted {
            $0.0 == $1.0 ? $0.1.contributorId < $1.1.contributorId : $0.0.lexicographicallyPrecedes($1.0)
        }.map(\.1)
    }

    /// Sets `site`'s royalty budget for `year` (đồng).
    public func setBudget(site: String, year: Int, amount: Int64) async throws -> RoyaltyBudget {
        try await transaction {
            try await sql.raw("""
                INSERT INTO royalty_budgets (site_code, year, amount) VALUES (\(bind: site), \(bind: year), \(bind: amount))
                ON CONFLICT (site_code, year) DO UPDATE SET amount = excluded.amount
                """).run()
            return try await budget(site: site, year: year)
        }
    }

    /// `site`'s budget for `year` and what the ledger has used of it.
    public func budget(site: String, year: Int) async throws -> RoyaltyBudget {
        let amount = try await sql.raw("SELECT amount FROM royalty_budgets WHERE site_code = \(bind: site) AND year = \(bind: year)").first()?
            .decode(column: "amount", as: Int64.self)
        let used = try await returning("""
            SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS used FROM entitlements
            WHERE site_code = \(bind: site) AND month >= \(bind: String(format: "%04d-01", year)) AND month <= \(bind: String(format: "%04d-12", year))
            """).decode(column: "used", as: Int64.self)
        return RoyaltyBudget(site: site, year: year, amount: amount, used: used)
    }

    /// The payment list of `month` for `sites`, tax reckoned by the regime on `paidOn`: each
    /// person's lines summed by the database (a month of 100,000 lines is not read line by line).
    /// `contributors` narrows it to some people (one person's statement).
    public func paymentList(month: String, sites: Set<String>, site: String?, paidOn: VietnamDay,
                            contributors: Set<Int64>? = nil) async throws -> PaymentList {
        guard !sites.isEmpty, contributors?.isEmpty != true else {
            return PaymentList.make(month: month, site: site, paidOn: paidOn, totals: [:], payees: [:])
        }
        var totals: [Int64: PaymentList.Totals] = [:]
        // As PaymentList.Totals(_:) sums lines: a photo counts as an item of its own (a month holds
        // at most one owed line per photo and photographer); a take-back subtracts its coefficient; the
        // oldest unpaid line that is owed (not a take-back) dates the lateness flags.
        for row in try await sql.raw("""
            SELECT e.contributor_id, CAST(SUM(e.amount) AS BIGINT) AS gross,
                   COUNT(DISTINCT CASE WHEN e.adjusts IS NULL AND e.attachment_number IS NULL THEN e.submission_id END)
                     + COUNT(CASE WHEN e.adjusts IS NULL AND e.attachment_number IS NOT NULL THEN 1 END) AS items,
                   SUM(COALESCE(e.coefficient, 0) * e.share_percent * CASE WHEN e.adjusts IS NULL THEN 1 ELSE -1 END) AS weighted,
                   MIN(CASE WHEN e.adjusts IS NULL AND b.paid_at IS NULL THEN e.published_at END) AS unpaid_since
            FROM entitlements e LEFT JOIN royalty_batches b ON b.id = e.batch_id
            WHERE e.month = \(bind: month) AND e.site_code IN (
            """ + Self.bindList(sites.sorted()) + ")"
            + (contributors.map { " AND e.contributor_id IN (" + Self.bindList($0.sorted()) + ")" } ?? "") + " GROUP BY e.contributor_id").all() {
            totals[try row.decode(column: "contributor_id", as: Int64.self)] = PaymentList.Totals(
                items: try row.decode(column: "items", as: Int.self),
                coefficients: (try row.decode(column: "weighted", as: Double?.self) ?? 0) / 100,
                gross: try row.decode(column: "gross", as: Int64.self),
                unpaidSince: try row.decode(column: "unpaid_since", as: Int64?.self).map(Store.date))
        }
        let payees = try await payees(Set(totals.keys))
        return PaymentList.make(month: month, site: site, paidOn: paidOn, totals: totals, payees: payees)
    }
}
