package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.tooling.ChainTables;
import dev.migrate.tooling.MigratorTools;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The defaults the help states are the engine's, so that a changed default cannot leave the help behind. */
class CliOptionTest {

    @Test
    void theHelpStatesTheTablesAndSchemaTheEngineUsesUnlessTold() {
        ChainTables tables = MigratorTools.of(Migrator.builder().build()).tables();
        assertThat(option("version-table").description()).endsWith("Default " + tables.versionTable() + ".");
        assertThat(option("history-table").description()).endsWith("Default " + tables.historyTable() + ".");
        assertThat(option("schema").description()).endsWith("Default " + tables.schema() + ".");
    }

    @Test
    void theHelpStatesTheEnginesLockDefaults() {
        assertThat(option("lock-timeout").description()).endsWith("Default 10s.");
        assertThat(option("progress-interval").description()).endsWith("Default 10s.");
        assertThat(option("lock-retries").description()).contains("Default 3; 0 never.");
        assertThat(CliOption.LARGE_TABLE_ROWS.description()).endsWith("Default 100000.");
    }

    @Test
    void aSettingOfTheTableIsOneOptionWhateverReadsIt() {
        assertThat(CliOption.ALL.stream().map(CliOption::optionName)).doesNotHaveDuplicates();
        assertThat(CliOption.named("tenants")).isSameAs(CliOption.TENANTS);
        assertThat(CliOption.TENANTS.setting()).isSameAs(SettingsTable.TENANTS);
        assertThat(CliOption.TENANTS.description())
                .as("the command line's own words")
                .startsWith("A schema per tenant: comma-separated names and LIKE patterns");
        assertThat(CliOption.named("import-setting")).isSameAs(CliOption.IMPORT_SETTING);
        assertThat(CliOption.IMPORT_SETTING.repeatable()).isTrue();
        assertThat(CliOption.PROVE.takesValue()).as("--prove true|false").isTrue();
        assertThat(CliOption.spelled("drift.sqlFile", "back.sql")).isEqualTo("--sql-file back.sql");
        assertThat(CliOption.spelled("sourceDirectory", "src")).isEqualTo("--sources src");
    }

    private static CliOption option(String name) {
        return Objects.requireNonNull(CliOption.named(name), name);
    }
}
