package dev.migrate.catalog.diff;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleFixpointTest {
    @Test
    void generatedChangesReachAFixpointAndReverseCleanly() throws Exception {
        Path classes = location(getClass());
        List<String> ddl = new EntityDdl(List.of(classes), List.of("dev.migrate.autogen.entity.simple"), null, Map.of())
                .generate(getClass().getClassLoader(), 18);
        try (Connection c = TestPostgres.freshDatabase("fixpoint_simple").getConnection()) {
            Comparisons comparison = Comparisons.of("public");
            MigrationScript first = comparison.compare(c, ddl);
            assertThat(first.descriptions())
                    .contains("added table public.agents", "added table public.task", "added sequence public.task_seq");
            run(c, first.upgrade());
            MigrationScript second = comparison.compare(c, ddl);
            assertThat(second.descriptions()).isEmpty();
            run(c, first.downgrade());
            assertThat(comparison.compare(c, List.of()).descriptions()).isEmpty();
        }
    }

    private static void run(Connection c, List<dev.migrate.op.Op> ops) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String sql : OpSql.renderAll(ops)) {
                s.execute(sql);
            }
        }
    }
}
