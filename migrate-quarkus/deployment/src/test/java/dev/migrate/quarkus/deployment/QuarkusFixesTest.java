package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.quarkus.QuarkusFixes;
import dev.migrate.quarkus.QuarkusSettings;
import org.junit.jupiter.api.Test;

/**
 * The engine's fixes in a Quarkus application: the settings the extension takes as the datasource spells them, the
 * run that brings the database to head as the application can ask for it, nothing of Spring Boot or the builder.
 */
class QuarkusFixesTest {
    private final QuarkusFixes defaultDataSource = new QuarkusFixes(QuarkusSettings.spelling("<default>"));
    private final QuarkusFixes inventory = new QuarkusFixes(QuarkusSettings.spelling("inventory"));

    @Test
    void aSettingTheExtensionTakesIsSpelledAsTheDatasourceSpellsIt() {
        assertThat(defaultDataSource.setting("acceptFutureRevisions", "true"))
                .isEqualTo("quarkus.migrate.accept-future-revisions=true");
        assertThat(inventory.setting("acceptFutureRevisions", "true"))
                .isEqualTo("quarkus.migrate.\"inventory\".accept-future-revisions=true");
        assertThat(inventory.setting("lockTimeout")).isEqualTo("quarkus.migrate.\"inventory\".lock-timeout");
        assertThat(inventory.parameter("rebuildInvalidIndexes"))
                .isEqualTo("quarkus.migrate.\"inventory\".rebuild-invalid-indexes");
    }

    /** The refusal to downgrade below a revision applied in a context names the run's own property (issue 86). */
    @Test
    void aRunIsGivenASettingAsTheDatasourceSpellsIt() {
        assertThat(defaultDataSource.runGiven("contexts", "dev,test")).isEqualTo("quarkus.migrate.contexts=dev,test");
        assertThat(inventory.runGiven("contexts", "test")).isEqualTo("quarkus.migrate.\"inventory\".contexts=test");
    }

    @Test
    void aSettingOnlyTheGoalsTakeStaysTheGoals() {
        assertThat(defaultDataSource.setting("sql", "true")).isEqualTo("-Dmigrate.sql=true");
        // messages name the target beside a goal: "mvn migrate:downgrade -Dmigrate.target=-1"
        assertThat(defaultDataSource.command("downgrade") + " " + defaultDataSource.setting("target", "-1"))
                .isEqualTo("mvn migrate:downgrade -Dmigrate.target=-1");
    }

    @Test
    void theWayToHeadIsTheGoalOrMigrateAtStartAndNeverTheBuilder() {
        assertThat(defaultDataSource.upgradeToHeads())
                .isEqualTo("mvn migrate:upgrade (or set quarkus.migrate.migrate-at-start=true, and the application"
                        + " upgrades its database as it starts)");
        assertThat(inventory.upgradeToHeads()).contains("quarkus.migrate.\"inventory\".migrate-at-start=true");
        assertThat(defaultDataSource.api(", migrate.accept-future-revisions=true in Spring Boot"))
                .isEmpty();
        assertThat(inventory.emptyPackages()).contains("quarkus.migrate.\"inventory\".packages=db.migrations");
        assertThat(defaultDataSource.noMigrations()).startsWith("Check quarkus.migrate.packages (default");
    }
}
