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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a round trip through a baseline keeps of what PostgreSQL holds: the migration written from the
 * adopted database builds, on an empty one, the same catalog, and drift then finds the two in sync
 * until a change made by hand on one side, which it names.
 */
class AdoptionRoundTripTest {
    private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void keysKeepTheirDeferrabilityAndAKeyOnTheColumnsOfAnotherIsKept() throws Exception {
        String[] legacy = {
            "CREATE EXTENSION IF NOT EXISTS btree_gist",
            "CREATE TABLE t (id int NOT NULL, code text, during tstzrange)",
            // a key built without locking writes first, then made the primary key, deferred
            "CREATE UNIQUE INDEX t_id_idx ON t (id)",
            "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx DEFERRABLE INITIALLY DEFERRED",
            // the same columns as the primary key, and twice the same unique constraint
            "ALTER TABLE t ADD CONSTRAINT t_id_key UNIQUE (id)",
            "ALTER TABLE t ADD CONSTRAINT t_code_key UNIQUE (code)",
            "ALTER TABLE t ADD CONSTRAINT t_code_again UNIQUE (code)",
            "ALTER TABLE t ADD CONSTRAINT t_no_overlap EXCLUDE USING gist (during WITH &&) "
                    + "DEFERRABLE INITIALLY DEFERRED",
            "CREATE TABLE plain_pk (id int NOT NULL)",
            "ALTER TABLE plain_pk ADD CONSTRAINT plain_pk_pkey PRIMARY KEY (id) DEFERRABLE",
            "CREATE TABLE r (id int PRIMARY KEY, code text CONSTRAINT r_code_fkey REFERENCES t (code) "
                    + "DEFERRABLE INITIALLY IMMEDIATE)",
        };
        try (Connection owner = TestPostgres.freshDatabase("keys_defer_legacy").getConnection();
                Connection fresh = TestPostgres.freshDatabase("keys_defer_fresh").getConnection()) {
            execute(owner, legacy);
            execute(fresh, "CREATE EXTENSION IF NOT EXISTS btree_gist");
            Adoption.Written written = Adoption.written(Adoption.baseline(owner), "20261127_120000", AT);
            assertThat(written.file().toString()).contains(".deferrable(true)");

            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEqualTo(catalogText(owner));
            assertThat(catalogText(fresh))
                    .contains("t t_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED local=true inherited=0")
                    .contains("plain_pk plain_pk_pkey PRIMARY KEY (id) DEFERRABLE local=true inherited=0")
                    .contains("t t_id_key UNIQUE (id) local=true inherited=0")
                    .contains("t t_code_again UNIQUE (code) local=true inherited=0")
                    .contains("t t_code_key UNIQUE (code) local=true inherited=0")
                    .anyMatch(l -> l.startsWith("t t_no_overlap EXCLUDE") && l.contains("DEFERRABLE INITIALLY DEFERRED"))
                    .contains("r r_code_fkey FOREIGN KEY (code) REFERENCES t(code) DEFERRABLE local=true inherited=0");
            assertThat(drift(owner, fresh).differences()).isEmpty();

            // changes of deferrability made by hand on the adopted database
            execute(
                    owner,
                    "ALTER TABLE plain_pk DROP CONSTRAINT plain_pk_pkey",
                    "ALTER TABLE plain_pk ADD CONSTRAINT plain_pk_pkey PRIMARY KEY (id)",
                    "ALTER TABLE r ALTER CONSTRAINT r_code_fkey NOT DEFERRABLE");
            assertThat(drift(owner, fresh).differences())
                    .anyMatch(d -> d.contains("primary key") && d.contains("plain_pk"))
                    .anyMatch(d -> d.contains("r_code_fkey") && d.contains("DEFERRABLE"));

            written.migration().downgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEmpty();
        }
    }

