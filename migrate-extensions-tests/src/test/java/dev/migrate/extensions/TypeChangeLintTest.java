package dev.migrate.extensions;

import static dev.migrate.Ddl.column;
import static dev.migrate.extensions.ExtensionsServer.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintRule;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lint of the migrations pending on a database counts there the rows a column type change would fail on, with
 * the measurement autogenerate's guard makes: a vector of another dimension, a geometry of another SRID or kind. The
 * replay on the lint's throwaway server cannot see them (its sample rows hold no vectors), the configured database
 * can.
 */
@ExtendWith(ExtensionsServer.class)
class TypeChangeLintTest {
    private static ExtensionsServer.Started server;

    @BeforeAll
    static void server(ExtensionsServer.Started started) {
        server = started;
    }

    @Revision(id = "t1", message = "documents and places")
    public static class Tables implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE EXTENSION IF NOT EXISTS vector");
            op.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            op.createTable("documents", column("id", "bigint").primaryKey(), column("embedding", "vector(3)"));
            op.createTable(
                    "places",
                    column("id", "bigint").primaryKey(),
                    column("location", "geometry(Point,4326)"),
                    column("area", "geometry(Geometry,4326)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("places");
            op.dropTable("documents");
        }
    }

    @Revision(id = "t2", revises = "t1", message = "a new embedding model, web mercator, areas")
    public static class NewTypes implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.alterColumnType("documents", "embedding", "vector(4)");
            op.alterColumnType("places", "location", "geometry(Point,3857)");
            op.alterColumnType("places", "area", "geometry(Polygon,4326)");
        }

        @Override
        public void downgrade(Operations op) {
            op.alterColumnType("places", "area", "geometry(Geometry,4326)");
            op.alterColumnType("places", "location", "geometry(Point,4326)");
            op.alterColumnType("documents", "embedding", "vector(3)");
        }
    }

    @Test
    void theRowsOfTheConfiguredDatabaseThatATypeChangeFailsOnAreCountedThere() {
        DataSource live = server.freshDatabase("lint_live", true);
        Migrator production = Migrator.builder()
                .dataSource(live)
                .migrations(Tables.class, NewTypes.class)
                .build();
        production.upgrade("t1");
        execute(
                live,
                "INSERT INTO documents VALUES (1, '[1,2,3]'), (2, '[4,5,6]'), (3, NULL)",
                "INSERT INTO places VALUES (1, 'SRID=4326;POINT(13.4 52.5)', 'SRID=4326;POLYGON((0 0,1 0,1 1,0 0))'),"
                        + " (2, NULL, 'SRID=4326;POLYGON((0 0,2 0,2 2,0 0))')");

        List<LintFinding> refused = lint(live, production).stream()
                .filter(f -> f.rule() == LintRule.ROWS_REFUSE_TYPE)
                .toList();
        assertThat(refused).allMatch(f -> f.revision().equals("t2") && f.severity() == LintRule.Severity.ERROR);
        assertThat(refused)
                .extracting(LintFinding::table, LintFinding::detail)
                .satisfiesExactlyInAnyOrder(
                        f -> assertThat(f.toList())
                                .containsExactly(
                                        "public.documents",
                                        "changes the type of embedding to vector(4): on the configured database 2"
                                                + " values do not have 4 dimensions (e.g. '[1,2,3]'), and the type"
                                                + " change fails on them; compute the values of"
                                                + " public.documents.embedding again with 4 dimensions (or set them"
                                                + " to NULL) before its type changes"),
                        f -> assertThat(f.toList().get(1).toString())
                                .startsWith("changes the type of location to geometry(Point,3857): on the configured"
                                        + " database 1 value does not fit geometry(Point,3857) (e.g."
                                        + " 'SRID=4326;POINT(13.4 52.5)')")
                                .contains("USING ST_Transform(location, 3857)"));
        // the areas are polygons already: no finding for them

        // once the embeddings are cleared and the points transformed, nothing is refused
        execute(live, "UPDATE documents SET embedding = NULL", "DELETE FROM places WHERE location IS NOT NULL");
        assertThat(lint(live, production)).noneMatch(f -> f.rule() == LintRule.ROWS_REFUSE_TYPE);
    }

    private static List<LintFinding> lint(DataSource live, Migrator production) {
        DataSource throwaway = server.freshDatabase("lint_replay", true);
        Migrator chain = Migrator.builder()
                .dataSource(throwaway)
                .migrations(Tables.class, NewTypes.class)
                .build();
        return Lint.builder(chain)
                .database(throwaway)
                .measuringRowsOn(live, Duration.ofSeconds(30))
                .build()
                .pending(production.current())
                .findings();
    }
}
