package dev.migrate.command.run;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The run settings every face maps its own to: read before anything connects, applied to the engine's builder. */
class RunSettingsTest {
    @Revision(id = "r1", message = "create notes")
    public static class CreateNotes implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("notes", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("notes");
        }
    }

    @Test
    void theVersionTablesGoWhereTheSettingsSay() throws SQLException {
        DataSource database = TestPostgres.freshDatabase("run_settings");
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA deploy");
        }
        new RunSettings("deploy", "app_version", "app_history", "all", false, "5s", 1, "1min", "30s", "0")
                .applyTo(Migrator.builder().migrations(CreateNotes.class))
                .dataSource(database)
                .build()
                .upgrade("head");
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT string_agg(table_name, ',' ORDER BY table_name)"
                        + " FROM information_schema.tables WHERE table_schema = 'deploy'")) {
            rs.next();
            assertThat(rs.getString(1)).contains("app_history").contains("app_version");
        }
    }

    @Test
    void aWrongDurationOrModeFailsNamingTheSetting() {
        assertThatThrownBy(() -> settings("per_migration", "five seconds").check())
                .hasMessageContaining("lockTimeout");
        assertThatThrownBy(() -> settings("sometimes", null).applyTo(Migrator.builder()))
                .hasMessage("The transactionMode 'sometimes' is not known. Use per_migration or all.");
        settings("PER-MIGRATION", null).applyTo(Migrator.builder());
    }

    private static RunSettings settings(String mode, @Nullable String lockTimeout) {
        return new RunSettings(
                "public", "migrate_version", "migrate_history", mode, false, lockTimeout, null, null, null, null);
    }
}
