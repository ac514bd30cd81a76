package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.Migrator;
import dev.migrate.autogen.internal.cache.ReplayedSchema;
import dev.migrate.autogen.internal.cache.ReplayedSchemaCache;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import dev.migrate.servers.ComparisonDatabases.ThrowawayVersion;
import dev.migrate.sql.Identifiers;
import dev.migrate.tooling.MigratorTools;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The schemas a migration chain builds, each up to a target, read on a throwaway server the chain was
 * replayed on, or taken from the replay cache when it holds them; {@code migrate:diagram} asks for the
 * heads, {@code migrate:drift} for the revisions its databases are at. One server serves every replay
 * (started on the first one the cache does not answer, a new database for each), and is stopped when
 * this is closed.
 */
public final class ReplayedChain implements AutoCloseable {
    /** Reads the managed schemas of the database the chain was just replayed on. */
    public interface Reading {
        /** The schemas read from {@code replayed}. */
        ReplayedSchema read(Connection replayed);
    }

    private final Migrator chain;
    private final ComparisonDatabases databases;
    private final ThrowawayVersion version;
    private final @Nullable Path cacheDirectory;
    private final String readAs;
    private final AutogenerateLog log;
    /** The schema the chain is replayed in as a tenant's stand-in; {@code null}: as configured. */
    private final @Nullable String tenantSchema;

    private @Nullable ThrowawayServer server;
    private int replays;

    /**
     * @param cacheDirectory the replay cache, or {@code null} to replay every time
     * @param readAs how {@code reading} reads, in the cache key: empty for the way a comparison with the
     *     entities reads the heads, so that an entry of {@code check} serves too
     */
    public ReplayedChain(
            Migrator chain,
            ComparisonDatabases databases,
            ThrowawayVersion version,
            @Nullable Path cacheDirectory,
            String readAs,
            AutogenerateLog log) {
        this(chain, databases, version, cacheDirectory, readAs, log, null);
    }

    /**
     * The chain replayed as a fleet replays a tenant: in {@code tenantSchema}, made first, with its version
     * tables there and that schema first on the search path.
     */
    public ReplayedChain(
            Migrator chain,
            ComparisonDatabases databases,
            ThrowawayVersion version,
            @Nullable Path cacheDirectory,
            String readAs,
            AutogenerateLog log,
            @Nullable String tenantSchema) {
        this.chain = chain;
        this.databases = databases;
        this.version = version;
        this.cacheDirectory = cacheDirectory;
        this.readAs = readAs;
        this.log = log;
        this.tenantSchema = tenantSchema;
    }

    /**
     * Applies the migrations up to {@code target} to the throwaway {@code database}, a database of
     * {@code server}, announced in the log, once the server has the roles they name.
     */
    static void replay(
            Migrator chain, ThrowawayServer server, DataSource database, String target, AutogenerateLog log) {
        int count = "heads".equals(target)
                ? chain.revisions().size()
                : MigratorTools.of(chain)
                        .graph()
                        .ancestorsOrSelf(List.of(target))
                        .size();
        if (count > 0) { // a project's first migration is written against an empty chain
            log.info("Replaying " + count + " migration" + (count == 1 ? "" : "s") + " on it.");
            server.createRolesOf(chain, log::info);
            withoutCitusSaid(() -> MigratorTools.of(chain).replayOn(database).upgrade(upTo(target)));
        }
    }

    private static final Pattern CITUS_FUNCTION = Pattern.compile(
            "function (create_distributed_table|create_reference_table|undistribute_table|citus_schema_distribute"
                    + "|citus_schema_undistribute)\\(.*does not exist");

    /**
     * Runs {@code replay}; a chain that calls Citus's functions fails on a throwaway server, which has no
     * Citus: said as that, with what to do, rather than as PostgreSQL's missing function.
     */
    static void withoutCitusSaid(Runnable replay) {
        try {
            replay.run();
        } catch (MigrationFailedException e) {
            Matcher m = CITUS_FUNCTION.matcher(String.valueOf(e.getMessage()));
            if (!m.find()) {
                throw e;
            }
            throw new MigrateException(
                    "The chain spreads tables over a Citus cluster (" + m.group(1) + "), and the throwaway PostgreSQL"
                            + " it is replayed on has no Citus, so it cannot build the chain's schema: "
                            + e.getMessage()
                            + " Compare on the coordinator itself (autogenerate and check with -Dmigrate.url), where"
                            + " the catalog reads the distribution; drift, verify and lint with the coordinator's URL"
                            + " replay the chain in a database they make on its server, with Citus.",
                    e);
        }
    }

