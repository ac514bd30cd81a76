package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.catalog;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.autogen.objects.SqlSchemaFiles;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema kept as SQL files is the desired side with no entities at all: files in any order (a view before its
 * table, a foreign key before the table it references, a type used before it is made), as {@code pg_dump -s} writes
 * them (its session settings, owners and psql commands left out), renames declared in comments. The Atlas
 * counterpart is its {@code schema apply --to file://schema/} over a folder of unordered files.
 */
class SqlSchemaFilesTest {
    /** A foreign key, a view and a function before what they use: the files' order is the file names'. */
    private static final String A_REPORTS = """
            CREATE VIEW open_orders AS SELECT o.id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id
                WHERE o.state = 'open';
            COMMENT ON VIEW open_orders IS 'orders still open';
            CREATE FUNCTION order_count(customer bigint) RETURNS bigint LANGUAGE sql STABLE
                AS $$ SELECT count(*) FROM orders WHERE customer_id = customer $$;
            """;

    private static final String B_ORDERS = """
            CREATE TABLE public.orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id),
                state order_state NOT NULL DEFAULT 'open',
                total numeric(10,2) CHECK (total >= 0)
            );
            CREATE INDEX orders_customer ON orders (customer_id);
            """;
    /** As pg_dump -s of PostgreSQL 17.6 writes it: session settings, a psql command, an owner. */
    private static final String C_CUSTOMERS = """
            \\restrict abc123
            SET statement_timeout = 0;
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE TABLE public.customers (
                id bigint NOT NULL,
                email character varying(200) NOT NULL
            );
            ALTER TABLE public.customers OWNER TO app_owner;
            ALTER TABLE ONLY public.customers ADD CONSTRAINT customers_pkey PRIMARY KEY (id);
            CREATE UNIQUE INDEX customers_email ON public.customers USING btree (lower((email)::text));
            COMMENT ON COLUMN public.customers.email IS 'where receipts go';
            CREATE SEQUENCE public.invoice_no START WITH 1000;
            \\unrestrict abc123
            """;

    private static final String D_TYPES = "CREATE TYPE public.order_state AS ENUM ('open', 'shipped');\n";

    @TempDir
    Path project;

    @Test
    void filesInAnyOrderAreTheDesiredSchemaAndNothingDiffersOnceApplied() throws Exception {
        write("a_reports.sql", A_REPORTS);
        write("tables/b_orders.sql", B_ORDERS);
        write("tables/c_customers.sql", C_CUSTOMERS);
        write("d_types.sql", D_TYPES);
        try (Connection c = TestPostgres.freshDatabase("sqlfiles_any_order").getConnection()) {
            MigrationScript diff = compare(c, files());
            assertThat(String.join("\n", diff.descriptions()))
                    .contains("added table public.customers")
                    .contains("added table public.orders")
                    .contains("enum type public.order_state")
                    .contains("sequence public.invoice_no")
                    .contains("customers_email")
                    .contains("open_orders")
                    .contains("order_count");
            run(c, diff.upgrade());
            assertNoChanges(compare(c, files()));

            run(c, diff.downgrade());
            assertThat(catalog(c).tables()).isEmpty();
        }
    }

    @Test
    void aTableAndThenAColumnRenamedByTheirCommentsAreRenamedKeepingTheirRows() throws Exception {
        write("customers.sql", "CREATE TABLE customers (id bigint PRIMARY KEY, name text);\n");
        try (Connection c = TestPostgres.freshDatabase("sqlfiles_renames").getConnection()) {
            run(c, compare(c, files()).upgrade());
            execute(c, "INSERT INTO customers VALUES (1, 'Ada')");
            write("customers.sql", """
                    CREATE TABLE clients ( -- migrate:renamed-from customers
                        id bigint PRIMARY KEY,
                        name text
                    );
                    """);
            assertThat(files().renames()).containsExactlyEntriesOf(Map.of("customers", "clients"));
            MigrationScript table = compare(c, files());
            assertThat(String.join("\n", table.descriptions()))
                    .contains("renamed table")
                    .doesNotContain("dropped table");
            run(c, table.upgrade());
            assertNoChanges(compare(c, files()));

            write("customers.sql", """
                    CREATE TABLE clients ( -- migrate:renamed-from customers
                        id bigint PRIMARY KEY,
                        "Full name" text -- migrate:renamed-from name
                    );
                    """);
            // the table's hint, applied already, is no mistake
            assertThat(files().renames()).containsEntry("customers.name", "Full name");
            write("customers.sql", """
                    CREATE TABLE clients (
                        id bigint PRIMARY KEY,
                        "Full name" text -- migrate:renamed-from name
                    );
                    """);
            MigrationScript column = compare(c, files());
            assertThat(String.join("\n", column.descriptions()))
                    .contains("renamed column")
                    .doesNotContain("dropped column");
            run(c, column.upgrade());
            assertNoChanges(compare(c, files()));
            try (var rs = c.createStatement().executeQuery("SELECT \"Full name\" FROM clients")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Ada");
            }
        }
    }

    @Test
    void aTableAndOneOfItsColumnsRenamedByCommentsInOneRevisionKeepTheRowsAndComeBackOnDowngrade() throws Exception {
        write("customers.sql", "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\n");
        try (Connection c =
                TestPostgres.freshDatabase("sqlfiles_renames_together").getConnection()) {
            run(c, compare(c, files()).upgrade());
            execute(c, "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')");
            DatabaseSchema before = catalog(c);
            write("customers.sql", """
                    CREATE TABLE clients ( -- migrate:renamed-from customers
                        id bigint PRIMARY KEY,
                        full_name text NOT NULL -- migrate:renamed-from name
                    );
                    """);
            MigrationScript both = compare(c, files());
            assertThat(both.descriptions())
                    .containsExactly(
                            "renamed table public.customers to clients",
                            "renamed column public.clients.name to full_name");
            run(c, both.upgrade());
            assertNoChanges(compare(c, files()));
            assertThat(values(c, "SELECT full_name FROM clients ORDER BY id")).containsExactly("Ada", "Grace");

            run(c, both.downgrade());
            assertThat(catalog(c)).isEqualTo(before);
            assertThat(values(c, "SELECT name FROM customers ORDER BY id")).containsExactly("Ada", "Grace");
        }
    }

    @Test
    void aStatementThatFailsForAnotherReasonIsNamedByFileAndLine() throws Exception {
        write(
                "customers.sql",
                "CREATE TABLE customers (id bigint PRIMARY KEY);\n\nCREATE INDEX c_x ON customers (nope);\n");
        try (Connection c = TestPostgres.freshDatabase("sqlfiles_error").getConnection()) {
            assertThatThrownBy(() -> compare(c, files()))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("db/schema/customers.sql line 3 (CREATE INDEX c_x ON customers (nope))")
                    .hasMessageContaining("column \"nope\" does not exist");
        }
    }

    @Test
    void aRenameHintOnNoTableOrColumnIsRefusedByFileAndLine() throws Exception {
        write(
                "customers.sql",
                "CREATE TABLE customers (\n  id bigint,\n  PRIMARY KEY (id) -- migrate:renamed-from x\n);\n");
        assertThatThrownBy(this::files)
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("db/schema/customers.sql line 3")
                .hasMessageContaining("on no table or column");
    }

    @Test
    void noFilesIsAnErrorNamingTheDirectoryAndTheSetting() {
        assertThatThrownBy(this::files)
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("db/schema holds no .sql file")
                .hasMessageContaining("migrate.source.sql.dir");
    }

    @Test
    void theKeyChangesWithAFileAndOnlyThen() throws Exception {
        write("customers.sql", "CREATE TABLE customers (id bigint PRIMARY KEY);\n");
        String before = files().key();
        assertThat(files().key()).isEqualTo(before);
        write("customers.sql", "CREATE TABLE customers (id bigint PRIMARY KEY, name text);\n");
        assertThat(files().key()).isNotEqualTo(before);
    }

    private static MigrationScript compare(Connection c, SqlSchemaFiles files) {
        return Comparisons.of("public")
                .withRenames(files.renames(), RenameDecider.never())
                .declaring(files.with(DeclaredObjects.none()))
                .compare(c, List.of());
    }

    private static List<String> values(Connection c, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private SqlSchemaFiles files() {
        return SqlSchemaFiles.in(project.resolve("schema"), "db/schema");
    }

    private void write(String file, String sql) throws IOException {
        Path path = project.resolve("schema").resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, sql);
    }
}
