package dev.migrate.quarkus.deployment;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.migrate.Migrator;
import dev.migrate.quarkus.deployment.fixtures.first.Q1CreateThings;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database a newer build migrated (a rolling deploy), as the readiness check of a Quarkus application reports it:
 * the way out is named as the application sets it, {@code quarkus.migrate.accept-future-revisions=true}, not as the
 * plugin, Spring Boot or the Java API's builder would.
 */
class FutureRevisionMessageTest {
    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Databases.class, Q1CreateThings.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", Databases.fresh("quarkus_future"))
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.migrate.packages", "dev.migrate.quarkus.deployment.fixtures.first");

    @Inject
    Migrator migrator;

    @Test
    void theReasonNamesTheQuarkusSetting() {
        migrator.upgrade("head");
        Databases.query(
                Databases.fresh("quarkus_future"),
                "UPDATE migrate_version SET version_num = 'q9' RETURNING version_num");
        RestAssured.when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body(
                        "checks.find { it.name == 'migrate' }.data.'<default>.reason'",
                        allOf(
                                containsString("The database is at revision q9, which no migration class defines"),
                                containsString("(quarkus.migrate.accept-future-revisions=true)"),
                                not(containsString("-Dmigrate.")),
                                not(containsString("Spring Boot")),
                                not(containsString("Migrator.builder()"))));
    }
}