    @Test
    void partitionsKeepTheIndexesAndForeignKeysTheyHaveOfTheirOwnAndThoseOfTheirParentOnce() throws Exception {
        String[] legacy = {
            "CREATE TABLE customers (id int PRIMARY KEY, region text UNIQUE)",
            "CREATE TABLE orders (id int, customer_id int, region text, at date NOT NULL) PARTITION BY RANGE (at)",
            // the parent's index and foreign key: each partition gets its own copy, which is the parent's
            "CREATE INDEX orders_at ON orders (at)",
            "ALTER TABLE orders ADD CONSTRAINT orders_region_fk FOREIGN KEY (region) REFERENCES customers (region)",
            "CREATE TABLE orders_2024_01 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')",
            "CREATE TABLE orders_2024_02 PARTITION OF orders FOR VALUES FROM ('2024-02-01') TO ('2024-03-01') "
                    + "PARTITION BY LIST (region)",
            "CREATE TABLE orders_2024_02_eu PARTITION OF orders_2024_02 FOR VALUES IN ('eu')",
            // what the partitions have of their own, as hand-partitioned schemas have it
            "CREATE INDEX orders_2024_01_customer ON orders_2024_01 (customer_id)",
            "CREATE UNIQUE INDEX orders_2024_01_id ON orders_2024_01 (id) WHERE id > 0",
            "COMMENT ON INDEX orders_2024_01_customer IS 'by customer'",
            "ALTER TABLE ONLY orders_2024_01 ADD CONSTRAINT orders_2024_01_customer_fk FOREIGN KEY (customer_id) "
                    + "REFERENCES customers DEFERRABLE",
            "ALTER TABLE orders_2024_01 ADD CONSTRAINT orders_2024_01_pkey PRIMARY KEY (id)",
            "ALTER TABLE orders_2024_01 ADD CONSTRAINT orders_2024_01_id_positive CHECK (id > 0)",
            "CREATE INDEX orders_2024_02_customer ON orders_2024_02 (customer_id)",
            "ALTER TABLE orders_2024_02_eu ADD CONSTRAINT orders_2024_02_eu_customer_fk FOREIGN KEY (customer_id) "
                    + "REFERENCES customers ON DELETE CASCADE",
        };
        try (Connection owner = TestPostgres.freshDatabase("partitions_own_legacy").getConnection();
                Connection fresh = TestPostgres.freshDatabase("partitions_own_fresh").getConnection()) {
            execute(owner, legacy);
            MigrationScript script = Adoption.baseline(owner);
            assertThat(script.warnings()).noneMatch(w -> w.contains("Not written here"));
            Adoption.Written written = Adoption.written(script, "20261127_120001", AT);
            String source = written.file().toString();
            assertThat(source)
                    .contains("orders_2024_01_customer_fk")
                    .contains("orders_2024_02_customer")
                    // what the parent's index and key made on each partition is written once, on the parent
                    .doesNotContain("orders_2024_01_at_idx")
                    .doesNotContain("orders_2024_01_customer_id_idx");

            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEqualTo(catalogText(owner));
            assertThat(catalogText(fresh))
                    .contains("orders_2024_01 orders_2024_01_customer_fk FOREIGN KEY (customer_id) "
                            + "REFERENCES customers(id) DEFERRABLE local=true inherited=0")
                    .contains("orders_2024_02_eu orders_2024_02_eu_customer_fk FOREIGN KEY (customer_id) "
                            + "REFERENCES customers(id) ON DELETE CASCADE local=true inherited=0")
                    .contains("CREATE INDEX orders_2024_01_customer ON public.orders_2024_01 USING btree "
                            + "(customer_id)");
            assertThat(indexComments(fresh)).isEqualTo(indexComments(owner)).contains("orders_2024_01_customer by customer");
            assertThat(drift(owner, fresh).differences()).isEmpty();

            // changes made by hand on the adopted database
            execute(
                    owner,
                    "DROP INDEX orders_2024_02_customer",
                    "ALTER TABLE orders_2024_01 DROP CONSTRAINT orders_2024_01_customer_fk",
                    "CREATE INDEX orders_2024_01_region ON orders_2024_01 (region)");
            assertThat(drift(owner, fresh).differences())
                    .anyMatch(d -> d.contains("orders_2024_02_customer"))
                    .anyMatch(d -> d.contains("orders_2024_01_customer_fk"))
                    .anyMatch(d -> d.contains("orders_2024_01_region"));

            written.migration().downgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEmpty();
        }
    }

    private static List<String> indexComments(Connection c) throws java.sql.SQLException {
        List<String> lines = new ArrayList<>();
        AdoptionConstraintKindsTest.query(c, lines, """
                SELECT relname || ' ' || obj_description(oid, 'pg_class') FROM pg_class
                WHERE relkind IN ('i', 'I') AND relnamespace = 'public'::regnamespace
                  AND obj_description(oid, 'pg_class') IS NOT NULL ORDER BY 1""");
        return lines;
    }

    /** What drift reports of {@code adopted} against {@code built}, the chain's side. */
    static DriftReport drift(Connection adopted, Connection built) {
        Exclusions none = Exclusions.versionTables();
        return SchemaDrift.compare(
                "adopted",
                "public",
                "baseline",
                adopted,
                SchemaDrift.read(adopted, "public", none),
                SchemaDrift.read(built, "public", none),
                none);
    }
}
