package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.autogen.cache.Fingerprint;
import dev.migrate.autogen.data.DeclaredTable;
import dev.migrate.autogen.internal.scratch.ScratchSchema;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.tooling.MigratorTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The comparison of the entities with the schema at head behind {@code autogenerate},
 * {@code check} and {@code verify}: on the configured database (which must be at head), or on the
 * embedded default from the caches when they hold both sides, otherwise on a throwaway server with the
 * chain replayed. Which way it goes is chosen first, as a {@code ComparisonPlan} made from the request
 * and what the caches hold, and carried out by {@code OnConfiguredDatabase} or {@code OnEmbeddedDefault}.
 *
 * <pre>{@code
 * AutogenerateResult result = Autogenerate.run(request, databases, log);
 * result.script().descriptions().forEach(System.out::println);
 * }</pre>
 *
 * <p>What can overlap does: the provider writes the entity DDL on a thread of its own from the
 * start, while the live catalog is read or the throwaway server starts and replays the chain; on
 * the throwaway server the entity side is built in a database of its own, on a connection of its
 * own, while the chain replays in the first.
 */
public final class Autogenerate {
    private Autogenerate() {}

    /** What {@link #warm} builds and reads back: tables, keys, a reference, an index, as the provider writes them. */
    private static final List<String> WARMING = List.of(
            "create table migrate_warm_a (id bigint not null, name varchar(255) not null, primary key (id))",
            "create table migrate_warm_b (id bigint not null, a_id bigint, note text, primary key (id))",
            "alter table if exists migrate_warm_a add constraint migrate_warm_a_name unique (name)",
            "alter table if exists migrate_warm_b add constraint migrate_warm_b_a foreign key (a_id)"
                    + " references migrate_warm_a",
            "create index migrate_warm_b_note on migrate_warm_b (note)");

    /**
     * Readies {@code connection}, to a fresh database, for a comparison: builds a few tables in a scratch schema and
     * reads them back, in a transaction rolled back, as a comparison builds the entities' changed tables, so that the
     * server process has the catalogs at hand; nothing is left in the database, the connection as it was found.
     */
    public static void warm(Connection connection) {
        ScratchSchema.read(connection, WARMING, "public", Exclusions.none());
    }

    /**
     * Compares the entities of {@code request} with the schema at head of its chain, on the databases
     * {@code databases} offers; says in {@code log} which way it went.
     */
    public static AutogenerateResult run(
            AutogenerateRequest request, ComparisonDatabases databases, AutogenerateLog log) {
        return run(request, databases, log, plan -> {});
    }

    /** {@link #run(AutogenerateRequest, ComparisonDatabases, AutogenerateLog)}, telling {@code planned} the plan it chose. */
    static AutogenerateResult run(
            AutogenerateRequest request,
            ComparisonDatabases databases,
            AutogenerateLog log,
            Consumer<ComparisonPlan> planned) {
        Optional<DataSource> configured = databases.configured();
        ComparisonRoute route = configured.isPresent()
                ? new OnConfiguredDatabase(configured.get(), request, databases, log, planned)
                : new OnEmbeddedDefault(request, databases, log, planned);
        AutogenerateResult result = route.compare();
        List<DeclaredTable> rows = request.rows().inContexts(request.chain().contexts());
        if (rows.isEmpty()) {
            return result;
        }
        Optional<Path> inSync = configured.isPresent()
                ? Optional.empty()
                : request.replayCache().map(dir -> dir.resolve("rows-" + rowsKey(request, databases, result, rows)));
        if (inSync.isPresent() && Files.exists(inSync.get())) {
            log.info("The declared rows match the rows at head, as the last comparison with this chain found them: "
                    + "nothing replayed for them.");
            return result;
        }
        RowsComparison.Result compared = onHead(
                request,
                databases,
                log,
                head -> new RowsComparison(head, request.managedSchema(), request.rowLimit())
                        .compare(result.script(), rows));
        if (inSync.isPresent()
                && compared.everywhere().isEmpty()
                && compared.limited().isEmpty()) {
            try {
                Files.createDirectories(inSync.get().getParent());
                Files.writeString(inSync.get(), "");
            } catch (IOException e) {
                // a cache that cannot be written is no error: the rows are compared again next time
            }
        }
        return result.withRows(compared.everywhere(), compared.limited());
    }

