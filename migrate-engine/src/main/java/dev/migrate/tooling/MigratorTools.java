package dev.migrate.tooling;

import dev.migrate.CurrentRevision;
import dev.migrate.HistoryRow;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.Revision;
import dev.migrate.RevisionDetails;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.internal.MigratorAccess;
import dev.migrate.internal.consent.Consent;
import dev.migrate.internal.consent.LossClassifier;
import dev.migrate.internal.graph.GraphReport;
import dev.migrate.internal.graph.ModuleOrder;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.runtime.Engine;
import dev.migrate.internal.runtime.history.VersionReads;
import dev.migrate.internal.runtime.session.ConnectionSource;
import dev.migrate.internal.runtime.session.Settings;
import dev.migrate.internal.sql.RoleNames;
import dev.migrate.op.Op;
import dev.migrate.sql.Identifiers;
import dev.migrate.text.Fixes;
import dev.migrate.tooling.RoundTripCheck.Stage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What migrate's own modules (the commands, autogen, the lint, the plugin, the command line, migrate-junit,
 * the starter) ask of a {@link Migrator} beyond what an application calls: the chain's fingerprint and
 * statements, its graph and the text of the report goals, the round trips {@code verify} makes, the replay on
 * another database.
 *
 * <pre>{@code
 * MigratorTools tools = MigratorTools.of(migrator);
 * tools.historyReport("base:head", false).forEach(System.out::println);
 * }</pre>
 *
 * Published for migrate's modules, not for applications: see the package.
 */
public final class MigratorTools {
    private final Migrator migrator;
    private final MigratorAccess.Opener open;
    private final @Nullable String module;

    private MigratorTools(Migrator migrator, MigratorAccess.Opener open, @Nullable String module) {
        this.migrator = migrator;
        this.open = open;
        this.module = module;
    }

    /**
     * These tools with {@code current}, {@code history} and {@code heads} scoped to one module's revisions and
     * version rows: {@code MigratorTools.of(migrator).inModule("billing").currentReport(false)}.
     *
     * @throws MigrateException when no revision belongs to {@code module}, naming the modules there are
     */
    public MigratorTools inModule(String module) {
        open.engine(migrator).graph().module(module); // refuses an unknown module before anything is read
        return new MigratorTools(migrator, open, module);
    }

    /** The named modules of the migrations, each after those it depends on; empty when none names a module. */
    public List<String> modules() {
        return open.engine(migrator).graph().modules().order();
    }

    /**
     * The modules whose revisions an upgrade applies only after {@code module}'s, directly or through others; the
     * application's own module, spelled {@code ""}, after every named one.
     */
    public Set<String> modulesDependingOn(String module) {
        return open.engine(migrator).graph().modules().dependents(module);
    }

