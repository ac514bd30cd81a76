package dev.migrate.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.autogen.objects.SqlSchemaFiles;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.op.Op;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL schema files declare the whole schema, other schemas they create tables in and the partitions of a
 * partitioned table included: a table in {@code audit} is created with its schema (it was left out without a word),
 * a partition declared is created and one no longer declared is dropped (neither was seen), and new bounds are
 * left alone with a warning, at every level of partitions partitioned in turn. Each migration runs up and down on a
 * database the chain built.
 */
class SqlFilesSchemasAndPartitionsTest {
    @Revision(id = "p1", message = "events by year")
    public static class EventsByYear implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at))"
                    + " PARTITION BY RANGE (at)");
            op.execute("CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
            op.execute("CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE events");
        }
    }

    @Revision(id = "v1", message = "visits by year, then by region")
    public static class VisitsByYearAndRegion implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE visits (id bigint NOT NULL, at date NOT NULL, region text NOT NULL)"
                    + " PARTITION BY RANGE (at)");
            op.execute("CREATE TABLE visits_2025 PARTITION OF visits FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"
                    + " PARTITION BY LIST (region)");
            op.execute("CREATE TABLE visits_2025_eu PARTITION OF visits_2025 FOR VALUES IN ('eu')");
            op.execute("CREATE TABLE visits_2025_us PARTITION OF visits_2025 FOR VALUES IN ('us')");
            op.execute("CREATE TABLE visits_2026 PARTITION OF visits FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"
                    + " PARTITION BY LIST (region)");
            op.execute("CREATE TABLE visits_2026_eu PARTITION OF visits_2026 FOR VALUES IN ('eu')");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE visits");
        }
    }

    private static final String EVENTS = """
            CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
            """;

    private static final String VISITS = """
            CREATE TABLE visits (id bigint NOT NULL, at date NOT NULL, region text NOT NULL) PARTITION BY RANGE (at);
            """;

    @TempDir
    Path project;

    @Test
    void aTableInAnotherSchemaIsCreatedWithItsSchema() throws Exception {
        MigrationScript script = compare(
                "other_schema",
                EVENTS
                        + partition("2024") + partition("2025")
                        + "CREATE SCHEMA audit;\nCREATE TABLE audit.log (id bigint PRIMARY KEY, what text);\n");
        assertThat(script.descriptions()).containsExactly("added schema audit", "added table audit.log");
        runsBothWays("other_schema", script);
    }

    @Test
    void aPartitionDeclaredIsCreatedAndOneNoLongerDeclaredIsDropped() throws Exception {
        MigrationScript script = compare("partitions", EVENTS + partition("2025") + partition("2026"));
        assertThat(script.descriptions())
                .containsExactlyInAnyOrder(
                        "added partition events_2026 of public.events",
                        "removed partition events_2024 of public.events");
        assertThat(script.warnings()).noneMatch(w -> w.contains("kept"));
        assertThat(OpSql.renderAll(script.upgrade()))
                .contains("CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO"
                        + " ('2027-01-01')");
        assertThat(script.changes())
                .filteredOn(c -> c.description().toString().contains("events_2024"))
                .singleElement()
                .satisfies(c -> assertThat(c.hazards()).isNotEmpty());
        runsBothWays("partitions", script);
    }

    @Test
    void newBoundsOfAPartitionAreLeftAloneWithAWarning() throws Exception {
        MigrationScript script = compare(
                "bounds",
                EVENTS + partition("2024")
                        + "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO"
                        + " ('2025-07-01');\n");
        assertThat(script.descriptions()).isEmpty();
        assertThat(script.warnings())
                .singleElement()
                .asString()
                .contains("Partition events_2025 of public.events kept")
                .contains("TO ('2025-07-01')");
    }

    @Test
    void thePartitionsOfAPartitionPartitionedInTurnAreComparedAndADroppedOneComesBackWithItsOwn() throws Exception {
        MigrationScript script = compare("sub_partitions", VISITS + """
                CREATE TABLE visits_2025 PARTITION OF visits FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')
                    PARTITION BY LIST (region);
                CREATE TABLE visits_2025_eu PARTITION OF visits_2025 FOR VALUES IN ('eu');
                CREATE TABLE visits_2025_asia PARTITION OF visits_2025 FOR VALUES IN ('asia');
                """, VisitsByYearAndRegion.class);
        assertThat(script.descriptions())
                .containsExactlyInAnyOrder(
                        "added partition visits_2025_asia of public.visits_2025",
                        "removed partition visits_2025_us of public.visits_2025",
                        "removed partition visits_2026 of public.visits");
        assertThat(script.warnings()).noneMatch(w -> w.contains("kept"));
        DataSource database = builtByTheChain("sub_partitions", VisitsByYearAndRegion.class);
        run(database, script.upgrade());
        assertThat(leaves(database)).containsExactly("visits_2025_asia", "visits_2025_eu");
        run(database, script.downgrade());
        // the dropped year comes back partitioned by region, with its partition
        assertThat(leaves(database)).containsExactly("visits_2025_eu", "visits_2025_us", "visits_2026_eu");
        assertThat(TestPostgres.query(database, "SELECT pg_get_partkeydef('visits_2026'::regclass)"))
                .containsExactly("LIST (region)");
    }

    @Test
    void aPartitionPartitionedAnotherWayIsLeftAloneWithAWarning() throws Exception {
        MigrationScript script = compare("sub_key", VISITS + """
                CREATE TABLE visits_2025 PARTITION OF visits FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')
                    PARTITION BY HASH (id);
                CREATE TABLE visits_2025_0 PARTITION OF visits_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
                CREATE TABLE visits_2025_1 PARTITION OF visits_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
                CREATE TABLE visits_2026 PARTITION OF visits FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')
                    PARTITION BY LIST (region);
                CREATE TABLE visits_2026_eu PARTITION OF visits_2026 FOR VALUES IN ('eu');
                """, VisitsByYearAndRegion.class);
        assertThat(script.descriptions()).isEmpty();
        assertThat(script.warnings())
                .singleElement()
                .asString()
                .contains("Partition visits_2025 of public.visits kept")
                .contains("partitioned by list (region)")
                .contains("partitioned by hash (id)");
    }

    /** The partitions that hold rows (not partitioned in turn), by name. */
    private static List<String> leaves(DataSource database) throws SQLException {
        return TestPostgres.query(
                database,
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relkind = 'r'"
                        + " ORDER BY 1");
    }

    private static String partition(String year) {
        int next = Integer.parseInt(year) + 1;
        return "CREATE TABLE events_" + year + " PARTITION OF events FOR VALUES FROM ('" + year + "-01-01') TO ('"
                + next + "-01-01');\n";
    }

    private MigrationScript compare(String name, String sql) throws Exception {
        return compare(name, sql, EventsByYear.class);
    }

    private MigrationScript compare(String name, String sql, Class<? extends Migration> chain) throws Exception {
        Path schema = project.resolve(name);
        Files.createDirectories(schema);
        Files.writeString(schema.resolve("schema.sql"), sql);
        SqlSchemaFiles files = SqlSchemaFiles.in(schema, "db/schema");
        AutogenerateRequest request = AutogenerateRequest.builder(
                        Migrator.builder().migrations(chain).build(), EntityDdlSource.none(files.key()))
                .renames(files.renames())
                .declaringObjects(files.with(DeclaredObjects.none()))
                .declaringTheWholeSchema(true)
                .build();
        return Autogenerate.run(request, new TestThrowaways(null), line -> {}).script();
    }

    private static void runsBothWays(String name, MigrationScript script) throws SQLException {
        DataSource database = builtByTheChain(name, EventsByYear.class);
        run(database, script.upgrade());
        run(database, script.downgrade());
        assertThat(TestPostgres.query(
                        database,
                        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relkind = 'r'"
                                + " ORDER BY 1"))
                .containsExactly("events_2024", "events_2025");
        assertThat(TestPostgres.query(database, "SELECT count(*) FROM pg_namespace WHERE nspname = 'audit'"))
                .containsExactly("0");
    }

    /** A new database named {@code name}, at the head of the chain of {@code chain}. */
    private static DataSource builtByTheChain(String name, Class<? extends Migration> chain) {
        DataSource database = TestPostgres.freshDatabase(name);
        Migrator.builder().dataSource(database).migrations(chain).build().upgrade("heads");
        return database;
    }

    private static void run(DataSource database, List<Op> ops) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : OpSql.renderAll(ops)) {
                s.execute(sql);
            }
        }
    }
}