    /**
     * Several schemas read at once as {@code SchemaDrift.read} reads one, with only {@code public} on the search
     * path, so that schemas holding the same objects (a fleet's tenant schemas) read alike but for their names;
     * drift reads tenants, and chains replayed as a tenant, so.
     */
    public static DatabaseSchema readQualified(Connection live, List<String> schemas, Exclusions exclusions) {
        return SideReader.onPath(
                live,
                "public",
                "Could not read the schemas " + schemas,
                () -> new CatalogReader()
                        .read(live, schemas, exclusions)
                        .withObjects(ObjectReader.read(live, schemas)));
    }

    /**
     * The managed schemas as the chain builds them up to {@code target} ({@code heads}, or one
     * revision), as {@code reading} reads them: from the cache, or replayed and kept there.
     */
    public synchronized ReplayedSchema at(String target, List<String> managed, Exclusions exclusions, Reading reading) {
        ReplayedSchemaCache cache = cacheDirectory == null
                ? null
                : new ReplayedSchemaCache(cacheDirectory, key(target), version.identity());
        String what = "heads".equals(target) ? "The schema the migrations build" : "The schema of revision " + target;
        if (cache != null) {
            Optional<ReplayedSchema> kept = cache.find(managed, exclusions);
            if (kept.isPresent()) {
                log.info(what + " taken from the cache in " + log.shown(cache.directory())
                        + ": no PostgreSQL was started (" + log.setting("replayCache", "false")
                        + " replays the migrations anyway).");
                return kept.get();
            }
        }
        ReplayedSchema read = replayedTo(target, reading::read);
        if (cache != null) {
            cache.store(managed, exclusions, read);
        }
        return read;
    }

    /**
     * What {@code reading} reads on a new database of the throwaway server, the chain replayed on it up to
     * {@code target} ({@code heads}, or one revision); nothing is kept in the cache.
     */
    public synchronized <T> T replayedTo(String target, java.util.function.Function<Connection, T> reading) {
        if (server == null) {
            server = databases.start(version);
        }
        DataSource database = replays++ == 0 ? server.dataSource() : server.createDatabase("migrate_replay_" + replays);
        String tenant = tenantSchema;
        if (tenant == null) {
            replay(chain, server, database, target, log);
        } else {
            server.createRolesOf(chain, log::info);
            replayAsTenant(database, target, tenant);
        }
        try (Connection replayed = database.getConnection()) {
            return reading.apply(replayed);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not connect to the throwaway database the migrations were replayed on: " + e.getMessage(),
                    e);
        }
    }

    private void replayAsTenant(DataSource database, String target, String tenantSchema) {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + Identifiers.quote(tenantSchema));
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not create schema " + tenantSchema + " on the throwaway database: " + e.getMessage(), e);
        }
        log.info("Replaying the migrations up to " + target + " on it, as a tenant in schema " + tenantSchema + ".");
        withoutCitusSaid(
                () -> MigratorTools.of(chain).replayOn(database, tenantSchema).upgrade(upTo(target)));
    }

    /** {@code heads}, or the one revision {@code target} is the id of. */
    private static RevisionTarget upTo(String target) {
        return "heads".equals(target) ? RevisionTarget.HEADS : RevisionTarget.revision(target);
    }

    /** What the replayed schema depends on besides the server: the chain, and the target and reading when not the heads. */
    private String key(String target) {
        String fingerprint = MigratorTools.of(chain).chainFingerprint();
        String as = tenantSchema == null ? readAs : readAs + ", replayed in " + tenantSchema;
        return as.isEmpty() && "heads".equals(target) ? fingerprint : fingerprint + " " + as + " at " + target;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
