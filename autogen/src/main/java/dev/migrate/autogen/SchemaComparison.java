package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.autogen.entity.DeclaredDistribution;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.autogen.internal.cache.ReplayedSchema;
import dev.migrate.autogen.internal.cache.ReplayedSchemaCache;
import dev.migrate.autogen.internal.scratch.DefinedTypes;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.Distribution;
import dev.migrate.catalog.ExtensionVersions;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.diff.CatalogTypeChanges;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.ObjectDiff;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.catalog.diff.SchemaDiff;
import dev.migrate.catalog.diff.TypeChanges;
import dev.migrate.catalog.diff.UnmodelledDdl;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.op.Op;
import dev.migrate.op.SchemaOp;
import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The comparison of a live database with the DDL of the entity model: the two sides, read by {@link
 * SideReader} or taken from the caches, diffed, and the changes of the objects beside tables put around
 * the tables'. {@link Autogenerate} decides which steps run where.
 */
final class SchemaComparison {
    private final String schema;
    private final Exclusions exclusions;
    /** How the sides are diffed; each way of comparing adds how a column type change is answered. */
    private final SchemaDiff.Options diffOptions;

    private final DeclaredObjects declared;

    final SideReader reader;
    private volatile boolean confirmedByReading;
    private volatile Map<ObjectName, String> spreadTables = Map.of();

    /**
     * @param schema the managed schema (normally {@code public}); the schemas the entities name are
     *     managed too, and objects elsewhere are never touched
     * @param exclusions names left out on both sides, the version tables among them
     * @param renames rename hints, {@code old=new} for tables and {@code table.old=new} for columns
     * @param entityCache where the entity side is kept between runs; {@code null}: built every time
     * @param serialToIdentity whether a {@code serial} column the entities want as an identity column is
     *     converted; otherwise it is no difference
     * @param declared the objects beside tables the project declares ({@link #withObjects})
     * @param wholeSchemaDeclared whether the desired side declares the whole schema (SQL files, a program's DDL):
     *     what entities cannot express is compared like the rest
     */
    SchemaComparison(
            String schema,
            Exclusions exclusions,
            Map<String, String> renames,
            RenameDecider decider,
            @Nullable EntitySchemaCache entityCache,
            boolean serialToIdentity,
            DeclaredObjects declared,
            boolean wholeSchemaDeclared) {
        this.schema = schema;
        this.declared = declared;
        this.exclusions = exclusions;
        SchemaDiff.Options options =
                new SchemaDiff.Options(schema, renames, decider).withSerialToIdentity(serialToIdentity);
        this.diffOptions = wholeSchemaDeclared ? options.withBothRead() : options;
        this.reader = new SideReader(schema, exclusions, entityCache, declared);
    }

