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
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declared statements that add to the entities' tables (an index, a comment, a check, a sequence, an
 * enum type) are part of the desired state, and a table of the entities may use what a declared statement
 * makes (a domain a column is typed with, a function a default or a check calls): the comparison writes
 * them, finds nothing once they are applied, and never takes them for objects to drop.
 */
class DeclaredTableLevelTest {
    private static final List<String> TABLES = List.of(
            "create table customers (id bigint not null, email varchar(100), primary key (id))",
            "create table orders (id bigint not null, customer_id bigint, status varchar(20), total numeric(10,2), "
                    + "note text, primary key (id))",
            "alter table if exists orders add constraint orders_customer foreign key (customer_id) "
                    + "references customers");

    private static final String TABLES_EXTRA = """
            CREATE INDEX customers_lower_email ON customers (lower(email));
            CREATE INDEX orders_open ON orders (customer_id) WHERE status = 'open';
            COMMENT ON TABLE orders IS 'customer orders';
            COMMENT ON COLUMN orders.note IS 'free text';
            CREATE SEQUENCE invoice_no_seq START 1000;
            ALTER TABLE orders ADD CONSTRAINT orders_total_nonneg CHECK (total >= 0);
            CREATE STATISTICS orders_cust_status (dependencies) ON customer_id, status FROM orders;
            """;
    private static final String TYPES = "CREATE TYPE order_state AS ENUM ('open', 'held', 'shipped');\n";

    /** Entities typed with a declared domain, with a default and a check calling declared functions. */
    private static final List<String> INVOICES =
            List.of("create table invoices (id bigint not null, country country_code default gen_code(), "
                    + "amount positive_amount, primary key (id), check (valid_country(country)))");

    private static final String DOMAINS = """
            CREATE DOMAIN positive_amount AS numeric(12,2) CHECK (VALUE > 0);
            CREATE DOMAIN country_code AS char(2) CHECK (VALUE ~ '^[A-Z]{2}$');
            """;
    private static final String FUNCTIONS = """
            CREATE FUNCTION gen_code() RETURNS char(2) LANGUAGE sql IMMUTABLE AS $$ SELECT 'ZZ'::char(2) $$;
            CREATE FUNCTION valid_country(c char(2)) RETURNS boolean LANGUAGE sql IMMUTABLE
                AS $$ SELECT c IS NULL OR c <> 'XX' $$;
            """;

    @TempDir
    Path project;

    @Test
    void tableLevelStatementsAreWrittenAndThenNoDifference() throws Exception {
        declare("tables_extra.sql", TABLES_EXTRA);
        declare("types.sql", TYPES);
        try (Connection c = TestPostgres.freshDatabase("wtobj_table_level").getConnection()) {
            Fixtures.upgradeToModel(c, Comparisons.of("public"), TABLES);
            DatabaseSchema before = catalog(c);

            MigrationScript diff = comparison().compare(c, TABLES);
            assertThat(String.join("\n", diff.descriptions()))
                    .contains("customers_lower_email")
                    .contains("orders_open")
                    .contains("comment of table public.orders")
                    .contains("public.orders.note")
                    .contains("sequence public.invoice_no_seq")
                    .contains("check constraint CHECK ((total >= (0)::numeric)) to orders")
                    .contains("enum type public.order_state")
                    .contains("orders_cust_status");
            assertThat(String.join("\n", OpSql.renderAll(diff.upgrade()))).contains("orders_total_nonneg");
            run(c, diff.upgrade());
            assertNoChanges(comparison().compare(c, TABLES));

            run(c, diff.downgrade());
            assertThat(catalog(c)).isEqualTo(before);
        }
    }

    @Test
    void whatTheFilesDeclareOnTheTablesIsNeverTakenForSomethingToDrop() throws Exception {
        declare("tables_extra.sql", TABLES_EXTRA);
        declare("types.sql", TYPES);
        try (Connection c = TestPostgres.freshDatabase("wtobj_table_level_kept").getConnection()) {
            Fixtures.upgradeToModel(c, Comparisons.of("public"), TABLES);
            execute(c, (TABLES_EXTRA + TYPES).split(";\\s*\n"));
            assertNoChanges(comparison().compare(c, TABLES));
        }
    }

    @Test
    void anEntityTableMayUseADeclaredDomainAndFunctionsNewInTheSameChange() throws Exception {
        declare("types.sql", DOMAINS);
        declare("functions.sql", FUNCTIONS);
        try (Connection c = TestPostgres.freshDatabase("wtobj_domain_new").getConnection()) {
            MigrationScript diff = comparison().compare(c, INVOICES);
            assertThat(diff.descriptions())
                    .contains(
                            "added table public.invoices",
                            "added domain public.country_code",
                            "added function public.gen_code()");
            run(c, diff.upgrade());
            assertNoChanges(comparison().compare(c, INVOICES));
            run(c, diff.downgrade());
            assertThat(catalog(c).tables()).isEmpty();
        }
    }

    @Test
    void anEntityTableMayUseADeclaredDomainWhenTheEntitySideIsBuiltElsewhere() throws Exception {
        declare("types.sql", DOMAINS);
        declare("functions.sql", FUNCTIONS);
        try (Connection c = TestPostgres.freshDatabase("wtobj_domain_elsewhere").getConnection();
                Connection scratch =
                        TestPostgres.freshDatabase("wtobj_domain_scratch").getConnection()) {
            run(c, comparison().compare(c, INVOICES).upgrade());
            // the configured database only read, the entity side on another database that lacks the domain
            assertNoChanges(comparison().compare(c, scratch, INVOICES));
        }
    }

    @Test
    void aStatementThatChangesRowsIsRefusedByFileAndLine() throws Exception {
        declare("tables_extra.sql", "COMMENT ON TABLE orders IS 'orders';\n\nINSERT INTO orders (id) VALUES (1);\n");
        try (Connection c = TestPostgres.freshDatabase("wtobj_refused").getConnection()) {
            assertThatThrownBy(() -> comparison().compare(c, TABLES))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("db/objects/tables_extra.sql line 3 (INSERT INTO orders (id) VALUES (1))")
                    .hasMessageContaining("op.execute(...)")
                    .hasMessageContaining("nothing was changed");
        }
    }

    private Comparisons comparison() {
        return Comparisons.of("public").declaring(DeclaredObjects.in(project, "db/objects"));
    }

    private void declare(String file, String sql) throws IOException {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, sql);
    }
}
