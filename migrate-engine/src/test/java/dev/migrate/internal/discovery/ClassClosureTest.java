package dev.migrate.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.Javac;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class's closure, summed from the class files of a loader's directories: the class and the project classes it
 * names, transitively. The sum of a class is made once for a loader (a run asks for it for a migration's upgrade and
 * its downgrade); a loader of the same directories made later sums the files as they are then.
 */
class ClassClosureTest {
    @TempDir
    Path work;

    @Test
    void aClassIsSummedOnceForItsLoaderAndAgainForTheNextLoader() throws Exception {
        Path classes = compile("ONE");
        try (URLClassLoader first =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            ClassClosure closures = ClassClosure.in(first);
            Optional<String> sum = closures.digest("closure.Migration");
            assertThat(sum).isPresent();

            // the helper the migration reaches changes on disk: this loader's sum stays the one made for it
            compile("TWO");
            assertThat(closures.digest("closure.Migration")).isEqualTo(sum);

            // the next loader of the same directories sums the files as they are now
            try (URLClassLoader next =
                    new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
                assertThat(ClassClosure.in(next).digest("closure.Migration"))
                        .isPresent()
                        .isNotEqualTo(sum);
            }
        }
    }

    /** Compiles a migration class that calls a helper, the helper's constant {@code column}; the classes' directory. */
    private Path compile(String column) throws Exception {
        Path src = Files.createDirectories(work.resolve("src/closure"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Files.writeString(
                src.resolve("Migration.java"),
                "package closure;\npublic class Migration {\n    String column() {\n        return Helper.column();\n"
                        + "    }\n}\n");
        Files.writeString(
                src.resolve("Helper.java"),
                "package closure;\nclass Helper {\n    static String column() {\n        return \"" + column
                        + "\";\n    }\n}\n");
        Javac.compile(classes, List.of(), src.resolve("Migration.java"), src.resolve("Helper.java"));
        return classes;
    }
}
