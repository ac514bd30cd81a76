package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.quarkus.MigrateBuildConfig;
import dev.migrate.quarkus.MigrateConfig;
import dev.migrate.quarkus.QuarkusSettings;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The settings the extension declares to Quarkus are the table's Quarkus settings, no more and no fewer, and they
 * are read as the table reads them, named in a mistake's message as the application spells them.
 */
class QuarkusSettingsParityTest {
    @Test
    void theDeclaredSettingsAreTheTablesQuarkusSettings() {
        Set<String> table = new TreeSet<>();
        for (Setting<?> setting : SettingsTable.ALL) {
            if (setting.takenBy(Face.QUARKUS)) {
                table.add(setting.spelled(Face.QUARKUS));
            } else {
                assertThat(setting.absent().get(Face.QUARKUS))
                        .as("why Quarkus does not take %s", setting.name())
                        .isNotBlank();
            }
        }
        Set<String> declared = new TreeSet<>();
        declare(MigrateConfig.DataSourceConfig.class, "quarkus.migrate.", declared);
        declare(MigrateBuildConfig.DataSourceBuildConfig.class, "quarkus.migrate.", declared);
        assertThat(declared).isEqualTo(table);
    }

    @Test
    void aNamedDatasourceSpellsItsSettingsWithItsName() {
        QuarkusSettings settings = QuarkusSettings.of(
                "inventory",
                Map.of("quarkus.migrate.\"inventory\".lock-timeout", "7s", "quarkus.migrate.lock-timeout", "1s")::get);
        assertThat(settings.get(SettingsTable.LOCK_TIMEOUT)).hasSeconds(7);
        assertThat(settings.get(SettingsTable.MIGRATE_AT_START)).isFalse();
        assertThatThrownBy(() -> QuarkusSettings.of(
                        "inventory", Map.of("quarkus.migrate.\"inventory\".lock-timeout", "soon")::get))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("quarkus.migrate.\"inventory\".lock-timeout")
                .hasMessageContaining("soon");
    }

    /** The properties of a mapping interface, each method a kebab-cased name, a nested interface a group. */
    private static void declare(Class<?> mapping, String prefix, Set<String> into) {
        for (Method method : mapping.getDeclaredMethods()) {
            String name = prefix + kebab(method.getName());
            if (method.getReturnType().isInterface() && method.getReturnType().getEnclosingClass() == mapping) {
                declare(method.getReturnType(), name + ".", into);
            } else {
                into.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
