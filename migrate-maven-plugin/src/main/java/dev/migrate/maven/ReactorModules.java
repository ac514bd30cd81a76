package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.command.tooling.OtherModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;

/**
 * The reactor's other migration modules as a module's {@code autogenerate} sees them: the projects of the build that
 * depend on this one (an entity can only move to a module whose chain comes after its old one's), their module names
 * and the tables their entities map, read from their sources, which need not be compiled yet (they build after this
 * one). A table is read as {@code @Table(name = ...)} names it, else after the entity's class name, as JPA's and
 * Spring's naming give it ({@code CustomerNote}: {@code customernote} or {@code customer_note}).
 */
final class ReactorModules {
    private static final Pattern MODULE = Pattern.compile("@MigrationModule\\s*\\(\\s*(?:name\\s*=\\s*)?\"(\\w+)\"");
    private static final Pattern ENTITY =
            Pattern.compile("@(?:jakarta\\.persistence\\.|javax\\.persistence\\.)?Entity\\b");
    private static final Pattern TABLE = Pattern.compile("@(?:\\w+\\.)*Table\\s*\\([^)]*?\\bname\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CLASS = Pattern.compile("\\b(?:class|record)\\s+(\\w+)");

    private ReactorModules() {}

    /** The modules of {@code goal}'s build that build on its project, with the tables their entities map. */
    static OtherModules of(Goal goal) {
        List<MavenProject> all = goal.session().getAllProjects();
        if (all == null || all.size() <= 1) {
            return OtherModules.UNSEEN;
        }
        Map<String, MavenProject> byKey = new HashMap<>();
        all.forEach(p -> byKey.put(key(p.getGroupId(), p.getArtifactId()), p));
        Map<String, String> tables = new HashMap<>();
        for (MavenProject other : all) {
            if (!other.getBasedir().equals(goal.project().getBasedir()) && dependsOn(other, goal.project(), byKey)) {
                moduleOf(other).ifPresent(module -> tablesOf(other).forEach(t -> tables.putIfAbsent(t, module)));
            }
        }
        return new OtherModules(tables, true);
    }

    /**
     * Whether {@code project} depends on {@code on}, directly or through other projects of the reactor
     * ({@code byKey}: each project by its {@code groupId:artifactId}).
     */
    private static boolean dependsOn(MavenProject project, MavenProject on, Map<String, MavenProject> byKey) {
        String target = key(on.getGroupId(), on.getArtifactId());
        Deque<MavenProject> todo = new ArrayDeque<>(List.of(project));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            for (Dependency dependency : todo.pop().getDependencies()) {
                String key = key(dependency.getGroupId(), dependency.getArtifactId());
                if (key.equals(target)) {
                    return true;
                }
                MavenProject next = byKey.get(key);
                if (next != null && seen.add(key)) {
                    todo.add(next);
                }
            }
        }
        return false;
    }

    private static String key(String groupId, String artifactId) {
        return groupId + ":" + artifactId;
    }

    /** The module the project's sources declare with {@code @MigrationModule}; empty when it declares none. */
    private static Optional<String> moduleOf(MavenProject project) {
        return sources(project)
                .filter(file -> file.getFileName().toString().equals("package-info.java"))
                .map(ReactorModules::read)
                .map(MODULE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst();
    }

    /** The tables the project's entity sources map, lower case. */
    private static Set<String> tablesOf(MavenProject project) {
        Set<String> tables = new HashSet<>();
        sources(project).map(ReactorModules::read).forEach(source -> {
            Matcher entity = ENTITY.matcher(source);
            if (!entity.find()) {
                return;
            }
            Matcher table = TABLE.matcher(source);
            Matcher type = CLASS.matcher(source);
            if (table.find()) {
                tables.add(table.group(1).toLowerCase(Locale.ROOT));
            } else if (type.find(entity.end())) {
                String name = type.group(1);
                tables.add(name.toLowerCase(Locale.ROOT));
                tables.add(name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
            }
        });
        return tables;
    }

    private static Stream<Path> sources(MavenProject project) {
        return project.getCompileSourceRoots().stream()
                .map(Path::of)
                .filter(Files::isDirectory)
                .flatMap(ReactorModules::javaFiles);
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new MigrateException("Could not read the sources in " + root + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new MigrateException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
