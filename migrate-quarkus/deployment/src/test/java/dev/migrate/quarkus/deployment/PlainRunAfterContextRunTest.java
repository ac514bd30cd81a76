package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
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
 * Issue 86, defect 1, under the Quarkus extension, the application started without the context: a database that a
 * run given {@code contexts = test} brought to {@code c} (the chain {@code a -> b} runs everywhere, {@code c}
 * revises {@code b} in the context test only) is at {@code b} for it. Before the fix, it read the database at base
 * and its upgrade at start ran {@code a} again, failing on the table it creates; its readiness, its current revision
 * and its refusal to downgrade below {@code c} (naming {@code quarkus.migrate.contexts}) are proven here.
 * {@link ContextRunAtStartTest} starts the application given the context.
 */
class PlainRunAfterContextRunTest {
    private static final String PACKAGE = "dev.migrate.quarkus.deployment.fixtures.contexts";
    private static final String URL = afterARunInTheContext();

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Databases.class, A.class, B.class, C.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", URL)
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.migrate.migrate-at-start", "true")
            .overrideConfigKey("quarkus.migrate.packages", PACKAGE);

    @Inject
    Migrator migrator;

    /**
     * A fresh database, brought to the heads by a run given the context test before the application starts; once,
     * though Quarkus's test framework initializes this class twice.
     */
    private static String afterARunInTheContext() {
        String url = Databases.fresh("quarkus_contexts_plain");
        String done = "migrate.quarkus.test.contexts.upgraded";
        if (System.getProperty(done) == null) {
            Migrator.builder()
                    .url(url, "postgres", null)
                    .migrations(A.class, B.class, C.class)
                    .contexts("test")
                    .build()
                    .upgrade("heads");
            System.setProperty(done, "true");
        }
        return url;
    }

    @Test
    void theApplicationWithoutTheContextIsAtItsHeadAndRefusesToGoBelowTheContextRun() {
        // started: the upgrade at start had nothing to run, and nothing ran twice
        assertThat(Databases.query(
                        URL, "SELECT string_agg(revision || ' ' || direction, ', ' ORDER BY id) FROM migrate_history"))
                .isEqualTo("a upgrade, b upgrade, c upgrade");
        assertThat(migrator.current()).extracting(CurrentRevision::id).containsExactly("b");
        assertThat(migrator.heads()).containsExactly("b");
        RestAssured.when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'migrate' }.status", is("UP"))
                .body("checks.find { it.name == 'migrate' }.data.'<default>.current'", is("[b]"))
                .body("checks.find { it.name == 'migrate' }.data.'<default>.pending'", is("[]"));

        assertThatThrownBy(() -> migrator.downgrade("base"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("This downgrade would revert a, b, below c (test currencies), which this"
                        + " database applied in a run given the context test")
                .hasMessageContaining("Downgrade c first in a run given quarkus.migrate.contexts=test, then run this"
                        + " downgrade again. Nothing was changed.");
        assertThat(Databases.query(URL, "SELECT string_agg(version_num, ',' ORDER BY 1) FROM migrate_version"))
                .isEqualTo("b,c");
    }
}
