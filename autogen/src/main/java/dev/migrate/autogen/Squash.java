package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.op.DataOp;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SqlOp;
import dev.migrate.sql.Literals;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import dev.migrate.tooling.ChainGraph;
import dev.migrate.tooling.ChainTables;
import dev.migrate.tooling.MigratorTools;
import dev.migrate.tooling.StatementObserver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The migration {@code migrate:squash} writes: the schema the chain builds up to a revision, read
 * from a database the chain was replayed on and written as {@code migrate:baseline} writes a schema,
 * followed by the rows the data steps of the range left there, so that a database built from the
 * squash holds what one built from the chain holds.
 *
 * <pre>{@code
 * List<String> replaced = Squash.replaced(chain, "20261120_093000");
 * Squash.Replayed replayed = Squash.replay(chain, throwaway, "20261120_093000", "public", "migrate_version", "migrate_history");
 * MigrationScript script = replayed.script(Squash.DataSteps.CARRY);
 * }</pre>
 */
public final class Squash {
    /** Statements that change rows rather than the schema: what a data step sends. */
    private static final Set<String> DATA_KEYWORDS =
            Set.of("insert", "update", "delete", "merge", "copy", "truncate", "select", "with", "call", "do");

    /** What becomes of the data steps inside the range. */
    public enum DataSteps {
        /** The rows they leave in a new database are inserted after the schema. */
        CARRY,
        /** They are left out, and listed as left out. */
        DROP;

        /** The setting as {@code -Dmigrate.squashData} gives it: {@code carry} (the default) or {@code drop}. */
        public static DataSteps parse(@Nullable String value) {
            if (value == null || value.isBlank() || value.equalsIgnoreCase("carry")) {
                return CARRY;
            }
            if (value.equalsIgnoreCase("drop")) {
                return DROP;
            }
            throw new MigrateException("-Dmigrate.squashData=" + value + " is not a choice: use carry (the rows the "
                    + "data steps of the range leave are written into the squash, the default) or drop (they are "
                    + "left out). Nothing was written.");
        }
    }

    /**
     * One statement of a data step inside the range.
     *
     * @param revision the revision that sends it
     * @param statement its SQL, shortened, or what its JDBC code is
     */
    public record DataStep(String revision, String statement) {
        @Override
        public String toString() {
            return revision + ": " + statement;
        }
    }

    private Squash() {}

    /**
     * The revisions a squash up to {@code target} replaces, parents first, {@code target} last: the
     * target and everything below it.
     *
     * @throws MigrateException when the target is unknown or a revision outside the range grows from
     *     inside it (it could not follow the squash)
     */
    public static List<String> replaced(Migrator chain, RevisionTarget target) {
        ChainGraph graph = MigratorTools.of(chain).graph();
        String tip = graph.resolveOne(target, Set.of()).id();
        Set<String> range = graph.ancestorsOrSelf(List.of(tip));
        if (range.size() < 2) {
            throw new MigrateException("Revision " + tip + " is a base: there is nothing to squash below it. Give a "
                    + "revision higher up the chain as -Dmigrate.target. Nothing was written.");
        }
        for (RevisionInfo earlier : graph.squashShortcuts().values()) {
            if (earlier.replaces().stream().anyMatch(range::contains)) {
                throw new MigrateException("Squash " + earlier.id() + " (" + earlier.source() + ") already replaces "
                        + earlier.standsFor() + " and the revisions below it, and their classes are still defined, "
                        + "so a squash up to " + tip + " would replace them a second time. Delete " + earlier.id()
                        + " first (a database that ran it reads as at " + earlier.standsFor() + "), or, once every "
                        + "database is past " + earlier.standsFor() + ", delete the classes it replaces: the new "
                        + "squash then replaces " + earlier.id() + ". Nothing was written.");
            }
        }
        for (String id : range) {
            if (id.equals(tip)) {
                continue;
            }
            List<String> outside = new ArrayList<>(graph.children(id));
            outside.addAll(graph.dependents(id));
            outside.removeAll(range);
            if (!outside.isEmpty()) {
                RevisionInfo child = graph.get(outside.get(0));
                throw new MigrateException("Revision " + child.id() + " (" + child.source() + ") grows from " + id
                        + ", inside the range a squash up to " + tip + " would replace, but is not below " + tip
                        + ": a database built from the squash could not take it. Squash up to a revision that "
                        + "includes " + child.id() + " (a merge of the branches), or up to one below " + id
                        + ". Nothing was written.");
            }
        }
        return graph.sortTopologically(range);
    }

