package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.autogen.catalog.CanonicalChecks;
import dev.migrate.autogen.catalog.CatalogReader;
import dev.migrate.autogen.catalog.CatalogTypeChanges;
import dev.migrate.autogen.catalog.Exclusions;
import dev.migrate.autogen.diff.Change;
import dev.migrate.autogen.diff.Description;
import dev.migrate.autogen.diff.MigrationScript;
import dev.migrate.autogen.diff.OpGroup;
import dev.migrate.autogen.diff.RenameDecider;
import dev.migrate.autogen.diff.SchemaDiff;
import dev.migrate.autogen.diff.UnmodelledDdl;
import dev.migrate.autogen.entity.EntitySchemaCache;
import dev.migrate.autogen.entity.QualifiedDdl;
import dev.migrate.autogen.entity.ScratchSchema;
import dev.migrate.autogen.schema.DatabaseSchema;
import dev.migrate.op.Op;
import dev.migrate.sql.Identifiers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Compares a live database with the DDL of the entity model: the entity DDL is built in a scratch
 * schema on the same server, both sides are read by the same catalog reader, and the two models are
 * diffed. Used by {@code autogenerate}, {@code check} and {@code verify}.
 *
 * @param schema the managed schema (normally {@code public}); the schemas the entities name are
 *     managed too, and objects elsewhere are never touched
 * @param exclude name patterns left out on both sides; the version tables always are
 * @param renames rename hints, {@code old=new} for tables and {@code table.old=new} for columns
 * @param entityCache where the entity side is kept between runs; {@code null}: built every time
 */
