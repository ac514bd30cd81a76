package dev.migrate.autogen.write;

import static dev.migrate.autogen.write.AdoptionConstraintKindsTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.JdbcWork;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.op.EnumOp;
import dev.migrate.op.Op;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.OnOldestAndNewestMajor;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The corners of adopting a database that a plain schema does not show: what another schema holds that the
 * baseline does not create but that needs what it creates, grants on the schemas and types it brings in, an
 * identity sequence named otherwise than PostgreSQL names it, indexes a partition had before it was attached,
 * and owners. Each is carried (a new database built from the baseline has the adopted one's catalog, as {@link
 * CatalogFingerprint} reads it) or named in the baseline's warnings with the fix.
 */
@LongSuite
class AdoptionCornersTest {
    private static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void whatAnotherSchemaNeedsOfTheBaselineIsToBeAddedWithinItAndTheRestBeforeIt() throws Exception {
        try (Connection legacy =
                        TestPostgres.freshDatabase("corners_outside_legacy").getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase("corners_outside_fresh").getConnection()) {
            execute(
                    legacy,
                    "CREATE SCHEMA sales",
                    "CREATE TYPE sales.order_status AS ENUM ('new', 'paid')",
                    "CREATE TABLE sales.regions (id int PRIMARY KEY)",
                    "CREATE TABLE sales.customers (id int PRIMARY KEY, status sales.order_status)",
                    "CREATE TABLE orders (id int PRIMARY KEY, status sales.order_status, "
                            + "customer_id int REFERENCES sales.customers, region_id int REFERENCES sales.regions)");
            MigrationScript script = Adoption.baseline(legacy);

            // the type is the baseline's: a new database that had the table, and so the type, before would fail
            assertThat(script.warnings()).hasSize(2);
            assertThat(script.warnings().get(0))
                    .contains("table sales.regions (used by table orders)")
                    .contains("create them there first")
                    .doesNotContain("customers");
            assertThat(script.warnings().get(1))
                    .contains("table sales.customers (used by table orders; needs type sales.order_status)")
                    .contains("Do not create them on a new database before this migration runs")
                    .contains("after what they need is created and before what uses them")
                    .doesNotContain("regions")
                    .doesNotContain("create them there first");

            // following the advice: the first before the baseline, the second within it, after the type
            execute(fresh, "CREATE SCHEMA sales", "CREATE TABLE sales.regions (id int PRIMARY KEY)");
            Migration baseline = Adoption.written(script, "20261128_120000", AT).migration();
            baseline.upgrade(withAfter(
                    GeneratedMigrations.online(fresh),
                    op -> op instanceof EnumOp.CreateEnum e && e.type().name().equals("order_status"),
                    fresh,
                    "CREATE TABLE sales.customers (id int PRIMARY KEY, status sales.order_status)"));
            assertThat(CatalogFingerprint.difference(CatalogFingerprint.of(legacy), CatalogFingerprint.of(fresh)))
                    .isEmpty();
        }
    }

    @Test
    void grantsOnTheSchemasAndTypesABaselineBringsInAreCarried() throws Exception {
        try (Connection legacy =
                        TestPostgres.freshDatabase("corners_grants_legacy").getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase("corners_grants_fresh").getConnection()) {
            execute(
                    legacy,
                    "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'corners_reader') THEN "
                            + "CREATE ROLE corners_reader; END IF; END$$",
                    "CREATE SCHEMA sales",
                    // an ACL lists grantees in the order they were granted, and the baseline grants in name order
                    "GRANT USAGE ON SCHEMA sales TO PUBLIC",
                    "GRANT USAGE ON SCHEMA sales TO corners_reader",
                    "ALTER DEFAULT PRIVILEGES IN SCHEMA sales GRANT SELECT ON TABLES TO corners_reader",
                    "CREATE TYPE sales.order_status AS ENUM ('new', 'paid')",
                    "GRANT USAGE ON TYPE sales.order_status TO corners_reader WITH GRANT OPTION",
                    "CREATE DOMAIN sales.amount AS numeric(12,2) CHECK (VALUE >= 0)",
                    "REVOKE USAGE ON DOMAIN sales.amount FROM PUBLIC",
                    "GRANT USAGE ON DOMAIN sales.amount TO corners_reader",
                    "CREATE SEQUENCE sales.order_no",
                    "GRANT USAGE ON SEQUENCE sales.order_no TO corners_reader",
                    "CREATE TABLE sales.unrelated (id int)",
                    "CREATE TABLE orders (id int PRIMARY KEY DEFAULT nextval('sales.order_no'), "
                            + "status sales.order_status, total sales.amount)");
            MigrationScript script = Adoption.baseline(legacy);
            assertThat(script.warnings()).isEmpty();
            Adoption.Written written = Adoption.written(script, "20261128_120001", AT);
            assertThat(written.file().toString())
                    .contains("GRANT USAGE ON SCHEMA sales TO corners_reader")
                    .contains("GRANT USAGE ON SCHEMA sales TO PUBLIC")
                    .doesNotContain("unrelated");

            List<String> empty = CatalogFingerprint.of(fresh);
            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(CatalogFingerprint.difference(CatalogFingerprint.of(legacy), CatalogFingerprint.of(fresh)))
                    .allSatisfy(line -> assertThat(line).contains("sales.unrelated"));

            written.migration().downgrade(GeneratedMigrations.online(fresh));
            assertThat(CatalogFingerprint.of(fresh)).isEqualTo(empty);
        }
    }

