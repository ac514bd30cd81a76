package dev.migrate.catalog.drift;

import dev.migrate.MigrateException;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ExtensionVersions;
import dev.migrate.catalog.diff.CatalogTypeChanges;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.ObjectDiff;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.catalog.diff.SchemaDiff;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * One schema of a database compared with the schema its chain says it has, both read as they are:
 * every table and every object beside the tables, nothing written, so a read-only role and a standby
 * do. {@code migrate:drift} reads the chain's side on a throwaway server it replayed the chain on;
 * the startup check takes it from a {@link SchemaSnapshot}.
 *
 * <pre>{@code
 * DatabaseSchema live = SchemaDrift.read(connection, "public", exclusions);
 * DriftReport report = SchemaDrift.compare("db:5432/app", "public", "a1b2", connection, live, chain, exclusions);
 * }</pre>
 */
public final class SchemaDrift {
    private SchemaDrift() {}

    /**
     * Reads {@code schema} on {@code live} as it is, tables and the objects beside them, with {@code
     * schema} first on the search path (so both sides spell names alike), leaving out {@code exclusions}.
     *
     * @throws MigrateException naming the schema and the server's message when it cannot be read
     */
    public static DatabaseSchema read(Connection live, String schema, Exclusions exclusions) {
        List<String> managed = List.of(schema);
        try (Statement s = live.createStatement()) {
            s.execute("SET search_path = " + Identifiers.quote(schema) + ", public");
            try {
                return new CatalogReader()
                        .read(live, managed, exclusions)
                        .withObjects(ObjectReader.read(live, managed));
            } finally {
                s.execute("RESET search_path");
            }
        } catch (SQLException e) {
            throw new MigrateException("Could not read the schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /**
     * What differs between {@code current}, read on {@code live}, and {@code desired}, the chain's schema
     * at {@code revision}: the changes that bring the database back, and the reverse ones, for a migration
     * that accepts the drift. {@code live} answers what no model holds (whether a type change casts); it is
     * only read.
     *
     * @param name the database as reports name it, never with a password
     */
    public static DriftReport compare(
            String name,
            String schema,
            String revision,
            Connection live,
            DatabaseSchema current,
            DatabaseSchema desired,
            Exclusions exclusions) {
        current = ExtensionVersions.asUnpinnedIn(current, desired);
        if (current.equals(desired)) {
            // two reads of the same catalog are equal, and equal models differ in nothing: no diff to run
            return DriftReport.inSync(name, schema, revision);
        }
        MigrationScript back = between(schema, live, current, desired, exclusions);
        MigrationScript accepting =
                back.isEmpty() ? MigrationScript.empty() : between(schema, live, desired, current, exclusions);
        return new DriftReport(name, schema, revision, back, accepting, null);
    }

    private static MigrationScript between(
            String schema, Connection live, DatabaseSchema current, DatabaseSchema desired, Exclusions exclusions) {
        SchemaDiff.Options options = new SchemaDiff.Options(schema, Map.of(), RenameDecider.never())
                .withTypeChanges(new CatalogTypeChanges(live))
                .withBothRead();
        return ObjectDiff.around(
                SchemaDiff.compare(current, desired, options),
                current.objects().values(),
                desired.objects().values(),
                ObjectDiff.Scope.ALL,
                exclusions,
                schema);
    }
}