public record SchemaComparison(String schema, List<String> exclude, Map<String, String> renames, RenameDecider decider,
        EntitySchemaCache entityCache) {

    public SchemaComparison {
        exclude = List.copyOf(exclude);
        renames = Map.copyOf(renames);
    }

    public SchemaComparison(String schema, List<String> exclude, Map<String, String> renames, RenameDecider decider) {
        this(schema, exclude, renames, decider, null);
    }

    public static SchemaComparison of(String schema) {
        return new SchemaComparison(schema, List.of(), Map.of(), RenameDecider.never());
    }

    public SchemaComparison excluding(List<String> patterns, String versionTable, String historyTable) {
        List<String> all = new ArrayList<>(patterns);
        all.add(versionTable);
        all.add(historyTable);
        return new SchemaComparison(schema, all, renames, decider, entityCache);
    }

    public SchemaComparison withRenames(Map<String, String> hints, RenameDecider renameDecider) {
        return new SchemaComparison(schema, exclude, hints, renameDecider, entityCache);
    }

    /**
     * Keeps the entity side in {@code directory} between runs: with unchanged DDL, server version,
     * schema and exclusions, the scratch schema is not built at all.
     */
    public SchemaComparison withCache(Path directory) {
        return withCache(new EntitySchemaCache(directory));
    }

    /** As {@link #withCache(Path)}, with a cache whose hits the caller can count; {@code null} turns caching off. */
    public SchemaComparison withCache(EntitySchemaCache cache) {
        return new SchemaComparison(schema, exclude, renames, decider, cache);
    }

    /** The changes that make the database on {@code live} match {@code entityDdl}, built in a scratch schema on the same server. */
    public MigrationScript compare(Connection live, List<String> entityDdl) {
        return compare(live, live, () -> entityDdl);
    }

    /**
     * As {@link #compare(Connection, List)}, asking for the entity DDL only once the managed schema
     * is read: a caller that has the provider write it on another thread overlaps the two.
     */
    public MigrationScript compare(Connection live, Supplier<List<String>> entityDdl) {
        return compare(live, live, entityDdl);
    }

    /**
     * As {@link #compare(Connection, List)}, with the entity side built on {@code scratch}: another
     * server of the same major version, so that {@code live} is only read. The extensions installed
     * on {@code live} are installed on {@code scratch} first, since the entity DDL may use their types.
     */
    public MigrationScript compare(Connection live, Connection scratch, List<String> entityDdl) {
        return compare(live, scratch, () -> entityDdl);
    }

    /** As {@link #compare(Connection, Connection, List)}, overlapping the live read with the DDL's making. */
    public MigrationScript compare(Connection live, Connection scratch, Supplier<List<String>> entityDdlWhenReady) {
        Exclusions exclusions = Exclusions.versionTables().and(exclude);
        DatabaseSchema configured = readLive(live, List.of(schema), exclusions);
        List<String> entityDdl = entityDdlWhenReady.get();
        // schemas the entities name beyond the configured one are known only now, from their DDL
        List<String> managed = managedSchemas(entityDdl);
        DatabaseSchema current = managed.size() == 1 ? configured : readLive(live, managed, exclusions);
        if (scratch != live) {
            installExtensions(live, scratch);
        }
        DatabaseSchema desired = entityCache == null
                ? ScratchSchema.read(scratch, entityDdl, schema, exclusions)
                : entityCache.read(scratch, entityDdl, schema, exclusions);
        MigrationScript diff = SchemaDiff.compare(current, desired, new SchemaDiff.Options(schema, renames, decider)
                .withTypeChanges(new CatalogTypeChanges(live)));
        // the entity DDL's unqualified names resolve in the managed schema first
        MigrationScript complete = onManagedPath(live, "Could not look for the entity DDL's views and casts in schema " + schema,
                () -> UnmodelledDdl.addTo(diff, live, entityDdl));
        return withSchemasCreated(complete, missingSchemas(live, managed, desired));
    }

    /** The configured schema, then every schema the entity DDL names ({@code @Table(schema = ...)}, {@code hibernate.default_schema}). */
    private List<String> managedSchemas(List<String> entityDdl) {
        Set<String> managed = new LinkedHashSet<>();
        managed.add(schema);
        managed.addAll(QualifiedDdl.schemas(entityDdl));
        return List.copyOf(managed);
    }

    /** The managed schemas the entities put objects in that do not exist on the live database. */
    private static List<String> missingSchemas(Connection live, List<String> managed, DatabaseSchema desired) {
        Set<String> used = new LinkedHashSet<>();
        desired.tables().keySet().forEach(n -> used.add(n.schema()));
        desired.sequences().keySet().forEach(n -> used.add(n.schema()));
        desired.enumTypes().keySet().forEach(n -> used.add(n.schema()));
        List<String> missing = new ArrayList<>();
        try (var s = live.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            for (String name : managed) {
                if (!used.contains(name)) {
                    continue;
                }
                s.setString(1, name);
                try (var rs = s.executeQuery()) {
                    if (!rs.next()) {
                        missing.add(name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new MigrateException("Could not list the schemas of the database: " + e.getMessage(), e);
        }
        return missing;
    }

    /** The script with a {@code createSchema} first for each schema the entities need and the database lacks (dropped by the downgrade). */
    private static MigrationScript withSchemasCreated(MigrationScript script, List<String> missing) {
        if (missing.isEmpty()) {
            return script;
        }
        List<Change> changes = new ArrayList<>();
        for (String name : missing) {
            changes.add(new Change(Description.added("schema " + name), List.of(new Op.CreateSchema(name, false)), List.of()));
        }
        return script.withFirst(OpGroup.outsideTables(changes));
    }

    /** An installed extension and the schema its objects live in. */
    private record Extension(String name, String schema) {}

    private static void installExtensions(Connection live, Connection scratch) {
        List<Extension> extensions = new ArrayList<>();
        try (Statement s = live.createStatement();
             var rs = s.executeQuery("SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                     + "WHERE e.extname <> 'plpgsql' ORDER BY e.oid")) {
            while (rs.next()) {
                extensions.add(new Extension(rs.getString(1), rs.getString(2)));
            }
        } catch (SQLException e) {
            throw new MigrateException("Could not list the extensions of the database: " + e.getMessage(), e);
        }
        try (Statement s = scratch.createStatement()) {
            for (Extension extension : extensions) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(extension.schema()));
                s.execute("CREATE EXTENSION IF NOT EXISTS " + Identifiers.quote(extension.name()) + " SCHEMA "
                        + Identifiers.quote(extension.schema()));
            }
        } catch (SQLException e) {
            throw new MigrateException("The database uses extensions " + extensions.stream().map(Extension::name).toList()
                    + " that the embedded PostgreSQL cannot install (" + e.getMessage() + "). Compare on the server itself "
                    + "(comparisonDatabase=server) instead.", e);
        }
    }

    /**
     * Reads the managed schemas with the search path the scratch side uses, so both sides spell
     * type names and expressions alike (PostgreSQL qualifies only names not on the path).
     */
    private DatabaseSchema readLive(Connection live, List<String> managed, Exclusions exclusions) {
        // check expressions spelled as after a round trip, as the scratch side spells them
        return onManagedPath(live, "Could not read the schemas " + managed,
                () -> CanonicalChecks.of(live, new CatalogReader().read(live, managed, exclusions)));
    }

    private interface OnPath<T> {
        T run() throws SQLException;
    }

    /** Runs {@code action} with the managed schema first on the search path, as the scratch side has it. */
    private <T> T onManagedPath(Connection live, String failure, OnPath<T> action) {
        try (Statement s = live.createStatement()) {
            s.execute("SET search_path = " + Identifiers.quote(schema) + ", public");
            try {
                return action.run();
            } finally {
                s.execute("RESET search_path");
            }
        } catch (SQLException e) {
            throw new MigrateException(failure + ": " + e.getMessage(), e);
        }
    }

    /** The major version of the server, to pin the provider's dialect to. */
    public static int serverMajorVersion(Connection c) {
        return Integer.parseInt(EntitySchemaCache.serverVersionNum(c)) / 10000;
    }
}
