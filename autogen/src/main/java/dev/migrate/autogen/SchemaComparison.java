package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.autogen.entity.DeclaredDistribution;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.autogen.internal.cache.ReplayedSchema;
import dev.migrate.autogen.internal.cache.ReplayedSchemaCache;
import dev.migrate.autogen.internal.entity.ProviderDdlSchema;
import dev.migrate.autogen.internal.objects.DeclaredObjectsSide;
import dev.migrate.autogen.internal.scratch.DefinedTypes;
import dev.migrate.autogen.internal.scratch.QualifiedDdl;
import dev.migrate.autogen.internal.scratch.ScratchSchema;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.catalog.CheckConstraint;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.Distribution;
import dev.migrate.catalog.EnumType;
import dev.migrate.catalog.ExtensionVersions;
import dev.migrate.catalog.ObjectId;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.Sequence;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.InheritingTables;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.ObjectDiff;
import dev.migrate.catalog.diff.ObjectOrder;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.catalog.diff.SchemaDiff;
import dev.migrate.catalog.diff.TypeChanges;
import dev.migrate.catalog.diff.UnmodelledDdl;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.catalog.read.CanonicalChecks;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.catalog.read.CatalogTypeChanges;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.catalog.read.StableDeparse;
import dev.migrate.catalog.read.TableInheritance;
import dev.migrate.catalog.read.UnreadObjects;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.Op;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The steps of one comparison of a live database with the DDL of the entity model: the live side
 * read with the catalog reader, the entity side built in a scratch schema (on the same server or
 * another of its major version) and read by the same reader, or taken from the caches, and the two
 * models diffed. {@link Autogenerate} decides which steps run where.
 */
final class SchemaComparison {
    /** Entity DDL statements the catalog reader models; any other asks the live server ({@link UnmodelledDdl}). */
    private static final Pattern CREATE_VIEW = Pattern.compile("(?is)\\s*create\\s+(or\\s+replace\\s+)?view\\b.*");

    private static final Pattern MODELLED = Pattern.compile(
            "(?is)\\s*(create\\s+(table|sequence|schema|(unique\\s+)?index|type\\s+\\S+\\s+as\\s+enum)|alter\\s+table|comment\\s+on)\\b.*");

    /**
     * The schema a baseline writes unqualified names for: the one an unqualified name lands in on a
     * new database, whose sessions have the default search path.
     */
    private static final String WRITTEN_FOR = "public";

    private final String schema;
    private final Exclusions exclusions;
    private final Map<String, String> renames;
    private final RenameDecider decider;
    /** Where the entity side is kept between runs; {@code null}: built every time. */
    private final @Nullable EntitySchemaCache entityCache;
    /** Whether a {@code serial} column the entities want as an identity column is converted ({@link SchemaDiff.Options#serialToIdentity()}). */
    private final boolean serialToIdentity;
    /** The objects beside tables the project declares. */
    private final DeclaredObjects declared;
    /** The throwaway servers' connections given the database's extensions and types already ({@link #prepare}). */
    private final Set<Connection> prepared =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    /** Whether a comparison was answered by the entity side read without a server ({@link #confirmed}). */
    private volatile boolean confirmedByReading;
    /** The distributions the entities declare, taken from the DDL the provider handed back ({@link #declaring}). */
    private volatile List<DeclaredDistribution> declaredDistribution = List.of();
    /**
     * The tables Citus spreads on the live side or that the entities declare spread, each with how, as the
     * last {@linkplain #compared comparison} found them ({@link EntityDistribution#spread}).
     */
    private volatile Map<ObjectName, String> spreadTables = Map.of();
    /** Whether the live side was read from a Citus coordinator, whose distribution the reader reads. */
    private volatile boolean liveIsCoordinator;
    /** The last {@linkplain #declaredSide declared side} built, so that the tables and the objects come from one build. */
    private @Nullable BuiltSide lastBuilt;

    /** A {@linkplain #declaredSide declared side} and the entity DDL it was built with. */
    private record BuiltSide(List<String> entityDdl, DatabaseSchema schema) {}

    /**
     * @param schema the managed schema (normally {@code public}); the schemas the entities name are
     *     managed too, and objects elsewhere are never touched
     * @param exclusions names left out on both sides, the version tables among them
     * @param renames rename hints, {@code old=new} for tables and {@code table.old=new} for columns
     * @param entityCache where the entity side is kept between runs; {@code null}: built every time
     * @param serialToIdentity whether a {@code serial} column the entities want as an identity column is
     *     converted; otherwise it is no difference
     * @param declared the objects beside tables the project declares ({@link #withObjects})
     */
    SchemaComparison(
            String schema,
            Exclusions exclusions,
            Map<String, String> renames,
            RenameDecider decider,
            @Nullable EntitySchemaCache entityCache,
            boolean serialToIdentity,
            DeclaredObjects declared) {
        this.schema = schema;
        this.declared = declared;
        this.exclusions = exclusions;
        this.renames = Map.copyOf(renames);
        this.decider = decider;
        this.entityCache = entityCache;
        this.serialToIdentity = serialToIdentity;
    }

