package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the ready tests and {@link MigrateTo} on chains that are wrong in one way each, as JUnit runs
 * them in a project, and checks that each fails with the revision and the difference named.
 */
class BrokenChainsTest {
    private static final Map<String, TestExecutionResult> RESULTS = new LinkedHashMap<>();

    @MigrationChain(packages = "fixtures.twoheads")
    static class TwoHeads implements MigrationChainTests {}

    @MigrationChain(packages = "fixtures.labelledheads")
    static class LabelledHeads implements MigrationChainTests {}

    @MigrationChain(packages = "fixtures.leaky")
    static class Leaky implements MigrationChainTests {}

    @MigrationChain(packages = "fixtures.shop.migrations", entityPackages = "fixtures.drift")
    static class Drift implements MigrationChainTests {}

    @MigrationChain(packages = "fixtures.nothing_here")
    static class NoMigrations implements MigrationChainTests {}

    @MigrationChain(packages = "fixtures.shop.migrations")
    static class UnknownRevision {
        @Test
        @MigrateTo("20991231_000000")
        void atARevisionNobodyWrote(MigrationDatabase database) {}
    }

    @MigrationChain(packages = "fixtures.modules")
    static class UnknownModule {
        @Test
        @MigrateTo(module = "biling")
        void aSliceOfAMisspeltModule(MigrationDatabase database) {}

        @Test
        @MigrateTo(value = "-1", module = "billing")
        void aSliceAtARelativeTarget(MigrationDatabase database) {}
    }

    @MigrationChain(packages = "fixtures.shop.migrations", providerProperties = "hibernate.default_schema")
    static class ProviderPropertyWithoutValue {
        @Test
        void anyTest(MigrationDatabase database) {}
    }

    @MigrationChain(packages = "fixtures.shop.migrations")
    static class DatabaseForTheWholeClass {
        @BeforeAll
        static void shared(MigrationDatabase database) {}

        @Test
        void anyTest() {}
    }

    @BeforeAll
    static void runFixtures() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(
                        selectClass(TwoHeads.class),
                        selectClass(LabelledHeads.class),
                        selectClass(Leaky.class),
                        selectClass(Drift.class),
                        selectClass(NoMigrations.class),
                        selectClass(UnknownRevision.class),
                        selectClass(UnknownModule.class),
                        selectClass(ProviderPropertyWithoutValue.class),
                        selectClass(DatabaseForTheWholeClass.class))
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                // keyed as Class.method for a test, Class for a class
                String name = test.getUniqueId()
                        .replaceAll(".*\\[class:[^\\]]*\\$([^\\]]+)\\](/\\[method:([^(]+).*)?", "$1.$3")
                        .replaceFirst("\\.$", "");
                RESULTS.put(name, result);
            }
        });
    }

    @Test
    void twoHeadsFailSingleHeadNamingBoth() {
        assertThat(message("TwoHeads.singleHead"))
                .contains("2 heads", "20261102_000000", "20261103_000000", "V20261102_000000_AddNote", "migrate:merge");
    }

    @Test
    void headsThatBranchLabelsDeclarePassAsVerifyLetsThem() {
        assertThat(result("LabelledHeads.singleHead").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(result("LabelledHeads.upgradesFromBaseToHead").getStatus())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }

    @Test
    void aDowngradeThatLeavesASequenceFailsTheRoundTripWithItsRevision() {
        assertThat(message("Leaky.everyStepRoundTrips")).contains("20261102_000000", "invoice_numbers");
        assertThat(message("Leaky.downgradeToBaseLeavesNothing"))
                .contains(
                        "revision 20261102_000000",
                        "V20261102_000000_AddInvoiceNumbers",
                        "sequence public.invoice_numbers");
        assertThat(result("Leaky.singleHead").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(result("Leaky.upgradesFromBaseToHead").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }

    @Test
    void anEntityColumnNoMigrationAddsFailsTheEntityComparison() {
        assertThat(message("Drift.entitiesMatchSchemaAtHead"))
                .contains("20261122_101500", "loyalty_points", "migrate:autogenerate");
        assertThat(result("Drift.everyStepRoundTrips").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }

    @Test
    void aPackageWithoutMigrationsFailsEveryCheckNamingIt() {
        for (String check : new String[] {
            "singleHead",
            "upgradesFromBaseToHead",
            "everyStepRoundTrips",
            "downgradeToBaseLeavesNothing",
            "entitiesMatchSchemaAtHead"
        }) {
            assertThat(message("NoMigrations." + check)).contains("No migration was found", "fixtures.nothing_here");
        }
    }

    @Test
    void anUnknownMigrateToRevisionFailsNamingIt() {
        assertThat(message("UnknownRevision.atARevisionNobodyWrote"))
                .contains("@MigrateTo(\"20991231_000000\")", "atARevisionNobodyWrote");
    }

    @Test
    void aSliceOfAModuleNoMigrationBelongsToFailsNamingTheModulesThereAre() {
        assertThat(message("UnknownModule.aSliceOfAMisspeltModule"))
                .contains(
                        "@MigrateTo(module = \"biling\")",
                        "aSliceOfAMisspeltModule",
                        "module 'biling'",
                        "the modules there are audit, customers, billing");
    }

    @Test
    void aSliceAtATargetOtherThanARevisionOfTheModuleFailsNamingTheForms() {
        assertThat(message("UnknownModule.aSliceAtARelativeTarget"))
                .contains(
                        "@MigrateTo(value = \"-1\", module = \"billing\")",
                        "heads (the default), head, or a revision id");
    }

    @Test
    void aProviderPropertyWithoutValueFailsNamingTheForm() {
        assertThat(message("ProviderPropertyWithoutValue.anyTest"))
                .contains("'hibernate.default_schema'", "name=value");
    }

    @Test
    void aDatabaseIsGivenToTestMethodsOnly() {
        assertThat(message("DatabaseForTheWholeClass")).contains("given to test methods only", "shared");
    }

    private static @Nullable String message(String test) {
        TestExecutionResult result = result(test);
        assertThat(result.getStatus()).as(test).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow().getMessage();
    }

    private static TestExecutionResult result(String test) {
        TestExecutionResult result = RESULTS.get(test);
        assertThat(result)
                .as("result of " + test + " among " + RESULTS.keySet())
                .isNotNull();
        return Objects.requireNonNull(result);
    }
}