    /**
     * The changes that make the database on {@code live} match the entity DDL, the entity side built
     * on {@code scratch} (asked for only when the entity cache lacks the model for a server reporting
     * {@code scratchVersionNum}; {@code null}: asked for whenever the cache is not known to hold it).
     * The DDL is asked for once the managed schema is read, so a caller that has the provider write
     * it on another thread overlaps the two. With {@code keep}, the live side (a throwaway server
     * with the chain just replayed) is kept for the next run. With {@code onlyRead}, nothing is
     * written to {@code live}, not even a temporary table: what needs a round trip through the server
     * (check expressions) is made canonical on {@code scratch}, and only where the two sides spell it
     * otherwise.
     */
    MigrationScript compare(
            Connection live,
            boolean onlyRead,
            @Nullable String scratchVersionNum,
            Supplier<Connection> scratch,
            Supplier<List<String>> entityDdlWhenReady,
            @Nullable ReplayedSchemaCache keep,
            Supplier<Connection> objectsDatabase) {
        // the server the entity side is built on: the throwaway one, or the configured database itself
        String builtOn = scratchVersionNum != null ? scratchVersionNum : EntitySchemaCache.serverVersionNum(live);
        // on the configured database itself the changed tables may be built at once: no server to start
        boolean confirming =
                !reader.declaresStatements() && !(scratchVersionNum == null && reader.buildsChangedTables(builtOn));
        EntityReading reading = new EntityReading(entityDdlWhenReady, confirming);
        DatabaseSchema configured = reader.read(live, List.of(schema), !onlyRead);
        reader.prefetchLastBuild(builtOn); // read while the provider may still be writing the DDL
        List<String> entityDdl = ComparisonRoute.result(reading.ddl);
        List<String> managed = reader.managedSchemas(entityDdl);
        ReplayedSchema current = reader.read(live, managed, configured, !onlyRead);
        if (keep != null) {
            keep.store(managed, exclusions, current);
        }
        DatabaseSchema desired;
        if (reader.declaresStatements()) {
            desired = reader.declaredTables(EntitySchemaCache.serverVersionNum(live), entityDdl, objectsDatabase);
        } else {
            ReplayedSchema read = current;
            Optional<MigrationScript> confirmed =
                    ComparisonRoute.result(reading.read).flatMap(entities -> confirmed(read, entities, entityDdl));
            if (confirmed.isPresent()) {
                return withObjects(confirmed.get(), live, current, entityDdl, objectsDatabase);
            }
            Optional<DatabaseSchema> cached =
                    scratchVersionNum == null ? Optional.empty() : reader.cached(scratchVersionNum, entityDdl);
            desired = cached.isPresent() ? cached.get() : reader.built(reader.prepared(live, scratch.get()), entityDdl);
        }
        if (onlyRead) {
            // a copy of a table typed with the database's domain or enum is made there
            current = reader.checksCanonicalOn(() -> reader.prepared(live, scratch.get()), current, desired);
        }
        return onServer(live, current, desired, entityDdl, objectsDatabase);
    }

    /**
     * The entity DDL, waited for on a thread of its own, and where a match may be {@linkplain #confirmed confirmed}
     * without a server its {@linkplain SideReader#readWithoutServer reading} there too, while the caller reads the
     * live catalog (mostly waiting for the server).
     */
    private final class EntityReading {
        final CompletableFuture<List<String>> ddl = new CompletableFuture<>();
        final CompletableFuture<Optional<DatabaseSchema>> read;

        EntityReading(Supplier<List<String>> entityDdlWhenReady, boolean confirming) {
            read = CompletableFuture.supplyAsync(
                    () -> {
                        List<String> entityDdl;
                        try {
                            entityDdl = entityDdlWhenReady.get();
                        } catch (RuntimeException | Error e) {
                            ddl.completeExceptionally(e);
                            throw e;
                        }
                        ddl.complete(entityDdl);
                        return confirming ? reader.readWithoutServer(entityDdl) : Optional.empty();
                    },
                    task -> {
                        Thread thread = new Thread(task, "migrate-entity-reading");
                        thread.setDaemon(true);
                        thread.start();
                    });
        }
    }

    /**
     * The diff of {@code current} (read on {@code live}) against {@code desired}, asking {@code live}
     * what no model holds: whether a type change casts or rewrites, and the entity DDL's seed rows,
     * views and casts.
     */
    MigrationScript onServer(
            Connection live,
            ReplayedSchema current,
            DatabaseSchema desired,
            List<String> entityDdl,
            Supplier<Connection> objectsDatabase) {
        MigrationScript diff =
                compared(current.schema(), desired, diffOptions.withTypeChanges(new CatalogTypeChanges(live)));
        boolean viewsCompared = reader.comparesObjects(entityDdl);
        // the entity DDL's unqualified names resolve in the managed schema first
        MigrationScript complete = reader.onManagedPath(
                live,
                "Could not look for the entity DDL's seed rows, views and casts in schema " + schema,
                () -> UnmodelledDdl.addTo(diff, live, entityDdl, schema, desired, viewsCompared));
        return withSchemasCreated(
                withObjects(complete, live, current, entityDdl, objectsDatabase), entityDdl, current, desired);
    }

