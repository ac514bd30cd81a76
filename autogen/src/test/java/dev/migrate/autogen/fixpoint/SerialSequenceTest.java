package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A serial column whose default the entities no longer have: its sequence goes with the default, and comes back. */
class SerialSequenceTest {
    private static final Comparisons COMPARISON = Comparisons.of("public");

    @Test
    void theOwnedSequenceIsDroppedWithTheDefaultAndRestoredPastTheRows() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("serialseq").getConnection()) {
            execute(
                    c,
                    "CREATE TABLE tickets (id serial PRIMARY KEY, title text)",
                    "INSERT INTO tickets (title) SELECT 't' || g FROM generate_series(1, 5) g");
            List<String> entities = List.of("create table tickets (id integer not null, title text, primary key (id))");
            MigrationScript diff = COMPARISON.compare(c, entities);
            assertThat(diff.descriptions())
                    .anyMatch(d -> d.startsWith("removed sequence public.tickets_id_seq (owned by tickets.id"));

            run(c, diff.upgrade());
            assertThat(sequences(c)).isEmpty();
            assertNoChanges(COMPARISON.compare(c, entities));

            run(c, diff.downgrade());
            assertThat(sequences(c)).containsExactly("tickets_id_seq");
            // the restored default continues the numbering: no duplicate key
            execute(c, "INSERT INTO tickets (title) VALUES ('after')");
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT max(id) FROM tickets")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(6);
            }
        }
    }

    private static List<String> sequences(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT relname FROM pg_class WHERE relkind = 'S' ORDER BY 1")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
