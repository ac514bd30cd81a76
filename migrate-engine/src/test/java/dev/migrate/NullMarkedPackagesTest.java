package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * NullAway checks only packages marked {@code @NullMarked}: a new package of any module must be marked to be
 * checked. The engine's tests run first in the build, so the rule is held here for every module's main code.
 */
class NullMarkedPackagesTest {
    /** The build's root: the engine module's parent. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyPackageOfEveryModuleIsNullMarked() throws IOException {
        List<Path> packages;
        try (Stream<Path> modules = Files.list(ROOT)) {
            packages = modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(NullMarkedPackagesTest::packages)
                    .toList();
        }
        assertThat(packages).anyMatch(p -> p.endsWith("dev/migrate/op")).anyMatch(p -> p.endsWith("dev/migrate/maven"));
        assertThat(packages)
                .filteredOn(dir -> !isNullMarked(dir.resolve("package-info.java")))
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }

    private static Stream<Path> packages(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(Path::getParent).distinct().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isNullMarked(Path packageInfo) {
        try {
            return Files.exists(packageInfo) && Files.readString(packageInfo).contains("@NullMarked");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
