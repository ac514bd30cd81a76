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
 * left alone with a warning. Each migration runs up and down on a database the chain built.
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

    private static final String EVENTS = """
            CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
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

    private static String partition(String year) {
        int next = Integer.parseInt(year) + 1;
        return "CREATE TABLE events_" + year + " PARTITION OF events FOR VALUES FROM ('" + year + "-01-01') TO ('"
                + next + "-01-01');\n";
    }

    private MigrationScript compare(String name, String sql) throws Exception {
        Path schema = project.resolve(name);
        Files.createDirectories(schema);
        Files.writeString(schema.resolve("schema.sql"), sql);
        SqlSchemaFiles files = SqlSchemaFiles.in(schema, "db/schema");
        AutogenerateRequest request = AutogenerateRequest.builder(
                        Migrator.builder().migrations(EventsByYear.class).build(), EntityDdlSource.none(files.key()))
                .renames(files.renames())
                .declaringObjects(files.with(DeclaredObjects.none()))
                .declaringTheWholeSchema(true)
                .build();
        return Autogenerate.run(request, new TestThrowaways(null), line -> {}).script();
    }

    private static void runsBothWays(String name, MigrationScript script) throws SQLException {
        DataSource database = TestPostgres.freshDatabase(name);
        Migrator.builder()
                .dataSource(database)
                .migrations(EventsByYear.class)
                .build()
                .upgrade("heads");
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

    private static void run(DataSource database, List<Op> ops) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : OpSql.renderAll(ops)) {
                s.execute(sql);
            }
        }
    }
}
