package dev.migrate.quarkus.deployment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.migrate.Migrator;
import dev.migrate.quarkus.deployment.fixtures.first.Q1CreateThings;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without a start action, the readiness check is DOWN while the database is behind head, and UP once it is not. */
class ReadinessTest {
    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Databases.class, Q1CreateThings.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", Databases.fresh("quarkus_ready"))
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.migrate.packages", "dev.migrate.quarkus.deployment.fixtures.first");

    @Inject
    Migrator migrator;

    @Test
    void downWhileBehindThenUp() {
        RestAssured.when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'migrate' }.status", is("DOWN"))
                .body(
                        "checks.find { it.name == 'migrate' }.data.'<default>.reason'",
                        containsString("behind the application's head: 1 revision is pending (q1)"));
        migrator.upgrade("head");
        RestAssured.when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'migrate' }.status", is("UP"));
    }
}