    @Nullable
    EntitySchemaCache entityCache() {
        return entityCache;
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
        DatabaseSchema configured = read(live, List.of(schema), !onlyRead);
        // the server the entity side is built on: the throwaway one, or the configured database itself
        String builtOn = scratchVersionNum != null ? scratchVersionNum : EntitySchemaCache.serverVersionNum(live);
        if (entityCache != null) { // read while the provider may still be writing the DDL
            entityCache.prefetchLastBuild(builtOn, schema, exclusions);
        }
        List<String> entityDdl = entityDdlWhenReady.get();
        List<String> managed = managedSchemas(entityDdl);
        ReplayedSchema current = liveSide(live, managed, configured, !onlyRead);
        if (keep != null) {
            keep.store(managed, exclusions, current);
        }
        if (declaresStatements()) {
            DatabaseSchema desired =
                    declaredTables(EntitySchemaCache.serverVersionNum(live), entityDdl, objectsDatabase);
            if (onlyRead) {
                current = checksCanonicalOn(live, scratch, current, desired);
            }
            return onServer(live, current, desired, entityDdl, objectsDatabase);
        }
        // on the configured database itself the changed tables may be built at once: no server to start
        Optional<MigrationScript> confirmed = scratchVersionNum == null && buildsChangedTables(builtOn)
                ? Optional.empty()
                : confirmedWithoutServer(current, entityDdl);
        if (confirmed.isPresent()) {
            return withObjects(confirmed.get(), live, current, entityDdl, objectsDatabase);
        }
        Optional<DatabaseSchema> cached = entityCache == null || scratchVersionNum == null
                ? Optional.empty()
                : entityCache.find(scratchVersionNum, entityDdl, schema, exclusions);
        DatabaseSchema desired = cached.isPresent() ? cached.get() : entitySide(live, scratch.get(), entityDdl);
        if (onlyRead) {
            current = checksCanonicalOn(live, scratch, current, desired);
        }
        return onServer(live, current, desired, entityDdl, objectsDatabase);
    }

