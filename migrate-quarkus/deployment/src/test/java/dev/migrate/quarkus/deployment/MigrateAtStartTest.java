package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.migrate.Migrator;
import dev.migrate.quarkus.deployment.fixtures.first.Q1CreateThings;
import dev.migrate.quarkus.deployment.fixtures.first.Q2SeedThings;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application with {@code quarkus.migrate.migrate-at-start}: its database is at head when it has started, the
 * revision that is a bean ran with what CDI injected, the readiness check is UP, the build registered every revision
 * for reflection (what a native image needs, since this machine cannot build one), and the build warned of Hibernate
 * ORM's schema management set on the same datasource.
 */
class MigrateAtStartTest {
    private static final String URL = Databases.fresh("quarkus_at_start");

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Databases.class, Q1CreateThings.class, Q2SeedThings.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", URL)
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.migrate.migrate-at-start", "true")
            .overrideConfigKey("quarkus.migrate.packages", "dev.migrate.quarkus.deployment.fixtures.first")
            .overrideConfigKey("quarkus.migrate.lock-timeout", "7s")
            .overrideConfigKey("quarkus.hibernate-orm.database.generation", "drop-and-create")
            .overrideConfigKey("things.first", "from-config")
            .addBuildChainCustomizer(builder -> builder.addBuildStep(context -> {
                        List<String> registered = context.consumeMulti(ReflectiveClassBuildItem.class).stream()
                                .filter(ReflectiveClassBuildItem::isConstructors)
                                .flatMap(item -> item.getClassNames().stream())
                                .toList();
                        for (Class<?> revision : List.of(Q1CreateThings.class, Q2SeedThings.class)) {
                            if (!registered.contains(revision.getName())) {
                                throw new IllegalStateException(
                                        revision.getName() + " is not registered for reflection with its constructors");
                            }
                        }
                        context.produce(new FeatureBuildItem("revisions-registered"));
                    })
                    .consumes(ReflectiveClassBuildItem.class)
                    .produces(FeatureBuildItem.class)
                    .build())
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("dev.migrate"))
            .assertLogRecords(records -> assertThat(records)
                    // the processor logs printf-style (warnf)
                    .extracting(record -> String.format(record.getMessage(), record.getParameters()))
                    .anySatisfy(message -> assertThat(message)
                            .contains("quarkus.hibernate-orm.database.generation is set to drop-and-create")
                            .contains("quarkus.migrate.migrate-at-start")));

    @Inject
    Migrator migrator;

    @Test
    void theDatabaseIsAtHeadOnceStarted() {
        assertThat(migrator.current()).extracting(r -> r.id()).containsExactly("q2");
        assertThat(Databases.query(URL, "SELECT name FROM things")).isEqualTo("from-config");
        assertThat(Databases.query(URL, "SELECT count(*) FROM migrate_version")).isEqualTo("1");
    }

    @Test
    void theReadinessCheckIsUp() {
        RestAssured.when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'migrate' }.status", is("UP"))
                .body("checks.find { it.name == 'migrate' }.data.'<default>.current'", is("[q2]"));
    }
}