    @OnOldestAndNewestMajor
    void anIdentitySequenceKeepsAName(int major) throws Exception {
        String longName = "t".repeat(60);
        try (Connection legacy = TestPostgres.freshDatabase(major, "corners_identity_legacy")
                        .getConnection();
                Connection fresh = TestPostgres.freshDatabase(major, "corners_identity_fresh")
                        .getConnection()) {
            execute(
                    legacy,
                    "CREATE TABLE orders (id bigint GENERATED BY DEFAULT AS IDENTITY "
                            + "(SEQUENCE NAME orders_seq START 10) PRIMARY KEY)",
                    "CREATE TABLE old_name (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)",
                    "ALTER TABLE old_name RENAME TO new_name",
                    "CREATE TABLE \"Odd Table\" (\"Id\" int GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME \"Odd Seq\"))",
                    "CREATE TABLE plain (id int GENERATED ALWAYS AS IDENTITY)",
                    "CREATE TABLE " + longName + " (identifier_of_the_row int GENERATED ALWAYS AS IDENTITY)");
            MigrationScript script = Adoption.baseline(legacy);
            // PostgreSQL 18 names a NOT NULL constraint, which keeps the name of the table as it was called: named
            // with its fix; a name it makes up, cut to 63 bytes, is no warning
            if (major >= 18) {
                assertThat(script.warnings())
                        .singleElement()
                        .satisfies(w -> assertThat(w)
                                .contains("the NOT NULL constraint old_name_id_not_null on public.new_name (id), which"
                                        + " comes back named new_name_id_not_null")
                                .doesNotContain(longName));
            } else {
                assertThat(script.warnings()).isEmpty();
            }
            Adoption.Written written = Adoption.written(script, "20261128_120002", AT);
            // a name PostgreSQL makes up, cut to 63 bytes or not, is left to it
            String source = written.file().toString();
            assertThat(source)
                    .contains("sequenceName(\"orders_seq\")")
                    .contains("sequenceName(\"old_name_id_seq\")")
                    .contains("sequenceName(\"Odd Seq\")");
            assertThat(source.split("sequenceName\\(", -1)).hasSize(4);

            written.migration().upgrade(GeneratedMigrations.online(fresh));
            // PostgreSQL 18 names a NOT NULL constraint, which keeps the name of the table as it was called too
            assertThat(CatalogFingerprint.difference(CatalogFingerprint.of(legacy), CatalogFingerprint.of(fresh)))
                    .allSatisfy(line -> assertThat(line).containsAnyOf("old_name_id_not_null", "new_name_id_not_null"));
        }
    }