    /**
     * {@code script} with the changes of the objects beside tables put around it ({@link ObjectDiff}): the
     * declared objects (and the entities' views), applied on {@code objectsDatabase} (a new database,
     * asked for only then) after the tables, against the objects of {@code current}, the live side read on
     * {@code live}. A project that declares none still has the objects of its database that read a column
     * whose type changes, or that goes, dropped before the change and created again after it, as they were.
     */
    MigrationScript withObjects(
            MigrationScript script,
            Connection live,
            ReplayedSchema current,
            List<String> entityDdl,
            Supplier<Connection> objectsDatabase) {
        return withObjects(
                script,
                current,
                entityDdl,
                () -> reader.desiredObjects(EntitySchemaCache.serverVersionNum(live), entityDdl, () -> {
                    Connection objects = objectsDatabase.get();
                    if (!declared.managed()) {
                        DefinedTypes.installExtensions(live, objects);
                    }
                    return objects;
                }));
    }

    /**
     * {@link #withObjects(MigrationScript, Connection, ReplayedSchema, List, Supplier)} with the desired objects
     * from {@code desiredObjects}, asked for only when they are compared. The extensions declared without a
     * version are compared without theirs: a version nobody declared is the server's to pick, so it is
     * neither written into the migration nor compared (pgcrypto 1.3 on the server autogenerate ran on, 1.4
     * where verify runs).
     */
    private MigrationScript withObjects(
            MigrationScript script,
            ReplayedSchema current,
            List<String> entityDdl,
            Supplier<List<SchemaObject>> desiredObjects) {
        boolean compared = reader.comparesObjects(entityDdl);
        if (!compared && !ObjectDiff.changesColumns(script)) {
            return current.namingUnread(script);
        }
        List<SchemaObject> desired = compared ? desiredObjects.get() : List.of();
        Set<String> unversioned = declared.unversionedExtensions();
        return current.namingUnread(ObjectDiff.around(
                script,
                ExtensionVersions.without(current.schema().objects().values(), unversioned::contains),
                ExtensionVersions.without(desired, unversioned::contains),
                declared.managed() ? ObjectDiff.Scope.ALL : ObjectDiff.Scope.DECLARED_ONLY,
                exclusions,
                schema));
    }

    /**
     * The comparison from the caches alone: the live side from the replay cache, the entity side from
     * the entity cache or, when it lacks it and its DDL read without a server does not {@linkplain
     * #confirmed confirm} a match, built on {@code freshServer} (asked for only then; a server of the
     * version the replayed schema was read on, with nothing replayed; {@code null}: none). Empty when either side is missing,
     * when the comparison needs the replayed database to answer, or when the entity DDL fails on the
     * fresh server: it may need what the migrations create (an extension, a function, a table it
     * references), and the chain is then replayed and the comparison made there.
     */
    Optional<MigrationScript> fromCaches(
            ReplayedSchemaCache replays,
            List<String> entityDdl,
            @Nullable Supplier<Connection> freshServer,
            @Nullable Supplier<Connection> objectsDatabase) {
        Optional<ReplayedSchema> found = replays.find(reader.managedSchemas(entityDdl), exclusions);
        if (found.isEmpty() || !SideReader.modelled(entityDdl)) {
            return Optional.empty();
        }
        ReplayedSchema live = found.get();
        String versionNum = live.serverVersionNum();
        Optional<MigrationScript> tables;
        if (!reader.declaresStatements()) {
            tables = tablesFromCaches(live, entityDdl, freshServer);
        } else if (objectsDatabase == null) {
            return Optional.empty();
        } else {
            try {
                tables = withoutServer(live, reader.declaredTables(versionNum, entityDdl, objectsDatabase), entityDdl);
            } catch (MigrateException e) {
                return Optional.empty(); // built again, and reported if it fails there too, once the chain is replayed
            }
        }
        if (tables.isEmpty() || (reader.comparesObjects(entityDdl) && objectsDatabase == null)) {
            return Optional.empty();
        }
        try {
            // objectsDatabase is not null when the objects are compared: see above
            return Optional.of(withObjects(
                    tables.get(),
                    live,
                    entityDdl,
                    () -> reader.desiredObjects(versionNum, entityDdl, Objects.requireNonNull(objectsDatabase))));
        } catch (MigrateException e) {
            return Optional.empty(); // built again, and reported if it fails there too, once the chain is replayed
        }
    }

