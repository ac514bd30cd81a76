package dev.migrate.autogen.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Entity models of package {@code shop} compiled from their sources, before and after an edit of some of them, and
 * what {@link EntityDdl#generateChanged} makes of the edit beside the whole model described again, each in a loader
 * {@code loaders} makes over the compiled classes (the provider of the test's class path, or one line's jars).
 */
final class ChangedModels {
    /** What makes a loader of a compiled model with a provider. */
    @FunctionalInterface
    interface Loaders {
        URLClassLoader over(Path classes) throws Exception;
    }

    /**
     * The DDL made from the change (empty: refused), the reasons told, the whole model's DDL after it, and the scripts
     * of the small units it was described with, by what each was written from.
     */
    record Outcome(
            Optional<List<String>> ddl, List<String> why, List<String> whole, Map<String, List<String>> unitScripts) {}

    private final Path work;
    private final Loaders loaders;
    private int compiled;

    ChangedModels(Path work, Loaders loaders) {
        this.work = work;
        this.loaders = loaders;
    }

    /** {@code model} with the entities of {@code edits} changed. */
    Outcome change(Map<String, String> model, Map<String, String> edits) throws Exception {
        return changes(model, List.of(edits)).get(0);
    }

    /**
     * {@code model} changed by each of {@code edits} in turn, as a watch's cycles change it: each change applied to
     * what the last one made (the whole model described, where one was refused), with the unit scripts the last
     * one left ({@link Outcome#unitScripts}).
     */
    List<Outcome> changes(Map<String, String> model, List<Map<String, String>> edits) throws Exception {
        Path before = compile(model);
        List<String> lastDdl = whole(before);
        Map<String, String> current = new LinkedHashMap<>(model);
        Map<String, List<String>> unitScripts = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Map<String, String> edit : edits) {
            current.putAll(edit);
            Path after = compile(current);
            List<String> why = new ArrayList<>();
            Map<String, byte[]> was = new LinkedHashMap<>();
            for (String entity : edit.keySet()) {
                was.put(
                        "shop." + entity,
                        Files.readAllBytes(before.resolve("shop").resolve(entity + ".class")));
            }
            List<String> whole = whole(after);
            try (URLClassLoader loader = loaders.over(after)) {
                Optional<List<String>> ddl = new EntityDdl(List.of(after), List.of("shop"), null, Map.of())
                        .generateChanged(
                                loader, 18, ProviderLog.QUIET, was, classes(after), lastDdl, unitScripts, why::add);
                outcomes.add(new Outcome(ddl, why, whole, Map.copyOf(unitScripts)));
                lastDdl = ddl.orElse(whole);
            }
            before = after;
        }
        return outcomes;
    }

    /** The classes under {@code root}, each name with the bytes of its class file. */
    static Map<String, byte[]> classes(Path root) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
            }
        }
        return classes;
    }

    private List<String> whole(Path classes) throws Exception {
        try (URLClassLoader loader = loaders.over(classes)) {
            return new EntityDdl(List.of(classes), List.of("shop"), null, Map.of()).generate(loader, 18);
        }
    }

    private Path compile(Map<String, String> sources) throws Exception {
        Path dir = work.resolve("classes" + compiled);
        Path src = work.resolve("sources" + compiled++);
        Files.createDirectories(dir);
        Files.createDirectories(src.resolve("shop"));
        List<String> args =
                new ArrayList<>(List.of("-d", dir.toString(), "-cp", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> file : sources.entrySet()) {
            Path source = src.resolve("shop").resolve(file.getKey() + ".java");
            Files.writeString(
                    source, "package shop;\nimport jakarta.persistence.*;\nimport java.util.*;\n" + file.getValue());
            args.add(source.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        return dir;
    }
}
