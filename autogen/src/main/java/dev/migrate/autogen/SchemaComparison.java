package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.autogen.catalog.CanonicalChecks;
import dev.migrate.autogen.catalog.CatalogReader;
import dev.migrate.autogen.catalog.CatalogTypeChanges;
import dev.migrate.autogen.catalog.Exclusions;
import dev.migrate.autogen.catalog.UnreadObjects;
import dev.migrate.autogen.diff.Change;
import dev.migrate.autogen.diff.Description;
import dev.migrate.autogen.diff.MigrationScript;
import dev.migrate.autogen.diff.OpGroup;
import dev.migrate.autogen.diff.RenameDecider;
import dev.migrate.autogen.diff.SchemaDiff;
import dev.migrate.autogen.diff.TypeChanges;
import dev.migrate.autogen.diff.UnmodelledDdl;
import dev.migrate.autogen.entity.EntitySchemaCache;
import dev.migrate.autogen.entity.QualifiedDdl;
import dev.migrate.autogen.entity.ReplayedSchema;
import dev.migrate.autogen.entity.ReplayedSchemaCache;
import dev.migrate.autogen.entity.ScratchSchema;
import dev.migrate.autogen.schema.DatabaseSchema;
import dev.migrate.internal.sql.Identifiers;
import dev.migrate.op.Op;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

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
 * @param replayCache where the live side is kept when it is a throwaway server with the chain
 *     replayed on it (the embedded default); {@code null}: nothing kept
 * @param serialToIdentity whether a {@code serial} column the entities want as an identity column is
 *     converted ({@link SchemaDiff.Options#serialToIdentity()}); otherwise it is no difference
 */
public record SchemaComparison(
        String schema,
        List<String> exclude,
        Map<String, String> renames,
        RenameDecider decider,
        EntitySchemaCache entityCache,
        ReplayedSchemaCache replayCache,
        boolean serialToIdentity) {

    /** Entity DDL statements the catalog reader models; any other asks the live server ({@link UnmodelledDdl}). */
    private static final Pattern MODELLED = Pattern.compile(
            "(?is)\\s*(create\\s+(table|sequence|schema|(unique\\s+)?index|type\\s+\\S+\\s+as\\s+enum)|alter\\s+table|comment\\s+on)\\b.*");

    public SchemaComparison {
        exclude = List.copyOf(exclude);
        renames = Map.copyOf(renames);
    }

    public SchemaComparison(
            String schema,
            List<String> exclude,
            Map<String, String> renames,
            RenameDecider decider,
            EntitySchemaCache entityCache,
            ReplayedSchemaCache replayCache) {
        this(schema, exclude, renames, decider, entityCache, replayCache, false);
    }

    public SchemaComparison(
            String schema,
            List<String> exclude,
            Map<String, String> renames,
            RenameDecider decider,
            EntitySchemaCache entityCache) {
        this(schema, exclude, renames, decider, entityCache, null);
    }

    public SchemaComparison(String schema, List<String> exclude, Map<String, String> renames, RenameDecider decider) {
        this(schema, exclude, renames, decider, null, null);
    }

    public static SchemaComparison of(String schema) {
        return new SchemaComparison(schema, List.of(), Map.of(), RenameDecider.never());
    }

    public SchemaComparison excluding(List<String> patterns, String versionTable, String historyTable) {
        List<String> all = new ArrayList<>(patterns);
        all.add(versionTable);
        all.add(historyTable);
        return new SchemaComparison(schema, all, renames, decider, entityCache, replayCache, serialToIdentity);
    }

    public SchemaComparison withRenames(Map<String, String> hints, RenameDecider renameDecider) {
        return new SchemaComparison(schema, exclude, hints, renameDecider, entityCache, replayCache, serialToIdentity);
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
        return new SchemaComparison(schema, exclude, renames, decider, cache, replayCache, serialToIdentity);
    }

    /**
     * Keeps the live side in {@code cache} after each comparison: for a live database that is a
     * throwaway server with the migration chain just replayed on it, whose schema the cache's key
     * (the chain's fingerprint and the server) determines. {@code null} keeps nothing.
     */
    public SchemaComparison withReplayCache(ReplayedSchemaCache cache) {
        return new SchemaComparison(schema, exclude, renames, decider, entityCache, cache, serialToIdentity);
    }

    /**
     * A {@code serial} column the entities want as an identity column converted when {@code convert}:
     * its default dropped, the identity added past the column's largest value, the sequence dropped.
     */
    public SchemaComparison withSerialToIdentity(boolean convert) {
        return new SchemaComparison(schema, exclude, renames, decider, entityCache, replayCache, convert);
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
        return compare(live, null, () -> scratch, entityDdlWhenReady);
    }

    /**
     * As {@link #compare(Connection, Connection, Supplier)}, with the scratch server asked for only
     * when the entity cache holds no model for the DDL on a server reporting
     * {@code scratchVersionNum} ({@code server_version_num}): a caller that starts that server on
     * demand starts none while the entities are unchanged.
     */
    public MigrationScript compare(
            Connection live,
            String scratchVersionNum,
            Supplier<Connection> scratch,
            Supplier<List<String>> entityDdlWhenReady) {
        Exclusions exclusions = Exclusions.versionTables().and(exclude);
        DatabaseSchema configured = readLive(live, List.of(schema), exclusions);
        List<String> entityDdl = entityDdlWhenReady.get();
        // schemas the entities name beyond the configured one are known only now, from their DDL
        List<String> managed = managedSchemas(entityDdl);
        DatabaseSchema current = managed.size() == 1 ? configured : readLive(live, managed, exclusions);
        List<String> existing = existingSchemas(live, managed);
        if (replayCache != null) {
            replayCache.store(
                    managed,
                    exclusions,
                    new ReplayedSchema(EntitySchemaCache.serverVersionNum(live), current, existing));
        }
        Optional<DatabaseSchema> cached = entityCache == null || scratchVersionNum == null
                ? Optional.empty()
                : entityCache.find(scratchVersionNum, entityDdl, schema, exclusions);
        DatabaseSchema desired =
                cached.isPresent() ? cached.get() : buildEntitySide(live, scratch.get(), entityDdl, exclusions);
        MigrationScript diff = SchemaDiff.compare(
                current,
                desired,
                new SchemaDiff.Options(schema, renames, decider)
                        .withTypeChanges(new CatalogTypeChanges(live))
                        .withSerialToIdentity(serialToIdentity));
        // the entity DDL's unqualified names resolve in the managed schema first
        MigrationScript complete = onManagedPath(
                live,
                "Could not look for the entity DDL's seed rows, views and casts in schema " + schema,
                () -> UnmodelledDdl.addTo(diff, live, entityDdl, schema, desired));
        return withSchemasCreated(complete, missingSchemas(managed, existing, desired));
    }

    /**
     * The migration that builds the managed schema of {@code live} as it is from nothing, for a chain
     * that adopts that database: every table (partitioned ones with their partitions), sequence, enum
     * type, index, constraint and comment, each change with its reverse, in the order autogenerate
     * writes them. No row is copied, so a sequence of a new database starts where its definition
     * says, as the live one did. What the catalog reader does not read (views, functions, triggers,
     * extensions, ...) is named in the script's warnings, for the reader to add by hand. Only the
     * version tables are left out: the {@link #exclude()} patterns keep later comparisons away from
     * objects, they do not keep those objects out of the chain that describes the database.
     */
    public MigrationScript baseline(Connection live) {
        Exclusions exclusions = Exclusions.versionTables().and(exclude);
        DatabaseSchema current = readLive(live, List.of(schema), exclusions);
        MigrationScript script = SchemaDiff.compare(
                DatabaseSchema.empty(), current, new SchemaDiff.Options(schema, Map.of(), RenameDecider.never()));
        List<String> warnings = new ArrayList<>();
        List<String> unread = onManagedPath(
                live,
                "Could not list the objects of schema " + schema + " that a baseline does not hold",
                () -> UnreadObjects.in(live, List.of(schema)));
        if (!unread.isEmpty()) {
            warnings.add("Not written here, since autogenerate does not read them: " + String.join(", ", unread)
                    + ". Add those a new database needs with op.execute(...), after what they use.");
        }
        if (!"public".equals(schema)) {
            warnings.add("Schema " + schema + " itself is not created here: a new database needs it before "
                    + "migrate:upgrade (CREATE SCHEMA " + Identifiers.quote(schema) + ").");
        }
        return script.withLast(List.of(), warnings);
    }

    /**
     * The comparison from the two caches alone, without any server: the live side from the replay
     * cache, the entity side from the entity cache. Empty when either lacks its side, or when the
     * comparison needs to ask the live server something no cache holds: a column type change
     * (whether PostgreSQL casts by assignment, or rewrites) or an entity DDL statement the catalog
     * reader does not model (a view, a cast). The caller then replays the chain and compares there.
     */
    public Optional<MigrationScript> compareCached(List<String> entityDdl) {
        return compareCached(entityDdl, null);
    }

    /**
     * As {@link #compareCached(List)}, with the entity side built on {@code freshServer} when the
     * entity cache lacks it: a server of the version the replayed schema was read on, with nothing
     * replayed, so that changed entities over an unchanged chain cost no replay. Also empty when
     * the entity DDL fails there: it may need what the migrations create (an extension, a function,
     * a table it references), and the caller replays them and compares on that server instead.
     */
    public Optional<MigrationScript> compareCached(List<String> entityDdl, Connection freshServer) {
        if (entityCache == null || replayCache == null) {
            return Optional.empty();
        }
        Exclusions exclusions = Exclusions.versionTables().and(exclude);
        List<String> managed = managedSchemas(entityDdl);
        Optional<ReplayedSchema> live = replayCache.find(managed, exclusions);
        if (live.isEmpty()
                || !entityDdl.stream().allMatch(sql -> MODELLED.matcher(sql).matches())) {
            return Optional.empty();
        }
        Optional<DatabaseSchema> desired =
                entityCache.find(live.get().serverVersionNum(), entityDdl, schema, exclusions);
        if (desired.isEmpty()
                && freshServer != null
                && live.get().serverVersionNum().equals(EntitySchemaCache.serverVersionNum(freshServer))) {
            try {
                desired = Optional.of(entityCache.read(freshServer, entityDdl, schema, exclusions));
            } catch (MigrateException e) {
                return Optional.empty(); // built again, and reported if it fails there too, once the chain is replayed
            }
        }
        if (desired.isEmpty()) {
            return Optional.empty();
        }
        UnaskedTypeChanges typeChanges = new UnaskedTypeChanges();
        MigrationScript diff = SchemaDiff.compare(
                live.get().schema(),
                desired.get(),
                new SchemaDiff.Options(schema, renames, decider)
                        .withTypeChanges(typeChanges)
                        .withSerialToIdentity(serialToIdentity));
        if (typeChanges.asked) {
            return Optional.empty();
        }
        return Optional.of(
                withSchemasCreated(diff, missingSchemas(managed, live.get().existingSchemas(), desired.get())));
    }

    /**
     * Type changes with nobody to ask: records that a question came, so the cached comparison is
     * dropped for one on the server, whose {@code pg_cast} answers (for user-defined types too).
     */
    private static final class UnaskedTypeChanges implements TypeChanges {
        private boolean asked;

        @Override
        public boolean needsUsing(String from, String to) {
            asked = true;
            return TypeChanges.cautious().needsUsing(from, to);
        }

        @Override
        public boolean rewrites(String from, String to) {
            asked = true;
            return TypeChanges.cautious().rewrites(from, to);
        }
    }

    /** The entity side built on {@code scratch} (the live server itself, or another of the same major version), or from the cache. */
    private DatabaseSchema buildEntitySide(
            Connection live, Connection scratch, List<String> entityDdl, Exclusions exclusions) {
        if (scratch != live) {
            installExtensions(live, scratch);
        }
        return entityCache == null
                ? ScratchSchema.read(scratch, entityDdl, schema, exclusions)
                : entityCache.read(scratch, entityDdl, schema, exclusions);
    }

    /** The configured schema, then every schema the entity DDL names ({@code @Table(schema = ...)}, {@code hibernate.default_schema}). */
    private List<String> managedSchemas(List<String> entityDdl) {
        Set<String> managed = new LinkedHashSet<>();
        managed.add(schema);
        managed.addAll(QualifiedDdl.schemas(entityDdl));
        return List.copyOf(managed);
    }

    /** The managed schemas that exist on the live database. */
    private static List<String> existingSchemas(Connection live, List<String> managed) {
        List<String> existing = new ArrayList<>();
        try (var s = live.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            for (String name : managed) {
                s.setString(1, name);
                try (var rs = s.executeQuery()) {
                    if (rs.next()) {
                        existing.add(name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new MigrateException("Could not list the schemas of the database: " + e.getMessage(), e);
        }
        return existing;
    }

    /** The managed schemas the entities put objects in that do not exist on the live database. */
    private static List<String> missingSchemas(List<String> managed, List<String> existing, DatabaseSchema desired) {
        Set<String> used = new LinkedHashSet<>();
        desired.tables().keySet().forEach(n -> used.add(n.schema()));
        desired.sequences().keySet().forEach(n -> used.add(n.schema()));
        desired.enumTypes().keySet().forEach(n -> used.add(n.schema()));
        return managed.stream()
                .filter(name -> used.contains(name) && !existing.contains(name))
                .toList();
    }

    /** The script with a {@code createSchema} first for each schema the entities need and the database lacks (dropped by the downgrade). */
    private static MigrationScript withSchemasCreated(MigrationScript script, List<String> missing) {
        if (missing.isEmpty()) {
            return script;
        }
        List<Change> changes = new ArrayList<>();
        for (String name : missing) {
            changes.add(new Change(
                    Description.added("schema " + name), List.of(new Op.CreateSchema(name, false)), List.of()));
        }
        return script.withFirst(OpGroup.outsideTables(changes));
    }

    /** An installed extension and the schema its objects live in. */
    private record Extension(String name, String schema) {}

    private static void installExtensions(Connection live, Connection scratch) {
        List<Extension> extensions = new ArrayList<>();
        try (Statement s = live.createStatement();
                var rs = s.executeQuery(
                        "SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
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
            throw new MigrateException(
                    "The database uses extensions "
                            + extensions.stream().map(Extension::name).toList()
                            + " that the embedded PostgreSQL cannot install (" + e.getMessage()
                            + "). Compare on the server itself "
                            + "(comparisonDatabase=server) instead.",
                    e);
        }
    }

    /**
     * Reads the managed schemas with the search path the scratch side uses, so both sides spell
     * type names and expressions alike (PostgreSQL qualifies only names not on the path).
     */
    private DatabaseSchema readLive(Connection live, List<String> managed, Exclusions exclusions) {
        // check expressions spelled as after a round trip, as the scratch side spells them
        return onManagedPath(
                live,
                "Could not read the schemas " + managed,
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
