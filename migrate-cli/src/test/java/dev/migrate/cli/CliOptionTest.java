package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.tooling.ChainTables;
import dev.migrate.tooling.MigratorTools;
import org.junit.jupiter.api.Test;

/** The defaults the help states are the engine's, so that a changed default cannot leave the help behind. */
class CliOptionTest {

    @Test
    void theHelpStatesTheTablesAndSchemaTheEngineUsesUnlessTold() {
        ChainTables tables = MigratorTools.of(Migrator.builder().build()).tables();
        assertThat(CliOption.VERSION_TABLE.description()).endsWith("Default " + tables.versionTable() + ".");
        assertThat(CliOption.HISTORY_TABLE.description()).endsWith("Default " + tables.historyTable() + ".");
        assertThat(CliOption.SCHEMA.description()).endsWith("Default " + tables.schema() + ".");
    }

    @Test
    void theHelpStatesTheEnginesLockDefaults() {
        assertThat(CliOption.LOCK_TIMEOUT.description()).endsWith("Default 10s.");
        assertThat(CliOption.LOCK_RETRIES.description()).contains("Default 3; 0 never.");
        assertThat(CliOption.LARGE_TABLE_ROWS.description()).endsWith("Default 100000.");
    }
}
