package dev.migrate.catalog.diff;

import dev.migrate.catalog.ObjectName;
import dev.migrate.connection.ConnectionFailure;
import dev.migrate.lint.LintRule;
import dev.migrate.lint.TableSizes;
import dev.migrate.lint.TypeChangeRows;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.IndexKey;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Measures a script's risky changes on the rows of the database they will run on, before anything
 * runs, and writes the figures into the changes' notes (so the log, {@code check} and the written
 * class's header carry them): what a drop deletes, and how many rows would make a change fail (NULLs
 * under SET NOT NULL, duplicate keys under a new primary key or unique constraint, values too long or
 * that do not convert under a type change, orphans under a new foreign key, violations of a new
 * check), with one example value. A change the data would make fail gets a guard
 * ({@link SqlOp.RequireNoRows}) that the migration runs first, in its transaction, so it stops with the
 * message and the count before any change. Tables get their size from {@code pg_class} (an estimate,
 * read as the lint reads it), which {@link Result#largeTables} weighs.
 *
 * <p>Every query only reads, on a connection of its own made read-only, and each is bounded by a
 * statement timeout: a figure that could not be taken in time says so, and its change is guarded. A
 * query PostgreSQL refuses on the rows as they are (an expression written for the shape the migration
 * gives the table, a column it adds or whose type it changes) leaves its change not measured, with the
 * server's reason, and unguarded; the other figures are taken all the same.
 */
public final class DataMeasurements {
    /** The rule id of a note this pass writes. */
    public static final String RULE = "data";

    private static final int EXAMPLE_LENGTH = 40;
    /** SQLSTATE query_canceled: the statement timeout stopped a count. */
    private static final String TIMED_OUT = "57014";
    /** SQLSTATE class operator_intervention less query_canceled: the server is going away. */
    private static final String SHUTTING_DOWN = "57P";

    private final Connection connection;
    private final Duration timeout;
    private final long largeTableRows;
    private final int serverMajor;
    private final Map<QualifiedName, Optional<String>> keys = new HashMap<>();
    /** Tables not analysed yet, whose rows were counted instead of estimated. */
    private final java.util.Set<ObjectName> counted = new java.util.HashSet<>();
    /** Tables not analysed yet whose rows could not be counted either, with why. */
    private final Map<ObjectName, String> sizeUnknown = new HashMap<>();
    /** The schema of the table group being measured, for the ops' unqualified names. */
    private @Nullable String schema;

    /**
     * What was measured.
     *
     * @param script the script with the figures in its notes and its guards
     * @param estimatedRows each table the script changes and existed, with {@code pg_class.reltuples}
     */
    public record Result(MigrationScript script, Map<ObjectName, Long> estimatedRows) {
        /** The tables holding at least {@code threshold} rows by the estimate. */
        public java.util.function.Predicate<ObjectName> largeTables(long threshold) {
            return table -> {
                long estimate = estimatedRows.getOrDefault(table, 0L);
                return estimate < 0 || estimate >= threshold; // never analysed: the safe side
            };
        }
    }

    private DataMeasurements(Connection connection, Duration timeout, long largeTableRows) throws SQLException {
        this.connection = connection;
        this.timeout = timeout;
        this.largeTableRows = largeTableRows;
        this.serverMajor = connection.getMetaData().getDatabaseMajorVersion();
    }

    /**
     * Measures {@code script} on {@code connection}, which this pass makes read-only and gives a
     * statement timeout: pass a connection of its own.
     */
    public static Result measure(MigrationScript script, Connection connection, Duration timeout) throws SQLException {
        return measure(script, connection, timeout, Long.MAX_VALUE);
    }

    /**
     * As {@link #measure(MigrationScript, Connection, Duration)}, noting on each lock hazard whether
     * its table holds at least {@code largeTableRows} rows by the estimate, and so which form
     * autogenerate writes.
     */
    public static Result measure(MigrationScript script, Connection connection, Duration timeout, long largeTableRows)
            throws SQLException {
        try (Statement s = connection.createStatement()) {
            // each query a transaction of its own: one PostgreSQL refuses (SQLSTATE 42883, 22012, ...)
            // would otherwise abort a shared transaction and every figure after it (25P02)
            connection.setAutoCommit(true);
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
        return new DataMeasurements(connection, timeout, largeTableRows).run(script);
    }

    private Result run(MigrationScript script) throws SQLException {
        Map<ObjectName, Long> sizes = estimatedRows(script);
        List<SqlOp.RequireNoRows> guards = new ArrayList<>(script.guards());
        List<OpGroup> groups = new ArrayList<>();
        for (OpGroup group : script.upgradeGroups()) {
            ObjectName table = group.table();
            if (table == null || !sizes.containsKey(table)) {
                groups.add(group); // a table the migration creates holds no rows yet
                continue;
            }
            schema = table.schema();
            List<Change> changes = new ArrayList<>();
            for (Change change : group.changes()) {
                List<String> notes = new ArrayList<>(change.notes());
                if (largeTableRows != Long.MAX_VALUE && citesLockRule(change)) {
                    notes.add(sizeNote(table, sizes.get(table)));
                }
                for (Op op : change.ops()) {
                    for (Finding finding : findings(op)) {
                        notes.add(finding.note());
                        finding.guard().ifPresent(guards::add);
                    }
                }
                changes.add(change.withNotes(notes));
            }
            groups.add(new OpGroup(table, changes));
        }
        return new Result(new MigrationScript(groups, script.warnings(), guards), sizes);
    }

    private String sizeNote(ObjectName table, long estimate) {
        String threshold = number(largeTableRows);
        if (estimate < 0) {
            return "Measured: the size of " + table + " is not known (never analysed, and "
                    + sizeUnknown.getOrDefault(table, "counting took longer than " + seconds())
                    + "): autogenerate writes the lock-safe form, as for a table of at least largeTableRows ("
                    + threshold + ") rows.";
        }
        return "Measured: " + table + " holds " + (counted.contains(table) ? "" : "about ") + number(estimate)
                + (counted.contains(table) ? " rows, " : " rows (pg_class estimate), ")
                + (estimate >= largeTableRows
                        ? "at least largeTableRows (" + threshold + "): autogenerate writes the lock-safe form."
                        : "below largeTableRows (" + threshold + "): the plain form holds its lock only briefly.");
    }

    /**
     * The estimated rows of each table the script changes that exists, as the lint weighs them
     * ({@link TableSizes}: one query); a table never analysed is counted, within the timeout, and one
     * whose count takes longer stays unknown (-1).
     */
    private Map<ObjectName, Long> estimatedRows(MigrationScript script) throws SQLException {
        TableSizes estimates = TableSizes.read(connection);
        Map<ObjectName, Long> sizes = new LinkedHashMap<>();
        for (OpGroup group : script.upgradeGroups()) {
            ObjectName table = group.table();
            if (table == null || sizes.containsKey(table)) {
                continue;
            }
            OptionalLong estimate = estimates.estimatedRows(table.schema() + "." + table.name());
            if (estimate.isPresent()) {
                sizes.put(table, estimate.getAsLong());
            } else if (exists(table)) {
                Count rows = count("SELECT count(*) FROM " + Identifiers.quote(qualified(table)));
                if (rows.taken()) {
                    counted.add(table);
                } else if (rows.refusal() != null) {
                    sizeUnknown.put(table, "PostgreSQL refused to count its rows (" + rows.refusal() + ")");
                }
                sizes.put(table, rows.taken() ? rows.rows() : -1L);
            }
        }
        return sizes;
    }

    private boolean exists(ObjectName table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, Identifiers.quote(qualified(table)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** A figure for a note, and the guard when rows would make the change fail. */
    private record Finding(String note, Optional<SqlOp.RequireNoRows> guard) {}

    private List<Finding> findings(Op op) throws SQLException {
        if (op instanceof TableOp.DropTable drop) {
            return loss(
                    q(drop.table()), "SELECT count(*) FROM " + table(q(drop.table())), "rows, which the drop deletes");
        } else if (op instanceof ColumnOp.DropColumn drop) {
            return loss(
                    q(drop.table()),
                    "SELECT count(" + Identifiers.quote(drop.column()) + ") FROM " + table(q(drop.table())),
                    "non-null values in " + drop.column() + ", which the drop deletes");
        } else if (op instanceof ColumnOp.AddColumn add
                && !add.column().nullable()
                && add.column().defaultExpression() == null
                && add.column().identityGeneration() == null
                && add.column().generatedExpression() == null) {
            // every existing row would get NULL in a column that refuses it
            QualifiedName table = q(add.table());
            return failing(
                    new Rows(table, "FROM " + table(table), rowKey(table)),
                    subject(table, add.column().name()),
                    new Phrase("row exists", "rows exist"),
                    "adding " + add.column().name() + " NOT NULL without a default fails on them",
                    "give " + subject(table, add.column().name()) + " a default, or add it nullable, fill it and set "
                            + "NOT NULL in a later migration");
        } else if (op instanceof ColumnOp.AlterColumnNullable notNull && !notNull.nullable()) {
            String subject = subject(q(notNull.table()), notNull.column());
            return failing(
                    new Rows(
                            q(notNull.table()),
                            "FROM " + table(q(notNull.table())) + " WHERE " + Identifiers.quote(notNull.column())
                                    + " IS NULL",
                            rowKey(q(notNull.table()))),
                    subject,
                    new Phrase("row holds NULL in " + notNull.column(), "rows hold NULL in " + notNull.column()),
                    "SET NOT NULL fails on them",
                    "fill " + subject + " before it becomes NOT NULL");
        } else if (op instanceof ConstraintOp.AddConstraint add) {
            return constraint(q(add.table()), add.constraint());
        } else if (op instanceof IndexOp.CreateIndex index
                && index.isUnique()
                && index.keys().stream().allMatch(k -> k instanceof IndexKey.Column)) {
            List<String> columns =
                    index.keys().stream().map(k -> ((IndexKey.Column) k).name()).toList();
            return duplicates(
                    q(index.table()),
                    columns,
                    index.isNullsNotDistinct(),
                    index.where(),
                    "unique index " + index.name());
        } else if (op instanceof ColumnOp.AlterColumnType type) {
            return typeChange(type);
        }
        return List.of();
    }

    private List<Finding> constraint(QualifiedName table, Constraint constraint) throws SQLException {
        if (constraint instanceof Constraint.PrimaryKey pk) {
            List<Finding> findings = new ArrayList<>(duplicates(table, pk.columns(), false, null, "primary key"));
            String nulls = pk.columns().stream()
                    .map(c -> Identifiers.quote(c) + " IS NULL")
                    .collect(Collectors.joining(" OR "));
            findings.addAll(failing(
                    new Rows(table, "FROM " + table(table) + " WHERE " + nulls, rowKey(table)),
                    subject(table, String.join(", ", pk.columns())),
                    new Phrase("row holds NULL in the key", "rows hold NULL in the key"),
                    "the primary key fails on them",
                    "fill the key columns of " + table + " before the primary key is added"));
            return findings;
        } else if (constraint instanceof Constraint.Unique unique) {
            return duplicates(
                    table, unique.columns(), unique.isNullsNotDistinct(), null, "unique constraint " + unique.name());
        } else if (constraint instanceof Constraint.ForeignKey fk && !fk.isNotValid() && !fk.isNotEnforced()) {
            QualifiedName referenced = q(fk.referencedTable());
            StringBuilder where = new StringBuilder();
            StringBuilder join = new StringBuilder();
            for (int i = 0; i < fk.columns().size(); i++) {
                String child = "child." + Identifiers.quote(fk.columns().get(i));
                where.append(i == 0 ? "" : " AND ").append(child).append(" IS NOT NULL");
                join.append(i == 0 ? "" : " AND ")
                        .append("parent.")
                        .append(Identifiers.quote(fk.referencedColumns().get(i)))
                        .append(" = ")
                        .append(child);
            }
            return failing(
                    new Rows(
                            table,
                            "FROM " + table(table) + " AS child WHERE " + where + " AND NOT EXISTS (SELECT 1 FROM "
                                    + table(referenced) + " AS parent WHERE " + join + ")",
                            value(fk.columns().stream()
                                    .map(c -> "child." + Identifiers.quote(c))
                                    .toList())),
                    subject(table, String.join(", ", fk.columns())),
                    new Phrase("row references no row of " + referenced, "rows reference no row of " + referenced),
                    "the foreign key " + (fk.name() == null ? "" : fk.name() + " ") + "fails on them",
                    "delete or correct the rows of " + table + " that reference no row of " + referenced);
        } else if (constraint instanceof Constraint.Check check && !check.isNotValid() && !check.isNotEnforced()) {
            return failing(
                    new Rows(table, "FROM " + table(table) + " WHERE NOT (" + check.expression() + ")", rowKey(table)),
                    table + (check.name() == null ? "" : " (" + check.name() + ")"),
                    new Phrase("row violates " + check.expression(), "rows violate " + check.expression()),
                    "the check fails on them",
                    "correct the rows of " + table + " that violate " + check.expression());
        }
        return List.of();
    }

    private List<Finding> duplicates(
            QualifiedName table, List<String> columns, boolean nullsNotDistinct, @Nullable String where, String what)
            throws SQLException {
        List<String> conditions = new ArrayList<>();
        if (!nullsNotDistinct) {
            columns.forEach(c -> conditions.add(Identifiers.quote(c) + " IS NOT NULL"));
        }
        if (where != null) {
            conditions.add("(" + where + ")");
        }
        List<String> quoted = columns.stream().map(Identifiers::quote).toList();
        return failing(
                new Rows(
                        table,
                        "FROM " + table(table)
                                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                                + " GROUP BY " + String.join(", ", quoted) + " HAVING count(*) > 1",
                        value(quoted)),
                subject(table, String.join(", ", columns)),
                new Phrase(
                        "value of (" + String.join(", ", columns) + ") is held by more than one row",
                        "values of (" + String.join(", ", columns) + ") are held by more than one row"),
                "the " + what + " fails on them",
                "remove the duplicates of (" + String.join(", ", columns) + ") in " + table + " before the " + what
                        + " is added");
    }

    private List<Finding> typeChange(ColumnOp.AlterColumnType type) throws SQLException {
        String column = Identifiers.quote(type.column());
        String subject = subject(q(type.table()), type.column());
        if (type.using() != null && !type.using().replace("\"", "").startsWith(type.column() + "::")) {
            return List.of(new Finding(
                    "Hazard [" + RULE + "]: " + subject + ": not measured: the USING expression " + type.using()
                            + " is evaluated for each row only when the migration runs.",
                    Optional.empty()));
        }
        Optional<TypeChangeRows> refused = TypeChangeRows.of(type.column(), subject, type.type(), serverMajor);
        if (refused.isEmpty()) {
            return List.of(); // PostgreSQL 15 and earlier cannot test a conversion without running it
        }
        TypeChangeRows rows = refused.get();
        return failing(
                new Rows(
                        q(type.table()),
                        "FROM " + table(q(type.table())) + " WHERE " + column + " IS NOT NULL AND (" + rows.condition()
                                + ")",
                        new Example(rows.example(), true)),
                subject,
                new Phrase(rows.one(), rows.many()),
                "the type change fails on them",
                rows.fix());
    }

    /**
     * The rows that would make a change fail.
     *
     * @param from the query after its select list: {@code FROM ... WHERE ...} or {@code ... GROUP BY ... HAVING ...}
     * @param example an expression naming one of them ({@code 'id = ' || id::text}, or the values), or null
     * @param exampleIsValue whether the example is a value (quoted in the note) rather than a row's key
     */
    private record Rows(
            QualifiedName table, String from, @Nullable String example, boolean exampleIsValue) {
        Rows(QualifiedName table, String from, Example example) {
            this(table, from, example.expression(), example.isValue());
        }
    }

    private record Example(@Nullable String expression, boolean isValue) {}

    /** What the rows or values found do, for one and for several: {@code row holds NULL in email}. */
    private record Phrase(String one, String many) {}

    private static Example value(List<String> expressions) {
        return new Example(
                expressions.stream().map(e -> e + "::text").collect(Collectors.joining(" || ', ' || ")), true);
    }

    /** A loss a drop causes: counted, never guarded (the drop is what the change is for). */
    private List<Finding> loss(QualifiedName table, String countQuery, String what) throws SQLException {
        Count count = count(countQuery);
        String figure = count.taken()
                ? table + " holds " + number(count.rows()) + " " + what + "."
                : count.refusal() != null
                        ? table + ": not measured: PostgreSQL refused the count (" + count.refusal() + ")."
                        : table + ": not measured: counting took longer than " + seconds() + ".";
        return List.of(new Finding("Measured: " + figure, Optional.empty()));
    }

    /**
     * Rows that would make a change fail: counted, with one example. Found, or not counted in time,
     * the change is guarded.
     */
    private List<Finding> failing(Rows rows, String subject, Phrase what, String consequence, String fix)
            throws SQLException {
        Count count = count("SELECT count(*) FROM (SELECT 1 " + rows.from() + ") AS failing");
        if (count.taken() && count.rows() == 0) {
            return List.of(
                    new Finding("Measured: no row of " + rows.table() + " would make this fail.", Optional.empty()));
        }
        if (count.refusal() != null) {
            // a guard runs the same query before any change of the migration: PostgreSQL would refuse it there too
            return List.of(new Finding(
                    "Hazard [" + RULE + "]: " + subject
                            + ": not measured: PostgreSQL refused to count the rows that would make it fail ("
                            + count.refusal()
                            + "), as it can for an expression written for the shape this migration gives the table;"
                            + " the migration is not guarded, and the change itself fails on such rows when it runs.",
                    Optional.empty()));
        }
        SqlOp.RequireNoRows guard = new SqlOp.RequireNoRows("SELECT 1 " + rows.from(), fix);
        if (!count.taken()) {
            return List.of(new Finding(
                    "Hazard [" + RULE + "]: " + subject
                            + ": not measured: counting the rows that would make it fail took longer than " + seconds()
                            + "; the migration checks first (op.requireNoRows).",
                    Optional.of(guard)));
        }
        String example = example(rows).map(e -> " (e.g. " + e + ")").orElse("");
        long n = count.rows();
        return List.of(new Finding(
                "Hazard [" + RULE + "]: " + subject + ": " + number(n) + " " + (n == 1 ? what.one() : what.many())
                        + example
                        + "; " + consequence + ". The migration checks first and stops (op.requireNoRows): " + fix
                        + ".",
                Optional.of(guard)));
    }

    /**
     * A count of rows, or why there is none: the statement timeout stopped it ({@code rows} -1, no
     * refusal), or PostgreSQL refused the query ({@code refusal}: its message and SQLSTATE).
     */
    private record Count(long rows, @Nullable String refusal) {
        boolean taken() {
            return rows >= 0;
        }
    }

    /**
     * The count; a query PostgreSQL refuses is a figure not taken, and only a lost connection or a
     * server shutting down stops the measurements.
     */
    private Count count(String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = bounded(s, sql)) {
            rs.next();
            return new Count(rs.getLong(1), null);
        } catch (SQLException e) {
            if (TIMED_OUT.equals(e.getSQLState())) {
                return new Count(-1, null);
            }
            if (refused(e)) {
                return new Count(-1, reason(e));
            }
            throw new SQLException(
                    "Could not measure the data with " + sql + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** Whether PostgreSQL refused the statement itself, the connection and the server being fine. */
    private static boolean refused(SQLException e) {
        String state = e.getSQLState();
        return state != null && !ConnectionFailure.isConnectionFailure(e) && !state.startsWith(SHUTTING_DOWN);
    }

    /** The server's message and SQLSTATE, without the driver's prefix, hint and position. */
    private static String reason(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        int end = message.indexOf('\n');
        String first = (end < 0 ? message : message.substring(0, end)).strip();
        if (first.startsWith("ERROR:")) {
            first = first.substring("ERROR:".length()).strip();
        }
        return first + ", SQLSTATE " + e.getSQLState();
    }

    private Optional<String> example(Rows rows) throws SQLException {
        if (rows.example() == null) {
            return Optional.empty();
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = bounded(s, "SELECT " + rows.example() + " " + rows.from() + " LIMIT 1")) {
            if (!rs.next() || rs.getString(1) == null) {
                return Optional.empty();
            }
            String value = rs.getString(1);
            String shown = value.length() > EXAMPLE_LENGTH ? value.substring(0, EXAMPLE_LENGTH) + "..." : value;
            return Optional.of(rows.exampleIsValue() ? "'" + shown + "'" : "the row with " + shown);
        } catch (SQLException e) {
            if (TIMED_OUT.equals(e.getSQLState()) || refused(e)) {
                return Optional.empty(); // the count stands without its example
            }
            throw e;
        }
    }

    /**
     * Runs a query over the table's rows under the statement timeout; the catalog queries of this
     * pass run without it.
     */
    private ResultSet bounded(Statement s, String sql) throws SQLException {
        s.execute("SET statement_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'");
        try {
            return s.executeQuery(sql);
        } finally {
            try (Statement reset = connection.createStatement()) {
                reset.execute("SET statement_timeout = 0");
            }
        }
    }

    /** An example naming a row by the first column of the table's primary key ({@code id = 17}); none without one. */
    private Example rowKey(QualifiedName table) throws SQLException {
        Optional<String> key = keys.get(table);
        if (key == null) {
            try (Statement s = connection.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = "
                                    + "i.indrelid AND a.attnum = i.indkey[0] WHERE i.indisprimary AND i.indrelid = to_regclass("
                                    + Literals.string(table(table)) + ")")) {
                key = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
            keys.put(table, key);
        }
        return new Example(
                key.map(k -> Literals.string(k + " = ") + " || " + Identifiers.quote(k) + "::text")
                        .orElse(null),
                false);
    }

    /** {@code name} in the schema of the group measured when it names none. */
    private QualifiedName q(QualifiedName name) {
        return name.schema() == null ? new QualifiedName(schema, name.name()) : name;
    }

    private static String subject(QualifiedName table, String column) {
        return table + "." + column;
    }

    private static String table(QualifiedName name) {
        return Identifiers.quote(name);
    }

    private static QualifiedName qualified(ObjectName name) {
        return new QualifiedName(name.schema(), name.name());
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }

    /** Lock hazards that do not depend on data, for the rules a table's size weighs. */
    private static boolean citesLockRule(Change change) {
        return change.cites(LintRule.INDEX_NOT_CONCURRENT)
                || change.cites(LintRule.UNIQUE_NOT_FROM_INDEX)
                || change.cites(LintRule.CONSTRAINT_WITHOUT_NOT_VALID)
                || change.cites(LintRule.SET_NOT_NULL_SCAN);
    }
}