    private Optional<MigrationScript> tablesFromCaches(
            ReplayedSchema live, List<String> entityDdl, @Nullable Supplier<Connection> freshServer) {
        String versionNum = live.serverVersionNum();
        Optional<DatabaseSchema> desired = reader.cached(versionNum, entityDdl);
        if (desired.isEmpty() && !(freshServer != null && reader.buildsChangedTables(versionNum))) {
            Optional<MigrationScript> confirmed = confirmedWithoutServer(live, entityDdl);
            if (confirmed.isPresent()) {
                return confirmed;
            }
        }
        Connection fresh = desired.isEmpty() && freshServer != null ? freshServer.get() : null;
        if (fresh != null && versionNum.equals(EntitySchemaCache.serverVersionNum(fresh))) {
            try {
                desired = Optional.of(reader.built(fresh, entityDdl));
            } catch (MigrateException e) {
                return Optional.empty(); // built again, and reported if it fails there too, once the chain is replayed
            }
        }
        return desired.flatMap(schema -> withoutServer(live, schema, entityDdl));
    }

    /**
     * The comparison from the models alone, without any server: the live side as a replay read it,
     * the entity side from the cache or built elsewhere. Empty when the comparison needs to ask the
     * live server something no model holds: a column type change (whether PostgreSQL casts by
     * assignment, or rewrites). Only for an entity DDL whose every statement the catalog reader models (not a
     * view, not a cast), which {@link #fromCaches} checks once before it comes here.
     */
    private Optional<MigrationScript> withoutServer(
            ReplayedSchema live, DatabaseSchema desired, List<String> entityDdl) {
        UnaskedTypeChanges typeChanges = new UnaskedTypeChanges();
        MigrationScript diff = compared(live.schema(), desired, diffOptions.withTypeChanges(typeChanges));
        if (typeChanges.asked) {
            return Optional.empty();
        }
        return Optional.of(withSchemasCreated(diff, entityDdl, live, desired));
    }

    /**
     * The comparison's result, no change at all, when {@code read} (the entity side {@linkplain
     * SideReader#readWithoutServer read without a server}) matches {@code live} exactly; empty when
     * there is any difference, for the entity side to be built on a server, whose reading alone decides
     * what a change is.
     */
    Optional<MigrationScript> confirmed(ReplayedSchema live, DatabaseSchema read, List<String> entityDdl) {
        // nobody is asked about a rename here: one is a difference, for the comparison on the server to ask about
        SchemaDiff.Options unasked = new SchemaDiff.Options(
                diffOptions.defaultSchema(),
                diffOptions.renames(),
                RenameDecider.never(),
                new UnaskedTypeChanges(),
                diffOptions.serialToIdentity(),
                diffOptions.bothRead());
        MigrationScript diff = withSchemasCreated(compared(live.schema(), read, unasked), entityDdl, live, read);
        if (!diff.isEmpty() || !diff.warnings().isEmpty()) {
            return Optional.empty();
        }
        confirmedByReading = true;
        return Optional.of(diff);
    }

