package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestPostgres;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A fleet run in a context, then plain fleet runs on the same tenants (issue: a run in a context took the version of
 * the runs that run everywhere). The fleet reads its tenants' version rows in bulk, apart from the engine's reads, so
 * the sequence is proven here too: the plain fleet sees each tenant at the plain head, runs nothing again, and a
 * downgrade below the test revision is refused per tenant.
 */
class FleetContextsTest {
    private final DataSource database = TestPostgres.freshDatabase("fleet_contexts");

    @Test
    void aFleetRunInAContextLeavesThePlainFleetAtItsHead() throws SQLException {
        TestPostgres.execute(database, "CREATE SCHEMA t_a", "CREATE SCHEMA t_b");
        FleetResult test = fleet(List.of(ContextsTest.C1.class, ContextsTest.T1.class), "test")
                .upgrade("heads");
        assertThat(test.tenants()).allSatisfy(t -> assertThat(t.steps()).hasSize(2));

        Fleet plain = fleet(List.of(ContextsTest.C1.class, ContextsTest.T1.class));
        assertThat(current(plain)).containsExactly(Map.entry("t_a", List.of("c1")), Map.entry("t_b", List.of("c1")));
        FleetResult again = plain.upgrade("head");
        assertThat(again.tenants()).allSatisfy(t -> assertThat(t.outcome()).isEqualTo(TenantResult.Outcome.UNCHANGED));
        assertThat(TestPostgres.query(database, "SELECT count(*) FROM t_a.migrate_history WHERE direction = 'upgrade'"))
                .as("nothing ran twice")
                .containsExactly("2");
        assertThat(current(fleet(List.of(ContextsTest.C1.class, ContextsTest.T1.class), "test")))
                .containsExactly(Map.entry("t_a", List.of("t1")), Map.entry("t_b", List.of("t1")));

        // the next plain revision: applied beside the test branch, which stays
        Fleet next = fleet(List.of(ContextsTest.C1.class, ContextsTest.T1.class, ContextsTest.C2.class));
        assertThat(next.upgrade("head").tenants())
                .allSatisfy(t ->
                        assertThat(t.steps()).extracting(AppliedStep::revision).containsExactly("c2"));
        assertThat(TestPostgres.query(database, "SELECT version_num FROM t_b.migrate_version ORDER BY 1"))
                .containsExactly("c2", "t1");

        FleetResult refused = next.downgrade("base");
        assertThat(refused.tenants()).allSatisfy(t -> {
            assertThat(t.outcome()).isEqualTo(TenantResult.Outcome.FAILED);
            assertThat(t.error()).contains("below t1 (test countries), which this database applied in a run given");
        });
        assertThat(TestPostgres.query(database, "SELECT version_num FROM t_a.migrate_version ORDER BY 1"))
                .containsExactly("c2", "t1");
    }

    private Fleet fleet(List<Class<?>> classes, String... contexts) {
        return Fleet.builder(Migrator.builder()
                        .dataSource(database)
                        .migrations(classes.toArray(Class<?>[]::new))
                        .contexts(contexts)
                        .log(new MigrationLog() {
                            @Override
                            public void info(String message) {}

                            @Override
                            public void warn(String message) {}
                        }))
                .tenants("t\\_%")
                .build();
    }

    private static Map<String, List<String>> current(Fleet fleet) {
        Map<String, List<String>> current = new LinkedHashMap<>();
        fleet.current()
                .forEach((tenant, rows) -> current.put(
                        tenant, rows.stream().map(CurrentRevision::id).toList()));
        return current;
    }
}