    /**
     * What the comparison of declared rows on the embedded default depends on: the chain, the server, the run's
     * contexts, the files' tables, columns and values, the row limit and the schema's changes (a table they create).
     * A file named after it says the rows were found in sync, so that an unchanged project starts no server for them.
     */
    private static String rowsKey(
            AutogenerateRequest request,
            ComparisonDatabases databases,
            AutogenerateResult result,
            List<DeclaredTable> rows) {
        Fingerprint key = new Fingerprint()
                .field("declared rows 1")
                .field(MigratorTools.of(request.chain()).chainFingerprint())
                .field(databases.defaultVersion().identity())
                .fields("contexts", new java.util.TreeSet<>(request.chain().contexts()))
                .field(request.managedSchema())
                .field(String.valueOf(request.rowLimit()))
                .fields(
                        "script",
                        result.script().upgrade().stream().map(Object::toString).toList());
        for (DeclaredTable table : rows) {
            key.field(table.toString());
        }
        return key.hex();
    }

    /**
     * What {@code reading} reads on a database at the chain's heads: the configured database itself (which a
     * comparison requires at head), or the chain replayed on a throwaway server.
     */
    private static <T> T onHead(
            AutogenerateRequest request,
            ComparisonDatabases databases,
            AutogenerateLog log,
            java.util.function.Function<Connection, T> reading) {
        Optional<DataSource> configured = databases.configured();
        if (configured.isPresent()) {
            try (Connection c = configured.get().getConnection()) {
                return reading.apply(c);
            } catch (SQLException e) {
                throw new MigrateException("Could not connect to the database to read its rows: " + e.getMessage(), e);
            }
        }
        try (ReplayedChain replayed =
                new ReplayedChain(request.chain(), databases, databases.defaultVersion(), null, "rows", log)) {
            log.info("Reading the declared tables' rows at head on a throwaway server.");
            return replayed.replayedTo("heads", reading);
        }
    }

    /**
     * The migration that builds the managed schema of {@code live} as it is from nothing, for a chain
     * that adopts that database ({@code migrate:baseline}); only the version tables are left out. What
     * the catalog reader does not read is named in the script's warnings.
     */
    public static MigrationScript baseline(
            Connection live, String managedSchema, String versionTable, String historyTable) {
        return new Baseline(managedSchema, Exclusions.versionTables(versionTable, historyTable)).of(live);
    }

    /**
     * The rows of {@code tables} ({@code countries}, or {@code billing.plans} outside {@code managedSchema}) on
     * {@code live}, as a baseline carries them: inserted after the tables, parents first, each table found by its
     * primary key (or first unique key), and written to {@code dataDirectory} as a declared table's file when it
     * has none yet, so that later comparisons keep them.
     *
     * @throws MigrateException naming a table the schema lacks, or one of more than {@code limit} rows
     */
    public static BaselineRows baselineRows(
            Connection live, String managedSchema, List<String> tables, int limit, Path dataDirectory) {
        return BaselineRows.read(live, managedSchema, tables, limit, dataDirectory);
    }

    /**
     * The managed schema the chain of {@code request} builds, for a picture of it
     * ({@code migrate:diagram}); the request's entities are never asked for. On the configured
     * database, that database's schema as it is. On the embedded default, the replayed schema from
     * the replay cache when it holds it (as a comparison keeps it), otherwise the chain replayed on a
     * throwaway server, and what was read kept for the next run. Each way, with the objects beside
     * the tables (views, materialized views, ...), which the picture draws.
     */
    public static DatabaseSchema schemaAtHead(
            AutogenerateRequest request, ComparisonDatabases databases, AutogenerateLog log) {
        Exclusions exclusions = ComparisonRoute.exclusions(request);
        SideReader reader = new SideReader(request.managedSchema(), exclusions, null, DeclaredObjects.none());
        List<String> managed = List.of(request.managedSchema());
        Optional<DataSource> configured = databases.configured();
        if (configured.isPresent()) {
            try (Connection c = configured.get().getConnection()) {
                return SchemaDrift.read(c, request.managedSchema(), exclusions);
            } catch (SQLException e) {
                throw new MigrateException(
                        "Could not connect to the database to read its schema: " + e.getMessage(), e);
            }
        }
        // the live side holds the objects, as the cache keeps them and a cached run returns them
        try (ReplayedChain replayed = new ReplayedChain(
                request.chain(),
                databases,
                databases.defaultVersion(),
                request.replayCache().orElse(null),
                "",
                log)) {
            return replayed.at(
                            "heads",
                            managed,
                            exclusions,
                            live -> reader.read(live, managed, reader.read(live, managed, true), true))
                    .schema();
        }
    }
}
