package dev.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The lint runs only on a database it starts empty: one that holds a version table (in any schema)
 * or a table, view or sequence of its own is refused before anything runs, with a message that names
 * the database and what it holds and says where to lint instead; its rows stay as they were.
 */
class LintRefusalTest {

    @Revision(id = "r0", message = "customers")
    public static class Customers implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE customers");
        }
    }

    @Revision(id = "r1", revises = "r0", message = "index names")
    public static class IndexNames implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE INDEX ix_customers_name ON customers (name)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP INDEX ix_customers_name");
        }
    }

    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    private static Migrator migrations() {
        return Migrator.builder()
                .migrations(new Customers(), new IndexNames())
                .log(QUIET)
                .build();
    }

    @Test
    void aDatabaseWithAVersionTableIsRefusedAndKeepsItsRows() throws SQLException {
        String name = TestPostgres.createDatabase("lint_refused_app");
        DataSource app = TestPostgres.dataSource(name);
        Migrator.builder()
                .dataSource(app)
                .migrations(new Customers(), new IndexNames())
                .log(QUIET)
                .build()
                .upgrade("r0");
        execute(app, "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')");

        assertThatThrownBy(
                        () -> Lint.builder(migrations()).database(app).build().run("base:heads"))
                .isInstanceOf(LintRefusedException.class)
                .hasMessageStartingWith("The lint refuses the database localhost:" + TestPostgres.port() + "/" + name
                        + ": it holds the version table public.migrate_version and 2 other tables, views or sequences"
                        + " (table public.customers, table public.migrate_history)")
                .hasMessageContaining("the lint writes sample rows into every table and deletes them again")
                .hasMessageEndingWith("Lint on a throwaway server: mvn migrate:lint with no URL starts one (with a URL"
                        + " it only reads which migrations are pending there and how large the tables are); or give the"
                        + " lint an empty database made for it.");
        assertThatThrownBy(
                        () -> Lint.builder(migrations()).database(app).build().pending(List.of()))
                .isInstanceOf(LintRefusedException.class);

        assertThat(rows(app, "SELECT id || ' ' || name FROM customers ORDER BY id"))
                .containsExactly("1 Ada", "2 Grace");
        assertThat(rows(app, "SELECT version_num FROM migrate_version")).containsExactly("r0");
        assertThat(rows(app, "SELECT indexname FROM pg_indexes WHERE indexname = 'ix_customers_name'"))
                .as("r1 did not run")
                .isEmpty();
    }

    @Test
    void aVersionTableInAnySchemaIsFoundWhateverTheMigratorIsConfiguredWith() {
        DataSource app = TestPostgres.freshDatabase("lint_refused_ops");
        Migrator.builder()
                .dataSource(app)
                .schema("ops")
                .versionTable("app_version")
                .migrations(new Customers())
                .log(QUIET)
                .build()
                .upgrade("r0");

        Migrator configured = Migrator.builder()
                .schema("ops")
                .versionTable("app_version")
                .migrations(new Customers(), new IndexNames())
                .log(QUIET)
                .build();
        assertThatThrownBy(() -> Lint.builder(configured).database(app).build().run("base:heads"))
                .isInstanceOf(LintRefusedException.class)
                .hasMessageContaining("it holds the version table ops.app_version and ");
        execute(app, "DROP TABLE customers, ops.migrate_history");
        assertThatThrownBy(
                        () -> Lint.builder(migrations()).database(app).build().run("base:heads"))
                .as("a version table of the default name, the migrator configured with its own")
                .hasMessageContaining("it holds 1 table, view or sequence (table ops.app_version)");
    }

    @Test
    void aDatabaseWithATableOfItsOwnIsRefusedAndKeepsItsRows() throws SQLException {
        DataSource app = TestPostgres.freshDatabase("lint_refused_table");
        execute(
                app,
                "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);"
                        + " INSERT INTO customers (name) VALUES ('Ada');"
                        + " CREATE VIEW customer_names AS SELECT name FROM customers;"
                        + " CREATE SEQUENCE invoice_numbers");

        assertThatThrownBy(
                        () -> Lint.builder(migrations()).database(app).build().run("base:heads"))
                .isInstanceOf(LintRefusedException.class)
                .hasMessageContaining(": it holds 3 tables, views or sequences (view public.customer_names,"
                        + " table public.customers, sequence public.invoice_numbers), and the lint writes");
        assertThat(rows(app, "SELECT id || ' ' || name FROM customers")).containsExactly("1 Ada");
        assertThat(rows(app, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                .containsExactly("customers");
    }

    @Test
    void manyObjectsAreNamedByTheFirstFewAndCounted() {
        DataSource app = TestPostgres.freshDatabase("lint_refused_many");
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id int);");
        }
        execute(app, sql.toString());
        assertThatThrownBy(
                        () -> Lint.builder(migrations()).database(app).build().run("base:heads"))
                .hasMessageContaining("it holds 8 tables, views or sequences (table public.t1, table public.t2,"
                        + " table public.t3, table public.t4, table public.t5, ...)");
    }

    @Test
    void theMessageNamesTheDatabaseWithoutItsPassword() {
        String name = TestPostgres.createDatabase("lint_refused_secret");
        execute(TestPostgres.dataSource(name), "CREATE TABLE customers (id int)");
        PGSimpleDataSource secret = new PGSimpleDataSource();
        secret.setURL("jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + name
                + "?user=postgres&password=s3cret-pw&ApplicationName=app");
        assertThatThrownBy(() ->
                        Lint.builder(migrations()).database(secret).build().run("base:heads"))
                .isInstanceOf(LintRefusedException.class)
                .hasMessageContaining(
                        "The lint refuses the database localhost:" + TestPostgres.port() + "/" + name + ":")
                .message()
                .doesNotContain("s3cret-pw");
    }

    @Test
    void anEmptyDatabaseMadeForTheLintIsLinted() {
        DataSource throwaway = TestPostgres.freshDatabase("lint_accepted");
        LintReport report =
                Lint.builder(migrations()).database(throwaway).build().run("r0:heads");
        assertThat(report.findings()).extracting(f -> f.rule().id()).containsExactly("index-not-concurrent");
    }

    @Test
    void aLintWithoutADatabaseSaysWhereToGetOne() {
        assertThatThrownBy(() -> Lint.builder(migrations()).build())
                .hasMessage("The lint has no database to replay the migrations on. Give it an empty database made"
                        + " for it with builder.database(dataSource), such as one of a throwaway server; mvn"
                        + " migrate:lint starts one.");
    }

    static void execute(DataSource database, String sql) {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> rows(DataSource database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
