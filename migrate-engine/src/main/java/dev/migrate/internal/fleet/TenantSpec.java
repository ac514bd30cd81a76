package dev.migrate.internal.fleet;

import dev.migrate.MigrateException;
import dev.migrate.text.Fixes;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The tenants setting as written: schema names, SQL {@code LIKE} patterns (an entry with a
 * {@code %}), and a {@code query:} whose rows name schemas. A query takes the rest of the setting,
 * commas and all, so it comes last: {@code tenant_a, tenant_b, query:SELECT name FROM tenants}.
 *
 * @param text the setting as given, for messages
 * @param names schemas named outright, in the order given; they need not exist yet
 * @param patterns {@code LIKE} patterns matched against the database's schemas
 * @param query SQL whose first column names schemas, or null
 */
public record TenantSpec(
        String text,
        List<String> names,
        List<String> patterns,
        @Nullable String query) {

    /** Where the setting is given, for messages, as {@code fixes} spells it. */
    public static String setting(Fixes fixes) {
        return fixes.settingWhere("tenants", "-Dmigrate.tenants or <tenants> in Maven, migrate.tenants in Spring Boot");
    }

    public TenantSpec {
        names = List.copyOf(names);
        patterns = List.copyOf(patterns);
    }

    /**
     * Reads a setting such as {@code tenant_%, audit}; fails naming the setting, as {@code fixes} spells it, when it
     * names nothing.
     */
    public static TenantSpec parse(String text, Fixes fixes) {
        List<String> names = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        @Nullable String query = null;
        String rest = text;
        while (!rest.isEmpty()) {
            String trimmed = rest.stripLeading();
            if (trimmed.regionMatches(true, 0, "query:", 0, "query:".length())) {
                query = trimmed.substring("query:".length()).trim();
                if (query.isEmpty()) {
                    throw new MigrateException(
                            "The query in " + setting(fixes) + " is empty. Write the SQL after query:, "
                                    + "for example query:SELECT schema_name FROM tenants WHERE active.");
                }
                break;
            }
            int comma = rest.indexOf(',');
            String entry = (comma < 0 ? rest : rest.substring(0, comma)).trim();
            rest = comma < 0 ? "" : rest.substring(comma + 1);
            if (entry.isEmpty()) {
                continue;
            }
            List<String> into = entry.contains("%") ? patterns : names;
            if (!into.contains(entry)) {
                into.add(entry);
            }
        }
        if (names.isEmpty() && patterns.isEmpty() && query == null) {
            throw new MigrateException("The tenants '" + text + "' name no schema. Set " + setting(fixes)
                    + " to schema names, LIKE patterns such as tenant_% or query:<SQL returning schema names>.");
        }
        return new TenantSpec(text.trim(), names, patterns, query);
    }

    /** Whether the tenants are known without asking a database: names alone, as offline SQL needs. */
    public boolean namesOnly() {
        return patterns.isEmpty() && query == null;
    }
}
