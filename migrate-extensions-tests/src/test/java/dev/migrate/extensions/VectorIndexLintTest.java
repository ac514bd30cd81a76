package dev.migrate.extensions;

import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.expr;
import static dev.migrate.Ddl.index;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.LintRule;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lint measures what building an HNSW or a GiST index locks on a table that holds rows, as it does for a
 * B-tree: the build in a transaction blocks writes until it is done, and the finding proposes the {@code
 * CONCURRENTLY} form. The HNSW index is built with its storage parameters ({@code with("m", 16)}), which change
 * nothing of that.
 */
@ExtendWith(ExtensionsServer.class)
class VectorIndexLintTest {
    private static ExtensionsServer.Started server;

    @BeforeAll
    static void server(ExtensionsServer.Started started) {
        server = started;
    }

    @Revision(id = "v1", message = "documents and places")
    public static class Tables implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE EXTENSION IF NOT EXISTS vector");
            op.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            op.createTable(
                    "documents",
                    column("id", "bigint").primaryKey(),
                    column("content", "text"),
                    column("embedding", "vector(3)"));
            op.createTable("places", column("id", "bigint").primaryKey(), column("location", "geometry(Point,4326)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("places");
            op.dropTable("documents");
        }
    }

    @Revision(id = "v2", revises = "v1", message = "search indexes")
    public static class Indexes implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createIndex(index("documents_embedding_idx", "documents", expr("embedding vector_cosine_ops"))
                    .using("hnsw")
                    .with("m", 16)
                    .with("ef_construction", 64));
            op.execute("CREATE INDEX places_location_idx ON places USING gist (location)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP INDEX places_location_idx");
            op.execute("DROP INDEX documents_embedding_idx");
        }
    }

    @Test
    void anHnswOrGistIndexBuiltInATransactionIsNamedWithItsConcurrentForm() {
        DataSource database = server.freshDatabase("lint", true);
        Migrator chain = Migrator.builder()
                .dataSource(database)
                .migrations(Tables.class, Indexes.class)
                .build();
        LintReport report = Lint.builder(chain).database(database).build().run("v1:v2");
        List<LintFinding> builds = report.findings().stream()
                .filter(f -> f.rule() == LintRule.INDEX_NOT_CONCURRENT)
                .toList();
        assertThat(builds).hasSize(2);
        assertThat(builds).allMatch(f -> f.revision().equals("v2"));
        // measured on the replay: the build takes a SHARE lock, which makes writes wait, and scans the table
        assertThat(builds).allMatch(f -> "ShareLock".equals(f.lock()) && f.scan());
        assertThat(builds.stream().map(LintFinding::table))
                .containsExactlyInAnyOrder("public.documents", "public.places");
        // the lock-safe form the report proposes
        assertThat(builds.get(0).rule().safeForm()).contains("concurrently()").contains("CONCURRENTLY");
    }
}
