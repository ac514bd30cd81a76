package dev.migrate.autogen.write;

import static dev.migrate.autogen.write.AdoptionConstraintKindsTest.catalogText;
import static dev.migrate.autogen.write.AdoptionConstraintKindsTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A baseline of a schema whose tables use what other schemas hold, and a baseline of a schema other than
 * {@code public}: the written migration builds, on an empty database whose sessions have the default
 * search path, the schema the adopted database has, and a comparison of the two finds nothing.
 */
class AdoptionOtherSchemasTest {
    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void typesSequencesAndFunctionsOfAnotherSchemaAreBroughtInWithTheirSchema() throws Exception {
        String[] legacy = {
            "CREATE SCHEMA sales",
            "CREATE TYPE sales.order_status AS ENUM ('new', 'paid')",
            "CREATE DOMAIN sales.money_amount AS numeric(12,2) CHECK (VALUE >= 0)",
            "CREATE DOMAIN sales.open_status AS sales.order_status CHECK (VALUE <> 'paid')",
            "CREATE TYPE sales.point2 AS (x int, y sales.money_amount)",
            "CREATE SEQUENCE sales.order_no START 1000",
            "CREATE FUNCTION sales.tax(numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT $1 * 0.2'",
            "CREATE TABLE sales.unrelated (id int)",
            "CREATE TABLE orders (id int PRIMARY KEY DEFAULT nextval('sales.order_no'), "
                    + "status sales.order_status NOT NULL DEFAULT 'new', total sales.money_amount, "
                    + "history sales.order_status[], open sales.open_status, at sales.point2, "
                    + "CONSTRAINT tax_cap CHECK (sales.tax(total) < 1000))",
        };
        try (Connection owner =
                        TestPostgres.freshDatabase("other_schemas_legacy").getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase("other_schemas_fresh").getConnection()) {
            execute(owner, legacy);
            MigrationScript script = Adoption.baseline(owner);
            assertThat(script.warnings()).isEmpty();
            Adoption.Written written = Adoption.written(script, "20261126_120010", AT);
            String source = written.file().toString();
            assertThat(source)
                    .contains("op.createSchemaIfNotExists(\"sales\")")
                    .contains("sales.order_status")
                    .doesNotContain("unrelated");

            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEqualTo(catalogText(owner));
            assertThat(salesTypes(fresh))
                    .containsExactly("money_amount d", "open_status d", "order_status e", "point2 c", "tax(numeric) f");
            assertThat(inSync(owner, fresh, "public").differences()).isEmpty();

            written.migration().downgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEmpty();
            assertThat(salesTypes(fresh)).isEmpty();
        }
    }

    @Test
    void aSchemaTheNewDatabaseHasAlreadyIsKept() throws Exception {
        try (Connection owner =
                        TestPostgres.freshDatabase("other_schemas_kept_legacy").getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase("other_schemas_kept_fresh").getConnection()) {
            execute(
                    owner,
                    "CREATE SCHEMA sales",
                    "CREATE TYPE sales.order_status AS ENUM ('new', 'paid')",
                    "CREATE TABLE orders (id int PRIMARY KEY, status sales.order_status)");
            execute(fresh, "CREATE SCHEMA sales");
            Adoption.Written written = Adoption.written(Adoption.baseline(owner), "20261126_120011", AT);

            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(inSync(owner, fresh, "public").differences()).isEmpty();
        }
    }

    @Test
    void whatCannotBeBroughtInIsNamedWithTheFix() throws Exception {
        try (Connection owner =
                TestPostgres.freshDatabase("other_schemas_warned").getConnection()) {
            execute(
                    owner,
                    "CREATE SCHEMA sales",
                    "CREATE TABLE sales.customers (id int PRIMARY KEY)",
                    "CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES sales.customers)");
            MigrationScript script = Adoption.baseline(owner);
            assertThat(script.warnings())
                    .anySatisfy(w -> assertThat(w)
                            .contains("table sales.customers (used by table orders)")
                            .contains("op.execute(...)"));
        }
    }

    @Test
    void aManagedSchemaOtherThanPublicIsCreatedAndItsNamesWrittenQualified() throws Exception {
        String[] legacy = {
            "CREATE SCHEMA sales",
            "CREATE TYPE sales.order_status AS ENUM ('new', 'paid')",
            "CREATE TABLE sales.customers (id bigserial PRIMARY KEY, name text)",
            "CREATE TABLE sales.orders (id int PRIMARY KEY, status sales.order_status NOT NULL DEFAULT 'new', "
                    + "customer_id bigint REFERENCES sales.customers)",
            "CREATE INDEX orders_status ON sales.orders (status)",
            "CREATE VIEW sales.open_orders AS SELECT id FROM sales.orders WHERE status = 'new'",
        };
        try (Connection owner =
                        TestPostgres.freshDatabase("managed_sales_legacy").getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase("managed_sales_fresh").getConnection()) {
            execute(owner, legacy);
            MigrationScript script = Adoption.baseline(owner, "sales");
            assertThat(script.warnings()).isEmpty();
            Adoption.Written written = Adoption.written(script, "20261126_120012", AT);
            assertThat(written.file().toString())
                    .contains("op.createSchemaIfNotExists(\"sales\")")
                    .contains("\"sales.orders\"")
                    .contains("\"sales.order_status\"")
                    .doesNotContain("\"orders\"");

            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(relations(fresh, "public")).isEmpty();
            assertThat(relations(fresh, "sales")).isEqualTo(relations(owner, "sales"));
            assertThat(inSync(owner, fresh, "sales").differences()).isEmpty();

            written.migration().downgrade(GeneratedMigrations.online(fresh));
            assertThat(relations(fresh, "sales")).isEmpty();
        }
    }

    /** The two databases' schema {@code schema} compared as {@code drift} and {@code check} compare them. */
    private static DriftReport inSync(Connection adopted, Connection built, String schema) {
        Exclusions none = Exclusions.versionTables();
        return SchemaDrift.compare(
                "built",
                schema,
                "baseline",
                built,
                SchemaDrift.read(built, schema, none),
                SchemaDrift.read(adopted, schema, none),
                none);
    }

    private static List<String> salesTypes(Connection c) throws SQLException {
        return lines(c, """
                SELECT t.typname || ' ' || t.typtype::text FROM pg_type t LEFT JOIN pg_class r ON r.oid = t.typrelid
                WHERE t.typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'sales')
                  AND (t.typtype IN ('e', 'd') OR r.relkind = 'c')
                UNION ALL
                SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') f' FROM pg_proc p
                WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'sales')
                ORDER BY 1""");
    }

    private static List<String> relations(Connection c, String schema) throws SQLException {
        return lines(c, """
                SELECT c.relkind::text || ' ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = '%s' AND c.relname NOT LIKE 'migrate\\_%%' ORDER BY 1""".formatted(schema));
    }

    private static List<String> lines(Connection c, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }
}
