package dev.migrate.autogen.catalog;

import dev.migrate.autogen.schema.CheckConstraint;
import dev.migrate.autogen.schema.DatabaseSchema;
import dev.migrate.autogen.schema.Table;
import dev.migrate.internal.sql.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites check constraint expressions into the form PostgreSQL gives them once they have been
 * created from their own deparsed text, so that two sides compare alike however each was made.
 *
 * <p>Deparsing is not idempotent: {@code kind in ('car','truck')} on a varchar column comes back
 * as {@code (kind)::text = ANY ((ARRAY['car'::character varying, ...])::text[])}, and that text,
 * parsed again, comes back as {@code ... ANY (ARRAY[('car'::character varying)::text, ...])}.
 * A migration writes the deparsed text, so a database built by migrations holds the second form
 * while one built by the provider's own DDL holds the first. After one more round trip both
 * spell the same, and further round trips change nothing.
 *
 * <p>The round trip runs on empty temporary copies of the tables ({@code CREATE TEMP TABLE ... (LIKE ...)}),
 * which read the originals under a share lock only. Nothing else is changed.
 */
public final class CanonicalChecks {
    private static final String PREFIX = "migrate_check_";
    /** Tables per transaction in autocommit mode, to stay far below the lock table's size. */
    private static final int CHUNK = 500;

    private CanonicalChecks() {}

    /**
     * The same schema with every check expression as PostgreSQL spells it after a round trip. The
     * tables must exist on {@code c} under their schema's name. In autocommit mode the work is
     * done in transactions that are rolled back; inside the caller's transaction the temporary
     * tables are dropped again.
     */
    public static DatabaseSchema of(Connection c, DatabaseSchema schema) throws SQLException {
        List<Table> withChecks = schema.tables().values().stream()
                .filter(t -> !t.checkConstraints().isEmpty())
                .toList();
        if (withChecks.isEmpty()) {
            return schema;
        }
        Map<Table, List<String>> canonical = new HashMap<>();
        boolean autoCommit = c.getAutoCommit();
        for (int from = 0; from < withChecks.size(); from += CHUNK) {
            List<Table> chunk = withChecks.subList(from, Math.min(withChecks.size(), from + CHUNK));
            if (autoCommit) {
                c.setAutoCommit(false);
                try {
                    roundTrip(c, chunk, canonical, false);
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            } else {
                roundTrip(c, chunk, canonical, true);
            }
        }
        List<Table> tables = schema.tables().values().stream()
                .map(t -> canonical.containsKey(t) ? withExpressions(t, canonical.get(t)) : t)
                .toList();
        return DatabaseSchema.of(
                tables, schema.sequences().values(), schema.enumTypes().values());
    }

    private static void roundTrip(
            Connection c, List<Table> tables, Map<Table, List<String>> canonical, boolean dropAfter)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            List<String> temps = new ArrayList<>();
            for (Table t : tables) {
                String temp = PREFIX + temps.size();
                temps.add(temp);
                s.addBatch("CREATE TEMP TABLE " + temp + " (LIKE " + Identifiers.quote(t.schema()) + "."
                        + Identifiers.quote(t.name()) + ")");
                List<CheckConstraint> checks = t.checkConstraints();
                List<String> adds = new ArrayList<>();
                for (int i = 0; i < checks.size(); i++) {
                    // named by position: the model keeps checks sorted by name, so positions pair up
                    adds.add("ADD CONSTRAINT c" + String.format("%05d", i) + " "
                            + checks.get(i).expression());
                }
                s.addBatch("ALTER TABLE " + temp + " " + String.join(", ", adds));
            }
            s.executeBatch();
            Map<String, List<String>> byTemp = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT c.relname, pg_get_constraintdef(con.oid) FROM pg_constraint con "
                    + "JOIN pg_class c ON c.oid = con.conrelid WHERE c.relnamespace = pg_my_temp_schema() "
                    + "AND con.contype = 'c' AND c.relname LIKE '" + PREFIX + "%' ORDER BY c.relname, con.conname")) {
                while (rs.next()) {
                    byTemp.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
            for (int i = 0; i < tables.size(); i++) {
                canonical.put(tables.get(i), byTemp.get(temps.get(i)));
            }
            if (dropAfter) {
                s.execute("DROP TABLE " + String.join(", ", temps));
            }
        }
    }

    private static Table withExpressions(Table t, List<String> expressions) {
        List<CheckConstraint> checks = new ArrayList<>();
        for (int i = 0; i < t.checkConstraints().size(); i++) {
            CheckConstraint check = t.checkConstraints().get(i);
            checks.add(new CheckConstraint(check.name(), expressions.get(i), check.validated()));
        }
        return new Table(
                t.schema(),
                t.name(),
                t.columns(),
                t.primaryKey(),
                t.foreignKeys(),
                t.uniqueConstraints(),
                checks,
                t.exclusionConstraints(),
                t.indexes(),
                t.comment(),
                t.partitioning());
    }
}
