import Foundation
import SQLKit

/// Numbered schema changes, applied in order, each in its own transaction.
/// Written in SQLite's words, kept to what SQLite and PostgreSQL share
/// (INTEGER, BIGINT, TEXT, BLOB); `ddl(_:for:)` says them in PostgreSQL's where they differ.
enum Migrations {
    static let all: [(version: Int, statements: [String])] = [
        (1, [
            """
            CREATE TABLE sites (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                language TEXT NOT NULL,
                parent_code TEXT
            )
            """,
            """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE tokens (
                id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id),
                token_hash TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL,
                revoked_at BIGINT
            )
            """,
            """
            CREATE TABLE grants (
                user_id INTEGER NOT NULL REFERENCES users(id),
                role TEXT NOT NULL,
                site_code TEXT REFERENCES sites(code)
            )
            """,
            """
            CREATE TABLE contributors (
                id INTEGER PRIMARY KEY,
                full_name TEXT NOT NULL,
                pen_name TEXT,
                email TEXT,
                user_id INTEGER REFERENCES users(id)
            )
            """,
            """
            CREATE TABLE submissions (
                id INTEGER PRIMARY KEY,
                site_id INTEGER NOT NULL REFERENCES sites(id),
                contributor_id INTEGER NOT NULL REFERENCES contributors(id),
                title TEXT NOT NULL,
                sapo TEXT NOT NULL,
                body TEXT NOT NULL,
                category TEXT NOT NULL,
                language TEXT NOT NULL,
                status TEXT NOT NULL,
                received_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                words INTEGER NOT NULL,
                revision INTEGER NOT NULL
            )
            """,
            "CREATE INDEX submissions_by_status ON submissions (status, received_at DESC, id DESC)",
            "CREATE INDEX submissions_by_received ON submissions (received_at DESC, id DESC)",
            """
            CREATE TABLE revisions (
                id INTEGER PRIMARY KEY,
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                number INTEGER NOT NULL,
                title TEXT NOT NULL,
                sapo TEXT NOT NULL,
                body TEXT NOT NULL,
                author TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (submission_id, number)
            )
            """,
        ]),
        (2, [
            // Why a revision was saved ("sửa chính tả"); empty for the originals.
            "ALTER TABLE revisions ADD COLUMN note TEXT NOT NULL DEFAULT ''",
        ]),
        (3, [
            // The workflow: every transition an event; what approval and scheduling decided.
            """
            CREATE TABLE events (
                id INTEGER PRIMARY KEY,
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                from_status TEXT NOT NULL,
                to_status TEXT NOT NULL,
                note TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX events_by_submission ON events (submission_id, id)",
            "ALTER TABLE submissions ADD COLUMN publish_at BIGINT",
            "ALTER TABLE submissions ADD COLUMN published_at BIGINT",
            "ALTER TABLE submissions ADD COLUMN grading TEXT",
            "ALTER TABLE submissions ADD COLUMN channels TEXT NOT NULL DEFAULT ''",
            // The first answer to a request sent with an Idempotency-Key, for its retries.
            """
            CREATE TABLE idempotency_keys (
                user_id INTEGER NOT NULL REFERENCES users(id),
                idem_key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                status INTEGER NOT NULL,
                response TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (user_id, idem_key)
            )
            """,
        ]),
        (4, [
            // Edit leases: one holder per submission, until it expires.
            """
            CREATE TABLE leases (
                submission_id INTEGER PRIMARY KEY REFERENCES submissions(id),
                holder TEXT NOT NULL,
                holder_name TEXT NOT NULL,
                acquired_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
        ]),
        (5, [
            // What publication made: the address and the sanitized HTML.
            "ALTER TABLE submissions ADD COLUMN slug TEXT",
            "ALTER TABLE submissions ADD COLUMN public_path TEXT",
            "ALTER TABLE submissions ADD COLUMN html TEXT",
        ]),
        (6, [
            // Password sign-in (bcrypt), an optional TOTP second factor, tokens that expire,
            // and the attempts that sign-in limits count.
            "ALTER TABLE users ADD COLUMN password_hash TEXT",
            "ALTER TABLE users ADD COLUMN totp_secret TEXT",
            "ALTER TABLE users ADD COLUMN totp_last_counter BIGINT",
            "ALTER TABLE tokens ADD COLUMN expires_at BIGINT",
            "ALTER TABLE tokens ADD COLUMN label TEXT NOT NULL DEFAULT ''",
            """
            CREATE TABLE sign_in_failures (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                peer TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX sign_in_failures_by_name ON sign_in_failures (name, at)",
            "CREATE INDEX sign_in_failures_by_peer ON sign_in_failures (peer, at)",
        ]),
        (7, [
            // Submissions sent through the API: diacritic-free text to search (filled for
            // older rows by the migration's program), co-authors with their shares, photos.
            "ALTER TABLE submissions ADD COLUMN search_text TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE submissions ADD COLUMN author_share INTEGER NOT NULL DEFAULT 100",
            "CREATE INDEX submissions_by_contributor ON submissions (contributor_id, received_at DESC, id DESC)",
            """
            CREATE TABLE coauthors (
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                contributor_id INTEGER NOT NULL REFERENCES contributors(id),
                share INTEGER NOT NULL,
                PRIMARY KEY (submission_id, contributor_id)
            )
            """,
            """
            CREATE TABLE attachments (
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                number INTEGER NOT NULL,
                filename TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                caption TEXT NOT NULL,
                credit TEXT NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (submission_id, number)
            )
            """,
        ]),
        (8, [
            // Royalty rate tables as data: one JSON document per table, effective from a day,
            // for a site or (no site) for all; the migration's program adds the default.
            """
            CREATE TABLE rate_tables (
                id INTEGER PRIMARY KEY,
                site_code TEXT REFERENCES sites(code),
                effective_from TEXT NOT NULL,
                name TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
        ]),
        (9, [
            // Editorial notes, threaded; for the board only or shared with the contributor.
            """
            CREATE TABLE notes (
                id INTEGER PRIMARY KEY,
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                parent_id INTEGER REFERENCES notes(id),
                author TEXT NOT NULL,
                author_name TEXT NOT NULL,
                body TEXT NOT NULL,
                visibility TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX notes_by_submission ON notes (submission_id, id)",
        ]),
        (10, [
            // What the spell checker finds in each item's current text, for the queue's
            // column; counted for older rows by the migration's program.
            "ALTER TABLE submissions ADD COLUMN spell_findings INTEGER",
        ]),
        (11, [
            // The text an approval posts on its social channels.
            "ALTER TABLE submissions ADD COLUMN social_message TEXT",
        ]),
        (12, [
            // Sign-in limits by name and address together; the addresses a user has signed in
            // from, which failures elsewhere under their name do not slow down.
            "CREATE INDEX sign_in_failures_by_pair ON sign_in_failures (name, peer, at)",
            """
            CREATE TABLE sign_in_peers (
                name TEXT NOT NULL,
                peer TEXT NOT NULL,
                at BIGINT NOT NULL,
                PRIMARY KEY (name, peer)
            )
            """,
            // A co-author named by a contributor is pending until an editor confirms the
            // shares at approval; those of items approved already were confirmed then.
            "ALTER TABLE coauthors ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0",
            "UPDATE coauthors SET confirmed = 1 WHERE submission_id IN (SELECT id FROM submissions WHERE status IN ('approved', 'scheduled', 'published'))",
        ]),
        (13, [
            // The royalty ledger: contributors' payment details, one entitlement per person and
            // published item (with what it was reckoned from), months closed into batches that
            // never change (the program adds the triggers that hold them), budgets per site and year.
            """
            CREATE TABLE payees (
                contributor_id INTEGER PRIMARY KEY REFERENCES contributors(id),
                unit TEXT NOT NULL DEFAULT '',
                id_number TEXT NOT NULL DEFAULT '',
                tax_code TEXT NOT NULL DEFAULT '',
                bank_account TEXT NOT NULL DEFAULT '',
                bank TEXT NOT NULL DEFAULT '',
                kind TEXT NOT NULL DEFAULT 'outside',
                commitment_signed_on TEXT,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE royalty_batches (
                id INTEGER PRIMARY KEY,
                site_code TEXT NOT NULL,
                month TEXT NOT NULL,
                closed_at BIGINT NOT NULL,
                closed_by TEXT NOT NULL,
                paid_at BIGINT,
                paid_by TEXT,
                payment_reference TEXT,
                UNIQUE (site_code, month)
            )
            """,
            """
            CREATE TABLE entitlements (
                id INTEGER PRIMARY KEY,
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                contributor_id INTEGER NOT NULL REFERENCES contributors(id),
                site_code TEXT NOT NULL,
                genre TEXT NOT NULL,
                genre_name TEXT NOT NULL,
                coefficient DOUBLE PRECISION,
                share_percent INTEGER NOT NULL,
                item_amount BIGINT NOT NULL,
                amount BIGINT NOT NULL,
                base_salary BIGINT NOT NULL,
                unit_value BIGINT NOT NULL,
                basis TEXT NOT NULL,
                published_at BIGINT NOT NULL,
                month TEXT NOT NULL,
                batch_id INTEGER,
                adjusts INTEGER REFERENCES entitlements(id),
                created_at BIGINT NOT NULL
            )
            """,
            // Not on batch_id: closing a month rewrites every line's batch_id, and an index on it would be rewritten too.
            "CREATE INDEX entitlements_by_month ON entitlements (site_code, month)",
            // batch_id has no foreign key: only closeMonth sets it, to the batch it has just
            // written, and checking a key for each of a month's lines made closing 100,000 of
            // them take seconds on PostgreSQL. The triggers keep what it points to unchanged.
            "CREATE INDEX entitlements_by_submission ON entitlements (submission_id)",
            "CREATE INDEX entitlements_by_contributor ON entitlements (contributor_id, month)",
            """
            CREATE TABLE royalty_budgets (
                site_code TEXT NOT NULL,
                year INTEGER NOT NULL,
                amount BIGINT NOT NULL,
                PRIMARY KEY (site_code, year)
            )
            """,
        ]),
        // The social outbox: one post per approved item and channel, written with the
        // decision; the dispatcher claims due ones (claimed_by, lease_until) and records how each went.
        (14, [
            """
            CREATE TABLE social_posts (
                id INTEGER PRIMARY KEY,
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                channel TEXT NOT NULL,
                status TEXT NOT NULL,
                message TEXT NOT NULL,
                due_at BIGINT,
                attempts INTEGER NOT NULL DEFAULT 0,
                claimed_by TEXT,
                lease_until BIGINT,
                remote_id TEXT,
                remote_link TEXT,
                error_kind TEXT,
                last_error TEXT,
                posted_at BIGINT,
                views BIGINT,
                reactions BIGINT,
                shares BIGINT,
                engagement_at BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (submission_id, channel)
            )
            """,
            "CREATE INDEX social_posts_due ON social_posts (status, due_at)",
            """
            CREATE TABLE social_channels (
                channel TEXT PRIMARY KEY,
                credentials TEXT,
                delay_seconds INTEGER NOT NULL DEFAULT 0,
                updated_by TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
        ]),
        // Photos paid to their credited photographers: a photo may name the contributor its
        // credit is paid to, and carries its own grading (JSON, as submissions.grading); a
        // ledger line of a photo names it by number within its item (attachments have no id of
        // their own: (submission_id, number) is their key). Adding a nullable column rewrites
        // no row, so the closed-batch triggers fire on none.
        (15, [
            "ALTER TABLE attachments ADD COLUMN credit_contributor_id INTEGER REFERENCES contributors(id)",
            "ALTER TABLE attachments ADD COLUMN grading TEXT",
            "ALTER TABLE entitlements ADD COLUMN attachment_number INTEGER",
        ]),
        // Lists read from an index alone, and an item's newest text kept once (Docs/performance.md).
        (16, [
            // Every column a list row shows but its title (stored before the body): a page is
            // picked from this index without reading the rows, whose later columns SQLite reaches
            // only through the body's overflow pages. It serves what the status index served.
            """
            CREATE INDEX submissions_listed ON submissions (status, received_at DESC, id DESC, site_id, contributor_id,
                category, language, words, revision, publish_at, published_at, spell_findings)
            """,
            "DROP INDEX submissions_by_status",
            // Where a revision's text is: in its row ('row'), or, for the newest, in its submission's
            // ('submission'), which holds the same words; the program moves those of existing rows.
            "ALTER TABLE revisions ADD COLUMN text_in TEXT NOT NULL DEFAULT 'row'",
        ]),
        // A published item's correction (its text saved again by the board): when, and the note
        // its public page shows. The revision the correction made keeps the text before it.
        (17, [
            "ALTER TABLE submissions ADD COLUMN corrected_at BIGINT",
            "ALTER TABLE submissions ADD COLUMN correction_note TEXT",
        ]),
        // Older revisions kept as what differs from the revision after them (`delta`: the shared
        // start and end of title, sapo and body; the middles in the text columns), and on SQLite
        // no stored copy of the search text (Docs/performance.md); the program moves existing rows.
        (18, [
            "ALTER TABLE revisions ADD COLUMN delta TEXT",
        ]),
        // A number each list row carries that changes whenever anything its summary shows does
        // (the row itself, its lease, its site's or contributor's names), so that a list page's
        // summaries are kept in memory by (id, version) and the page's rows are picked from the
        // index alone (Docs/performance.md, fifth round). Triggers bump it (the program), so no
        // write can forget to; the index is the list index of migration 16 with the version.
        (19, [
            "ALTER TABLE submissions ADD COLUMN list_version INTEGER NOT NULL DEFAULT 0",
            "DROP INDEX submissions_listed",
            """
            CREATE INDEX submissions_listed ON submissions (status, received_at DESC, id DESC, site_id, contributor_id,
                category, language, words, revision, publish_at, published_at, spell_findings, list_version)
            """,
        ]),
    ]

    /// What some migrations do besides their statements, in the same transaction:
    /// data that SQL alone cannot derive.
    static let programs: [Int: @Sendable (Store) async throws -> Void] = [
        7: { try await $0.fillSearchText() },
        8: { try await $0.addDefaultRateTable() },
        10: { try await $0.fillSpellFindings() },
        16: { try await $0.keepNewestRevisionTextOnce() },
        19: { try await $0.bumpListVersionsOnWrites() },
        18: {
            try await $0.keepOlderRevisionsAsDeltas()
            try await $0.dropStoredSearchText()
        },
        13: {
            try await $0.guardClosedBatches()
            try await $0.refreshDefaultRateTable()
        },
    ]

    /// The advisory lock migrations hold on PostgreSQL ("bientap" in ASCII).
    static let lockKey: Int64 = 0x62_69_65_6E_74_61_70

    /// The newest schema version this build knows.
    static var latest: Int { all.map(\.version).max() ?? 0 }

    /// A statement for the store's database: in PostgreSQL an `INTEGER PRIMARY KEY`
    /// is an identity column (SQLite numbers such a column by itself) and
    /// every INTEGER is 64-bit, as SQLite's are.
    static func ddl(_ statement: String, for dialect: Store.Dialect) -> String {
        guard dialect == .postgres else { return statement }
        return statement
            .replacingOccurrences(of: "INTEGER PRIMARY KEY", with: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
            .replacingOccurrences(of: "INTEGER", with: "BIGINT")
            .replacingOccurrences(of: "BLOB", with: "BYTEA")
    }

    static func apply(to store: Store) async throws {
        guard store.dialect == .postgres else { return try await migrate(store) }
        // Two servers starting at once on one PostgreSQL must not both migrate.
        try await store.sql.raw("SELECT pg_advisory_lock(\(bind: lockKey))").run()
        do {
            try await migrate(store)
        } catch {
            try? await store.sql.raw("SELECT pg_advisory_unlock(\(bind: lockKey))").run()
            throw error
        }
        try await store.sql.raw("SELECT pg_advisory_unlock(\(bind: lockKey))").run()
    }

    private static func migrate(_ store: Store) async throws {
        try await store.sql.raw(SQLQueryString(ddl("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", for: store.dialect))).run()
        let applied = Set(try await store.sql.raw("SELECT version FROM schema_migrations").all().map {
            try $0.decode(column: "version", as: Int.self)
        })
        if let newest = applied.max(), newest > latest {
            throw DatabaseLocation.Invalid(description: "the database has schema version \(newest), newer than this bientap-portal knows (\(latest)); upgrade bientap-portal")
        }
        for migration in all where !applied.contains(migration.version) {
            try await store.transaction {
                for statement in migration.statements {
                    try await store.sql.raw(SQLQueryString(ddl(statement, for: store.dialect))).run()
                }
                try await programs[migration.version]?(store)
                try await store.sql.raw("INSERT INTO schema_migrations (version, applied_at) VALUES (\(bind: migration.version), \(bind: Store.millis(store.clock.now())))").run()
            }
        }
    }

    /// Versions recorded in the database, oldest first.
    static func appliedVersions(in store: Store) async throws -> [Int] {
        try await store.sql.raw("SELECT version FROM schema_migrations ORDER BY version").all().map {
            try $0.decode(column: "version", as: Int.self)
        }
    }
}
