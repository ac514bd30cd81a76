package dev.migrate.command.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A setting's default, once in its row, per command where the commands differ: what every face falls back on. */
class CommandDefaultsTest {
    @Test
    void theTargetDefaultsByCommand() {
        ResolvedSettings none = GivenSettings.on(Face.COMMAND_LINE).resolve();
        assertThat(none.value(SettingsTable.TARGET, "upgrade")).isEqualTo("head");
        assertThat(none.value(SettingsTable.TARGET, "stamp")).isEqualTo("head");
        assertThat(none.value(SettingsTable.TARGET, "complete")).isEqualTo("head");
        assertThat(none.value(SettingsTable.TARGET, "downgrade")).isEqualTo("-1");
        assertThat(none.value(SettingsTable.REVISION, "show")).isEqualTo("head");
        assertThat(none.value(SettingsTable.REVISION, "rebase"))
                .as("no default")
                .isNull();
        ResolvedSettings given =
                GivenSettings.on(Face.COMMAND_LINE).with("target", "+2").resolve();
        assertThat(given.value(SettingsTable.TARGET, "downgrade"))
                .as("given wins")
                .isEqualTo("+2");
    }

    @Test
    void aRowsDefaultIsReadByItsType() {
        ResolvedSettings none = GivenSettings.on(Face.COMMAND_LINE).resolve();
        assertThat(none.value(SettingsTable.WATCH_DEBOUNCE)).isEqualTo(Duration.ofMillis(150));
        assertThat(none.value(SettingsTable.WATCH_CYCLES)).isZero();
        assertThat(none.value(SettingsTable.CLASSES)).isEqualTo(Path.of("target/classes"));
        assertThat(none.value(SettingsTable.MANAGED_SCHEMA)).isEqualTo("public");
        assertThat(none.value(SettingsTable.LARGE_TABLE_ROWS)).isEqualTo(100_000L);
        assertThat(none.value(SettingsTable.EXCLUDE)).as("no default").isNull();
        assertThat(GivenSettings.on(Face.COMMAND_LINE)
                        .with("exclude", " tmp_* ,audit.*,")
                        .resolve()
                        .value(SettingsTable.EXCLUDE))
                .isEqualTo(List.of("tmp_*", "audit.*"));
    }

    @Test
    void everyDefaultOfACommandIsAValueOfItsType() {
        int checked = 0;
        for (Setting<?> setting : SettingsTable.ALL) {
            for (String command : setting.defaults().keySet()) {
                String text = setting.defaultIn(command);
                assertThatCode(() -> setting.type().read(setting.name(), String.valueOf(text)))
                        .as("the default of %s in %s", setting.name(), command)
                        .doesNotThrowAnyException();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aMessageNamesASettingAsItsFaceSpellsIt() {
        assertThat(GivenSettings.on(Face.SPRING_BOOT).resolve().spelled(SettingsTable.VALIDATE_DRIFT))
                .isEqualTo("migrate.validate-drift");
        assertThat(GivenSettings.on(Face.COMMAND_LINE).resolve().spelled(SettingsTable.DATABASES))
                .isEqualTo("--databases");
    }
}
