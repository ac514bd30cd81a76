package dev.migrate.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.discovery.MigrationScanner;
import dev.migrate.tooling.MigratorTools;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the scanner places revisions in modules: by the package's declaration or the revision's own. */
class ModuleDiscoveryTest {
    private static final String FIXTURES = "dev.migrate.modules.fixtures.";
    private final ClassLoader loader = ModuleDiscoveryTest.class.getClassLoader();

    @Test
    void aPackageDeclaredAsAModuleNamesItsRevisionsAndTheirDependencies() {
        List<DiscoveredMigration> found =
                new MigrationScanner(loader, List.of(FIXTURES + "outbox", FIXTURES + "billing")).scan();
        assertThat(found)
                .extracting(m -> m.info().id())
                .containsExactlyInAnyOrder(
                        "outbox.20261129_090000", "outbox.20261130_090000", "billing.20261129_090000");
        DiscoveredMigration second = found.stream()
                .filter(m -> m.info().id().equals("outbox.20261130_090000"))
                .findFirst()
                .orElseThrow();
        assertThat(second.info().revises()).containsExactly("outbox.20261129_090000");
        DiscoveredMigration billing = found.stream()
                .filter(m -> m.info().id().startsWith("billing."))
                .findFirst()
                .orElseThrow();
        assertThat(billing.moduleDependsOn()).containsExactly("outbox");
    }

    @Test
    void classesListedRatherThanScannedArePlacedInTheirPackagesModules() {
        // as Quarkus's build lists them from its index: Migrator.builder().migrations(...)
        Migrator migrator = Migrator.builder()
                .migrations(
                        dev.migrate.modules.fixtures.billing.CreateInvoices.class,
                        dev.migrate.modules.fixtures.outbox.OutboxOne.class,
                        dev.migrate.modules.fixtures.outbox.OutboxTwo.class)
                .classLoader(loader)
                .build();
        assertThat(migrator.heads()).containsExactlyInAnyOrder("outbox.20261130_090000", "billing.20261129_090000");
        assertThat(MigratorTools.of(migrator).modules()).containsExactly("outbox", "billing");
    }

    @Test
    void aRevisionNamesItsModuleItselfAndItsParentByIdAlone() {
        List<DiscoveredMigration> found = new MigrationScanner(loader, List.of(FIXTURES + "explicit")).scan();
        assertThat(found)
                .extracting(m -> m.info().id())
                .containsExactly("audit.20261129_090000", "audit.20261130_090000");
        assertThat(found.get(1).info().revises()).containsExactly("audit.20261129_090000");
    }

    @Test
    void anIdWithADotIsRefusedWithTheModuleToWrite() {
        assertThatThrownBy(() -> new MigrationScanner(loader, List.of(FIXTURES + "dotted")).scan())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The revision id 'billing.20261129_090000' of " + FIXTURES + "dotted.Dotted "
                        + "contains a dot")
                .hasMessageContaining("@Revision(module = \"billing\", id = \"20261129_090000\")");
    }

    @Test
    void aModuleNameThatCannotPrefixAnIdIsRefusedNamingThePackage() {
        assertThatThrownBy(() -> new MigrationScanner(loader, List.of(FIXTURES + "badname")).scan())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The module name 'bill-ing' of @MigrationModule on package " + FIXTURES
                        + "badname is not valid");
    }

    /**
     * Modules handed in from outside, as the Spring Boot starter hands in Spring Modulith's: a module with no
     * revision is no chain, and one that depends on it is ordered after what it depends on.
     */
    @Test
    void aModuleGivenFromOutsideWithoutRevisionsPassesItsDependenciesOn() {
        Migrator migrator = Migrator.builder()
                .packages(FIXTURES + "none")
                .module("audit", FIXTURES + "explicit", List.of("shop.notes"), "Spring Modulith")
                // a name no revision id could carry (Modulith's fully qualified names): no revision, no matter
                .module("shop.notes", FIXTURES + "none", List.of("outbox"), "Spring Modulith")
                .module("outbox", FIXTURES + "outbox", List.of(), "Spring Modulith")
                .classLoader(loader)
                .build();
        // by name, audit would come first: the dependency through shop.notes puts outbox before it
        assertThat(MigratorTools.of(migrator).modules()).containsExactly("outbox", "audit");
        assertThat(migrator.heads()).containsExactlyInAnyOrder("outbox.20261130_090000", "audit.20261130_090000");
    }

    @Test
    void aPackageDeclaredAsAnotherModuleThanTheGivenOneIsRefusedNamingBoth() {
        assertThatThrownBy(() -> Migrator.builder()
                        .packages(FIXTURES + "none")
                        .module("invoicing", FIXTURES + "billing", List.of(), "Spring Modulith")
                        .module("outbox", FIXTURES + "outbox", List.of(), "Spring Modulith")
                        .classLoader(loader)
                        .build())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Package " + FIXTURES + "billing is declared as module billing by "
                        + "@MigrationModule on package " + FIXTURES + "billing, and Spring Modulith's module invoicing "
                        + "(package " + FIXTURES + "billing) holds it")
                .hasMessageContaining("Name it invoicing, or remove the declaration");
    }

    @Test
    void aRevisionNamingAnotherModuleThanTheGivenOneIsRefusedNamingBoth() {
        assertThatThrownBy(() -> Migrator.builder()
                        .packages(FIXTURES + "none")
                        .module("journal", FIXTURES + "explicit", List.of(), "Spring Modulith")
                        .classLoader(loader)
                        .build())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Class " + FIXTURES + "explicit.Moved names module audit in its @Revision, and "
                        + "Spring Modulith's module journal (package " + FIXTURES + "explicit) holds its package")
                .hasMessageContaining("Remove module = \"audit\" from its @Revision");
    }
}
