package dev.migrate.modules;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.discovery.MigrationScanner;
import dev.migrate.tooling.ModuleManifest;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code module.properties} a build writes for its module: the name and package its {@code @MigrationModule}
 * declares, and the modules its dependencies ship, which the engine adds to the annotation's.
 */
class ModuleManifestTest {
    @TempDir
    Path dir;

    @Test
    void aModuleDependsOnTheModulesItsDependenciesShipBesideThoseItsAnnotationNames() throws Exception {
        Path classes = classesOf("orders"); // @MigrationModule(name = "orders", dependsOn = "billing")
        try (URLClassLoader jars =
                ModuleJars.application(dir.resolve("jars"), ModuleJars.outbox(1), ModuleJars.SHIPPING)) {
            assertThat(jars.getURLs()).hasSize(2);
            Path outbox = dir.resolve("jars/outbox.jar");
            Path shipping = dir.resolve("jars/shipping.jar");
            Path plain = Files.createDirectories(dir.resolve("plain-classes"));
            ModuleManifest manifest = ModuleManifest.of(classes, List.of(classes, plain, outbox, shipping))
                    .orElseThrow();
            assertThat(manifest.name()).isEqualTo("orders");
            assertThat(manifest.packages()).containsExactly("dev.migrate.modules.fixtures.orders");
            assertThat(manifest.dependsOn()).containsExactly("billing", "outbox", "shipping");
            Path file = manifest.write(classes);
            assertThat(file).hasContent(manifest.text());
            assertThat(manifest.text())
                    .contains("name=orders\n", "package=dev.migrate.modules.fixtures.orders\n")
                    .contains("dependsOn=billing,outbox,shipping\n");
            assertThat(ModuleManifest.nameIn(classes)).contains("orders");
            assertThat(ModuleManifest.elementsShipping(classes, List.of(classes, plain, outbox, shipping)))
                    .containsExactly(outbox, shipping);
        }
    }

    @Test
    void classesThatDeclareNoModuleShipNone() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(ModuleManifest.of(classes, List.of())).isEmpty();
        assertThat(ModuleManifest.nameIn(classes)).isEmpty();
    }

    @Test
    void classesThatDeclareTwoModulesAreRefusedNamingBoth() throws Exception {
        Path classes = classesOf("orders");
        copyPackageInfo("billing", classes);
        assertThatThrownBy(() -> ModuleManifest.of(classes, List.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("declare the modules")
                .hasMessageContaining("billing (")
                .hasMessageContaining("orders (")
                .hasMessageContaining("give each its own Maven module");
    }

    /** The engine reads the annotation and the written file of one package as one module, depending on both's. */
    @Test
    void theWrittenDependenciesAddToTheAnnotationsOnTheClassPath() throws Exception {
        ModuleJars.Module orders = new ModuleJars.Module("orders", List.of("CreateOrders"), "shipping");
        try (URLClassLoader app = ModuleJars.application(
                dir.resolve("app"), ModuleJars.outbox(1), ModuleJars.BILLING, ModuleJars.SHIPPING, orders)) {
            DiscoveredMigration found = new MigrationScanner(app, List.of(ModuleJars.APPLICATION_PACKAGE))
                    .scan().stream()
                            .filter(m -> m.info().id().startsWith("orders."))
                            .findFirst()
                            .orElseThrow();
            assertThat(found.moduleDependsOn()).containsExactlyInAnyOrder("billing", "shipping");
        }
    }

    @Test
    void aWrittenFileNamingAnotherModuleThanTheAnnotationIsRefusedNamingBoth() throws Exception {
        ModuleJars.Module orders = new ModuleJars.Module("orders", List.of("CreateOrders"), "billing");
        try (URLClassLoader app = ModuleJars.applicationNaming(
                dir.resolve("wrong"), orders, "delivery", ModuleJars.outbox(1), ModuleJars.BILLING)) {
            assertThatThrownBy(() -> new MigrationScanner(app, List.of(ModuleJars.APPLICATION_PACKAGE)).scan())
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("declared as module orders")
                    .hasMessageContaining("as module delivery by")
                    .hasMessageContaining("Write the same name in both");
        }
    }

    /** A classes directory holding the {@code package-info} of one fixture module. */
    private Path classesOf(String module) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes-" + module));
        copyPackageInfo(module, classes);
        return classes;
    }

    private static void copyPackageInfo(String module, Path classes) throws Exception {
        String file = ModuleJars.FIXTURES + "/" + module + "/package-info.class";
        Path target = classes.resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(testClasses().resolve(file), target);
    }

    private static Path testClasses() {
        return location(ModuleManifestTest.class);
    }
}
