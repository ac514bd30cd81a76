package dev.migrate.lint;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime an application ships (migrate-engine) carries none of the lint: no class of its
 * package, and no method on {@link Migrator} that replays migrations with sample rows. The engine is
 * found where this test's class path has it: its classes directory in the reactor, its jar otherwise.
 */
class RuntimeJarTest {

    @Test
    void theEngineHoldsNoLintClass() throws IOException {
        Path engine = location(Migrator.class);
        Path lint = location(Lint.class);
        assertThat(engine).isNotEqualTo(lint);

        List<String> entries = entries(engine);
        assertThat(entries).as("the engine was found").contains("dev/migrate/Migrator.class");
        assertThat(entries.stream().filter(e -> e.startsWith("dev/migrate/lint/")))
                .as("lint classes in " + engine)
                .isEmpty();
        assertThat(entries(lint)).contains("dev/migrate/lint/Lint.class", "dev/migrate/lint/LintRule.class");
    }

    @Test
    void aMigratorOffersNoLint() {
        assertThat(Arrays.stream(Migrator.class.getMethods()).map(Method::getName))
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("lint"));
    }

    private static List<String> entries(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.filter(Files::isRegularFile)
                        .map(f -> location.relativize(f).toString().replace('\\', '/'))
                        .toList();
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().map(e -> e.getName()).toList();
        }
    }
}
