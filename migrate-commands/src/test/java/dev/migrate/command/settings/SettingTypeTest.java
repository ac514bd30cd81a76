package dev.migrate.command.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The types of the settings read text as the faces did before the table, and name a mistake as it was written. */
class SettingTypeTest {
    @Test
    void listsNumbersPathsAndMapsReadTheirText() {
        assertThat(SettingType.LIST.read("--exclude", "tmp_*, audit.*,,")).isEqualTo(List.of("tmp_*", "audit.*"));
        assertThat(SettingType.NUMBER.read("--large-table-rows", "5000000000")).isEqualTo(5_000_000_000L);
        assertThat(SettingType.PATH.read("--report", "target/drift.json")).isEqualTo(Path.of("target/drift.json"));
        assertThat(SettingType.MAP.read("--import-setting", "flyway.locations=filesystem:sql\nflyway.table=a=b"))
                .isEqualTo(Map.of("flyway.locations", "filesystem:sql", "flyway.table", "a=b"));
        assertThat(SettingType.text("url").read("--url", "jdbc:postgresql://db/app"))
                .isEqualTo("jdbc:postgresql://db/app");
    }

    @Test
    void aMistakeNamesTheSettingAsWritten() {
        assertThatThrownBy(() -> SettingType.NUMBER.read("largeTableRows", "many"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("The largeTableRows 'many' is not a number: write a whole number of 0 or more, such as"
                        + " 100000.");
        assertThatThrownBy(() -> SettingType.object(MigrationListener.class).read("listener", "x"))
                .hasMessageContaining("The listener is a MigrationListener, which only Java code gives");
    }

    @Test
    void everyRowIsNamedOnceInItsSectionAndSaysWhyAFaceDoesNotTakeIt() {
        Set<String> names = new HashSet<>();
        Section section = Section.CONNECTION;
        for (Setting<?> setting : SettingsTable.ALL) {
            assertThat(setting.section())
                    .as("%s grouped with its section", setting.name())
                    .isGreaterThanOrEqualTo(section);
            section = setting.section();
            assertThat(names.add(setting.name()))
                    .as("one row named %s", setting.name())
                    .isTrue();
            for (Face face : Face.values()) {
                assertThat(setting.takenBy(face)
                                || !setting.absent().getOrDefault(face, "").isBlank())
                        .as("%s says why %s does not take it", setting.name(), face)
                        .isTrue();
            }
        }
        // the run settings: twelve every database goal takes (contexts among them), and three of some goals only
        // (consent among them)
        assertThat(SettingsTable.run()).hasSize(15);
        assertThat(SettingsTable.run().stream().filter(SettingsTable.DATABASE::contains))
                .hasSize(12);
        assertThat(SettingsTable.run()).allMatch(s -> s.takenBy(Face.JAVA_API));
    }
}
