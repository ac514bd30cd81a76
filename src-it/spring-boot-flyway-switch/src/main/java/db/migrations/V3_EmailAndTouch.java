package db.migrations;

import dev.migrate.Imported;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/**
 * Imported from Flyway: V3__email_and_touch.sql (3).
 * <p>No downgrade: Flyway has none for it.
 */
@Revision(
        id = "V3",
        revises = "V2",
        message = "V3 email and touch (Flyway V3__email_and_touch.sql)"
)
@Imported(
        from = "flyway",
        key = "3",
        checksums = "1884231257",
        downgrade = false
)
public class V3_EmailAndTouch implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("ALTER TABLE customers ADD COLUMN email text");
        op.execute("ALTER TABLE customers ADD COLUMN updated_at timestamptz");
        op.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                        + "BEGIN\n"
                        + "    NEW.updated_at := now(); -- a semicolon; inside the body\n"
                        + "    RETURN NEW;\n"
                        + "END;\n"
                        + "$$");
        op.execute("CREATE TRIGGER customers_touch BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION touch()");
    }

    @Override
    public void downgrade(Operations op) {
        throw new MigrateException("Flyway has no undo for V3__email_and_touch.sql (3), so this revision cannot be downgraded. Write its downgrade here, and set downgrade = true in its @Imported.");
    }
}
