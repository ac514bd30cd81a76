package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.CredentialsProvider;
import dev.migrate.Migrator;
import dev.migrate.spring.fixtures.M2SeedThings;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code migrate} health in an application context: OUT_OF_SERVICE during an expand only when configured, a
 * fleet's tenants behind head named and paged, nothing of Actuator's without Actuator, and a
 * {@link CredentialsProvider} bean asked for each connection migrate opens.
 */
class MigrateHealthTest {
    private static ApplicationContextRunner runner(DataSource dataSource, String packages) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        MigrateAutoConfiguration.class,
                        MigrateActuatorAutoConfiguration.class,
                        EndpointAutoConfiguration.class,
                        HealthContributorAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("migrate.packages=" + packages);
    }

    @Test
    void anExpandIsOutOfServiceOnlyWhenConfigured() {
        DataSource dataSource = TestPostgres.dataSource(TestPostgres.createDatabase("starter_health_expand"));
        Migrator.builder()
                .dataSource(dataSource)
                .packages("dev.migrate.spring.online")
                .build()
                .upgrade("a1");
        ApplicationContextRunner online = runner(dataSource, "dev.migrate.spring.online");
        online.run(context -> {
            Health health = context.getBean(MigrateHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("expand", "a2");
            assertThat(context.getBean(MigrateStatus.class).database().expand()).isEqualTo("a2");
        });
        online.withPropertyValues("migrate.health.out-of-service-during-expand=true")
                .run(context -> {
                    Health health =
                            context.getBean(MigrateHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                    assertThat(health.getDetails().get("reason"))
                            .isEqualTo(
                                    "The online revision a2 is in its expand phase; complete it (mvn migrate:complete) to "
                                            + "bring the instance back into service.");
                    context.getBean(Migrator.class).complete();
                    assertThat(context.getBean(MigrateHealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .isEqualTo(Status.UP);
                });
    }

    @Test
    void aFleetBehindHeadIsDownNamingItsTenantsAndTheEndpointPagesThem() throws Exception {
        DataSource dataSource = TestPostgres.dataSource(TestPostgres.createDatabase("starter_health_fleet"));
        ApplicationContextRunner fleet = runner(dataSource, "dev.migrate.spring.fixtures")
                .withBean(M2SeedThings.class, () -> new M2SeedThings("from-spring"))
                .withPropertyValues("migrate.tenants=t_a,t_b,t_c");
        fleet.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MigrateHealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP);
        });
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            // t_b back at s1, as a tenant a failed run left behind
            s.execute("UPDATE t_b.migrate_version SET version_num = 's1'");
        }
        fleet.withPropertyValues("migrate.mode=none").run(context -> {
            Health health = context.getBean(MigrateHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("behind", 1).containsEntry("tenants", 3);
            assertThat(health.getDetails().get("reason"))
                    .isEqualTo("1 of 3 tenants are behind the application's head, t_b. Upgrade the fleet to head.");

            MigrateStatus.Database paged = Objects.requireNonNull(new MigrateEndpoint(context)
                    .migrate(1, 2)
                    .contexts()
                    .values()
                    .iterator()
                    .next()
                    .migrateBeans()
                    .get("migrateStatus"));
            MigrateStatus.Tenants page = Objects.requireNonNull(paged.tenants());
            assertThat(page.total()).isEqualTo(3);
            assertThat(page.behind()).isEqualTo(1);
            assertThat(page.tenants()).extracting(MigrateStatus.Tenant::name).containsExactly("t_c");
            MigrateStatus.Tenant tB = Objects.requireNonNull(
                            context.getBean(MigrateStatus.class).database(0, 3).tenants())
                    .tenants()
                    .get(1);
            assertThat(tB.current()).containsExactly("s1");
            assertThat(tB.pending()).containsExactly("s2");
        });
    }

    @Test
    void withoutActuatorNeitherTheEndpointNorTheHealthIsThere() {
        DataSource dataSource = TestPostgres.dataSource(TestPostgres.createDatabase("starter_no_actuator"));
        new ApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .withConfiguration(
                        AutoConfigurations.of(MigrateAutoConfiguration.class, MigrateActuatorAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(M2SeedThings.class, () -> new M2SeedThings("from-spring"))
                .withPropertyValues("migrate.packages=dev.migrate.spring.fixtures")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(MigrateStatus.class);
                    assertThat(context).doesNotHaveBean(MigrateHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(MigrateEndpoint.class);
                });
    }

    @Test
    void aCredentialsProviderBeanIsAskedForEachConnection() {
        String database = TestPostgres.createDatabase("starter_credentials");
        List<CredentialsProvider.Server> asked = Collections.synchronizedList(new ArrayList<>());
        CredentialsProvider provider = server -> {
            asked.add(server);
            return new CredentialsProvider.Credentials("postgres", "not-checked-by-this-server");
        };
        runner(TestPostgres.dataSource(database), "dev.migrate.spring.fixtures")
                .withBean(M2SeedThings.class, () -> new M2SeedThings("from-spring"))
                .withBean(CredentialsProvider.class, () -> provider)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Migrator.class).current().get(0).id())
                            .isEqualTo("s2");
                });
        assertThat(asked).hasSizeGreaterThanOrEqualTo(2);
        assertThat(asked.get(0))
                .isEqualTo(new CredentialsProvider.Server("localhost", TestPostgres.port(), database, "postgres"));
    }
}
