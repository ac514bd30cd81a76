package dev.migrate.autogen.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import dev.migrate.Migration;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.testing.OnEveryMajor;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The baseline of a database built by hand over the years, as {@code migrate:baseline} writes it:
 * compiled and run on an empty database, it builds the same catalog; its downgrade empties the schema
 * and a second upgrade builds it again.
 */
class BaselineMigrationTest {
    private static final String[] LEGACY = {
        "CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped')",
        "CREATE SEQUENCE invoice_numbers START 1000 INCREMENT 10",
        "SELECT nextval('invoice_numbers')",
        "CREATE TABLE customers (id bigserial PRIMARY KEY, email varchar(100) NOT NULL UNIQUE, name text, "
                + "created_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT customers_email_check CHECK (email LIKE '%@%'))",
        "COMMENT ON TABLE customers IS 'People who buy'",
        "COMMENT ON COLUMN customers.email IS 'Where receipts go'",
        "CREATE TABLE orders (id serial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id) "
                + "ON DELETE CASCADE, status order_status NOT NULL DEFAULT 'new', invoice_no bigint "
                + "DEFAULT nextval('invoice_numbers'), total numeric(12,2))",
        "CREATE INDEX orders_open ON orders (customer_id) WHERE status <> 'shipped'",
        "CREATE INDEX customers_lower_name ON customers (lower(name))",
        // a sequence named otherwise than serial would name it, given to its column by hand
        "CREATE SEQUENCE ticket_counter START 500",
        "CREATE TABLE legacy_tickets (ticket_no integer NOT NULL DEFAULT nextval('ticket_counter') PRIMARY KEY, "
                + "title text)",
        "ALTER SEQUENCE ticket_counter OWNED BY legacy_tickets.ticket_no",
        // names long enough that PostgreSQL shortens the serial's sequence name: given to the column, not predicted
        "CREATE TABLE a_table_whose_name_is_rather_long_for_a_table (a_column_whose_name_is_long_too bigserial "
                + "PRIMARY KEY, note text)",
        "CREATE TABLE bookings (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, room integer NOT NULL, "
                + "during tsrange NOT NULL, CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&))",
        "CREATE TABLE measurements (id bigint NOT NULL, taken_on date NOT NULL, reading numeric, "
                + "PRIMARY KEY (id, taken_on)) PARTITION BY RANGE (taken_on)",
        "CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
        // a cycle of foreign keys
        "CREATE TABLE teams (id integer PRIMARY KEY, captain_id integer)",
        "CREATE TABLE players (id integer PRIMARY KEY, team_id integer REFERENCES teams (id))",
        "ALTER TABLE teams ADD CONSTRAINT teams_captain_fk FOREIGN KEY (captain_id) REFERENCES players (id)",
        "CREATE TABLE audit_log (id serial PRIMARY KEY, entry text NOT NULL)",
        "INSERT INTO customers (email) SELECT 'c' || g || '@example.com' FROM generate_series(1, 100) g",
        "INSERT INTO orders (customer_id, total) SELECT 1 + g % 100, g FROM generate_series(1, 300) g",
        "INSERT INTO audit_log (entry) VALUES ('created'), ('updated')",
        // objects beside the tables, written after what they use
        "CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100",
        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
        "CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()",
        // a kind not modelled yet: named, never dropped
        "ALTER TABLE audit_log CLUSTER ON audit_log_pkey"
    };

    /** The catalog reads differently from version to version: on every major. */
    @OnEveryMajor
    void theBaselineBuildsTheSameCatalogOnAnEmptyDatabaseAndItsDowngradeRemovesIt(int major) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:07Z"), ZoneOffset.UTC);
        try (Connection legacy =
                        TestPostgres.freshDatabase(major, "baseline_legacy").getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase(major, "baseline_fresh").getConnection()) {
            execute(legacy, LEGACY);
            DatabaseSchema adopted = catalog(legacy);

            MigrationScript script = Autogenerate.baseline(legacy, "public", "migrate_version", "migrate_history");
            assertThat(script.warnings())
                    .singleElement()
                    .asString()
                    .contains("public.audit_log on audit_log_pkey", "migrate does not read them yet")
                    .doesNotContain("view", "function", "trigger");
            assertThat(script.descriptions())
                    .containsSubsequence(
                            "added table public.orders",
                            "added function public.touch()",
                            "added view public.big_orders",
                            "added trigger orders_touch ON public.orders");
            NewMigration migration = NewMigration.baseline("20261122_101500", "baseline", script);
            JavaFile file = new MigrationWriter(Path.of("unused"), "db.migrations", clock).toJavaFile(migration);
            String source = file.toString();
            assertThat(source).contains("""
                    /**
                     * baseline
                     *
                     * <p>Revises nothing: this is the first migration. Written 2026-11-22 10:15:07 UTC by
                     * migrate:baseline: review before applying.
                     *
                     * <p>The schema of the database it was read from, as it was then. Mark that database as at this
                     * revision without running it (mvn migrate:stamp -Dmigrate.target=20261122_101500); mvn
                     * migrate:upgrade builds the same schema on a new database.
                     *
                     * <p>Hazards: none found.
                     */
                    @Revision(id = "20261122_101500", message = "baseline")
                    """);
            // serial columns as a person writes them; a sequence serial would not name so is given to its column
            assertThat(source)
                    .contains("column(\"id\", \"bigserial\")", "column(\"id\", \"serial\")")
                    .contains("column(\"a_column_whose_name_is_long_too\", \"bigint\")")
                    .contains("ALTER SEQUENCE ticket_counter OWNED BY legacy_tickets.ticket_no")
                    .contains("EXCLUDE USING gist (during WITH &&)")
                    .contains("// Warning: Not written here");
            assertThat(source.lines().filter(line -> line.length() > 100))
                    .as("lines over 100 columns")
                    .isEmpty();

            Migration compiled =
                    GeneratedMigrations.compiled(List.of(file), file.typeSpec().name());
            compiled.upgrade(GeneratedMigrations.online(fresh));
            assertThat(catalog(fresh)).isEqualTo(adopted);
            // the schema, not the rows: a new database numbers from each sequence's start
            assertThat(nextval(fresh, "customers_id_seq")).isEqualTo(1);
            assertThat(nextval(fresh, "invoice_numbers")).isEqualTo(1000);

            compiled.downgrade(GeneratedMigrations.online(fresh));
            assertThat(catalog(fresh)).isEqualTo(DatabaseSchema.empty());
            compiled.upgrade(GeneratedMigrations.online(fresh));
            assertThat(catalog(fresh)).isEqualTo(adopted);
        }
    }

    @Test
    void anEmptySchemaHasNothingToWrite() throws Exception {
        try (Connection empty = TestPostgres.freshDatabase("baseline_empty").getConnection()) {
            MigrationScript script = Autogenerate.baseline(empty, "public", "migrate_version", "migrate_history");
            assertThat(script.isEmpty()).isTrue();
            assertThat(script.warnings()).isEmpty();
        }
    }

    private static DatabaseSchema catalog(Connection c) {
        return new CatalogReader().read(c, List.of("public"));
    }

    private static long nextval(Connection c, String sequence) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT nextval('" + sequence + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
