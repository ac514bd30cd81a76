package dev.migrate.internal.runtime.history;

import static dev.migrate.sql.Identifiers.quote;
import static dev.migrate.sql.Literals.string;

import dev.migrate.HistoryRow;
import dev.migrate.internal.consent.Consent;
import dev.migrate.internal.graph.AppliedRow;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.StampPlan;
import dev.migrate.internal.graph.Step;
import dev.migrate.op.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The version table (one row per current head) and the history table (one row per applied step):
 * their DDL, what is read from them, and the statements that keep them up to date.
 */
public final class VersionTables {
    /**
     * The history direction of a revision recorded as applied without running its changes: its guard marked it
     * ran, or the tool it moved in from had ({@code EXECTYPE} {@code MARK_RAN} or {@code SKIPPED}). Its downgrade
     * does not run either. A direction of its own, not words in the message, so the runner can rely on it.
     */
    public static final String MARKED = "marked";

    /**
     * The history direction of a revision whose guard said CONTINUE (Liquibase's {@code onFail}/{@code onError}):
     * the version rows moved past it, its changes did not run, and every later upgrade tries it again. A row of
     * its own, like {@value #MARKED}, so a table created before it needs no new column.
     */
    public static final String PENDING = "pending";

    /**
     * The directions of history rows that apply a revision, and the row that left one {@value #PENDING} in its
     * place; the latest of them says how it was applied.
     */
    private static final String APPLYING_OR_PENDING = "('upgrade', 'marked', 'stamp', 'imported', 'pending')";

    private final String schema;
    private final QualifiedName version;
    private final QualifiedName history;
    /** The quoted names, once: every step's bookkeeping names both tables. */
    private final String quotedVersion;

    private final String quotedHistory;
    /** The version rows as the run reads them ({@link RunContexts#rowsOfRun}): its contexts' view of the table. */
    private final UnaryOperator<Set<String>> rowsOfRun;
    /** Who the history rows say ran the step: the role, and the coding agent when one ran the command. */
    private final String appliedBy;

    public VersionTables(String schema, String versionTable, String historyTable) {
        this(schema, versionTable, historyTable, UnaryOperator.identity(), "current_user");
    }

    /** @param appliedBy the SQL of the history rows' {@code applied_by}: {@link Consent#appliedBy()} */
    public VersionTables(String schema, String versionTable, String historyTable, String appliedBy) {
        this(schema, versionTable, historyTable, UnaryOperator.identity(), appliedBy);
    }

    private VersionTables(
            String schema,
            String versionTable,
            String historyTable,
            UnaryOperator<Set<String>> rowsOfRun,
            String appliedBy) {
        this.appliedBy = appliedBy;
        this.schema = schema;
        this.version = QualifiedName.of(schema, versionTable);
        this.history = QualifiedName.of(schema, historyTable);
        this.quotedVersion = quote(version);
        this.quotedHistory = quote(history);
        this.rowsOfRun = rowsOfRun;
    }

    /**
     * The same tables, read by a run in {@code contexts}: the rows of revisions limited to contexts it is not given
     * are not the run's, and stand for the nearest revisions below them that it has.
     */
    public VersionTables readIn(RunContexts contexts) {
        return new VersionTables(schema, version.name(), history.name(), contexts::rowsOfRun, appliedBy);
    }

