package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.catalog;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.Partition;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.diff.LockSafeForm;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.op.TableOp;
import dev.migrate.testing.OnEveryMajor;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Partitioned tables as a hand-written schema has them (the pattern of an IoT platform's schema: range
 * partitions by a creation time, a default partition, an index made on the parent, a partition that is
 * partitioned in turn). JPA cannot express partitioning, so the entities describe only the columns and
 * keys; partitioning is kept, partitions are never tables, and no key PostgreSQL would refuse is written.
 */
class PartitionTest {
    private static final List<String> LIVE = List.of(
            "CREATE TABLE device (id uuid PRIMARY KEY, name varchar(255))",
            "CREATE TABLE events (id bigint NOT NULL, created_time bigint NOT NULL, device_id uuid, body varchar(255),"
                    + " PRIMARY KEY (id, created_time)) PARTITION BY RANGE (created_time)",
            "CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM (0) TO (1000)",
            "CREATE TABLE events_2 PARTITION OF events FOR VALUES FROM (1000) TO (2000)",
            "CREATE TABLE events_default PARTITION OF events DEFAULT",
            "CREATE INDEX idx_events_device ON events (device_id, created_time DESC)",
            "ALTER TABLE events ADD CONSTRAINT fk_events_device FOREIGN KEY (device_id) REFERENCES device (id)",
            "INSERT INTO device VALUES ('00000000-0000-0000-0000-000000000001', 'd')",
            "INSERT INTO events VALUES (1, 5, '00000000-0000-0000-0000-000000000001', 'x'), (2, 1500, null, 'y')",
            "CREATE TABLE readings (id bigint NOT NULL, region varchar(8) NOT NULL, ts bigint NOT NULL)"
                    + " PARTITION BY LIST (region)",
            "CREATE TABLE readings_eu PARTITION OF readings FOR VALUES IN ('eu') PARTITION BY HASH (id)",
            "CREATE TABLE readings_eu_0 PARTITION OF readings_eu FOR VALUES WITH (MODULUS 2, REMAINDER 0)",
            "CREATE TABLE readings_eu_1 PARTITION OF readings_eu FOR VALUES WITH (MODULUS 2, REMAINDER 1)",
            "CREATE TABLE readings_us PARTITION OF readings FOR VALUES IN ('us')",
            "CREATE TABLE alarm_comment (id uuid NOT NULL, created_time bigint NOT NULL, comment varchar(10000))"
                    + " PARTITION BY RANGE (created_time)",
            "CREATE TABLE alarm_comment_1 PARTITION OF alarm_comment FOR VALUES FROM (0) TO (1000)");

    /** What Hibernate writes for the entities: each with an {@code @Id}, the events one a composite key. */
    private static final List<String> ENTITIES = List.of(
            "create table device (id uuid not null, name varchar(255), primary key (id))",
            "create table events (created_time bigint not null, id bigint not null, body varchar(255), device_id uuid,"
                    + " primary key (created_time, id))",
            "create index idx_events_device on events (device_id, created_time desc)",
            "create table readings (id bigint not null, region varchar(8) not null, ts bigint not null, primary key (id))",
            "create table alarm_comment (id uuid not null, created_time bigint not null, comment varchar(10000),"
                    + " primary key (id))",
            "alter table if exists events add constraint fk_events_device foreign key (device_id) references device");

    private final Comparisons comparison = Comparisons.of("public");

