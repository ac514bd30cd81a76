package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A project without a JPA provider has no entities to compare: the check is skipped and says why. */
@MigrationChain(packages = "fixtures.shop.migrations")
class EntityComparisonSkipTest {

    @Test
    void skippedWithTheReasonWithoutJpa(MigrationDatabase database) {
        // only the platform's classes: no jakarta.persistence, as in a project whose migrations are written by hand
        ClassLoader withoutJpa = ClassLoader.getPlatformClassLoader();
        ChainChecks checks = new ChainChecks(database, ChainSettings.of(getClass()), withoutJpa);

        assertThatThrownBy(checks::entitiesMatchSchemaAtHead)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Skipped the comparison with the entities")
                .hasMessageContaining("no JPA API (jakarta.persistence)");
    }
}
