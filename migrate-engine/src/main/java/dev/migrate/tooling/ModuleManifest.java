package dev.migrate.tooling;

import dev.migrate.MigrateException;
import dev.migrate.internal.discovery.DeclaredModules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code META-INF/migrate/module.properties} a build writes for the module its classes declare: the module's
 * name and packages from its {@code @MigrationModule}, and what it depends on from the annotation and from the
 * modules its dependencies ship, so that nobody writes the order by hand:
 *
 * <pre>{@code
 * ModuleManifest.of(Path.of("target/classes"), classpath).ifPresent(m -> m.write(Path.of("target/classes")));
 * }</pre>
 *
 * <p>Published for migrate's modules, not for applications: see the package.
 *
 * @param name the module's name
 * @param packages the packages that hold its revisions
 * @param dependsOn the modules applied before it, the annotation's first
 */
public record ModuleManifest(String name, List<String> packages, List<String> dependsOn) {
    /** Where a jar or a classes directory carries its module. */
    public static final String RESOURCE = "META-INF/migrate/module.properties";

    public ModuleManifest {
        packages = List.copyOf(packages);
        dependsOn = List.copyOf(dependsOn);
    }

    /**
     * The module {@code classes} declare, depending also on every module an element of {@code classpath} ships;
     * empty when no {@code package-info} there carries {@code @MigrationModule}.
     *
     * @throws MigrateException when the classes declare several modules, naming them and the fix
     */
    public static Optional<ModuleManifest> of(Path classes, List<Path> classpath) {
        List<DeclaredModules.Declared> declared = DeclaredModules.in(classes);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        if (declared.size() > 1) {
            throw new MigrateException("The classes in " + classes + " declare the modules "
                    + declared.stream()
                            .map(d -> d.name() + " (" + d.source() + ")")
                            .toList()
                    + ", and a build ships one module: give each its own Maven module, or name the revisions of"
                    + " one module with @Revision(module = ...) in a package without @MigrationModule.");
        }
        DeclaredModules.Declared own = declared.get(0);
        Set<String> dependsOn = new LinkedHashSet<>(own.dependsOn());
        for (String name : shippedBy(classes, classpath)) {
            if (!name.equals(own.name())) {
                dependsOn.add(name);
            }
        }
        return Optional.of(new ModuleManifest(own.name(), own.packages(), new ArrayList<>(dependsOn)));
    }

    /**
     * The modules the jars and directories of {@code loader} ship, in the loader's order: what a build that lists the
     * revisions itself (Quarkus's index) adds to the packages it looks in,
     * {@code ModuleManifest.onClassPath(loader).forEach(m -> packages.addAll(m.packages()))}.
     *
     * @throws MigrateException naming the file when one cannot be read or lacks {@code name} or {@code package}
     */
    public static List<ModuleManifest> onClassPath(ClassLoader loader) {
        return DeclaredModules.shippedOn(loader).stream()
                .map(d -> new ModuleManifest(d.name(), d.packages(), d.dependsOn()))
                .toList();
    }

    /** The names of the modules the elements of {@code classpath} other than {@code classes} ship, in order. */
    public static List<String> shippedBy(Path classes, List<Path> classpath) {
        Set<String> names = new LinkedHashSet<>();
        for (Path element : classpath) {
            if (!element.toAbsolutePath()
                    .normalize()
                    .equals(classes.toAbsolutePath().normalize())) {
                DeclaredModules.shippedBy(element).ifPresent(d -> names.add(d.name()));
            }
        }
        return List.copyOf(names);
    }

    /** The class path elements of {@code classpath} other than {@code classes} that ship a module. */
    public static List<Path> elementsShipping(Path classes, List<Path> classpath) {
        List<Path> shipping = new ArrayList<>();
        for (Path element : classpath) {
            if (!element.toAbsolutePath()
                            .normalize()
                            .equals(classes.toAbsolutePath().normalize())
                    && DeclaredModules.shippedBy(element).isPresent()) {
                shipping.add(element);
            }
        }
        return shipping;
    }

    /** The name of the module {@code classes} ship or declare; empty when they are no module. */
    public static Optional<String> nameIn(Path classes) {
        Optional<String> shipped = DeclaredModules.shippedBy(classes).map(DeclaredModules.Declared::name);
        if (shipped.isPresent()) {
            return shipped;
        }
        List<DeclaredModules.Declared> declared = DeclaredModules.in(classes);
        return declared.size() == 1 ? Optional.of(declared.get(0).name()) : Optional.empty();
    }

    /** The file's text, the same for the same module, so that a build that changes nothing changes no byte. */
    public String text() {
        return "# written by migrate:module from @MigrationModule and the build's dependencies\n"
                + "name=" + name + "\n"
                + "package=" + String.join(",", packages) + "\n"
                + "dependsOn=" + String.join(",", dependsOn) + "\n";
    }

    /**
     * Writes the file under {@code classes}, unless it already holds this text.
     *
     * @return the file
     * @throws MigrateException when it cannot be written, naming it
     */
    public Path write(Path classes) {
        Path file = classes.resolve(RESOURCE);
        String text = text();
        try {
            if (Files.isRegularFile(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                return file;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not write " + file + ": " + e.getMessage() + ". Check that the build"
                            + " directory is writable.",
                    e);
        }
    }
}
