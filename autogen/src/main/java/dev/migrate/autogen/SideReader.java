package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.autogen.entity.DeclaredDistribution;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.autogen.internal.cache.ReplayedSchema;
import dev.migrate.autogen.internal.entity.ProviderDdlSchema;
import dev.migrate.autogen.internal.objects.DeclaredObjectsSide;
import dev.migrate.autogen.internal.scratch.DefinedTypes;
import dev.migrate.autogen.internal.scratch.QualifiedDdl;
import dev.migrate.autogen.internal.scratch.ScratchSchema;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.autogen.objects.DeclaredStatement;
import dev.migrate.catalog.CheckConstraint;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.diff.UnmodelledDdl;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.catalog.read.CanonicalChecks;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.catalog.read.UnreadObjects;
import dev.migrate.op.ObjectKind;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the two sides of a comparison. The live side, a live database or one the chain was replayed on, is
 * read with the catalog reader and the search path the scratch side uses, so that both sides spell type
 * names and expressions alike (PostgreSQL qualifies only names not on the path). The entity side is the
 * provider's DDL built in a scratch schema (on the database itself, or on another server of its major
 * version) and read by the same reader, read without a server, or taken from the entity cache; for a
 * project that declares statements, what they make with the entities' tables on a new database.
 */
final class SideReader {
    /** An entity's view ({@code @View}): with one, the objects beside tables are compared. */
    private static final Pattern CREATE_VIEW = Pattern.compile("(?is)\\s*create\\s+(or\\s+replace\\s+)?view\\b.*");
    /** Entity DDL statements the catalog reader models; any other asks the live server ({@code UnmodelledDdl}). */
    private final String schema;

    private final Exclusions exclusions;
    /** Where the entity side is kept between runs; {@code null}: built every time. */
    private final @Nullable EntitySchemaCache cache;

    private final DeclaredObjects declared;
    /** The throwaway servers' connections given the database's extensions and types already ({@link #prepared}). */
    private final Set<Connection> prepared =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    /** The distributions the entities declare, taken from the DDL the provider handed back ({@link #declaring}). */
    private volatile List<DeclaredDistribution> declaredDistribution = List.of();
    /** The last {@linkplain #declaredSide declared side} built, so that the tables and the objects come from one build. */
    private @Nullable BuiltSide lastBuilt;
    /** Whether the live side last read is a Citus coordinator, whose distribution the reader reads. */
    private volatile boolean coordinator;

    /** A {@linkplain #declaredSide declared side} and the entity DDL it was built with. */
    private record BuiltSide(List<String> entityDdl, DatabaseSchema schema) {}

    /**
     * @param schema the managed schema, first on the search path while the live side is read
     * @param exclusions names left out on both sides, the version tables among them
     * @param declared the objects beside tables the project declares
     */
    SideReader(String schema, Exclusions exclusions, @Nullable EntitySchemaCache cache, DeclaredObjects declared) {
        this.schema = schema;
        this.exclusions = exclusions;
        this.cache = cache;
        this.declared = declared;
    }

    /**
     * Reads the tables, sequences and enum types of the managed schemas of the live side. With {@code
     * canonicalChecks}, check expressions are spelled as after a round trip, as the scratch side spells
     * them: for a database this may write to (temporary tables, in a transaction that is rolled back), a
     * throwaway one above all. Without, nothing at all is written, so a role with read rights alone, a
     * read-only transaction and a standby do.
     */
    DatabaseSchema read(Connection live, List<String> managed, boolean canonicalChecks) {
        return onManagedPath(live, "Could not read the schemas " + managed, () -> {
            DatabaseSchema read = new CatalogReader().read(live, managed, exclusions);
            return canonicalChecks ? CanonicalChecks.of(live, read) : read;
        });
    }