    /**
     * Replays {@code chain} up to the revision {@code tip} on {@code database}, which holds nothing, noting each
     * data step; the result reads the schema and rows there.
     */
    public static Replayed replay(
            Migrator chain,
            DataSource database,
            String tip,
            String managedSchema,
            String versionTable,
            String historyTable) {
        List<DataStep> steps = new ArrayList<>();
        MigratorTools.of(chain).replayOn(database).upgrade(RevisionTarget.revision(tip), new StatementObserver() {
            private String revision = "";

            @Override
            public void beforeStep(
                    Connection connection, RevisionInfo step, Class<? extends Migration> type, boolean inTransaction) {
                revision = step.id();
            }

            @Override
            public void statement(Connection connection, String sql, Execution statement) throws SQLException {
                statement.run();
                if (isData(sql)) {
                    steps.add(new DataStep(revision, shortened(sql)));
                }
            }
        });
        return new Replayed(database, steps, managedSchema, versionTable, historyTable);
    }

    /** Whether a statement changes rows: DML, a query (which may call a function that does), or JDBC code. */
    static boolean isData(String sql) {
        if (sql.startsWith("(the JDBC code")) {
            return true;
        }
        return SqlLexer.firstToken(sql)
                .filter(first -> first.kind() == SqlToken.Kind.WORD)
                .map(first -> DATA_KEYWORDS.contains(first.text().toLowerCase(Locale.ROOT)))
                .orElse(false);
    }

