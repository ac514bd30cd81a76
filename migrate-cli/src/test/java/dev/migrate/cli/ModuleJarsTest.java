package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.sql.DataSource;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line given several module jars on {@code --classpath}, in any order: every module's chain is applied,
 * each after the modules it depends on, as the starter applies them. The two modules' first revisions share an id,
 * which modules never clash on.
 */
class ModuleJarsTest {
    private static final String SAME_ID = "20261129_090000";

    @TempDir
    Path work;

    @Test
    void upgradeAppliesEveryModuleJarOnTheClassPathInDependencyOrder() throws IOException, SQLException {
        Path outbox = moduleJar("outbox", "", "CREATE TABLE outbox_message (id bigint PRIMARY KEY)");
        // billing's table points at outbox's: run before outbox's, its revision would fail
        Path billing = moduleJar(
                "billing",
                "outbox",
                "CREATE TABLE invoice (id bigint PRIMARY KEY, message_id bigint REFERENCES outbox_message (id))");
        String database = TestPostgres.createDatabase("cli_module_jars");
        DataSource data = TestPostgres.dataSource(database);
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";
        String classpath = billing + File.pathSeparator + outbox;

        Run upgrade = run("upgrade", "heads", "--url", url, "--classpath", classpath);
        assertThat(upgrade.code()).as(upgrade.toString()).isZero();
        assertThat(rows(data, "SELECT revision FROM migrate_history ORDER BY id"))
                .as("outbox first, as billing depends on it, whatever the order of the jars")
                .containsExactly("outbox." + SAME_ID, "billing." + SAME_ID);
        assertThat(rows(data, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly("billing." + SAME_ID, "outbox." + SAME_ID);

        Run current = run("current", "--url", url, "--classpath", classpath, "--module", "billing");
        assertThat(current.code()).as(current.toString()).isZero();
        assertThat(current.out()).contains("billing." + SAME_ID).doesNotContain("outbox." + SAME_ID);
        Run again = run("upgrade", "heads", "--url", url, "--classpath", classpath);
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(rows(data, "SELECT count(*) FROM migrate_history")).containsExactly("2");
    }

    /** A jar as a module's build ships it: its one revision running {@code sql}, and its module.properties. */
    private Path moduleJar(String module, String dependsOn, String sql) throws IOException {
        String pkg = "lib." + module + ".migrations";
        Path source = work.resolve(module + "/src/" + pkg.replace('.', '/') + "/First.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package %s;

                import dev.migrate.Migration;
                import dev.migrate.Operations;
                import dev.migrate.Revision;

                @Revision(id = "%s", message = "first of %s")
                public class First implements Migration {
                    public void upgrade(Operations op) {
                        op.execute("%s");
                    }

                    public void downgrade(Operations op) {}
                }
                """.formatted(pkg, SAME_ID, module, sql));
        Path classes = Files.createDirectories(work.resolve(module + "/classes"));
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
                        source.toString());
        assertThat(status).as("javac of " + module).isZero();
        Path jar = work.resolve(module + "-1.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // a jar as the jar tool writes it, directories included: the scanner lists a package's directory
            for (String directory : List.of(
                    "META-INF/",
                    "META-INF/migrate/",
                    "lib/",
                    "lib/" + module + "/",
                    "lib/" + module + "/migrations/")) {
                entry(out, directory, new byte[0]);
            }
            entry(
                    out,
                    "META-INF/migrate/module.properties",
                    ("name=" + module + "\npackage=" + pkg + "\ndependsOn=" + dependsOn + "\n")
                            .getBytes(StandardCharsets.UTF_8));
            String first = pkg.replace('.', '/') + "/First.class";
            entry(out, first, Files.readAllBytes(classes.resolve(first)));
        }
        return jar;
    }

    private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(content);
        out.closeEntry();
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(Map.of(), o, e, work).run(args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> rows(DataSource data, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = data.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private record Run(int code, String out, String err) {}
}
