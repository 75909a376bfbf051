import SQLKit

extension Store {
    /// Inside migration 19's transaction: the triggers that change `submissions.list_version`
    /// on every write that changes what a list row shows — any update of the row, an insert,
    /// change or removal of its lease, a new code or name of its site, a new name of its
    /// contributor. A bump sets the version to one more than before, so a version read
    /// with a summary in the same statement names that summary.
    func bumpListVersionsOnWrites() async throws {
        let statements: [String]
        let bump = "UPDATE submissions SET list_version = list_version + 1 WHERE"
        switch dialect {
        case .sqlite:
            // An update that did not set the version itself bumps it (SQLite cannot change NEW:
            // a second update of the row; the trigger does not fire again for it, as it changes the version).
            statements = [
                """
                CREATE TRIGGER submissions_list_version AFTER UPDATE ON submissions FOR EACH ROW
                WHEN NEW.list_version = OLD.list_version
                BEGIN \(bump) id = NEW.id; END
                """,
                "CREATE TRIGGER leases_list_version_insert AFTER INSERT ON leases FOR EACH ROW BEGIN \(bump) id = NEW.submission_id; END",
                """
                CREATE TRIGGER leases_list_version_update AFTER UPDATE ON leases FOR EACH ROW
                BEGIN \(bump) id = NEW.submission_id OR id = OLD.submission_id; END
                """,
                "CREATE TRIGGER leases_list_version_delete AFTER DELETE ON leases FOR EACH ROW BEGIN \(bump) id = OLD.submission_id; END",
                """
                CREATE TRIGGER sites_list_version AFTER UPDATE ON sites FOR EACH ROW
                WHEN NEW.code IS NOT OLD.code OR NEW.name IS NOT OLD.name OR NEW.id IS NOT OLD.id
                BEGIN \(bump) site_id = NEW.id OR site_id = OLD.id; END
                """,
                """
                CREATE TRIGGER contributors_list_version AFTER UPDATE ON contributors FOR EACH ROW
                WHEN NEW.full_name IS NOT OLD.full_name OR NEW.pen_name IS NOT OLD.pen_name OR NEW.id IS NOT OLD.id
                BEGIN \(bump) contributor_id = NEW.id OR contributor_id = OLD.id; END
                """,
            ]
        case .postgres:
            statements = [
                """
                CREATE FUNCTION bientap_bump_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.list_version = OLD.list_version THEN NEW.list_version := OLD.list_version + 1; END IF;
                  RETURN NEW;
                END $$
                """,
                "CREATE TRIGGER submissions_list_version BEFORE UPDATE ON submissions FOR EACH ROW EXECUTE FUNCTION bientap_bump_list_version()",
                """
                CREATE FUNCTION bientap_lease_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'INSERT' THEN \(bump) id = OLD.submission_id; END IF;
                  IF TG_OP = 'INSERT' THEN \(bump) id = NEW.submission_id; END IF;
                  IF TG_OP = 'UPDATE' AND NEW.submission_id <> OLD.submission_id THEN \(bump) id = NEW.submission_id; END IF;
                  RETURN NULL;
                END $$
                """,
                "CREATE TRIGGER leases_list_version AFTER INSERT OR UPDATE OR DELETE ON leases FOR EACH ROW EXECUTE FUNCTION bientap_lease_list_version()",
                """
                CREATE FUNCTION bientap_site_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN \(bump) site_id = NEW.id OR site_id = OLD.id; RETURN NULL; END $$
                """,
                """
                CREATE TRIGGER sites_list_version AFTER UPDATE ON sites FOR EACH ROW
                WHEN (NEW.code IS DISTINCT FROM OLD.code OR NEW.name IS DISTINCT FROM OLD.name OR NEW.id IS DISTINCT FROM OLD.id)
                EXECUTE FUNCTION bientap_site_list_version()
                """,
                """
                CREATE FUNCTION bientap_contributor_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN \(bump) contributor_id = NEW.id OR contributor_id = OLD.id; RETURN NULL; END $$
                """,
                """
                CREATE TRIGGER contributors_list_version AFTER UPDATE ON contributors FOR EACH ROW
                WHEN (NEW.full_name IS DISTINCT FROM OLD.full_name OR NEW.pen_name IS DISTINCT FROM OLD.pen_name OR NEW.id IS DISTINCT FROM OLD.id)
                EXECUTE FUNCTION bientap_contributor_list_version()
                """,
            ]
        }
        for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
    }
}
