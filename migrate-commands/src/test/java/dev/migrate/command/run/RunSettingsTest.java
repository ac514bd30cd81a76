package dev.migrate.command.run;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import dev.migrate.text.Fixes;
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
    void unsetTheEnginesDefaultsAreKeptWhichThePluginsDefaultsAre() throws SQLException {
        DataSource database = TestPostgres.freshDatabase("run_settings_defaults");
        new RunSettings(null, null, null, null, false, null, null, null, null, null)
                .applyTo(Migrator.builder().migrations(CreateNotes.class))
                .dataSource(database)
                .build()
                .upgrade("head");
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT string_agg(table_name, ',' ORDER BY table_name)"
                        + " FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            // the defaults of the plugin's schema, versionTable and historyTable parameters
            assertThat(rs.getString(1)).contains("migrate_history").contains("migrate_version");
        }
    }

    @Test
    void aMistakeIsNamedAsTheFaceSpellsTheSetting() {
        Fixes options = new Fixes() {
            @Override
            public String command(String command) {
                return "migrate " + command;
            }

            @Override
            public String setting(String name, String value) {
                return parameter(name) + " " + value;
            }

            @Override
            public String parameter(String name) {
                return "--" + name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            }
        };
        assertThatThrownBy(() -> settings("per_migration", "10").check(options))
                .hasMessageStartingWith("The --lock-timeout '10' has no unit");
        assertThatThrownBy(() -> settings("per_migration", "10").check())
                .hasMessageStartingWith("The lockTimeout '10' has no unit");
        assertThatThrownBy(() -> settings("each", null).check(options))
                .hasMessage("The --transaction-mode 'each' is not known. Use per_migration or all.");
        assertThatThrownBy(() -> settings("each", null).applyTo(Migrator.builder(), options))
                .hasMessage("The --transaction-mode 'each' is not known. Use per_migration or all.");
    }

    @Test
    void aWrongDurationOrModeFailsNamingTheSetting() {
        assertThatThrownBy(() -> settings("per_migration", "five seconds").check())
                .hasMessageContaining("lockTimeout");
        assertThatThrownBy(() -> settings("sometimes", null).applyTo(Migrator.builder()))
                .hasMessage("The transactionMode 'sometimes' is not known. Use per_migration or all.");
        assertThatThrownBy(() -> settings("sometimes", null).check())
                .hasMessage("The transactionMode 'sometimes' is not known. Use per_migration or all.");
        settings("PER-MIGRATION", null).applyTo(Migrator.builder());
    }

    private static RunSettings settings(String mode, @Nullable String lockTimeout) {
        return new RunSettings(
                "public", "migrate_version", "migrate_history", mode, false, lockTimeout, null, null, null, null);
    }
}
