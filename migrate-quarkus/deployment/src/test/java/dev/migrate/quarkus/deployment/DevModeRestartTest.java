package dev.migrate.quarkus.deployment;

import static org.hamcrest.Matchers.is;

import fixtures.devmode.N1CreateNotes;
import fixtures.devmode.N2AddNoteTitle;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code quarkus dev} restarted on a revision added while it runs (as the console's key M writes one): the restart
 * upgrades the database to it, and the readiness check judges the database by the restarted application's
 * revisions, not by those it kept from before the restart, which know no such revision.
 */
class DevModeRestartTest {
    @RegisterExtension
    static final QuarkusDevModeTest APPLICATION = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(N1CreateNotes.class)
                    .addAsResource(
                            new StringAsset("quarkus.datasource.db-kind=postgresql\n"
                                    + "quarkus.datasource.jdbc.url=" + Databases.fresh("quarkus_dev_restart") + "\n"
                                    + "quarkus.datasource.username=postgres\n"
                                    + "quarkus.datasource.devservices.enabled=false\n"
                                    + "quarkus.migrate.migrate-at-start=true\n"
                                    + "quarkus.migrate.packages=fixtures.devmode\n"),
                            "application.properties"));

    @Test
    void readinessAfterARestartThatAppliedANewRevisionIsUp() {
        RestAssured.when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'migrate' }.data.'<default>.current'", is("[n1]"));

        APPLICATION.addSourceFile(N2AddNoteTitle.class);

        RestAssured.when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'migrate' }.status", is("UP"))
                .body("checks.find { it.name == 'migrate' }.data.'<default>.current'", is("[n2]"));
    }
}
