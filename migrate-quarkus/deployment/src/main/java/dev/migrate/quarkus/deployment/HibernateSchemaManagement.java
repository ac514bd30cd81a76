package dev.migrate.quarkus.deployment;

import io.quarkus.datasource.common.runtime.DataSourceUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Which of Hibernate ORM's schema-management settings would change the tables of a datasource: the persistence
 * units on it ({@code quarkus.hibernate-orm.datasource}, the default unit on the default datasource), under the
 * setting's current name ({@code schema-management.strategy}) and its former one ({@code database.generation}).
 */
final class HibernateSchemaManagement {
    /** The values that leave the schema alone. */
    private static final Set<String> HARMLESS = Set.of("none", "validate");

    private static final List<String> SETTINGS = List.of("schema-management.strategy", "database.generation");

    private HibernateSchemaManagement() {}

    /** The keys set, for a persistence unit on {@code dataSource}, to a value that creates or changes tables. */
    static List<String> keysGenerating(Config config, String dataSource) {
        List<String> found = new ArrayList<>();
        for (String unit : units(config)) {
            String prefix = unit.isEmpty() ? "quarkus.hibernate-orm." : "quarkus.hibernate-orm.\"" + unit + "\".";
            String on = config.getOptionalValue(prefix + "datasource", String.class)
                    .orElse(unit.isEmpty() ? DataSourceUtil.DEFAULT_DATASOURCE_NAME : unit);
            if (!on.equals(dataSource)) {
                continue;
            }
            for (String setting : SETTINGS) {
                config.getOptionalValue(prefix + setting, String.class)
                        .filter(value -> !HARMLESS.contains(value.strip().toLowerCase(Locale.ROOT)))
                        .ifPresent(value -> found.add(prefix + setting));
            }
        }
        return found;
    }

    /** The default unit (empty) and each named one that the configuration mentions. */
    private static List<String> units(Config config) {
        List<String> units = new ArrayList<>();
        units.add("");
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("quarkus.hibernate-orm.\"")) {
                int end = name.indexOf('"', "quarkus.hibernate-orm.\"".length());
                String unit = end < 0 ? "" : name.substring("quarkus.hibernate-orm.\"".length(), end);
                if (!unit.isEmpty() && !units.contains(unit)) {
                    units.add(unit);
                }
            }
        }
        return units;
    }
}