    /**
     * The live side, read from a database that is only read, with the check expressions of the tables
     * whose checks the entity side spells otherwise made canonical on {@code scratch}. Where both spell
     * them alike nothing is asked (the round trip gives equal results for equal texts, and the entity
     * side's are canonical already), so an unchanged model starts no server for it; nor where the entity
     * side has no check to compare with (those of the database are dropped as they are).
     */
    private ReplayedSchema checksCanonicalOn(
            Connection live, Supplier<Connection> scratch, ReplayedSchema current, DatabaseSchema desired) {
        Predicate<Table> spelledOtherwise = t -> {
            Table wanted = desired.tables().get(t.qualifiedName());
            return wanted != null
                    && !wanted.checkConstraints().isEmpty()
                    && !checkExpressions(wanted).equals(checkExpressions(t));
        };
        boolean needed = current.schema().tables().values().stream()
                .anyMatch(t -> !t.checkConstraints().isEmpty() && spelledOtherwise.test(t));
        if (!needed) {
            return current;
        }
        try {
            Connection elsewhere = scratch.get();
            prepare(live, elsewhere); // a copy of a table typed with the database's domain or enum
            DatabaseSchema canonical = CanonicalChecks.elsewhere(elsewhere, current.schema(), schema, spelledOtherwise);
            return new ReplayedSchema(current.serverVersionNum(), canonical, current.existingSchemas());
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not compare the check constraints of the database with the entities' on the "
                            + "throwaway server: " + e.getMessage(),
                    e);
        }
    }

    private static Set<String> checkExpressions(Table t) {
        return t.checkConstraints().stream().map(CheckConstraint::expression).collect(Collectors.toSet());
    }

    /**
     * The live side: the managed schemas, as the scratch side spells them, and which of them exist.
     *
     * @param configured the configured schema, read already
     */
    ReplayedSchema liveSide(Connection live, List<String> managed, DatabaseSchema configured) {
        return liveSide(live, managed, configured, true);
    }

    private ReplayedSchema liveSide(
            Connection live, List<String> managed, DatabaseSchema configured, boolean canonicalChecks) {
        DatabaseSchema current = managed.size() == 1 ? configured : read(live, managed, canonicalChecks);
        liveIsCoordinator =
                onManagedPath(live, "Could not ask whether the database has the citus extension", () -> hasCitus(live));
        // the objects beside tables too, so that a replayed schema kept in the cache holds them
        return new ReplayedSchema(
                EntitySchemaCache.serverVersionNum(live),
                current.withObjects(liveObjects(live, managed)),
                existingSchemas(live, managed),
                onManagedPath(
                        live,
                        "Could not list what migrate does not read yet in schema " + schema,
                        () -> UnreadObjects.in(live, managed)));
    }

    private List<SchemaObject> liveObjects(Connection live, List<String> managed) {
        return onManagedPath(
                live,
                "Could not read the views, functions, triggers and other objects of schema " + schema,
                () -> ObjectReader.read(live, managed));
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
        MigrationScript diff = compared(current.schema(), desired, options(new CatalogTypeChanges(live)));
        boolean viewsCompared = comparesObjects(entityDdl);
        // the entity DDL's unqualified names resolve in the managed schema first
        MigrationScript complete = onManagedPath(
                live,
                "Could not look for the entity DDL's seed rows, views and casts in schema " + schema,
                () -> UnmodelledDdl.addTo(diff, live, entityDdl, schema, desired, viewsCompared));
        return withSchemasCreated(
                withObjects(complete, live, current, entityDdl, objectsDatabase),
                missingSchemas(managedSchemas(entityDdl), current.existingSchemas(), desired));
    }

    /**
     * Whether the objects beside tables are compared, on a database of their own: the project declares
     * them ({@link DeclaredObjects#managed()}), or its entities map views ({@code @View}).
     */
    boolean comparesObjects(List<String> entityDdl) {
        return declared.managed()
                || entityDdl.stream().anyMatch(sql -> CREATE_VIEW.matcher(sql).matches());
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
        boolean compared = comparesObjects(entityDdl);
        if (!compared && !ObjectDiff.changesColumns(script)) {
            return current.namingUnread(script);
        }
        Collection<SchemaObject> liveObjects = current.schema().objects().values();
        List<SchemaObject> desiredObjects = compared
                ? desiredObjects(EntitySchemaCache.serverVersionNum(live), entityDdl, () -> {
                    Connection objects = objectsDatabase.get();
                    if (!declared.managed()) {
                        installExtensions(live, objects);
                    }
                    return objects;
                })
                : List.of();
        return current.namingUnread(objectsAround(script, liveObjects, desiredObjects));
    }

    private MigrationScript objectsAround(
            MigrationScript script, Collection<SchemaObject> liveObjects, List<SchemaObject> desiredObjects) {
        Set<String> unversioned = declared.unversionedExtensions();
        return ObjectDiff.around(
                script,
                withoutVersions(liveObjects, unversioned),
                withoutVersions(desiredObjects, unversioned),
                declared.managed() ? ObjectDiff.Scope.ALL : ObjectDiff.Scope.DECLARED_ONLY,
                exclusions,
                schema);
    }

    /**
     * {@code objects} with the extensions named in {@code unversioned} (declared without a version) spelled
     * without theirs: a version nobody declared is the server's to pick, so it is neither written into the
     * migration nor compared (pgcrypto 1.3 on the server autogenerate ran on, 1.4 where verify runs).
     */
    static List<SchemaObject> withoutVersions(Collection<SchemaObject> objects, Set<String> unversioned) {
        return ExtensionVersions.without(objects, unversioned::contains);
    }

    /**
     * Whether the project declares statements: the desired tables are then those of the new database the
     * entity DDL and the declared statements are applied on ({@link #declaredTables}), never the entity DDL
     * built or read alone, since a declared statement may add to them (an index, a comment, a check, a
     * sequence, an enum type) and a table may use what one makes (a domain, a function).
     */
    boolean declaresStatements() {
        return declared.managed() && !declared.statements().isEmpty();
    }

    /**
     * The desired tables, sequences and enum types of a project that {@linkplain #declaresStatements
     * declares statements}: as the new database ({@code objectsDatabase}, asked for only when the entity
     * cache lacks them for a server reporting {@code serverVersionNum}) holds them once the entity DDL and
     * the declared statements are applied.
     */
    DatabaseSchema declaredTables(
            String serverVersionNum, List<String> entityDdl, Supplier<Connection> objectsDatabase) {
        DatabaseSchema side = declaredSide(serverVersionNum, entityDdl, objectsDatabase);
        return new DatabaseSchema(side.tables(), side.sequences(), side.enumTypes());
    }

    /**
     * What the declared statements (and the entities' views) make with the entities' tables on a new
     * database ({@code objectsDatabase}, asked for only when the entity cache lacks it for a server
     * reporting {@code serverVersionNum}), built once for the tables and the objects.
     */
    private synchronized DatabaseSchema declaredSide(
            String serverVersionNum, List<String> entityDdl, Supplier<Connection> objectsDatabase) {
        BuiltSide last = lastBuilt;
        if (last != null && last.entityDdl().equals(entityDdl)) {
            return last.schema();
        }
        Supplier<DatabaseSchema> build = () -> DeclaredObjectsSide.build(
                objectsDatabase.get(), entityDdl, declared, schema, managedSchemas(entityDdl), exclusions);
        List<String> statements = declared.statements().stream()
                .map(statement -> statement.where() + "\n" + statement.sql())
                .toList();
        DatabaseSchema built = entityCache == null
                ? build.get()
                : entityCache.declaredSide(serverVersionNum, entityDdl, statements, schema, exclusions, build);
        lastBuilt = new BuiltSide(List.copyOf(entityDdl), built);
        return built;
    }

    /** The objects of the {@linkplain #declaredSide declared side}. */
    private List<SchemaObject> desiredObjects(
            String serverVersionNum, List<String> entityDdl, Supplier<Connection> objectsDatabase) {
        List<SchemaObject> built = List.copyOf(declaredSide(serverVersionNum, entityDdl, objectsDatabase)
                .objects()
                .values());
        // without an objects directory the entities declare views alone; other DDL of theirs is named as not handled
        return declared.managed()
                ? built
                : built.stream().filter(o -> o.id().kind() == ObjectKind.VIEW).toList();
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
        Optional<ReplayedSchema> live = replayed(replays, entityDdl);
        if (live.isEmpty() || !modelled(entityDdl)) {
            return Optional.empty();
        }
        if (declaresStatements()) {
            return objectsDatabase == null
                    ? Optional.empty()
                    : declaredFromCache(live.get(), entityDdl, objectsDatabase);
        }
        Optional<MigrationScript> tables = tablesFromCaches(live.get(), entityDdl, freshServer);
        boolean compared = comparesObjects(entityDdl);
        if (tables.isEmpty() || (!compared && !ObjectDiff.changesColumns(tables.get()))) {
            return tables.map(live.get()::namingUnread);
        }
        if (compared && objectsDatabase == null) {
            return Optional.empty();
        }
        try {
            List<SchemaObject> desiredObjects = compared && objectsDatabase != null // not null when compared: see above
                    ? desiredObjects(live.get().serverVersionNum(), entityDdl, objectsDatabase)
                    : List.of();
            return Optional.of(live.get()
                    .namingUnread(objectsAround(
                            tables.get(), live.get().schema().objects().values(), desiredObjects)));
        } catch (MigrateException e) {
            return Optional.empty(); // built again, and reported if it fails there too, once the chain is replayed
        }
    }

    /** {@link #fromCaches} for a project that {@linkplain #declaresStatements declares statements}. */
    private Optional<MigrationScript> declaredFromCache(
            ReplayedSchema live, List<String> entityDdl, Supplier<Connection> objectsDatabase) {
        try {
            String versionNum = live.serverVersionNum();
            return withoutServer(live, declaredTables(versionNum, entityDdl, objectsDatabase), entityDdl)
                    .map(tables -> live.namingUnread(objectsAround(
                            tables,
                            live.schema().objects().values(),
                            desiredObjects(versionNum, entityDdl, objectsDatabase))));
        } catch (MigrateException e) {
            return Optional.empty(); // built again, and reported if it fails there too, once the chain is replayed
        }
    }

    private Optional<MigrationScript> tablesFromCaches(
            ReplayedSchema replayed, List<String> entityDdl, @Nullable Supplier<Connection> freshServer) {
        Optional<ReplayedSchema> live = Optional.of(replayed);
        String versionNum = live.get().serverVersionNum();
        Optional<DatabaseSchema> desired = cachedEntitySide(versionNum, entityDdl);
        if (desired.isEmpty() && !(freshServer != null && buildsChangedTables(versionNum))) {
            Optional<MigrationScript> confirmed = confirmedWithoutServer(live.get(), entityDdl);
            if (confirmed.isPresent()) {
                return confirmed;
            }
        }
        Connection fresh = desired.isEmpty() && freshServer != null ? freshServer.get() : null;
        if (fresh != null && versionNum.equals(EntitySchemaCache.serverVersionNum(fresh))) {
            try {
                desired = Optional.of(entitySide(fresh, entityDdl));
            } catch (MigrateException e) {
                return Optional.empty(); // built again, and reported if it fails there too, once the chain is replayed
            }
        }
        return desired.flatMap(schema -> withoutServer(live.get(), schema, entityDdl));
    }

    /**
     * Whether the entity cache keeps the last build for a server reporting {@code serverVersionNum}, so that
     * building the entity side builds only the tables whose DDL changed: about as fast as reading the whole
     * DDL without a server, and the server's reading is the one that describes a change, so the reading is
     * not tried first where a server is at hand anyway.
     */
    private boolean buildsChangedTables(String serverVersionNum) {
        return entityCache != null && entityCache.holdsLastBuild(serverVersionNum, schema, exclusions);
    }

    /**
     * The comparison from the models alone, without any server: the live side as a replay read it,
     * the entity side from the cache or built elsewhere. Empty when the comparison needs to ask the
     * live server something no model holds: a column type change (whether PostgreSQL casts by
     * assignment, or rewrites) or an entity DDL statement the catalog reader does not model (a view,
     * a cast).
     */
    Optional<MigrationScript> withoutServer(ReplayedSchema live, DatabaseSchema desired, List<String> entityDdl) {
        if (!modelled(entityDdl)) {
            return Optional.empty();
        }
        UnaskedTypeChanges typeChanges = new UnaskedTypeChanges();
        MigrationScript diff = compared(live.schema(), desired, options(typeChanges));
        if (typeChanges.asked) {
            return Optional.empty();
        }
        return Optional.of(
                withSchemasCreated(diff, missingSchemas(managedSchemas(entityDdl), live.existingSchemas(), desired)));
    }

    /**
     * The entity side read from the entity DDL without a server ({@link ProviderDdlSchema}), when
     * every statement is one that reading knows; to be {@linkplain #confirmed confirmed} before use.
     */
    Optional<DatabaseSchema> readWithoutServer(List<String> entityDdl) {
        return ProviderDdlSchema.read(entityDdl, schema, exclusions);
    }

    /**
     * The comparison's result, no change at all, when {@code read} (the entity side {@link
     * #readWithoutServer read without a server}) matches {@code live} exactly; empty when there is any
     * difference, for the entity side to be built on a server, whose reading alone decides what a
     * change is.
     */
    Optional<MigrationScript> confirmed(ReplayedSchema live, DatabaseSchema read, List<String> entityDdl) {
        if (declaresStatements()) {
            return Optional.empty(); // the entity DDL alone is not the desired state: the declared statements add to it
        }
        // nobody is asked about a rename here: one is a difference, for the comparison on the server to ask about
        MigrationScript diff = withSchemasCreated(
                compared(live.schema(), read, options(new UnaskedTypeChanges(), RenameDecider.never())),
                missingSchemas(managedSchemas(entityDdl), live.existingSchemas(), read));
        if (!diff.isEmpty() || !diff.warnings().isEmpty()) {
            return Optional.empty();
        }
        confirmedByReading = true;
        return Optional.of(diff);
    }

    /**
     * The schema at head read from {@code chainDdl}, the SQL the migrations render ({@link ProviderDdlSchema}),
     * as a server of version {@code serverVersionNum} would hold it after a replay; to be {@linkplain
     * #confirmedAtHead confirmed} before use. Empty when a statement is not one that reading knows, or the
     * managed schema is not {@code public} (the one schema a fresh database holds).
     */
    Optional<ReplayedSchema> readChainWithoutServer(List<String> chainDdl, String serverVersionNum) {
        if (!"public".equals(schema)) {
            return Optional.empty();
        }
        return ProviderDdlSchema.read(chainDdl, schema, exclusions)
                .map(head -> new ReplayedSchema(serverVersionNum, head, List.of(schema)));
    }

    /**
     * The comparison's result, no change at all, when {@code head} ({@link #readChainWithoutServer}) and the
     * entity side read from its DDL match exactly; empty when the entities manage other schemas, the objects
     * beside tables are compared, or there is any difference: the chain is then replayed.
     */
    Optional<MigrationScript> confirmedAtHead(ReplayedSchema head, List<String> entityDdl) {
        if (!managedSchemas(entityDdl).equals(List.of(schema)) || comparesObjects(entityDdl)) {
            return Optional.empty();
        }
        return confirmedWithoutServer(head, entityDdl);
    }

    /**
     * The tables Citus spreads on the live side or that the entities declare spread, each with how, as the
     * last comparison found them; none before one.
     */
    Map<ObjectName, String> spreadTables() {
        return spreadTables;
    }

    /** Whether a comparison was answered by the entity side {@linkplain #confirmed read without a server}. */
    boolean confirmedByReading() {
        return confirmedByReading;
    }

    /** {@link #confirmed} of the entity DDL {@linkplain #readWithoutServer read without a server}, when it can be. */
    Optional<MigrationScript> confirmedWithoutServer(ReplayedSchema live, List<String> entityDdl) {
        return readWithoutServer(entityDdl).flatMap(read -> confirmed(live, read, entityDdl));
    }

    /** Whether the catalog reader models every statement of the entity DDL, so no server need be asked about one. */
    static boolean modelled(List<String> entityDdl) {
        return entityDdl.stream().allMatch(sql -> MODELLED.matcher(sql).matches());
    }

    /**
     * Reads into memory what {@link #fromCaches} will read of the caches for a server reporting {@code
     * serverVersionNum}: the replayed schemas of the chain and, when the provider is writing a new DDL
     * ({@code ddlChanged}), the model built last, which only the changed tables are then built against. For the
     * thread that waits for the provider; nothing here depends on its DDL.
     */
    void prefetch(ReplayedSchemaCache replays, String serverVersionNum, boolean ddlChanged) {
        replays.prefetch(exclusions);
        if (ddlChanged && entityCache != null) {
            entityCache.prefetchLastBuild(serverVersionNum, schema, exclusions);
        }
    }

    /** The replayed schema {@code cache} holds for the schemas this DDL manages. */
    Optional<ReplayedSchema> replayed(ReplayedSchemaCache cache, List<String> entityDdl) {
        return cache.find(managedSchemas(entityDdl), exclusions);
    }

    /** The entity side of a server reporting {@code serverVersionNum}, when the entity cache holds it. */
    Optional<DatabaseSchema> cachedEntitySide(String serverVersionNum, List<String> entityDdl) {
        return entityCache == null
                ? Optional.empty()
                : entityCache.find(serverVersionNum, entityDdl, schema, exclusions);
    }

    /**
     * The entity side built on {@code scratch}, a database where nothing was replayed (or from the
     * cache, and kept there): the DDL may need what the migrations create (an extension, a function, a
     * table it references), in which case this fails.
     */
    DatabaseSchema entitySide(Connection scratch, List<String> entityDdl) {
        return entityCache == null
                ? ScratchSchema.read(scratch, entityDdl, schema, exclusions)
                : entityCache.read(scratch, entityDdl, schema, exclusions);
    }

    /**
     * The entity side built on {@code scratch}: the live server itself, or another of the same
     * major version, on which the extensions installed on {@code live} are installed first, since
     * the entity DDL may use their types.
     */
    DatabaseSchema entitySide(Connection live, Connection scratch, List<String> entityDdl) {
        prepare(live, scratch);
        return entitySide(scratch, entityDdl);
    }

    /**
     * Gives {@code scratch}, another server's database, what the entity DDL and copies of the database's
     * tables may use of {@code live}: its extensions, then its schemas and the types defined there
     * (enums, domains, composite and range types, collations). Once per connection.
     */
    private void prepare(Connection live, Connection scratch) {
        if (scratch != live && prepared.add(scratch)) {
            installExtensions(live, scratch);
            DefinedTypes.copy(live, scratch);
        }
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

    /** The configured schema, then every schema the entity DDL names ({@code @Table(schema = ...)}, {@code hibernate.default_schema}). */
    List<String> managedSchemas(List<String> entityDdl) {
        Set<String> managed = new LinkedHashSet<>();
        managed.add(schema);
        managed.addAll(QualifiedDdl.schemas(entityDdl));
        return List.copyOf(managed);
    }

    /** The managed schemas that exist on the live database. */
    /**
     * A baseline of a schema the database does not have would adopt nothing and say it did: a misspelt name, or
     * one whose case differs ({@code Public}), is refused, naming the schemas there are.
     */
    private void refuseAbsentSchema(Connection live) {
        if (!existingSchemas(live, List.of(schema)).isEmpty()) {
            return;
        }
        List<String> schemas = new ArrayList<>();
        try (var s = live.createStatement();
                var rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                        + "AND nspname <> 'information_schema' ORDER BY 1")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new MigrateException("Could not list the schemas of the database: " + e.getMessage(), e);
        }
        throw new MigrateException("The database has no schema " + schema + ", so a baseline of it would adopt "
                + "nothing. Its schemas are: " + String.join(", ", schemas) + ". Name one of them as the managed "
                + "schema, spelled as the catalog spells it (case matters).");
    }

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
     * The entity DDL of {@code statements}, as the provider handed it back: the distributions the entities
     * declare among them are kept for the comparisons ({@link #compared}) and taken out.
     */
    List<String> declaring(List<String> statements) {
        DeclaredDistribution.Split split = DeclaredDistribution.split(statements);
        declaredDistribution = split.declared();
        return split.ddl();
    }

    /**
     * {@link SchemaDiff#compare} of {@code live} with {@code desired} spread as the entities declare
     * ({@link EntityDistribution}), the foreign keys that touch a table distributed here added after the
     * distribution calls. Entities that declare no distribution leave the database's alone.
     */
    private MigrationScript compared(DatabaseSchema live, DatabaseSchema desired, SchemaDiff.Options options) {
        List<DeclaredDistribution> declared = declaredDistribution;
        if (declared.isEmpty()) {
            spreadTables = EntityDistribution.spread(declared, Distribution.NONE, desired, schema, live);
            // what a scratch schema on a coordinator was read with (distributed as it was created, under
            // schema-based sharding) is no wish of the entities
            return SchemaDiff.compare(live, desired.withDistribution(Distribution.NONE), options);
        }
        Distribution wanted = EntityDistribution.of(declared, desired, schema);
        spreadTables = EntityDistribution.spread(declared, wanted, desired, schema, live);
        DatabaseSchema spread =
                desired.withDistribution(EntityDistribution.comparedWith(wanted, live, liveIsCoordinator));
        return EntityDistribution.naming(
                CitusBaseline.keysAfterDistribution(SchemaDiff.compare(live, spread, options), wanted, schema),
                declared,
                desired,
                schema);
    }

    private static boolean hasCitus(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus'")) {
            return rs.next();
        }
    }

    private SchemaDiff.Options options(TypeChanges typeChanges) {
        return options(typeChanges, decider);
    }

    private SchemaDiff.Options options(TypeChanges typeChanges, RenameDecider decider) {
        return new SchemaDiff.Options(schema, renames, decider)
                .withTypeChanges(typeChanges)
                .withSerialToIdentity(serialToIdentity);
    }

    /**
     * The migration that builds the managed schema of {@code live} as it is from nothing, for a chain
     * that adopts that database: every table (partitioned ones with their partitions), sequence, enum
     * type, index, constraint and comment, each change with its reverse, in the order autogenerate
     * writes them. No row is copied, so a sequence of a new database starts where its definition
     * says, as the live one did. The objects beside the tables (extensions, domains and types, functions,
     * views, materialized views, triggers, policies, ...) are created where their dependencies put them:
     * what a table needs before the tables, the rest after. What they use from other schemas (enum types,
     * domains, composite and range types, sequences, functions, collations) is created with them, each
     * schema first if the new database lacks it; a managed schema other than {@code public} is created so
     * too, and every name outside {@code public} is written qualified, so the migration builds the schema
     * where it was whatever the search path. What is read by no kind yet, and what cannot be brought in (a
     * table of another schema), is named in the script's warnings, for the reader to add by hand. Only the
     * version tables are among the exclusions here: user patterns keep later comparisons away from
     * objects, they do not keep those objects out of the chain that describes the database. The
     * database is only read, so a role with read rights alone, in a read-only
     * transaction, adopts it.
     */
    /**
     * {@code objects} with what each needs across schemas: read one schema at a time, a function of the
     * managed schema whose body calls one of another schema ({@code RETURN schema_1.add(a, b)}, checked
     * when it is created) does not know it needs it. Read again together, and kept to {@code objects}.
     */
    private List<SchemaObject> withDependenciesAcross(
            Connection live, List<SchemaObject> objects, List<String> otherSchemas) {
        List<String> schemas = new ArrayList<>(List.of(schema));
        otherSchemas.stream().filter(s -> !schemas.contains(s)).forEach(schemas::add);
        Map<ObjectId, SchemaObject> together = new HashMap<>();
        onPath(
                        live,
                        WRITTEN_FOR,
                        "Could not read what the objects of schema " + schema + " need from other schemas",
                        () -> ObjectReader.read(live, schemas))
                .forEach(o -> together.put(o.id(), o));
        return new ArrayList<>(
                objects.stream().map(o -> together.getOrDefault(o.id(), o)).toList());
    }

    MigrationScript baseline(Connection live) {
        refuseAbsentSchema(live);
        // read with public alone on the search path and written for it: every name outside public comes out
        // qualified, so that upgrade builds the schema where it was, whatever the search path of its session
        DatabaseSchema read = onPath(
                live,
                WRITTEN_FOR,
                "Could not read the schema " + schema,
                () -> new CatalogReader().read(live, List.of(schema), exclusions));
        OutsideUses outside = onPath(
                live,
                WRITTEN_FOR,
                "Could not read what the objects of schema " + schema + " use from other schemas",
                () -> OutsideUses.of(live, schema));
        List<Sequence> sequences = new ArrayList<>(outside.sequences());
        sequences.addAll(read.sequences().values());
        List<EnumType> enumTypes = new ArrayList<>(outside.enumTypes());
        enumTypes.addAll(read.enumTypes().values());
        // written so that a new database deparses every expression as the adopted one does; the enum types
        // apart, since they need nothing and a domain or composite type created before the tables may need them
        DatabaseSchema current = DatabaseSchema.of(
                read.tables().values().stream()
                        .map(t -> t.withExpressions(StableDeparse::of))
                        .toList(),
                sequences,
                List.of());
        MigrationScript enums = SchemaDiff.compare(
                DatabaseSchema.empty(),
                DatabaseSchema.of(List.of(), List.of(), enumTypes),
                new SchemaDiff.Options(WRITTEN_FOR, Map.of(), RenameDecider.never()));
        List<SchemaObject> beside = new ArrayList<>(outside.objects());
        beside.addAll(onPath(
                live,
                WRITTEN_FOR,
                "Could not read the views, functions, triggers and other objects of schema " + schema,
                () -> ObjectReader.read(live, List.of(schema))));
        if (!outside.objects().isEmpty()) {
            beside = withDependenciesAcross(live, beside, outside.schemas());
        }
        // what hangs on the version tables (a grant default privileges gave them) is migrate's, not the schema's
        beside.removeIf(o -> ObjectDiff.excluded(o.id(), exclusions));
        ObjectOrder objects = ObjectOrder.of(beside);
        MigrationScript script = InheritingTables.madeWithParents(
                        SchemaDiff.compare(
                                DatabaseSchema.empty(),
                                current,
                                new SchemaDiff.Options(WRITTEN_FOR, Map.of(), RenameDecider.never())),
                        onPath(
                                live,
                                WRITTEN_FOR,
                                "Could not read which tables of schema " + schema + " inherit from others",
                                () -> TableInheritance.in(live, List.of(schema))),
                        WRITTEN_FOR)
                .withFirst(OpGroup.outsideTables(ObjectOrder.creating(objects.beforeTables(), WRITTEN_FOR)));
        if (!enums.isEmpty()) {
            script = script.withFirst(OpGroup.outsideTables(enums.changes()));
        }
        List<String> schemas = new ArrayList<>();
        if (!WRITTEN_FOR.equals(schema)) {
            schemas.add(schema);
        }
        outside.schemas().stream().filter(s -> !schemas.contains(s)).forEach(schemas::add);
        if (!schemas.isEmpty()) {
            // a schema the new database may have already (made by hand, or by its administrator) is kept
            script = script.withFirst(OpGroup.outsideTables(schemas.stream()
                    .map(name -> new Change(
                            Description.added("schema " + name),
                            List.<Op>of(new Op.CreateSchema(name, true)),
                            List.of()))
                    .toList()));
        }
        List<String> warnings = new ArrayList<>(outside.warnings());
        script = CitusBaseline.distributed(script, read, WRITTEN_FOR, warnings);
        List<String> unread = onPath(
                live,
                WRITTEN_FOR,
                "Could not list the objects of schema " + schema + " that a baseline does not hold",
                () -> UnreadObjects.in(live, List.of(schema)));
        if (!unread.isEmpty()) {
            warnings.add("Not written here, since migrate does not read them yet: " + String.join(", ", unread)
                    + ". Add those a new database needs with op.execute(...), after what they use.");
        }
        return script.withLast(
                List.of(OpGroup.outsideTables(ObjectOrder.creating(objects.afterTables(), WRITTEN_FOR))), warnings);
    }

    /**
     * Reads the managed schemas with the search path the scratch side uses, so both sides spell
     * type names and expressions alike (PostgreSQL qualifies only names not on the path), with check
     * expressions spelled as after a round trip, as the scratch side spells them: for a database this
     * may write to (temporary tables, in a transaction that is rolled back), a throwaway one above all.
     */
    DatabaseSchema readLive(Connection live, List<String> managed) {
        return read(live, managed, true);
    }

    /**
     * Reads the managed schemas as {@link #readLive} does, without the round trip: nothing at all is
     * written, so a role with read rights alone, a read-only transaction and a standby do.
     */
    DatabaseSchema readAsItIs(Connection live, List<String> managed) {
        return read(live, managed, false);
    }

    /**
     * Several schemas read at once as {@code SchemaDrift.read} reads one, with only {@code public} on the
     * search path: names in those schemas are spelled qualified, so that schemas holding the same objects (a
     * fleet's tenant schemas) read alike but for their names ({@link DatabaseSchema#withSchemaRenamed}).
     */
    DatabaseSchema readQualifiedWithObjects(Connection live, List<String> schemas) {
        return onPath(
                live,
                "public",
                "Could not read the schemas " + schemas,
                () -> new CatalogReader()
                        .read(live, schemas, exclusions)
                        .withObjects(ObjectReader.read(live, schemas)));
    }

    private DatabaseSchema read(Connection live, List<String> managed, boolean canonicalChecks) {
        return onManagedPath(live, "Could not read the schemas " + managed, () -> {
            DatabaseSchema read = new CatalogReader().read(live, managed, exclusions);
            return canonicalChecks ? CanonicalChecks.of(live, read) : read;
        });
    }

    private interface OnPath<T> {
        T run() throws SQLException;
    }

    /** Runs {@code action} with the managed schema first on the search path, as the scratch side has it. */
    private <T> T onManagedPath(Connection live, String failure, OnPath<T> action) {
        return onPath(live, Identifiers.quote(schema) + ", public", failure, action);
    }

    /** Runs {@code action} with {@code searchPath} as the search path. */
    private static <T> T onPath(Connection live, String searchPath, String failure, OnPath<T> action) {
        try (Statement s = live.createStatement()) {
            s.execute("SET search_path = " + searchPath);
            try {
                return action.run();
            } finally {
                s.execute("RESET search_path");
            }
        } catch (SQLException e) {
            throw new MigrateException(failure + ": " + e.getMessage(), e);
        }
    }
}
