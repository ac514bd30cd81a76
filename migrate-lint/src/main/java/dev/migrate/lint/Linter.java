package dev.migrate.lint;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.SuppressLint;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.op.QualifiedName;
import dev.migrate.sql.TypeSpelling;
import dev.migrate.tooling.StatementObserver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Watches a replay of migrations and applies the {@link LintRule rules} to what each statement of
 * the analysed ones did: it looks at the catalog, the session's locks and the transaction's scan
 * counters before and after every statement, on the run's own connection. Tables existing before a
 * migration get a few rows ({@link SampleRows}); tables the migration itself creates are new and
 * empty, so what it does to them is never a finding. A statement that fails on the rows' values is
 * run again once the tables are emptied and reported as {@link LintRule#FAILS_ON_ROWS}.
 */
final class Linter implements StatementObserver {
    /** How many rows each table gets once it exists. */
    static final int SAMPLE_ROWS = SampleRows.ROWS;

    /** SQLSTATE of a statement that cannot run inside a transaction block. */
    private static final String OUTSIDE_TRANSACTION_ONLY = "25001";

    private final Set<String> analysed;
    /** The database the migrations are headed for, whose rows a column type change is counted on; null: none. */
    private final @Nullable RowsRefusingType headedFor;

    private final Set<QualifiedName> ownTableNames;
    private final List<String> revisions = new ArrayList<>();
    private final List<ObservedStatement> statements = new ArrayList<>();
    private final List<LintFinding> findings = new ArrayList<>();
    /** Each analysed migration as it started, for what is judged after the replay. */
    private final Map<String, Observed> seen = new java.util.LinkedHashMap<>();
    /** The version and history tables, schema-qualified, once the first migration starts. */
    private Set<String> ownTables = Set.of();

    private @Nullable SampleRows sampleRows;
    private @Nullable String serverVersion;

    /** The analysed migration running now; null while one that is not analysed runs. */
    private @Nullable Observed current;

    private boolean lockTimeoutReported;
    /** The statements of the current migration that left other roles unable to read a table, judged when it ends. */
    private final List<LockedOut> lockedOut = new ArrayList<>();
    /**
     * The catalog after the last statement seen, the catalog before the next one; null when
     * something changed it unseen (a migration outside the analysed range, a statement run outside
     * a transaction).
     */
    private @Nullable CatalogSnapshot latest;
    /** Whether {@link #latest} was read in the transaction now open, so its locks and counters compare. */
    private boolean latestInTransaction;

    /**
     * @param analysed the revisions whose statements are analysed; the others only run
     * @param ownTables the version and history tables, left out of the analysis
     */
    Linter(Set<String> analysed, Set<QualifiedName> ownTables) {
        this(analysed, ownTables, null);
    }

    /** @param headedFor the database the migrations are headed for, whose rows a type change is measured on */
    Linter(Set<String> analysed, Set<QualifiedName> ownTables, @Nullable RowsRefusingType headedFor) {
        this.analysed = Set.copyOf(analysed);
        this.ownTableNames = Set.copyOf(ownTables);
        this.headedFor = headedFor;
    }

    /**
     * A statement that left a table with row-level security and no policy that lets a role read it;
     * a later statement of the same migration may still create one.
     */
    private record LockedOut(
            String sql, long table, @Nullable LockMode lock, String detail) {}

    /**
     * An analysed migration while it runs.
     *
     * @param accepted rule id (or {@code *} for all) to the reason the migration gives in {@code @SuppressLint}
     * @param atStart the catalog when it started
     */
    private record Observed(RevisionInfo revision, Map<String, String> accepted, CatalogSnapshot atStart) {}

    /**
     * Whether the statement at hand commits on its own (a {@code transactional = false} migration, an online
     * migration's expand): its locks are gone when it ends, not when a migration's transaction does.
     */
    private boolean commitsAlone;
    /** Whether the database replayed on has the {@code citus} extension; {@code null} until asked. */
    private @Nullable Boolean coordinator;

    /** The analysed migration whose statement is at hand: only statements of one are analysed ({@link #statement}). */
    private Observed observed() {
        return Objects.requireNonNull(current, "only a statement of an analysed migration is analysed");
    }

    /** What was seen, once the replay is over. */
    LintReport report() {
        return new LintReport(serverVersion, revisions, statements, findings);
    }

    @Override
    public void beforeStep(
            Connection connection, RevisionInfo revision, Class<? extends Migration> type, boolean inTransaction)
            throws SQLException {
        migrationEnded();
        SampleRows rows = sampleRows == null ? start(connection) : sampleRows;
        rows.fill(connection, inTransaction, latest);
        if (!analysed.contains(revision.id())) {
            current = null;
            latest = null; // an unobserved migration changes the catalog unseen
            return;
        }
        // since the last look rows were added, but no table changed shape; inside one transaction for
        // the whole run those rows' reads count as scans, so everything is read afresh
        CatalogSnapshot atStart = latest == null || inTransaction ? CatalogSnapshot.take(connection) : latest;
        current = new Observed(revision, accepted(type), atStart);
        seen.put(revision.id(), current);
        latest = atStart;
        latestInTransaction = inTransaction;
        lockTimeoutReported = false;
        revisions.add(revision.id());
    }

    /**
     * Judges what only the end of the current migration decides: a table left for the table's owner
     * alone to read. Called when the next migration starts, and once the last one is done.
     */
    void migrationEnded() {
        for (LockedOut out : lockedOut) {
            CatalogSnapshot.Relation table = latest == null ? null : latest.relations.get(out.table());
            if (table != null && !table.readableByOthers()) {
                new Finder(out.sql(), table.qualified(), out.lock())
                        .add(LintRule.ROW_SECURITY_WITHOUT_POLICY, false, false, out.detail());
            }
        }
        lockedOut.clear();
    }

    /** Names each analysed revision of {@code ids}: imported with no undo, its downgrade throws. */
    void withoutDowngrade(java.util.Set<String> ids) {
        for (Observed migration : seen.values()) {
            if (ids.contains(migration.revision().id())) {
                LintRule rule = LintRule.NO_DOWNGRADE;
                findings.add(new LintFinding(
                        migration.revision().id(),
                        migration.revision().message(),
                        "",
                        "",
                        null,
                        false,
                        false,
                        rule,
                        "its downgrade throws: the old tool had no undo for it",
                        migration
                                .accepted()
                                .getOrDefault(rule.id(), migration.accepted().get("*"))));
            }
        }
    }

    /** The contract of an online revision the replay goes past: not judged; the catalog is read afresh after it. */
    @Override
    public void outside(Connection connection, StatementObserver.Execution work) throws SQLException {
        work.run();
        latest = null;
    }

    @Override
    public void statement(Connection connection, String sql, StatementObserver.Execution statement)
            throws SQLException {
        if (current == null) {
            statement.run();
            return;
        }
        if (onCoordinator(connection)) {
            for (CitusRefusal refusal : CitusRefusal.of(connection, sql)) {
                new Finder(sql, refusal.table(), null).add(LintRule.CITUS_REFUSES, false, false, refusal.detail());
            }
        }
        try {
            observe(connection, sql, statement);
        } catch (SQLException e) {
            // the run stops here; the report says where, so that failOn can weigh it like any finding
            reportStop(sql, e);
            throw e;
        }
    }

    /** Whether the database replayed on is a Citus coordinator, asked once. */
    private boolean onCoordinator(Connection connection) throws SQLException {
        if (coordinator == null) {
            try (var s = connection.createStatement();
                    var rs = s.executeQuery("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus'")) {
                coordinator = rs.next();
            }
        }
        return coordinator;
    }

    private void observe(Connection connection, String sql, StatementObserver.Execution statement) throws SQLException {
        commitsAlone = connection.getAutoCommit();
        if (!commitsAlone) {
            // nothing runs between two statements of a transaction: the last look is this one's before;
            // the first statement of a transaction reads the scan counters inside it
            // a catalog changed unseen (latest null) is read afresh
            CatalogSnapshot last = latest;
            CatalogSnapshot before = last == null
                    ? CatalogSnapshot.take(connection)
                    : latestInTransaction ? last : last.atTransactionStart(connection);
            RowFailure failure = runOnRows(connection, statement, before);
            if (failure != null) {
                before = failure.emptied();
            }
            latest = CatalogSnapshot.after(connection, before);
            latestInTransaction = true;
            analyse(sql, before, latest, true, failure);
            return;
        }
        // outside a transaction, locks are gone when the statement ends: run it in a transaction of
        // its own to see them, unless it refuses to run in one (CREATE INDEX CONCURRENTLY)
        connection.setAutoCommit(false);
        CatalogSnapshot before = CatalogSnapshot.take(connection);
        CatalogSnapshot after;
        RowFailure failure = null;
        boolean inTransaction = true;
        try {
            failure = runOnRows(connection, statement, before);
            if (failure != null) {
                before = failure.emptied();
            }
            after = CatalogSnapshot.take(connection);
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            connection.rollback();
            connection.setAutoCommit(true);
            if (!OUTSIDE_TRANSACTION_ONLY.equals(e.getSQLState())) {
                throw e;
            }
            statement.run();
            after = CatalogSnapshot.take(connection);
            inTransaction = false;
        }
        latest = after;
        latestInTransaction = false;
        analyse(sql, before, after, inTransaction, failure);
    }

    /**
     * What a statement did that failed on the rows of existing tables and ran once they were emptied.
     *
     * @param error the failure on the rows
     * @param emptied the catalog once the rows were deleted, the statement's before
     */
    private record RowFailure(SQLException error, CatalogSnapshot emptied) {}

    /**
     * Runs the statement in the open transaction. When it fails on data (SQLSTATE class 22 or 23), the
     * rows may be to blame, sample rows whose values the lint chose: the statement is run again from a
     * savepoint once the existing tables are emptied. It fails for good when it fails on empty tables
     * too, or when the column it names is one it adds, which no existing row can satisfy.
     */
    private @Nullable RowFailure runOnRows(
            Connection connection, StatementObserver.Execution statement, CatalogSnapshot before) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SAVEPOINT migrate_lint_statement");
            try {
                statement.run();
                s.execute("RELEASE SAVEPOINT migrate_lint_statement");
                return null;
            } catch (SQLException e) {
                if (!isDataError(e) || addsFailingColumn(e, before)) {
                    throw e;
                }
                s.execute("ROLLBACK TO SAVEPOINT migrate_lint_statement");
                Objects.requireNonNull(sampleRows, "made when the first migration started")
                        .empty(connection, before);
                CatalogSnapshot emptied = CatalogSnapshot.take(connection);
                try {
                    statement.run();
                } catch (SQLException again) {
                    again.addSuppressed(e);
                    throw again;
                }
                s.execute("RELEASE SAVEPOINT migrate_lint_statement");
                return new RowFailure(e, emptied);
            }
        }
    }

    private static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** Whether the failure names a column that did not exist before the statement: a new NOT NULL column, say. */
    private static boolean addsFailingColumn(SQLException e, CatalogSnapshot before) {
        if (!(e instanceof PSQLException p) || p.getServerErrorMessage() == null) {
            return false;
        }
        ServerErrorMessage m = p.getServerErrorMessage();
        if (m.getColumn() == null || m.getTable() == null) {
            return false;
        }
        return before.relations.values().stream()
                .filter(r -> r.isTable()
                        && r.name().equals(m.getTable())
                        && r.schema().equals(m.getSchema()))
                .anyMatch(r -> before.columns(r.oid()).values().stream()
                        .noneMatch(c -> c.name().equals(m.getColumn())));
    }

    /** Reads what the lint needs of the server and makes the sample rows, when the first migration starts. */
    private SampleRows start(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_schema(), current_setting('server_version')")) {
            rs.next();
            String defaultSchema = rs.getString(1);
            serverVersion = rs.getString(2).replaceAll(" .*", "");
            ownTables = ownTableNames.stream()
                    .map(t -> (t.schema() == null ? defaultSchema : t.schema()) + "." + t.name())
                    .collect(Collectors.toUnmodifiableSet());
        }
        sampleRows = new SampleRows(ownTables);
        return sampleRows;
    }

    /** Rule id (or {@code *} for all) to the reason the migration gives in {@code @SuppressLint}. */
    private static Map<String, String> accepted(Class<? extends Migration> type) {
        SuppressLint suppress = type.getAnnotation(SuppressLint.class);
        if (suppress == null) {
            return Map.of();
        }
        String where = "The @SuppressLint of " + type.getName();
        if (suppress.reason().isBlank()) {
            throw new MigrateException(where + " gives no reason. Say why the finding is acceptable here, for "
                    + "the reviewer: @SuppressLint(rules = \"...\", reason = \"...\").");
        }
        Map<String, String> accepted = new HashMap<>();
        if (suppress.rules().length == 0) {
            accepted.put("*", suppress.reason());
        }
        for (String id : suppress.rules()) {
            if (LintRule.byId(id).isEmpty()) {
                throw new MigrateException(where + " names the rule '" + id + "', which does not exist. The rules are: "
                        + Arrays.stream(LintRule.values()).map(LintRule::id).collect(Collectors.joining(", ")) + ".");
            }
            accepted.put(id, suppress.reason());
        }
        return accepted;
    }

    private void analyse(
            String sql,
            CatalogSnapshot before,
            CatalogSnapshot after,
            boolean inTransaction,
            @Nullable RowFailure failure) {
        List<String> created = new ArrayList<>();
        List<String> locks = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        for (CatalogSnapshot.Relation relation : after.relations.values()) {
            if (!relation.isTable() || ownTables.contains(relation.qualified())) {
                continue;
            }
            CatalogSnapshot.Relation was = before.relations.get(relation.oid());
            if (was == null) {
                created.add(relation.qualified());
            }
            if (!observed().atStart().relations.containsKey(relation.oid())) {
                continue; // what a migration does to its own new tables locks out nobody
            }
            LockMode mode = after.strongestLockTakenSince(before, relation.oid());
            if (mode != null) {
                locks.add(relation.qualified() + ": " + mode);
            }
            if (rewrote(before, after, relation.oid())) {
                rewritten.add(relation.qualified());
            }
            if (relation.seqScans() > before.seqScans(relation.oid())) {
                scanned.add(relation.qualified());
            }
        }
        statements.add(new ObservedStatement(
                observed().revision().id(), sql, created, locks, rewritten, scanned, inTransaction));
        if (failure != null) {
            reportFailure(sql, failure, before, after);
        }
        CitusCall citus = CitusCall.of(sql);
        if (citus != null) {
            // Citus copies the rows, and replaces the table to undistribute it: that copy is the cost, said once
            analyseDistribution(sql, citus, before, after);
            return;
        }
        // a statement changes, scans or drops only tables it locks, and its locks last as long as its transaction;
        // outside a transaction (VACUUM FULL) they are gone when it ends, but a rewrite still shows
        Map<Long, List<CatalogSnapshot.Relation>> newIndexes = after.relations.values().stream()
                .filter(r -> r.isIndex() && !before.relations.containsKey(r.oid()))
                .collect(Collectors.groupingBy(CatalogSnapshot.Relation::table));
        for (CatalogSnapshot.Relation table : observed().atStart().relations.values()) {
            if (table.isTable()
                    && !ownTables.contains(table.qualified())
                    && (after.strongestLocks.containsKey(table.oid())
                            || !after.relations.containsKey(table.oid())
                            || rewrote(before, after, table.oid()))) {
                analyseTable(
                        table.oid(),
                        sql,
                        before,
                        after,
                        newIndexes.getOrDefault(table.oid(), List.of()),
                        inTransaction);
            }
        }
        for (CatalogSnapshot.Relation view : observed().atStart().relations.values()) {
            if (view.isMaterializedView() && rewrote(before, after, view.oid())) {
                analyseRefresh(sql, view, after);
            }
        }
    }

    /** Each table that existed before the migration and that a call of Citus spreads over the cluster or takes back. */
    private void analyseDistribution(String sql, CitusCall call, CatalogSnapshot before, CatalogSnapshot after) {
        for (CatalogSnapshot.Relation table : observed().atStart().relations.values()) {
            if (table.isTable()
                    && !ownTables.contains(table.qualified())
                    && call.concerns(table.schema(), table.name())) {
                new Finder(sql, table.qualified(), after.strongestLockTakenSince(before, table.oid()))
                        .add(LintRule.DISTRIBUTION_COPIES_ROWS, false, true, call.cost());
            }
        }
    }

    /**
     * A materialized view that existed before the migration got a new file: refreshed without
     * {@code CONCURRENTLY} (which fills the view's own file), or rewritten otherwise, under
     * AccessExclusiveLock.
     */
    private void analyseRefresh(String sql, CatalogSnapshot.Relation view, CatalogSnapshot after) {
        boolean refresh = sql.stripLeading().regionMatches(true, 0, "REFRESH", 0, "REFRESH".length());
        boolean uniqueIndex = after.relations.values().stream()
                .anyMatch(i -> i.isIndex()
                        && i.table() == view.oid()
                        && i.definition().startsWith("CREATE UNIQUE INDEX")
                        && !i.definition().contains(" WHERE "));
        new Finder(sql, view.qualified(), after.strongestLocks.get(view.oid()))
                .add(
                        LintRule.REFRESH_NOT_CONCURRENT,
                        true,
                        false,
                        (refresh ? "refreshes" : "rewrites") + " materialized view " + view.qualified()
                                + (uniqueIndex
                                        ? ""
                                        : ", which has no unique index: create one before refreshing it"
                                                + " CONCURRENTLY"));
    }

    /**
     * A statement that failed on the rows of existing tables, said of the table the server named, or
     * else of the first one it locked.
     */
    private void reportFailure(String sql, RowFailure failure, CatalogSnapshot before, CatalogSnapshot after) {
        ServerErrorMessage server = failure.error() instanceof PSQLException p ? p.getServerErrorMessage() : null;
        CatalogSnapshot.Relation table = after.relations.values().stream()
                .filter(r -> r.isTable()
                        && server != null
                        && r.name().equals(server.getTable())
                        && r.schema().equals(server.getSchema()))
                .findFirst()
                .or(() -> after.relations.values().stream()
                        .filter(r -> r.isTable()
                                && observed().atStart().relations.containsKey(r.oid())
                                && after.strongestLockTakenSince(before, r.oid()) != null)
                        .findFirst())
                .orElse(null);
        String error = server != null && server.getMessage() != null
                ? server.getMessage()
                : String.valueOf(failure.error().getMessage())
                        .lines()
                        .findFirst()
                        .orElse("");
        new Finder(
                        sql,
                        table == null ? "(no table seen)" : table.qualified(),
                        table == null ? null : after.strongestLocks.get(table.oid()))
                .add(
                        LintRule.FAILS_ON_ROWS,
                        false,
                        false,
                        "fails on the lint's sample rows (" + error + ") and runs once the tables are emptied");
    }

    /** A statement of an analysed migration that failed for good, said of the table the server named. */
    private void reportStop(String sql, SQLException error) {
        ServerErrorMessage server = error instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String table = server != null && server.getTable() != null
                ? server.getSchema() + "." + server.getTable()
                : "(no table named)";
        String message = server != null && server.getMessage() != null
                ? server.getMessage()
                : String.valueOf(error.getMessage()).lines().findFirst().orElse("");
        new Finder(sql, table, null)
                .add(
                        LintRule.MIGRATION_FAILS,
                        false,
                        false,
                        "fails (" + message + "): the lint stopped here, and the migrations after it were not"
                                + " analysed");
    }

    /** Whether the relation's file changed between the two looks: a rewrite. */
    private static boolean rewrote(CatalogSnapshot before, CatalogSnapshot after, long oid) {
        CatalogSnapshot.Relation was = before.relations.get(oid);
        CatalogSnapshot.Relation now = after.relations.get(oid);
        return was != null && now != null && was.fileNode() != now.fileNode() && now.fileNode() != 0;
    }

    /** The rules, for one table that existed when the migration started. */
    private void analyseTable(
            long oid,
            String sql,
            CatalogSnapshot before,
            CatalogSnapshot after,
            List<CatalogSnapshot.Relation> newIndexes,
            boolean inTransaction) {
        CatalogSnapshot.Relation was = before.relations.get(oid);
        if (was == null) {
            return; // dropped by an earlier statement of the migration
        }
        CatalogSnapshot.Relation now = after.relations.get(oid);
        LockMode lock = after.strongestLocks.get(oid);
        Finder finder = new Finder(sql, was.qualified(), lock);
        if (now == null) {
            finder.add(LintRule.BACKWARD_INCOMPATIBLE, false, false, "drops table " + was.qualified());
            return;
        }
        if (!now.qualified().equals(was.qualified())) {
            finder.add(
                    LintRule.BACKWARD_INCOMPATIBLE,
                    false,
                    false,
                    "renames table " + was.qualified() + " to " + now.qualified());
        }
        if (was.readableByOthers() && !now.readableByOthers()) {
            lockedOut.add(new LockedOut(
                    sql,
                    oid,
                    lock,
                    was.rowSecurity()
                            ? "drops the last policy that lets a role read " + was.qualified()
                                    + ", and the migration creates none"
                            : "enables row level security on " + was.qualified()
                                    + ", and the migration creates no policy that lets a role read it"));
        }
        if (!commitsAlone) {
            // a statement that commits alone holds the trigger's lock only while it runs
            analyseTriggers(finder, before.triggers(oid), after.triggers(oid));
        }
        Map<Integer, CatalogSnapshot.Column> columnsBefore = before.columns(oid);
        Map<Integer, CatalogSnapshot.Column> columnsAfter = after.columns(oid);
        for (Integer number : observed().atStart().columns(oid).keySet()) {
            CatalogSnapshot.Column column = columnsBefore.get(number);
            CatalogSnapshot.Column changed = columnsAfter.get(number);
            if (column == null) {
                continue;
            }
            if (changed == null) {
                finder.add(LintRule.BACKWARD_INCOMPATIBLE, false, false, "drops column " + column.name());
            } else if (!changed.name().equals(column.name())) {
                finder.add(
                        LintRule.BACKWARD_INCOMPATIBLE,
                        false,
                        false,
                        "renames column " + column.name() + " to " + changed.name());
            }
        }
        boolean rewrite = rewrote(before, after, oid);
        boolean scan = now.seqScans() > was.seqScans() && lock != null && lock.blocksWrites();
        if (headedFor != null) {
            for (Map.Entry<Integer, CatalogSnapshot.Column> column : columnsAfter.entrySet()) {
                CatalogSnapshot.Column old = columnsBefore.get(column.getKey());
                if (old != null
                        && !old.type().equals(column.getValue().type())
                        && observed().atStart().columns(oid).containsKey(column.getKey())) {
                    headedFor
                            .measure(
                                    now.schema(),
                                    now.name(),
                                    old.name(),
                                    column.getValue().type())
                            .ifPresent(detail -> finder.add(LintRule.ROWS_REFUSE_TYPE, false, false, detail));
                }
            }
        }
        if (rewrite) {
            List<String> added = columnsAfter.entrySet().stream()
                    .filter(c -> !columnsBefore.containsKey(c.getKey()))
                    .map(c -> c.getValue().name())
                    .toList();
            List<String> retyped = new ArrayList<>();
            columnsAfter.forEach((number, column) -> {
                CatalogSnapshot.Column old = columnsBefore.get(number);
                if (old != null && !old.type().equals(column.type())) {
                    retyped.add(column.name() + " from " + TypeSpelling.written(old.type()) + " to "
                            + TypeSpelling.written(column.type()));
                }
            });
            if (!added.isEmpty()) {
                finder.add(LintRule.ADD_COLUMN_REWRITE, true, scan, "adds column " + String.join(", ", added));
            } else if (!retyped.isEmpty()) {
                finder.add(
                        LintRule.TYPE_CHANGE_REWRITE, true, scan, "changes the type of " + String.join(", ", retyped));
            } else {
                finder.add(LintRule.TABLE_REWRITE, true, scan, "rewrites " + was.qualified());
            }
        } else {
            for (CatalogSnapshot.Constraint constraint : after.constraints.values()) {
                if (constraint.table() != oid
                        || (constraint.type() != 'c' && constraint.type() != 'f')
                        || !constraint.validated()) {
                    continue;
                }
                CatalogSnapshot.Constraint earlier = before.constraints.get(constraint.oid());
                String kind = constraint.type() == 'f' ? "foreign key " : "check ";
                if (earlier == null) {
                    // a column's type change adds its constraints again, which its rows satisfy already
                    if (!after.recreated(constraint, before)) {
                        finder.add(
                                LintRule.CONSTRAINT_WITHOUT_NOT_VALID, false, scan, "adds " + kind + constraint.name());
                    }
                } else if (!earlier.validated() && lock != null && lock.blocksWrites()) {
                    finder.add(
                            LintRule.CONSTRAINT_WITHOUT_NOT_VALID,
                            false,
                            scan,
                            "validates " + kind + constraint.name() + " in the transaction that holds " + lock
                                    + " on the table");
                }
            }
            if (scan) {
                for (Map.Entry<Integer, CatalogSnapshot.Column> column : columnsAfter.entrySet()) {
                    CatalogSnapshot.Column earlier = columnsBefore.get(column.getKey());
                    if (earlier != null
                            && !earlier.notNull()
                            && column.getValue().notNull()
                            && observed().atStart().columns(oid).containsKey(column.getKey())) {
                        finder.add(LintRule.SET_NOT_NULL_SCAN, false, true, "sets NOT NULL on " + earlier.name());
                    }
                }
            }
            // outside a transaction, an index is built or rebuilt CONCURRENTLY: the safe form
            for (CatalogSnapshot.Relation index : inTransaction ? newIndexes : List.<CatalogSnapshot.Relation>of()) {
                CatalogSnapshot.Relation replaced = after.recreated(index, before);
                if (replaced != null) {
                    // a column's type change builds its indexes again; with the old file, nothing was built
                    if (replaced.fileNode() != index.fileNode()) {
                        finder.add(LintRule.INDEX_REWRITE, false, scan, "rebuilds index " + index.name());
                    }
                    continue;
                }
                CatalogSnapshot.Constraint owner = after.constraints.values().stream()
                        .filter(c -> c.index() == index.oid() && !before.constraints.containsKey(c.oid()))
                        .findFirst()
                        .orElse(null);
                if (owner != null) {
                    finder.add(
                            LintRule.UNIQUE_NOT_FROM_INDEX,
                            false,
                            scan,
                            "adds constraint " + owner.name() + ", building index " + index.name());
                } else {
                    finder.add(LintRule.INDEX_NOT_CONCURRENT, false, scan, "creates index " + index.name());
                }
            }
            for (CatalogSnapshot.Relation index : after.relations.values()) {
                if (inTransaction && index.isIndex() && index.table() == oid && rewrote(before, after, index.oid())) {
                    finder.add(LintRule.INDEX_REWRITE, false, scan, "rebuilds index " + index.name());
                }
            }
        }
        if (!lockTimeoutReported
                && inTransaction
                && lock != null
                && lock.blocksWrites()
                && after.strongestLockTakenSince(before, oid) != null
                && "0".equals(after.lockTimeout)) {
            lockTimeoutReported = true;
            finder.add(LintRule.MISSING_LOCK_TIMEOUT, rewrite, scan, "no lock_timeout while it waits for " + lock);
        }
    }

    /** The triggers of one table that a statement created, replaced, renamed, dropped, enabled or disabled. */
    private static void analyseTriggers(
            Finder finder, Map<Long, CatalogSnapshot.Trigger> before, Map<Long, CatalogSnapshot.Trigger> after) {
        Set<String> namesBefore =
                before.values().stream().map(CatalogSnapshot.Trigger::name).collect(Collectors.toSet());
        Set<String> namesAfter =
                after.values().stream().map(CatalogSnapshot.Trigger::name).collect(Collectors.toSet());
        for (CatalogSnapshot.Trigger trigger : after.values()) {
            CatalogSnapshot.Trigger was = before.get(trigger.oid());
            String change;
            if (was == null) {
                // CREATE OR REPLACE TRIGGER: one trigger of that name before and after
                change = (namesBefore.contains(trigger.name()) ? "replaces trigger " : "creates trigger ")
                        + trigger.name();
            } else if (!was.name().equals(trigger.name())) {
                change = "renames trigger " + was.name() + " to " + trigger.name();
            } else if (!was.definition().equals(trigger.definition())) {
                change = "replaces trigger " + trigger.name();
            } else if (was.enabled() != trigger.enabled()) {
                change = (trigger.enabled() == 'D' ? "disables trigger " : "enables trigger ") + trigger.name();
            } else {
                continue;
            }
            finder.add(LintRule.TRIGGER_BLOCKS_WRITES, false, false, change);
        }
        for (CatalogSnapshot.Trigger trigger : before.values()) {
            if (!after.containsKey(trigger.oid()) && !namesAfter.contains(trigger.name())) {
                finder.add(LintRule.TRIGGER_BLOCKS_WRITES, false, false, "drops trigger " + trigger.name());
            }
        }
    }

    /** Adds the findings of one statement on one table. */
    private final class Finder {
        private final String sql;
        private final String table;
        private final @Nullable LockMode lock;

        Finder(String sql, String table, @Nullable LockMode lock) {
            this.sql = sql;
            this.table = table;
            this.lock = lock;
        }

        void add(LintRule rule, boolean rewrite, boolean scan, String detail) {
            Observed migration = observed();
            String reason = migration
                    .accepted()
                    .getOrDefault(rule.id(), migration.accepted().get("*"));
            findings.add(new LintFinding(
                    migration.revision().id(),
                    migration.revision().message(),
                    sql,
                    table,
                    lock == null ? null : lock.name(),
                    rewrite,
                    scan,
                    rule,
                    detail,
                    reason));
        }
    }
}
