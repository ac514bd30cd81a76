package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.migrate.CurrentRevision;
import dev.migrate.Migrator;
import dev.migrate.quarkus.deployment.fixtures.contexts.A;
import dev.migrate.quarkus.deployment.fixtures.contexts.B;
import dev.migrate.quarkus.deployment.fixtures.contexts.C;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 86, defect 1, under the Quarkus extension, the application given {@code quarkus.migrate.contexts=test}: its
 * upgrade at start applies the whole chain ({@code a -> b} everywhere, {@code c} on {@code b} in the context test),
 * it is ready at {@code c} right after, and then a run without the context, on the same database, is at {@code b}
 * with nothing to do. Before the fix, that run read the database at base and ran {@code a} again.
 * {@link PlainRunAfterContextRunTest} starts the application without the context.
 */
class ContextRunAtStartTest {
    private static final String URL = Databases.fresh("quarkus_contexts_test");

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Databases.class, A.class, B.class, C.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", URL)
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.migrate.migrate-at-start", "true")
            .overrideConfigKey("quarkus.migrate.contexts", "test")
            .overrideConfigKey("quarkus.migrate.packages", "dev.migrate.quarkus.deployment.fixtures.contexts");

    @Inject
    Migrator migrator;

    @Test
    void theApplicationInTheContextIsReadyAtItsHeadAndARunWithoutItAtItsOwn() {
        assertThat(Databases.query(URL, "SELECT code FROM currency")).isEqualTo("XTS");
        assertThat(migrator.current()).extracting(CurrentRevision::id).containsExactly("c");
        RestAssured.when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'migrate' }.status", is("UP"))
                .body("checks.find { it.name == 'migrate' }.data.'<default>.current'", is("[c]"))
                .body("checks.find { it.name == 'migrate' }.data.'<default>.pending'", is("[]"));

        Migrator plain = Migrator.builder()
                .url(URL, "postgres", null)
                .migrations(A.class, B.class, C.class)
                .build();
        assertThat(plain.current()).extracting(CurrentRevision::id).containsExactly("b");
        plain.upgrade("head");
        plain.assertUpToDate();
        assertThat(Databases.query(
                        URL, "SELECT string_agg(revision || ' ' || direction, ', ' ORDER BY id) FROM migrate_history"))
                .as("nothing ran twice")
                .isEqualTo("a upgrade, b upgrade, c upgrade");
    }
}
