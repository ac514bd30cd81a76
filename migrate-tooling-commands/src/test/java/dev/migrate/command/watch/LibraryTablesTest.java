package dev.migrate.command.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.ModuleManifest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library jar on the application's class path that owns tables (its {@code module.properties} and its revisions in
 * the jar, its entities not among the application's): the application's autogenerate applies the library's revisions
 * in the chain it compares with, and never drops or changes the library's tables.
 */
@LongSuite
class LibraryTablesTest {
    @TempDir
    Path directory;

    @Test
    void anApplicationsAutogenerateLeavesTheTablesOfALibraryJarAlone() throws IOException {
        WatchedProject project = new WatchedProject(directory.resolve("project"));
        project.jars.add(libraryJar(directory.resolve("library")));
        project.entity("Note", "@Id public long id; public String body;");

        project.autogenerate("create note");
        List<Path> written = migrations(project);
        assertThat(written).hasSize(1);
        String migration = Files.readString(written.get(0));
        assertThat(migration).contains("\"note\"");
        assertThat(migration)
                .as("the library's table, created by the revision in its jar, is the library's")
                .doesNotContain("lib_event");

        // the application's entity changes; the library's table still is not its to change
        project.compileMigration(written.get(0));
        project.entity("Note", "@Id public long id; public String body; public String author;");
        project.autogenerate("add author");
        assertThat(migrations(project)).hasSize(2);
        assertThat(Files.readString(migrations(project).get(1)))
                .contains("author")
                .doesNotContain("lib_event");
    }

    @Test
    void anApplicationsEntityMapsAnAssociationToALibraryJarsEntityWithoutCreatingItsTable() throws Exception {
        WatchedProject project = new WatchedProject(directory.resolve("project"));
        Path library = libraryJar(directory.resolve("library"), true);
        project.jars.add(library);
        // as the plugin finds them: every jar on the class path that ships a migration module
        project.entityModules.addAll(ModuleManifest.elementsShipping(project.classes, project.classpath()));
        assertThat(project.entityModules).containsExactly(library);
        project.entity(
                "Note", "@Id public long id; @ManyToOne @JoinColumn(name = \"event_id\") public lib.LibEvent event;");

        project.autogenerate("create note");
        List<Path> written = migrations(project);
        assertThat(written).hasSize(1);
        String migration = Files.readString(written.get(0));
        assertThat(migration)
                .as("the application's table, with its foreign key to the library's")
                .containsPattern("createTable\\(\\s*\"note\"")
                .contains("\"event_id\"")
                .contains("\"lib_event\"");
        assertThat(migration)
                .as("the library's table is the library's revision's: never created again")
                .doesNotContainPattern("createTable\\(\\s*\"lib_event\"");

        // the library's revision, then the application's, on a database: the foreign key finds its table
        project.compileMigration(written.get(0));
        DataSource database = TestPostgres.freshDatabase("library_entities");
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {project.classes.toUri().toURL(), library.toUri().toURL()},
                LibraryTablesTest.class.getClassLoader())) {
            Migrator.builder()
                    .classLoader(loader)
                    .packages(project.migrations)
                    .dataSource(database)
                    .build()
                    .upgrade("heads");
        }
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ccu.table_name FROM information_schema.table_constraints tc"
                        + " JOIN information_schema.constraint_column_usage ccu USING (constraint_name)"
                        + " WHERE tc.table_name = 'note' AND tc.constraint_type = 'FOREIGN KEY'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("lib_event");
        }
        project.autogenerate("again");
        assertThat(migrations(project))
                .as("the model matches the chain: nothing more")
                .hasSize(1);
    }

    /** A library built as its build would: its revision compiled, its module.properties, in one jar. */
    private static Path libraryJar(Path dir) throws IOException {
        return libraryJar(dir, false);
    }

    /** As {@link #libraryJar(Path)}, with the library's entity of its table when {@code withEntity}. */
    private static Path libraryJar(Path dir, boolean withEntity) throws IOException {
        Path entity = dir.resolve("src/lib/LibEvent.java");
        Files.createDirectories(entity.getParent());
        Files.writeString(entity, """
                package lib;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                import jakarta.persistence.Table;

                @Entity
                @Table(name = "lib_event")
                public class LibEvent {
                    @Id public long id;
                    public String payload;
                }
                """);
        Path source = dir.resolve("src/lib/migrations/CreateLibEvent.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package lib.migrations;

                import static dev.migrate.Ddl.column;

                import dev.migrate.Migration;
                import dev.migrate.Operations;
                import dev.migrate.Revision;

                @Revision(id = "20261101_000000", message = "create lib_event")
                public class CreateLibEvent implements Migration {
                    public void upgrade(Operations op) {
                        op.createTable("lib_event", column("id", "bigint").primaryKey(), column("payload", "text"));
                    }

                    public void downgrade(Operations op) {
                        op.dropTable("lib_event");
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-proc:none",
                        "-nowarn",
                        "-classpath",
                        System.getProperty("java.class.path"),
                        "-d",
                        classes.toString(),
                        source.toString(),
                        entity.toString());
        assertThat(status).as("javac of the library").isZero();
        Path jar = dir.resolve("lib-1.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // a jar as the jar tool writes it, directories included: the scanner lists a package's directory
            for (String directory : List.of("META-INF/", "META-INF/migrate/", "lib/", "lib/migrations/")) {
                entry(out, directory, new byte[0]);
            }
            if (withEntity) {
                entry(out, "lib/LibEvent.class", Files.readAllBytes(classes.resolve("lib/LibEvent.class")));
            }
            entry(
                    out,
                    "META-INF/migrate/module.properties",
                    "name=lib\npackage=lib.migrations\n".getBytes(StandardCharsets.UTF_8));
            entry(
                    out,
                    "lib/migrations/CreateLibEvent.class",
                    Files.readAllBytes(classes.resolve("lib/migrations/CreateLibEvent.class")));
        }
        return jar;
    }

    private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(content);
        out.closeEntry();
    }

    private static List<Path> migrations(WatchedProject project) throws IOException {
        Path migrations = project.sources.resolve("app/migrations");
        if (!Files.isDirectory(migrations)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(migrations)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