    /** {@link #confirmed} of the entity DDL {@linkplain SideReader#readWithoutServer read without a server}, when it can be. */
    private Optional<MigrationScript> confirmedWithoutServer(ReplayedSchema live, List<String> entityDdl) {
        return reader.readWithoutServer(entityDdl).flatMap(read -> confirmed(live, read, entityDdl));
    }

    /**
     * The comparison's result, no change at all, when {@code head} ({@link SideReader#readChain}) and the
     * entity side read from its DDL (and the declared statements) match exactly; empty when the entities manage
     * other schemas or map views, when a declared statement is not one that reading knows (a function, a view,
     * a comment: objects beside tables, compared on a database of their own), or when there is any difference:
     * the chain is then replayed. Both sides read alike hold tables, keys, indexes and sequences only.
     */
    Optional<MigrationScript> confirmedAtHead(ReplayedSchema head, List<String> entityDdl) {
        if (!reader.managedSchemas(entityDdl).equals(List.of(schema)) || reader.mapsViews(entityDdl)) {
            return Optional.empty();
        }
        return confirmedWithoutServer(head, entityDdl);
    }

    /**
     * The tables Citus spreads on the live side or that the entities declare spread, each with how, as the
     * last comparison found them ({@link EntityDistribution#spread}); none before one.
     */
    Map<ObjectName, String> spreadTables() {
        return spreadTables;
    }

    /** Whether a comparison was answered by the entity side {@linkplain #confirmed read without a server}. */
    boolean confirmedByReading() {
        return confirmedByReading;
    }

    /**
     * {@link SchemaDiff#compare} of {@code live} with {@code desired} spread as the entities declare
     * ({@link EntityDistribution}), the foreign keys that touch a table distributed here added after the
     * distribution calls. Entities that declare no distribution leave the database's alone.
     */
    private MigrationScript compared(DatabaseSchema live, DatabaseSchema desired, SchemaDiff.Options options) {
        List<DeclaredDistribution> declared = reader.declaredDistribution();
        if (declared.isEmpty()) {
            spreadTables = EntityDistribution.spread(declared, Distribution.NONE, desired, schema, live);
            // what a scratch schema on a coordinator was read with (distributed as it was created, under
            // schema-based sharding) is no wish of the entities
            return SchemaDiff.compare(live, desired.withDistribution(Distribution.NONE), options);
        }
        Distribution wanted = EntityDistribution.of(declared, desired, schema);
        spreadTables = EntityDistribution.spread(declared, wanted, desired, schema, live);
        DatabaseSchema spread =
                desired.withDistribution(EntityDistribution.comparedWith(wanted, live, reader.readCoordinator()));
        return EntityDistribution.naming(
                CitusBaseline.keysAfterDistribution(SchemaDiff.compare(live, spread, options), wanted, schema),
                declared,
                desired,
                schema);
    }

    /**
     * Type changes with nobody to ask: records that a question came, so the comparison without a
     * server is dropped for one on the server, whose {@code pg_cast} answers (for user-defined types too).
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

    /**
     * {@code script} with a {@code createSchema} first for each managed schema the entities put objects in that
     * {@code live} lacks (dropped by the downgrade).
     */
    private MigrationScript withSchemasCreated(
            MigrationScript script, List<String> entityDdl, ReplayedSchema live, DatabaseSchema desired) {
        Set<String> used = new LinkedHashSet<>();
        desired.tables().keySet().forEach(n -> used.add(n.schema()));
        desired.sequences().keySet().forEach(n -> used.add(n.schema()));
        desired.enumTypes().keySet().forEach(n -> used.add(n.schema()));
        List<Change> missing = reader.managedSchemas(entityDdl).stream()
                .filter(name -> used.contains(name) && !live.existingSchemas().contains(name))
                .map(name -> new Change(
                        Description.added("schema " + name),
                        List.<Op>of(new SchemaOp.CreateSchema(name, false)),
                        List.of()))
                .toList();
        return missing.isEmpty() ? script : script.withFirst(OpGroup.outsideTables(missing));
    }
}
