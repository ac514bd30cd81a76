package dev.migrate.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.op.Op;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Renames, and columns dropped and added again, with what hangs on them: each migration is written from a database
 * the chain built, run up and then down on it, and the schema compared after each with one built straight from the
 * DDL of that side. Renames run first (PostgreSQL carries indexes, constraints and the foreign keys pointing at a
 * table to the new name, so nothing is rebuilt for them) and a serial's sequence is renamed with its table or column;
 * a generated column goes before a column it reads changes type, and comes back after with what was built on it.
 */
class RenamesAndRebuildsRoundTripTest {
    /** The DDL the chain's one revision runs: set by each test before the chain is built. */
    private static List<String> before = List.of();

    @Revision(id = "r1", message = "the schema before")
    public static class Before implements Migration {
        @Override
        public void upgrade(Operations op) {
            before.forEach(op::execute);
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Test
    void aTableRenamedKeepsTheForeignKeysThatPointAtIt() throws SQLException {
        List<String> upgrade = roundTrip(
                "renamed_fk",
                List.of(
                        "create table clients (id int primary key, name text)",
                        "create table orders (id int primary key, client_id int references clients (id))"),
                List.of(
                        "create table customers (id int primary key, name text)",
                        "create table orders (id int primary key, client_id int,"
                                + " constraint orders_client_id_fkey foreign key (client_id) references customers (id))"),
                Map.of("clients", "customers"));
        assertThat(upgrade).containsExactly("ALTER TABLE clients RENAME TO customers");
    }

    @Test
    void aViewOverARenamedTableAndColumnIsBuiltAgainAroundTheRenames() throws SQLException {
        List<String> upgrade = roundTrip(
                "renamed_under_view",
                List.of(
                        "create table clients (id int primary key, name text)",
                        "create view client_names as select id, name from clients where name <> ''"),
                List.of(
                        "create table customers (id int primary key, full_name text)",
                        "create view client_names as select id, full_name from customers where full_name <> ''"),
                Map.of("clients", "customers", "clients.name", "full_name"));
        // the view goes before the renames and comes back after them, each way
        assertThat(upgrade.get(0)).isEqualTo("DROP VIEW client_names");
        assertThat(upgrade.get(upgrade.size() - 1)).startsWith("CREATE OR REPLACE VIEW client_names AS");
    }

    @Test
    void aSerialsSequenceIsRenamedWithItsTableAndColumn() throws SQLException {
        List<String> upgrade = roundTrip(
                "renamed_serial",
                List.of("create table clients (id serial primary key, code bigserial, name text)"),
                List.of("create table customers (id serial primary key, number bigserial, name text)"),
                Map.of("clients", "customers", "clients.code", "number"));
        assertThat(upgrade)
                .containsExactly(
                        "ALTER TABLE clients RENAME TO customers",
                        "ALTER TABLE customers RENAME COLUMN code TO number",
                        "ALTER SEQUENCE clients_id_seq RENAME TO customers_id_seq",
                        "ALTER SEQUENCE clients_code_seq RENAME TO customers_number_seq");
    }

    @Test
    void aColumnRenamedKeepsItsIndexesAndConstraints() throws SQLException {
        List<String> upgrade = roundTrip(
                "renamed_column",
                List.of(
                        "create table t (id int primary key, a int, note text)",
                        "create index t_a_idx on t (a) include (note)",
                        "create index t_a_lower on t (lower(note), (a + 1)) where a > 0",
                        "alter table t add constraint t_a_uq unique (a)",
                        "alter table t add constraint t_a_ck check (a > 0 and note <> 'a')"),
                List.of(
                        "create table t (id int primary key, b int, note text)",
                        "create index t_a_idx on t (b) include (note)",
                        "create index t_a_lower on t (lower(note), (b + 1)) where b > 0",
                        "alter table t add constraint t_a_uq unique (b)",
                        "alter table t add constraint t_a_ck check (b > 0 and note <> 'a')"),
                Map.of("t.a", "b"));
        assertThat(upgrade).containsExactly("ALTER TABLE t RENAME COLUMN a TO b");
    }

    @Test
    void aGeneratedColumnGoesAroundTheTypeChangeOfAColumnItReads() throws SQLException {
        // PostgreSQL: "cannot alter type of a column used by a generated column", a varchar widened too
        List<String> upgrade = roundTrip(
                "generated_reads_retyped",
                List.of(
                        "create table g (id int primary key, title varchar(10), price int,"
                                + " search tsvector generated always as (to_tsvector('english', title)) stored,"
                                + " doubled int generated always as (price * 2) stored)",
                        "create index g_search on g using gin (search)",
                        "alter table g add constraint g_doubled_ck check (doubled >= 0)"),
                List.of(
                        "create table g (id int primary key, title varchar(20), price bigint,"
                                + " search tsvector generated always as (to_tsvector('english', title)) stored,"
                                + " doubled bigint generated always as (price * 2) stored)",
                        "create index g_search on g using gin (search)",
                        "alter table g add constraint g_doubled_ck check (doubled >= 0)"),
                Map.of());
        assertThat(upgrade.get(0)).isEqualTo("DROP INDEX g_search");
        assertThat(upgrade.get(upgrade.size() - 1)).isEqualTo("CREATE INDEX g_search ON g USING gin (search)");
    }

    @Test
    void anIndexEntitiesCannotDescribeIsBuiltAgainAsItWasAroundTheGeneratedColumn() throws SQLException {
        // as from JPA entities: the GIN index is not theirs to declare, so it is kept, and built again as it was
        before = List.of(
                "create table g (id int primary key, title varchar(10),"
                        + " search tsvector generated always as (to_tsvector('english', title)) stored)",
                "create index g_search on g using gin (search)");
        AutogenerateResult result = Autogenerate.run(
                AutogenerateRequest.builder(
                                Migrator.builder().migrations(Before.class).build(),
                                PrintedDdl.of(List.of("create table g (id int primary key, title varchar(20),"
                                        + " search tsvector generated always as (to_tsvector('english', title))"
                                        + " stored)")))
                        .build(),
                new TestThrowaways(null),
                line -> {});
        List<String> upgrade = OpSql.renderAll(result.script().upgrade());
        assertThat(upgrade.get(0)).isEqualTo("DROP INDEX g_search");
        assertThat(upgrade.get(upgrade.size() - 1)).isEqualTo("CREATE INDEX g_search ON g USING gin (search)");

        DataSource database = TestPostgres.freshDatabase("kept_index_rebuilt");
        Migrator.builder().dataSource(database).migrations(Before.class).build().upgrade("heads");
        String index = "SELECT indexdef FROM pg_indexes WHERE indexname = 'g_search'";
        run(database, result.script().upgrade());
        assertThat(TestPostgres.query(database, index))
                .containsExactly("CREATE INDEX g_search ON public.g USING gin (search)");
        run(database, result.script().downgrade());
        assertThat(TestPostgres.query(database, index))
                .containsExactly("CREATE INDEX g_search ON public.g USING gin (search)");
    }

    @Test
    void aGeneratedColumnWhoseExpressionChangesGetsItsIndexBack() throws SQLException {
        List<String> upgrade = roundTrip(
                "generated_expression",
                List.of(
                        "create table g (id int primary key, a int, b int generated always as (a * 2) stored)",
                        "create index g_b on g (b)"),
                List.of(
                        "create table g (id int primary key, a int, b int generated always as (a * 3) stored)",
                        "create index g_b on g (b)"),
                Map.of());
        assertThat(upgrade).endsWith("CREATE INDEX g_b ON g (b)");
    }

    /**
     * Writes the migration from {@code from} to {@code to}, runs it up and down on a database the chain built, and
     * compares that database with ones built straight from each side's DDL; returns the upgrade's statements.
     */
    private static List<String> roundTrip(String name, List<String> from, List<String> to, Map<String, String> renames)
            throws SQLException {
        before = from;
        AutogenerateResult result = Autogenerate.run(
                AutogenerateRequest.builder(
                                Migrator.builder().migrations(Before.class).build(), PrintedDdl.of(to))
                        .renames(renames)
                        .declaringTheWholeSchema(true)
                        .build(),
                new TestThrowaways(null),
                line -> {});
        DataSource database = TestPostgres.freshDatabase(name);
        Migrator.builder().dataSource(database).migrations(Before.class).build().upgrade("heads");
        run(database, result.script().upgrade());
        assertThat(shape(database, false)).isEqualTo(shape(built(name + "_to", to), false));
        run(database, result.script().downgrade());
        assertThat(shape(database, true)).isEqualTo(shape(built(name + "_from", from), true));
        return OpSql.renderAll(result.script().upgrade());
    }

    private static DataSource built(String name, List<String> ddl) throws SQLException {
        DataSource database = TestPostgres.freshDatabase(name);
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
        }
        return database;
    }

