package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A project without a JPA provider has no entities to compare: the check is skipped and says why. */
@MigrationChain(packages = "fixtures.shop.migrations")
class EntityComparisonSkipTest {

    @Test
    void skippedWithTheReasonWithoutJpa(MigrationDatabase database) {
        // no jakarta.persistence and no Spring Data, as in a project whose migrations are written by hand
        ChainChecks checks = new ChainChecks(
                database,
                ChainSettings.of(getClass()),
                getClass().getClassLoader(),
                TestClasspath.withoutEntityLibraries());

        assertThatThrownBy(checks::entitiesMatchSchemaAtHead)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Skipped the comparison with the entities")
                .hasMessageContaining("no JPA API (jakarta.persistence)");
    }
}
