package dev.migrate.command.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.autogen.entity.ProviderLog;
import dev.migrate.autogen.entity.SpringDataDdl;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project with Spring Data JDBC and a JPA provider (Hibernate) on its class path: {@code migrate.source=jpa}, or
 * none, asks the provider; {@code spring-data-jdbc}, named, reads Spring Data's mapping model all the same. What the
 * class path holds is read once for the sources of a request.
 */
class NamedSpringDataSourceTest {
    @TempDir
    Path project;

    @Test
    void theNamedSpringDataSourceWinsOverAJpaProviderOnTheClassPath() throws Exception {
        Path classes = compiledAggregate();
        ProjectEntities entities =
                new ProjectEntities(classes, classpath(classes, jar -> true), List.of("shop"), null, Map.of());
        List<String> info = new ArrayList<>();
        SchemaSource.EntityModels models = entities.models(ProviderLog.QUIET, info::add, "mvn compile", null);

        assertThat(entities.libraries())
                .isEqualTo(new ProjectEntities.Libraries(Optional.empty(), Optional.of(SpringDataDdl.Module.JDBC)));
        assertThat(models.missingJpa().get()).isEmpty();
        assertThat(String.join("\n", models.springData().generate(17)))
                .containsIgnoringCase("create table")
                .contains("purchase_order")
                .containsIgnoringCase("note");
        assertThat(info).contains("Reading the entities from Spring Data JDBC's mapping model.");
        // the entities' source, unnamed, keeps the JPA provider, which finds no @Entity here
        assertThatThrownBy(() -> models.jpa().generate(17))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("No JPA entities were found");
        assertThat(models.springData().key(17)).isNotEqualTo(models.jpa().key(17));
    }

    @Test
    void schemaFilesWinOverSpringDataAggregatesUnlessTheyAreNamedAndAJpaProvidersEntitiesWinOverThem()
            throws Exception {
        // docs/howto/spring-data-jdbc.md: the files are the model a project declared; -Dmigrate.source names the other
        Path classes = compiledAggregate();
        Path schema = Files.createDirectories(project.resolve("src/main/resources/db/schema"));
        Files.writeString(schema.resolve("orders.sql"), "CREATE TABLE purchase_order (id bigint PRIMARY KEY);");
        SchemaSource.EntityModels springData = new ProjectEntities(
                        classes, classpath(classes, jar -> !jar.contains("hibernate")), List.of("shop"), null, Map.of())
                .models(ProviderLog.QUIET, line -> {}, "mvn compile", null);
        assertThat(springData.missingJpa().get())
                .as("Spring Data describes the entities")
                .isEmpty();
        assertThat(SchemaSource.chosen(null, schema, springData.missingProvider()))
                .isEqualTo(SchemaSource.SQL);
        assertThat(SchemaSource.chosen("spring-data-jdbc", schema, springData.missingProvider()))
                .isEqualTo(SchemaSource.SPRING_DATA_JDBC);
        // without files, the unnamed source reads the aggregates
        assertThat(SchemaSource.chosen(" ", project.resolve("none"), springData.missingProvider()))
                .isEqualTo(SchemaSource.JPA);

        SchemaSource.EntityModels withProvider = new ProjectEntities(
                        classes, classpath(classes, jar -> true), List.of("shop"), null, Map.of())
                .models(ProviderLog.QUIET, line -> {}, "mvn compile", null);
        assertThat(SchemaSource.chosen(null, schema, withProvider.missingProvider()))
                .isEqualTo(SchemaSource.JPA);
    }

    @Test
    void theNamedSpringDataSourceWithoutSpringDataIsAnErrorNamingTheDependencyAndTheOtherSources() throws Exception {
        Path classes = Files.createDirectories(project.resolve("empty"));
        ProjectEntities entities = new ProjectEntities(
                classes, classpath(classes, jar -> !jar.contains("spring-data")), List.of(), null, Map.of());
        SchemaSource.EntityModels models = entities.models(ProviderLog.QUIET, line -> {}, "mvn compile", null);
        assertThatThrownBy(() -> models.springData().key(17))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("migrate.source is spring-data-jdbc")
                .hasMessageContaining("neither Spring Data JDBC nor Spring Data R2DBC")
                .hasMessageContaining("spring-boot-starter-data-jdbc")
                .hasMessageContaining("jpa, sql or command");
    }

    /** An aggregate of Spring Data JDBC, compiled with the test's class path. */
    private Path compiledAggregate() throws Exception {
        Path sources = Files.createDirectories(project.resolve("src/shop"));
        Path classes = Files.createDirectories(project.resolve("classes"));
        Files.writeString(sources.resolve("PurchaseOrder.java"), """
                package shop;

                @org.springframework.data.relational.core.mapping.Table("purchase_order")
                public class PurchaseOrder {
                    @org.springframework.data.annotation.Id
                    Long id;
                    String note;
                }
                """);
        int compiled = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-proc:none",
                        "-classpath",
                        System.getProperty("java.class.path"),
                        "-d",
                        classes.toString(),
                        sources.resolve("PurchaseOrder.java").toString());
        assertThat(compiled).isZero();
        return classes;
    }

    /** The project's class path: its classes, then the test's jars that {@code kept} keeps. */
    private static List<Path> classpath(Path classes, Predicate<String> kept) {
        List<Path> elements = new ArrayList<>(List.of(classes));
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(jar -> jar.endsWith(".jar") && kept.test(jar))
                .map(Path::of)
                .forEach(elements::add);
        return elements;
    }
}
