package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * "Entities match the schema at head" for Spring Data JDBC's aggregates, read from its mapping model as
 * {@code migrate:check} reads them: named with {@code @MigrationChain(source = "spring-data-jdbc")} beside a JPA
 * provider, and the entities by default of a class path with Spring Data JDBC and no JPA provider.
 */
@MigrationChain(
        packages = "fixtures.orders.migrations",
        entityPackages = "fixtures.orders.aggregates",
        source = "spring-data-jdbc")
class SpringDataComparisonTest {

    /** The aggregate with a property more than the chain has columns for. */
    @MigrationChain(
            packages = "fixtures.orders.migrations",
            entityPackages = "fixtures.orders.drifted",
            source = "spring-data-jdbc")
    private static final class Drifted {}

    @Test
    void aggregatesNamedAsTheSourcePassBesideAJpaProviderAndAPropertyMoreIsNamed(MigrationDatabase database) {
        ClassLoader classes = getClass().getClassLoader();
        assertThatCode(() ->
                        new ChainChecks(database, ChainSettings.of(getClass()), classes).entitiesMatchSchemaAtHead())
                .doesNotThrowAnyException();

        ChainChecks drifted = new ChainChecks(database, ChainSettings.of(Drifted.class), classes);
        assertThatThrownBy(drifted::entitiesMatchSchemaAtHead)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("The aggregates of Spring Data's mapping model differ from the schema at head"
                        + " (20261201_000000) in 1 way")
                .hasMessageContaining("public.purchase_order.coupon")
                .hasMessageContaining("-Dmigrate.source=spring-data-jdbc");
    }

    @Test
    void aggregatesAreTheEntitiesOfAClassPathWithoutJpa(MigrationDatabase database) {
        ChainSettings unnamed = ChainSettings.of(Drifted.class).with(ChainSettings.SourceSettings.DEFAULTS);
        ChainChecks checks =
                new ChainChecks(database, unnamed, getClass().getClassLoader(), TestClasspath.withoutJpa());
        assertThatThrownBy(checks::entitiesMatchSchemaAtHead)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("The entities differ from the schema at head")
                .hasMessageContaining("public.purchase_order.coupon");
    }
}