    /**
     * The live side: the managed schemas, with the objects beside the tables (so that a replayed schema kept
     * in the cache holds them), which of them exist, and what migrate does not read yet.
     *
     * @param configured the configured schema, read already
     * @param canonicalChecks whether check expressions are made canonical on {@code live}, as {@link #read} says
     */
    ReplayedSchema read(Connection live, List<String> managed, DatabaseSchema configured, boolean canonicalChecks) {
        DatabaseSchema tables = managed.size() == 1 ? configured : read(live, managed, canonicalChecks);
        coordinator = onManagedPath(live, "Could not ask whether the database has the citus extension", () -> {
            try (Statement s = live.createStatement();
                    var rs = s.executeQuery("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus'")) {
                return rs.next();
            }
        });
        return new ReplayedSchema(
                EntitySchemaCache.serverVersionNum(live),
                tables.withObjects(onManagedPath(
                        live,
                        "Could not read the views, functions, triggers and other objects of schema " + schema,
                        () -> ObjectReader.read(live, managed))),
                existingSchemas(live, managed),
                onManagedPath(
                        live,
                        "Could not list what migrate does not read yet in schema " + schema,
                        () -> UnreadObjects.in(live, managed)));
    }

    /** Whether the live side last read is a Citus coordinator; {@code false} before one. */
    boolean readCoordinator() {
        return coordinator;
    }

