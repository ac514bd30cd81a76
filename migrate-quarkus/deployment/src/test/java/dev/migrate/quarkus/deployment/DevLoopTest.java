package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.quarkus.QuarkusSettings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev loop on an application as {@code quarkus dev} lays it out: its entities compared with the chain on
 * throwaway embedded servers, with the naming strategy of its {@code application.properties}, the migration written
 * on request, and the comparison clean once that migration is compiled.
 */
class DevLoopTest {
    @TempDir
    Path project;

    @Test
    void comparesWritesAndComparesAgain() throws IOException {
        Path sources = project.resolve("src/main/java");
        Path classes = project.resolve("target/classes");
        write(sources.resolve("db/migrations/V1CreateCustomers.java"), """
                package db.migrations;

                @dev.migrate.Revision(id = "c1", message = "create customers")
                public class V1CreateCustomers implements dev.migrate.Migration {
                    @Override
                    public void upgrade(dev.migrate.Operations op) {
                        op.execute("CREATE TABLE customers (id bigint NOT NULL PRIMARY KEY)");
                    }

                    @Override
                    public void downgrade(dev.migrate.Operations op) {
                        op.execute("DROP TABLE customers");
                    }
                }
                """);
        write(sources.resolve("app/Customer.java"), """
                package app;

                @jakarta.persistence.Entity
                @jakarta.persistence.Table(name = "customers")
                public class Customer {
                    @jakarta.persistence.Id
                    Long id;
                    String fullName;
                }
                """);
        write(
                classes.resolve("application.properties"),
                "quarkus.hibernate-orm.physical-naming-strategy="
                        + "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy\n");
        compile(sources, classes);
        DevLoop loop = new DevLoop(
                new DevLoop.Layout(project, project.resolve("target"), classes, libraries()),
                List.of("db.migrations"),
                settings(Map.of()));

        DevLoop.Report differs = loop.check();
        assertThat(differs.failed()).as(differs.text()).isTrue();
        assertThat(differs.differences())
                .as(differs.text())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("public.customers.full_name");
        assertThat(differs.text())
                .contains("Using the Quarkus Hibernate ORM settings")
                .contains("Write the migration with the Dev UI's \"Write the migration\" (or the key M in the console"
                        + " of quarkus dev)")
                .doesNotContain(":migrate write");

        DevLoop.Report written = loop.write("add full name");
        assertThat(written.failed()).as(written.text()).isFalse();
        assertThat(written.written()).as(written.text()).hasSize(1);
        // applied by the restart of quarkus dev, as the application sets it, rather than by a goal
        assertThat(written.text())
                .contains("Review it, then run the application again (quarkus dev restarts with it on the next"
                        + " request, or the key s, and quarkus.migrate.migrate-at-start=true applies it).")
                .doesNotContain("migrate:upgrade");
        Path migration = project.resolve(written.written().get(0));
        assertThat(Files.readString(migration)).contains("revises = \"c1\"", "\"full_name\"");

        compile(sources, classes);
        DevLoop.Report same = loop.check();
        assertThat(same.failed()).as(same.text()).isFalse();
        assertThat(same.differences()).isEmpty();
        assertThat(same.text()).contains("No differences: the entities match the schema at head.");
    }

    /**
     * With {@code quarkus.migrate.source=sql} the dev loop compares the SQL schema files, as {@code mvn migrate:check
     * -Dmigrate.source=sql} does, though Hibernate is on the class path: the setting wins over the entities, of which
     * the application has none here.
     */
    @Test
    void takesTheSchemaFromSqlFilesWhenTheSourceSettingSaysSo() throws IOException {
        Path sources = project.resolve("src/main/java");
        Path classes = project.resolve("target/classes");
        write(sources.resolve("db/migrations/V1CreateCustomers.java"), """
                package db.migrations;

                @dev.migrate.Revision(id = "c1", message = "create customers")
                public class V1CreateCustomers implements dev.migrate.Migration {
                    @Override
                    public void upgrade(dev.migrate.Operations op) {
                        op.execute("CREATE TABLE customers (id bigint NOT NULL PRIMARY KEY)");
                    }

                    @Override
                    public void downgrade(dev.migrate.Operations op) {
                        op.execute("DROP TABLE customers");
                    }
                }
                """);
        write(
                project.resolve("schema/customers.sql"),
                "CREATE TABLE customers (id bigint NOT NULL PRIMARY KEY, email text NOT NULL DEFAULT '');\n");
        compile(sources, classes);
        DevLoop loop = new DevLoop(
                new DevLoop.Layout(project, project.resolve("target"), classes, libraries()),
                List.of("db.migrations"),
                settings(Map.of("quarkus.migrate.source", "sql", "quarkus.migrate.source-sql-dir", "schema")));

        DevLoop.Report differs = loop.check();
        assertThat(differs.failed()).as(differs.text()).isTrue();
        assertThat(differs.differences())
                .as(differs.text())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("public.customers.email");
        assertThat(differs.text()).doesNotContain("JPA provider");

        DevLoop.Report written = loop.write("add email");
        assertThat(written.failed()).as(written.text()).isFalse();
        assertThat(written.written()).as(written.text()).hasSize(1);

        compile(sources, classes);
        DevLoop.Report same = loop.check();
        assertThat(same.failed()).as(same.text()).isFalse();
        assertThat(same.differences()).isEmpty();
    }

    @Test
    void aSourceTheSettingDoesNotNameIsReportedWithTheSettingAndItsValues() throws IOException {
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        DevLoop loop = new DevLoop(
                new DevLoop.Layout(project, project.resolve("target"), classes, libraries()),
                List.of("db.migrations"),
                settings(Map.of("quarkus.migrate.source", "hibernate")));
        DevLoop.Report report = loop.check();
        assertThat(report.failed()).isTrue();
        assertThat(report.text()).contains("source is 'hibernate'", "jpa, sql, command, spring-data-jdbc");
    }

    /** The default datasource's settings, as the application's configuration would give {@code properties}. */
    private static ResolvedSettings settings(Map<String, String> properties) {
        return QuarkusSettings.of("<default>", properties::get).resolved();
    }

    /** The test's own jars, which hold Hibernate and the JPA API, as the application's dependencies. */
    private static List<Path> libraries() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar") && !entry.contains("junit") && !entry.contains("assertj"))
                .map(Path::of)
                .toList();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void compile(Path sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(
                List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
        }
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new)))
                .as("javac of the application")
                .isZero();
    }
}
