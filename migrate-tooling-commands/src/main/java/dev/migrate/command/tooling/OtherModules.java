package dev.migrate.command.tooling;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The build's other modules as a module's {@code autogenerate} sees them: which of them now maps a table this module's
 * chain owns, so that an entity moved there is handed over instead of dropped:
 * {@code new OtherModules(Map.of("customer_note", "billing"), true)}.
 *
 * @param tables each table an entity of another module of the build maps (lower case, {@code schema.table} outside
 *     the default schema), with that module
 * @param seen whether the build holds the modules that could have taken an entity (a reactor built from its root, or
 *     with {@code -pl}); false for a module built alone, which cannot tell an entity that moved from one deleted
 */
public record OtherModules(Map<String, String> tables, boolean seen) {
    public OtherModules {
        tables = Map.copyOf(tables);
    }

    /** A module built alone: no other module of its build is known. */
    public static final OtherModules UNSEEN = new OtherModules(Map.of(), false);

    /** The module whose entity maps {@code table} now; empty when none of the build's other modules does. */
    Optional<String> mapping(String table) {
        return Optional.ofNullable(tables.get(table.toLowerCase(Locale.ROOT)));
    }
}
