package dev.migrate.command.settings;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.TransactionMode;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The run settings every face hands over as text: read once before anything connects, applied to the engine. */
class ResolvedSettingsTest {
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
        GivenSettings.on(Face.COMMAND_LINE)
                .with("schema", "deploy")
                .with("versionTable", "app_version")
                .with("historyTable", "app_history")
                .with("transactionMode", "all")
                .with("lockTimeout", "5s")
                .with("lockRetries", "1")
                .with("lockWaitTimeout", "1min")
                .with("statementTimeout", "30s")
                .with("progressInterval", "0")
                .resolve()
                .applyTo(Migrator.builder().migrations(CreateNotes.class))
                .dataSource(database)
                .build()
                .upgrade("head");
        assertThat(tables(database, "deploy")).contains("app_history").contains("app_version");
    }

    @Test
    void unsetTheEnginesDefaultsAreKeptWhichAreTheTablesDefaults() throws SQLException {
        DataSource database = TestPostgres.freshDatabase("run_settings_defaults");
        GivenSettings.on(Face.MAVEN)
                .resolve()
                .applyTo(Migrator.builder().migrations(CreateNotes.class))
                .dataSource(database)
                .build()
                .upgrade("head");
        assertThat(tables(database, "public"))
                .contains(SettingsTable.HISTORY_TABLE.defaultValue())
                .contains(SettingsTable.VERSION_TABLE.defaultValue());
        assertThat(SettingsTable.SCHEMA.defaultValue()).isEqualTo("public");
        assertThat(SettingsTable.LOCK_TIMEOUT.defaultValue())
                .isEqualTo(Migrator.DEFAULT_LOCK_TIMEOUT.toSeconds() + "s");
        assertThat(SettingsTable.LOCK_RETRIES.defaultValue()).isEqualTo(String.valueOf(Migrator.DEFAULT_LOCK_RETRIES));
    }

    @Test
    void aMistakeIsNamedAsTheFaceSpellsTheSetting() {
        assertThatThrownBy(() -> GivenSettings.on(Face.COMMAND_LINE)
                        .with("lockTimeout", "10")
                        .resolve())
                .hasMessageStartingWith("The --lock-timeout '10' has no unit");
        assertThatThrownBy(() ->
                        GivenSettings.on(Face.MAVEN).with("lockTimeout", "10").resolve())
                .hasMessageStartingWith("The lockTimeout '10' has no unit");
        assertThatThrownBy(() -> GivenSettings.on(Face.SPRING_BOOT)
                        .with("lockWaitTimeout", "10")
                        .resolve())
                .hasMessageStartingWith("The migrate.lock-wait-timeout '10' has no unit");
        assertThatThrownBy(() -> GivenSettings.on(Face.COMMAND_LINE)
                        .with("transactionMode", "each")
                        .resolve())
                .hasMessage("The --transaction-mode 'each' is not known. Use per_migration or all.");
        assertThatThrownBy(() -> GivenSettings.on(Face.MAVEN)
                        .with("transactionMode", "sometimes")
                        .resolve())
                .hasMessage("The transactionMode 'sometimes' is not known. Use per_migration or all.");
        assertThatThrownBy(() ->
                        GivenSettings.on(Face.MAVEN).with("lockRetries", "-1").resolve())
                .hasMessageStartingWith("The lockRetries '-1' is not a count");
        assertThatThrownBy(() -> GivenSettings.on(Face.SPRING_BOOT)
                        .with("acceptChecksums", "yes")
                        .resolve())
                .hasMessage("The migrate.accept-checksums 'yes' is neither true nor false.");
    }

    @Test
    void eachValueIsReadAsItsTypeWhateverItsCaseOrDashes() {
        ResolvedSettings settings = GivenSettings.on(Face.MAVEN)
                .with("transactionMode", "PER-MIGRATION")
                .with("lockTimeout", "PT5S")
                .with("acceptChecksums", true)
                .with("lockRetries", 0)
                .resolve();
        assertThat(settings.given(SettingsTable.TRANSACTION_MODE)).isEqualTo(TransactionMode.PER_MIGRATION);
        assertThat(settings.given(SettingsTable.LOCK_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.given(SettingsTable.ACCEPT_CHECKSUMS)).isTrue();
        assertThat(settings.given(SettingsTable.LOCK_RETRIES)).isZero();
        assertThat(settings.given(SettingsTable.STATEMENT_TIMEOUT)).isNull();
    }

    @Test
    void aSettingTheTableDoesNotHaveIsAFacesMistake() {
        assertThatThrownBy(() -> GivenSettings.on(Face.MAVEN).with("lockTimeOut", "5s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lockTimeOut");
    }

    private static String tables(DataSource database, String schema) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT string_agg(table_name, ',' ORDER BY table_name)"
                        + " FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
