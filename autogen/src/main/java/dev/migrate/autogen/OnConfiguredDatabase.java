package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateResult.Route;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.autogen.internal.scratch.ScratchSchema;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.DataMeasurements;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.connection.ConnectionFailure;
import dev.migrate.op.ObjectOp;
import dev.migrate.servers.ComparisonDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The comparison on the configured database, which must be at head: read while the provider writes the
 * DDL, the entity side built in a scratch schema on it or, where it may not be written to, on a throwaway
 * server of its major version; with a measure timeout, the changes measured on its rows.
 */
final class OnConfiguredDatabase extends ComparisonRoute {
    /** What a failure to connect to the throwaway server says. */
    private static final String THROWAWAY = "Could not connect to the throwaway embedded PostgreSQL";

    private final DataSource database;

    OnConfiguredDatabase(
            DataSource database,
            AutogenerateRequest request,
            ComparisonDatabases databases,
            AutogenerateLog log,
            Consumer<ComparisonPlan> planned) {
        super(request, databases, log, planned);
        this.database = database;
    }

    @Override
    AutogenerateResult compare() {
        // compare with the schema the migrations build, not one that is behind or ahead of them;
        // with no migration yet (the first one, or adopting an existing database) there is no head to be at
        Migrator chain = request.chain();
        if (!chain.revisions().isEmpty()) {
            chain.assertUpToDate();
        }
        try (Connection c = open(database)) {
            int major = Integer.parseInt(
                            onDatabase("reading the server's version", () -> EntitySchemaCache.serverVersionNum(c)))
                    / 10000;
            ComparisonPlan plan = ComparisonPlan.onConfigured(
                    onDatabase("asking whether it may be written to", () -> elsewhere(c, major)), entityCache != null);
            planned.accept(plan);
            boolean elsewhere = plan.entitySide() == ComparisonPlan.EntitySide.THROWAWAY_OF_CONFIGURED_VERSION;
            MigrationScript diff;
            // the provider boots (seconds for a large model) while this thread reads the live catalog; the
            // throwaway server starts when the comparison first asks for it: the entity cache may answer
            try (EntityDdl ddl = new EntityDdl(major);
                    StartingServer server = new StartingServer(() -> databases.version(major));
                    FreshConnection scratch = new FreshConnection(THROWAWAY, () -> {
                        log.info("Building the entity side on a throwaway embedded PostgreSQL "
                                + server.version().major()
                                + " (comparisonDatabase=embedded): the configured database is only read.");
                        return server.get().dataSource().getConnection();
                    });
                    FreshConnection objects = new FreshConnection(THROWAWAY, () -> {
                        if (!server.started()) {
                            log.info("Applying the declared objects on a throwaway embedded PostgreSQL "
                                    + server.version().major() + ", after the entities' tables.");
                        }
                        return server.get().createDatabase(OBJECTS_DATABASE).getConnection();
                    })) {
                diff = comparison.compare(
                        c,
                        elsewhere,
                        elsewhere ? server.version().serverVersionNum() : null,
                        elsewhere ? scratch::get : () -> c,
                        ddl::get,
                        null,
                        objects::get);
            }
            logCacheUse();
            diff = withItsDropsSaid(diff);
            Set<ObjectName> large = Set.of();
            if (request.measureTimeout().isPresent() && !diff.isEmpty()) {
                MigrationScript changes = diff;
                try (Connection measuring = open(database)) {
                    DataMeasurements.Result measured = onDatabase(
                            "measuring the changes on its rows",
                            () -> DataMeasurements.measure(
                                    changes, measuring, request.measureTimeout().get(), request.largeTableRows()));
                    diff = measured.script();
                    large = measured.estimatedRows().keySet().stream()
                            .filter(measured.largeTables(request.largeTableRows()))
                            .collect(Collectors.toSet());
                }
            }
            return result(
                    diff, large, elsewhere ? Route.CONFIGURED_DATABASE_ENTITIES_ELSEWHERE : Route.CONFIGURED_DATABASE);
        } catch (SQLException e) {
            // closing a connection is all that is left here
            throw failure("closing its connection", e);
        }
    }

    /**
     * The script with a warning when it drops objects beside the tables (a policy, a grant, a function): the database
     * compared is the configured one, whose objects may have been made there by hand and never by the chain, and
     * the revision would drop them wherever it runs.
     */
    static MigrationScript withItsDropsSaid(MigrationScript script) {
        List<String> dropped = script.upgrade().stream()
                .filter(ObjectOp.DropObject.class::isInstance)
                .map(ObjectOp.DropObject.class::cast)
                .map(drop -> drop.kind().title() + " " + drop.identity())
                .toList();
        if (dropped.isEmpty()) {
            return script;
        }
        String named = String.join(", ", dropped.subList(0, Math.min(5, dropped.size())))
                + (dropped.size() > 5 ? " and " + (dropped.size() - 5) + " more" : "");
        return script.withLast(
                List.of(),
                List.of("This revision drops " + dropped.size() + " object" + (dropped.size() == 1 ? "" : "s")
                        + " that the configured database has and nothing declares (" + named + "). That database"
                        + " was compared, not the chain: what was made there by hand is dropped as if the chain had"
                        + " made it. Declare what should stay, exclude it, or compare with the chain alone (no"
                        + " configured url: the embedded default replays the chain)."));
    }

    /** A connection to the configured database: a failure here is one to connect, whatever its SQLSTATE. */
    private static Connection open(DataSource database) {
        try {
            return database.getConnection();
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not connect to the database to compare it with the entities: " + e.getMessage(), e);
        }
    }

    private interface OnDatabase<T> {
        T run() throws SQLException;
    }

    /** Runs {@code step} on the configured database, its failure named as what it is ({@link #failure}). */
    private static <T> T onDatabase(String step, OnDatabase<T> action) {
        try {
            return action.run();
        } catch (SQLException e) {
            throw failure(step, e);
        }
    }

    /**
     * The failure of {@code step} on the configured database, once connected: "could not connect" only
     * when the connection failed ({@link ConnectionFailure#isConnectionFailure}: SQLSTATE class 08 and the
     * like); any other failure names the step, the SQLSTATE and the server's message, so a statement
     * PostgreSQL refused is never taken for a network problem.
     */
    static MigrateException failure(String step, SQLException e) {
        if (ConnectionFailure.isConnectionFailure(e)) {
            return new MigrateException(
                    "Could not connect to the database to compare it with the entities: the connection failed while "
                            + step + ": " + e.getMessage()
                            + " Check that the server is running and reachable, then run the goal again.",
                    e);
        }
        return new MigrateException(
                "The comparison of the entities with the database failed while " + step + ": PostgreSQL answered "
                        + (e.getSQLState() == null ? "" : "SQLSTATE " + e.getSQLState() + ": ") + e.getMessage(),
                e);
    }

    /**
     * Whether the entity side is built on a throwaway server rather than in a scratch schema on the
     * configured database: asked of that database for {@link ComparisonDatabase#AUTO}, which says why.
     */
    private boolean elsewhere(Connection configured, int major) throws SQLException {
        return switch (request.comparisonDatabase()) {
            case EMBEDDED -> true;
            case SERVER -> false;
            case AUTO -> {
                Optional<String> whyNot = ScratchSchema.whyNotOn(configured);
                whyNot.ifPresent(reason -> log.info("The configured database is only read, since " + reason
                        + ": the entity side is built on a throwaway embedded PostgreSQL " + major
                        + " when the comparison needs it (comparisonDatabase=auto)."));
                yield whyNot.isPresent();
            }
        };
    }
}
