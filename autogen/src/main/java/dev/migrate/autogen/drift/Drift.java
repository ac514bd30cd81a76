package dev.migrate.autogen.drift;

import dev.migrate.Fleet;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateLog;
import dev.migrate.autogen.ReplayedChain;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.autogen.internal.cache.ReplayedSchema;
import dev.migrate.autogen.internal.cache.VerifiedSchemas;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ExtensionVersions;
import dev.migrate.catalog.drift.CatalogStamps;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.drift.SchemaSnapshot;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.op.ObjectKind;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.tooling.ChainGraph;
import dev.migrate.tooling.MigratorTools;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Whether databases still have the schema their migration chain says they have ({@code migrate:drift}):
 * the schema the chain builds up to the revision a database is at (replayed on a throwaway server of the
 * database's major version, or taken from the replay cache) is compared with that database, every kind
 * of object included, both read as they are. The database is only read, so a standby serves.
 *
 * <pre>{@code
 * DriftReport report = Drift.of(request, "db.example.com:5432/app", dataSource, databases, log);
 * report.differences().forEach(System.out::println);
 * }</pre>
 *
 * <p>The comparison runs database to chain: its changes are the SQL that brings the database back
 * ({@link DriftReport#sql}); the comparison the other way, chain to database, is what a migration that
 * accepts the drift holds ({@link DriftReport#accepting}).
 */
public final class Drift {
    /** How the schemas are read, in the replay cache's key: as they are, unlike a comparison with entities. */
    private static final String READ_AS_IT_IS = "drift: read as it is";
    /** How the chain's schema is read for tenant schemas: replayed as a tenant, read with names qualified. */
    private static final String READ_QUALIFIED = "drift: read qualified";
    /** The schema the chain is replayed in for a fleet's tenant schemas, renamed to each tenant's. */
    static final String TENANT = "migrate_drift_tenant";
    /**
     * How many tenant schemas one catalog read covers. A read's models are held while its tenants are compared, so
     * each young collection of those comparisons copies them: at 100 a read, a first drift of 5,000 tenant schemas
     * promoted them at every collection (1.1 GB resident, 4.4 s of pauses), at 25 it keeps 40 MB after each (0.47 GB,
     * 0.8 s); at 10 the extra catalog queries cost more time than the collections save. 25 tenants of 20 tables, a
     * sequence each, lock 500 sequences.
     */
    private static final int TENANTS_PER_READ = 25;
    /** PostgreSQL's "out of shared memory": the lock table is full. */
    private static final String OUT_OF_LOCKS = "53200";

    private final DriftRequest request;
    private final ComparisonDatabases databases;
    private final AutogenerateLog log;
    private final Exclusions exclusions;
    /** A replayed chain per major version of the servers compared (and way of replaying), each on a server of that version. */
    private final Map<String, ReplayedChain> chains = new HashMap<>();
    /** The chain's schema per major version and revision, read once whatever the tenants at it. */
    private final Map<String, DatabaseSchema> schemas = new HashMap<>();
    /** The schemas found in sync by earlier runs, with their catalog stamps; read on first use, written on close. */
    private @Nullable VerifiedSchemas verified;
    /** What a schema is compared with, by revision and way of reading: the same for every tenant there. */
    private final Map<String, String> comparedWith = new ConcurrentHashMap<>();
    /** The catalog stamps read of each database this run, by its URL ({@link #catalogStamps}). */
    private final Map<String, Optional<CatalogStamps>> databaseStamps = new ConcurrentHashMap<>();

    private @Nullable Set<String> pinnedExtensions;

    private Drift(DriftRequest request, ComparisonDatabases databases, AutogenerateLog log) {
        this.request = request;
        this.databases = databases;
        this.log = log;
        this.exclusions = Exclusions.versionTables().and(request.excluded());
    }

    /**
     * Compares the database of {@code request}'s chain, reached through {@code database}, with the schema
     * the chain has at the revision its version table names.
     *
     * @param name the database as the log names it ({@code host:port/database}), never with a password
     * @throws MigrateException when the database is at base, at several revisions or at one no class
     *     defines, naming it and the fix
     */
    public static DriftReport of(
            DriftRequest request,
            String name,
            DataSource database,
            ComparisonDatabases databases,
            AutogenerateLog log) {
        Set<String> rows = MigratorTools.of(request.chain()).versionRows();
        Drift drift = new Drift(request, databases, log);
        try (Connection c = database.getConnection()) {
            String revision = drift.revision(name, rows);
            return drift.withRows(drift.compare(name, revision, c), revision, c);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not connect to " + name + " to compare it with the chain: " + e.getMessage(), e);
        } finally {
            drift.close();
        }
    }

    /**
     * Compares every tenant of {@code fleet} with the schema the chain has at the revision that tenant
     * is at, several tenants at once; tenants at the same revision share one replay. A tenant that cannot
     * be compared (at base, at several revisions, at one no class defines, or unreachable) is a report
     * with its error; the others go on.
     *
     * @return one report per tenant, in the fleet's order
     */
    public static List<DriftReport> fleet(
            DriftRequest request, Fleet fleet, ComparisonDatabases databases, AutogenerateLog log) {
        Drift drift = new Drift(request, databases, log);
        try {
            return new ArrayList<>(fleet.inspect(drift::group).values());
        } finally {
            drift.close();
        }
    }

    /**
     * The migration that accepts the drift of {@code report} instead of undoing it: its upgrade makes the
     * chain's schema into the database's ({@link DriftReport#accepting}), its downgrade the reverse, and
     * it revises the chain's head. The database has those changes already, so it is stamped at the new
     * revision rather than upgraded.
     *
     * @param nextId a new revision id for the given parents
     * @throws MigrateException when the database is not at the chain's one head, from which the next
     *     migration goes on
     */
    public static NewMigration accepting(
            DriftReport report, Migrator chain, String message, Function<List<String>, String> nextId) {
        List<String> heads = chain.heads();
        if (heads.size() != 1 || !heads.get(0).equals(report.revision())) {
            throw new MigrateException("The drift of " + report.name() + " is measured from revision "
                    + report.revision() + ", and a migration that accepts it follows the head ("
                    + String.join(", ", heads) + "). Bring the database to head first (mvn migrate:upgrade; with "
                    + "several heads, mvn migrate:merge first), then run migrate:drift -Dmigrate.drift.accept=true "
                    + "again. Nothing was written.");
        }
        return NewMigration.driftAccepted(nextId.apply(heads), heads, message, report.accepting());
    }

    /**
     * The schema the chain builds at its head, read as {@link #of} reads the chain's side, on a throwaway
     * server of PostgreSQL {@code major} (or from the replay cache), for an application to compare its
     * database with at startup ({@code migrate:snapshot}).
     *
     * @throws MigrateException when the chain has no migration
     */
    public static SchemaSnapshot snapshot(
            DriftRequest request, int major, ComparisonDatabases databases, AutogenerateLog log) {
        List<String> heads = request.chain().heads();
        if (heads.isEmpty()) {
            throw new MigrateException("The chain has no migration, so there is no schema to keep for the "
                    + "application's startup check. Write the first migration (mvn migrate:autogenerate), then build "
                    + "again.");
        }
        String revision = String.join("+", new TreeSet<>(heads));
        Drift drift = new Drift(request, databases, log);
        try {
            return new SchemaSnapshot(
                    revision,
                    major,
                    request.managedSchema(),
                    request.exclude(),
                    drift.chainSchema(major, heads.size() == 1 ? revision : "heads", false));
        } finally {
            drift.close();
        }
    }

    /** The one revision the version rows name, or a failure that says what the database is at and the fix. */
    private String revision(String name, Set<String> rows) {
        String table = request.versionTable();
        if (rows.isEmpty()) {
            throw new MigrateException(name + " is at base: no revision is recorded (its version table " + table
                    + " is empty, or not there), so "
                    + "no revision of the chain says what its schema should be. Run " + log.command("upgrade")
                    + " to build "
                    + "it; if its schema is there already (made by these migrations before the version table, or by "
                    + "hand), mark the revision it has with " + log.command("stamp") + " "
                    + log.setting("target", "<revision>") + ", or adopt it with mvn migrate:baseline. Then run "
                    + log.command("drift") + " again.");
        }
        ChainGraph graph = MigratorTools.of(request.chain()).graph();
        List<String> unknown = graph.unknown(rows);
        if (!unknown.isEmpty()) {
            throw new MigrateException(name + " is at revision " + String.join(", ", unknown) + ", which no "
                    + "migration class of this build defines, so the schema it should have is not known here. Run "
                    + log.command("drift") + " from the build that defines it (a newer release), or check that "
                    + log.setting("packages", "...") + " names the migrations' package; if the class was deleted, "
                    + "restore it.");
        }
        if (rows.size() > 1) {
            throw new MigrateException(name + " is at several revisions (" + String.join(", ", new TreeSet<>(rows))
                    + "), and drift compares a database with the schema of one revision. Join the branches with "
                    + "mvn migrate:merge and run " + log.command("upgrade") + " on it, then run " + log.command("drift")
                    + " again.");
        }
        return rows.iterator().next();
    }

    /**
     * The reports of a group of tenants of one database. Tenant schemas are read together, with a few catalog
     * queries for all of them, names spelled qualified, and each is compared with the chain's schema replayed
     * as a tenant ({@value #TENANT}) and read the same way, renamed to the tenant's schema; a tenant that is
     * a database of its own is compared as one database is.
     */
    private Map<String, DriftReport> group(List<Fleet.InspectedTenant> tenants, Connection live) {
        Map<String, DriftReport> reports = new HashMap<>();
        Map<Fleet.InspectedTenant, String> comparable = new LinkedHashMap<>();
        for (Fleet.InspectedTenant tenant : tenants) {
            try {
                comparable.put(tenant, revision(tenant.name(), tenant.versions()));
            } catch (MigrateException e) {
                reports.put(
                        tenant.name(),
                        DriftReport.failed(tenant.name(), schemaOf(tenant), "", String.valueOf(e.getMessage())));
            }
        }
        List<String> schemas = new ArrayList<>();
        comparable.forEach((tenant, revision) -> {
            if (tenant.schema() == null) {
                reports.put(tenant.name(), orFailed(tenant, revision, () -> compare(tenant.name(), revision, live)));
            } else {
                schemas.add(tenant.schema());
            }
        });
        if (schemas.isEmpty()) {
            return reports;
        }
        String serverVersion = EntitySchemaCache.serverVersionNum(live);
        Optional<Stamps> stamps = stamps(live, schemas);
        Set<String> unchanged = new HashSet<>();
        stamps.ifPresent(stamped -> comparable.forEach((tenant, revision) -> {
            if (tenant.schema() != null && stamped.unchanged(tenant.schema(), revision, true, serverVersion)) {
                reports.put(tenant.name(), DriftReport.inSync(tenant.name(), tenant.schema(), revision));
                unchanged.add(tenant.schema());
            }
        }));
        if (!unchanged.isEmpty()) {
            log.info(unchanged.size() + " of " + schemas.size() + " tenant schemas unchanged since drift last found "
                    + "them in sync: not read again (" + log.setting("replayCache", "false") + " reads them anyway).");
            schemas.removeAll(unchanged);
            comparable.keySet().removeIf(tenant -> reports.containsKey(tenant.name()));
            if (schemas.isEmpty()) {
                return reports;
            }
        }
        int major = Integer.parseInt(serverVersion) / 10000;
        // each revision's schema first, one replay each (on this thread, whose class loader the migrations
        // may need)
        Map<String, DatabaseSchema> chainAt = new HashMap<>();
        Map<String, String> replayFailed = new HashMap<>();
        for (String revision : new TreeSet<>(comparable.values())) {
            try {
                chainAt.put(revision, chainSchema(major, revision, true));
            } catch (MigrateException e) {
                replayFailed.put(revision, String.valueOf(e.getMessage()));
            }
        }
        Map<String, Fleet.InspectedTenant> bySchemaName = new HashMap<>();
        comparable.keySet().forEach(tenant -> bySchemaName.put(tenant.schema(), tenant));
        try {
            // then the tenants a read at a time, each read's comparisons side by side (the processor's work
            // alone), so that no more than one read's models are held whatever the fleet's size
            readTenants(
                    live,
                    schemas,
                    bySchema -> bySchema.entrySet().parallelStream()
                            .map(read -> {
                                Fleet.InspectedTenant tenant = Objects.requireNonNull(bySchemaName.get(read.getKey()));
                                String schema = read.getKey();
                                String revision = Objects.requireNonNull(comparable.get(tenant));
                                if (replayFailed.containsKey(revision)) {
                                    return DriftReport.failed(
                                            tenant.name(), schema, revision, replayFailed.get(revision));
                                }
                                return orFailed(
                                        tenant,
                                        revision,
                                        () -> SchemaDrift.compare(
                                                tenant.name(),
                                                schema,
                                                revision,
                                                live,
                                                read.getValue(),
                                                Objects.requireNonNull(
                                                                chainAt.get(revision)) // replayed, or failed above
                                                        .withSchemaRenamed(TENANT, schema),
                                                exclusions));
                            })
                            .toList()
                            .forEach(report -> {
                                reports.put(report.name(), report);
                                if (report.inSync()) {
                                    stamps.ifPresent(stamped -> stamped.foundInSync(
                                            report.schema(), report.revision(), true, serverVersion));
                                }
                            }));
        } catch (MigrateException e) {
            comparable.forEach((tenant, revision) -> reports.putIfAbsent(
                    tenant.name(),
                    DriftReport.failed(tenant.name(), schemaOf(tenant), revision, String.valueOf(e.getMessage()))));
        }
        return reports;
    }

    /**
     * The catalog stamps of {@code schemas} on {@code live}, compared together, to tell which are unchanged
     * since a run found them in sync; empty without a replay cache, or where the server does not tell which
     * cluster it is. Read before the schemas themselves, so that a change made meanwhile is never taken
     * for verified.
     */
    private Optional<Stamps> stamps(Connection live, List<String> schemas) {
        if (request.replayCache().isEmpty()) {
            return Optional.empty();
        }
        return catalogStamps(live)
                .flatMap(read -> read.database().map(database -> new Stamps(database, read.of(schemas))));
    }

    /**
     * The catalog stamps of every schema of {@code live}'s database, read once per run: a fleet's tenant schemas of
     * one database come in several groups, side by side, and the stamps of one database are one read of all of it.
     */
    private Optional<CatalogStamps> catalogStamps(Connection live) {
        String database;
        try {
            database = live.getMetaData().getURL();
        } catch (SQLException e) {
            return readStamps(live);
        }
        return databaseStamps.computeIfAbsent(database, d -> readStamps(live));
    }

    private Optional<CatalogStamps> readStamps(Connection live) {
        try {
            return Optional.of(CatalogStamps.read(live));
        } catch (MigrateException e) {
            log.info(e.getMessage() + ": every schema is read.");
            return Optional.empty();
        }
    }

    /** The stamps of some schemas of one database, checked against and kept in the schemas found in sync. */
    private final class Stamps {
        private final String database;
        private final Map<String, String> bySchema;

        Stamps(String database, Map<String, String> bySchema) {
            this.database = database;
            this.bySchema = bySchema;
        }

        /** Whether {@code schema} was found in sync at {@code revision} and is unchanged since. */
        boolean unchanged(String schema, String revision, boolean asTenant, String serverVersion) {
            return verified()
                    .inSync(database, schema, comparedWith(revision, asTenant, serverVersion), bySchema.get(schema));
        }

        void foundInSync(String schema, String revision, boolean asTenant, String serverVersion) {
            verified()
                    .foundInSync(
                            database, schema, comparedWith(revision, asTenant, serverVersion), bySchema.get(schema));
        }
    }

    /** What a schema at {@code revision} is compared with: the chain's schema there, read as drift reads it. */
    private String comparedWith(String revision, boolean asTenant, String serverVersion) {
        String reading = asTenant ? READ_QUALIFIED : READ_AS_IT_IS + " " + request.managedSchema();
        return comparedWith.computeIfAbsent(revision + "\n" + reading + "\n" + serverVersion, k -> {
            List<String> parts = new ArrayList<>(
                    List.of(MigratorTools.of(request.chain()).chainFingerprint(), revision, reading, serverVersion));
            parts.addAll(exclusions.patterns());
            return VerifiedSchemas.key(parts);
        });
    }

    private synchronized VerifiedSchemas verified() {
        if (verified == null) {
            verified = VerifiedSchemas.in(request.replayCache().orElseThrow());
        }
        return verified;
    }

    /**
     * Tenant schemas read {@value #TENANTS_PER_READ} at a time, each by schema. A catalog query locks each
     * sequence whose parameters it reads (identity and serial columns) until it ends, so one over a thousand
     * tenants' sequences outgrows the server's lock table ({@code max_locks_per_transaction}); a batch that
     * still does (SQLSTATE 53200: large tenants, or other sessions holding locks) is read in halves. Each read
     * goes to {@code eachRead} before the next is made, by schema.
     */
    private void readTenants(Connection live, List<String> schemas, Consumer<Map<String, DatabaseSchema>> eachRead) {
        Deque<List<String>> batches = new ArrayDeque<>();
        for (int from = 0; from < schemas.size(); from += TENANTS_PER_READ) {
            batches.add(schemas.subList(from, Math.min(schemas.size(), from + TENANTS_PER_READ)));
        }
        while (!batches.isEmpty()) {
            List<String> batch = batches.pop();
            Map<String, DatabaseSchema> read;
            try {
                read = ReplayedChain.readQualified(live, batch, exclusions).bySchema(batch);
            } catch (MigrateException e) {
                if (batch.size() == 1 || !outOfLocks(e)) {
                    throw e;
                }
                batches.push(batch.subList(batch.size() / 2, batch.size()));
                batches.push(batch.subList(0, batch.size() / 2));
                continue;
            }
            eachRead.accept(read);
        }
    }

    private static boolean outOfLocks(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && OUT_OF_LOCKS.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private String schemaOf(Fleet.InspectedTenant tenant) {
        return tenant.schema() == null ? request.managedSchema() : tenant.schema();
    }

    private DriftReport orFailed(Fleet.InspectedTenant tenant, String revision, Supplier<DriftReport> comparing) {
        try {
            return comparing.get();
        } catch (MigrateException e) {
            return DriftReport.failed(tenant.name(), schemaOf(tenant), revision, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Compares the managed schema on {@code live} with the chain's at {@code revision}, unless it is unchanged
     * since a run found it in sync there.
     */
    private DriftReport compare(String name, String revision, Connection live) {
        String schema = request.managedSchema();
        String serverVersion = EntitySchemaCache.serverVersionNum(live);
        Optional<Stamps> stamps = stamps(live, List.of(schema));
        if (stamps.isPresent() && stamps.get().unchanged(schema, revision, false, serverVersion)) {
            log.info("Schema " + schema + " of " + name + " unchanged since drift last found it in sync at revision "
                    + revision + ": not read again (" + log.setting("replayCache", "false") + " reads it anyway).");
            return DriftReport.inSync(name, schema, revision);
        }
        DatabaseSchema current = SchemaDrift.read(live, schema, exclusions);
        DriftReport report = SchemaDrift.compare(
                name,
                schema,
                revision,
                live,
                current,
                chainSchema(Integer.parseInt(serverVersion) / 10000, revision, false),
                exclusions);
        if (report.inSync()) {
            stamps.ifPresent(stamped -> stamped.foundInSync(schema, revision, false, serverVersion));
        }
        return report;
    }

    /**
     * The managed schema the chain has at {@code revision} on a server of {@code major}, replayed once: as
     * configured and read with it first on the search path, or replayed as a tenant in {@value #TENANT} and
     * read qualified, as a group of tenant schemas is read.
     */
    private DatabaseSchema chainSchema(int major, String revision, boolean asTenant) {
        String mode = major + (asTenant ? " as a tenant" : "");
        ReplayedChain chain = replayed(major, asTenant);
        String key = mode + " " + revision;
        synchronized (chain) { // tenants at the same revision wait for the first one's replay, and share it
            synchronized (schemas) {
                DatabaseSchema known = schemas.get(key);
                if (known != null) {
                    return known;
                }
            }
            List<String> managed = List.of(asTenant ? TENANT : request.managedSchema());
            DatabaseSchema read = chain.at(
                            revision,
                            managed,
                            exclusions,
                            c -> new ReplayedSchema(
                                    EntitySchemaCache.serverVersionNum(c),
                                    asTenant
                                            ? ReplayedChain.readQualified(c, managed, exclusions)
                                            : SchemaDrift.read(c, request.managedSchema(), exclusions),
                                    managed))
                    .schema();
            if (read.objects().keySet().stream().anyMatch(id -> id.kind() == ObjectKind.EXTENSION)) {
                // the chain's statements rendered only when there is an extension to ask about
                read = ExtensionVersions.without(
                        read, extension -> !pinnedExtensions().contains(extension));
            }
            synchronized (schemas) {
                schemas.put(key, read);
            }
            return read;
        }
    }

    /** The chain replayed on a server of {@code major}, as configured or as a tenant; one per way, kept. */
    private ReplayedChain replayed(int major, boolean asTenant) {
        synchronized (chains) {
            return chains.computeIfAbsent(
                    major + (asTenant ? " as a tenant" : ""),
                    m -> new ReplayedChain(
                            request.chain(),
                            databases,
                            databases.version(major),
                            request.replayCache().orElse(null),
                            asTenant ? READ_QUALIFIED : READ_AS_IT_IS,
                            log,
                            asTenant ? TENANT : null));
        }
    }

    /**
     * {@code report} with the rows of the declared tables compared too, between {@code live} and the chain
     * replayed up to {@code revision}: the SQL that puts them back, and the migration that accepts them.
     */
    private DriftReport withRows(DriftReport report, String revision, Connection live) {
        if (request.rows().isEmpty() || report.error() != null) {
            return report;
        }
        int major = Integer.parseInt(EntitySchemaCache.serverVersionNum(live)) / 10000;
        RowsDrift rows = replayed(major, false)
                .replayedTo(
                        revision,
                        chain ->
                                RowsDrift.of(request.rows(), chain, live, request.managedSchema(), request.rowLimit()));
        return new DriftReport(
                report.name(),
                report.schema(),
                report.revision(),
                report.script().followedBy(rows.back()),
                report.accepting().followedBy(rows.accepting()),
                null);
    }

    /** The extensions whose version a migration of the chain states: the others' versions are the server's. */
    private synchronized Set<String> pinnedExtensions() {
        if (pinnedExtensions == null) {
            pinnedExtensions =
                    ExtensionVersions.stated(MigratorTools.of(request.chain()).renderedStatements());
        }
        return pinnedExtensions;
    }

    private void close() {
        synchronized (chains) {
            chains.values().forEach(ReplayedChain::close);
        }
        synchronized (this) {
            if (verified != null) {
                verified.save();
            }
        }
    }
}
