package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the runner's orchestration small: {@code Engine} and {@code StepRunner} hand online phases,
 * transaction plans and reports to classes of their own, and the online phases live in their own package.
 * Read from the main sources under the module's base directory.
 */
class SizeLimitsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/migrate/internal");
    private static final int MOST_LINES = 500;

    @Test
    void engineAndStepRunnerStayUnderFiveHundredLines() throws IOException {
        for (String name : List.of("Engine.java", "StepRunner.java")) {
            Path file = SOURCES.resolve("runtime").resolve(name);
            assertThat(Files.readAllLines(file))
                    .as("lines of " + file + ": move a job of its own to a class of its own")
                    .hasSizeLessThanOrEqualTo(MOST_LINES);
        }
    }

    @Test
    void theOnlinePhasesLiveInTheirOwnPackage() throws IOException {
        Path online = SOURCES.resolve("online");
        for (String phase : List.of(
                "OnlineRunner.java",
                "OnlineState.java",
                "ExpandPhase.java",
                "CompletePhase.java",
                "RollbackPhase.java",
                "BatchedBackfill.java")) {
            assertThat(online.resolve(phase)).exists();
        }
        try (Stream<Path> files = Files.walk(SOURCES.getParent())) {
            List<Path> elsewhere = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(online))
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.equals("OnlineState.java")
                                || name.equals("BatchedBackfill.java")
                                || name.endsWith("Phase.java");
                    })
                    .toList();
            assertThat(elsewhere).as("online phase classes outside " + online).isEmpty();
        }
        for (String name : List.of("Engine.java", "StepRunner.java")) {
            String source = Files.readString(SOURCES.resolve("runtime").resolve(name));
            assertThat(source)
                    .as(name + " hands online phases to the online runner")
                    .doesNotContain("import dev.migrate.internal.online.BatchedBackfill;")
                    .doesNotContain("import dev.migrate.internal.online.OnlineState;")
                    .doesNotContain("BRIEF_LOCK_WAIT")
                    .doesNotContain("OnlineState.EXPAND");
        }
    }
}
