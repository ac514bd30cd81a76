package dev.migrate.extensions;

import static dev.migrate.extensions.ExtensionsServer.execute;
import static dev.migrate.extensions.ExtensionsServer.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.DataMeasurements;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.SchemaDiff;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.op.Op;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A changed vector dimension ({@code vector(3)} to {@code vector(4)}) is a type change that fails on every row
 * holding a value of the old dimension ("expected 4 dimensions, not 3"), so it is measured and guarded as a
 * narrowing type change is: the rows are counted on the database the change will run on, the note names them with an
 * example and the fix, and the migration checks first and stops before changing anything.
 */
@ExtendWith(ExtensionsServer.class)
class VectorDimensionChangeTest {
    private static ExtensionsServer.Started server;

    @BeforeAll
    static void server(ExtensionsServer.Started started) {
        server = started;
    }

    @Test
    void aDimensionChangeOnRowsOfTheOldDimensionIsMeasuredAndGuarded() throws SQLException {
        DataSource live = server.freshDatabase("dimension_live", true);
        DataSource wanted = server.freshDatabase("dimension_wanted", true);
        execute(
                live,
                "CREATE EXTENSION vector",
                "CREATE TABLE documents (id bigint PRIMARY KEY, embedding vector(3), summary halfvec(2),"
                        + " terms sparsevec(100))",
                "INSERT INTO documents VALUES (1, '[1,2,3]', '[1,2]', '{1:1.5,7:2}/100'), (2, '[4,5,6]', NULL, NULL),"
                        + " (3, NULL, NULL, NULL)");
        execute(
                wanted,
                "CREATE EXTENSION vector",
                "CREATE TABLE documents (id bigint PRIMARY KEY, embedding vector(4), summary halfvec(2),"
                        + " terms sparsevec(50))");

        MigrationScript script;
        try (Connection c = live.getConnection()) {
            MigrationScript diff = SchemaDiff.compare(
                    read(c), read(wanted), SchemaDiff.Options.defaults().withBothRead());
            assertThat(OpSql.renderAll(diff.upgrade())).anyMatch(s -> s.contains("TYPE vector(4)"));
            script = DataMeasurements.measure(diff, c, Duration.ofSeconds(30)).script();
        }
        String notes = String.join(
                "\n",
                script.changes().stream()
                        .flatMap(ch -> ChangeNotes.of(ch).stream())
                        .toList());
        assertThat(notes)
                .contains("public.documents.embedding: 2 values do not have 4 dimensions (e.g. '[")
                .contains("compute the values of public.documents.embedding again with 4 dimensions")
                // a sparse vector's dimensions are read from its text, which has no vector_dims
                .contains("public.documents.terms: 1 value does not have 50 dimensions (e.g. '{1:1.5,7:2}/100')");
        assertThat(script.guards()).hasSize(2);

        // as it stands, the guard stops the migration before the type changes
        try (Connection c = live.getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> run(c, script.upgrade()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("with 4 dimensions")
                    .hasMessageContaining("2 rows found");
            c.rollback();
        }
        assertThat(query(
                        live,
                        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                                + " WHERE attrelid = 'documents'::regclass AND attname = 'embedding'"))
                .containsExactly("vector(3)");

        // once the old embeddings are cleared (to be computed again with the new model), it runs
        execute(live, "UPDATE documents SET embedding = NULL, terms = NULL");
        try (Connection c = live.getConnection()) {
            run(c, script.upgrade());
            assertThat(SchemaDiff.compare(
                                    read(c),
                                    read(wanted),
                                    SchemaDiff.Options.defaults().withBothRead())
                            .upgrade())
                    .isEmpty();
        }
    }

    private static DatabaseSchema read(Connection c) {
        return SchemaDrift.read(c, "public", Exclusions.versionTables());
    }

    private static DatabaseSchema read(DataSource database) throws SQLException {
        try (Connection c = database.getConnection()) {
            return read(c);
        }
    }

    private static void run(Connection c, List<Op> ops) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : OpSql.renderAll(ops)) {
                s.execute(sql);
            }
        }
    }
}
