package dev.migrate.autogen.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entity that needs a class the project's classpath lacks (a listener, an embeddable, a
 * superclass from a dependency in the wrong scope) is named with the missing class.
 */
class MissingClassTest {
    @TempDir
    Path sources;

    @TempDir
    Path classes;

    private Path compile(Map<String, String> files, String... deleted) throws Exception {
        List<String> args =
                new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path source = sources.resolve(file.getKey() + ".java");
            Files.writeString(source, "package shop;\n" + file.getValue());
            args.add(source.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        for (String name : deleted) {
            Files.delete(classes.resolve("shop").resolve(name + ".class"));
        }
        return classes;
    }

    private List<String> ddl(Path classDirectory) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classDirectory.toUri().toURL()}, getClass().getClassLoader())) {
            return new EntityDdl(List.of(classDirectory), List.of("shop"), null, Map.of()).generate(loader, 18);
        }
    }

    @Test
    void aProjectWithoutJpaIsToldWhatToAddNotToFixAMapping() throws Exception {
        Path dir = Files.createTempDirectory("no-jpa");
        try (URLClassLoader noJpa =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> new EntityDdl(List.of(dir), List.of("shop"), null, Map.of()).generate(noJpa, 18))
                    .isInstanceOf(MigrateException.class)
                    .hasMessage("The entities cannot be described: the project has no JPA API (jakarta.persistence) "
                            + "on its classpath. Add jakarta.persistence-api and a JPA provider such as "
                            + "org.hibernate.orm:hibernate-core as dependencies.");
        }
    }

    @Test
    void aMissingListenerIsNamedWithItsEntity() throws Exception {
        Path dir = compile(
                Map.of(
                        "AuditListener",
                        "public class AuditListener { @jakarta.persistence.PrePersist void touch(Object o) {} }",
                        "Invoice",
                        "@jakarta.persistence.Entity @jakarta.persistence.EntityListeners(AuditListener.class) "
                                + "public class Invoice { @jakarta.persistence.Id Long id; }"),
                "AuditListener");
        assertThatThrownBy(() -> ddl(dir))
                .isInstanceOf(MigrateException.class)
                .hasMessage(
                        "The mapped class shop.Invoice needs the class shop.AuditListener (through its annotations), "
                                + "which is not on the project's classpath. Add the dependency that provides shop.AuditListener (a "
                                + "dependency in test scope is not seen; provided and compile are), or exclude shop.Invoice with "
                                + "entityPackages.");
    }

    @Test
    void aMissingFieldTypeIsNamedWithTheField() throws Exception {
        Path dir = compile(
                Map.of(
                        "Money",
                        "@jakarta.persistence.Embeddable public class Money { long cents; }",
                        "Order",
                        "@jakarta.persistence.Entity @jakarta.persistence.Table(name = \"orders\") "
                                + "public class Order { @jakarta.persistence.Id Long id; Money total; }"),
                "Money");
        assertThatThrownBy(() -> ddl(dir))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("The mapped class shop.Order needs the class shop.Money (through its field")
                .hasMessageNotContaining("Fix the mapping");
    }

    @Test
    void anEntityWhoseSuperclassIsMissingIsNotSkippedSilently() throws Exception {
        Path dir = compile(
                Map.of(
                        "Base", "public class Base { }",
                        "Customer",
                                "@jakarta.persistence.Entity public class Customer extends Base { @jakarta.persistence.Id Long id; }"),
                "Base");
        assertThatThrownBy(() -> ddl(dir))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("The mapped class shop.Customer needs the class shop.Base (through itself)");
    }

    @Test
    void withEverythingPresentTheDdlIsWritten() throws Exception {
        Path dir = compile(Map.of(
                "Money",
                "@jakarta.persistence.Embeddable public class Money { long cents; }",
                "Order",
                "@jakarta.persistence.Entity @jakarta.persistence.Table(name = \"orders\") "
                        + "public class Order { @jakarta.persistence.Id Long id; Money total; }"));
        assertThat(ddl(dir)).anyMatch(s -> s.startsWith("create table orders"));
        assertThat(new File(dir.toFile(), "shop/Money.class")).exists();
    }
}