    private static String shortened(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    /**
     * A database the chain was replayed on up to the squash's revision, and the data steps the replay ran.
     */
    public static final class Replayed {
        private final DataSource database;
        private final List<DataStep> dataSteps;
        private final String schema;
        private final String versionTable;
        private final String historyTable;

        private Replayed(
                DataSource database, List<DataStep> steps, String schema, String versionTable, String historyTable) {
            this.database = database;
            this.dataSteps = List.copyOf(steps);
            this.schema = schema;
            this.versionTable = versionTable;
            this.historyTable = historyTable;
        }

        /** The data steps of the range, in the order they ran. */
        public List<DataStep> dataSteps() {
            return dataSteps;
        }

        /**
         * The squash's script: the schema as {@code migrate:baseline} writes it, then, to carry the data
         * steps, the rows they left in each table (parents of foreign keys first) and the sequences
         * they moved.
         *
         * @throws MigrateException when rows cannot be carried (a table whose identity is {@code GENERATED
         *     ALWAYS}), listing the data steps and naming {@code -Dmigrate.squashData=drop}
         */
        public MigrationScript script(DataSteps mode) {
            try (Connection c = database.getConnection()) {
                MigrationScript schemaScript = Autogenerate.baseline(c, schema, versionTable, historyTable);
                if (mode == DataSteps.DROP) {
                    return schemaScript;
                }
                List<OpGroup> data = new ArrayList<>();
                for (String table : tablesInInsertOrder(c)) {
                    List<Map<String, Object>> rows = rows(c, table);
                    if (rows.isEmpty()) {
                        continue;
                    }
                    String revisions = String.join(
                            ", ",
                            new LinkedHashSet<>(dataSteps.stream()
                                    .filter(s -> s.statement().contains(table))
                                    .map(DataStep::revision)
                                    .toList()));
                    data.add(new OpGroup(
                            new ObjectName(schema, table),
                            List.of(new Change(
                                    Description.added(
                                            "rows of table " + table,
                                            rows.size() + (rows.size() == 1 ? " row" : " rows")),
                                    List.of(new DataOp.BulkInsert(QualifiedName.of(null, table), rows)),
                                    List.of("What the data steps of the squashed revisions"
                                            + (revisions.isEmpty() ? "" : " (" + revisions + ")")
                                            + " leave in a new database; the downgrade drops them with the table."),
                                    List.of()))));
                }
                data.addAll(sequences(c));
                return schemaScript.withLast(data, List.of());
            } catch (SQLException e) {
                throw new MigrateException(
                        "Could not read the replayed schema " + schema + " for the squash: " + e.getMessage(), e);
            }
        }

        /** The tables of the schema, each after the tables its foreign keys reference (a cycle: by name). */
        private List<String> tablesInInsertOrder(Connection c) throws SQLException {
            Map<String, Set<String>> references = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT t.relname, r.relname FROM pg_class t "
                    + "JOIN pg_namespace n ON n.oid = t.relnamespace "
                    + "LEFT JOIN pg_constraint f ON f.conrelid = t.oid AND f.contype = 'f' "
                    + "LEFT JOIN pg_class r ON r.oid = f.confrelid AND r.relnamespace = t.relnamespace "
                    + "WHERE n.nspname = ? AND t.relkind IN ('r', 'p') AND NOT t.relispartition")) {
                s.setString(1, schema);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String table = rs.getString(1);
                        if (table.equals(versionTable)
                                || table.equals(historyTable)
                                || table.equals(ChainTables.onlineStateTableOf(versionTable))) {
                            continue;
                        }
                        Set<String> parents = references.computeIfAbsent(table, t -> new LinkedHashSet<>());
                        String parent = rs.getString(2);
                        if (parent != null && !parent.equals(table)) {
                            parents.add(parent);
                        }
                    }
                }
            }
            List<String> order = new ArrayList<>();
            Set<String> placed = new LinkedHashSet<>();
            while (placed.size() < references.size()) {
                boolean progress = false;
                for (Map.Entry<String, Set<String>> e : references.entrySet()) {
                    if (!placed.contains(e.getKey())
                            && e.getValue().stream().allMatch(p -> placed.contains(p) || !references.containsKey(p))) {
                        placed.add(e.getKey());
                        order.add(e.getKey());
                        progress = true;
                    }
                }
                if (!progress) { // a cycle of foreign keys: the rest by name
                    references.keySet().stream()
                            .filter(t -> !placed.contains(t))
                            .forEach(t -> {
                                placed.add(t);
                                order.add(t);
                            });
                }
            }
            return order;
        }

        /** The rows of a table as text, which PostgreSQL casts back on insert; generated columns left out. */
        private List<Map<String, Object>> rows(Connection c, String table) throws SQLException {
            List<String> columns = new ArrayList<>();
            boolean identityAlways = false;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT a.attname, a.attidentity, a.attgenerated "
                            + "FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid "
                            + "JOIN pg_namespace n ON n.oid = t.relnamespace "
                            + "WHERE n.nspname = ? AND t.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
                s.setString(1, schema);
                s.setString(2, table);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(3).isEmpty()) {
                            columns.add(rs.getString(1));
                            identityAlways |= "a".equals(rs.getString(2));
                        }
                    }
                }
            }
            String select = "SELECT "
                    + String.join(
                            ", ",
                            columns.stream().map(col -> quote(col) + "::text").toList()) + " FROM "
                    + quote(schema) + "." + quote(table) + " ORDER BY 1";
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(select);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i), rs.getString(i + 1));
                    }
                    rows.add(row);
                }
            }
            if (!rows.isEmpty() && identityAlways) {
                throw new MigrateException("The data steps of the range leave " + rows.size() + " row(s) in table "
                        + table + ", whose identity column is GENERATED ALWAYS, so the squash cannot insert them as "
                        + "they are. The data steps: " + dataSteps + ". Squash with -Dmigrate.squashData=drop to leave "
                        + "them out (and add them back by hand), or squash up to a revision below them. Nothing was "
                        + "written.");
            }
            return rows;
        }

        /** The sequences the data steps moved, set where they were. */
        private List<OpGroup> sequences(Connection c) throws SQLException {
            List<Change> changes = new ArrayList<>();
            // the version tables' own sequences are the run's, not the chain's
            try (PreparedStatement s = c.prepareStatement("SELECT format('%I.%I', q.schemaname, q.sequencename), "
                    + "q.last_value FROM pg_sequences q WHERE q.schemaname = ? AND q.last_value IS NOT NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid "
                    + "WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass "
                    + "AND d.objid = format('%I.%I', q.schemaname, q.sequencename)::regclass "
                    + "AND t.relname IN (?, ?)) ORDER BY 1")) {
                s.setString(1, schema);
                s.setString(2, versionTable);
                s.setString(3, historyTable);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new Change(
                                Description.changed("sequence " + rs.getString(1), "at " + rs.getLong(2)),
                                List.of(new SqlOp.Execute(
                                        "SELECT setval(" + Literals.string(rs.getString(1)) + ", " + rs.getLong(2)
                                                + ")",
                                        null)),
                                List.of("Where the data steps of the squashed revisions left it."),
                                List.of()));
                    }
                }
            }
            return changes.isEmpty() ? List.of() : List.of(OpGroup.outsideTables(changes));
        }

        private static String quote(String name) {
            return "\"" + name.replace("\"", "\"\"") + "\"";
        }
    }
}