    /**
     * Creates the role {@code role} ({@code NOLOGIN}) on a throwaway server, for what grants to it; false when it is
     * there already, made meanwhile by another comparison or replay on the same server: found made (SQLSTATE 42710),
     * or made while this waited on the catalog's unique index for the other's commit (23505).
     */
    public static boolean createRole(Statement statement, String role) throws SQLException {
        try {
            statement.execute("CREATE ROLE " + Identifiers.quote(role) + " NOLOGIN");
            return true;
        } catch (SQLException e) {
            if ("42710".equals(e.getSQLState()) || "23505".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** The module a revision of the graph belongs to: {@code billing} for {@code billing.20261129_090000}. */
    public static String moduleOf(String revision) {
        return ModuleOrder.moduleOf(revision);
    }

    /** The graph the reports read: the whole of it, or the module's. */
    private RevisionGraph reportedGraph() {
        RevisionGraph whole = open.engine(migrator).graph();
        return module == null ? whole : whole.module(module);
    }

    /** The version rows the reports read: all, or the module's. */
    private List<CurrentRevision> rows(Engine database) {
        return inModule(database.reads().current());
    }

    /** The rows of this tool's module, or all when it is scoped to none. */
    private List<CurrentRevision> inModule(List<CurrentRevision> rows) {
        return module == null
                ? rows
                : rows.stream()
                        .filter(row -> ModuleOrder.moduleOf(row.id()).equals(module))
                        .toList();
    }

    /**
     * The internals of a built migrator.
     *
     * @param migrator a built migrator (so its class, and with it the opener, is initialized)
     * @return its internals
     */
    public static MigratorTools of(Migrator migrator) {
        return new MigratorTools(migrator, MigratorAccess.opener(), null);
    }

    /**
     * The server setting migrate starts its own servers with (the embedded one and the throwaway ones): a destructive
     * run on a server that has it on needs no consent under a coding agent, whichever path built the run.
     */
    public static final String OWN_SERVER_SETTING = Consent.OWN_SERVER_SETTING;

    /**
     * Has the runs of the migrator {@code builder} builds count as started by the coding agent {@code agent} when
     * the environment names none, as an MCP server has every tool call count: a destructive run on a database
     * migrate did not start then needs its consent token. {@code MigratorTools.startedByAgent(builder, "mcp")}.
     *
     * @return {@code builder}
     */
    public static Migrator.Builder startedByAgent(Migrator.Builder builder, String agent) {
        MigratorAccess.opener().startedByAgent(builder, agent);
        return builder;
    }

    /**
     * What one SQL statement can lose, read as the consent of a coding agent's run reads raw SQL (its comments and
     * strings aside, any drop, truncate, delete or type change): {@code drops or deletes (DROP TABLE, on orders);
     * takes ACCESS EXCLUSIVE on orders}; empty when it can lose nothing.
     */
    public static Optional<String> loss(String sql) {
        return LossClassifier.ofSql(sql).map(loss -> loss.what() + "; takes " + loss.lock());
    }

    /**
     * Has the messages of the migrator {@code builder} builds (and of every tenant of a fleet over it) name the
     * commands and settings of a face other than the plugin, as {@code fixes} spells them:
     * {@code MigratorTools.spellFixes(builder, cliFixes)}.
     *
     * @return {@code builder}
     */
    public static Migrator.Builder spellFixes(Migrator.Builder builder, Fixes fixes) {
        MigratorAccess.opener().fixes(builder, fixes);
        return builder;
    }

    /**
     * Fails as the online methods of the migrator do when it found no migration: naming where it looked and,
     * in the face's words, what to check; the graph reports themselves show an empty graph.
     */
    public void requireMigrations() {
        open.migrations(migrator);
    }

    /**
     * A SHA-256 (hex) of what replaying every migration on an empty database does: each revision in
     * order with its parents and the checksum {@code upgrade} records for it (plus, for migrations
     * with JDBC code, which a checksum sees only by its place, the bytes of their classes). Equal
     * fingerprints replay to the same schema, so a schema read after a replay can be kept under it.
     * Needs no database: the migrations are only recorded.
     *
     * @return 64 hex digits
     */
    public String chainFingerprint() {
        return open.engine(migrator).chainFingerprint();
    }

    /**
     * The SQL statements replaying every migration on an empty database runs, in order, without the
     * version tables' bookkeeping; empty when a migration runs JDBC code or makes online changes.
     * Needs no database: the migrations are only recorded and rendered.
     *
     * @return the statements, or empty when only a replay can tell what the chain builds
     */
    public Optional<List<String>> chainStatements() {
        return open.engine(migrator).chainScripts().chainStatements();
    }

    /**
     * The SQL statements of every migration, upgrade and downgrade, rendered without a database; JDBC
     * work and a migration that needs its database to say what it does are left out.
     *
     * @return the statements, in no particular order
     */
    public List<String> renderedStatements() {
        return open.engine(migrator).chainScripts().renderedStatements();
    }

    /**
     * The operations of every migration, upgrade and downgrade, recorded without a database and not rendered
     * (an online change as its expand phase); JDBC work and a migration that needs its database to say what it
     * does are left out: {@code tools.operations().stream().filter(ObjectOp.CreateObject.class::isInstance)}.
     *
     * @return the operations, in no particular order
     */
    public List<Op> operations() {
        return open.engine(migrator).chainScripts().ops();
    }

    /**
     * The migrations and settings of the migrator, pointed at {@code database} instead of its own.
     *
     * @param database where the replay is to run; the migrator's own database, if any, is not touched
     * @return the replay
     */
    public Replay replayOn(DataSource database) {
        return new Replay(open.engine(migrator).replayingOn(ConnectionSource.of(database)), open.listener(migrator));
    }

    /**
     * The migrations and settings of the migrator, pointed at {@code database} as a tenant: in schema
     * {@code tenantSchema} (which must exist), with its version tables, as a fleet runs a tenant schema.
     *
     * @param database where the replay is to run
     * @param tenantSchema the schema that stands for a tenant's
     * @return the replay
     */
    public Replay replayOn(DataSource database, String tenantSchema) {
        return new Replay(
                open.engine(migrator).replayingOn(ConnectionSource.of(database), tenantSchema),
                open.listener(migrator));
    }

    /**
     * The roles the migrations name (in grants, policies, {@code OWNER TO}, ...) and do not create
     * themselves: what a server the chain is replayed on from nothing must have. Needs no database.
     *
     * @return the names as the server stores them
     */
    public Set<String> rolesNamed() {
        return RoleNames.namedNotCreated(renderedStatements());
    }

    /**
     * Makes each role of {@link #rolesNamed()} that {@code throwaway}'s server lacks, with no rights
     * ({@code NOLOGIN}), so that the chain replays there: roles belong to the cluster, not to the schema
     * the migrations build. Only for a server migrate started itself and deletes afterwards, never for a
     * server a user configured.
     *
     * @param throwaway a database of a server migrate started
     * @param log told of each role made
     */
    public void createRolesOn(DataSource throwaway, Consumer<String> log) {
        Set<String> roles = rolesNamed();
        if (roles.isEmpty()) {
            return;
        }
        try (Connection c = throwaway.getConnection();
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?");
                Statement create = c.createStatement()) {
            c.setAutoCommit(true);
            for (String role : roles) {
                exists.setString(1, role);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                if (createRole(create, role)) {
                    log.accept("Created role " + role + " on the throwaway server: the migrations grant to it.");
                }
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not create the roles the migrations name (" + String.join(", ", roles)
                            + ") on the throwaway server: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Drops the history table of the tool the database moved in from, Flyway's or Liquibase's (with Liquibase's
     * lock table), once the database has moved in; with {@code drop} false, only says what it would drop.
     *
     * @return the {@code DROP TABLE} statements, run or not; none when the database has no old table
     * @throws dev.migrate.MigrateException when the database has not moved in yet
     */
    public List<String> retireOldHistory(boolean drop) {
        return open.database(migrator).retireOldHistory(drop);
    }

    /**
     * The last revision imported from Flyway or Liquibase, in the chain's order, with the class loader its class
     * came from (whose resources hold what the import kept of its proof), or empty for a chain with none.
     */
    public Optional<ImportPoint> importPoint() {
        return open.engine(migrator)
                .imported()
                .last()
                .map(type -> new ImportPoint(type.getAnnotation(Revision.class).id(), type.getClassLoader()));
    }

    /**
     * The last imported revision and the loader of its class.
     *
     * @param revision its id
     * @param resources the loader its class came from
     */
    public record ImportPoint(String revision, ClassLoader resources) {}

    /**
     * The revisions imported from Flyway or Liquibase migrations that had no undo ({@code @Imported(downgrade =
     * false)}), whose downgrade throws: round trips leave it out, the lint names them.
     */
    public Set<String> withoutDowngrade() {
        return open.engine(migrator).imported().withoutDowngrade();
    }

    /**
     * Proves that every downgrade undoes its upgrade, on a database that holds nothing else: for
     * each revision, parents first, upgrades it, downgrades it alone (sibling branches stay) and
     * upgrades it again, calling {@code check} at each stage. It leaves the database at every head. A revision
     * imported with no downgrade ({@link #withoutDowngrade()}) is upgraded only.
     *
     * @param check inspects the database at each stage; what it throws stops the round trips
     */
    public void roundTrip(RoundTripCheck check) {
        Engine database = open.database(migrator);
        RevisionGraph graph = database.graph();
        Set<String> withoutDowngrade = database.imported().withoutDowngrade();
        for (RevisionInfo info : graph.all()) {
            RevisionDetails revision = graph.details(info);
            check.check(revision, Stage.BEFORE_UPGRADE);
            database.apply(current -> graph.planUpgrade(current, RevisionTarget.revision(info.id())));
            if (inExpand(database, info.id())) {
                // an online revision: its expand is undone, then made again and completed
                database.apply(current -> List.of(graph.planRevert(current, info.id())));
                check.check(revision, Stage.ROLLED_BACK);
                database.apply(current -> graph.planUpgrade(current, RevisionTarget.revision(info.id())));
                database.complete();
            }
            check.check(revision, Stage.UPGRADED);
            if (withoutDowngrade.contains(info.id())) {
                continue; // imported with no undo: its downgrade throws until one is written
            }
            database.apply(current -> List.of(graph.planRevert(current, info.id())));
            check.check(revision, Stage.DOWNGRADED);
            database.apply(current -> graph.planUpgrade(current, RevisionTarget.revision(info.id())));
            if (inExpand(database, info.id())) {
                database.complete();
            }
            check.check(revision, Stage.UPGRADED_AGAIN);
        }
    }

    private static boolean inExpand(Engine database, String revision) {
        return "expand".equals(database.onlinePhases().get(revision));
    }

    /**
     * The lines {@code mvn migrate:history} prints, newest first, in Alembic's style; with a
     * database, its current revisions are marked {@code (current)} and each applied revision says
     * when, by whom and in how long it was applied, or {@code [pending]}.
     *
     * @param range {@code <from>:<to>}; either side may be empty, {@code base}, {@code current} or any
     *     target; null or blank for every revision
     * @param verbose a block per revision (parents, children, labels, message, status) instead of one line
     * @return the lines, without line ends
     */
    public List<String> historyReport(@Nullable String range, boolean verbose) {
        if (!open.online(migrator)) {
            return report().history(range, verbose, Set.of());
        }
        Engine database = open.database(migrator);
        List<CurrentRevision> rows = rows(database);
        List<String> lines = new ArrayList<>(aheadLines(rows));
        lines.addAll(report(rows)
                .history(range, verbose, known(rows), database.reads().appliedRows(), database.skippedHere()));
        return lines;
    }

    /**
     * What {@code history} lists, as data: the revisions in {@code range}, newest first, and, with a database,
     * its version rows and the revisions it has applied.
     *
     * @param range as for {@link #historyReport(String, boolean)}
     */
    public HistoryRevisions historyRevisions(@Nullable String range) {
        if (!open.online(migrator)) {
            return new HistoryRevisions(report().historyIds(range, Set.of()), Set.of(), null, List.of(), List.of());
        }
        Engine database = open.database(migrator);
        Set<String> current = known(rows(database));
        List<String> ids = report().historyIds(range, current);
        return new HistoryRevisions(
                ids,
                current,
                reportedGraph().appliedRevisions(current),
                database.skippedHere().stream()
                        .filter(r -> r.revises().stream().anyMatch(ids::contains))
                        .toList(),
                pendingHere(database).stream().filter(p -> ids.contains(p.id())).toList());
    }

    /**
     * The revisions {@code history} lists, and how the database has them.
     *
     * @param ids the revisions in the range, newest first
     * @param current the database's version rows this build defines; empty without a database
     * @param applied the revisions the database has applied; null when no database was read
     * @param skipped the revisions this run leaves out for their contexts that the database has reached, each
     *     following a revision of the range; none without a database
     * @param pending the revisions of the range a guard left pending in their place (CONTINUE), which every upgrade
     *     retries; none without a database
     */
    public record HistoryRevisions(
            List<String> ids,
            Set<String> current,
            @Nullable Set<String> applied,
            List<RevisionInfo> skipped,
            List<PendingRevision> pending) {
        public HistoryRevisions {
            ids = List.copyOf(ids);
            current = Set.copyOf(current);
            applied = applied == null ? null : Set.copyOf(applied);
            skipped = List.copyOf(skipped);
            pending = List.copyOf(pending);
        }
    }

    /**
     * The lines {@code mvn migrate:current} prints: each version row as {@code <id> (head)}, or verbose a
     * block per row, as {@code history} shows it, with when, by whom and how long it was applied.
     *
     * @param verbose a block per current revision instead of one line
     * @return the lines, without line ends; empty when no revision is applied
     */
    public List<String> currentReport(boolean verbose) {
        return currentReading(verbose).lines();
    }

    /**
     * What {@code current} reports, its version rows and pending revisions read on one connection: the lines of
     * {@link #currentReport(boolean)} (of this tool's module, if scoped to one) and, as data, every version row
     * ({@link Migrator#current()}) and the revisions pending here ({@link #pendingHere()}).
     *
     * @param verbose a block per current revision instead of one line
     */
    public CurrentReading currentReading(boolean verbose) {
        Engine database = open.database(migrator);
        VersionReads.CurrentAndPending read = database.reads().currentAndPending();
        List<CurrentRevision> rows = inModule(read.current());
        Set<String> current = known(rows);
        List<String> lines = new ArrayList<>(
                verbose
                        ? report(rows).currentVerbose(current, database.reads().appliedRows())
                        : report(rows).current(current));
        lines.addAll(aheadLines(rows));
        for (RevisionInfo skipped : database.skippedHere()) {
            String contexts = String.join(", ", new java.util.TreeSet<>(skipped.contexts()));
            lines.add("Skipped here: " + skipped.id()
                    + (skipped.message().isEmpty() ? "" : " (" + skipped.message() + ")")
                    + ", which runs only in the context" + (skipped.contexts().size() == 1 ? " " : "s ") + contexts
                    + ": a run given " + (skipped.contexts().size() == 1 ? "it" : "one of them") + " applies it.");
        }
        List<PendingRevision> pending = pendingRevisions(database, read.pending());
        for (PendingRevision revision : pending) {
            lines.add("Pending here: " + revision.id()
                    + (revision.message().isEmpty() ? "" : " (" + revision.message() + ")") + ": " + revision.why()
                    + ".");
        }
        return new CurrentReading(read.current(), pending, lines);
    }

    /**
     * What {@code current} read and reports.
     *
     * @param current every version row, as {@link Migrator#current()} reads them
     * @param pending the revisions a guard left pending here, as {@link #pendingHere()} reads them
     * @param lines the report's lines, without line ends; empty when no revision is applied
     */
    public record CurrentReading(List<CurrentRevision> current, List<PendingRevision> pending, List<String> lines) {
        public CurrentReading {
            current = List.copyOf(current);
            pending = List.copyOf(pending);
            lines = List.copyOf(lines);
        }
    }

    /**
     * A revision a guard left pending in its place on the database (Liquibase's {@code CONTINUE}): its precondition
     * failed, its changes did not run, the revisions after it did, and every upgrade tries it again.
     *
     * @param id the revision
     * @param message its message
     * @param why {@code pending: precondition failed: ...; retried at every upgrade}
     */
    public record PendingRevision(String id, String message, String why) {}

    /**
     * The revisions a guard left pending in their place on the database, in chain order:
     * {@code MigratorTools.of(migrator).pendingHere()}. None when none is.
     */
    public List<PendingRevision> pendingHere() {
        return pendingHere(open.database(migrator));
    }

    private static List<PendingRevision> pendingHere(Engine database) {
        return pendingRevisions(database, database.reads().pending());
    }

    /** The pending revisions {@code pending} names (id to why), with their messages, in its order. */
    private static List<PendingRevision> pendingRevisions(Engine database, Map<String, String> pending) {
        List<PendingRevision> revisions = new ArrayList<>();
        pending.forEach((id, why) ->
                revisions.add(new PendingRevision(id, database.graph().get(id).message(), why)));
        return revisions;
    }

    /**
     * The lines {@code mvn migrate:heads} prints.
     *
     * @param verbose a block per head instead of one line
     * @return the lines, without line ends
     */
    public List<String> headsReport(boolean verbose) {
        return report().heads(verbose);
    }

    /**
     * The lines {@code mvn migrate:branches} prints, each branch point followed by the revisions that
     * branch from it.
     *
     * @return the lines, without line ends; empty when the graph has no branch
     */
    public List<String> branchesReport() {
        return report().branches();
    }

    /**
     * The lines {@code mvn migrate:show} prints for one revision.
     *
     * @param target a full id or unique prefix, {@code head} or {@code <label>@head}
     * @return the lines, without line ends
     */
    public List<String> showReport(RevisionTarget target) {
        return report().show(target);
    }

    /** Where the migrator keeps its bookkeeping: its schema, version and history tables. */
    public ChainTables tables() {
        Settings settings = open.engine(migrator).settings();
        return new ChainTables(settings.schema(), settings.versionTable(), settings.historyTable());
    }

    /**
     * Which module owns each table the chain creates, as its revisions create, hand over and take them; needs no
     * database, and runs no revision of a chain without modules.
     *
     * @throws MigrateException when a hand-over or a take does not hold, naming the revision and the fix
     */
    public TableOwners tableOwners() {
        return TableOwners.of(open.engine(migrator));
    }

    /** The validated revision graph of the migrator's migrations; needs no database. */
    public ChainGraph graph() {
        return new ChainGraph(open.engine(migrator).graph());
    }

    /**
     * The heads no branch label declares and the revisions that sort out of order, for {@code check}
     * and {@code verify}. Needs no database.
     *
     * @return the review of the migrator's graph
     */
    public BranchReview branchReview() {
        return BranchReview.of(open.engine(migrator).graph());
    }

    /**
     * What {@code migrate:rebase} would change to put {@code revision}'s branch on another head.
     * Needs no database.
     *
     * @param revision an id, unique prefix or label naming the first revision of the branch to move
     * @param onto the head to put it on, or null for the other of exactly two heads
     * @return the plan
     */
    public RebasePlan rebasePlan(String revision, @Nullable String onto) {
        return RebasePlan.of(open.engine(migrator).graph(), revision, onto);
    }

    /**
     * Every revision that is neither {@code revision} nor one of its ancestors: what was added after it.
     *
     * @param revision an id, unique prefix or label
     * @return the ids, in the graph's order
     */
    public List<String> addedAfter(String revision) {
        RevisionGraph graph = open.engine(migrator).graph();
        Set<String> before =
                graph.ancestorsOrSelf(List.of(graph.lookup(revision).id()));
        return graph.all().stream()
                .map(RevisionInfo::id)
                .filter(id -> !before.contains(id))
                .toList();
    }

    /**
     * The revisions the migrator's database has applied: its version rows and their ancestors.
     *
     * @return the ids
     */
    public Set<String> appliedRevisions() {
        Engine database = open.database(migrator);
        return database.graph()
                .appliedRevisions(database.reads().current().stream()
                        .map(CurrentRevision::id)
                        .collect(Collectors.toSet()));
    }

    /**
     * The version rows of the migrator's database as the graph names them (a squash's replaced
     * revisions as the squash), unknown revisions included: for a goal that says itself what such a
     * row means ({@code drift}).
     *
     * @return the rows; empty at base or when the version table does not exist
     */
    public Set<String> versionRows() {
        Engine database = open.database(migrator);
        return database.graph().canonical(database.reads().currentRows());
    }

    /**
     * The last {@code limit} steps of the migrator's history table, the newest first.
     *
     * @return the rows; none when the table does not exist yet
     */
    public List<HistoryRow> recentHistory(int limit) {
        return open.database(migrator).reads().recentHistory(limit);
    }

    /**
     * The server sessions holding the migrator's migration lock, described for messages: another run applying
     * migrations to its database now; empty when none is. Takes no lock.
     */
    public List<String> migrationLockHolders() {
        return open.database(migrator).migrationLockHolders();
    }

    /** Where the migrator's database is, for messages: host, port, database and user, never a password. */
    public String databaseDescription() {
        return open.database(migrator).databaseDescription();
    }

    private GraphReport report() {
        return new GraphReport(reportedGraph());
    }

    /** The report that marks the online revisions of {@code rows} in progress {@code (expand)}. */
    private GraphReport report(List<CurrentRevision> rows) {
        return new GraphReport(
                reportedGraph(),
                rows.stream()
                        .filter(CurrentRevision::inProgress)
                        .map(CurrentRevision::id)
                        .collect(Collectors.toSet()));
    }

    /** The rows this build defines; the others are there only under acceptFutureRevisions. */
    private static Set<String> known(List<CurrentRevision> rows) {
        return rows.stream()
                .filter(CurrentRevision::known)
                .map(CurrentRevision::id)
                .collect(Collectors.toSet());
    }

    private static List<String> aheadLines(List<CurrentRevision> rows) {
        return rows.stream()
                .filter(row -> !row.known())
                .map(CurrentRevision::toString)
                .toList();
    }
}
