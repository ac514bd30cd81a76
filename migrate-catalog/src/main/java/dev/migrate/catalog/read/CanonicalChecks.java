package dev.migrate.catalog.read;

import dev.migrate.catalog.CheckConstraint;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.EnumType;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
 * <p>The round trip runs on empty temporary copies of the tables, in a transaction that is rolled
 * back. {@link #of} makes them on the server that holds the tables ({@code LIKE} the originals, under
 * a share lock only); {@link #elsewhere} makes them from the model on another server, so that a
 * database that may only be read (a read-only role, a standby) is never written to.
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
        return roundTrip(c, schema, t -> true, new CopiesLike(), false);
    }

    /**
     * The same schema, read from another server with {@code managedSchema} first on its search path,
     * with the check expressions of the tables {@code which} selects as PostgreSQL spells them after a
     * round trip on {@code elsewhere}, a server where this may write (a throwaway one). The copies are
     * made from the model: each table's columns with their types, after the enum types of the schema.
     * An enum type {@code elsewhere} has already is kept. A table whose copy that server cannot make (a
     * column of a domain it was not given, or of a type of an extension it lacks) keeps its expressions as
     * they were read: compared as spelled, never lost.
     */
    public static DatabaseSchema elsewhere(
            Connection elsewhere, DatabaseSchema schema, String managedSchema, Predicate<Table> which)
            throws SQLException {
        return roundTrip(elsewhere, schema, which, new CopiesFromModel(schema, managedSchema), true);
    }

    /** How the empty copies of the tables are made. */
    private interface Copies {
        /** Statements run once per transaction before the copies are made. */
        List<String> setUp();

        /** The statement that makes {@code copy}, an empty temporary table with the columns of {@code table}. */
        String create(String copy, Table table);
    }

    /** Copies of tables that exist on the same server. */
    private static final class CopiesLike implements Copies {
        @Override
        public List<String> setUp() {
            return List.of();
        }

        @Override
        public String create(String copy, Table t) {
            return "CREATE TEMP TABLE " + copy + " (LIKE " + Identifiers.quote(t.schema()) + "."
                    + Identifiers.quote(t.name()) + ")";
        }
    }

    /**
     * Copies of tables read elsewhere: types are spelled as the reader spelled them with the managed
     * schema first on the path, so the same path is set, and the schemas and enum types they name are
     * made first (all inside the transaction that is rolled back).
     */
    private static final class CopiesFromModel implements Copies {
        private final DatabaseSchema schema;
        private final String managedSchema;

        CopiesFromModel(DatabaseSchema schema, String managedSchema) {
            this.schema = schema;
            this.managedSchema = managedSchema;
        }

        @Override
        public List<String> setUp() {
            Set<String> schemas = new LinkedHashSet<>();
            schemas.add(managedSchema);
            schema.enumTypes().keySet().forEach(n -> schemas.add(n.schema()));
            List<String> sql = new ArrayList<>();
            for (String name : schemas) {
                sql.add("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(name));
            }
            sql.add("SET LOCAL search_path = " + Identifiers.quote(managedSchema) + ", public");
            for (EnumType type : schema.enumTypes().values()) {
                // the server may have the database's types already, copied for the entities that use them, or
                // another comparison may be making them at the same moment
                sql.add("DO $migrate$ BEGIN CREATE TYPE " + Identifiers.quote(type.schema()) + "."
                        + Identifiers.quote(type.name()) + " AS ENUM ("
                        + type.labels().stream().map(Literals::string).collect(Collectors.joining(", "))
                        + "); EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $migrate$");
            }
            return sql;
        }

        @Override
        public String create(String copy, Table t) {
            return "CREATE TEMP TABLE " + copy + " ("
                    + t.columns().stream().map(CopiesFromModel::column).collect(Collectors.joining(", "))
                    + ")";
        }

        private static String column(TableColumn c) {
            return Identifiers.quote(c.name()) + " " + c.type();
        }
    }

    private static DatabaseSchema roundTrip(
            Connection c, DatabaseSchema schema, Predicate<Table> which, Copies copies, boolean keepWhatFails)
            throws SQLException {
        List<Table> withChecks = schema.tables().values().stream()
                .filter(t -> !t.checkConstraints().isEmpty())
                .filter(which)
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
                    roundTrip(c, chunk, canonical, copies, keepWhatFails, false);
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            } else {
                roundTrip(c, chunk, canonical, copies, keepWhatFails, true);
            }
        }
        List<Table> tables = schema.tables().values().stream()
                .map(t -> canonical.containsKey(t) ? withExpressions(t, canonical.get(t)) : t)
                .toList();
        return DatabaseSchema.of(
                        tables, schema.sequences().values(), schema.enumTypes().values())
                .withObjects(schema.objects().values());
    }

    private static void roundTrip(
            Connection c,
            List<Table> tables,
            Map<Table, List<String>> canonical,
            Copies copies,
            boolean keepWhatFails,
            boolean dropAfter)
            throws SQLException {
        List<String> temps = new ArrayList<>();
        List<List<String>> copyStatements = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            String temp = PREFIX + i;
            temps.add(temp);
            copyStatements.add(List.of(copies.create(temp, tables.get(i)), addChecks(temp, tables.get(i))));
        }
        try (Statement s = c.createStatement()) {
            for (String sql : copies.setUp()) {
                s.addBatch(sql);
            }
            List<Integer> made;
            if (keepWhatFails) {
                s.executeBatch();
                made = copiesMade(s, copyStatements);
            } else {
                for (List<String> statements : copyStatements) {
                    for (String sql : statements) {
                        s.addBatch(sql);
                    }
                }
                s.executeBatch();
                made = IntStream.range(0, tables.size()).boxed().toList();
            }
            Map<String, List<String>> byTemp = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT c.relname, pg_get_constraintdef(con.oid) FROM pg_constraint con "
                    + "JOIN pg_class c ON c.oid = con.conrelid WHERE c.relnamespace = pg_my_temp_schema() "
                    + "AND con.contype = 'c' AND c.relname LIKE '" + PREFIX + "%' ORDER BY c.relname, con.conname")) {
                while (rs.next()) {
                    byTemp.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
            for (int i : made) {
                canonical.put(tables.get(i), byTemp.get(temps.get(i)));
            }
            if (dropAfter && !made.isEmpty()) {
                s.execute("DROP TABLE " + made.stream().map(temps::get).collect(Collectors.joining(", ")));
            }
        }
    }

    /**
     * The positions of the copies made: all of them in one batch when the server takes them; otherwise
     * one by one, each under a savepoint, leaving out those it refuses.
     */
    private static List<Integer> copiesMade(Statement s, List<List<String>> copyStatements) throws SQLException {
        s.execute("SAVEPOINT migrate_copies");
        try {
            for (List<String> statements : copyStatements) {
                for (String sql : statements) {
                    s.addBatch(sql);
                }
            }
            s.executeBatch();
            return IntStream.range(0, copyStatements.size()).boxed().toList();
        } catch (SQLException e) {
            s.clearBatch();
            s.execute("ROLLBACK TO SAVEPOINT migrate_copies");
        }
        List<Integer> made = new ArrayList<>();
        for (int i = 0; i < copyStatements.size(); i++) {
            s.execute("SAVEPOINT migrate_copy");
            try {
                for (String sql : copyStatements.get(i)) {
                    s.execute(sql);
                }
                s.execute("RELEASE SAVEPOINT migrate_copy");
                made.add(i);
            } catch (SQLException e) {
                s.execute("ROLLBACK TO SAVEPOINT migrate_copy");
            }
        }
        return made;
    }

    /** The table's checks on {@code copy}, named by position: the model keeps checks sorted by name, so positions pair up. */
    private static String addChecks(String copy, Table t) {
        List<CheckConstraint> checks = t.checkConstraints();
        List<String> adds = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            adds.add("ADD CONSTRAINT c" + String.format("%05d", i) + " "
                    + checks.get(i).expression());
        }
        return "ALTER TABLE " + copy + " " + String.join(", ", adds);
    }

    private static Table withExpressions(Table t, List<String> expressions) {
        List<CheckConstraint> checks = new ArrayList<>();
        for (int i = 0; i < t.checkConstraints().size(); i++) {
            CheckConstraint check = t.checkConstraints().get(i);
            checks.add(check.withExpression(expressions.get(i)));
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
                t.partitioning(),
                t.unlogged(),
                t.constraintComments(),
                t.indexComments());
    }
}
