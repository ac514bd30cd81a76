package dev.migrate.internal.discovery;

import dev.migrate.MigrateException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modules a build's own classes declare ({@code @MigrationModule} on a {@code package-info}) and the module a
 * class path element ships ({@code META-INF/migrate/module.properties}), read without loading a class: what the
 * build reads to write a module's {@code module.properties}.
 */
public final class DeclaredModules {
    /** One module: its name, the packages that hold its revisions and the modules it depends on. */
    public record Declared(String name, List<String> packages, List<String> dependsOn, String source) {
        public Declared {
            packages = List.copyOf(packages);
            dependsOn = List.copyOf(dependsOn);
        }
    }

    private DeclaredModules() {}

    /**
     * The {@code package-info} classes under {@code dir}, the package {@code pkg} (empty: the unnamed one), by their
     * class names: a package's other class files are passed by their names, never looked at one by one (a
     * model's thousands of entities).
     */
    private static void packageInfos(File dir, String pkg, Map<String, ClassFileSummary> found) throws IOException {
        String[] names = dir.list();
        if (names == null) {
            throw new IOException("Could not list the directory " + dir);
        }
        for (String name : names) {
            File child = new File(dir, name);
            if (name.equals("package-info.class")) {
                found.put(pkg + Modules.PACKAGE_INFO, ClassFileSummary.read(Files.readAllBytes(child.toPath())));
            } else if (!name.endsWith(".class") && child.isDirectory()) {
                packageInfos(child, pkg.isEmpty() ? name : pkg + "." + name, found);
            }
        }
    }

    /**
     * The modules the {@code package-info} classes under {@code classes} (a {@code target/classes}) declare, one per
     * name with the packages declaring it, sorted by name.
     *
     * @throws MigrateException when a class file cannot be read, naming it
     */
    public static List<Declared> in(Path classes) {
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        Map<String, ClassFileSummary> packageInfos = new HashMap<>();
        try {
            packageInfos(classes.toFile(), "", packageInfos);
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new MigrateException(
                    "Could not read the package-info classes under " + classes + ": " + e.getMessage()
                            + ". Compile the project again (mvn clean compile).",
                    e);
        }
        Map<String, ModuleDeclaration> byPackage =
                Modules.of(packageInfos, Map.of()).declarations();
        Map<String, List<String>> packagesByName = new HashMap<>();
        Map<String, ModuleDeclaration> byName = new HashMap<>();
        byPackage.forEach((pkg, declaration) -> {
            packagesByName
                    .computeIfAbsent(declaration.name(), n -> new ArrayList<>())
                    .add(pkg);
            byName.merge(declaration.name(), declaration, ModuleDeclaration::joining);
        });
        return byName.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .map(d -> new Declared(
                        d.name(),
                        packagesByName.getOrDefault(d.name(), List.of()).stream()
                                .sorted()
                                .toList(),
                        d.dependsOn(),
                        d.source()))
                .toList();
    }

    /**
     * The modules the jars and directories of {@code loader} ship, each by its {@code META-INF/migrate/module.properties},
     * in the loader's order.
     *
     * @throws MigrateException naming the file when it cannot be read or lacks {@code name} or {@code package}
     */
    public static List<Declared> shippedOn(ClassLoader loader) {
        return LibraryModules.read(loader).stream()
                .map(s -> new Declared(
                        s.module().name(),
                        s.packages(),
                        s.module().dependsOn(),
                        s.module().source()))
                .toList();
    }

    /**
     * The module {@code element} (a jar or a classes directory of a class path) ships; empty when it carries no
     * {@code META-INF/migrate/module.properties}.
     *
     * @throws MigrateException naming the file when it cannot be read or lacks {@code name} or {@code package}
     */
    public static Optional<Declared> shippedBy(Path element) {
        URL url;
        try {
            if (Files.isDirectory(element)) {
                Path file = element.resolve(LibraryModules.RESOURCE);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                url = file.toUri().toURL();
            } else if (Files.isRegularFile(element)
                    && element.getFileName().toString().endsWith(".jar")) {
                try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(element.toFile())) {
                    if (jar.getEntry(LibraryModules.RESOURCE) == null) {
                        return Optional.empty();
                    }
                }
                url = URI.create("jar:" + element.toUri() + "!/" + LibraryModules.RESOURCE)
                        .toURL();
            } else {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new MigrateException("Could not read " + element + ": " + e.getMessage(), e);
        }
        LibraryModules.Shipped shipped = LibraryModules.read(url);
        return Optional.of(new Declared(
                shipped.module().name(), shipped.packages(), shipped.module().dependsOn(), url.toString()));
    }
}
