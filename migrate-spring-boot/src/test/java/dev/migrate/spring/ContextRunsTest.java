package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Issue 86, defect 1, under the starter: an application started with {@code migrate.contexts=test} must not take the
 * version of the applications started without it. The chain {@code a -> b} runs everywhere and {@code c} revises
 * {@code b} in the context test only ({@code dev.migrate.spring.contexts}); one database is started on by the
 * applications users run. Before the fix, the application without the context read the database at base and its
 * startup upgrade ran {@code a} again, failing on the table it creates.
 */
class ContextRunsTest {
    private static final String PACKAGE = "dev.migrate.spring.contexts";

    @Test
    void anApplicationInTheContextKeepsTheVersionOfTheOthers() throws SQLException {
        DataSource dataSource = TestPostgres.dataSource(TestPostgres.createDatabase("starter_contexts"));
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        MigrateAutoConfiguration.class,
                        MigrateActuatorAutoConfiguration.class,
                        EndpointAutoConfiguration.class,
                        HealthContributorAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("migrate.packages=" + PACKAGE);

        // (1) the application given the context upgrades to its heads at startup, and is healthy right after
        runner.withPropertyValues("migrate.contexts=test").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(rows(dataSource, "SELECT code FROM currency")).containsExactly("XTS");
            Health health = context.getBean(MigrateHealthIndicator.class).health();
            assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("heads", List.of("c"))
                    .containsEntry("current", List.of("c"))
                    .containsEntry("pending", List.of());
            MigrateStatus.Database status = context.getBean(MigrateStatus.class).database();
            assertThat(status.current()).extracting(MigrateStatus.Row::revision).containsExactly("c");
            assertThat(status.pending()).isEmpty();
        });

        // (2) the application without it: at b, its head, healthy, its startup upgrade with nothing to run
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrator.class).current())
                    .extracting(CurrentRevision::id)
                    .containsExactly("b");
            Health health = context.getBean(MigrateHealthIndicator.class).health();
            assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("heads", List.of("b"))
                    .containsEntry("current", List.of("b"))
                    .containsEntry("pending", List.of());
            MigrateStatus.Database status = context.getBean(MigrateStatus.class).database();
            assertThat(status.current()).extracting(MigrateStatus.Row::revision).containsExactly("b");
            assertThat(status.current()).allMatch(MigrateStatus.Row::head);
            assertThat(status.pending()).isEmpty();
        });
        assertThat(rows(dataSource, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .as("nothing ran twice: one upgrade row per revision")
                .containsExactly("a upgrade", "b upgrade", "c upgrade");
        runner.withPropertyValues("migrate.mode=validate")
                .run(context -> assertThat(context).as("validated at head").hasNotFailed());

        // (3) a downgrade to base without the context is refused, naming c and the starter's property
        runner.withPropertyValues("migrate.mode=none").run(context -> {
            Migrator migrator = context.getBean(Migrator.class);
            assertThatThrownBy(() -> migrator.downgrade("base"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("This downgrade would revert a, b, below c (test currencies), which this"
                            + " database applied in a run given the context test")
                    .hasMessageContaining("Downgrade c first in a run given migrate.contexts=test, then run this"
                            + " downgrade again. Nothing was changed.");
        });
        assertThat(rows(dataSource, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly("b", "c");
    }

    private static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
