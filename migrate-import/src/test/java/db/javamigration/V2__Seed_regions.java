package db.javamigration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A Flyway Java-based migration, as projects write them: it runs statements on the connection Flyway gives. */
public class V2__Seed_regions extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("CREATE TABLE regions (code text PRIMARY KEY, name text NOT NULL)");
            s.execute("INSERT INTO regions VALUES ('eu', 'Europe'), ('us', 'United States')");
        }
    }
}
