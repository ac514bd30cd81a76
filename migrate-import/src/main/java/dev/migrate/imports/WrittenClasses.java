package dev.migrate.imports;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The written revisions compiled as the project will compile them, before they are written into it: the proof
 * replays what the project gets, not the statements it was made from.
 */
final class WrittenClasses {
    private WrittenClasses() {}

    /** Where {@code type} was loaded from: the revisions compile against the migrate this JVM runs. */
    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compiles {@code revisions} into {@code output} against {@code classpath} and this JVM's migrate, and returns a
     * loader over them whose parent is {@code parent}.
     *
     * @throws MigrateException with the compiler's messages when a revision does not compile
     */
    static ClassLoader compile(
            List<ImportedRevisions.Written> revisions, List<Path> classpath, Path output, ClassLoader parent) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new MigrateException("The import compiles the revisions it writes to prove them, and this Java "
                    + "runtime has no compiler. Run the import on a JDK (JAVA_HOME pointing at one), not a JRE, or skip the "
                    + "proof (import.prove=false).");
        }
        try {
            Path sources = Files.createDirectories(output.resolve("sources"));
            Path classes = Files.createDirectories(output.resolve("classes"));
            List<Path> files = new ArrayList<>();
            for (ImportedRevisions.Written revision : revisions) {
                files.add(revision.file().writeToPath(sources, StandardCharsets.UTF_8));
            }
            List<String> path = new ArrayList<>();
            for (Path entry : classpath) {
                path.add(entry.toString());
            }
            path.add(location(dev.migrate.Migration.class));
            // the op model the revisions call is a module of its own beside the engine
            path.add(location(dev.migrate.Operations.class));
            path.add(System.getProperty("java.class.path"));
            StringWriter messages = new StringWriter();
            try (StandardJavaFileManager manager =
                    compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
                Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
                List<String> options = List.of(
                        "-d",
                        classes.toString(),
                        "-classpath",
                        path.stream().filter(p -> !p.isEmpty()).collect(Collectors.joining(java.io.File.pathSeparator)),
                        "-proc:none",
                        "-nowarn");
                Boolean compiled = compiler.getTask(messages, manager, null, options, null, units)
                        .call();
                if (!Boolean.TRUE.equals(compiled)) {
                    throw new MigrateException("The revisions the import wrote do not compile:\n" + messages
                            + "\nNothing was written. This is a fault of the import: report it with the migration "
                            + "named above.");
                }
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
