package dev.migrate.autogen.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.LongSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every entity of the tests' richer models (each kind of inheritance, embeddables, element collections, converters,
 * enumerations) given a column, one at a time: what the watch makes of the edit, describing the entity alone, is
 * what describing the whole model again writes, statement for statement; the entities of an inheritance hierarchy
 * are refused, for that reason.
 */
@LongSuite
class ChangedFixtureEntitiesTest {
    @TempDir
    Path work;

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "dev.migrate.autogen.entity.matrix; Customer",
                "dev.migrate.autogen.fixpoint.model; Customer,Document,Label"
            })
    void eachEntityGivenAColumnIsDescribedAsTheWholeModelIsOrRefused(String model, String alone) throws Exception {
        Path sources = Path.of("src/test/java").resolve(model.replace('.', '/'));
        List<Path> files;
        try (Stream<Path> listed = Files.list(sources)) {
            files = listed.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        Path before = compile(files, work.resolve("before"), null);
        List<String> whole = whole(before, model);
        Map<String, String> outcomes = new TreeMap<>();
        for (Path source : files) {
            String text = read(source);
            if (!text.contains("\n@Entity")) {
                continue;
            }
            String entity = model + "." + source.getFileName().toString().replace(".java", "");
            Path edited = work.resolve("edited").resolve(source.getFileName());
            Files.createDirectories(edited.getParent());
            int end = text.lastIndexOf('}');
            Files.writeString(edited, text.substring(0, end) + "    String changedEntityProbe;\n}\n");
            Path after = work.resolve("after-" + entity);
            copy(before, after);
            compile(List.of(edited), after, before);
            byte[] was = Files.readAllBytes(before.resolve(entity.replace('.', '/') + ".class"));
            List<String> why = new ArrayList<>();
            Optional<List<String>> ddl;
            try (URLClassLoader loader = loader(after, model)) {
                ddl = new EntityDdl(List.of(after), List.of(model), null, Map.of())
                        .generateChanged(
                                loader,
                                18,
                                ProviderLog.QUIET,
                                Map.of(entity, was),
                                ChangedModels.classes(after),
                                whole,
                                new HashMap<>(),
                                why::add);
            }
            if (ddl.isPresent()) {
                assertThat(ddl.get()).as(entity).isEqualTo(whole(after, model));
                outcomes.put(entity, "alone");
            } else {
                assertThat(why).as(entity).hasSize(1);
                outcomes.put(entity, "whole: " + why.get(0));
            }
        }
        // the entities of no inheritance hierarchy are described alone; every other is refused, for that reason
        outcomes.forEach((entity, outcome) -> assertThat(outcome)
                .as(entity)
                .isEqualTo(
                        List.of(alone.split(",", -1)).contains(entity.substring(model.length() + 1))
                                ? "alone"
                                : "whole: " + entity + " is part of an inheritance hierarchy"));
    }

    private List<String> whole(Path classes, String model) throws Exception {
        try (URLClassLoader loader = loader(classes, model)) {
            return new EntityDdl(List.of(classes), List.of(model), null, Map.of()).generate(loader, 18);
        }
    }

    /** The model's classes from {@code classes} before the test's own copies of them; the rest from the test's. */
    private static URLClassLoader loader(Path classes, String model) throws IOException {
        return new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, ChangedFixtureEntitiesTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith(model + ".")) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> type = findLoadedClass(name);
                    if (type == null) {
                        type = findClass(name);
                    }
                    if (resolve) {
                        resolveClass(type);
                    }
                    return type;
                }
            }
        };
    }

    private Path compile(List<Path> sources, Path into, @Nullable Path before) throws IOException {
        Files.createDirectories(into);
        String classpath = before == null
                ? System.getProperty("java.class.path")
                : before + java.io.File.pathSeparator + System.getProperty("java.class.path");
        List<String> args = new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", into.toString(), "-cp", classpath));
        sources.forEach(s -> args.add(s.toString()));
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        return into;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path file : tree.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
