package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.CurrentRevision;
import dev.migrate.Migrator;
import dev.migrate.quarkus.deployment.fixtures.first.Q1CreateThings;
import dev.migrate.quarkus.deployment.fixtures.first.Q2SeedThings;
import dev.migrate.quarkus.deployment.fixtures.inventory.I1CreateItems;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two datasources, each with its own revisions and settings ({@code quarkus.migrate."inventory".*}): both migrated
 * at start, each into its own database, and each migrator a bean of its own.
 */
class TwoDataSourcesTest {
    private static final String FIRST = Databases.fresh("quarkus_first");
    private static final String INVENTORY = Databases.fresh("quarkus_inventory");

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar ->
                    jar.addClasses(Databases.class, Q1CreateThings.class, Q2SeedThings.class, I1CreateItems.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", FIRST)
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.datasource.\"inventory\".db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.\"inventory\".jdbc.url", INVENTORY)
            .overrideConfigKey("quarkus.datasource.\"inventory\".username", "postgres")
            .overrideConfigKey("quarkus.datasource.\"inventory\".devservices.enabled", "false")
            .overrideConfigKey("quarkus.migrate.migrate-at-start", "true")
            .overrideConfigKey("quarkus.migrate.packages", "dev.migrate.quarkus.deployment.fixtures.first")
            .overrideConfigKey("quarkus.migrate.\"inventory\".migrate-at-start", "true")
            .overrideConfigKey(
                    "quarkus.migrate.\"inventory\".packages", "dev.migrate.quarkus.deployment.fixtures.inventory")
            .overrideConfigKey("quarkus.migrate.\"inventory\".version-table", "inventory_version")
            .overrideConfigKey("things.first", "one");

    @Inject
    Migrator first;

    @Inject
    @DataSource("inventory")
    Migrator inventory;

    @Test
    void eachDatasourceIsMigratedWithItsOwnRevisionsAndSettings() {
        assertThat(first.current()).extracting(CurrentRevision::id).containsExactly("q2");
        assertThat(inventory.current()).extracting(CurrentRevision::id).containsExactly("i1");
        assertThat(Databases.query(INVENTORY, "SELECT count(*) FROM inventory_version"))
                .isEqualTo("1");
        assertThat(Databases.query(INVENTORY, "SELECT to_regclass('things') IS NULL"))
                .isEqualTo("t");
        assertThat(Databases.query(FIRST, "SELECT to_regclass('items') IS NULL"))
                .isEqualTo("t");
    }
}