    @OnEveryMajor
    void partitionedTablesAreReadWithTheirPartitionsAndPartitionsAreNoTables(int major) throws Exception {
        try (Connection c = TestPostgres.freshDatabase(major, "partitions_read").getConnection()) {
            execute(c, LIVE.toArray(String[]::new));
            DatabaseSchema schema = catalog(c);

            assertThat(schema.tables().keySet())
                    .extracting(Object::toString)
                    .containsExactly("public.alarm_comment", "public.device", "public.events", "public.readings");
            Table events = schema.table("public", "events");
            assertThat(events.partitioning().key()).isEqualTo("RANGE (created_time)");
            assertThat(events.partitioning().keyColumns()).containsExactly("created_time");
            assertThat(events.partitioning().partitions())
                    .extracting(Partition::name, Partition::bound)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("events_1", "FOR VALUES FROM ('0') TO ('1000')"),
                            org.assertj.core.groups.Tuple.tuple("events_2", "FOR VALUES FROM ('1000') TO ('2000')"),
                            org.assertj.core.groups.Tuple.tuple("events_default", "DEFAULT"));
            // the index made on the parent, not its copies on the partitions
            assertThat(events.indexes()).extracting(i -> i.name()).containsExactly("idx_events_device");
            assertThat(schema.table("public", "device").partitioning()).isNull();

            Partition eu = schema.table("public", "readings")
                    .partitioning()
                    .partitions()
                    .get(0);
            assertThat(eu.name()).isEqualTo("readings_eu");
            assertThat(eu.partitioning().key()).isEqualTo("HASH (id)");
            assertThat(eu.partitioning().partitions())
                    .extracting(Partition::name)
                    .containsExactly("readings_eu_0", "readings_eu_1");
        }
    }

    @Test
    void checkKeepsPartitioningWritesNoKeyPostgresRefusesAndReachesAFixpoint() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("partitions_check").getConnection()) {
            execute(c, LIVE.toArray(String[]::new));
            DatabaseSchema before = catalog(c);

            MigrationScript diff = comparison.compare(c, ENTITIES);

            assertThat(diff.descriptions()).isEmpty();
            assertThat(diff.upgrade()).isEmpty();
            String warnings = String.join("\n", diff.warnings());
            assertThat(warnings)
                    .contains("public.events kept: partitioned by range (created_time), 3 partitions")
                    .contains("public.readings kept: partitioned by list (region), 2 partitions")
                    .contains("public.alarm_comment kept: partitioned by range (created_time), 1 partition");
            assertThat(warnings)
                    .contains("Left out primary key [id] of public.alarm_comment")
                    .contains("[created_time]")
                    .contains("Left out primary key [id] of public.readings");
            assertThat(catalog(c)).isEqualTo(before);
        }
    }

    @Test
    void aColumnTheEntityAddsGoesOnTheParentAndTheSecondComparisonFindsNothing() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("partitions_add_column").getConnection()) {
            execute(c, LIVE.toArray(String[]::new));
            List<String> entities = new ArrayList<>(ENTITIES);
            entities.set(
                    1,
                    "create table events (created_time bigint not null, id bigint not null, body varchar(255),"
                            + " device_id uuid, severity integer, primary key (created_time, id))");

            MigrationScript diff = Fixtures.upgradeToModel(c, comparison, entities);

            assertThat(diff.descriptions()).containsExactly("added column public.events.severity");
            assertThat(columnsOf(c, "events_2")).contains("severity");
        }
    }

    @Test
    void aKeyThatIncludesThePartitionColumnIsWritten() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("partitions_key").getConnection()) {
            execute(c, LIVE.toArray(String[]::new));
            List<String> entities = new ArrayList<>(ENTITIES);
            entities.set(
                    4,
                    "create table alarm_comment (id uuid not null, created_time bigint not null,"
                            + " comment varchar(10000), primary key (created_time, id))");

            MigrationScript diff = Fixtures.upgradeToModel(c, comparison, entities);

            assertThat(diff.descriptions()).containsExactly("added primary key [created_time, id] to alarm_comment");
            assertThat(catalog(c).table("public", "alarm_comment").primaryKey().columns())
                    .containsExactlyInAnyOrder("id", "created_time");
        }
    }

    @Test
    void aPartitionedTableTheEntitiesDropGoesWithItsPartitionsAndTheDowngradeRestoresThem() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("partitions_drop").getConnection()) {
            execute(c, LIVE.toArray(String[]::new));
            DatabaseSchema before = catalog(c);
            List<String> entities = ENTITIES.stream()
                    .filter(sql -> !sql.startsWith("create table readings"))
                    .toList();

            MigrationScript diff = comparison.compare(c, entities);

            assertThat(diff.descriptions()).containsExactly("removed table public.readings");
            String sql = String.join("\n", OpSql.renderAll(diff.upgrade()));
            assertThat(sql).doesNotContain("events_1", "events_default");
            assertThat(ChangeNotes.of(diff.changes().get(0)))
                    .anySatisfy(n -> assertThat(n).contains("with its 4 partitions"));
            run(c, diff.upgrade());
            assertNoChanges(comparison.compare(c, entities));
            run(c, diff.downgrade());
            assertThat(catalog(c)).isEqualTo(before);
            assertThat(diff.downgrade())
                    .anyMatch(op -> op instanceof TableOp.CreatePartition p
                            && p.partition().name().equals("readings_eu")
                            && "HASH (id)".equals(p.partitionBy()));
        }
    }

    @Test
    void theLockSafeFormBuildsAnIndexOnAPartitionedTablePlainlySincePostgresCannotBuildItConcurrently()
            throws Exception {
        try (Connection c = TestPostgres.freshDatabase("partitions_safe").getConnection()) {
            execute(c, LIVE.toArray(String[]::new));
            List<String> entities = new ArrayList<>(ENTITIES);
            entities.add("create index ix_events_body on events (body)");

            MigrationScript diff = comparison.compare(c, entities);
            LockSafeForm.Split split = LockSafeForm.of(diff);

            assertThat(diff.descriptions()).containsExactly("added index ix_events_body on events");
            assertThat(split.concurrent().isEmpty()).isTrue();
            assertThat(String.join("\n", ChangeNotes.of(diff.changes().get(0)))).contains("ON ONLY");
            run(c, split.inTransaction().upgrade());
            assertNoChanges(comparison.compare(c, entities));
        }
    }

    @Test
    void aForeignKeyReferencingAPartitionedTableWithoutItsPartitionColumnsIsLeftOut() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("partitions_fk").getConnection()) {
            execute(c, LIVE.toArray(String[]::new));
            execute(c, "CREATE TABLE comment_flag (id bigint PRIMARY KEY, comment_id uuid)");
            List<String> entities = new ArrayList<>(ENTITIES);
            entities.set(
                    4,
                    "create table alarm_comment (id uuid not null, created_time bigint not null,"
                            + " comment varchar(10000), primary key (id))");
            entities.add("create table comment_flag (id bigint not null, comment_id uuid, primary key (id))");
            entities.add("alter table if exists comment_flag add constraint fk_flag_comment foreign key (comment_id)"
                    + " references alarm_comment");

            MigrationScript diff = Fixtures.upgradeToModel(c, comparison, entities);

            assertThat(diff.descriptions()).isEmpty();
            assertThat(String.join("\n", diff.warnings()))
                    .contains("Left out foreign key fk_flag_comment [comment_id] of public.comment_flag")
                    .contains("[created_time]");
        }
    }

    @Test
    void theReaderSendsNoMoreQueriesForPartitionedTables() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("partitions_queries").getConnection()) {
            execute(c, LIVE.toArray(String[]::new));
            CatalogReader reader = new CatalogReader();
            reader.read(c, List.of("public"));
            assertThat(reader.queriesSent()).isEqualTo(CatalogReader.QUERIES_PER_READ);
        }
    }

    private static List<String> columnsOf(Connection c, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (var s = c.prepareStatement(
                "SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped")) {
            s.setString(1, table);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
