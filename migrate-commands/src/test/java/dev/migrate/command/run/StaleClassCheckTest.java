package dev.migrate.command.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleClassCheckTest {
    @TempDir
    Path project;

    @Test
    void passesWhenClassesAreNewerAndFailsNamingTheSourceOtherwise() throws Exception {
        Path source = write(
                project.resolve("src/main/java/db/migrations/V1_Init.java"), Instant.parse("2026-01-01T00:00:00Z"));
        Path compiled = write(
                project.resolve("target/classes/db/migrations/V1_Init.class"), Instant.parse("2026-01-01T00:00:05Z"));
        StaleClassCheck check =
                new StaleClassCheck(List.of(project.resolve("src/main/java")), project.resolve("target/classes"));
        assertThatCode(() -> check.verify(List.of("db.migrations"), "migrate:upgrade"))
                .doesNotThrowAnyException();

        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-01-01T00:00:09Z")));
        assertThatThrownBy(() -> check.verify(List.of("db.migrations"), "migrate:upgrade"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("V1_Init.java")
                .hasMessageContaining("mvn compile migrate:upgrade");

        Files.delete(compiled);
        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        assertThatThrownBy(() -> check.verify(List.of("db.migrations"), "migrate:upgrade"))
                .isInstanceOf(MigrateException.class);
        assertThatCode(() -> check.verify(List.of("other.pkg"), "migrate:upgrade"))
                .doesNotThrowAnyException();
    }

    @Test
    void entitiesNeverCompiledFailNamingTheCompileCommand() throws Exception {
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        write(project.resolve("src/main/java/com/example/model/Agent.java"), time);
        StaleClassCheck check =
                new StaleClassCheck(List.of(project.resolve("src/main/java")), project.resolve("target/classes"));
        assertThatThrownBy(() -> check.verifyEntities(List.of(), "migrate:autogenerate"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Agent.java")
                .hasMessageContaining("Run `mvn compile migrate:autogenerate`.");
        assertThatThrownBy(() -> check.verifyEntities(List.of("com.example"), "migrate:check"))
                .hasMessageContaining("mvn compile migrate:check");
        assertThatCode(() -> check.verifyEntities(List.of("com.other"), "migrate:check"))
                .doesNotThrowAnyException();

        write(project.resolve("target/classes/com/example/model/Agent.class"), time.plusSeconds(5));
        assertThatCode(() -> check.verifyEntities(null, "migrate:autogenerate")).doesNotThrowAnyException();
    }

    private static Path write(Path file, Instant time) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(time));
        return file;
    }
}
