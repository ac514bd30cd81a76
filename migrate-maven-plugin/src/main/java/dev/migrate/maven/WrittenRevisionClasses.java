package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The revisions {@code autogenerate} writes in a module, compiled into its classes at once: run from a reactor's
 * root, the modules built after it in the same run read its chain from those classes, new revision included, as
 * they read its tables.
 *
 * @param sources the source root the revisions are written to
 * @param before the Java sources there before the goal ran
 */
record WrittenRevisionClasses(Path sources, Set<Path> before) {

    /** The sources under {@code sources} now, to tell the written ones afterwards. */
    static WrittenRevisionClasses before(Path sources) {
        return new WrittenRevisionClasses(sources, javaFiles(sources));
    }

    /**
     * Compiles the sources written since {@link #before} into the project's classes, against its class path.
     *
     * @throws MigrateException naming the sources and the compiler's messages when they do not compile
     */
    void compile(Goal goal) {
        Set<Path> written = javaFiles(sources);
        written.removeAll(before);
        if (written.isEmpty()) {
            return;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            goal.log()
                    .info("Maven runs on a JRE without a compiler: run mvn compile before the next module reads "
                            + written.size() + " written revision(s).");
            return;
        }
        String classes = goal.project().getBuild().getOutputDirectory();
        List<String> classpath = new ArrayList<>(List.of(classes));
        EntityOptions.classpath(goal).forEach(p -> classpath.add(p.toString()));
        List<String> arguments = new ArrayList<>(List.of(
                "-d", classes, "-classpath", String.join(File.pathSeparator, classpath), "-proc:none", "-nowarn"));
        String release = goal.project().getProperties().getProperty("maven.compiler.release");
        if (release != null && !release.isBlank()) {
            arguments.addAll(List.of("--release", release.strip()));
        }
        written.stream().sorted().forEach(p -> arguments.add(p.toString()));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = compiler.run(null, messages, messages, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new MigrateException("The written revision(s) " + written + " did not compile into " + classes
                    + ": " + messages.toString(StandardCharsets.UTF_8).strip()
                    + ". Fix them, then run mvn compile in the module and the goal again.");
        }
        goal.log()
                .info("Compiled " + written.size() + " written revision(s) into " + goal.displayed(Path.of(classes))
                        + ", where the modules built after this one read them.");
    }

    private static Set<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return new HashSet<>();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return new HashSet<>(
                    files.filter(f -> f.toString().endsWith(".java")).toList());
        } catch (IOException e) {
            throw new MigrateException("Could not list the sources under " + root + ": " + e.getMessage(), e);
        }
    }
}
