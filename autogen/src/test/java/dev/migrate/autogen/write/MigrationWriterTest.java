package dev.migrate.autogen.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Revision;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationWriterTest {
    @TempDir Path dir;

    @Test void classNameIsVIdAndCamelCaseMessage() {
        assertThat(MigrationWriter.className("20261122_101500", "add status column to agents"))
                .isEqualTo("V20261122_101500_AddStatusColumnToAgents");
        assertThat(MigrationWriter.className("20261122_101500", "  Fix: users.email (unique)!  "))
                .isEqualTo("V20261122_101500_FixUsersEmailUnique");
        assertThat(MigrationWriter.className("20261122_101500", "")).isEqualTo("V20261122_101500");
        assertThat(MigrationWriter.className("20261122_101500", "2nd try")).isEqualTo("V20261122_101500_2ndTry");
    }

    @Test void idsAreUtcTimestampsBumpedPastTakenOnes() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:00.700Z"), ZoneOffset.ofHours(5));
        assertThat(RevisionIds.next(clock, id -> false)).isEqualTo("20261122_101500");
        Set<String> taken = Set.of("20261122_101500", "20261122_101501");
        assertThat(RevisionIds.next(clock, taken::contains)).isEqualTo("20261122_101502");
    }

    @Test void writesACompilableRevisionIntoThePackageDirectory() throws Exception {
        Path src = dir.resolve("src/main/java");
        MigrationWriter writer = new MigrationWriter(src, "db.migrations");
        Path first = writer.write(NewMigration.empty("20261120_093000", List.of(), "create users"));
        Path second = writer.write(NewMigration.empty("20261122_101500", List.of("20261120_093000"), "add \"status\" column"));
        Path merge = writer.write(NewMigration.merge("20261123_000000", List.of("20261122_101500", "20261120_093000"), "merge heads"));

        assertThat(first).isEqualTo(src.resolve("db/migrations/V20261120_093000_CreateUsers.java"));
        assertThat(Files.readString(second))
                .contains("package db.migrations;")
                .contains("@Revision(")
                .contains("id = \"20261122_101500\"")
                .contains("revises = \"20261120_093000\"")
                .contains("message = \"add \\\"status\\\" column\"")
                .contains("public class V20261122_101500_AddStatusColumn implements Migration")
                .contains("public void upgrade(Operations op)")
                .contains("public void downgrade(Operations op)");
        assertThat(Files.readString(first)).doesNotContain("revises");
        assertThat(Files.readString(merge)).contains("revises = {\"20261122_101500\", \"20261120_093000\"}");

        Path classes = compile(dir.resolve("classes"), first, second, merge);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> type = loader.loadClass("db.migrations.V20261123_000000_MergeHeads");
            assertThat(Migration.class.isAssignableFrom(type)).isTrue();
            Revision revision = type.getAnnotation(Revision.class);
            assertThat(revision.id()).isEqualTo("20261123_000000");
            assertThat(revision.revises()).containsExactly("20261122_101500", "20261120_093000");
            assertThat(revision.message()).isEqualTo("merge heads");
        }
    }

    @Test void refusesToOverwrite() {
        MigrationWriter writer = new MigrationWriter(dir, "db.migrations");
        writer.write(NewMigration.empty("20261120_093000", List.of(), "create users"));
        assertThatThrownBy(() -> writer.write(NewMigration.empty("20261120_093000", List.of(), "create users")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("V20261120_093000_CreateUsers.java already exists");
    }

    /** Compiles against the engine classes this test runs with, as a project depending on migrate-engine would. */
    private static Path compile(Path out, Path... sources) throws Exception {
        Files.createDirectories(out);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String engine = Path.of(Migration.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String[] args = new String[sources.length + 6];
        args[0] = "-classpath";
        args[1] = engine + File.pathSeparator + System.getProperty("java.class.path");
        args[2] = "-d";
        args[3] = out.toString();
        args[4] = "-Xlint:all";
        args[5] = "-Werror";
        for (int i = 0; i < sources.length; i++) {
            args[6 + i] = sources[i].toString();
        }
        assertThat(compiler.run(null, null, null, args)).as("javac exit code").isZero();
        return out;
    }
}
