package db.migrations;

import dev.migrate.Imported;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/**
 * Imported from Flyway: R__customer_totals.sql (customer totals).
 * <p>No downgrade: Flyway has none for it.
 */
@Revision(
        id = "R_repeatable",
        revises = "V4",
        message = "Flyway's repeatable migrations (1), run after the versioned ones"
)
@Imported(
        from = "flyway",
        key = "customer totals",
        checksums = "2086997987",
        repeatable = true,
        downgrade = false
)
public class R_repeatable_CustomerTotals implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE OR REPLACE VIEW customer_totals AS\n"
                        + "SELECT c.id, c.name, coalesce(sum(o.total), 0) AS total\n"
                        + "FROM customers c LEFT JOIN orders o ON o.customer_id = c.id\n"
                        + "GROUP BY c.id, c.name");
    }

    @Override
    public void downgrade(Operations op) {
        throw new MigrateException("Flyway has no undo for R__customer_totals.sql (customer totals), so this revision cannot be downgraded. Write its downgrade here, and set downgrade = true in its @Imported.");
    }
}
