package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the engine's packages layered: read from the import lines of the main sources, the engine's and
 * the op model's ({@code migrate-ops}, whose packages the engine builds on), no package reaches back to one that
 * depends on it. The public package {@code dev.migrate} is the one exception
 * the graph cannot express: its entry points build the engine and the engine returns its value types
 * and throws its exceptions, and splitting it would change every user's imports. So the engine may use
 * its value types, and only the entry points may reach into {@code dev.migrate.internal}.
 */
class PackageCyclesTest {
    /** The engine's main sources, and the op model's beneath them (its packages are part of the same graph). */
    private static final List<Path> SOURCES =
            List.of(Path.of("src/main/java"), Path.of("../migrate-ops/src/main/java"));

    private static final String API = "dev.migrate";
    private static final Set<String> ENTRY_POINTS = Set.of("Migrator", "Fleet");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);

    @Test
    void noPackageOfTheEngineDependsOnItselfThroughOthers() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (SourceFile file : sources()) {
            if (!file.pkg().equals(API)) {
                graph.computeIfAbsent(file.pkg(), p -> new TreeSet<>()).addAll(file.imported());
            }
        }
        graph.values().forEach(targets -> targets.remove(API));
        graph.forEach((pkg, targets) -> targets.remove(pkg));

        assertThat(cycles(graph)).as("package cycles").isEmpty();
    }

    @Test
    void onlyTheEntryPointsOfTheApiReachIntoTheEngine() {
        List<String> reaching = new ArrayList<>();
        for (SourceFile file : sources()) {
            if (file.pkg().equals(API)
                    && !ENTRY_POINTS.contains(file.name())
                    && file.imported().stream().anyMatch(p -> p.startsWith(API + ".internal"))) {
                reaching.add(file.name());
            }
        }
        assertThat(reaching).isEmpty();
    }

    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", new TreeSet<>(Set.of("b")));
        graph.put("b", new TreeSet<>(Set.of("c")));
        graph.put("c", new TreeSet<>(Set.of("a")));
        graph.put("d", new TreeSet<>(Set.of("a")));

        assertThat(cycles(graph)).containsExactly("a -> b -> c -> a");
    }

    /** Each cycle once, as the path from its smallest package back to it. */
    private static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> found = new ArrayList<>();
        for (String start : graph.keySet()) {
            walk(graph, start, new ArrayList<>(List.of(start)), found);
        }
        return found;
    }

    private static void walk(Map<String, Set<String>> graph, String at, List<String> path, List<String> found) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(path.get(0))) {
                found.add(String.join(" -> ", path) + " -> " + next);
            } else if (next.compareTo(path.get(0)) > 0 && !path.contains(next)) {
                path.add(next);
                walk(graph, next, path, found);
                path.remove(path.size() - 1);
            }
        }
    }

    private record SourceFile(String pkg, String name, Set<String> imported) {}

    private static List<SourceFile> sources() {
        List<SourceFile> result = new ArrayList<>();
        for (Path sources : SOURCES) {
            List<SourceFile> found = sources(sources);
            assertThat(found)
                    .as("main sources under " + sources.toAbsolutePath())
                    .isNotEmpty();
            result.addAll(found);
        }
        return result;
    }

    private static List<SourceFile> sources(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            List<SourceFile> result = new ArrayList<>();
            for (Path path : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(path);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) {
                    continue;
                }
                Set<String> imported = new TreeSet<>();
                Matcher imports = IMPORT.matcher(text);
                while (imports.find()) {
                    String target = packageOf(imports.group(1));
                    if (target.startsWith(API)) {
                        imported.add(target);
                    }
                }
                String name = path.getFileName().toString().replace(".java", "");
                result.add(new SourceFile(pkg.group(1), name, imported));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package of an imported name: its leading lower-case segments ({@code a.b.C.D} is in {@code a.b}). */
    private static String packageOf(String imported) {
        String[] parts = imported.split("\\.");
        int i = 0;
        while (i < parts.length && Character.isLowerCase(parts[i].charAt(0))) {
            i++;
        }
        return String.join(".", List.of(parts).subList(0, i));
    }
}
