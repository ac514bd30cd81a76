package dev.migrate.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What Citus refuses on the tables it spreads (Citus 13), said before the statement runs on a coordinator,
 * with the fix: a trigger on a distributed or reference table (unless {@code citus.enable_unsafe_triggers}),
 * a foreign key from a distributed table to a table of the coordinator alone or to a distributed table of
 * another colocation group, a primary key, unique constraint or unique index without the distribution
 * column, a change of the distribution column's type. How each table is spread is asked of the database the
 * statement is about to run on ({@code pg_dist_partition}, without the sizes {@code citus_tables} adds up),
 * the names resolved as the statement's session resolves them.
 *
 * @param table the table the statement changes, as the database names it
 * @param detail what Citus refuses and what to do instead
 */
record CitusRefusal(String table, String detail) {
    private static final String NAME =
            "((?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*))?)";
    private static final Pattern TRIGGER = Pattern.compile(
            "(?is)^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+.*?\\sON\\s+(?:ONLY\\s+)?" + NAME);
    private static final Pattern ALTER =
            Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + NAME + "\\s+(.*)$");
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "(?is)\\bADD\\s+(?:CONSTRAINT\\s+\\S+\\s+)?FOREIGN\\s+KEY\\s*\\([^)]*\\)\\s*REFERENCES\\s+" + NAME);
    private static final Pattern KEY = Pattern.compile(
            "(?is)\\bADD\\s+(?:CONSTRAINT\\s+(\\S+)\\s+)?(PRIMARY\\s+KEY|UNIQUE(?:\\s+NULLS\\s+(?:NOT\\s+)?DISTINCT)?)"
                    + "\\s*\\(([^)]*)\\)");
    private static final Pattern COLUMN_TYPE = Pattern.compile(
            "(?is)\\bALTER\\s+(?:COLUMN\\s+)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\s+(?:SET\\s+DATA\\s+)?TYPE\\b");
    private static final Pattern UNIQUE_INDEX = Pattern.compile(
            "(?is)^\\s*CREATE\\s+UNIQUE\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:(?:IF\\s+NOT\\s+EXISTS\\s+)?\\S+\\s+)?ON\\s+"
                    + "(?:ONLY\\s+)?" + NAME + "\\s*(?:USING\\s+\\w+\\s*)?\\(([^)]*)\\)");

    /**
     * How Citus holds a table: its kind ({@code distributed}, {@code reference}, {@code local}, {@code
     * single-shard}), distribution column and colocation group.
     */
    private record Spread(
            String name, String type, @Nullable String column, long colocation) {
        boolean distributed() {
            return type.equals("distributed");
        }
    }

    /**
     * What Citus would refuse of {@code sql}, on {@code c}, a coordinator; nothing for a statement that touches
     * no table Citus spreads, and no query at all for one that could not.
     */
    static List<CitusRefusal> of(Connection c, String sql) throws SQLException {
        List<CitusRefusal> refusals = new ArrayList<>();
        Matcher trigger = TRIGGER.matcher(sql);
        if (trigger.find()) {
            Spread on = spread(c, trigger.group(1));
            if (on != null && (on.distributed() || on.type().equals("reference"))) {
                refusals.add(new CitusRefusal(
                        on.name(),
                        "creates a trigger on " + on.type() + " table " + on.name()
                                + ", which Citus refuses (\"triggers"
                                + " are not supported on " + on.type()
                                + " tables\") unless citus.enable_unsafe_triggers"
                                + " is on, and then fires it on the shards of the workers: do the trigger's work in the"
                                + " application, or set citus.enable_unsafe_triggers for the cluster knowingly (ALTER"
                                + " SYSTEM or the role's settings) and accept the finding with @SuppressLint"));
            }
            return refusals;
        }
        Matcher unique = UNIQUE_INDEX.matcher(sql);
        if (unique.find()) {
            Spread on = spread(c, unique.group(1));
            if (on != null && on.distributed() && !names(unique.group(2)).contains(on.column())) {
                refusals.add(
                        withoutColumn(on, "unique index on (" + unique.group(2).strip() + ")"));
            }
            return refusals;
        }
        Matcher alter = ALTER.matcher(sql);
        if (!alter.find()) {
            return refusals;
        }
        String rest = alter.group(2);
        Matcher fk = FOREIGN_KEY.matcher(rest);
        Matcher key = KEY.matcher(rest);
        Matcher type = COLUMN_TYPE.matcher(rest);
        boolean fkFound = fk.find();
        boolean keyFound = key.find();
        boolean typeFound = type.find();
        if (!fkFound && !keyFound && !typeFound) {
            return refusals;
        }
        Spread on = spread(c, alter.group(1));
        if (on == null || !on.distributed()) {
            return refusals;
        }
        if (fkFound) {
            Spread to = spread(c, fk.group(1));
            if (to == null || to.type().equals("local")) {
                refusals.add(new CitusRefusal(
                        on.name(),
                        "adds a foreign key from distributed table " + on.name() + " to " + fk.group(1)
                                + ", a table of the coordinator alone, which Citus refuses (the rows a key ties together"
                                + " must be on one node): make " + fk.group(1) + " a reference table first"
                                + " (op.createReferenceTable), or distribute it colocated with " + on.name()));
            } else if (to.distributed() && to.colocation() != on.colocation()) {
                refusals.add(new CitusRefusal(
                        on.name(),
                        "adds a foreign key from distributed table " + on.name() + " to distributed table "
                                + to.name() + " of another colocation group, which Citus refuses: distribute "
                                + on.name() + " colocated with " + to.name()
                                + " (op.distributeTable(..., colocateWith)), with the key on the distribution column"));
            }
        }
        if (keyFound && !names(key.group(3)).contains(on.column())) {
            String kind = key.group(2).toUpperCase(java.util.Locale.ROOT).startsWith("PRIMARY")
                    ? "primary key"
                    : "unique" + " constraint";
            refusals.add(withoutColumn(
                    on,
                    kind + (key.group(1) == null ? "" : " " + key.group(1)) + " ("
                            + key.group(3).strip() + ")"));
        }
        if (typeFound && identifier(type.group(1)).equals(on.column())) {
            refusals.add(new CitusRefusal(
                    on.name(),
                    "changes the type of " + on.name() + "." + on.column() + ", the distribution column, which Citus"
                            + " refuses (\"cannot execute ALTER TABLE command involving partition column\"): add a new"
                            + " column, or undistribute the table (op.undistributeTable), change the type and"
                            + " distribute it again"));
        }
        return refusals;
    }

    private static CitusRefusal withoutColumn(Spread on, String key) {
        return new CitusRefusal(
                on.name(),
                "adds a " + key + " to distributed table " + on.name() + " without its distribution column "
                        + on.column() + ", which Citus refuses (each shard enforces its own keys): include "
                        + on.column() + " in the key");
    }

    /** The column names of a list as written, unquoted as SQL reads them. */
    private static List<String> names(String list) {
        return Arrays.stream(list.split(",", -1))
                .map(String::strip)
                .map(n -> n.split("\\s+", -1)[0])
                .map(CitusRefusal::identifier)
                .toList();
    }

    private static String identifier(String written) {
        return written.startsWith("\"")
                ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
                : written.toLowerCase(java.util.Locale.ROOT);
    }

    /** How Citus holds the table {@code name} resolves to on {@code c}; {@code null} when it holds it not at all. */
    private static @Nullable Spread spread(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT n.nspname || '.' || cl.relname,
                       CASE WHEN p.partmethod = 'h' THEN 'distributed' WHEN p.repmodel = 't' THEN 'reference'
                            WHEN p.colocationid = 0 THEN 'local' ELSE 'single-shard' END,
                       column_to_column_name(p.logicalrelid, p.partkey), p.colocationid
                FROM pg_dist_partition p
                JOIN pg_catalog.pg_class cl ON cl.oid = p.logicalrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = cl.relnamespace
                WHERE p.logicalrelid = to_regclass(?)""")) {
            s.setString(1, name.replaceAll("\\s*\\.\\s*", "."));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Spread(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)) : null;
            }
        }
    }
}
