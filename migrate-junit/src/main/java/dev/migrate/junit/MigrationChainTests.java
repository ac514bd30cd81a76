package dev.migrate.junit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tests every migration chain should pass, added to a project in one line, on an embedded
 * PostgreSQL (each test on a fresh database):
 *
 * <pre>{@code
 * @MigrationChain(packages = "db.migrations")   // optional: this is the default
 * class MigrationChainTest implements MigrationChainTests {}
 * }</pre>
 *
 * A failure names the revision (and its class) and what differs.
 */
@ExtendWith(MigrationExtension.class)
public interface MigrationChainTests {

    /**
     * One head, so that {@code head} names one schema: a branch must be merged, unless a branch label
     * declares it kept apart on purpose (as {@code mvn migrate:verify} allows).
     */
    @Test
    @DisplayName("the chain has a single head, or heads its branch labels declare")
    default void singleHead(MigrationDatabase database) {
        checks(database).singleHead();
    }

    /** Every migration applies, in order, on an empty database. */
    @Test
    @DisplayName("every migration upgrades from base to head")
    default void upgradesFromBaseToHead(MigrationDatabase database) {
        checks(database).upgradesFromBaseToHead();
    }

    /**
     * For each revision: upgrade, downgrade and upgrade again, with the schema after the downgrade
     * identical to the one before the upgrade, and after the second upgrade to the one after the first.
     */
    @Test
    @DisplayName("every step upgrades, downgrades and upgrades again with an identical schema")
    default void everyStepRoundTrips(MigrationDatabase database) {
        checks(database).everyStepRoundTrips();
    }

    /** Downgrading to base leaves nothing but the version tables; a leftover names the revision whose downgrade forgot it. */
    @Test
    @DisplayName("downgrading to base leaves nothing but the version tables")
    default void downgradeToBaseLeavesNothing(MigrationDatabase database) {
        checks(database).downgradeToBaseLeavesNothing();
    }

    /**
     * The desired schema matches the schema at head, compared as {@code mvn migrate:check} does, from the source
     * the plugin would take: the JPA entities, Spring Data's aggregates, the SQL schema files or a program's DDL;
     * skipped, with the reason, when the source is the JPA entities and the test class path has no JPA provider.
     */
    @Test
    @DisplayName("the entities (or the schema's other source) match the schema at head")
    default void entitiesMatchSchemaAtHead(MigrationDatabase database) {
        checks(database).entitiesMatchSchemaAtHead();
    }

    private ChainChecks checks(MigrationDatabase database) {
        return new ChainChecks(
                database, ChainSettings.of(getClass()), getClass().getClassLoader());
    }
}
