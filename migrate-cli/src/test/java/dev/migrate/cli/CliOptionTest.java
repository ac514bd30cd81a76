package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
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
        assertThat(option("lock-retries").description()).endsWith("0 never. Default 3.");
        assertThat(CliOption.LARGE_TABLE_ROWS.description()).endsWith("Default 100000.");
    }

    private static CliOption option(String name) {
        return Objects.requireNonNull(CliOption.named(name), name);
    }
}
