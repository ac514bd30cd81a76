package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.CurrentRevision;
import dev.migrate.Migrator;
import dev.migrate.quarkus.deployment.fixtures.modules.billing.B1CreateInvoices;
import dev.migrate.quarkus.deployment.fixtures.outboxlib.O1CreateOutboxMessages;
import dev.migrate.tooling.MigratorTools;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application whose class path holds two module chains: its own package, declared module billing on outbox, and
 * a library jar that ships module outbox ({@code META-INF/migrate/module.properties}), whose package the application
 * does not configure. Both are migrated at start, outbox first, each revision named within its module.
 */
class ModulesAtStartTest {
    private static final String URL = Databases.fresh("quarkus_modules");

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Databases.class).addPackage(B1CreateInvoices.class.getPackage()))
            .withAdditionalDependency(library -> library.addClass(O1CreateOutboxMessages.class)
                    .add(
                            new StringAsset("name=outbox\npackage=" + O1CreateOutboxMessages.class.getPackageName()
                                    + "\ndependsOn=\n"),
                            "META-INF/migrate/module.properties"))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", URL)
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.migrate.migrate-at-start", "true")
            .overrideConfigKey("quarkus.migrate.packages", "dev.migrate.quarkus.deployment.fixtures.modules");

    @Inject
    Migrator migrator;

    @Test
    void theApplicationsModuleAndTheLibrarysAreMigratedAtStartInTheOrderOfTheModuleGraph() {
        assertThat(migrator.current())
                .extracting(CurrentRevision::id)
                .containsExactlyInAnyOrder("billing.20261129_090000", "outbox.20261129_090000");
        assertThat(MigratorTools.of(migrator).modules()).containsExactly("outbox", "billing");
        assertThat(
                        Databases.query(
                                URL,
                                "SELECT string_agg(revision, ' ' ORDER BY id) FROM migrate_history WHERE direction = 'upgrade'"))
                .isEqualTo("outbox.20261129_090000 billing.20261129_090000");
    }
}
