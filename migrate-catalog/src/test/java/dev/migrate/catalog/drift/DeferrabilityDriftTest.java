package dev.migrate.catalog.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A constraint made deferrable by hand, as drift finds it: a foreign key is put back in place with {@code ALTER
 * CONSTRAINT}, which neither checks its rows again nor locks the table it references; a unique constraint,
 * whose deferrability PostgreSQL does not alter, is dropped and added again.
 */
class DeferrabilityDriftTest {
    private static final String[] TABLES = {
        "CREATE TABLE customers (id bigint PRIMARY KEY)",
        "CREATE TABLE orders (id bigint PRIMARY KEY, code text, customer_id bigint)",
    };

    @Test
    void aForeignKeyMadeDeferrableByHandIsPutBackInPlaceAndAUniqueConstraintDroppedAndAdded() throws SQLException {
        try (Connection chain = TestPostgres.freshDatabase("deferrable_chain").getConnection();
                Connection database =
                        TestPostgres.freshDatabase("deferrable_live").getConnection()) {
            execute(chain, TABLES);
            execute(
                    chain,
                    "ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id)"
                            + " REFERENCES customers",
                    "ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code)");
            execute(database, TABLES);
            execute(
                    database,
                    "ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id)"
                            + " REFERENCES customers DEFERRABLE INITIALLY DEFERRED",
                    "ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code) DEFERRABLE");

            DriftReport report = drift(database, chain);
            assertThat(report.differences())
                    .containsExactlyInAnyOrder(
                            "foreign key orders_customer_fkey on public.orders: the database has DEFERRABLE INITIALLY"
                                    + " DEFERRED, the chain says NOT DEFERRABLE",
                            "unique constraint orders_code_key on public.orders: the database has DEFERRABLE"
                                    + " INITIALLY IMMEDIATE, the chain says NOT DEFERRABLE");
            assertThat(report.sql())
                    .contains("ALTER TABLE orders ALTER CONSTRAINT orders_customer_fkey NOT DEFERRABLE")
                    .contains(
                            "ALTER TABLE orders DROP CONSTRAINT orders_code_key",
                            "ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code)")
                    .noneMatch(sql -> sql.contains("DROP CONSTRAINT orders_customer_fkey"));

            execute(database, report.sql().toArray(String[]::new));
            Table orders = Objects.requireNonNull(SchemaDrift.read(database, "public", Exclusions.versionTables())
                    .table("public", "orders"));
            ForeignKey key = orders.foreignKeys().get(0);
            assertThat(key.deferrable()).isFalse();
            assertThat(key.initiallyDeferred()).isFalse();
            UniqueConstraint unique = orders.uniqueConstraints().get(0);
            assertThat(unique.deferrable()).isFalse();
            assertThat(drift(database, chain).inSync()).isTrue();
        }
    }

    private static DriftReport drift(Connection database, Connection chain) {
        return SchemaDrift.compare(
                "live",
                "public",
                "r1",
                database,
                SchemaDrift.read(database, "public", Exclusions.versionTables()),
                SchemaDrift.read(chain, "public", Exclusions.versionTables()),
                Exclusions.versionTables());
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