    /** The revisions whose latest history row records them skipped for their contexts (none applied them since). */
    Set<String> readSkipped(Connection c) throws SQLException {
        Set<String> skipped = new LinkedHashSet<>();
        if (!exists(c, quotedHistory)) {
            return skipped;
        }
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT revision FROM (SELECT DISTINCT ON (revision) revision, direction FROM "
                                + quotedHistory + " ORDER BY revision, id DESC) latest WHERE direction = 'skipped'")) {
            while (rs.next()) {
                skipped.add(rs.getString(1));
            }
        }
        return skipped;
    }

    /** Records that a run skipped {@code revision} for its contexts. */
    void recordSkipped(Connection c, String revision, String message) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(historyRow(revision, "skipped", message, null, "NULL"));
        }
    }

    public QualifiedName versionTable() {
        return version;
    }

    public QualifiedName historyTable() {
        return history;
    }

    public List<String> createStatements() {
        List<String> sql = new ArrayList<>();
        if (!"public".equals(schema)) {
            sql.add("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        }
        sql.add("CREATE TABLE IF NOT EXISTS " + quote(version) + " (\n"
                + "    version_num varchar(64) NOT NULL PRIMARY KEY\n"
                + ")");
        sql.add("CREATE TABLE IF NOT EXISTS " + quote(history) + " (\n"
                + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                + "    revision varchar(64) NOT NULL,\n"
                + "    direction varchar(10) NOT NULL,\n"
                + "    message text,\n"
                + "    checksum varchar(64),\n"
                + "    applied_by text NOT NULL DEFAULT current_user,\n"
                + "    applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),\n"
                + "    duration_ms bigint\n"
                + ")");
        return sql;
    }

    /** Whether the relation {@code quotedName} names exists (as {@code to_regclass} resolves it). */
    public static boolean exists(Connection c, String quotedName) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, quotedName);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Whether the history table exists. */
    boolean historyTableExists(Connection c) throws SQLException {
        return exists(c, quotedHistory);
    }

    /** Whether the version table exists: a database without it was never migrated by migrate. */
    public boolean versionTableExists(Connection c) throws SQLException {
        return exists(c, quotedVersion);
    }

    /** The version rows as the run reads them ({@link #readIn}); empty when the table does not exist yet. */
    Set<String> readVersions(Connection c) throws SQLException {
        return rowsOfRun.apply(readTableRows(c));
    }

    /** The version rows as the table holds them, whatever the run's contexts; empty when it does not exist yet. */
    Set<String> readTableRows(Connection c) throws SQLException {
        Set<String> rows = new LinkedHashSet<>();
        if (!exists(c, quotedVersion)) {
            return rows;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version_num FROM " + quote(version) + " ORDER BY version_num")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** The checksum stored with each revision's latest upgrade; empty when the table does not exist yet. */
    Map<String, String> readChecksums(Connection c) throws SQLException {
        Map<String, String> checksums = new HashMap<>();
        if (!exists(c, quotedHistory)) {
            return checksums;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT ON (revision) revision, checksum FROM " + quote(history)
                        + " WHERE direction IN ('upgrade', 'marked', 'imported') ORDER BY revision, id DESC")) {
            while (rs.next()) {
                if (rs.getString(2) != null) {
                    checksums.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return checksums;
    }

    /**
     * The latest row that applied each revision, an upgrade or a stamp; empty when the table does not
     * exist yet. A revision upgraded, downgraded and upgraded again shows its last upgrade.
     */
    Map<String, AppliedRow> readApplied(Connection c) throws SQLException {
        Map<String, AppliedRow> rows = new HashMap<>();
        if (!exists(c, quotedHistory)) {
            return rows;
        }
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT DISTINCT ON (revision) revision, direction, applied_at, applied_by,"
                                + " duration_ms, message FROM " + quote(history)
                                + " WHERE direction IN " + APPLYING_OR_PENDING
                                + " ORDER BY revision, id DESC")) {
            while (rs.next()) {
                long millis = rs.getLong(5);
                Duration duration = rs.wasNull() ? null : Duration.ofMillis(millis);
                rows.put(
                        rs.getString(1),
                        new AppliedRow(
                                rs.getString(1),
                                "stamp".equals(rs.getString(2)),
                                MARKED.equals(rs.getString(2)),
                                rs.getObject(3, OffsetDateTime.class).toInstant(),
                                rs.getString(4),
                                duration,
                                PENDING.equals(rs.getString(2)) ? pendingNote(rs.getString(6)) : null));
            }
        }
        return rows;
    }

    /**
     * The revisions left {@value #PENDING} by a guard that said CONTINUE, and not applied, marked ran or downgraded
     * since, each with why ({@code precondition failed: ...}), in no order; none when the table does not exist yet.
     */
    Map<String, String> readPending(Connection c) throws SQLException {
        Map<String, String> pending = new HashMap<>();
        if (!exists(c, quotedHistory)) {
            return pending;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT revision, message FROM (SELECT DISTINCT ON (revision) revision,"
                        + " direction, message FROM " + quotedHistory + " WHERE direction IN " + APPLYING_OR_PENDING
                        + " OR direction = 'downgrade' ORDER BY revision, id DESC) latest WHERE direction = '"
                        + PENDING + "'")) {
            while (rs.next()) {
                pending.put(rs.getString(1), pendingNote(rs.getString(2)));
            }
        }
        return pending;
    }

    /** What a {@value #PENDING} row's message says after the revision's own: its {@link #bookkeepingPending} note. */
    private static String pendingNote(@Nullable String message) {
        String text = message == null ? "" : message;
        int at = text.lastIndexOf(" (" + PENDING + ": ");
        return at < 0 ? text : text.substring(at + 2, text.length() - (text.endsWith(")") ? 1 : 0));
    }

    /** The last {@code limit} rows of the history table, the newest first; none when it does not exist. */
    List<HistoryRow> readRecent(Connection c, int limit) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        if (!exists(c, quotedHistory)) {
            return rows;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id, revision, direction, message, applied_by, applied_at,"
                + " duration_ms FROM " + quote(history) + " ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long millis = rs.getLong(7);
                    rows.add(new HistoryRow(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant(),
                            rs.wasNull() ? null : millis));
                }
            }
        }
        return rows;
    }

    /** Moves the version rows as the step says and records the step in the history. */
    public List<String> bookkeeping(Step step, @Nullable String checksum, @Nullable Long durationMillis) {
        return bookkeeping(step, checksum, durationMillis == null ? "NULL" : durationMillis.toString());
    }

    /**
     * The bookkeeping of a step that ran none of its statements, {@code note} after the revision's message in its
     * history row: an upgrade its guard marked ran is recorded {@value #MARKED} and says why ({@code create person
     * (marked ran: precondition failed: ...)}); the downgrade of a revision marked ran says its downgrade was not
     * run.
     */
    public List<String> bookkeepingRanNothing(
            Step step, @Nullable String checksum, @Nullable Long durationMillis, String note) {
        List<String> sql = new ArrayList<>(deleteAndInsert(step.deleteVersions(), step.insertVersions()));
        sql.add(historyRow(
                step.revision().id(),
                step.direction() == Direction.UPGRADE ? MARKED : "downgrade",
                step.revision().message() + " (" + note + ")",
                checksum,
                durationMillis == null ? "NULL" : durationMillis.toString()));
        return sql;
    }

    /**
     * The bookkeeping of an upgrade whose guard said CONTINUE: the version rows move past it, so the revisions after
     * it run, and its history row is {@value #PENDING}, saying why ({@code create person (pending: precondition
     * failed: ...; retried at every upgrade)}).
     */
    public List<String> bookkeepingPending(
            Step step, @Nullable String checksum, @Nullable Long durationMillis, String why) {
        List<String> sql = new ArrayList<>(deleteAndInsert(step.deleteVersions(), step.insertVersions()));
        sql.add(historyRow(
                step.revision().id(),
                PENDING,
                step.revision().message() + " (" + PENDING + ": " + why + "; retried at every upgrade)",
                checksum,
                durationMillis == null ? "NULL" : durationMillis.toString()));
        return sql;
    }

    /**
     * A query of one value: the direction of the latest row that applied {@code revision} or left it pending
     * ({@value #MARKED} when it was recorded without running its changes, {@value #PENDING} when they never ran),
     * empty when there is none.
     */
    public String latestApplyingQuery(String revision) {
        return "SELECT coalesce((SELECT direction FROM " + quotedHistory + " WHERE revision = " + string(revision)
                + " AND direction IN " + APPLYING_OR_PENDING + " ORDER BY id DESC LIMIT 1), '')";
    }

    /**
     * A query of one value, {@code t} when the latest row that applied {@code revision} recorded it without
     * running its changes ({@value #MARKED}) or left it {@value #PENDING}, else {@code f}.
     */
    String markedRanQuery(String revision) {
        return "SELECT (" + latestApplyingQuery(revision) + ") IN ('" + MARKED + "', '" + PENDING + "')";
    }

    /**
     * For offline SQL: a block that stops the script before the downgrade of {@code revision} on a database where
     * it was marked ran, whose changes the downgrade would undo without their having been made.
     */
    public String refuseMarkedRanDowngrade(String revision) {
        return "DO $marked$\n"
                + "BEGIN\n"
                + "    IF (" + markedRanQuery(revision) + ") THEN\n"
                + "        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state', MESSAGE = "
                + string("Revision " + revision + " was marked ran on this database (recorded as applied without"
                        + " running its changes) or is pending there (its guard said CONTINUE), so its downgrade must"
                        + " not run: it would drop what the revision never made. Downgrade this database with mvn migrate:downgrade against it, which records the"
                        + " downgrade without running it.")
                + ";\n"
                + "    END IF;\n"
                + "END\n"
                + "$marked$";
    }

    /**
     * The bookkeeping of a step sent in the same round trip as its statements: the history row takes
     * the step's duration from the server, from the start of the step's transaction to the row's insert.
     */
    public List<String> bookkeepingTimedByServer(Step step, @Nullable String checksum) {
        return bookkeeping(
                step, checksum, "(extract(epoch FROM clock_timestamp() - transaction_timestamp()) * 1000)::bigint");
    }

    /**
     * A query of the newest {@code rows} history rows, newest first, one value each: {@code <duration> <revision>}
     * for an upgrade, null for any other row.
     */
    public String latestUpgradesQuery(int rows) {
        return "SELECT CASE direction WHEN 'upgrade' THEN coalesce(duration_ms, 0) || ' ' || revision END FROM "
                + quotedHistory + " ORDER BY id DESC LIMIT " + rows;
    }

    private List<String> bookkeeping(Step step, @Nullable String checksum, String duration) {
        List<String> sql = new ArrayList<>(deleteAndInsert(step.deleteVersions(), step.insertVersions()));
        sql.add(historyRow(
                step.revision().id(),
                step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade",
                step.revision().message(),
                checksum,
                duration));
        return sql;
    }

    /**
     * Moves the version rows as the stamp says, and records in the history the revisions the target
     * resolved to (one row each; {@code base} when it named none), with the target as typed in the
     * message. {@code purged} names the modules whose rows are deleted first ({@code ""} for the application's
     * own); empty: none, the plan moves the rows.
     */
    public List<String> stamp(StampPlan plan, Set<String> purged, String target) {
        boolean purge = !purged.isEmpty();
        List<String> sql = new ArrayList<>();
        if (purge) {
            sql.add(purge(purged));
        }
        sql.addAll(deleteAndInsert(purge ? List.of() : plan.delete(), plan.insert()));
        String message = (purge ? "stamp (purge) " : "stamp ") + target;
        for (String revision : plan.revisions().isEmpty() ? List.of("base") : plan.revisions()) {
            sql.add(historyRow(revision, "stamp", message, null, "NULL"));
        }
        return sql;
    }

    /**
     * Deletes the version rows of {@code modules} ({@code ""}: the rows of no module), whatever revisions they name:
     * the rows of other modules, which other applications sharing the database wrote, stay. One statement, the same
     * online and in an offline script, which knows no rows.
     */
    private String purge(Set<String> modules) {
        List<String> owned = new ArrayList<>();
        if (modules.contains("")) {
            owned.add("strpos(version_num, '.') = 0");
        }
        List<String> named = modules.stream()
                .filter(m -> !m.isEmpty())
                .sorted()
                .map(m -> string(m))
                .toList();
        if (!named.isEmpty()) {
            owned.add("split_part(version_num, '.', 1) IN (" + String.join(", ", named) + ")");
        }
        return "DELETE FROM " + quote(version) + " WHERE " + String.join(" OR ", owned);
    }

    /**
     * Moves in a database another tool migrated: the version rows the stamp gives, and one history row per
     * revision the old tool applied, with who applied it and when as the old table's row says ({@code source}: a
     * {@code SELECT <who>, <when> FROM <old table> WHERE ...} of one row, or {@code null} for now and this user).
     */
    public List<String> moveIn(StampPlan plan, List<ImportedRow> rows) {
        List<String> sql = new ArrayList<>(deleteAndInsert(List.of(), plan.insert()));
        for (ImportedRow row : rows) {
            String values = string(row.revision()) + ", "
                    + string(row.pending() ? PENDING : row.ranNothing() ? MARKED : "imported") + ", "
                    + string(row.message()) + ", " + string(row.checksum());
            sql.add(
                    row.source() == null
                            ? "INSERT INTO " + quotedHistory + " (revision, direction, message, checksum) VALUES ("
                                    + values + ")"
                            : "INSERT INTO " + quotedHistory
                                    + " (revision, direction, message, checksum, applied_by, applied_at)" + " SELECT "
                                    + values + ", " + row.source());
        }
        return sql;
    }

    /**
     * A history row of a revision the old tool applied; see {@link #moveIn}.
     *
     * @param ranNothing whether the old tool recorded it without running it ({@code MARK_RAN}, {@code SKIPPED}):
     *     its row is {@value #MARKED}, and its downgrade does not run
     * @param pending whether the old tool passed over it, its precondition saying CONTINUE, and ran the changesets
     *     after it: its row is {@value #PENDING}, and every upgrade tries it again, as the old tool's next update would
     */
    public record ImportedRow(
            String revision,
            String message,
            @Nullable String checksum,
            @Nullable String source,
            boolean ranNothing,
            boolean pending) {
        public ImportedRow(
                String revision,
                String message,
                @Nullable String checksum,
                @Nullable String source,
                boolean ranNothing) {
            this(revision, message, checksum, source, ranNothing, false);
        }
    }

    /** The history row of an online revision's contract phase, {@code complete}. */
    public String completion(String revision, String message) {
        return historyRow(revision, "complete", message, null, "NULL");
    }

    /** Renames a version row: for a row that names what a squash now stands for. */
    String renameVersion(String from, String to) {
        return "UPDATE " + quotedVersion + " SET version_num = " + string(to) + " WHERE version_num = " + string(from);
    }

    String acceptChecksum(String revision, String checksum) {
        return "UPDATE " + quote(history) + " SET checksum = " + string(checksum)
                + " WHERE id = (SELECT max(id) FROM " + quote(history) + " WHERE revision = " + string(revision)
                + " AND direction IN ('upgrade', '" + MARKED + "'))";
    }

    private List<String> deleteAndInsert(List<String> delete, List<String> insert) {
        List<String> sql = new ArrayList<>(2);
        if (!delete.isEmpty()) {
            StringBuilder text =
                    new StringBuilder("DELETE FROM ").append(quotedVersion).append(" WHERE version_num IN (");
            for (int i = 0; i < delete.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(string(delete.get(i)));
            }
            sql.add(text.append(')').toString());
        }
        if (!insert.isEmpty()) {
            StringBuilder text =
                    new StringBuilder("INSERT INTO ").append(quotedVersion).append(" (version_num) VALUES ");
            for (int i = 0; i < insert.size(); i++) {
                text.append(i == 0 ? "(" : ", (").append(string(insert.get(i))).append(')');
            }
            sql.add(text.toString());
        }
        return sql;
    }

    /** {@code duration} is SQL: {@code NULL}, a number of milliseconds or an expression. */
    private String historyRow(
            String revision, String direction, String message, @Nullable String checksum, String duration) {
        return "INSERT INTO " + quotedHistory
                + " (revision, direction, message, checksum, duration_ms, applied_by) VALUES (" + string(revision)
                + ", " + string(direction) + ", " + string(message) + ", " + string(checksum) + ", " + duration + ", "
                + appliedBy + ")";
    }
}
