package dev.migrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * The JDK's compiler, for tests that need class files written as a build writes them.
 *
 * <pre>{@code
 * Javac.compile(classes, List.of(ClassLocations.location(Migration.class)), source);
 * }</pre>
 */
public final class Javac {
    private Javac() {}

    /**
     * Compiles {@code sources} into {@code classes} against {@code classPath}, no annotation processing, failing the
     * test with javac's errors if it fails.
     */
    public static void compile(Path classes, List<Path> classPath, Path... sources) {
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none"));
        if (!classPath.isEmpty()) {
            arguments.add("-cp");
            arguments.add(String.join(
                    File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        }
        for (Path source : sources) {
            arguments.add(source.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, arguments.toArray(String[]::new));
        assertThat(status)
                .as("javac %s: %s", List.of(sources), errors.toString(StandardCharsets.UTF_8))
                .isZero();
    }
}