    /**
     * The public schema's columns (defaults and generation included), views, indexes and constraints, the chain's
     * history tables aside; {@code withNames} names them too (a rename leaves an index's and a constraint's name as
     * they were, which the DDL of the new side does not).
     */
    private static List<String> shape(DataSource database, boolean withNames) throws SQLException {
        String index = withNames ? "indexdef" : "regexp_replace(indexdef, 'INDEX \\S+ ON', 'INDEX ON')";
        String constraint = withNames ? "conname || ' ' || " : "";
        return TestPostgres.query(
                database,
                "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(column_default, '')"
                        + " || ' ' || coalesce(generation_expression, '') FROM information_schema.columns"
                        + " WHERE table_schema = 'public' AND table_name NOT LIKE 'migrate%'"
                        + " UNION ALL SELECT " + index + " FROM pg_indexes"
                        + " WHERE schemaname = 'public' AND tablename NOT LIKE 'migrate%'"
                        + " UNION ALL SELECT conrelid::regclass || ' ' || " + constraint
                        + "pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                        + " AND conrelid::regclass::text NOT LIKE 'migrate%'"
                        + " UNION ALL SELECT 'view ' || viewname || ' ' || definition FROM pg_views"
                        + " WHERE schemaname = 'public'"
                        + " UNION ALL SELECT 'sequence ' || sequencename FROM pg_sequences"
                        + " WHERE schemaname = 'public' AND sequencename NOT LIKE 'migrate%'"
                        + " ORDER BY 1");
    }

    private static void run(DataSource database, List<Op> ops) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : OpSql.renderAll(ops)) {
                s.execute(sql);
            }
        }
    }
}
