package dev.migrate.command.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.lint.Lint;
import org.junit.jupiter.api.Test;

/**
 * The settings table lives in the runtime commands, which name no class of the build-time tools, so it spells the
 * defaults of their rows itself: each must stay the tool's own, or a face would document and hand one value while the
 * tool falls back on another.
 */
class BuildTimeDefaultsTest {
    @Test
    void theLintsLargeTableRows() {
        assertThat(defaultOf(SettingsTable.LARGE_TABLE_ROWS, "lint"))
                .isEqualTo(String.valueOf(Lint.DEFAULT_LARGE_TABLE_ROWS))
                .isEqualTo(String.valueOf(LintCommand.DEFAULT_LARGE_TABLE_ROWS));
    }

    @Test
    void autogeneratesDataRowLimit() {
        assertThat(defaultOf(SettingsTable.DATA_ROW_LIMIT, "autogenerate"))
                .isEqualTo(String.valueOf(AutogenerateRequest.DEFAULT_ROW_LIMIT));
    }

    @Test
    void theImportsOldToolVersions() {
        assertThat(defaultOf(SettingsTable.IMPORT_FLYWAY_VERSION, "import")).isEqualTo(OldTool.FLYWAY_VERSION);
        assertThat(defaultOf(SettingsTable.IMPORT_LIQUIBASE_VERSION, "import")).isEqualTo(OldTool.LIQUIBASE_VERSION);
    }

    private static String defaultOf(Setting<?> setting, String command) {
        String text = setting.defaultIn(command);
        assertThat(text).as("the default of %s in %s", setting.name(), command).isNotNull();
        return String.valueOf(text);
    }
}
