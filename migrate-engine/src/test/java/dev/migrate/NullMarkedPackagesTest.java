package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** NullAway checks only packages marked {@code @NullMarked}: a new engine package must be marked to be checked. */
class NullMarkedPackagesTest {
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyPackageOfTheEngineIsNullMarked() throws IOException {
        List<Path> packages;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            packages = files.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::getParent)
                    .distinct()
                    .toList();
        }
        assertThat(packages).isNotEmpty();
        assertThat(packages)
                .filteredOn(dir -> !isNullMarked(dir.resolve("package-info.java")))
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }

    private static boolean isNullMarked(Path packageInfo) {
        try {
            return Files.exists(packageInfo) && Files.readString(packageInfo).contains("@NullMarked");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