    @OnOldestAndNewestMajor
    void anIndexAPartitionHadBeforeItWasAttachedKeepsItsNameAndComment(int major) throws Exception {
        try (Connection legacy = TestPostgres.freshDatabase(major, "corners_attached_legacy")
                        .getConnection();
                Connection fresh = TestPostgres.freshDatabase(major, "corners_attached_fresh")
                        .getConnection()) {
            execute(
                    legacy,
                    "CREATE TABLE events (id int, at date, kind text) PARTITION BY RANGE (at)",
                    "CREATE TABLE events_2024 (id int, at date, kind text)",
                    "CREATE INDEX events_2024_by_id ON events_2024 (id)",
                    "CREATE UNIQUE INDEX events_2024_unique ON events_2024 (id, at, kind)",
                    "CREATE INDEX events_2024_lower ON events_2024 (lower(kind))",
                    "COMMENT ON INDEX events_2024_by_id IS 'Made before it was attached, it''s kept'",
                    "ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                    // a partition partitioned in turn, whose own partition had an index before it was attached
                    "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') "
                            + "PARTITION BY LIST (kind)",
                    "CREATE TABLE events_2025_a (id int, at date, kind text)",
                    "CREATE INDEX events_2025_a_own ON events_2025_a (id)",
                    "ALTER TABLE events_2025 ATTACH PARTITION events_2025_a FOR VALUES IN ('a')",
                    "CREATE INDEX events_by_id ON events (id)",
                    "CREATE UNIQUE INDEX events_unique ON events (id, at, kind)",
                    "CREATE INDEX events_lower ON events (lower(kind))",
                    // made by the parent's index, under the name it makes up, and commented
                    "COMMENT ON INDEX events_2025_id_idx IS 'Made by the parent''s'");
            MigrationScript script = Adoption.baseline(legacy);
            assertThat(script.warnings()).isEmpty();
            Adoption.Written written = Adoption.written(script, "20261128_120003", AT);
            // those the parent's index names as it would have are left to it
            assertThat(written.file().toString())
                    .doesNotContain("events_2025_a_id_idx")
                    .doesNotContain("events_2025_lower_idx");

            List<String> empty = CatalogFingerprint.of(fresh);
            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(CatalogFingerprint.difference(CatalogFingerprint.of(legacy), CatalogFingerprint.of(fresh)))
                    .isEmpty();

            written.migration().downgrade(GeneratedMigrations.online(fresh));
            assertThat(CatalogFingerprint.of(fresh)).isEqualTo(empty);
        }
    }

