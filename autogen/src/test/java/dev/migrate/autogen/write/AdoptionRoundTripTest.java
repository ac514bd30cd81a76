package dev.migrate.autogen.write;

import static dev.migrate.autogen.write.AdoptionConstraintKindsTest.catalogText;
import static dev.migrate.autogen.write.AdoptionConstraintKindsTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.autogen.Comparisons;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a round trip through a baseline keeps of what PostgreSQL holds: the migration written from the
 * adopted database builds, on an empty one, the same catalog, and drift then finds the two in sync
 * until a change made by hand on one side, which it names.
 */
@LongSuite
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
                Connection fresh =
                        TestPostgres.freshDatabase("keys_defer_fresh").getConnection()) {
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
                    .anyMatch(
                            l -> l.startsWith("t t_no_overlap EXCLUDE") && l.contains("DEFERRABLE INITIALLY DEFERRED"))
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
        try (Connection owner =
                        TestPostgres.freshDatabase("partitions_own_legacy").getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase("partitions_own_fresh").getConnection()) {
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
            assertThat(indexComments(fresh))
                    .isEqualTo(indexComments(owner))
                    .contains("orders_2024_01_customer by customer");
            assertThat(drift(owner, fresh).differences()).isEmpty();

            // entities cannot say what a partition has of its own: autogenerate leaves it as it is
            MigrationScript entities = Comparisons.of("public")
                    .compare(
                            owner,
                            List.of(
                                    "create table customers (id integer not null, region text, primary key (id))",
                                    "alter table customers add constraint customers_region_key unique (region)",
                                    "create table orders (id integer, customer_id integer, region text, "
                                            + "at date not null)",
                                    "create index orders_at on orders (at)",
                                    "alter table orders add constraint orders_region_fk foreign key (region) "
                                            + "references customers (region)"));
            assertThat(entities.descriptions()).noneMatch(d -> d.contains("orders_2024_"));

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

    @Test
    void collationsTheSchemaDefinesAreWrittenBeforeTheColumnsThatUseThemAndNamedOnce() throws Exception {
        String[] legacy = {
            "CREATE COLLATION natural_sort (provider = icu, locale = 'en-u-kn-true')",
            "CREATE COLLATION \"Natural Sort\" (provider = icu, locale = 'en-u-kn-true')",
            "CREATE COLLATION \"coll.ci\" (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
            "CREATE COLLATION plain_c (locale = 'C')",
            "CREATE COLLATION split_libc (lc_collate = 'C', lc_ctype = 'POSIX')",
            "CREATE TABLE items (id int PRIMARY KEY, sku text COLLATE natural_sort, "
                    + "code varchar(20) COLLATE \"Natural Sort\", tag text COLLATE \"coll.ci\", "
                    + "raw text COLLATE plain_c, other text COLLATE split_libc, posix text COLLATE \"C\")",
            "CREATE INDEX items_sku ON items (sku COLLATE \"C\")",
        };
        try (Connection owner = TestPostgres.freshDatabase("collations_legacy").getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase("collations_fresh").getConnection()) {
            execute(owner, legacy);
            Adoption.Written written = Adoption.written(Adoption.baseline(owner), "20261127_120004", AT);
            assertThat(written.file().toString())
                    .contains("op.createObject(ObjectKind.COLLATION, \"natural_sort\"")
                    .doesNotContain("\"\"\"");

            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEqualTo(catalogText(owner));
            assertThat(catalogText(fresh))
                    .anyMatch(l -> l.startsWith("column items.sku text") && l.endsWith(" COLLATE public.natural_sort"))
                    .anyMatch(l -> l.startsWith("column items.code") && l.endsWith(" COLLATE public.Natural Sort"))
                    .anyMatch(l -> l.startsWith("column items.tag") && l.endsWith(" COLLATE public.coll.ci"))
                    .anyMatch(l -> l.startsWith("column items.raw") && l.endsWith(" COLLATE public.plain_c"))
                    .anyMatch(l -> l.startsWith("column items.posix") && l.endsWith(" COLLATE pg_catalog.C"));
            assertThat(AdoptionObjectKindsTest.objectsText(fresh))
                    .isEqualTo(AdoptionObjectKindsTest.objectsText(owner))
                    .anyMatch(l -> l.startsWith("collation coll.ci i false"))
                    .anyMatch(l -> l.startsWith("collation split_libc c true C POSIX"));
            assertThat(drift(owner, fresh).differences()).isEmpty();

            // changed by hand: a column's collation, and a collation no column uses
            execute(
                    owner,
                    "ALTER TABLE items ALTER COLUMN raw TYPE text COLLATE \"Natural Sort\"",
                    "DROP COLLATION split_libc CASCADE",
                    "CREATE COLLATION \"new.one\" (locale = 'C')");
            assertThat(drift(owner, fresh).differences())
                    .anyMatch(d -> d.contains("raw") && d.contains("collation"))
                    .anyMatch(d -> d.contains("new.one"));

            written.migration().downgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEmpty();
            assertThat(AdoptionObjectKindsTest.objectsText(fresh)).isEmpty();
        }
    }

    /** 63 bytes, the most PostgreSQL keeps of a name, in two-byte letters but the last. */
    private static final String LONG = "ü".repeat(31) + "x";

    private static final String[] ODD_NAMES = {
        "CREATE SEQUENCE \"seq.order\"",
        "CREATE TABLE \"Order.Items\" (\"ID\" int NOT NULL DEFAULT nextval('\"seq.order\"'), "
                + "\"unit price\" numeric, \"say \"\"hi\"\"\" text, \"" + LONG + "\" int, \"prix €\" text, "
                + "CONSTRAINT \"pk.order items\" PRIMARY KEY (\"ID\"), "
                + "CONSTRAINT \"uq \"\"x\"\"\" UNIQUE (\"say \"\"hi\"\"\"), "
                + "CONSTRAINT \"ck.price\" CHECK (\"unit price\" > 0))",
        "CREATE TABLE \"käse\" (id int PRIMARY KEY, item int CONSTRAINT \"fk.item\" REFERENCES \"Order.Items\")",
        "CREATE INDEX \"public.ix_orders\" ON \"Order.Items\" (\"unit price\")",
        "CREATE INDEX \"" + LONG + "\" ON \"käse\" (item)",
        "CREATE VIEW \"v.orders\" AS SELECT \"ID\", \"unit price\" FROM \"Order.Items\"",
    };

    @Test
    void anyNamePostgresqlAcceptsGoesThroughBaselineDriftOfflineSqlAndAutogenerate() throws Exception {
        try (Connection owner = TestPostgres.freshDatabase("odd_names_legacy").getConnection();
                Connection fresh = TestPostgres.freshDatabase("odd_names_fresh").getConnection();
                Connection offline =
                        TestPostgres.freshDatabase("odd_names_offline").getConnection()) {
            execute(owner, ODD_NAMES);
            Adoption.Written written = Adoption.written(Adoption.baseline(owner), "20261127_120002", AT);
            assertThat(written.file().toString())
                    .contains("op.dropIndex(\"\\\"public.ix_orders\\\"\")")
                    .contains("op.createTable(\"\\\"Order.Items\\\"\"");

            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEqualTo(catalogText(owner));
            assertThat(catalogText(fresh))
                    .contains(
                            "CREATE INDEX \"public.ix_orders\" ON public.\"Order.Items\" USING btree (\"unit price\")")
                    .contains(
                            "käse fk.item FOREIGN KEY (item) REFERENCES \"Order.Items\"(\"ID\") local=true inherited=0")
                    .contains("sequence seq.order bigint 1 1");
            assertThat(drift(owner, fresh).differences()).isEmpty();

            // offline: the same ops as one SQL script
            List<String> sql = OpSql.renderAll(GeneratedMigrations.recordUpgrade(written.migration()));
            execute(offline, sql.toArray(String[]::new));
            assertThat(catalogText(offline)).isEqualTo(catalogText(owner));

            // autogenerate: the same names from the entities are no change, and an index more is written
            List<String> entities = new ArrayList<>(List.of(
                    "create sequence \"seq.order\" start with 1 increment by 1",
                    "create table \"Order.Items\" (\"ID\" integer not null default nextval('\"seq.order\"'), "
                            + "\"unit price\" numeric, \"say \"\"hi\"\"\" text, \"" + LONG + "\" integer, "
                            + "\"prix €\" text, constraint \"pk.order items\" primary key (\"ID\"), "
                            + "constraint \"uq \"\"x\"\"\" unique (\"say \"\"hi\"\"\"), "
                            + "constraint \"ck.price\" check (\"unit price\" > 0))",
                    "create table \"käse\" (id integer not null, item integer, primary key (id))",
                    "alter table \"käse\" add constraint \"fk.item\" foreign key (item) references \"Order.Items\"",
                    "create index \"public.ix_orders\" on \"Order.Items\" (\"unit price\")",
                    "create index \"" + LONG + "\" on \"käse\" (item)"));
            Comparisons comparison = Comparisons.of("public");
            assertThat(comparison.compare(fresh, entities).descriptions()).isEmpty();
            entities.add("create index \"ix.new\" on \"Order.Items\" (\"prix €\")");
            MigrationScript diff = comparison.compare(fresh, entities);
            assertThat(diff.descriptions()).anyMatch(d -> d.contains("ix.new"));
            var file = new MigrationWriter(Path.of("unused"), "db.migrations", Clock.fixed(AT, ZoneOffset.UTC))
                    .toJavaFile(NewMigration.autogenerated("20261127_120003", List.of(), "x", diff));
            Migration migration =
                    GeneratedMigrations.compiled(List.of(file), file.typeSpec().name());
            List<String> before = catalogText(fresh);
            migration.upgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh))
                    .anyMatch(l -> l.startsWith("CREATE INDEX \"ix.new\" ON public.\"Order.Items\""));
            migration.downgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEqualTo(before);

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
