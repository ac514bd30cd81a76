package dev.migrate.internal.graph;

import static dev.migrate.internal.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.text.Fixes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Modules in the graph: ids kept apart by module, the order between modules, and cycles refused. */
class ModuleOrderTest {

    @Test
    void revisionsOfTwoModulesWithTheSameIdAreTwoRevisions() {
        RevisionGraph graph = RevisionGraph.of(
                List.of(rev("billing.20261129_090000"), rev("shipping.20261129_090000")),
                Fixes.GOALS,
                new ModuleOrder(Map.of("billing", List.of(), "shipping", List.of())));
        assertThat(graph.heads()).containsExactlyInAnyOrder("billing.20261129_090000", "shipping.20261129_090000");
    }

    @Test
    void anUpgradeTakesEachModuleAfterThoseItDependsOnWhateverTheIds() {
        // by id alone, app's and billing's revisions sort before outbox's
        List<RevisionInfo> revisions = List.of(
                rev("a1"),
                rev("billing.b1"),
                rev("billing.b2", "billing.b1"),
                rev("outbox.o1"),
                rev("outbox.o2", "outbox.o1"));
        RevisionGraph graph = RevisionGraph.of(
                revisions, Fixes.GOALS, new ModuleOrder(Map.of("billing", List.of("outbox"), "outbox", List.of())));
        assertThat(graph.planUpgrade(java.util.Set.of(), RevisionTarget.of("heads")))
                .extracting(step -> step.revision().id())
                .containsExactly("outbox.o1", "outbox.o2", "billing.b1", "billing.b2", "a1");
    }

    @Test
    void headIsTheHeadOfEachModuleWhileEachHasOne() {
        ModuleOrder modules = new ModuleOrder(Map.of("billing", List.of(), "outbox", List.of()));
        RevisionGraph graph = RevisionGraph.of(
                List.of(rev("billing.b1"), rev("outbox.o1"), rev("outbox.o2", "outbox.o1")), Fixes.GOALS, modules);
        assertThat(graph.planUpgrade(java.util.Set.of(), RevisionTarget.of("head")))
                .extracting(step -> step.revision().id())
                .containsExactly("billing.b1", "outbox.o1", "outbox.o2");

        RevisionGraph forked = RevisionGraph.of(
                List.of(rev("billing.b1"), rev("billing.b2", "billing.b1"), rev("billing.b3", "billing.b1")),
                Fixes.GOALS,
                new ModuleOrder(Map.of("billing", List.of())));
        assertThatThrownBy(() -> forked.planUpgrade(java.util.Set.of(), RevisionTarget.of("head")))
                .as("two heads in one module are still two heads")
                .isInstanceOf(MigrateException.class);
    }

    @Test
    void modulesThatDependOnEachOtherAreRefusedNamingBoth() {
        assertThatThrownBy(
                        () -> new ModuleOrder(Map.of("billing", List.of("shipping"), "shipping", List.of("billing"))))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Modules billing and shipping depend on each other")
                .hasMessageContaining("Remove one of these dependsOn");
    }

    @Test
    void dependentsAreTransitiveAndTheApplicationDependsOnEveryModule() {
        ModuleOrder modules = new ModuleOrder(Map.of(
                "outbox", List.of(), "billing", List.of("outbox"), "orders", List.of("billing"), "other", List.of()));
        assertThat(modules.dependents("outbox")).containsExactly("", "billing", "orders");
        assertThat(modules.order()).containsSubsequence("outbox", "billing", "orders");
    }

    @Test
    void aQualifiedIdIsATargetAndReadsItsModule() {
        assertThat(RevisionTarget.of("billing.20261129_090000").text()).isEqualTo("billing.20261129_090000");
        assertThat(ModuleOrder.moduleOf("billing.20261129_090000")).isEqualTo("billing");
        assertThat(ModuleOrder.moduleOf("20261129_090000")).isEmpty();
        assertThat(ModuleOrder.qualify("billing", "core.x")).isEqualTo("core.x");
    }
}