    @OnOldestAndNewestMajor
    void aPartitionMadeOnItsOwnAndAttachedLaterKeepsItsColumnOrder(int major) throws Exception {
        try (Connection legacy = TestPostgres.freshDatabase(major, "corners_apart_legacy")
                        .getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase(major, "corners_apart_fresh").getConnection()) {
            execute(
                    legacy,
                    "CREATE TABLE events (id bigint GENERATED BY DEFAULT AS IDENTITY, at date NOT NULL, "
                            + "kind text COLLATE \"C\" DEFAULT 'plain', note text, "
                            + "size int GENERATED ALWAYS AS (length(note)) STORED, "
                            + "CONSTRAINT events_kind CHECK (kind <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
                    "CREATE INDEX events_kind_idx ON events (kind)",
                    "CREATE TABLE events_2024 (note text, kind text COLLATE \"C\" DEFAULT 'plain', "
                            + "size int GENERATED ALWAYS AS (length(note)) STORED, at date NOT NULL, id bigint NOT NULL, "
                            + "CONSTRAINT events_kind CHECK (kind <> ''))",
                    // a NOT NULL of its own, which its parent has not
                    "ALTER TABLE events_2024 ALTER COLUMN note SET NOT NULL",
                    "ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                    // one partitioned in turn, made on its own, with a partition made of it, and one made apart
                    "CREATE TABLE events_2025 (kind text COLLATE \"C\" DEFAULT 'plain', id bigint NOT NULL, "
                            + "at date NOT NULL, note text, size int GENERATED ALWAYS AS (length(note)) STORED, "
                            + "CONSTRAINT events_kind CHECK (kind <> '')) PARTITION BY RANGE (at)",
                    "ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                    "CREATE TABLE events_2025_a PARTITION OF events_2025 FOR VALUES FROM ('2025-01-01') TO ('2025-07-01')",
                    "CREATE TABLE events_2025_b (id bigint NOT NULL, at date NOT NULL, note text, "
                            + "kind text COLLATE \"C\" DEFAULT 'plain', size int GENERATED ALWAYS AS (length(note)) STORED, "
                            + "CONSTRAINT events_kind CHECK (kind <> ''))",
                    "ALTER TABLE events_2025 ATTACH PARTITION events_2025_b DEFAULT",
                    "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
            MigrationScript script = Adoption.baseline(legacy);
            assertThat(script.warnings()).isEmpty();
            Adoption.Written written = Adoption.written(script, "20261128_120004", AT);
            assertThat(written.file().toString())
                    .contains("ALTER TABLE events ATTACH PARTITION events_2024 FOR ")
                    .contains("op.createPartition(\"events_2026\", \"events\"");

            List<String> empty = CatalogFingerprint.of(fresh);
            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(CatalogFingerprint.difference(CatalogFingerprint.of(legacy), CatalogFingerprint.of(fresh)))
                    .isEmpty();

            written.migration().downgrade(GeneratedMigrations.online(fresh));
            assertThat(CatalogFingerprint.of(fresh)).isEqualTo(empty);
        }
    }

    /** A serial column, made again on the partition, would make a sequence of its own: its default is kept. */
    @OnOldestAndNewestMajor
    void aPartitionMadeOnItsOwnTakesTheSequenceOfItsParentsSerialColumn(int major) throws Exception {
        try (Connection legacy = TestPostgres.freshDatabase(major, "corners_serial_legacy")
                        .getConnection();
                Connection fresh = TestPostgres.freshDatabase(major, "corners_serial_fresh")
                        .getConnection()) {
            execute(
                    legacy,
                    "CREATE TABLE events (no bigserial, at date NOT NULL) PARTITION BY RANGE (at)",
                    "CREATE TABLE events_2024 (at date NOT NULL, no bigint NOT NULL DEFAULT nextval('events_no_seq'))",
                    "ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
            MigrationScript script = Adoption.baseline(legacy);
            assertThat(script.warnings()).isEmpty();
            Adoption.Written written = Adoption.written(script, "20261128_120005", AT);
            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(CatalogFingerprint.difference(CatalogFingerprint.of(legacy), CatalogFingerprint.of(fresh)))
                    .isEmpty();
        }
    }

    @Test
    void objectsOfOtherOwnersAreNamedWithTheFix() throws Exception {
        try (Connection legacy = TestPostgres.freshDatabase("corners_owners").getConnection()) {
            execute(
                    legacy,
                    "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'corners_app') THEN "
                            + "CREATE ROLE corners_app; END IF; END$$",
                    "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'corners_reports') THEN "
                            + "CREATE ROLE corners_reports; END IF; END$$",
                    "CREATE TABLE orders (id serial PRIMARY KEY, total numeric)",
                    "CREATE TABLE mine (id int)",
                    "CREATE VIEW big_orders AS SELECT id FROM orders WHERE total > 100",
                    "CREATE FUNCTION tax(numeric) RETURNS numeric LANGUAGE sql AS 'SELECT $1 * 0.2'",
                    "ALTER TABLE orders OWNER TO corners_app",
                    "ALTER VIEW big_orders OWNER TO corners_reports",
                    "ALTER FUNCTION tax(numeric) OWNER TO corners_reports");
            MigrationScript script = Adoption.baseline(legacy);
            assertThat(script.warnings())
                    .singleElement()
                    .satisfies(w -> assertThat(w)
                            .contains("corners_app owns table orders; corners_reports owns function tax(numeric), "
                                    + "view big_orders.")
                            .contains("op.execute(\"ALTER TABLE public.orders OWNER TO corners_app\")")
                            .contains("run it as that role")
                            .doesNotContain("mine")
                            .doesNotContain("orders_id_seq"));
        }
    }

    @Test
    void shapesTheBaselineDoesNotGiveBackAreNamedInItsWarningsWithTheFix() throws Exception {
        try (Connection legacy = TestPostgres.freshDatabase("corners_uncarried").getConnection()) {
            execute(
                    legacy,
                    "CREATE TABLE events (id int, at date NOT NULL) PARTITION BY RANGE (at)",
                    "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                    "CREATE INDEX events_id ON ONLY events (id)",
                    "CREATE TABLE orders (id int CONSTRAINT order_id_required NOT NULL, total numeric NOT NULL)");
            List<String> warnings = Adoption.baseline(legacy).warnings();
            assertThat(warnings)
                    .anySatisfy(w -> assertThat(w)
                            .contains("the index events_id on public.events, made ON ONLY the partitioned table and not"
                                    + " attached to every partition (invalid)"));
            if (legacy.getMetaData().getDatabaseMajorVersion() >= 18) {
                assertThat(warnings)
                        .anySatisfy(w -> assertThat(w)
                                .contains("the NOT NULL constraint order_id_required on public.orders (id), which comes"
                                        + " back named orders_id_not_null")
                                .contains("RENAME CONSTRAINT orders_id_not_null TO order_id_required")
                                .doesNotContain("orders_total_not_null"));
            }
        }
    }

    /** {@code ops} with {@code sql} run on {@code c} right after the op {@code after} picks. */
    private static Operations withAfter(Operations ops, Predicate<Op> after, Connection c, String sql) {
        return new Operations() {
            @Override
            public void run(Op op) {
                ops.run(op);
                if (after.test(op)) {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    } catch (SQLException e) {
                        throw new AssertionError(sql + ": " + e.getMessage(), e);
                    }
                }
            }

            @Override
            public void jdbc(JdbcWork work) {
                ops.jdbc(work);
            }

            @Override
            public boolean isOffline() {
                return ops.isOffline();
            }
        };
    }
}
