package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.runtime.history.VersionTables;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.OnOldestAndNewestMajor;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Where the first upgrade looks for Flyway's or Liquibase's history: every schema of the search path and the version
 * table's, each found by what its tables record of it ({@code public} the server's own, the others made after), and
 * the server's own pinned schema when it is on the path, on the oldest and the newest server.
 */
@LongSuite
class MoveInSearchTest {
    private static final String FLYWAY =
            "CREATE TABLE %s (installed_rank int, version text, checksum int, success boolean, script text)";
    private static final String LIQUIBASE =
            "CREATE TABLE %s (id text, author text, filename text, md5sum text," + " orderexecuted int, exectype text)";

    @OnOldestAndNewestMajor
    void everySchemaOfTheSearchPathAndTheVersionTablesIsSearchedAndNoOther(int major) throws SQLException {
        DataSource db = TestPostgres.freshDatabase(major, "move_in_search");
        TestPostgres.execute(
                db,
                "CREATE SCHEMA app",
                "CREATE SCHEMA legacy",
                "CREATE SCHEMA elsewhere",
                FLYWAY.formatted("public.flyway_schema_history"),
                LIQUIBASE.formatted("app.databasechangelog"),
                // moved after the old tool ran: found in the schema it is in now
                FLYWAY.formatted("public.renamed_history"),
                "ALTER TABLE public.renamed_history SET SCHEMA legacy",
                FLYWAY.formatted("elsewhere.flyway_schema_history"),
                // the shape, but not a table; a table of part of the shape
                "CREATE VIEW public.history_view AS SELECT * FROM public.flyway_schema_history",
                "CREATE TABLE legacy.near (installed_rank int, version text, checksum int)");
        MoveIn moveIn = new MoveIn(
                RevisionGraph.of(List.of()), Map.of(), new VersionTables("app", "migrate_version", "migrate_history"));

        List<String> expected = List.of(
                "liquibase app.databasechangelog",
                "flyway legacy.renamed_history",
                "flyway public.flyway_schema_history");
        assertThat(found(db, moveIn, "public, legacy")).isEqualTo(expected);
        assertThat(found(db, moveIn, "pg_catalog, public, legacy")).isEqualTo(expected);
        assertThat(found(db, moveIn, "public")).isEqualTo(List.of(expected.get(0), expected.get(2)));
    }

    private static List<String> found(DataSource db, MoveIn moveIn, String searchPath) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET search_path = " + searchPath);
            return moveIn.oldTables(c).stream()
                    .map(t -> t.tool() + " " + t.name())
                    .toList();
        }
    }
}
