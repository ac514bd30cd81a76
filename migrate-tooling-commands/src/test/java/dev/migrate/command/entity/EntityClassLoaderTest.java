package dev.migrate.command.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityClassLoaderTest {
    /** A parent that records what it is asked for. */
    private static final class Recording extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        Recording() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void anAbsentClassAskedForAgainIsAnsweredWithoutLookingAgain() throws Exception {
        Recording parent = new Recording();
        try (EntityClassLoader loader = new EntityClassLoader("test", new URL[0], parent, true)) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> Class.forName("shop.package-info", false, loader))
                        .isInstanceOf(ClassNotFoundException.class)
                        .hasMessageContaining("shop.package-info");
            }

            assertThat(parent.asked).containsExactly("shop.package-info");
        }
    }

    @Test
    void aPresentClassIsLoadedAsEver() throws Exception {
        Recording parent = new Recording();
        try (EntityClassLoader loader = new EntityClassLoader("test", new URL[0], parent, true)) {
            assertThat(Class.forName("java.sql.Connection", false, loader)).isSameAs(java.sql.Connection.class);
            assertThat(Class.forName("java.sql.Connection", false, loader)).isSameAs(java.sql.Connection.class);
        }
    }

    @Test
    void aPackageOfTheProjectsClassesWithoutPackageInfoHasAnEmptyOne(@TempDir Path classes) throws Exception {
        Files.createDirectories(classes.resolve("shop"));
        Files.createDirectories(classes.resolve("annotated"));
        try (EntityClassLoader loader =
                new EntityClassLoader("test", new URL[] {classes.toUri().toURL()}, new Recording(), true)) {
            Class<?> info = Class.forName("shop.package-info", false, loader);

            assertThat(info.getName()).isEqualTo("shop.package-info");
            assertThat(info.isInterface()).isTrue();
            assertThat(info.getAnnotations()).isEmpty();
            assertThat(info.getPackage().getAnnotations()).isEmpty();
            // a package the classes do not have has none
            assertThatThrownBy(() -> Class.forName("other.package-info", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
        }
        try (EntityClassLoader libraries =
                new EntityClassLoader("test", new URL[] {classes.toUri().toURL()}, new Recording(), false)) {
            assertThatThrownBy(() -> Class.forName("shop.package-info", false, libraries))
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void hibernatesBytecodeProviderRegistrationIsNotSeenAndOtherServicesAre(@TempDir Path jar) throws Exception {
        Path services = Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(
                services.resolve("org.hibernate.bytecode.spi.BytecodeProvider"),
                "org.hibernate.bytecode.internal.bytebuddy.BytecodeProviderImpl\n");
        Files.writeString(
                services.resolve("jakarta.persistence.spi.PersistenceProvider"),
                "org.hibernate.jpa.HibernatePersistenceProvider\n");
        try (EntityClassLoader libraries = new EntityClassLoader(
                        "libraries", new URL[] {jar.toUri().toURL()}, new Recording(), false);
                EntityClassLoader project = new EntityClassLoader("project", new URL[0], libraries, true)) {
            for (ClassLoader loader : List.of(libraries, project)) {
                assertThat(loader.getResource(EntityClassLoader.BYTECODE_PROVIDER_SERVICE))
                        .isNull();
                assertThat(java.util.Collections.list(loader.getResources(EntityClassLoader.BYTECODE_PROVIDER_SERVICE)))
                        .isEmpty();
                assertThat(java.util.Collections.list(
                                loader.getResources("META-INF/services/jakarta.persistence.spi.PersistenceProvider")))
                        .hasSize(1);
            }
        }
    }
}