    /**
     * {@code current}, read from a database that is only read, with the check expressions of the tables
     * whose checks {@code desired} spells otherwise made canonical on {@code scratch} (given what the
     * database's tables use, since copies of them are made there). Where both spell them alike nothing is
     * asked (the round trip gives equal results for equal texts, and the entity side's are canonical
     * already), so an unchanged model starts no server for it; nor where the entity side has no check to
     * compare with (those of the database are dropped as they are).
     */
    ReplayedSchema checksCanonicalOn(Supplier<Connection> scratch, ReplayedSchema current, DatabaseSchema desired) {
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
            DatabaseSchema canonical =
                    CanonicalChecks.elsewhere(scratch.get(), current.schema(), schema, spelledOtherwise);
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
     * The schema at head read from {@code chainDdl}, the SQL the migrations render ({@link ProviderDdlSchema}),
     * as a server of version {@code serverVersionNum} would hold it after a replay; to be confirmed before use
     * ({@link SchemaComparison#confirmedAtHead}). Empty when a statement is not one that reading knows, or the
     * managed schema is not {@code public} (the one schema a fresh database holds).
     */
    Optional<ReplayedSchema> readChain(List<String> chainDdl, String serverVersionNum) {
        if (!"public".equals(schema)) {
            return Optional.empty();
        }
        return ProviderDdlSchema.read(chainDdl, schema, exclusions)
                .map(head -> new ReplayedSchema(serverVersionNum, head, List.of(schema)));
    }

    /** The schemas of {@code names} that exist on the live database. */
    static List<String> existingSchemas(Connection live, List<String> names) {
        List<String> existing = new ArrayList<>();
        try (var s = live.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            for (String name : names) {
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

    interface OnPath<T> {
        T run() throws SQLException;
    }

    /** Runs {@code action} with the managed schema first on the search path, as the scratch side has it. */
    <T> T onManagedPath(Connection live, String failure, OnPath<T> action) {
        return onPath(live, Identifiers.quote(schema) + ", public", failure, action);
    }

    /** Runs {@code action} with {@code searchPath} as the search path. */
    static <T> T onPath(Connection live, String searchPath, String failure, OnPath<T> action) {
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

    /**
     * The entity DDL of {@code statements}, as the provider handed it back: the distributions the entities
     * declare among them are kept for the comparisons ({@link #declaredDistribution}) and taken out.
     */
    List<String> declaring(List<String> statements) {
        DeclaredDistribution.Split split = DeclaredDistribution.split(statements);
        declaredDistribution = split.declared();
        return split.ddl();
    }

    List<DeclaredDistribution> declaredDistribution() {
        return declaredDistribution;
    }

    /** The configured schema, then every schema the entity DDL names ({@code @Table(schema = ...)}, {@code hibernate.default_schema}). */
    List<String> managedSchemas(List<String> entityDdl) {
        Set<String> managed = new LinkedHashSet<>();
        managed.add(schema);
        managed.addAll(QualifiedDdl.schemas(entityDdl));
        // SQL files that create a table in another schema manage that schema too, as entities naming it do
        managed.addAll(QualifiedDdl.tableSchemas(
                declared.statements().stream().map(DeclaredStatement::sql).toList()));
        return List.copyOf(managed);
    }

    /** Whether the catalog reader models every statement of the entity DDL, so no server need be asked about one. */
    static boolean modelled(List<String> entityDdl) {
        return entityDdl.stream().allMatch(UnmodelledDdl::isModelled);
    }

    /**
     * Whether the objects beside tables are compared, on a database of their own: the project declares
     * them ({@link DeclaredObjects#managed()}), or its entities map views ({@code @View}).
     */
    boolean comparesObjects(List<String> entityDdl) {
        return declared.managed() || mapsViews(entityDdl);
    }

    /** Whether the entities map views ({@code @View}): their DDL creates some. */
    boolean mapsViews(List<String> entityDdl) {
        return entityDdl.stream().anyMatch(sql -> CREATE_VIEW.matcher(sql).matches());
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
        DatabaseSchema built = cache == null
                ? build.get()
                : cache.declaredSide(serverVersionNum, entityDdl, statements, schema, exclusions, build);
        lastBuilt = new BuiltSide(List.copyOf(entityDdl), built);
        return built;
    }

    /** The objects of the {@linkplain #declaredSide declared side}. */
    List<SchemaObject> desiredObjects(
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
     * The entity side read from the entity DDL without a server ({@link ProviderDdlSchema}), with the declared
     * statements where the project {@linkplain #declaresStatements declares some} (SQL schema files, in any
     * order), when every statement is one that reading knows; to be confirmed before use ({@link
     * SchemaComparison#confirmed}).
     */
    Optional<DatabaseSchema> readWithoutServer(List<String> entityDdl) {
        if (!declaresStatements()) {
            return ProviderDdlSchema.read(entityDdl, schema, exclusions);
        }
        List<String> ddl = new ArrayList<>(entityDdl);
        declared.statements().forEach(statement -> ddl.add(statement.sql()));
        return ProviderDdlSchema.readInAnyOrder(ddl, schema, exclusions);
    }

    /** The entity side of a server reporting {@code serverVersionNum}, when the entity cache holds it. */
    Optional<DatabaseSchema> cached(String serverVersionNum, List<String> entityDdl) {
        return cache == null ? Optional.empty() : cache.find(serverVersionNum, entityDdl, schema, exclusions);
    }

    /**
     * Whether the entity cache keeps the last build for a server reporting {@code serverVersionNum}, so that
     * building the entity side builds only the tables whose DDL changed: about as fast as reading the whole
     * DDL without a server, and the server's reading is the one that describes a change, so the reading is
     * not tried first where a server is at hand anyway.
     */
    boolean buildsChangedTables(String serverVersionNum) {
        return cache != null && cache.holdsLastBuild(serverVersionNum, schema, exclusions);
    }

    /**
     * Reads into memory the model the entity cache built last for a server reporting {@code serverVersionNum},
     * which only the changed tables are built against: for a thread that waits for the provider.
     */
    void prefetchLastBuild(String serverVersionNum) {
        if (cache != null) {
            cache.prefetchLastBuild(serverVersionNum, schema, exclusions);
        }
    }

    /**
     * The entity side built on {@code scratch}, a database where nothing was replayed (or from the
     * cache, and kept there): the DDL may need what the migrations create (an extension, a function, a
     * table it references), in which case this fails.
     */
    DatabaseSchema built(Connection scratch, List<String> entityDdl) {
        return cache == null
                ? ScratchSchema.read(scratch, entityDdl, schema, exclusions)
                : cache.read(scratch, entityDdl, schema, exclusions);
    }

    /**
     * {@code scratch}, the live server itself or another of the same major version, given what the entity
     * DDL and copies of the database's tables may use of {@code live}: its extensions, then its schemas and
     * the types defined there (enums, domains, composite and range types, collations). Once per connection.
     */
    Connection prepared(Connection live, Connection scratch) {
        if (scratch != live && prepared.add(scratch)) {
            DefinedTypes.installExtensions(live, scratch);
            DefinedTypes.copy(live, scratch);
        }
        return scratch;
    }
}
